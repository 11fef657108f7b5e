package com.lumiku.users.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** Somebody with an account: signs in with an email address and a password. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
public class User {

  public static final String BY_EMAIL = "User.byEmail";

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  @Column(nullable = false)
  private String name;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private String role;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected User() {}

  public User(String email, String name, String passwordHash, String role) {
    this.id = UUID.randomUUID();
    this.email = normalize(email);
    this.name = name.strip();
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = UtcClock.now();
  }

  /** Emails compare without regard to case or surrounding blanks. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String role() {
    return role;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
