package com.lumiku.payments.control;

import com.lumiku.payments.control.PaymentGateway.CheckoutAnswer;
import com.lumiku.payments.control.PaymentGateway.CheckoutRequest;
import com.lumiku.payments.control.PaymentGateway.GatewayFailure;
import com.lumiku.payments.control.PaymentGateway.GatewayStatus;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * The bodies of Duitku's merchant API, without HTTP: the v2 inquiry's request ({@code
 * merchantCode}, {@code paymentAmount}, {@code paymentMethod}, {@code merchantOrderId}, {@code
 * productDetails}, {@code email}, {@code customerVaName}, {@code callbackUrl}, {@code returnUrl},
 * {@code signature}, {@code expiryPeriod} in minutes) and answer ({@code reference}, {@code
 * paymentUrl}, {@code statusCode} "00"), and the transaction status's request ({@code
 * merchantCode}, {@code merchantOrderId}, {@code signature}) and answer ({@code reference}, {@code
 * amount}, {@code statusCode}). Field names as in Duitku's PHP SDK (duitkupg/duitku-php).
 */
final class DuitkuProtocol {

  private DuitkuProtocol() {}

  static JsonObject inquiry(MerchantCredentials merchant, CheckoutRequest request) {
    return Json.createObjectBuilder()
        .add("merchantCode", merchant.merchantCode())
        .add("paymentAmount", request.amount())
        .add("paymentMethod", request.paymentMethod())
        .add("merchantOrderId", request.merchantOrderId())
        .add("productDetails", request.productDetails())
        .add("email", request.email())
        .add("customerVaName", request.customerName())
        .add("callbackUrl", request.callbackUrl())
        .add("returnUrl", request.returnUrl())
        .add("expiryPeriod", request.expiryMinutes())
        .add(
            "signature",
            DuitkuSignatures.inquiry(merchant, request.merchantOrderId(), request.amount()))
        .build();
  }

  static CheckoutAnswer checkoutAnswer(int status, String body) {
    JsonObject answer = json(status, body, "checkout");
    String reference = text(answer, "reference");
    String paymentUrl = text(answer, "paymentUrl");
    if (!"00".equals(text(answer, "statusCode")) || reference == null || paymentUrl == null) {
      throw new GatewayFailure(
          "Duitku did not accept the checkout: statusCode "
              + text(answer, "statusCode")
              + ", "
              + text(answer, "statusMessage"));
    }
    if (!isSafePaymentUrl(paymentUrl)) {
      throw new GatewayFailure("Duitku's paymentUrl is not an https address: " + paymentUrl);
    }
    return new CheckoutAnswer(reference, paymentUrl);
  }

  /**
   * Whether buyers may be sent to this address: the web app navigates to it, so an answer that
   * names a {@code javascript:} or plain-http page must never reach them. Plain http only to this
   * machine's loopback, where the test stub of Duitku answers.
   */
  static boolean isSafePaymentUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      return false;
    }
    return "https".equalsIgnoreCase(uri.getScheme())
        || ("http".equalsIgnoreCase(uri.getScheme())
            && Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost()));
  }

  static JsonObject statusRequest(MerchantCredentials merchant, String merchantOrderId) {
    return Json.createObjectBuilder()
        .add("merchantCode", merchant.merchantCode())
        .add("merchantOrderId", merchantOrderId)
        .add("signature", DuitkuSignatures.status(merchant, merchantOrderId))
        .build();
  }

  static GatewayStatus statusAnswer(int status, String body) {
    JsonObject answer = json(status, body, "status");
    String code = text(answer, "statusCode");
    if (code == null) {
      throw new GatewayFailure("Duitku's status answer has no statusCode");
    }
    return new GatewayStatus(code, text(answer, "reference"), text(answer, "amount"));
  }

  private static JsonObject json(int status, String body, String what) {
    if (status != 200) {
      throw new GatewayFailure(
          "Duitku answered the " + what + " with HTTP " + status + ": " + excerpt(body));
    }
    try {
      return Json.createReader(new StringReader(body)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new GatewayFailure("Duitku's " + what + " answer is not JSON: " + excerpt(body), e);
    }
  }

  /** A field as text, whether Duitku sent it as a string or a number; null when absent. */
  private static String text(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(field)
        : value.toString();
  }

  private static String excerpt(String body) {
    if (body == null) {
      return "(no body)";
    }
    String line = body.replaceAll("\\s+", " ").strip();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
