package com.lumiku.payments.control;

/** A merchant account at a gateway: its code and the key that signs. Never logged. */
public record MerchantCredentials(String merchantCode, String apiKey) {

  @Override
  public String toString() {
    return "MerchantCredentials[merchantCode=" + merchantCode + ", apiKey=***]";
  }
}
