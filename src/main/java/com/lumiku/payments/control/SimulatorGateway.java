package com.lumiku.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The offline stand-in for Duitku (lumiku.payments.gateway=simulator, the default): its checkout
 * answers a page of this application ({@code /api/payments/simulator/{merchantOrderId}?token=...},
 * a path on whatever origin the buyer uses, so the return page there finds the buyer's session)
 * where a person presses Pay or Decline; the simulator then posts a real callback, form-encoded and
 * signed as Duitku signs, with its own merchant code and key ({@code lumiku.payments.simulator.*}),
 * to the configured callback URL over HTTP, and its status API answers what was decided. The token
 * in the page's URL is an HMAC of the order with the simulator's key, so only who got the checkout
 * answer can decide it.
 *
 * <p>Limits, on purpose: it is for a machine of one's own (anyone who can check out can "pay"), its
 * payments and decisions live in this instance's memory (a restart forgets them: their status stays
 * open until they expire), and a decision is final.
 */
@ApplicationScoped
public class SimulatorGateway implements PaymentGateway {

  private static final Logger LOG = Logger.getLogger(SimulatorGateway.class.getName());
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** What a person chose on the simulator's page. */
  public enum Choice {
    PAY(GatewayStatus.PAID, true),
    DECLINE(GatewayStatus.CANCELED, true),
    /** Paid, but the callback is lost: the status check has to find it. */
    PAY_WITHOUT_CALLBACK(GatewayStatus.PAID, false);

    /** The gateway's status after the choice (not "01", which means still open). */
    final String status;

    final boolean callback;

    Choice(String status, boolean callback) {
      this.status = status;
      this.callback = callback;
    }
  }

  /** A payment the simulator took, and its status code ("01" until decided, then "00" or "02"). */
  public record Simulated(String merchantOrderId, String reference, long amount, String status) {}

  @Inject
  @ConfigProperty(name = "lumiku.payments.simulator.merchant-code")
  String merchantCode;

  @Inject
  @ConfigProperty(name = "lumiku.payments.simulator.api-key")
  String apiKey;

  private final Map<String, Simulated> payments = new ConcurrentHashMap<>();

  @Override
  public MerchantCredentials merchant() {
    return new MerchantCredentials(merchantCode, apiKey);
  }

  @Override
  public CheckoutAnswer checkout(CheckoutRequest request) {
    String reference = "SIM" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
    payments.put(
        request.merchantOrderId(),
        new Simulated(request.merchantOrderId(), reference, request.amount(), GatewayStatus.OPEN));
    return new CheckoutAnswer(
        reference,
        PaymentLinks.SIMULATOR_PATH
            + URLEncoder.encode(request.merchantOrderId(), StandardCharsets.UTF_8)
            + "?token="
            + token(merchant(), request.merchantOrderId()));
  }

  @Override
  public GatewayStatus status(String merchantOrderId) {
    Simulated payment = payments.get(merchantOrderId);
    return payment == null
        ? new GatewayStatus(GatewayStatus.OPEN, null, null)
        : new GatewayStatus(payment.status(), payment.reference(), Long.toString(payment.amount()));
  }

  /** The payment the page shows, if the token is the order's. */
  public Optional<Simulated> find(String merchantOrderId, String token) {
    if (token == null
        || !MessageDigest.isEqual(
            token(merchant(), merchantOrderId).getBytes(StandardCharsets.US_ASCII),
            token.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.ofNullable(payments.get(merchantOrderId));
  }

  /**
   * Decides an open payment as the person chose and, unless the choice loses it, sends its callback
   * to {@code callback}; a payment decided already is left as it was.
   *
   * @param callback the application's callback as the person's request reached it (the simulator
   *     lives in the application, so the address the buyer used reaches its callback too, whatever
   *     {@code lumiku.payments.public-url} says)
   * @return whether the callback was sent and answered 200
   */
  public boolean decide(Simulated payment, Choice choice, URI callback) {
    Simulated decided =
        payments.computeIfPresent(
            payment.merchantOrderId(),
            (id, open) ->
                open.status().equals(GatewayStatus.OPEN)
                    ? new Simulated(id, open.reference(), open.amount(), choice.status)
                    : open);
    if (decided == null || !choice.callback) {
      return false;
    }
    return sendCallback(decided, callback);
  }

  private boolean sendCallback(Simulated payment, URI callback) {
    String body =
        Callback.signed(
                merchant(),
                Long.toString(payment.amount()),
                payment.merchantOrderId(),
                payment.status().equals(GatewayStatus.PAID) ? Callback.PAID : Callback.FAILED,
                payment.reference())
            .formBody();
    HttpRequest request =
        HttpRequest.newBuilder(callback)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        LOG.log(
            Level.WARNING,
            "The simulator's callback for order {0} was answered {1}",
            new Object[] {payment.merchantOrderId(), answer.statusCode()});
      }
      return answer.statusCode() == 200;
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "The simulator's callback for order {0} could not be sent to {1}: {2}",
          new Object[] {payment.merchantOrderId(), callback, e.toString()});
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String token(MerchantCredentials merchant, String merchantOrderId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              ("simulator:" + merchant.apiKey()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(merchantOrderId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform has HmacSHA256", e);
    }
  }
}
