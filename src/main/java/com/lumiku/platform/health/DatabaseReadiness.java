package com.lumiku.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while PostgreSQL answers within two seconds on a connection of each pool the
 * application draws on: the XA pool of the orders and the non-XA pool of the rate limits (which
 * every order also goes through).
 *
 * <p>Both pools are asked because each keeps its own connections. The pools validate a connection
 * at most once per five seconds, and Payara drops a broken one only when a validation fails (then
 * it drops all of the pool's connections). After a short outage a pool nobody validated during it
 * can still hold connections to the stopped server; were only the XA pool asked, readiness would
 * say UP while every order failed on the rate-limit pool's dead connection. Asking both keeps
 * readiness DOWN until each pool's validation has replaced its dead connections.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "jdbc/lumiku")
  DataSource orders;

  @Resource(lookup = "jdbc/lumikuRateLimits")
  DataSource rateLimits;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try {
      boolean ordersAnswer = answers(orders);
      boolean rateLimitsAnswer = answers(rateLimits);
      return response
          .status(ordersAnswer && rateLimitsAnswer)
          .withData("orders", ordersAnswer ? "UP" : "DOWN")
          .withData("rateLimits", rateLimitsAnswer ? "UP" : "DOWN")
          .build();
    } catch (Exception e) {
      return CheckFailure.down(response, e);
    }
  }

  private static boolean answers(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(2);
    }
  }
}
