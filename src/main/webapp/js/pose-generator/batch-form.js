/**
 * <pose-batch-form>: the options of a batch and its order (POST
 * /api/apps/pose-generator/projects/{id}/generations with an Idempotency-Key, one per order, kept
 * for a retry of the same order): the picked library poses (.picked) or a pose described in words
 * drawn batchSize times, a new background, the ZIP's formats, a seed, and with a quota tier in
 * force whether credits pay when today's quota runs out. Shows the price (or the quota it uses)
 * before sending and says why ordering is disabled. Errors (a 402 with the link to buy credits)
 * appear under the button. Fires 'batch-ordered' with {answer, names} (answer: {generation,
 * creditUsed, creditBalance, quotaUsed}; names: the poses' names by position, if known).
 */
import { html, nothing } from 'lit';
import { api, newIdempotencyKey, refreshUser } from '../shared/api.js';
import { SessionElement, invalid } from '../shared/components.js';
import { session } from '../shared/session.js';
import { credits } from '../shared/format.js';
import { BASE, FORMATS, batchPrice } from './pose-words.js';

const MAX_BATCH = 20;
const MAX_SEED = 4294967295;

class BatchForm extends SessionElement {
  static properties = {
    project: { attribute: false },
    picked: { attribute: false },
    prices: { attribute: false },
    tier: { attribute: false },
    mode: { state: true },
    batchSize: { state: true },
    background: { state: true },
    formats: { state: true },
    useCredits: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  #key = null;
  #keyBody = null;

  constructor() {
    super();
    this.picked = [];
    this.mode = 'library';
    this.batchSize = 1;
    this.background = false;
    this.formats = ['png'];
    this.useCredits = false;
  }

  get #count() {
    return this.mode === 'library' ? this.picked.length : this.batchSize;
  }

