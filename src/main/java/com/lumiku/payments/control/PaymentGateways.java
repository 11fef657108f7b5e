package com.lumiku.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway in use: {@code lumiku.payments.gateway} = {@code simulator} (default) or {@code
 * duitku}.
 */
@ApplicationScoped
public class PaymentGateways {

  private static final Logger LOG = Logger.getLogger(PaymentGateways.class.getName());

  @Inject
  @ConfigProperty(name = "lumiku.payments.gateway")
  String choice;

  @Inject DuitkuGateway duitku;
  @Inject SimulatorGateway simulator;
  @Inject PaymentLinks links;

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
    PaymentGateway gateway = current();
    gateway.merchant();
    if (gateway == simulator) {
      String host = URI.create(links.base()).getHost();
      if (!isLoopback(host)) {
        // The simulator sells credits for nothing: only on a machine of one's own.
        throw new IllegalStateException(
            "lumiku.payments.gateway=simulator gives credits to anyone, so it runs only where"
                + " lumiku.payments.public-url is a loopback address, not "
                + links.base()
                + "; set LUMIKU_PAYMENTS_GATEWAY=duitku with its merchant code and API key");
      }
      LOG.warning(
          "Payments are simulated (lumiku.payments.gateway=simulator): anyone can buy credits for"
              + " nothing. Use duitku for real payments.");
    }
    return choice.strip();
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return bare.equalsIgnoreCase("localhost")
        || bare.matches("127(\\.[0-9]{1,3}){3}")
        || bare.equals("::1");
  }
}
