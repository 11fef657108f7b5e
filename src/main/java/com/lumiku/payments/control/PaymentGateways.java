package com.lumiku.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway in use: {@code lumiku.payments.gateway} = {@code simulator} (default) or {@code
 * duitku}.
 */
@ApplicationScoped
public class PaymentGateways {

  @Inject
  @ConfigProperty(name = "lumiku.payments.gateway")
  String choice;

  @Inject DuitkuGateway duitku;
  @Inject SimulatorGateway simulator;

  public PaymentGateway current() {
    return switch (choice.strip()) {
      case "simulator" -> simulator;
      case "duitku" -> duitku;
      default ->
          throw new IllegalStateException(
              "lumiku.payments.gateway must be simulator or duitku, not " + choice);
    };
  }

  /**
   * Fails when the gateway cannot work (an unknown choice, Duitku without credentials), so a
   * misconfigured deployment stops at start instead of at the first purchase.
   */
  public String requireUsable() {
    current().merchant();
    return choice.strip();
  }
}
