package com.lumiku.users.control;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.platform.database.UniqueViolation;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens accounts and checks credentials. A new account gets its credit account and the welcome
 * credits (a {@code grant} ledger entry) in the same transaction as the user row.
 */
@ApplicationScoped
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Passwords passwords;
  @Inject AdminAccounts admins;

  @Inject
  @ConfigProperty(name = "lumiku.credits.welcome")
  long welcomeCredits;

  /** A new account and its opening balance. */
  public record Registered(User user, long balance) {}

  /**
   * Registers a new user; everything the answer needs comes out of the one transaction, so a
   * failure after it commits cannot make a created account look like a failed registration.
   *
   * @throws EmailTaken if the address is in use
   */
  @Transactional
  public Registered register(String email, String password, String name) {
    String normalized = User.normalize(email);
    if (findByEmail(normalized).isPresent()) {
      throw new EmailTaken();
    }
    User user = new User(normalized, name, passwords.hash(password), admins.roleFor(normalized));
    try {
      em.persist(user);
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueViolation.isCauseOf(e)) {
        throw new EmailTaken();
      }
      throw e;
    }
    ledger.open(user.id());
    long balance = 0;
    if (welcomeCredits > 0) {
      balance =
          ledger
              .credit(
                  user.id(),
                  welcomeCredits,
                  TransactionType.GRANT,
                  new CreditTransaction.Reference("user", user.id()),
                  "Welcome credits")
              .balanceAfter();
    }
    LOG.info(() -> "Registered user " + user.id() + " with " + welcomeCredits + " welcome credits");
    return new Registered(user, balance);
  }

  /**
   * The user with these credentials.
   *
   * @throws ProblemException 401 if the email is unknown or the password wrong (indistinguishably)
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public User authenticate(String email, String password) {
    Optional<User> user = findByEmail(User.normalize(email));
    if (user.isEmpty()) {
      passwords.matchNothing(password);
    } else if (passwords.matches(password, user.get().passwordHash())) {
      return user.get();
    }
    throw ProblemException.unauthorized("Wrong email or password.");
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<User> find(UUID id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  private Optional<User> findByEmail(String normalizedEmail) {
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }
}
