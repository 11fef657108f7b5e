package com.lumiku.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuitkuSignaturesTest {

  // Expected values are `printf %s <fields> | md5sum`, fields in Duitku's documented order.
  private static final MerchantCredentials MERCHANT = new MerchantCredentials("D0001", "KEY");

  @Test
  void inquiryIsMerchantOrderAmountKey() {
    assertThat(DuitkuSignatures.inquiry(MERCHANT, "ORD-1", 10000))
        .isEqualTo("88684110e6d22feae0f10f57b95a205a");
  }

  @Test
  void callbackIsMerchantAmountOrderKey() {
    assertThat(DuitkuSignatures.callback(MERCHANT, "10000", "ORD-1"))
        .isEqualTo("cba2478fbe1b1be3082b750b471887b8");
  }

  @Test
  void statusIsMerchantOrderKey() {
    assertThat(DuitkuSignatures.status(MERCHANT, "ORD-1"))
        .isEqualTo("087e64df901c3b32bf5b21d1320d8fa7");
  }

  @Test
  void matchingIgnoresHexCaseAndRefusesAnythingElse() {
    String expected = DuitkuSignatures.callback(MERCHANT, "10000", "ORD-1");
    assertThat(DuitkuSignatures.matches(expected, expected.toUpperCase())).isTrue();
    assertThat(DuitkuSignatures.matches(expected, null)).isFalse();
    assertThat(DuitkuSignatures.matches(expected, "")).isFalse();
    assertThat(DuitkuSignatures.matches(expected, expected.substring(1) + "0")).isFalse();
  }

  @Test
  void credentialsNeverShowTheKey() {
    assertThat(MERCHANT.toString()).doesNotContain("KEY").contains("D0001");
  }
}
