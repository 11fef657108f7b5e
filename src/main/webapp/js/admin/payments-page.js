/**
 * Payments (#/admin/payments?status=&q=&userId=&from=&to=): every payment, newest first (GET
 * /api/admin/payments, cursor pages), filtered by status, order id / gateway reference / buyer's
 * email, buyer and creation dates; one payment's detail (GET .../{merchantOrderId}) and recording
 * its refund (POST .../{merchantOrderId}/refund {reason}): the money goes back in the gateway's
 * dashboard, this takes the purchase back. The refund needs a reason and a second, explicit
 * confirmation; its answer says which credits were taken back and which were spent already.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, ApiError } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { credits, dateTime, formValues, rupiah } from '../shared/format.js';
import { navigate } from '../shared/router.js';
import { methodName, paymentStatus } from '../credits/payment-words.js';
import './admin-nav.js';

const FILTERS = ['status', 'q', 'userId', 'from', 'to'];
const STATUSES = ['pending', 'paid', 'failed', 'expired', 'refunded'];

function what(p) {
  if (p.kind === 'plan' && p.plan) {
    return `Plan: ${p.plan.dailyQuota} a day for ${p.plan.days} days (${p.plan.app})`;
  }
  return `${credits(p.credits + p.bonusCredits)}${p.bonusCredits ? ` (${p.bonusCredits} bonus)` : ''}`;
}

class AdminPayment extends LightElement {
  static properties = {
    item: { attribute: false },
    open: { state: true },
    reason: { state: true },
    confirming: { state: true },
    error: { state: true },
    busy: { state: true },
    refunded: { state: true },
  };

  async #toggle() {
    this.open = !this.open;
    if (this.open) {
      try {
        this.item = await api(`admin/payments/${encodeURIComponent(this.item.payment.merchantOrderId)}`);
      } catch (error) {
        this.error = error;
      }
    }
  }

  #ask(event) {
    event.preventDefault();
    const reason = formValues(event.target).reason ?? '';
    this.reason = reason;
    this.error = null;
    this.confirming = reason !== '';
    if (!reason) {
      this.error = new ApiError(400, { errors: [{ field: 'reason', message: 'Say why the payment is refunded.' }] });
    }
  }

  async #refund() {
    this.busy = true;
    this.error = null;
    try {
      this.item = await api(`admin/payments/${encodeURIComponent(this.item.payment.merchantOrderId)}/refund`, {
        method: 'POST',
        body: { reason: this.reason },
      });
      this.refunded = true;
      this.confirming = false;
    } catch (error) {
      this.error = error;
      this.confirming = false;
    } finally {
      this.busy = false;
    }
  }

  #refundForm(p) {
    const id = p.merchantOrderId;
    if (p.status !== 'paid') {
      return html`<p class="hint">Only a paid payment can be refunded${p.status === 'refunded' ? '; this one was' : ''}.</p>`;
    }
    const fieldError = this.error?.fieldMessage?.('reason');
    return html`<form class="stack refund" @submit=${this.#ask} data-test="refund-form" novalidate>
      <p class="hint">Give the money back in the payment gateway's merchant dashboard first; this records it and takes back
        ${p.kind === 'plan' ? 'the plan\'s days' : 'the credits the buyer still has (what was spent is recorded as unrecovered)'}.</p>
      <label for="refund-reason-${id}">Reason</label>
      <input id="refund-reason-${id}" name="reason" required maxlength="200" data-test="refund-reason" .value=${this.reason ?? ''}
        ?disabled=${this.confirming} aria-invalid=${fieldError ? 'true' : 'false'} aria-describedby="refund-reason-error-${id}">
      <span id="refund-reason-error-${id}">${fieldError ? html`<span class="field-error">${fieldError}</span>` : nothing}</span>
      ${this.confirming
        ? html`<div class="confirm" role="alertdialog" aria-labelledby="refund-confirm-${id}">
            <p id="refund-confirm-${id}">Refund ${rupiah(p.amount)} to ${this.item.email}? This cannot be undone.</p>
            <div class="actions">
              <button type="button" class="danger" ?disabled=${this.busy} data-test="refund-confirm" @click=${() => this.#refund()}>
                ${this.busy ? 'Recording…' : 'Yes, record the refund'}</button>
              <button type="button" class="secondary" @click=${() => { this.confirming = false; }}>Cancel</button>
            </div>
          </div>`
        : html`<button type="submit" class="danger" data-test="refund-start">Refund…</button>`}
      ${this.error && !fieldError ? html`<lumiku-error .error=${this.error}></lumiku-error>` : nothing}
    </form>`;
  }

  #refundResult(r) {
    return html`<div class=${this.refunded ? 'ok' : ''} data-test="refund-result" role=${this.refunded ? 'status' : nothing}>
      <p><strong>Refunded</strong> ${dateTime(r.refundedAt)}: “${r.reason}”.</p>
      ${r.creditsRecovered !== null && r.creditsRecovered !== undefined
        ? html`<p>Credits taken back: <strong data-test="credits-recovered">${r.creditsRecovered}</strong>;
            already spent, not recovered: <strong data-test="credits-unrecovered" class=${r.creditsUnrecovered ? 'bad' : ''}>${r.creditsUnrecovered ?? 0}</strong>.</p>`
        : nothing}
    </div>`;
  }

  render() {
    const { payment: p, email, userId, refund } = this.item;
    return html`<article class="card admin-payment" data-test="admin-payment" data-id=${p.merchantOrderId} data-status=${p.status}>
      <div class="split">
        <div>
          <p><strong>${rupiah(p.amount)}</strong> · ${what(p)} · <span class="tag status-${p.status}">${paymentStatus(p.status)}</span></p>
          <p class="hint">${dateTime(p.createdAt)} · <a href="#/admin/users?q=${encodeURIComponent(email ?? '')}">${email ?? userId}</a> ·
            order ${p.merchantOrderId}</p>
        </div>
        <button type="button" class="secondary small" aria-expanded=${this.open ? 'true' : 'false'} data-test="admin-payment-details"
          @click=${() => this.#toggle()}>${this.open ? 'Close' : 'Details'}</button>
      </div>
      ${this.open
        ? html`<dl class="facts">
            <dt>Method</dt><dd>${methodName(p.paymentMethod)}</dd>
            <dt>Gateway reference</dt><dd>${p.reference ?? '–'}</dd>
            <dt>Package</dt><dd>${p.packageId}</dd>
            <dt>Settled</dt><dd>${p.settledAt ? dateTime(p.settledAt) : '–'}</dd>
            <dt>Expires</dt><dd>${p.expiresAt ? dateTime(p.expiresAt) : '–'}</dd>
          </dl>
          ${refund ? this.#refundResult(refund) : this.#refundForm(p)}`
        : refund ? this.#refundResult(refund) : nothing}
    </article>`;
  }
}
customElements.define('admin-payment', AdminPayment);

class PaymentsPage extends LightElement {
  static properties = { query: { attribute: false } };

  #filters = {};
  #list = new PagedList(this, (cursor) => {
    const query = new URLSearchParams({ limit: '20' });
    for (const [name, value] of Object.entries(this.#filters)) {
      query.set(name, value);
    }
    if (cursor) {
      query.set('cursor', decodeURIComponent(cursor));
    }
    return `admin/payments?${query}`;
  });

  willUpdate(changed) {
    if (changed.has('query')) {
      this.#filters = {};
      for (const name of FILTERS) {
        const value = this.query?.get(name);
        if (value) {
          this.#filters[name] = value;
        }
      }
      this.#list.reload();
    }
  }

  #apply(event) {
    event.preventDefault();
    const values = formValues(event.target);
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      if (values[name]) {
        query.set(name, values[name]);
      }
    }
    const search = query.toString();
    navigate(`/admin/payments${search ? `?${search}` : ''}`);
  }

  render() {
    const list = this.#list;
    const f = this.#filters;
    const error = list.error;
    const field = (name, label, attrs) => html`<div>
      <label for="payments-${name}">${label}</label>
      <input id="payments-${name}" name=${name} .value=${f[name] ?? ''} type=${attrs.type ?? 'text'} placeholder=${attrs.placeholder ?? ''}
        data-test="payments-${name}" aria-invalid=${invalid(error, name)} aria-describedby="payments-${name}-error">
      <lumiku-field-error id="payments-${name}-error" .error=${error} field=${name}></lumiku-field-error>
    </div>`;
    return html`
      <admin-nav current="payments"></admin-nav>
      <section class="panel">
        <h1 tabindex="-1">Payments</h1>
        <form class="filters" role="search" aria-label="Filter the payments" @submit=${this.#apply} data-test="payments-filters">
          ${field('q', 'Order, reference or email', { type: 'search' })}
          <div>
            <label for="payments-status">Status</label>
            <select id="payments-status" name="status" data-test="payments-status">
              <option value="">Any</option>
              ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${paymentStatus(s)}</option>`)}
            </select>
          </div>
          ${field('userId', 'Buyer (user id)', { placeholder: 'UUID' })}
          ${field('from', 'From (date)', { type: 'date' })}
          ${field('to', 'To (date)', { type: 'date' })}
          <div class="actions"><button type="submit" data-test="payments-apply">Show</button>
            <a href="#/admin/payments">Clear</a></div>
        </form>
        <lumiku-error .error=${error} .fields=${FILTERS}></lumiku-error>
        ${!list.loaded && !list.error
          ? html`<lumiku-loading label="Loading the payments…"></lumiku-loading>`
          : list.loaded && list.items.length === 0
            ? html`<p class="empty" data-test="payments-empty">No payment matches these filters.</p>`
            : html`<div class="stack" data-test="admin-payments">${repeat(list.items, (item) => item.payment.merchantOrderId, (item) => html`<admin-payment .item=${item}></admin-payment>`)}</div>`}
        ${list.loading && list.loaded ? html`<lumiku-loading></lumiku-loading>` : nothing}
        ${list.hasMore && !list.loading
          ? html`<button type="button" class="secondary" data-test="payments-more" @click=${() => list.more()}>Show older</button>`
          : nothing}
      </section>`;
  }
}
customElements.define('lumiku-admin-payments', PaymentsPage);
