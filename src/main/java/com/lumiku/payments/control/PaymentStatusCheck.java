package com.lumiku.payments.control;

import com.lumiku.payments.control.PaymentGateway.GatewayStatus;
import com.lumiku.payments.entity.Payment;
import com.lumiku.payments.entity.PaymentStatus;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.UtcClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Missed callbacks: on a container timer every {@code lumiku.payments.status-check-interval}, asks
 * the gateway about payments still pending {@code lumiku.payments.status-check-after} after they
 * were made, and settles them by the callback's own path ({@link Settlements}): paid at the gateway
 * (for the stored amount) is paid here; past its expiry and not paid is expired. Each payment is
 * its own transaction, and the conditional updates let every instance run it.
 *
 * <p>Also checks at start that the configured gateway can work, so a misconfiguration stops the
 * deployment.
 */
@Startup
@Singleton
public class PaymentStatusCheck {

  private static final Logger LOG = Logger.getLogger(PaymentStatusCheck.class.getName());
  private static final int BATCH = 100;

  @Resource TimerService timers;

  /**
   * How long an expired or failed payment is still asked about: a gateway's window may close a
   * little after ours, and a success may come after a replayed failure.
   */
  static final Duration RECHECKED_AFTER_ENDING = Duration.ofDays(1);

  @Inject Payments payments;
  @Inject PaymentGateways gateways;
  @Inject Settlements settlements;

  @Inject
  @ConfigProperty(name = "lumiku.payments.status-check-after")
  Duration after;

  @Inject
  @ConfigProperty(name = "lumiku.payments.status-check-interval")
  Duration interval;

  @PostConstruct
  void schedule() {
    String gateway = gateways.requireUsable();
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("payment-status-check", false));
    LOG.info(
        () ->
            "Payments through "
                + gateway
                + "; pending ones older than "
                + after
                + " are checked every "
                + interval);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    try {
      // Every pending payment (and those ended lately), a batch at a time: the oldest never starve
      // the newer ones.
      OffsetDateTime now = UtcClock.now();
      OffsetDateTime before = now.minus(after);
      OffsetDateTime since = now.minus(RECHECKED_AFTER_ENDING);
      PageCursor position = null;
      List<Payment> batch;
      do {
        batch = payments.unsettled(before, since, position, BATCH);
        for (Payment payment : batch) {
          check(payment);
        }
        if (!batch.isEmpty()) {
          Payment last = batch.get(batch.size() - 1);
          position = new PageCursor(last.createdAt(), last.id());
        }
      } while (batch.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The payment status check could not run", e);
    }
  }

  private void check(Payment payment) {
    String order = payment.merchantOrderId();
    GatewayStatus status;
    try {
      status = gateways.current().status(order);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The gateway could not tell how payment {0} stands: {1}",
          new Object[] {order, e.getMessage()});
      return;
    }
    if (status.paid()) {
      if (status.amount() == null
          || !CallbackDecision.sameAmount(status.amount(), payment.amount())) {
        LOG.log(
            Level.WARNING,
            "The gateway reports payment {0} paid with amount {1}, not {2}; left pending",
            new Object[] {order, status.amount(), payment.amount()});
        return;
      }
      if (settlements.paid(order, status.reference())) {
        LOG.log(Level.INFO, "Payment {0} settled by the status check", order);
      }
    } else if (payment.status() == PaymentStatus.PENDING
        && payment.expiresAt().isBefore(OffsetDateTime.now())) {
      settlements.expired(order);
    }
  }
}
