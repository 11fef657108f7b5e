package com.lumiku.users.control;

import com.lumiku.platform.Roles;
import com.lumiku.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the operators are: the accounts whose email is listed in {@code lumiku.admin.emails}
 * (comma-separated; {@code LUMIKU_ADMIN_EMAILS}). Such an account is an admin from registration on,
 * and an existing one is promoted at start-up; the role reaches its token at the next login. With
 * no list there is no admin.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class AdminAccounts {

  private static final Logger LOG = Logger.getLogger(AdminAccounts.class.getName());

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "lumiku.admin.emails")
  Optional<String> emails;

  private List<String> admins;

  @PostConstruct
  void promoteConfiguredAdmins() {
    admins =
        Arrays.stream(emails.orElse("").split(","))
            .map(String::strip)
            .filter(email -> !email.isEmpty())
            .map(User::normalize)
            .toList();
    if (admins.isEmpty()) {
      return;
    }
    int promoted =
        em.createQuery(
                "UPDATE User u SET u.role = :admin WHERE u.email IN :emails AND u.role <> :admin")
            .setParameter("admin", Roles.ADMIN)
            .setParameter("emails", admins)
            .executeUpdate();
    LOG.info(() -> "Admins by configuration: " + admins + " (" + promoted + " promoted now)");
  }

  /** The role a new account with this (normalized) email gets. */
  public String roleFor(String normalizedEmail) {
    return admins.contains(normalizedEmail) ? Roles.ADMIN : Roles.USER;
  }
}
