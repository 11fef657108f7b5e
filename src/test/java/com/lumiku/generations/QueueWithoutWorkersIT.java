package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.generations.control.DeadLetters;
import com.lumiku.testing.Browser;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestBroker;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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

  /** The operators' monitor says, in words on the queue's row, that nobody works the queue. */
  @Test
  void theMonitorShowsAQueueWithoutConsumersAsAProblem() throws Exception {
    try (Browser browser = Browser.open(api.baseUrl(), 1280, 900)) {
      browser.check(
          "monitor-without-consumers",
          () -> {
            browser.signIn(api.admin().token()).go("/#/admin");
            WebElement problem =
                browser.visible(
                    By.cssSelector(
                        "[data-test='queue-problem'][data-queue='" + UnattendedApp.QUEUE + "']"),
                    Duration.ofSeconds(20));
            assertThat(problem.getText()).containsIgnoringCase("consumer");
            assertThat(browser.all("queue-row").stream().map(row -> row.getAttribute("data-queue")))
                .contains(AvatarCreator.QUEUE);
            assertThat(browser.consoleErrors()).isEmpty();
          });
    }
  }
}
