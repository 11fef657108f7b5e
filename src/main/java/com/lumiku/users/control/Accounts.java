package com.lumiku.users.control;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.platform.database.UniqueViolation;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.ratelimit.RateLimits;
import com.lumiku.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens accounts and checks credentials. A new account gets its credit account and the welcome
 * credits (a {@code grant} ledger entry) in the same transaction as the user row, while the hourly
 * cap on welcome grants ({@value #WELCOME_LIMIT} rate limit, all instances together) allows; past
 * it, the account opens with none.
 */
@ApplicationScoped
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Passwords passwords;
  @Inject AdminAccounts admins;
  @Inject RateLimits limits;

  @Inject
  @ConfigProperty(name = "lumiku.credits.welcome")
  long welcomeCredits;

  /** The rate limit on welcome grants, counted for everybody at once. */
  public static final String WELCOME_LIMIT = "welcome-grants";

  /** A new account, its opening balance, and the welcome credits it got (0 past the cap). */
  public record Registered(User user, long balance, long welcomeCredits) {}

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
    long welcome =
        welcomeCredits > 0 && limits.tryAcquire(WELCOME_LIMIT, "all") ? welcomeCredits : 0;
    long balance = 0;
    if (welcome > 0) {
      balance =
          ledger
              .credit(
                  user.id(),
                  welcome,
                  TransactionType.GRANT,
                  new CreditTransaction.Reference("user", user.id()),
                  "Welcome credits")
              .balanceAfter();
    }
    LOG.log(
        Level.INFO,
        "Registered user {0} with {1} welcome credits",
        new Object[] {user.id(), welcome});
    return new Registered(user, balance, welcome);
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
