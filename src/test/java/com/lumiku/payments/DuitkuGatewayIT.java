package com.lumiku.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.payments.control.DuitkuSignatures;
import com.lumiku.payments.control.MerchantCredentials;
import com.lumiku.testing.Api;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Duitku gateway (lumiku.payments.gateway=duitku) against a stub of Duitku's merchant API on
 * loopback ({@link DuitkuStub}): the signed inquiry it sends and the payment URL it answers, a
 * refusal that stores nothing, a Duitku-signed callback, and a missed callback settled from the
 * transaction status API.
 */
class DuitkuGatewayIT extends DeployedApplicationTest {

  static final MerchantCredentials MERCHANT = new MerchantCredentials("DSTUB1", "stub-api-key");
  static DuitkuStub stub;

  @Deployment(testable = false)
  static WebArchive deployment() throws IOException {
    stub = new DuitkuStub(MERCHANT);
    return Deployments.applicationWith(
        "lumiku.payments.gateway=duitku",
        "lumiku.payments.duitku.merchant-code=" + MERCHANT.merchantCode(),
        "lumiku.payments.duitku.api-key=" + MERCHANT.apiKey(),
        "lumiku.payments.duitku.base-url=" + stub.baseUrl(),
        "lumiku.payments.duitku.read-timeout=PT5S",
        "lumiku.payments.methods=BC,ZZ",
        "lumiku.payments.public-url=https://shop.example",
        "lumiku.payments.status-check-after=PT1S",
        "lumiku.payments.status-check-interval=PT1S");
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  private JsonPath checkout(Api.Member member) {
    return api.as(member)
        .body(Map.of("packageId", "starter", "paymentMethod", "BC"))
        .post("/api/payments")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  @Test
  void checkoutSendsASignedInquiryAndAnswersDuitkusPaymentUrl() {
    Api.Member member = api.register();
    JsonPath answer = checkout(member);
    String order = answer.getString("merchantOrderId");

    JsonObject sent =
        stub.received().stream()
            .filter(r -> order.equals(r.getString("merchantOrderId", null)))
            .findFirst()
            .orElseThrow();
    assertThat(sent.getString("merchantCode")).isEqualTo("DSTUB1");
    assertThat(sent.getJsonNumber("paymentAmount").longValue()).isEqualTo(10000);
    assertThat(sent.getString("paymentMethod")).isEqualTo("BC");
    assertThat(sent.getString("email")).isEqualTo(member.email());
    assertThat(sent.getString("callbackUrl"))
        .isEqualTo("https://shop.example/api/payments/callback");
    assertThat(sent.getString("returnUrl")).isEqualTo("https://shop.example/payment/success");
    assertThat(sent.toString()).doesNotContain(MERCHANT.apiKey());
    assertThat(answer.getString("reference")).isEqualTo("DSTUB1REF" + order);
    assertThat(answer.getString("paymentUrl")).isEqualTo(stub.baseUrl() + "/redirect/" + order);
    assertThat(answer.getLong("amount")).isEqualTo(10000);
  }

  @Test
  void aRefusedCheckoutIsA502AndStoresNothing() {
    Api.Member member = api.register();
    api.as(member)
        .body(Map.of("packageId", "starter", "paymentMethod", "ZZ"))
        .post("/api/payments")
        .then()
        .statusCode(502)
        .contentType("application/problem+json");
    assertThat(TestDatabase.count("SELECT count(*) FROM payments WHERE user_id = ?", member.id()))
        .isZero();
  }

  @Test
  void aDuitkuSignedCallbackGrants() {
    Api.Member member = api.register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member).getString("merchantOrderId");
    api.anonymous()
        .contentType(ContentType.URLENC)
        .accept(ContentType.ANY)
        .formParams(
            Map.of(
                "merchantCode",
                MERCHANT.merchantCode(),
                "amount",
                "10000",
                "merchantOrderId",
                order,
                "resultCode",
                "00",
                "reference",
                "DSTUB1REF" + order,
                "signature",
                DuitkuSignatures.callback(MERCHANT, "10000", order)))
        .post("/api/payments/callback")
        .then()
        .statusCode(200);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 100);
  }

  @Test
  void aMissedCallbackIsSettledFromDuitkusTransactionStatus() {
    Api.Member member = api.register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member).getString("merchantOrderId");
    stub.settle(order, "00");
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> TestDatabase.balance(member.id()) == before + 100);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM payments WHERE merchant_order_id = ? AND status = 'paid'",
                order))
        .isEqualTo(1);
  }
}
