/**
 * Buying credits (#/credits/buy): the credit packages, the plans (a number of days of an app's
 * quota tier, e.g. the unlimited Pose Generator) and the payment methods (GET /api/payments/packages),
 * checkout (POST /api/payments {packageId, paymentMethod} with an Idempotency-Key, so a retried
 * click makes one payment), then the browser goes to the gateway's paymentUrl (the simulator's page
 * on ./run), which sends the buyer back to /payment/success.
 */
import { html, nothing } from 'lit';
import { api, ApiError, newIdempotencyKey } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { credits, rupiah } from '../shared/format.js';
import { appName, gatewayUrl, methodName } from './payment-words.js';

class BuyCreditsPage extends LightElement {
  static properties = {
    catalogue: { state: true },
    packageId: { state: true },
    method: { state: true },
    error: { state: true },
    loadError: { state: true },
    busy: { state: true },
  };

  #key = null; // one key per choice: a retry of the same choice is the same payment

  #pageShow = (event) => {
    if (event.persisted) {
      this.busy = false; // back from the gateway through the back-forward cache: the form works again
    }
  };

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('pageshow', this.#pageShow);
    this.#load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#pageShow);
  }

  async #load() {
    this.loadError = null;
    try {
      this.catalogue = await api('payments/packages');
      this.catalogue.plans ??= [];
      const asked = new URLSearchParams(location.hash.split('?')[1] ?? '');
      const wanted = asked.get('plan') ?? asked.get('package'); // links from the apps' pages
      this.packageId = this.#offer(wanted)
        ? wanted
        : (this.catalogue.packages[1]?.id ?? this.catalogue.packages[0]?.id ?? this.catalogue.plans[0]?.id);
      this.method = this.catalogue.paymentMethods[0];
    } catch (error) {
      this.loadError = error;
    }
  }

  #choose(packageId, method) {
    if (packageId !== this.packageId || method !== this.method) {
      this.#key = null;
    }
    this.packageId = packageId;
    this.method = method;
    this.error = null;
  }

  async #submit(event) {
    event.preventDefault();
    this.busy = true;
    this.error = null;
    this.#key ??= newIdempotencyKey();
    try {
      const payment = await api('payments', {
        method: 'POST',
        body: { packageId: this.packageId, paymentMethod: this.method },
        idempotencyKey: this.#key,
      });
      const to = gatewayUrl(payment.paymentUrl);
      if (!to) {
        throw new ApiError(502, { detail: 'The payment service gave an address this page will not open. Nothing was charged; try again later.' });
      }
      window.location.assign(to);
    } catch (error) {
      this.error = error;
      this.busy = false;
    }
  }

  /** The package or plan with this id, if on sale. */
  #offer(id) {
    const c = this.catalogue;
    return c?.packages.find((p) => p.id === id) ?? c?.plans.find((p) => p.id === id);
  }

  #plan(p) {
    return html`<label class="choice" data-test="package-${p.id}">
      <input type="radio" name="packageId" value=${p.id} .checked=${p.id === this.packageId}
        @change=${() => this.#choose(p.id, this.method)}>
      <strong>${appName(p.app)}: ${p.days} days</strong>
      <span>${p.dailyQuota} a day, no credits needed</span><br>
      <span>${rupiah(p.price)}</span>
    </label>`;
  }

  #package(p) {
    return html`<label class="choice" data-test="package-${p.id}">
      <input type="radio" name="packageId" value=${p.id} .checked=${p.id === this.packageId}
        @change=${() => this.#choose(p.id, this.method)}>
      <strong>${credits(p.totalCredits)}</strong>
      ${p.bonusCredits ? html`<span class="ok">${p.credits} + ${p.bonusCredits} bonus</span><br>` : nothing}
      <span>${rupiah(p.price)}</span>
    </label>`;
  }

  render() {
    const catalogue = this.catalogue;
    const chosen = this.#offer(this.packageId);
    return html`<section class="panel">
      <h1 tabindex="-1">Buy credits</h1>
      <p><a href="#/credits">Back to your credits</a></p>
      ${this.loadError
        ? html`<lumiku-error .error=${this.loadError}></lumiku-error>
            <button type="button" class="secondary" @click=${() => this.#load()}>Try again</button>`
        : !catalogue
          ? html`<lumiku-loading label="Loading the packages…"></lumiku-loading>`
          : catalogue.packages.length + catalogue.plans.length === 0
            ? html`<p class="empty">Nothing is on sale right now. Please come back later.</p>`
            : html`<form class="stack" @submit=${this.#submit} data-test="buy-form">
                <fieldset class="choices" aria-invalid=${invalid(this.error, 'packageId')} aria-describedby="package-error">
                  <legend>Package</legend>
                  ${catalogue.packages.map((p) => this.#package(p))}
                  ${catalogue.plans.length
                    ? html`<p class="muted">Or a plan: a daily allowance instead of credits, extended if you buy again.</p>
                        ${catalogue.plans.map((p) => this.#plan(p))}`
                    : nothing}
                </fieldset>
                <lumiku-field-error id="package-error" .error=${this.error} field="packageId"></lumiku-field-error>
                <label for="payment-method">Payment method</label>
                <select id="payment-method" name="paymentMethod" data-test="payment-method" required
                  aria-invalid=${invalid(this.error, 'paymentMethod')} aria-describedby="payment-method-error"
                  @change=${(e) => this.#choose(this.packageId, e.target.value)}>
                  ${catalogue.paymentMethods.map(
                    (m) => html`<option value=${m} ?selected=${m === this.method}>${methodName(m)}</option>`)}
                </select>
                <lumiku-field-error id="payment-method-error" .error=${this.error} field="paymentMethod"></lumiku-field-error>
                ${chosen ? html`<p>You pay <strong>${rupiah(chosen.price)}</strong> and get <strong>${chosen.app
                    ? `${chosen.days} days of ${appName(chosen.app)}`
                    : credits(chosen.totalCredits)}</strong>.
                  You will be taken to the payment page and brought back here.</p>` : nothing}
                <lumiku-error .error=${this.error} .fields=${['packageId', 'paymentMethod']} data-test="buy-error"></lumiku-error>
                <button type="submit" ?disabled=${this.busy || !chosen} data-test="buy-submit">
                  ${this.busy ? 'Opening the payment page…' : 'Continue to payment'}</button>
              </form>`}
    </section>`;
  }
}
customElements.define('lumiku-buy-credits', BuyCreditsPage);
