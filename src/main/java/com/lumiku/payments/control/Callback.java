package com.lumiku.payments.control;

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
}
