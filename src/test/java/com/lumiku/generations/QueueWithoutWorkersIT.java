package com.lumiku.generations;

import static org.hamcrest.Matchers.equalTo;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.generations.control.DeadLetters;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestBroker;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Readiness is derived from the apps' declarations: an app whose queue no worker consumes ({@link
 * UnattendedApp}) makes readiness DOWN although the database and the broker are fine, and its queue
 * is listed for operators with no consumers.
 */
class QueueWithoutWorkersIT extends DeployedApplicationTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    TestBroker.ensureQueue(UnattendedApp.QUEUE);
    return Deployments.applicationWith("lumiku.apps.unattended.cost.run=1")
        .addClasses(UnattendedApp.class, UnattendedJob.class);
  }

  @Test
  void notReadyWhileAWorkQueueHasNoConsumer() {
    String workQueues = "checks.find { it.name == 'work-queues' }";
    api.get("/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body(workQueues + ".status", equalTo("DOWN"))
        .body(workQueues + ".data['" + UnattendedApp.QUEUE + ".consumers']", equalTo("0"))
        .body(workQueues + ".data['" + AvatarCreator.QUEUE + ".consumers']", equalTo("4"))
        .body(workQueues + ".data['" + DeadLetters.QUEUE_DEFAULT + ".consumers']", equalTo("1"))
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'broker' }.status", equalTo("UP"));
    api.get("/health/live").then().statusCode(200);
    api.anonymous()
        .get("/api/apps")
        .then()
        .statusCode(200)
        .body("find { it.id == 'unattended' }.costs.run", equalTo(1));
  }
}
