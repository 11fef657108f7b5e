package com.lumiku.payments.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentGatewaysTest {

  @Test
  void theSimulatorIsAllowedOnlyOnLoopbackHosts() {
    assertThat(PaymentGateways.isLoopback("127.0.0.1")).isTrue();
    assertThat(PaymentGateways.isLoopback("127.1.2.3")).isTrue();
    assertThat(PaymentGateways.isLoopback("localhost")).isTrue();
    assertThat(PaymentGateways.isLoopback("[::1]")).isTrue();
    assertThat(PaymentGateways.isLoopback("lumiku.example.com")).isFalse();
    assertThat(PaymentGateways.isLoopback("127.0.0.1.example.com")).isFalse();
    assertThat(PaymentGateways.isLoopback("10.0.0.5")).isFalse();
    assertThat(PaymentGateways.isLoopback(null)).isFalse();
  }
}
