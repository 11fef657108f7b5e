package com.lumiku.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.ProjectScripts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.Test;

/**
 * The broker image's command, run as the image runs it (no Docker engine here): {@code
 * bin/check-credentials --broker bin/broker run <dir>}, in the foreground, with only the two broker
 * passwords in its environment. It must serve server-config/broker.xml's queues to the
 * application's user, refuse a wrong password, and end when the container is stopped (SIGTERM).
 */
class BrokerImageEntrypointIT {

  private static final String PASSWORD = "entrypoint-app-password-4b1e";
  private static final String MANAGEMENT_PASSWORD = "entrypoint-manage-password-9c3d";

  @Test
  void runsTheBrokerInTheForegroundUntilStopped() throws Exception {
    Path dir = Path.of(ProjectScripts.itDir("broker-image"));
    ProjectScripts.deleteFolder(dir);
    Files.createDirectories(dir.getParent());
    int port = ProjectScripts.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    ProjectScripts.baseDir() + "/bin/check-credentials",
                    "--broker",
                    ProjectScripts.baseDir() + "/bin/broker",
                    "run",
                    dir.toString(),
                    String.valueOf(port)))
            .directory(new File(ProjectScripts.baseDir()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolveSibling("broker-image.out").toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().put("HOME", System.getProperty("java.io.tmpdir"));
    // One password as a Compose secret would come: a file named by <NAME>_FILE.
    Path secret = Files.writeString(dir.resolveSibling("broker-image-password"), PASSWORD);
    builder.environment().put("LUMIKU_BROKER_PASSWORD_FILE", secret.toString());
    builder.environment().put("LUMIKU_BROKER_MANAGEMENT_PASSWORD", MANAGEMENT_PASSWORD);
    builder.environment().put("BROKER_JAVA_OPTS", "-Xmx256m");
    Process broker = builder.start();
    try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port)) {
      locator.setCallTimeout(5_000);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .failFast("the broker ended (see broker-image.out)", () -> !broker.isAlive())
          .ignoreExceptions()
          .until(
              () -> {
                try (ClientSessionFactory factory = locator.createSessionFactory();
                    ClientSession session =
                        factory.createSession("lumiku", PASSWORD, false, true, true, false, 0)) {
                  return session.queueQuery(SimpleString.of("generations.dead-letter")).isExists();
                }
              });
      try (ClientSessionFactory factory = locator.createSessionFactory()) {
        assertThatThrownBy(
                () ->
                    factory.createSession(
                        "lumiku", "wrong-password-0000", false, true, true, false, 0))
            .as("security is on")
            .isNotNull();
      }
    } finally {
      broker.destroy(); // SIGTERM, as `docker stop` sends
    }
    assertThat(broker.waitFor(40, TimeUnit.SECONDS)).as("the broker ends at SIGTERM").isTrue();
  }
}