  #order(form) {
    const data = new FormData(form);
    const order = {
      exportFormats: this.formats,
      useBackgroundChanger: this.background,
    };
    if (this.mode === 'library') {
      order.poseIds = this.picked.map((p) => p.id);
    } else {
      order.textPrompt = (data.get('textPrompt') ?? '').toString();
      order.batchSize = this.batchSize;
    }
    if (this.background) {
      order.backgroundPrompt = (data.get('backgroundPrompt') ?? '').toString();
    }
    const seed = (data.get('seed') ?? '').toString().trim();
    if (seed !== '') {
      order.seed = Number(seed);
    }
    if (this.tier?.inForce) {
      order.useCreditsWhenQuotaRunsOut = this.useCredits;
    }
    return order;
  }

  /** Why the order cannot be sent now, or null. */
  #blocked(price) {
    if (!this.project?.subject) {
      return html`This project has nobody to pose yet: add a photo above first.`;
    }
    if (this.mode === 'library' && this.picked.length === 0) {
      return html`Pick at least one pose from the library.`;
    }
    if (this.formats.length === 0) {
      return html`Choose at least one format for the ZIP.`;
    }
    const quotaCovers = this.tier?.inForce && this.tier.remainingToday >= this.#count;
    if (this.tier?.inForce && !quotaCovers && !this.useCredits) {
      return html`Today's quota does not cover ${this.#count} poses: tick “pay with credits” or pick fewer.`;
    }
    if (!quotaCovers && price !== null && session.balance !== null && session.balance < price) {
      return html`You have ${credits(session.balance)}; this batch costs ${credits(price)}.
        <a href="#/credits/buy" data-test="batch-buy-credits">Buy credits</a>.`;
    }
    return null;
  }

  async #submit(event) {
    event.preventDefault();
    const order = this.#order(event.target);
    const body = JSON.stringify(order);
    if (body !== this.#keyBody) {
      this.#key = newIdempotencyKey();
      this.#keyBody = body;
    }
    this.busy = true;
    this.error = null;
    const names = this.mode === 'library' ? this.picked.map((p) => p.name) : [];
    try {
      const answer = await api(`${BASE}/projects/${this.project.id}/generations`, {
        method: 'POST',
        body: order,
        idempotencyKey: this.#key,
      });
      session.setBalance(answer.creditBalance);
      this.#key = null;
      this.#keyBody = null;
      this.dispatchEvent(new CustomEvent('batch-ordered', { detail: { answer, names }, bubbles: true }));
    } catch (error) {
      this.error = error;
      if (error.isPaymentRequired) {
        refreshUser().catch(() => {});
      }
    } finally {
      this.busy = false;
    }
  }

  #toggleFormat(format, on) {
    this.formats = on ? FORMATS.map(([f]) => f).filter((f) => f === format || this.formats.includes(f)) : this.formats.filter((f) => f !== format);
  }

  #priceLine(price) {
    const count = this.#count;
    const tier = this.tier;
    if (tier?.inForce) {
      const covers = tier.remainingToday >= count;
      return html`<p data-test="batch-price" aria-live="polite">
        ${covers
          ? html`Uses <strong>${count}</strong> of the <strong>${tier.remainingToday}</strong> poses left in today's quota; no credits.`
          : html`Today's quota has <strong>${tier.remainingToday}</strong> poses left, fewer than ${count}.
              ${this.useCredits && price !== null ? html`Credits pay instead: <strong>${credits(price)}</strong>.` : nothing}`}
      </p>`;
    }
    if (price === null) {
      return html`<p class="muted" data-test="batch-price">The price could not be loaded; it is shown on the dashboard.</p>`;
    }
    return html`<p data-test="batch-price" aria-live="polite">
      ${count} ${count === 1 ? 'pose' : 'poses'}: <strong data-test="batch-cost">${credits(price)}</strong>
      <span class="muted">(${credits(this.prices.pose)} a pose${this.background ? html`, ${credits(this.prices.background)} more each for the background` : nothing})</span>
    </p>`;
  }

  render() {
    const error = this.error;
    const price = batchPrice(this.prices, this.#count, this.background);
    const blocked = this.#blocked(price);
    return html`<form class="stack batch-form" @submit=${this.#submit} data-test="batch-form" novalidate>
      <fieldset>
        <legend>What to draw</legend>
        <div class="actions">
          <label class="inline"><input type="radio" name="mode" value="library" .checked=${this.mode === 'library'} data-test="batch-mode-library"
            @change=${() => { this.mode = 'library'; }}> The poses I picked (${this.picked.length})</label>
          <label class="inline"><input type="radio" name="mode" value="words" .checked=${this.mode === 'words'} data-test="batch-mode-words"
            @change=${() => { this.mode = 'words'; }}> A pose I describe</label>
        </div>
        ${this.mode === 'words'
          ? html`<label for="batch-text">Describe the pose</label>
              <input id="batch-text" name="textPrompt" maxlength="500" placeholder="e.g. sitting cross-legged, waving" data-test="batch-text"
                aria-invalid=${invalid(error, 'textPrompt')} aria-describedby="batch-text-error">
              <lumiku-field-error id="batch-text-error" .error=${error} field="textPrompt"></lumiku-field-error>
              <label for="batch-size">How many variations (1 to ${MAX_BATCH})</label>
              <input id="batch-size" type="number" min="1" max=${MAX_BATCH} .value=${String(this.batchSize)} data-test="batch-size"
                aria-invalid=${invalid(error, 'batchSize')} aria-describedby="batch-size-error"
                @input=${(e) => { this.batchSize = Math.max(1, Math.min(MAX_BATCH, Number.parseInt(e.target.value, 10) || 1)); }}>
              <lumiku-field-error id="batch-size-error" .error=${error} field="batchSize"></lumiku-field-error>`
          : html`<lumiku-field-error .error=${error} field="poseIds"></lumiku-field-error>`}
      </fieldset>
      <label class="inline"><input type="checkbox" name="useBackgroundChanger" .checked=${this.background} data-test="batch-background"
        @change=${(e) => { this.background = e.target.checked; }}> New background${this.prices?.background ? ` (+${credits(this.prices.background)} a pose)` : ''}</label>
      ${this.background
        ? html`<label for="batch-background-prompt">Background</label>
            <input id="batch-background-prompt" name="backgroundPrompt" maxlength="500" required placeholder="e.g. a beach at sunset"
              data-test="batch-background-prompt" aria-invalid=${invalid(error, 'backgroundPrompt')} aria-describedby="batch-background-error">
            <lumiku-field-error id="batch-background-error" .error=${error} field="backgroundPrompt"></lumiku-field-error>`
        : nothing}
      <fieldset aria-describedby="batch-formats-error">
        <legend>Formats in the ZIP</legend>
        <div class="actions">
          ${FORMATS.map(([value, label]) => html`<label class="inline"><input type="checkbox" value=${value} data-test="batch-format-${value}"
            .checked=${this.formats.includes(value)} @change=${(e) => this.#toggleFormat(value, e.target.checked)}> ${label}</label>`)}
        </div>
        <lumiku-field-error id="batch-formats-error" .error=${error} field="exportFormats"></lumiku-field-error>
      </fieldset>
      <details>
        <summary>More options</summary>
        <label for="batch-seed">Seed <span class="muted">(optional, 0 to ${MAX_SEED}; the same seed draws the same picture)</span></label>
        <input id="batch-seed" name="seed" type="number" min="0" max=${MAX_SEED} step="1" inputmode="numeric" data-test="batch-seed"
          aria-invalid=${invalid(error, 'seed')} aria-describedby="batch-seed-error">
        <lumiku-field-error id="batch-seed-error" .error=${error} field="seed"></lumiku-field-error>
      </details>
      ${this.tier?.inForce
        ? html`<label class="inline"><input type="checkbox" .checked=${this.useCredits} data-test="batch-use-credits"
            @change=${(e) => { this.useCredits = e.target.checked; }}> Pay with credits when today's quota does not cover the batch</label>`
        : nothing}
      ${this.#priceLine(price)}
      ${blocked ? html`<p class="notice" data-test="batch-blocked">${blocked}</p>` : nothing}
      <button type="submit" ?disabled=${this.busy || blocked !== null} data-test="batch-submit">
        ${this.busy ? 'Ordering…' : `Draw ${this.#count || ''} ${this.#count === 1 ? 'pose' : 'poses'}`}</button>
      <lumiku-error .error=${error} data-test="batch-error"
        .fields=${['textPrompt', 'batchSize', 'backgroundPrompt', 'exportFormats', 'seed', 'poseIds']}></lumiku-error>
    </form>`;
  }
}
customElements.define('pose-batch-form', BatchForm);
