package com.lumiku.platform.health;

import static org.hamcrest.Matchers.equalTo;

import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestBroker;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The failure the replaced platform hid: work waits on a queue that no worker consumes. Here the
 * application is told that {@code lumiku.test.unattended} (made for this test) is a work queue too;
 * nothing consumes it, so readiness must be DOWN although the database and the broker are fine.
 */
class QueueWithoutWorkersIT extends DeployedApplicationTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    TestBroker.ensureQueue("lumiku.test.unattended");
    return Deployments.applicationWith(
        "lumiku.work-queues=generations.avatar,lumiku.test.unattended");
  }

  @Test
  void notReadyWhileAWorkQueueHasNoConsumer() {
    api.get("/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body("checks.find { it.name == 'work-queues' }.status", equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'work-queues' }.data['lumiku.test.unattended.consumers']",
            equalTo("0"))
        .body(
            "checks.find { it.name == 'work-queues' }.data['generations.avatar.consumers']",
            equalTo("4"))
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'broker' }.status", equalTo("UP"));
    api.get("/health/live").then().statusCode(200);
  }
}
