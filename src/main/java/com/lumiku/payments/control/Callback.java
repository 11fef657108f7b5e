package com.lumiku.payments.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A payment gateway's callback, the form fields Duitku posts (and the simulator copies): {@code
 * merchantCode}, {@code amount} (as sent, signed as sent), {@code merchantOrderId}, {@code
 * resultCode} ("00" paid, "01" failed), {@code reference} (the gateway's) and {@code signature}.
 */
public record Callback(
    String merchantCode,
    String amount,
    String merchantOrderId,
    String resultCode,
    String reference,
    String signature) {

  public static final String PAID = "00";
  public static final String FAILED = "01";

  /** A callback signed with the merchant's key, as the gateway would send it. */
  public static Callback signed(
      MerchantCredentials merchant,
      String amount,
      String merchantOrderId,
      String resultCode,
      String reference) {
    return new Callback(
        merchant.merchantCode(),
        amount,
        merchantOrderId,
        resultCode,
        reference,
        DuitkuSignatures.callback(merchant, amount, merchantOrderId));
  }

  /** The same callback with another amount, its signature kept (a tampered one). */
  public Callback withAmount(String otherAmount) {
    return new Callback(
        merchantCode, otherAmount, merchantOrderId, resultCode, reference, signature);
  }

  /** The form body (application/x-www-form-urlencoded) the gateway posts. */
  public String formBody() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("merchantCode", merchantCode);
    fields.put("amount", amount);
    fields.put("merchantOrderId", merchantOrderId);
    fields.put("resultCode", resultCode);
    fields.put("reference", reference);
    fields.put("signature", signature);
    return fields.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
