package com.lumiku.users.control;

import com.lumiku.platform.PageCursor;
import com.lumiku.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Finding accounts, for operators: by a piece of the email address or name, newest first. A
 * substring search scans the users table; that is fine for an operator's occasional look-up, and an
 * index would not help a pattern that starts with a wildcard.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UserDirectory {

  @PersistenceContext EntityManager em;

  /** A page of the accounts whose email or name contains {@code text} (any case; blank: all). */
  public List<User> search(String text, PageCursor after, int limit) {
    String pattern =
        "%" + escapeLike(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
    return PageCursor.bind(
            em.createQuery(
                "SELECT u FROM User u WHERE (LOWER(u.email) LIKE :pattern ESCAPE '\\'"
                    + " OR LOWER(u.name) LIKE :pattern ESCAPE '\\')"
                    + PageCursor.jpqlAfter(after, "u")
                    + PageCursor.jpqlOrder("u"),
                User.class),
            after,
            limit)
        .setParameter("pattern", pattern)
        .getResultList();
  }

  public Optional<User> find(UUID id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  /** The text with LIKE's wildcards taken literally. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
