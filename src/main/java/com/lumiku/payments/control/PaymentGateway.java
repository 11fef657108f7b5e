package com.lumiku.payments.control;

/**
 * A payment gateway as the payments need it: make a checkout, and ask how one stands (for missed
 * callbacks). Its callbacks arrive at {@code POST /api/payments/callback}, signed with {@link
 * #merchant()}'s key. {@link PaymentGateways} picks the one in use ({@code
 * lumiku.payments.gateway}).
 */
public interface PaymentGateway {

  /** The merchant account whose key signs requests and callbacks. */
  MerchantCredentials merchant();

  /**
   * Creates the payment at the gateway.
   *
   * @throws GatewayFailure if the gateway refused or could not be reached
   */
  CheckoutAnswer checkout(CheckoutRequest request);

  /**
   * How the gateway sees a payment.
   *
   * @throws GatewayFailure if the gateway could not answer
   */
  GatewayStatus status(String merchantOrderId);

  /** What a checkout asks of the gateway: Duitku's v2 inquiry fields. */
  record CheckoutRequest(
      String merchantOrderId,
      long amount,
      String paymentMethod,
      String productDetails,
      String email,
      String customerName,
      long expiryMinutes,
      String callbackUrl,
      String returnUrl) {}

  /** The gateway's reference of the payment and where the buyer pays it. */
  record CheckoutAnswer(String reference, String paymentUrl) {}

  /**
   * A payment at the gateway: Duitku's status codes, "00" paid, "01" still open, "02" failed or
   * canceled; {@code amount} as the gateway gives it.
   */
  record GatewayStatus(String statusCode, String reference, String amount) {

    public static final String PAID = "00";
    public static final String OPEN = "01";
    public static final String CANCELED = "02";

    public boolean paid() {
      return PAID.equals(statusCode);
    }
  }

  /** The gateway refused a request or could not be reached; its message is for operators. */
  class GatewayFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GatewayFailure(String message) {
      super(message);
    }

    public GatewayFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
