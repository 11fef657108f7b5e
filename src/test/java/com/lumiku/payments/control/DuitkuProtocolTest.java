package com.lumiku.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.payments.control.PaymentGateway.CheckoutRequest;
import com.lumiku.payments.control.PaymentGateway.GatewayFailure;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class DuitkuProtocolTest {

  private static final MerchantCredentials MERCHANT = new MerchantCredentials("D0001", "KEY");

  @Test
  void inquiryCarriesDuitkusFieldsAndSignature() {
    JsonObject body =
        DuitkuProtocol.inquiry(
            MERCHANT,
            new CheckoutRequest(
                "ORD-1",
                10000,
                "BC",
                "Lumiku 100 credits",
                "a@example.com",
                "a",
                60,
                "http://x/api/payments/callback",
                "http://x/payment/success"));
    assertThat(body.getString("merchantCode")).isEqualTo("D0001");
    assertThat(body.getJsonNumber("paymentAmount").longValue()).isEqualTo(10000);
    assertThat(body.getString("paymentMethod")).isEqualTo("BC");
    assertThat(body.getString("merchantOrderId")).isEqualTo("ORD-1");
    assertThat(body.getString("email")).isEqualTo("a@example.com");
    assertThat(body.getString("customerVaName")).isEqualTo("a");
    assertThat(body.getString("callbackUrl")).endsWith("/api/payments/callback");
    assertThat(body.getString("returnUrl")).endsWith("/payment/success");
    assertThat(body.getJsonNumber("expiryPeriod").longValue()).isEqualTo(60);
    assertThat(body.getString("signature"))
        .isEqualTo(DuitkuSignatures.inquiry(MERCHANT, "ORD-1", 10000));
    assertThat(body.toString()).doesNotContain("KEY");
  }

  @Test
  void anAcceptedInquiryAnswersReferenceAndUrl() {
    var answer =
        DuitkuProtocol.checkoutAnswer(
            200,
            "{\"merchantCode\":\"D0001\",\"reference\":\"D0001ABC\",\"paymentUrl\":\"https://pay/x\","
                + "\"vaNumber\":\"123\",\"amount\":\"10000\",\"statusCode\":\"00\","
                + "\"statusMessage\":\"SUCCESS\"}");
    assertThat(answer.reference()).isEqualTo("D0001ABC");
    assertThat(answer.paymentUrl()).isEqualTo("https://pay/x");
  }

  @Test
  void onlyHttpsPaymentAddressesReachBuyers() {
    assertThat(DuitkuProtocol.isSafePaymentUrl("https://app-sandbox.duitku.com/redirect?x=1"))
        .isTrue();
    assertThat(DuitkuProtocol.isSafePaymentUrl("http://127.0.0.1:9999/redirect/1")).isTrue();
    assertThat(DuitkuProtocol.isSafePaymentUrl("http://pay.example/redirect")).isFalse();
    assertThat(DuitkuProtocol.isSafePaymentUrl("javascript:alert(1)")).isFalse();
    assertThat(DuitkuProtocol.isSafePaymentUrl("https://user@evil.example/")).isFalse();
    assertThat(DuitkuProtocol.isSafePaymentUrl("/relative")).isFalse();
    assertThat(DuitkuProtocol.isSafePaymentUrl("not a url")).isFalse();
    assertThatThrownBy(
            () ->
                DuitkuProtocol.checkoutAnswer(
                    200,
                    "{\"reference\":\"R\",\"paymentUrl\":\"javascript:alert(1)\","
                        + "\"statusCode\":\"00\"}"))
        .isInstanceOf(GatewayFailure.class);
  }

  @Test
  void refusalsAreGatewayFailures() {
    assertThatThrownBy(
            () -> DuitkuProtocol.checkoutAnswer(400, "{\"Message\":\"Wrong signature\"}"))
        .isInstanceOf(GatewayFailure.class)
        .hasMessageContaining("400")
        .hasMessageContaining("Wrong signature");
    assertThatThrownBy(() -> DuitkuProtocol.checkoutAnswer(200, "Minimum Payment 10000 IDR"))
        .isInstanceOf(GatewayFailure.class);
    assertThatThrownBy(
            () ->
                DuitkuProtocol.checkoutAnswer(
                    200, "{\"statusCode\":\"01\",\"statusMessage\":\"no\"}"))
        .isInstanceOf(GatewayFailure.class);
  }

  @Test
  void statusIsReadWhetherAmountIsTextOrNumber() {
    assertThat(
            DuitkuProtocol.statusAnswer(
                200,
                "{\"merchantOrderId\":\"ORD-1\",\"reference\":\"R\",\"amount\":\"10000\","
                    + "\"statusCode\":\"00\",\"statusMessage\":\"SUCCESS\"}"))
        .isEqualTo(new PaymentGateway.GatewayStatus("00", "R", "10000"));
    assertThat(
            DuitkuProtocol.statusAnswer(200, "{\"amount\":10000,\"statusCode\":\"01\"}").amount())
        .isEqualTo("10000");
    assertThat(DuitkuProtocol.statusRequest(MERCHANT, "ORD-1").getString("signature"))
        .isEqualTo(DuitkuSignatures.status(MERCHANT, "ORD-1"));
  }

  @Test
  void simulatorTokensDependOnOrderAndKey() {
    String token = SimulatorGateway.token(MERCHANT, "ORD-1");
    assertThat(token).hasSize(22).isEqualTo(SimulatorGateway.token(MERCHANT, "ORD-1"));
    assertThat(SimulatorGateway.token(MERCHANT, "ORD-2")).isNotEqualTo(token);
    assertThat(SimulatorGateway.token(new MerchantCredentials("D0001", "OTHER"), "ORD-1"))
        .isNotEqualTo(token);
  }

  @Test
  void customerNamesFitAVirtualAccount() {
    assertThat(Payments.customerName("budi.santoso@example.com")).isEqualTo("budi santoso");
    assertThat(Payments.customerName("averyveryverylongname12345@example.com")).hasSize(20);
    assertThat(Payments.customerName(null)).isEqualTo("Lumiku");
  }
}
