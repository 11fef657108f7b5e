package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Avatar Creator's presets: the catalogue users order from (the public ones; operators see and may
 * order every one), each order's use counted, and operators' edits. A preset is deleted for good:
 * avatars keep their own copies of what they were ordered with, and lose only the preset's id
 * (V12's {@code ON DELETE SET NULL}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvatarPresets {

  private static final Logger LOG = Logger.getLogger(AvatarPresets.class.getName());

  @PersistenceContext EntityManager em;

  /**
   * The presets, by category and name.
   *
   * @param category only this category (null: all)
   * @param evenPrivate also those users do not see (operators)
   */
  public List<AvatarPreset> list(String category, boolean evenPrivate) {
    List<String> conditions = new ArrayList<>();
    if (category != null) {
      conditions.add("p.category = :category");
    }
    if (!evenPrivate) {
      conditions.add("p.isPublic = TRUE");
    }
    String jpql =
        "SELECT p FROM AvatarPreset p"
            + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
            + " ORDER BY p.category, p.name, p.id";
    TypedQuery<AvatarPreset> query = em.createQuery(jpql, AvatarPreset.class);
    if (category != null) {
      query.setParameter("category", category);
    }
    return query.getResultList();
  }

  /** The preset, if it exists and the caller may see it. */
  public Optional<AvatarPreset> find(UUID id, boolean evenPrivate) {
    return Optional.ofNullable(em.find(AvatarPreset.class, id))
        .filter(preset -> evenPrivate || preset.content().isPublic());
  }

  /**
   * The preset an order names.
   *
   * @throws ProblemException 400 ({@code presetId}) if there is none the caller may order
   */
  public AvatarPreset orderable(UUID id, boolean evenPrivate) {
    return find(id, evenPrivate)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    List.of(new FieldError("presetId", "There is no preset " + id + "."))));
  }

  /**
   * Counts an accepted order of the preset, in the order's transaction: one conditional update, so
   * the count moves exactly when the order commits. It holds the preset's row until then, so call
   * it last, after the charge.
   *
   * @throws ProblemException 409 if the preset was deleted or made private since it was read (the
   *     order then rolls back, charge and all)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void countUse(UUID id, boolean evenPrivate) {
    int counted =
        em.createNativeQuery(
                "UPDATE avatar_presets SET usage_count = usage_count + 1 WHERE id = ?1"
                    + (evenPrivate ? "" : " AND is_public"))
            .setParameter(1, id)
            .executeUpdate();
    if (counted != 1) {
      throw ProblemException.conflict(
          "The preset was withdrawn while the order was placed; nothing was charged.");
    }
  }

  /**
   * Whether the preset still exists; it then cannot be deleted before the caller's transaction ends
   * ({@code FOR KEY SHARE}), so an avatar may refer to it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean holdIfExists(UUID id) {
    return !em.createNativeQuery("SELECT id FROM avatar_presets WHERE id = ?1 FOR KEY SHARE")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  /**
   * A new preset.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  @Transactional
  public AvatarPreset create(UUID operatorId, PresetEdit edit) {
    AvatarPreset preset = new AvatarPreset(edit.checked(null));
    em.persist(preset);
    LOG.log(
        Level.INFO,
        "Operator {0} created avatar preset {1} ({2})",
        new Object[] {operatorId, preset.id(), preset.content().name()});
    return preset;
  }

  /**
   * Changes a preset (locked while it changes); absent fields stay as they are.
   *
   * @throws ProblemException 404 for an unknown preset, 400 naming every field that breaks a rule
   */
  @Transactional
  public AvatarPreset change(UUID operatorId, UUID id, PresetEdit changes) {
    AvatarPreset preset = CatalogueRows.locked(em, AvatarPreset.class, id, "Preset");
    preset.change(changes.checked(preset.content()));
    LOG.log(Level.INFO, "Operator {0} changed avatar preset {1}", new Object[] {operatorId, id});
    return preset;
  }

  /**
   * Deletes a preset; its avatars keep what they were ordered with.
   *
   * @throws ProblemException 404 for an unknown preset
   */
  @Transactional
  public void delete(UUID operatorId, UUID id) {
    CatalogueRows.delete(em, "avatar_presets", id, "Preset");
    LOG.log(Level.INFO, "Operator {0} deleted avatar preset {1}", new Object[] {operatorId, id});
  }
}
