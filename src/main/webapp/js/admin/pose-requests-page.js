/**
 * Pose requests for review (#/admin/pose-requests): users' requests with who asked and the
 * operators' notes (GET /api/admin/pose-generator/requests?status=&sort=, cursor pages), and the
 * decision on one (PATCH .../{id} {status, adminNotes?, fulfilledPoseId?}): pending -> accepted or
 * rejected, accepted -> completed (naming the library pose that fulfils it) or rejected; the
 * current status again changes only the notes. A decision that lost a race is a 409, shown on the
 * request.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { dateTime, formValues } from '../shared/format.js';
import { requestStatus } from '../pose-generator/pose-words.js';
import './admin-nav.js';

const NEXT = {
  pending: ['pending', 'accepted', 'rejected'],
  accepted: ['accepted', 'completed', 'rejected'],
  rejected: ['rejected'],
  completed: ['completed'],
};

class AdminRequest extends LightElement {
  static properties = {
    item: { attribute: false },
    status: { state: true },
    error: { state: true },
    busy: { state: true },
    saved: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('item')) {
      this.status = this.item.request.status;
    }
  }

  async #review(event) {
    event.preventDefault();
    const values = formValues(event.target);
    const body = { status: this.status, adminNotes: values.adminNotes ?? '' };
    if (this.status === 'completed') {
      body.fulfilledPoseId = values.fulfilledPoseId ?? null;
    }
    this.busy = true;
    this.error = null;
    this.saved = false;
    try {
      this.item = await api(`admin/pose-generator/requests/${this.item.request.id}`, { method: 'PATCH', body });
      this.saved = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const { request: r, userId, adminNotes } = this.item;
    const id = r.id;
    const choices = NEXT[r.status] ?? [r.status];
    return html`<article class="card admin-request" data-test="admin-pose-request" data-id=${id} data-status=${r.status}>
      <div class="request">
        ${r.referenceThumbnailUrl
          ? html`<a href=${r.referenceImageUrl} target="_blank" rel="noopener"><img src=${r.referenceThumbnailUrl} alt="Reference picture for ${r.name}" width="96" height="96"></a>`
          : nothing}
        <div class="request-body">
          <h3>${r.name} <span class="tag">${requestStatus(r.status)}</span></h3>
          <p>${r.description}</p>
          <p class="hint">${r.voteCount} votes · ${r.category?.displayName ?? 'no category'} · asked ${dateTime(r.createdAt)} by
            <a href="#/admin/users?q=${encodeURIComponent(userId)}">${userId}</a>
            ${r.fulfilledPoseId ? html` · fulfilled by pose ${r.fulfilledPoseId}` : nothing}</p>
        </div>
      </div>
      <form class="stack" @submit=${this.#review} data-test="review-form" novalidate>
        <div class="grid-fields">
          <div>
            <label for="review-status-${id}">Decision</label>
            <select id="review-status-${id}" data-test="review-status" ?disabled=${choices.length === 1}
              aria-invalid=${invalid(this.error, 'status')} @change=${(e) => { this.status = e.target.value; }}>
              ${choices.map((s) => html`<option value=${s} ?selected=${s === this.status}>${s === r.status ? `${requestStatus(s)} (now)` : requestStatus(s)}</option>`)}
            </select>
            ${choices.length === 1 ? html`<span class="hint">Decided: only the notes can change.</span>` : nothing}
          </div>
          ${this.status === 'completed' && r.status !== 'completed'
            ? html`<div>
                <label for="review-pose-${id}">Library pose that fulfils it (id)</label>
                <input id="review-pose-${id}" name="fulfilledPoseId" required data-test="review-pose"
                  aria-invalid=${invalid(this.error, 'fulfilledPoseId')} aria-describedby="review-pose-error-${id}">
                <lumiku-field-error id="review-pose-error-${id}" .error=${this.error} field="fulfilledPoseId"></lumiku-field-error>
              </div>`
            : nothing}
        </div>
        <label for="review-notes-${id}">Notes for operators <span class="muted">(users never see them)</span></label>
        <textarea id="review-notes-${id}" name="adminNotes" rows="2" maxlength="1000" data-test="review-notes" .value=${adminNotes ?? ''}
          aria-invalid=${invalid(this.error, 'adminNotes')} aria-describedby="review-notes-error-${id}"></textarea>
        <lumiku-field-error id="review-notes-error-${id}" .error=${this.error} field="adminNotes"></lumiku-field-error>
        <button type="submit" ?disabled=${this.busy} data-test="review-submit">${this.busy ? 'Saving…' : 'Save'}</button>
        <lumiku-error .error=${this.error} .fields=${['status', 'adminNotes', 'fulfilledPoseId']}></lumiku-error>
        ${this.saved ? html`<p class="ok" role="status" data-test="review-saved">Saved: ${requestStatus(r.status)}.</p>` : nothing}
      </form>
    </article>`;
  }
}
customElements.define('admin-pose-request', AdminRequest);

class PoseRequestsAdminPage extends LightElement {
  static properties = { status: { state: true }, sort: { state: true } };

  #list = new PagedList(this, (cursor) =>
    `admin/pose-generator/requests?limit=20&sort=${this.sort}${this.status ? `&status=${this.status}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);

  constructor() {
    super();
    this.status = 'pending';
    this.sort = 'votes';
  }

  connectedCallback() {
    super.connectedCallback();
    this.#list.reload();
  }

  render() {
    const list = this.#list;
    return html`
      <admin-nav current="pose-requests"></admin-nav>
      <section class="panel">
        <h1 tabindex="-1">Pose requests</h1>
        <div class="filters">
          <div>
            <label for="admin-requests-status">Status</label>
            <select id="admin-requests-status" data-test="admin-requests-status" @change=${(e) => { this.status = e.target.value; list.reload(); }}>
              ${['pending', 'accepted', 'completed', 'rejected'].map((s) => html`<option value=${s} ?selected=${s === this.status}>${requestStatus(s)}</option>`)}
              <option value="">All</option>
            </select>
          </div>
          <div>
            <label for="admin-requests-sort">Order</label>
            <select id="admin-requests-sort" @change=${(e) => { this.sort = e.target.value; list.reload(); }}>
              <option value="votes">Most votes</option>
              <option value="newest">Newest</option>
            </select>
          </div>
        </div>
        <lumiku-error .error=${list.error}></lumiku-error>
        ${!list.loaded && !list.error
          ? html`<lumiku-loading label="Loading the requests…"></lumiku-loading>`
          : list.loaded && list.items.length === 0
            ? html`<p class="empty" data-test="admin-requests-empty">No requests ${this.status ? `with the status “${requestStatus(this.status)}”` : 'yet'}.</p>`
            : html`<div class="stack" data-test="admin-pose-requests">${repeat(list.items, (item) => item.request.id, (item) => html`<admin-pose-request .item=${item}></admin-pose-request>`)}</div>`}
        ${list.hasMore && !list.loading
          ? html`<button type="button" class="secondary" @click=${() => list.more()}>Show more</button>`
          : nothing}
      </section>`;
  }
}
customElements.define('lumiku-admin-pose-requests', PoseRequestsAdminPage);
