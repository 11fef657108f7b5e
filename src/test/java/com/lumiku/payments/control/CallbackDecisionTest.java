package com.lumiku.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.payments.control.CallbackDecision.Verdict;
import org.junit.jupiter.api.Test;

class CallbackDecisionTest {

  private static final MerchantCredentials MERCHANT = new MerchantCredentials("D0001", "KEY");
  private static final MerchantCredentials OTHER = new MerchantCredentials("D0002", "KEY");

  private static Callback signed(MerchantCredentials by, String amount, String resultCode) {
    return new Callback(
        by.merchantCode(),
        amount,
        "ORD-1",
        resultCode,
        "REF",
        DuitkuSignatures.callback(by, amount, "ORD-1"));
  }

  @Test
  void aSignedSuccessForTheStoredAmountPays() {
    assertThat(CallbackDecision.decide(signed(MERCHANT, "10000", "00"), MERCHANT, 10000L))
        .isEqualTo(Verdict.PAID);
    assertThat(CallbackDecision.decide(signed(MERCHANT, "10000.00", "00"), MERCHANT, 10000L))
        .isEqualTo(Verdict.PAID);
  }

  @Test
  void resultCodesOtherThanSuccessFailOrChangeNothing() {
    assertThat(CallbackDecision.decide(signed(MERCHANT, "10000", "01"), MERCHANT, 10000L))
        .isEqualTo(Verdict.FAILED);
    assertThat(CallbackDecision.decide(signed(MERCHANT, "10000", "02"), MERCHANT, 10000L))
        .isEqualTo(Verdict.NO_CHANGE);
  }

  @Test
  void aTamperedAmountBreaksTheSignature() {
    Callback genuine = signed(MERCHANT, "10000", "00");
    Callback tampered = new Callback("D0001", "1000000", "ORD-1", "00", "REF", genuine.signature());
    assertThat(CallbackDecision.decide(tampered, MERCHANT, 10000L))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aSignedCallbackForAnotherAmountIsRefused() {
    assertThat(CallbackDecision.decide(signed(MERCHANT, "1000", "00"), MERCHANT, 10000L))
        .isEqualTo(Verdict.AMOUNT_MISMATCH);
    assertThat(CallbackDecision.decide(signed(MERCHANT, "ten", "00"), MERCHANT, 10000L))
        .isEqualTo(Verdict.AMOUNT_MISMATCH);
  }

  @Test
  void anotherMerchantsCallbackIsRefusedEvenWithTheSameKey() {
    assertThat(CallbackDecision.decide(signed(OTHER, "10000", "00"), MERCHANT, 10000L))
        .isEqualTo(Verdict.BAD_SIGNATURE);
    Callback otherCode =
        new Callback(
            "D0002",
            "10000",
            "ORD-1",
            "00",
            "REF",
            DuitkuSignatures.callback(MERCHANT, "10000", "ORD-1"));
    assertThat(CallbackDecision.decide(otherCode, MERCHANT, 10000L))
        .isEqualTo(Verdict.WRONG_MERCHANT);
  }

  @Test
  void unknownOrdersAndIncompleteCallbacksAreRefused() {
    assertThat(CallbackDecision.decide(signed(MERCHANT, "10000", "00"), MERCHANT, null))
        .isEqualTo(Verdict.UNKNOWN_ORDER);
    Callback unsigned = new Callback("D0001", "10000", "ORD-1", "00", "REF", null);
    assertThat(CallbackDecision.decide(unsigned, MERCHANT, 10000L)).isEqualTo(Verdict.INCOMPLETE);
    assertThat(Verdict.INCOMPLETE.rejected()).isTrue();
    assertThat(Verdict.NO_CHANGE.rejected()).isFalse();
  }
}
