package com.lumiku.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.lumiku.apps.NewAppScenarios;
import com.lumiku.payments.control.Callback;
import com.lumiku.payments.control.MerchantCredentials;
import com.lumiku.poses.PoseFixtures;
import com.lumiku.probe.ProbeOrder;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Buying credits and the unlimited pose plan through the payment simulator (the default gateway) on
 * the real stack: callbacks grant exactly once whatever arrives, forged or altered ones grant
 * nothing, the simulator's page buys over HTTP, the status check settles a payment whose callback
 * was lost, and checkout honours Idempotency-Key; the plan activates and extends the Pose Generator
 * tier once per payment, never lowering a bigger quota; admins list, search and refund payments,
 * once, never below a zero balance, credits not while the buyer's generations are under way (the
 * probe app's runs, which {@code ApplicationIT} deploys), a plan's unused days only. The deployment
 * sets the settings in {@link #SETTINGS}.
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

  /** The unlimited pose plan of the defaults: 30 days of 100 poses a day for IDR 99,000. */
  String PLAN = "pose-unlimited";

  String PLAN_PRICE = "99000";

  int PLAN_DAYS = 30;

  String POSE_APP = "pose-generator";

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

  /** The same form-encoded callback body {@code n} times, for a race. */
  private List<HttpRequest> copies(String body, int n) {
    List<HttpRequest> callbacks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      callbacks.add(
          HttpRequest.newBuilder(URI.create(api().base() + "/api/payments/callback"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }
    return callbacks;
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
    List<HttpRequest> callbacks = copies(body, 10);

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

  /** A successful callback for the order, as the gateway would send it. */
  private void pay(String order, String amount) {
    post(callback(MERCHANT, order, amount, "00")).then().statusCode(200);
  }

  /** The member's Pose Generator tier as they see it. */
  private JsonPath poseTier(Api.Member member) {
    return api()
        .as(member)
        .get("/api/quotas/" + POSE_APP)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static OffsetDateTime expiresAt(JsonPath tier) {
    return OffsetDateTime.parse(tier.getString("expiresAt"));
  }

  private static long quotaGrants(String order, String type) {
    return TestDatabase.count(
        "SELECT count(*) FROM quota_grants g JOIN payments p ON p.id = g.reference_id"
            + " WHERE p.merchant_order_id = ? AND g.type = ?",
        order,
        type);
  }

  /** An admin's correction leaves the member {@code left} credits, as if they spent the rest. */
  private void spendAllBut(Api.Member admin, Api.Member member, long left) {
    api()
        .as(admin)
        .body(Map.of("amount", left - TestDatabase.balance(member.id()), "reason", "spent"))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(201);
  }

  private Response refund(Api.Member by, String order, Object reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("reason", reason);
    return api().as(by).body(body).post("/api/admin/payments/" + order + "/refund");
  }

  @Test
  default void thePosePlanIsSoldNextToThePackages() {
    Api.Member member = api().register();
    JsonPath catalogue =
        api().as(member).get("/api/payments/packages").then().statusCode(200).extract().jsonPath();
    assertThat(catalogue.getList("packages.id")).containsExactly("starter", "popular", "pro");
    assertThat(catalogue.getList("plans.id")).containsExactly(PLAN);
    assertThat(catalogue.getString("plans[0].app")).isEqualTo(POSE_APP);
    assertThat(catalogue.getInt("plans[0].days")).isEqualTo(PLAN_DAYS);
    assertThat(catalogue.getInt("plans[0].dailyQuota")).isEqualTo(100);
    assertThat(catalogue.getLong("plans[0].price")).isEqualTo(99000);
  }

  @Test
  default void buyingThePlanActivatesThePoseTierAndBuyingAgainExtendsIt() {
    Api.Member member = api().register();
    UUID project = PoseFixtures.project(api(), member, PoseFixtures.avatar(api(), member));
    long balance = TestDatabase.balance(member.id());
    api().as(member).get("/api/quotas/" + POSE_APP).then().statusCode(404);

    JsonPath checkout = checkout(member, PLAN);
    assertThat(checkout.getString("kind")).isEqualTo("plan");
    assertThat(checkout.getLong("amount")).isEqualTo(99000);
    assertThat(checkout.getLong("credits")).isZero();
    assertThat(checkout.getInt("plan.days")).isEqualTo(PLAN_DAYS);
    OffsetDateTime before = OffsetDateTime.now();
    choose(checkout.getString("paymentUrl"), "pay").then().statusCode(303);

    JsonPath tier = poseTier(member);
    assertThat(tier.getBoolean("inForce")).isTrue();
    assertThat(tier.getInt("dailyQuota")).isEqualTo(100);
    assertThat(expiresAt(tier))
        .isBetween(
            before.plusDays(PLAN_DAYS).minusMinutes(1), before.plusDays(PLAN_DAYS).plusMinutes(1));
    assertThat(TestDatabase.balance(member.id())).isEqualTo(balance);
    assertThat(topups(member)).isZero();

    String again = checkout(member, PLAN).getString("merchantOrderId");
    pay(again, PLAN_PRICE);
    assertThat(expiresAt(poseTier(member))).isEqualTo(expiresAt(tier).plusDays(PLAN_DAYS));
    assertThat(quotaGrants(again, "extend")).isEqualTo(1);
    assertThat(api().as(member).get("/api/payments/" + again).jsonPath().getString("plan.app"))
        .isEqualTo(POSE_APP);

    // The plan pays for poses: a batch costs no credits.
    List<String> poses = PoseFixtures.libraryPoses(api(), member, "limit=2");
    PoseFixtures.order(api(), member, project, Map.of("poseIds", poses))
        .then()
        .statusCode(202)
        .body("creditUsed", equalTo(0))
        .body("quotaUsed", equalTo(2));
    assertThat(TestDatabase.balance(member.id())).isEqualTo(balance);
    assertThat(paymentMismatches(api().admin(), member)).isEmpty();
  }

  @Test
  default void tenConcurrentCallbacksForAPlanExtendTheTierOnce() throws Exception {
    Api.Member member = api().register();
    String order = checkout(member, PLAN).getString("merchantOrderId");
    String body = callback(MERCHANT, order, PLAN_PRICE, "00").formBody();
    List<HttpRequest> callbacks = copies(body, 10);
    OffsetDateTime before = OffsetDateTime.now();

    assertThat(Race.run(callbacks, 10)).containsExactly(Map.entry(200, 10));

    assertThat(isPaid(order)).isTrue();
    assertThat(quotaGrants(order, "extend")).isEqualTo(1);
    assertThat(expiresAt(poseTier(member)))
        .isBetween(
            before.plusDays(PLAN_DAYS).minusMinutes(1), before.plusDays(PLAN_DAYS).plusMinutes(1));
    assertThat(paymentMismatches(api().admin(), member)).isEmpty();
  }

  @Test
  default void adminsListSearchAndFilterPayments() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String paid = checkout(member, STARTER).getString("merchantOrderId");
    pay(paid, "10000");
    String pending = checkout(member, POPULAR).getString("merchantOrderId");
    String mine = "/api/admin/payments?userId=" + member.id();

    JsonPath all = api().as(admin).get(mine).then().statusCode(200).extract().jsonPath();
    assertThat(all.getList("items.payment.merchantOrderId")).containsExactly(pending, paid);
    assertThat(all.getList("items.email")).containsOnly(member.email());
    assertThat(all.getString("items[1].payment.status")).isEqualTo("paid");
    assertThat(
            api()
                .as(admin)
                .get(mine + "&status=paid")
                .jsonPath()
                .getList("items.payment.merchantOrderId"))
        .containsExactly(paid);
    assertThat(
            api().as(admin).get("/api/admin/payments?q=" + paid).jsonPath().getList("items.userId"))
        .containsExactly(member.id().toString());
    String emailPart = member.email().substring(5, 20).toUpperCase(Locale.ROOT);
    assertThat(
            api()
                .as(admin)
                .get("/api/admin/payments?q=" + emailPart)
                .jsonPath()
                .getList("items.payment.merchantOrderId"))
        .containsExactly(pending, paid);
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertThat(api().as(admin).get(mine + "&from=" + tomorrow).jsonPath().getList("items"))
        .isEmpty();
    assertThat(api().as(admin).get(mine + "&to=" + tomorrow).jsonPath().getList("items"))
        .hasSize(2);

    JsonPath first = api().as(admin).get(mine + "&limit=1").jsonPath();
    assertThat(first.getList("items.payment.merchantOrderId")).containsExactly(pending);
    assertThat(
            api()
                .as(admin)
                .get(mine + "&limit=1&cursor=" + first.getString("nextCursor"))
                .jsonPath()
                .getList("items.payment.merchantOrderId"))
        .containsExactly(paid);

    JsonPath one =
        api()
            .as(admin)
            .get("/api/admin/payments/" + paid)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(one.getString("userId")).isEqualTo(member.id().toString());
    assertThat(one.getString("payment.status")).isEqualTo("paid");
    assertThat(one.getString("refund")).isNull();
    api().as(admin).get("/api/admin/payments/LMK-no-such-order").then().statusCode(404);
    api()
        .as(admin)
        .get("/api/admin/payments?status=settled&userId=nobody")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    // Years PostgreSQL cannot hold, or Java cannot add a day to.
    for (Map.Entry<String, String> bound :
        Map.of("from", "+300000-01-01T00:00:00Z", "to", "+999999999-12-31").entrySet()) {
      assertThat(
              api()
                  .as(admin)
                  .queryParam(bound.getKey(), bound.getValue())
                  .get("/api/admin/payments")
                  .then()
                  .statusCode(400)
                  .contentType("application/problem+json")
                  .extract()
                  .jsonPath()
                  .getList("errors.field"))
          .containsExactly(bound.getKey());
    }
    api().as(member).get("/api/admin/payments").then().statusCode(403);
    api().as(member).get("/api/admin/payments/" + paid).then().statusCode(403);
  }

  @Test
  default void refundingACreditsPaymentTakesItsCreditsBackOnce() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member, POPULAR).getString("merchantOrderId");
    pay(order, "50000");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before + 550);

    JsonPath refunded =
        refund(admin, order, "Buyer asked; refunded in the Duitku dashboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(refunded.getString("payment.status")).isEqualTo("refunded");
    assertThat(refunded.getString("refund.refundedBy")).isEqualTo(admin.id().toString());
    assertThat(refunded.getLong("refund.creditsRecovered")).isEqualTo(550);
    assertThat(refunded.getLong("refund.creditsUnrecovered")).isZero();
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before);
    assertThat(
            TestDatabase.ledger(member.id()).stream()
                .filter(e -> e.type().equals("adjust"))
                .map(TestDatabase.LedgerRow::amount))
        .containsExactly(-550L);
    assertThat(api().as(member).get("/api/payments/" + order).jsonPath().getString("status"))
        .isEqualTo("refunded");

    refund(admin, order, "again").then().statusCode(409).contentType("application/problem+json");
    // A late or replayed success callback does not grant the refunded credits again.
    pay(order, "50000");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before);
    assertThat(topups(member)).isEqualTo(1);
    LedgerInvariants.assertBalanceIsLedger(member.id());
    assertThat(paymentMismatches(admin, member)).isEmpty();
  }

  @Test
  default void aRefundAfterTheCreditsWereSpentTakesWhatIsLeftAndRecordsTheRest() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String order = checkout(member, STARTER).getString("merchantOrderId");
    pay(order, "10000");
    // Most of the balance is gone (spent, as far as the ledger is concerned): 30 are left.
    spendAllBut(admin, member, 30);

    JsonPath refunded =
        refund(admin, order, "chargeback").then().statusCode(200).extract().jsonPath();

    assertThat(refunded.getLong("refund.creditsRecovered")).isEqualTo(30);
    assertThat(refunded.getLong("refund.creditsUnrecovered")).isEqualTo(70);
    assertThat(TestDatabase.balance(member.id())).isZero();
    LedgerInvariants.assertBalanceIsLedger(member.id());
    assertThat(paymentMismatches(admin, member)).isEmpty();

    // With nothing left at all, the whole worth is recorded as unrecovered and nothing is written.
    Api.Member broke = api().register();
    String other = checkout(broke, STARTER).getString("merchantOrderId");
    pay(other, "10000");
    spendAllBut(admin, broke, 0);
    JsonPath nothing =
        refund(admin, other, "chargeback").then().statusCode(200).extract().jsonPath();
    assertThat(nothing.getLong("refund.creditsRecovered")).isZero();
    assertThat(nothing.getLong("refund.creditsUnrecovered")).isEqualTo(100);
    assertThat(TestDatabase.balance(broke.id())).isZero();
    assertThat(paymentMismatches(admin, broke)).isEmpty();
  }

  @Test
  default void tenConcurrentRefundsOfOnePaymentHaveOneWinner() throws Exception {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    long before = TestDatabase.balance(member.id());
    String order = checkout(member, STARTER).getString("merchantOrderId");
    pay(order, "10000");
    List<HttpRequest> refunds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      refunds.add(
          Race.post(
              api(),
              admin,
              "/api/admin/payments/" + order + "/refund",
              "{\"reason\":\"race " + i + "\"}"));
    }

    assertThat(Race.run(refunds, 10)).containsExactly(Map.entry(200, 1), Map.entry(409, 9));

    assertThat(TestDatabase.balance(member.id())).isEqualTo(before);
    assertThat(TestDatabase.ledger(member.id()).stream().filter(e -> e.type().equals("adjust")))
        .hasSize(1);
    assertThat(paymentMismatches(admin, member)).isEmpty();
  }

  @Test
  default void onlyAdminsRefundAndOnlyPaidPayments() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String pending = checkout(member, STARTER).getString("merchantOrderId");

    refund(member, pending, "mine").then().statusCode(403);
    refund(admin, pending, "not paid yet")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    refund(admin, pending, null).then().statusCode(400).contentType("application/problem+json");
    refund(admin, pending, "  ").then().statusCode(400);
    refund(admin, pending, "line\nbreak").then().statusCode(400);
    refund(admin, pending, "line\u2028separator").then().statusCode(400);
    refund(admin, pending, "evil\u202eredro").then().statusCode(400);
    refund(admin, "LMK-no-such-order", "why").then().statusCode(404);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM payments WHERE merchant_order_id = ? AND status = 'pending'",
                pending))
        .isEqualTo(1);
  }

  @Test
  default void refundingAPlanTakesTheUnusedPartOfItsDaysOff() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String first = bought(member, PLAN, PLAN_PRICE);
    String second = bought(member, PLAN, PLAN_PRICE);
    OffsetDateTime twoPlans = expiresAt(poseTier(member));

    // The second plan's days come after the first's: none of them is used yet.
    JsonPath refunded =
        refund(admin, second, "duplicate purchase").then().statusCode(200).extract().jsonPath();
    assertThat(refunded.getString("payment.status")).isEqualTo("refunded");
    assertThat(refunded.getString("refund.creditsRecovered")).isNull();
    assertThat(planTime(refunded, "planTimeRecovered")).isEqualTo(Duration.ofDays(PLAN_DAYS));
    assertThat(planTime(refunded, "planTimeUnrecovered")).isZero();
    assertThat(expiresAt(poseTier(member))).isEqualTo(twoPlans.minusDays(PLAN_DAYS));
    assertThat(quotaGrants(second, "shorten")).isEqualTo(1);

    // The first one has been used for the seconds since it was bought.
    JsonPath all = refund(admin, first, "all of it").then().statusCode(200).extract().jsonPath();
    Duration used = planTime(all, "planTimeUnrecovered");
    assertThat(used).isBetween(Duration.ZERO, Duration.ofMinutes(5));
    assertThat(planTime(all, "planTimeRecovered").plus(used)).isEqualTo(Duration.ofDays(PLAN_DAYS));
    JsonPath tier = poseTier(member);
    assertThat(tier.getBoolean("inForce")).isFalse();
    assertThat(expiresAt(tier)).isBefore(OffsetDateTime.now().plusMinutes(1));
    refund(admin, first, "again").then().statusCode(409);
    assertThat(paymentMismatches(admin, member)).isEmpty();
  }

  @Test
  default void refundingAPlanWhoseDaysAreOverTakesNothingFromTheTier() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String old = bought(member, PLAN, PLAN_PRICE);
    // As if it had been bought 40 days ago: its days are over, and the tier lapsed.
    TestDatabase.update(
        "UPDATE quota_grants SET expires_at = expires_at - interval '40 days' WHERE type = 'extend'"
            + " AND reference_id = (SELECT id FROM payments WHERE merchant_order_id = ?)",
        old);
    TestDatabase.update(
        "UPDATE quota_tiers SET expires_at = now() - interval '10 days'"
            + " WHERE user_id = ? AND app = ?",
        member.id(),
        POSE_APP);
    String current = bought(member, PLAN, PLAN_PRICE);
    OffsetDateTime end = expiresAt(poseTier(member));

    JsonPath refunded =
        refund(admin, old, "refunded late").then().statusCode(200).extract().jsonPath();

    assertThat(planTime(refunded, "planTimeRecovered")).isZero();
    assertThat(planTime(refunded, "planTimeUnrecovered")).isEqualTo(Duration.ofDays(PLAN_DAYS));
    JsonPath tier = poseTier(member);
    assertThat(expiresAt(tier)).isEqualTo(end);
    assertThat(tier.getBoolean("inForce")).isTrue();
    assertThat(tier.getInt("dailyQuota")).isEqualTo(100);
    assertThat(quotaGrants(old, "shorten")).isEqualTo(1);
    assertThat(paymentMismatches(admin, member)).isEmpty();
  }

  @Test
  default void aPlanNeverLowersABiggerQuotaAndItsRefundLowersOnlyWhatItRaised() {
    Api.Member admin = api().admin();
    // A bigger quota an admin gave stays while the plan adds its days, and after its refund.
    Api.Member big = api().register();
    OffsetDateTime granted = grantPoseTier(admin, big, 500, 10);
    String order = bought(big, PLAN, PLAN_PRICE);
    JsonPath tier = poseTier(big);
    assertThat(tier.getInt("dailyQuota")).isEqualTo(500);
    assertThat(expiresAt(tier)).isEqualTo(granted.plusDays(PLAN_DAYS));
    refund(admin, order, "changed their mind").then().statusCode(200);
    tier = poseTier(big);
    assertThat(tier.getInt("dailyQuota")).isEqualTo(500);
    assertThat(expiresAt(tier)).isEqualTo(granted);
    assertThat(paymentMismatches(admin, big)).isEmpty();

    // A smaller one is raised by the plan, and lowered again when the plan is refunded.
    Api.Member small = api().register();
    granted = grantPoseTier(admin, small, 50, 10);
    order = bought(small, PLAN, PLAN_PRICE);
    assertThat(poseTier(small).getInt("dailyQuota")).isEqualTo(100);
    refund(admin, order, "changed their mind").then().statusCode(200);
    tier = poseTier(small);
    assertThat(tier.getInt("dailyQuota")).isEqualTo(50);
    assertThat(tier.getBoolean("inForce")).isTrue();
    assertThat(expiresAt(tier)).isEqualTo(granted);
    assertThat(paymentMismatches(admin, small)).isEmpty();

    // Unless another plan, still paid, gives it too.
    Api.Member twice = api().register();
    grantPoseTier(admin, twice, 50, 10);
    String first = bought(twice, PLAN, PLAN_PRICE);
    bought(twice, PLAN, PLAN_PRICE);
    refund(admin, first, "bought twice").then().statusCode(200);
    assertThat(poseTier(twice).getInt("dailyQuota")).isEqualTo(100);
    assertThat(paymentMismatches(admin, twice)).isEmpty();
  }

  @Test
  default void aCreditsRefundWaitsUntilTheBuyersGenerationsHaveEnded() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String order = bought(member, STARTER, "10000");
    // The buyer spends the last credits on a run still under way when the refund comes; it fails
    // (and gives them back) after 5 s.
    spendAllBut(admin, member, NewAppScenarios.PRICE);
    UUID run =
        api()
            .acceptedProbe(member, new ProbeOrder("under way at the refund", 5000, 0, true, false));
    assertThat(TestDatabase.balance(member.id())).isZero();

    refund(admin, order, "chargeback")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("generations in progress"));
    assertThat(isPaid(order)).isTrue();
    assertThat(clawbacks(order)).isZero();

    assertThat(api().awaitTerminal(member, run, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("failed");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(NewAppScenarios.PRICE);
    JsonPath refunded =
        refund(admin, order, "chargeback").then().statusCode(200).extract().jsonPath();
    assertThat(refunded.getLong("refund.creditsRecovered")).isEqualTo(NewAppScenarios.PRICE);
    assertThat(refunded.getLong("refund.creditsUnrecovered"))
        .isEqualTo(100 - NewAppScenarios.PRICE);
    assertThat(TestDatabase.balance(member.id())).isZero();
    assertThat(clawbacks(order)).isEqualTo(1);
    LedgerInvariants.assertBalanceIsLedger(member.id());
    assertThat(paymentMismatches(admin, member)).isEmpty();
  }

  @Test
  default void reconciliationFindsATopUpInAnotherUsersLedger() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    Api.Member other = api().register();
    String order = bought(member, STARTER, "10000");
    assertThat(paymentMismatches(admin, member)).isEmpty();

    TestDatabase.update(
        "UPDATE payments SET user_id = ? WHERE merchant_order_id = ?", other.id(), order);
    try {
      assertThat(paymentMismatches(admin, other)).containsExactly("topup-user");
    } finally {
      TestDatabase.update(
          "UPDATE payments SET user_id = ? WHERE merchant_order_id = ?", member.id(), order);
    }
    assertThat(paymentMismatches(admin, member)).isEmpty();
    assertThat(paymentMismatches(admin, other)).isEmpty();
  }

  /** A checkout of the package or plan by the member, paid; its order id. */
  private String bought(Api.Member member, String packageId, String amount) {
    String order = checkout(member, packageId).getString("merchantOrderId");
    pay(order, amount);
    return order;
  }

  private static Duration planTime(JsonPath payment, String field) {
    return Duration.parse(payment.getString("refund." + field));
  }

  private static long clawbacks(String order) {
    return TestDatabase.count(
        "SELECT count(*) FROM credit_transactions t JOIN payments p ON p.id = t.reference_id"
            + " WHERE p.merchant_order_id = ? AND t.type = 'adjust'",
        order);
  }

  /** An admin gives the member the pose tier, {@code dailyQuota} a day for days; its end. */
  private OffsetDateTime grantPoseTier(
      Api.Member admin, Api.Member member, int dailyQuota, int days) {
    return OffsetDateTime.parse(
        api()
            .as(admin)
            .body(Map.of("dailyQuota", dailyQuota, "days", days))
            .put("/api/admin/users/" + member.id() + "/quotas/" + POSE_APP)
            .then()
            .statusCode(200)
            .extract()
            .path("expiresAt"));
  }
}
