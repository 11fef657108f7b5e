package com.lumiku.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Api;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Hugging Face provider, selected by HF_TOKEN, against a stub of the Inference API on loopback:
 * the request it sends, and what each kind of answer does to a generation. Transient failures are
 * retried by the broker (500 ms, then 1 s here) and counted in {@code attempts}; permanent ones
 * fail and refund at once; a model that never recovers is dead-lettered after the third attempt,
 * then failed and refunded. The owner reads a stable code and a plain sentence; the provider's own
 * answer is only in the operators' view.
 */
class ModelProviderIT extends DeployedApplicationTest {

  static ModelProviderStub stub;

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    stub = new ModelProviderStub();
    return Deployments.applicationWith(
        "HF_TOKEN=test-token",
        "lumiku.huggingface.base-url=" + stub.baseUrl(),
        "lumiku.huggingface.model=" + ModelProviderStub.MODEL,
        "lumiku.huggingface.read-timeout=PT2S");
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  Api.Member member;
  UUID projectId;

  @BeforeEach
  void signIn() {
    member = api.register();
    projectId = api.createProject(member);
  }

  @Test
  void drawsWithTheModelUsingTheTokenAndThePrompt() throws IOException {
    JsonPath done = order("ok: a lighthouse at dusk");

    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("attempts")).isEqualTo(1);
    ModelProviderStub.Received request =
        stub.received().stream()
            .filter(r -> r.body().contains("a lighthouse at dusk"))
            .findFirst()
            .orElseThrow();
    assertThat(request.path()).isEqualTo("/models/" + ModelProviderStub.MODEL);
    assertThat(request.authorization()).isEqualTo("Bearer test-token");
    assertThat(request.contentType()).startsWith("application/json");
    JsonPath body = new JsonPath(request.body());
    assertThat(body.getString("inputs")).isEqualTo("ok: a lighthouse at dusk");
    assertThat(body.getInt("parameters.width")).isEqualTo(512);
    assertThat(body.getInt("parameters.height")).isEqualTo(512);
    assertThat(image(done.getString("result.imageUrl")).getWidth()).isEqualTo(64);
  }

  @Test
  void aJpegAnswerIsStoredAsPng() throws IOException {
    JsonPath done = order("jpeg: a harbour");
    assertThat(done.getString("status")).isEqualTo("completed");
    byte[] stored =
        api.get(done.getString("result.imageUrl")).then().statusCode(200).extract().asByteArray();
    assertThat(Png.isPng(stored)).isTrue();
  }

  @Test
  void aLoadingModelIsRetriedAfterTheBackOff() {
    JsonPath done = order("loading-once: a tram");
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("attempts")).isEqualTo(2);
    assertThat(stub.calls("loading-once: a tram")).isEqualTo(2);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
  }

  @Test
  void aTimedOutCallIsRetried() {
    JsonPath done = order("slow-once: a glacier");
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("attempts")).isEqualTo(2);
  }

  @Test
  void aRefusedTokenFailsAndRefundsAtOnce() {
    JsonPath done = order("unauthorized: a castle");
    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getInt("attempts")).isEqualTo(1);
    assertThat(done.getBoolean("refunded")).isTrue();
    assertThat(done.getString("errorCode")).isEqualTo("model-unavailable");
    assertThat(done.getString("errorMessage"))
        .isEqualTo("The image service is not available; your credits were refunded.");
    assertThat(api.adminView(UUID.fromString(done.getString("id"))).getString("errorDetail"))
        .contains("refused the token")
        .contains("HTTP 401");
    assertThat(stub.calls("unauthorized: a castle")).isEqualTo(1);
    assertRefundedOnce(UUID.fromString(done.getString("id")));
  }

  @Test
  void refusedContentFailsAndRefundsAtOnce() {
    JsonPath done = order("refused: something the model will not draw");
    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getInt("attempts")).isEqualTo(1);
    assertThat(done.getString("errorCode")).isEqualTo("refused");
    assertThat(done.getString("errorMessage")).doesNotContain("safety checker");
    assertThat(api.adminView(UUID.fromString(done.getString("id"))).getString("errorDetail"))
        .contains("safety checker");
    assertRefundedOnce(UUID.fromString(done.getString("id")));
  }

  @Test
  void aModelThatNeverRecoversIsDeadLetteredThenFailedAndRefunded() {
    JsonPath done = order("rate-limited: a busy market");
    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getInt("attempts")).isEqualTo(3);
    assertThat(done.getString("errorCode")).isEqualTo("gave-up");
    assertThat(done.getString("errorMessage"))
        .isEqualTo("Gave up after 3 attempts. The image service is busy.");
    JsonPath operators = api.adminView(UUID.fromString(done.getString("id")));
    assertThat(operators.getString("endedBy")).isEqualTo("dead-letter");
    assertThat(operators.getString("errorDetail")).contains("rate limiting").contains("HTTP 429");
    assertThat(stub.calls("rate-limited: a busy market")).isEqualTo(3);
    assertRefundedOnce(UUID.fromString(done.getString("id")));
  }

  private JsonPath order(String prompt) {
    UUID generation = api.acceptedAvatar(member, projectId, prompt);
    return api.awaitTerminal(member, generation, Duration.ofSeconds(60));
  }

  private void assertRefundedOnce(UUID generation) {
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    LedgerInvariants.assertRefundedOnce(member.id(), generation, 10);
    assertThat(TestDatabase.avatarsOfGeneration(generation)).isZero();
  }

  private BufferedImage image(String path) throws IOException {
    return ImageIO.read(
        new ByteArrayInputStream(api.get(path).then().statusCode(200).extract().asByteArray()));
  }
}
