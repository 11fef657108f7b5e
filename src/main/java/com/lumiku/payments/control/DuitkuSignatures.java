package com.lumiku.payments.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Duitku's request and callback signatures: lower-case hex MD5 of fields concatenated without
 * separators, the API key last. Confirmed against Duitku's own PHP SDK (github.com/duitkupg/
 * duitku-php, {@code duitku/Api.php}: {@code createInvoice}, {@code transactionStatus}, {@code
 * isSignatureValid}) and its Android SDK's server sample ({@code duitkupg/duitku-android-sdk,
 * Webserver/requestTransaction.php}):
 *
 * <ul>
 *   <li>v2 inquiry: MD5(merchantCode + merchantOrderId + paymentAmount + apiKey)
 *   <li>callback: MD5(merchantCode + amount + merchantOrderId + apiKey)
 *   <li>transaction status: MD5(merchantCode + merchantOrderId + apiKey)
 * </ul>
 *
 * The payment simulator signs its callbacks the same way, so the callback path is the one Duitku
 * uses.
 */
public final class DuitkuSignatures {

  private DuitkuSignatures() {}

  public static String inquiry(MerchantCredentials merchant, String merchantOrderId, long amount) {
    return md5(merchant.merchantCode() + merchantOrderId + amount + merchant.apiKey());
  }

  /** The signature of a callback; {@code amount} exactly as the callback carries it. */
  public static String callback(
      MerchantCredentials merchant, String amount, String merchantOrderId) {
    return md5(merchant.merchantCode() + amount + merchantOrderId + merchant.apiKey());
  }

  public static String status(MerchantCredentials merchant, String merchantOrderId) {
    return md5(merchant.merchantCode() + merchantOrderId + merchant.apiKey());
  }

  /**
   * Whether a received signature is the expected one, in time independent of where they differ (so
   * a forger learns nothing from how long a refusal takes); hex case does not matter.
   */
  public static boolean matches(String expected, String received) {
    if (received == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        received.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has MD5", e);
    }
  }
}
