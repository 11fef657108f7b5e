package com.lumiku.generations.boundary;

import com.lumiku.generations.control.WorkerKinds;
import com.lumiku.platform.health.CheckFailure;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker accepts a session through the resource adapter, the same path that
 * carries the work. Opening a connection alone proves nothing (the adapter does not touch the
 * broker for it), so the check opens a session and a browser on the dead-letter queue, which every
 * deployment has and the broker has to answer for. DOWN ("starting") until the application has
 * deployed.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = "jms/lumikuDirect")
  ConnectionFactory connectionFactory;

  @Inject WorkerKinds workerKinds;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("broker");
    if (workerKinds.all().isEmpty()) {
      return response.down().withData("starting", true).build();
    }
    try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        QueueBrowser browser =
            context.createBrowser(context.createQueue(workerKinds.deadLetters().queue()))) {
      browser.getEnumeration().hasMoreElements();
      return response.up().build();
    } catch (Exception e) {
      return CheckFailure.down(response, e);
    }
  }
}
