/**
 * One payment (#/credits/payments/<merchantOrderId>), also where the gateway's return page
 * (/payment/success?merchantOrderId=..., PaymentReturnPage) lands: the status and the balance as
 * the API reports them to the signed-in buyer (GET /api/payments/{id}, GET /api/credits), never
 * what the return address says. While the payment is pending it asks again every 2 s for up to
 * 3 minutes (payments have no live stream; the gateway's callback usually comes within seconds).
 */
import { html, nothing } from 'lit';
import { api, ApiError } from '../shared/api.js';
import { session } from '../shared/session.js';
import { SessionElement } from '../shared/components.js';
import { credits, dateTime, rupiah } from '../shared/format.js';
import { gatewayUrl, methodName, paymentStatus, whatWasBought } from './payment-words.js';

const EVERY_MS = 2000;
const AT_MOST_MS = 180_000;

class PaymentPage extends SessionElement {
  static properties = {
    params: { attribute: false },
    payment: { state: true },
    error: { state: true },
    gaveUp: { state: true },
  };

  #timer = null;
  #since = 0;

  connectedCallback() {
    super.connectedCallback();
    this.#since = Date.now();
    this.#check();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  async #check() {
    this.gaveUp = false;
    try {
      this.payment = await api(`payments/${encodeURIComponent(this.params.merchantOrderId)}`);
      this.error = null;
      const { balance } = await api('credits');
      session.setBalance(balance);
    } catch (error) {
      // Unreachable, busy or failing for a moment (0, 429, 5xx): asked again like a pending one;
      // the error shows meanwhile. Other answers (404, 401) will not change.
      const passing = error.status === 0 || error.status === 429 || error.status >= 500;
      this.error = error;
      if (passing && this.isConnected && Date.now() - this.#since < AT_MOST_MS) {
        this.#timer = setTimeout(() => this.#check(), Math.max(EVERY_MS, (error.retryAfter ?? 0) * 1000));
      }
      return;
    }
    if (this.payment.status === 'pending' && this.isConnected) {
      if (Date.now() - this.#since < AT_MOST_MS) {
        this.#timer = setTimeout(() => this.#check(), EVERY_MS);
      } else {
        this.gaveUp = true;
      }
    }
  }

  #again() {
    this.#since = Date.now();
    this.#check();
  }

  #sentence(p) {
    switch (p.status) {
      case 'paid':
        return p.kind === 'plan'
          ? html`Paid: your plan (<strong>${whatWasBought(p)}</strong>) is active.`
          : html`Paid: <strong>${credits(p.credits + p.bonusCredits)}</strong> were added to your balance.`;
      case 'pending':
        return this.gaveUp
          ? 'Still waiting for the payment. If you paid, it will be added as soon as the payment service confirms it.'
          : 'Waiting for the payment to be confirmed…';
      case 'failed':
        return 'The payment failed or was declined. Nothing was charged to your credits.';
      case 'expired':
        return 'The payment expired before it was paid.';
      default:
        return paymentStatus(p.status);
    }
  }

  render() {
    const p = this.payment;
    return html`<section class="panel narrow">
      <h1 tabindex="-1">Your payment</h1>
      ${this.error
        ? html`<lumiku-error .error=${this.error.status === 404
            ? new ApiError(404, { detail: 'This payment could not be found for your account.' })
            : this.error} data-test="payment-error"></lumiku-error>`
        : !p
          ? html`<lumiku-loading label="Looking up your payment…"></lumiku-loading>`
          : html`<p role="status" aria-live="polite" data-test="payment-status" data-status=${p.status}
                class=${p.status === 'paid' ? 'ok' : ''}>${this.#sentence(p)}</p>
              <dl class="facts">
                <dt>Order</dt><dd>${p.merchantOrderId}</dd>
                <dt>${p.kind === 'plan' ? 'Plan' : 'Package'}</dt><dd>${whatWasBought(p)}</dd>
                <dt>Price</dt><dd>${rupiah(p.amount)}${p.paymentMethod ? ` · ${methodName(p.paymentMethod)}` : ''}</dd>
                <dt>Ordered</dt><dd>${dateTime(p.createdAt)}</dd>
                ${p.settledAt ? html`<dt>Settled</dt><dd>${dateTime(p.settledAt)}</dd>` : nothing}
              </dl>
              <p>Your balance: <strong data-test="payment-balance">${session.balance === null ? '…' : credits(session.balance)}</strong></p>
              <p class="actions">
                ${gatewayUrl(p.paymentUrl) ? html`<a class="button" href=${gatewayUrl(p.paymentUrl)}>Pay now</a>` : nothing}
                ${this.gaveUp ? html`<button type="button" class="secondary" @click=${() => this.#again()}>Check again</button>` : nothing}
              </p>`}
      <p class="actions"><a href="#/">Back to the apps</a> <a href="#/credits">Your credits</a></p>
    </section>`;
  }
}
customElements.define('lumiku-payment', PaymentPage);
