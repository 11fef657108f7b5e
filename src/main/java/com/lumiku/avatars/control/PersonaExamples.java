package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.PersonaExample;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Avatar Creator's persona examples: listed for everyone, kept by operators. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonaExamples {

  private static final Logger LOG = Logger.getLogger(PersonaExamples.class.getName());

  @PersistenceContext EntityManager em;

  /** The examples by category, then in display order. */
  public List<PersonaExample> list(String category) {
    TypedQuery<PersonaExample> query =
        em.createQuery(
            "SELECT e FROM PersonaExample e"
                + (category == null ? "" : " WHERE e.category = :category")
                + " ORDER BY e.category, e.displayOrder, e.name, e.id",
            PersonaExample.class);
    if (category != null) {
      query.setParameter("category", category);
    }
    return query.getResultList();
  }

  public Optional<PersonaExample> find(UUID id) {
    return Optional.ofNullable(em.find(PersonaExample.class, id));
  }

  /**
   * A new example (after the last of its category unless it says where).
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  @Transactional
  public PersonaExample create(UUID operatorId, PersonaExampleEdit edit) {
    PersonaExample example = new PersonaExample(edit.checked(null, this::nextInCategory));
    em.persist(example);
    LOG.log(
        Level.INFO,
        "Operator {0} created persona example {1} ({2})",
        new Object[] {operatorId, example.id(), example.content().name()});
    return example;
  }

  /**
   * Changes an example (locked while it changes); absent fields stay as they are.
   *
   * @throws ProblemException 404 for an unknown example, 400 naming every field that breaks a rule
   */
  @Transactional
  public PersonaExample change(UUID operatorId, UUID id, PersonaExampleEdit changes) {
    PersonaExample example = CatalogueRows.locked(em, PersonaExample.class, id, "Persona example");
    example.change(changes.checked(example.content(), this::nextInCategory));
    LOG.log(Level.INFO, "Operator {0} changed persona example {1}", new Object[] {operatorId, id});
    return example;
  }

  /**
   * Deletes an example.
   *
   * @throws ProblemException 404 for an unknown example
   */
  @Transactional
  public void delete(UUID operatorId, UUID id) {
    CatalogueRows.delete(em, "avatar_persona_examples", id, "Persona example");
    LOG.log(Level.INFO, "Operator {0} deleted persona example {1}", new Object[] {operatorId, id});
  }

  /** After the last of its category; the last place once the category reaches it (ties by name). */
  private int nextInCategory(String category) {
    int last =
        ((Number)
                em.createNativeQuery(
                        "SELECT coalesce(max(display_order), 0) FROM avatar_persona_examples"
                            + " WHERE category = ?1")
                    .setParameter(1, category)
                    .getSingleResult())
            .intValue();
    return Math.min(last + 1, PersonaExampleEdit.MAX_ORDER);
  }
}
