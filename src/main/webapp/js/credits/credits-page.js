/**
 * Credits (#/credits): the balance (GET /api/credits), the ledger a page at a time (GET
 * /api/credits/transactions) and the payments (GET /api/payments), with the way to buy more.
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { session } from '../shared/session.js';
import { SessionElement } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { credits, dateTime, rupiah } from '../shared/format.js';
import { gatewayUrl, paymentStatus, whatWasBought } from './payment-words.js';

const TYPES = {
  grant: 'Granted',
  topup: 'Bought',
  deduct: 'Spent',
  refund: 'Refunded',
  adjust: 'Corrected',
};

class CreditsPage extends SessionElement {
  #ledger = new PagedList(this, (cursor) => `credits/transactions?limit=20${cursor ? `&cursor=${cursor}` : ''}`);
  #payments = new PagedList(this, (cursor) => `payments?limit=10${cursor ? `&cursor=${cursor}` : ''}`);

  connectedCallback() {
    super.connectedCallback();
    this.#ledger.reload();
    this.#payments.reload();
    api('credits')
      .then((answer) => session.setBalance(answer.balance))
      .catch(() => {}); // the header keeps the balance it has
  }

  #more(list, test) {
    return html`
      <lumiku-error .error=${list.error}></lumiku-error>
      ${list.loading ? html`<lumiku-loading></lumiku-loading>` : nothing}
      ${list.hasMore && !list.loading
        ? html`<button type="button" class="secondary" @click=${() => list.more()} data-test=${test}>Show older</button>`
        : nothing}`;
  }

  #ledgerTable() {
    const ledger = this.#ledger;
    if (ledger.loaded && ledger.items.length === 0) {
      return html`<p class="empty">No credit movements yet.</p>`;
    }
    return html`${ledger.items.length
        ? html`<div class="table-wrap"><table class="stack" data-test="transactions" aria-label="Credit movements, newest first">
            <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col" class="amount">Credits</th><th scope="col" class="amount">Balance</th></tr></thead>
            <tbody>${ledger.items.map(
              (t) => html`<tr data-test="transaction" data-type=${t.type}>
                <td>${dateTime(t.createdAt)}</td>
                <td><span class="tag">${TYPES[t.type] ?? t.type}</span> ${t.description ?? ''}</td>
                <td class="amount ${t.amount < 0 ? 'minus' : 'plus'}">${t.amount > 0 ? '+' : ''}${t.amount}</td>
                <td class="amount" data-label="balance">${t.balanceAfter}</td></tr>`)}
            </tbody></table></div>`
        : nothing}
      ${this.#more(ledger, 'transactions-more')}`;
  }

  #paymentsTable() {
    const payments = this.#payments;
    if (payments.loaded && payments.items.length === 0) {
      return html`<p class="empty">You have not bought credits yet.</p>`;
    }
    return html`${payments.items.length
        ? html`<div class="table-wrap"><table class="stack" data-test="payments" aria-label="Payments, newest first">
            <thead><tr><th scope="col">When</th><th scope="col">Bought</th><th scope="col" class="amount">Price</th><th scope="col">Status</th></tr></thead>
            <tbody>${payments.items.map(
              (p) => html`<tr data-test="payment" data-status=${p.status}>
                <td>${dateTime(p.createdAt)}</td>
                <td>${whatWasBought(p)}</td>
                <td class="amount">${rupiah(p.amount)}</td>
                <td><a href="#/credits/payments/${encodeURIComponent(p.merchantOrderId)}">${paymentStatus(p.status)}</a>
                  ${gatewayUrl(p.paymentUrl) ? html` · <a href=${gatewayUrl(p.paymentUrl)}>Pay now</a>` : nothing}</td></tr>`)}
            </tbody></table></div>`
        : nothing}
      ${this.#more(payments, 'payments-more')}`;
  }

  render() {
    return html`
      <section class="panel">
        <div class="split">
          <div>
            <h1 tabindex="-1">Credits</h1>
            <p>Your balance: <strong data-test="credits-balance">${session.balance === null ? '…' : credits(session.balance)}</strong></p>
          </div>
          <a class="button" href="#/credits/buy" data-test="buy-credits">Buy credits</a>
        </div>
      </section>
      <section class="panel" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        ${this.#ledger.loaded || this.#ledger.error ? this.#ledgerTable() : html`<lumiku-loading label="Loading your history…"></lumiku-loading>`}
      </section>
      <section class="panel" aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        ${this.#payments.loaded || this.#payments.error ? this.#paymentsTable() : html`<lumiku-loading label="Loading your payments…"></lumiku-loading>`}
      </section>`;
  }
}
customElements.define('lumiku-credits', CreditsPage);
