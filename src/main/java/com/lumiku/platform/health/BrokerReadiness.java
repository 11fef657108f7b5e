package com.lumiku.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker accepts a session through the resource adapter, the same path that
 * carries the work. Opening a connection alone proves nothing (the adapter does not touch the
 * broker for it), so the check opens a session and a browser on the avatar queue, which the broker
 * has to answer.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = "jms/lumikuDirect")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/avatarGenerations")
  Queue avatarQueue;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("broker");
    try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        QueueBrowser browser = context.createBrowser(avatarQueue)) {
      browser.getEnumeration().hasMoreElements();
      return response.up().build();
    } catch (Exception e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
