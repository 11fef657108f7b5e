/**
 * The credit reconciliation (#/admin/reconciliation): GET /api/admin/credits/reconciliation runs it
 * now (it also runs every 5 minutes on its own) and shows what it checked and each mismatch.
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { LightElement } from '../shared/components.js';
import { dateTime } from '../shared/format.js';
import './admin-nav.js';

class ReconciliationPage extends LightElement {
  static properties = { report: { state: true }, error: { state: true }, busy: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.#run();
  }

  async #run() {
    this.busy = true;
    this.error = null;
    try {
      this.report = await api('admin/credits/reconciliation');
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  #report(r) {
    const mismatches = r.mismatches ?? [];
    return html`<dl class="facts" data-test="reconciliation">
        <dt>Checked</dt><dd>${dateTime(r.checkedAt)}</dd>
        <dt>Accounts</dt><dd>${r.accountsChecked}</dd>
        <dt>Charges</dt><dd>${r.deductionsChecked}</dd>
        <dt>Mismatches</dt><dd data-test="mismatch-count" class=${mismatches.length ? 'bad' : 'ok'}>
          ${mismatches.length ? `${mismatches.length}: see below` : 'none, everything adds up'}</dd>
      </dl>
      ${mismatches.length
        ? html`<div class="table-wrap"><table data-test="mismatches">
            <thead><tr><th scope="col">Kind</th><th scope="col">User</th><th scope="col">Generation</th>
              <th scope="col" class="amount">Balance</th><th scope="col" class="amount">Ledger sum</th><th scope="col">Detail</th></tr></thead>
            <tbody>${mismatches.map((m) => html`<tr data-test="mismatch">
              <td><span class="tag">${m.kind}</span></td>
              <td>${m.userId ? html`<a href="#/admin/users?q=${encodeURIComponent(m.userId)}">${m.userId}</a>` : '–'}</td>
              <td>${m.generationId ?? '–'}</td>
              <td class="amount">${m.balance ?? '–'}</td>
              <td class="amount">${m.ledgerSum ?? '–'}</td>
              <td>${m.detail ?? ''}</td></tr>`)}</tbody>
          </table></div>`
        : nothing}`;
  }

  render() {
    return html`
      <admin-nav current="reconciliation"></admin-nav>
      <section class="panel">
        <div class="split">
          <h1 tabindex="-1">Credit reconciliation</h1>
          <button type="button" class="secondary" ?disabled=${this.busy} data-test="reconciliation-run" @click=${() => this.#run()}>
            ${this.busy ? 'Checking…' : 'Check again'}</button>
        </div>
        <p class="hint">Every balance must equal the sum of its ledger, and each feature's records agree with the ledger
          (charges, refunds, payments and plans). It also runs every 5 minutes; mismatches are logged.</p>
        <lumiku-error .error=${this.error}></lumiku-error>
        ${this.report ? this.#report(this.report) : this.busy ? html`<lumiku-loading label="Checking the ledger…"></lumiku-loading>` : nothing}
      </section>`;
  }
}
customElements.define('lumiku-admin-reconciliation', ReconciliationPage);
