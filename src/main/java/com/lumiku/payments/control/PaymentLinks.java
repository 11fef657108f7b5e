package com.lumiku.payments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the gateway and buyers reach this application ({@code lumiku.payments.public-url}): the
 * callback ({@code /api/payments/callback}) and the page buyers return to ({@code
 * /payment/success}).
 */
@ApplicationScoped
public class PaymentLinks {

  public static final String CALLBACK_PATH = "/api/payments/callback";
  public static final String RETURN_PATH = "/payment/success";
  public static final String SIMULATOR_PATH = "/api/payments/simulator/";

  @Inject
  @ConfigProperty(name = "lumiku.payments.public-url")
  String publicUrl;

  public String base() {
    return publicUrl.replaceAll("/+$", "");
  }

  public String callback() {
    return base() + CALLBACK_PATH;
  }

  /** The return page; Duitku appends the order's fields to it. */
  public String returnPage() {
    return base() + RETURN_PATH;
  }
}
