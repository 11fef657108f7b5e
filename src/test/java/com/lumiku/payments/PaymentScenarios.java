package com.lumiku.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.payments.control.Callback;
import com.lumiku.payments.control.MerchantCredentials;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Race;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Buying credits through the payment simulator (the default gateway) on the real stack: callbacks
 * grant exactly once whatever arrives, forged or altered ones grant nothing, the simulator's page
 * buys over HTTP, the status check settles a payment whose callback was lost, and checkout honours
 * Idempotency-Key. The deployment sets the settings in {@link #SETTINGS}.
 */
public interface PaymentScenarios extends Scenarios {

  /** The simulator's merchant account in these scenarios. */
  MerchantCredentials MERCHANT = new MerchantCredentials("SIMIT", "it-simulator-key");

  /** What the deployment must set: the simulator's account, a quick status check, loopback. */
  String[] SETTINGS = {
    "lumiku.payments.gateway=simulator",
    "lumiku.payments.simulator.merchant-code=" + MERCHANT.merchantCode(),
    "lumiku.payments.simulator.api-key=" + MERCHANT.apiKey(),
    "lumiku.payments.status-check-after=PT1S",
    "lumiku.payments.status-check-interval=PT1S",
    "lumiku.payments.public-url=http://127.0.0.1:8080"
  };

  /** The starter package of the defaults: 100 credits, no bonus, IDR 10,000. */
  String STARTER = "starter";

  /** The popular package: 500 credits and 50 bonus for IDR 50,000. */
  String POPULAR = "popular";

  private JsonPath checkout(Api.Member member, String packageId) {
    return api()
        .as(member)
        .body(Map.of("packageId", packageId, "paymentMethod", "BC"))
        .post("/api/payments")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** A callback as Duitku would post it, signed with {@code signer}'s key. */
  private static Callback callback(
      MerchantCredentials signer, String order, String amount, String resultCode) {
    Callback signed = Callback.signed(signer, amount, order, resultCode, "REF-" + order);
    return new Callback(
        MERCHANT.merchantCode(), amount, order, resultCode, signed.reference(), signed.signature());
  }

  private Response post(Callback callback) {
    return api()
        .anonymous()
        .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
        .accept(ContentType.ANY)
        .body(callback.formBody())
        .post("/api/payments/callback");
  }

  /** Presses a button of the simulator's page at {@code paymentUrl}: 303 to the return page. */
  private Response choose(String paymentUrl, String choice) {
    URI page = URI.create(paymentUrl);
    return api()
        .anonymous()
        .redirects()
        .follow(false)
        .contentType(ContentType.URLENC)
        .accept(ContentType.ANY)
        .body(page.getQuery() + "&choice=" + choice)
        .post(page.getPath());
  }

  private static long topups(Api.Member member) {
    return TestDatabase.ledger(member.id()).stream().filter(e -> e.type().equals("topup")).count();
  }

  private static boolean isPaid(String order) {
    return TestDatabase.count(
            "SELECT count(*) FROM payments WHERE merchant_order_id = ? AND status = 'paid'"
                + " AND settled_at IS NOT NULL",
            order)
        == 1;
  }

  @Test
  default void packagesAreListedForSignedInUsers() {
    Api.Member member = api().register();
    JsonPath catalogue =
        api().as(member).get("/api/payments/packages").then().statusCode(200).extract().jsonPath();
    assertThat(catalogue.getList("packages.id")).containsExactly("starter", "popular", "pro");
    assertThat(catalogue.getLong("packages[1].totalCredits")).isEqualTo(550);
    assertThat(catalogue.getList("paymentMethods")).contains("BC", "VC");
    api().anonymous().get("/api/payments/packages").then().statusCode(401);
  }

  @Test
  default void tenConcurrentIdenticalCallbacksGrantOnce() throws Exception {
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member, POPULAR).getString("merchantOrderId");
    String body = callback(MERCHANT, order, "50000", "00").formBody();
    List<HttpRequest> callbacks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      callbacks.add(
          HttpRequest.newBuilder(URI.create(api().base() + "/api/payments/callback"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }

    Map<Integer, Integer> statuses = Race.run(callbacks, 10);

    assertThat(statuses).containsExactly(Map.entry(200, 10));
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 550);
    assertThat(topups(member)).isEqualTo(1);
    assertThat(isPaid(order)).isTrue();
    LedgerInvariants.assertBalanceIsLedger(member.id());
  }

  @Test
  default void aReplayedCallbackAfterSuccessChangesNothing() {
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member, STARTER).getString("merchantOrderId");
    Callback paid = callback(MERCHANT, order, "10000", "00");
    post(paid).then().statusCode(200);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 100);

    post(paid).then().statusCode(200);
    post(callback(MERCHANT, order, "10000", "01")).then().statusCode(200);

    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 100);
    assertThat(topups(member)).isEqualTo(1);
    JsonPath payment =
        api().as(member).get("/api/payments/" + order).then().statusCode(200).extract().jsonPath();
    assertThat(payment.getString("status")).isEqualTo("paid");
    assertThat(payment.getString("settledAt")).isNotNull();
  }

  @Test
  default void aTamperedAmountOrSignatureIsRejectedAndGrantsNothing() {
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member, STARTER).getString("merchantOrderId");

    Callback raised = callback(MERCHANT, order, "10000", "00").withAmount("1000000");
    post(raised).then().statusCode(400).contentType("application/problem+json");
    Callback forged =
        callback(new MerchantCredentials(MERCHANT.merchantCode(), "guessed"), order, "10000", "00");
    post(forged).then().statusCode(400);
    post(callback(MERCHANT, order, "1000", "00")).then().statusCode(400);
    post(callback(MERCHANT, "LMK-no-such-order", "10000", "00")).then().statusCode(400);

    assertThat(TestDatabase.balance(member.id())).isEqualTo(before);
    assertThat(topups(member)).isZero();
    assertThat(
            api()
                .as(member)
                .get("/api/payments/" + order)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("status"))
        .isEqualTo("pending");
  }

  @Test
  default void theSimulatorBuysCreditsEndToEndOverHttp() {
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    JsonPath checkout = checkout(member, POPULAR);
    String order = checkout.getString("merchantOrderId");
    assertThat(checkout.getLong("amount")).isEqualTo(50000);
    URI page = URI.create(checkout.getString("paymentUrl"));
    assertThat(page.getPath()).isEqualTo("/api/payments/simulator/" + order);
    String token = page.getQuery().replaceFirst("^token=", "");

    String html =
        api()
            .anonymous()
            .accept(ContentType.HTML)
            .get(page.getPath() + "?token=" + token)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html).contains(order).contains("Pay").contains("Decline");
    api()
        .anonymous()
        .accept(ContentType.HTML)
        .get(page.getPath() + "?token=wrong")
        .then()
        .statusCode(404);

    Response paid = choose(checkout.getString("paymentUrl"), "pay");
    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.header("Location")).endsWith("/payment/success?merchantOrderId=" + order);

    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 550);
    JsonPath payment =
        api().as(member).get("/api/payments/" + order).then().statusCode(200).extract().jsonPath();
    assertThat(payment.getString("status")).isEqualTo("paid");
    assertThat(payment.getString("paymentUrl")).isNull();
    assertThat(api().as(member).get("/api/payments").jsonPath().getList("items.merchantOrderId"))
        .containsExactly(order);
    api()
        .anonymous()
        .accept(ContentType.HTML)
        .get("/payment/success?merchantOrderId=" + order)
        .then()
        .statusCode(200);
    Api.Member stranger = api().register();
    api().as(stranger).get("/api/payments/" + order).then().statusCode(404);
  }

  @Test
  default void aDeclinedPaymentFailsAndGrantsNothing() {
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    JsonPath checkout = checkout(member, STARTER);
    choose(checkout.getString("paymentUrl"), "decline").then().statusCode(303);
    assertThat(
            api()
                .as(member)
                .get("/api/payments/" + checkout.getString("merchantOrderId"))
                .jsonPath()
                .getString("status"))
        .isEqualTo("failed");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before);

    // A decision is final: Pay pressed after Decline sends nothing that grants.
    choose(checkout.getString("paymentUrl"), "pay").then().statusCode(303);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before);
    assertThat(topups(member)).isZero();
  }

  @Test
  default void reconciliationFindsATopUpWhosePaymentIsNotPaid() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String order = checkout(member, STARTER).getString("merchantOrderId");
    post(callback(MERCHANT, order, "10000", "00")).then().statusCode(200);
    assertThat(paymentMismatches(admin, member)).isEmpty();

    TestDatabase.update("UPDATE payments SET status = 'failed' WHERE merchant_order_id = ?", order);
    try {
      assertThat(paymentMismatches(admin, member)).containsExactly("topup-without-paid-payment");
    } finally {
      TestDatabase.update("UPDATE payments SET status = 'paid' WHERE merchant_order_id = ?", order);
    }
    assertThat(paymentMismatches(admin, member)).isEmpty();
  }

  private List<Object> paymentMismatches(Api.Member admin, Api.Member member) {
    return api()
        .as(admin)
        .get("/api/admin/credits/reconciliation")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("mismatches.findAll { it.userId == '" + member.id() + "' }.kind");
  }

  @Test
  default void aSuccessAfterAReplayedFailureStillGrantsOnce() {
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member, STARTER).getString("merchantOrderId");
    // Duitku's signature does not cover the result code: whoever saw a callback can send a "01".
    post(callback(MERCHANT, order, "10000", "01")).then().statusCode(200);
    assertThat(api().as(member).get("/api/payments/" + order).jsonPath().getString("status"))
        .isEqualTo("failed");

    post(callback(MERCHANT, order, "10000", "00")).then().statusCode(200);
    post(callback(MERCHANT, order, "10000", "00")).then().statusCode(200);

    assertThat(isPaid(order)).isTrue();
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 100);
    assertThat(topups(member)).isEqualTo(1);
    LedgerInvariants.assertBalanceIsLedger(member.id());
  }

  @Test
  default void aMissedCallbackIsSettledByTheStatusCheck() {
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    JsonPath checkout = checkout(member, STARTER);
    String order = checkout.getString("merchantOrderId");

    choose(checkout.getString("paymentUrl"), "pay_without_callback").then().statusCode(303);

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> TestDatabase.balance(member.id()) == before + 100);
    assertThat(isPaid(order)).isTrue();
    assertThat(topups(member)).isEqualTo(1);
    // The callback that finally arrives changes nothing.
    post(callback(MERCHANT, order, "10000", "00")).then().statusCode(200);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 100);
  }

  @Test
  default void anExpiredPaymentIsExpiredByTheStatusCheck() {
    Api.Member member = api().register();
    String order = checkout(member, STARTER).getString("merchantOrderId");
    TestDatabase.update(
        "UPDATE payments SET expires_at = now() - interval '1 minute' WHERE merchant_order_id = ?",
        order);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TestDatabase.count(
                        "SELECT count(*) FROM payments WHERE merchant_order_id = ?"
                            + " AND status = 'expired'",
                        order)
                    == 1);
  }

  @Test
  default void anIdempotentCheckoutCreatesOnePayment() {
    Api.Member member = api().register();
    Map<String, String> order = Map.of("packageId", STARTER, "paymentMethod", "BC");
    Response first =
        api().as(member).header("Idempotency-Key", "buy-1").body(order).post("/api/payments");
    Response again =
        api().as(member).header("Idempotency-Key", "buy-1").body(order).post("/api/payments");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.jsonPath().getString("merchantOrderId"))
        .isEqualTo(first.jsonPath().getString("merchantOrderId"));
    assertThat(TestDatabase.count("SELECT count(*) FROM payments WHERE user_id = ?", member.id()))
        .isEqualTo(1);
    api()
        .as(member)
        .header("Idempotency-Key", "buy-1")
        .body(Map.of("packageId", POPULAR, "paymentMethod", "BC"))
        .post("/api/payments")
        .then()
        .statusCode(409);
  }

  @Test
  default void unknownPackagesAndMethodsAreRefusedAndNothingIsStored() {
    Api.Member member = api().register();
    JsonPath refused =
        api()
            .as(member)
            .body(Map.of("packageId", "platinum", "paymentMethod", "XX"))
            .post("/api/payments")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .jsonPath();
    assertThat(refused.getList("errors.field")).containsExactly("packageId", "paymentMethod");
    assertThat(TestDatabase.count("SELECT count(*) FROM payments WHERE user_id = ?", member.id()))
        .isZero();
  }
}
