/**
 * Users (#/admin/users?q=): accounts found by email or name (GET /api/admin/users?q=, cursor
 * pages, each with its balance), and for one account: credits granted or taken back (POST
 * /api/admin/users/{id}/credits {amount, reason}: positive is a grant, negative a correction never
 * below zero) and a quota tier given or ended (PUT|DELETE /api/admin/users/{id}/quotas/{app}
 * {dailyQuota?, days}). Results and errors appear next to the form that caused them.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { credits, dateTime, formValues } from '../shared/format.js';
import { navigate } from '../shared/router.js';
import './admin-nav.js';

class AdminUser extends LightElement {
  static properties = {
    user: { attribute: false },
    apps: { attribute: false },
    grantError: { state: true },
    granted: { state: true },
    tierError: { state: true },
    tier: { state: true },
    tierEnded: { state: true },
    confirmEnd: { state: true },
    busy: { state: true },
  };

  async #grant(event) {
    event.preventDefault();
    const form = event.target;
    const values = formValues(form);
    this.busy = 'grant';
    this.grantError = null;
    this.granted = null;
    try {
      const amount = values.amount === undefined ? null : Number(values.amount);
      this.granted = await api(`admin/users/${this.user.id}/credits`, {
        method: 'POST',
        body: { amount: Number.isFinite(amount) ? amount : null, reason: values.reason ?? '' }, // a number or nothing: the API takes no numbers as text
      });
      this.user = { ...this.user, balance: this.granted.balanceAfter };
      form.reset();
    } catch (error) {
      this.grantError = error;
    } finally {
      this.busy = null;
    }
  }

  async #giveTier(event) {
    event.preventDefault();
    const values = formValues(event.target);
    this.busy = 'tier';
    this.tierError = null;
    this.tierEnded = false;
    const body = { days: values.days === undefined ? null : Number(values.days) };
    if (values.dailyQuota !== undefined) {
      body.dailyQuota = Number(values.dailyQuota);
    }
    try {
      this.tier = await api(`admin/users/${this.user.id}/quotas/${encodeURIComponent(values.app)}`, { method: 'PUT', body });
    } catch (error) {
      this.tierError = error;
    } finally {
      this.busy = null;
    }
  }

  async #endTier() {
    const app = this.querySelector('[name=app]').value;
    this.busy = 'tier';
    this.tierError = null;
    try {
      await api(`admin/users/${this.user.id}/quotas/${encodeURIComponent(app)}`, { method: 'DELETE' });
      this.tier = null;
      this.tierEnded = true;
      this.confirmEnd = false;
    } catch (error) {
      this.tierError = error;
    } finally {
      this.busy = null;
    }
  }

  render() {
    const u = this.user;
    const id = u.id;
    return html`<article class="card admin-user" data-test="admin-user" data-id=${id}>
      <div class="split">
        <div>
          <h3>${u.name} <span class="muted">${u.email}</span> ${u.role === 'admin' ? html`<span class="tag">admin</span>` : nothing}</h3>
          <p class="hint">Balance <strong data-test="admin-user-balance">${credits(u.balance)}</strong> · since ${dateTime(u.createdAt)} · id ${id}</p>
        </div>
        <a href="#/admin/payments?userId=${id}" data-test="admin-user-payments">Payments</a>
      </div>
      <div class="admin-forms">
        <form class="stack" @submit=${this.#grant} data-test="grant-form" novalidate>
          <h4>Credits</h4>
          <label for="grant-amount-${id}">Amount <span class="muted">(negative takes credits back)</span></label>
          <input id="grant-amount-${id}" name="amount" type="number" step="1" required data-test="grant-amount"
            aria-invalid=${invalid(this.grantError, 'amount')} aria-describedby="grant-amount-error-${id}">
          <lumiku-field-error id="grant-amount-error-${id}" .error=${this.grantError} field="amount"></lumiku-field-error>
          <label for="grant-reason-${id}">Reason</label>
          <input id="grant-reason-${id}" name="reason" required maxlength="200" data-test="grant-reason"
            aria-invalid=${invalid(this.grantError, 'reason')} aria-describedby="grant-reason-error-${id}">
          <lumiku-field-error id="grant-reason-error-${id}" .error=${this.grantError} field="reason"></lumiku-field-error>
          <button type="submit" ?disabled=${this.busy === 'grant'} data-test="grant-submit">${this.busy === 'grant' ? 'Saving…' : 'Change the balance'}</button>
          <lumiku-error .error=${this.grantError} .fields=${['amount', 'reason']}></lumiku-error>
          ${this.granted ? html`<p class="ok" role="status" data-test="grant-done">${this.granted.amount > 0 ? 'Granted' : 'Taken back'}
            ${credits(Math.abs(this.granted.amount))}; the balance is now ${credits(this.granted.balanceAfter)}.</p>` : nothing}
        </form>
        <form class="stack" @submit=${this.#giveTier} data-test="tier-form" novalidate>
          <h4>Quota tier (“unlimited” plan)</h4>
          <label for="tier-app-${id}">App</label>
          <select id="tier-app-${id}" name="app" data-test="tier-app">
            ${(this.apps ?? []).map((a) => html`<option value=${a.id} ?selected=${a.id === 'pose-generator'}>${a.name}</option>`)}
          </select>
          <label for="tier-daily-${id}">Daily quota <span class="muted">(blank: the default)</span></label>
          <input id="tier-daily-${id}" name="dailyQuota" type="number" min="1" max="100000" data-test="tier-daily"
            aria-invalid=${invalid(this.tierError, 'dailyQuota')} aria-describedby="tier-daily-error-${id}">
          <lumiku-field-error id="tier-daily-error-${id}" .error=${this.tierError} field="dailyQuota"></lumiku-field-error>
          <label for="tier-days-${id}">Days from now</label>
          <input id="tier-days-${id}" name="days" type="number" min="1" max="3660" value="30" required data-test="tier-days"
            aria-invalid=${invalid(this.tierError, 'days')} aria-describedby="tier-days-error-${id}">
          <lumiku-field-error id="tier-days-error-${id}" .error=${this.tierError} field="days"></lumiku-field-error>
          <div class="actions">
            <button type="submit" ?disabled=${this.busy === 'tier'} data-test="tier-submit">Give the tier</button>
            ${this.confirmEnd
              ? html`<button type="button" class="danger" data-test="tier-end-confirm" @click=${() => this.#endTier()}>Yes, end it now</button>
                  <button type="button" class="secondary" @click=${() => { this.confirmEnd = false; }}>Keep it</button>`
              : html`<button type="button" class="secondary" data-test="tier-end" @click=${() => { this.confirmEnd = true; }}>End the tier…</button>`}
          </div>
          <lumiku-error .error=${this.tierError} .fields=${['dailyQuota', 'days']}></lumiku-error>
          ${this.tier ? html`<p class="ok" role="status" data-test="tier-done">Tier in ${this.tier.app}: ${this.tier.dailyQuota} a day,
            ${this.tier.remainingToday} left today, until ${dateTime(this.tier.expiresAt)}.</p>` : nothing}
          ${this.tierEnded ? html`<p class="ok" role="status" data-test="tier-ended">The tier was ended.</p>` : nothing}
        </form>
      </div>
    </article>`;
  }
}
customElements.define('admin-user', AdminUser);

class UsersPage extends LightElement {
  static properties = { query: { attribute: false }, apps: { state: true } };

  #q = '';
  #list = new PagedList(this, (cursor) => `admin/users?limit=10${this.#q ? `&q=${encodeURIComponent(this.#q)}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);

  connectedCallback() {
    super.connectedCallback();
    api('apps').then((apps) => { this.apps = apps; }).catch(() => { this.apps = []; });
  }

  willUpdate(changed) {
    if (changed.has('query')) {
      this.#q = this.query?.get('q') ?? '';
      this.#list.reload();
    }
  }

  #search(event) {
    event.preventDefault();
    const q = formValues(event.target).q ?? '';
    navigate(`/admin/users${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }

  render() {
    const list = this.#list;
    return html`
      <admin-nav current="users"></admin-nav>
      <section class="panel">
        <h1 tabindex="-1">Users</h1>
        <form class="search-row" role="search" @submit=${this.#search}>
          <label for="users-q" class="visually-hidden">Email or name</label>
          <input id="users-q" name="q" type="search" .value=${this.#q} maxlength="200" placeholder="Email or name" data-test="users-search">
          <button type="submit" data-test="users-search-submit">Search</button>
        </form>
        <lumiku-error .error=${list.error}></lumiku-error>
        ${!list.loaded && !list.error
          ? html`<lumiku-loading label="Searching…"></lumiku-loading>`
          : list.loaded && list.items.length === 0
            ? html`<p class="empty" data-test="users-empty">No account ${this.#q ? html`matches “${this.#q}”` : 'yet'}.</p>`
            : html`<div class="stack" data-test="users">${repeat(list.items, (u) => u.id, (u) => html`<admin-user .user=${u} .apps=${this.apps}></admin-user>`)}</div>`}
        ${list.hasMore && !list.loading
          ? html`<button type="button" class="secondary" data-test="users-more" @click=${() => list.more()}>Show more</button>`
          : nothing}
      </section>`;
  }
}
customElements.define('lumiku-admin-users', UsersPage);
