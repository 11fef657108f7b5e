package com.lumiku.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.generations.control.DeadLetters;
import com.lumiku.generations.control.JmsGenerationEvents;
import com.lumiku.testing.Api;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestBroker.Login;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The broker's security, on the suite's broker (bin/broker with server-config/broker.xml, as {@code
 * ./run} starts it): no connection without a valid login; the application's user may use the
 * application's addresses and nothing else, management included; the management user may ask
 * management questions and nothing else, the work queues included; and the application, logging in
 * with its two users, works.
 */
class BrokerSecurityIT extends DeployedApplicationTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @Test
  void aWrongPasswordOrNoLoginIsRefused() {
    Login application = TestBroker.application();
    Login management = TestBroker.management();
    for (Login wrong :
        new Login[] {
          new Login(application.user(), application.password() + "x"),
          new Login(management.user(), management.password() + "x"),
          new Login(application.user(), management.password()),
          new Login("guest", "guest"),
          new Login(null, null)
        }) {
      assertThatThrownBy(() -> TestBroker.connected(wrong, sessions -> openAndClose(sessions)))
          .as("%s", wrong.user())
          .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
    }
    assertThat(TestBroker.<Boolean>connected(application, sessions -> openAndClose(sessions)))
        .isTrue();
  }

  @Test
  void theApplicationsUserCannotUseManagement() {
    try (ManagementClient client = TestBroker.managementClient(TestBroker.application())) {
      assertThatThrownBy(() -> client.queue(AvatarCreator.QUEUE))
          .isInstanceOf(ManagementClient.BrokerUnavailableException.class)
          .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
      assertThatThrownBy(() -> client.operation("broker", "listPreparedTransactionDetailsAsJSON"))
          .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
    }
    try (ManagementClient client = TestBroker.managementClient(TestBroker.management())) {
      assertThat(client.queue(AvatarCreator.QUEUE).consumers()).isEqualTo(4);
    }
  }

  @Test
  void theApplicationsUserStaysOnTheApplicationsAddresses() {
    String label = "outside-" + UUID.randomUUID();
    assertThatThrownBy(
            () ->
                TestBroker.connected(
                    TestBroker.application(), sessions -> send(sessions, "lumiku.other", label)))
        .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
    assertThatThrownBy(
            () ->
                TestBroker.connected(
                    TestBroker.application(),
                    sessions -> {
                      try (ClientSession session = sessions.plain()) {
                        session.createQueue(
                            QueueConfiguration.of("lumiku.other." + label).setDurable(false));
                      }
                      return null;
                    }))
        .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
  }

  @Test
  void theManagementUserCannotTouchTheWorkQueues() {
    Login management = TestBroker.management();
    for (String queue : new String[] {AvatarCreator.QUEUE, DeadLetters.QUEUE_DEFAULT}) {
      assertThatThrownBy(
              () -> TestBroker.connected(management, sessions -> consume(sessions, queue)))
          .as("consume %s", queue)
          .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
      assertThatThrownBy(
              () ->
                  TestBroker.connected(
                      management, sessions -> send(sessions, queue, "from-management")))
          .as("send to %s", queue)
          .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
    }
    assertThatThrownBy(
            () ->
                TestBroker.connected(
                    management,
                    sessions -> send(sessions, JmsGenerationEvents.TOPIC_DEFAULT, "announce")))
        .hasRootCauseInstanceOf(ActiveMQSecurityException.class);
  }

  /** Orders, workers, live updates and the operators' queue figures all go through the broker. */
  @Test
  void theApplicationWorksThroughTheSecuredBroker() {
    Api.Member member = api.register();
    UUID generation =
        api.acceptedAvatar(member, api.createProject(member), "a locked-down lighthouse");
    JsonPath done = api.awaitTerminal(member, generation, Duration.ofSeconds(60));
    assertThat(done.getString("status")).isEqualTo("completed");

    JsonPath queues =
        api.as(api.admin()).get("/api/health/queues").then().statusCode(200).extract().jsonPath();
    assertThat(queues.getInt("find { it.name == '" + AvatarCreator.QUEUE + "' }.consumers"))
        .isEqualTo(4);
    api.get("/health/ready").then().statusCode(200);
    // the live-update listener's subscription to the topic (the resource adapter creates it)
    try (ManagementClient client = TestBroker.managementClient(TestBroker.management())) {
      Object subscriptions =
          client.attribute(ResourceNames.ADDRESS + JmsGenerationEvents.TOPIC_DEFAULT, "queueNames");
      assertThat(subscriptions).isInstanceOf(Object[].class);
      assertThat((Object[]) subscriptions).isNotEmpty();
    }
  }

  private static boolean openAndClose(TestBroker.Sessions sessions) throws Exception {
    try (ClientSession session = sessions.plain()) {
      return session != null;
    }
  }

  private static Void send(TestBroker.Sessions sessions, String address, String label)
      throws Exception {
    try (ClientSession session = sessions.plain();
        ClientProducer producer = session.createProducer(address)) {
      // durable: the send waits for the broker's answer, so a refusal is thrown here
      producer.send(session.createMessage(true).putStringProperty("label", label));
    }
    return null;
  }

  private static Void consume(TestBroker.Sessions sessions, String queue) throws Exception {
    try (ClientSession session = sessions.plain();
        ClientConsumer consumer = session.createConsumer(queue)) {
      session.start();
      consumer.receiveImmediate();
    }
    return null;
  }
}
