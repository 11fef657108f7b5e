/**
 * Pose requests (#/pose-generator/requests): poses users ask the library to add. Everyone's
 * requests in pages (GET /api/apps/pose-generator/requests?sort=votes|newest&status=), a vote and
 * taking it back (PUT|DELETE .../{id}/vote; votes count while a request is pending or accepted), and
 * a new request (POST JSON {name, description, categoryId?}, or multipart with a reference picture).
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { dateTime, formValues } from '../shared/format.js';
import { BASE, requestStatus } from './pose-words.js';

const OPEN = new Set(['pending', 'accepted']);

class PoseRequestsPage extends LightElement {
  static properties = {
    sort: { state: true },
    status: { state: true },
    categories: { state: true },
    createError: { state: true },
    creating: { state: true },
    created: { state: true },
    voteErrors: { state: true },
    voting: { state: true },
    preview: { state: true },
  };

  #list = new PagedList(this, (cursor) =>
    `${BASE}/requests?limit=20&sort=${this.sort}${this.status ? `&status=${this.status}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);

  constructor() {
    super();
    this.sort = 'votes';
    this.status = '';
    this.voteErrors = {};
    this.voting = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.#list.reload();
    api(`${BASE}/categories`).then((c) => { this.categories = c; }).catch(() => { this.categories = []; });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.preview) {
      URL.revokeObjectURL(this.preview);
    }
  }

  async #vote(request) {
    const on = !request.votedByMe;
    this.voteErrors = { ...this.voteErrors, [request.id]: null };
    this.voting = { ...this.voting, [request.id]: true };
    try {
      const changed = await api(`${BASE}/requests/${request.id}/vote`, { method: on ? 'PUT' : 'DELETE' });
      this.#list.replace((items) => items.map((r) => (r.id === changed.id ? changed : r)));
    } catch (error) {
      this.voteErrors = { ...this.voteErrors, [request.id]: error };
    } finally {
      this.voting = { ...this.voting, [request.id]: false };
    }
  }

  async #create(event) {
    event.preventDefault();
    const form = event.target;
    const values = formValues(form);
    const file = form.querySelector('input[type=file]').files[0];
    this.creating = true;
    this.createError = null;
    this.created = null;
    try {
      let request;
      if (file) {
        const data = new FormData();
        data.append('name', values.name ?? '');
        data.append('description', values.description ?? '');
        if (values.categoryId) {
          data.append('categoryId', values.categoryId);
        }
        data.append('image', file);
        request = await api(`${BASE}/requests`, { method: 'POST', form: data });
      } else {
        request = await api(`${BASE}/requests`, {
          method: 'POST',
          body: { name: values.name ?? '', description: values.description ?? '', categoryId: values.categoryId },
        });
      }
      form.reset();
      this.#setPreview(null);
      this.created = request;
      this.#list.replace((items) => [request, ...items.filter((r) => r.id !== request.id)]);
    } catch (error) {
      this.createError = error;
    } finally {
      this.creating = false;
    }
  }

  #setPreview(file) {
    if (this.preview) {
      URL.revokeObjectURL(this.preview);
    }
    this.preview = file ? URL.createObjectURL(file) : null;
  }

  #request(r) {
    const open = OPEN.has(r.status);
    return html`<li class="request card" data-test="pose-request" data-id=${r.id} data-status=${r.status}>
      ${r.referenceThumbnailUrl
        ? html`<a href=${r.referenceImageUrl} target="_blank" rel="noopener"><img src=${r.referenceThumbnailUrl} alt="Reference picture for ${r.name}" width="96" height="96" loading="lazy"></a>`
        : nothing}
      <div class="request-body">
        <h3>${r.name} ${r.mine ? html`<span class="tag">yours</span>` : nothing}</h3>
        <p>${r.description}</p>
        <p class="hint">${r.category ? `${r.category.displayName} · ` : ''}${requestStatus(r.status)} · asked ${dateTime(r.createdAt)}
          ${r.fulfilledPoseId ? html` · <span class="ok">added to the library</span>` : nothing}</p>
      </div>
      <div class="vote">
        <span data-test="request-votes" aria-label="${r.voteCount} votes"><strong>${r.voteCount}</strong> ${r.voteCount === 1 ? 'vote' : 'votes'}</span>
        <button type="button" class=${r.votedByMe ? 'small' : 'secondary small'} aria-pressed=${r.votedByMe ? 'true' : 'false'}
          data-test="request-vote" ?disabled=${!open || this.voting[r.id]}
          title=${open ? '' : 'Votes are closed: the request was decided'}
          @click=${() => this.#vote(r)}>${r.votedByMe ? 'Voted · take back' : 'Vote'}<span class="visually-hidden"> for ${r.name}</span></button>
        ${!open ? html`<span class="hint">Voting closed</span>` : nothing}
      </div>
      <lumiku-error .error=${this.voteErrors[r.id]}></lumiku-error>
    </li>`;
  }

  #categoryOptions() {
    return (this.categories ?? []).map((c) => html`<option value=${c.id}>${c.displayName}</option>
      ${(c.children ?? []).map((child) => html`<option value=${child.id}>  ${c.displayName} › ${child.displayName}</option>`)}`);
  }

  render() {
    const list = this.#list;
    const error = this.createError;
    return html`
      <section class="panel">
        <p><a href="#/pose-generator">← Pose Generator</a></p>
        <h1 tabindex="-1">Pose requests</h1>
        <p>Missing a pose? Ask for it, and vote for the ones you want: the most wanted are added first.</p>
        <div class="filters">
          <div>
            <label for="requests-sort">Order</label>
            <select id="requests-sort" data-test="requests-sort" @change=${(e) => { this.sort = e.target.value; list.reload(); }}>
              <option value="votes">Most votes</option>
              <option value="newest">Newest</option>
            </select>
          </div>
          <div>
            <label for="requests-status">Status</label>
            <select id="requests-status" data-test="requests-status" @change=${(e) => { this.status = e.target.value; list.reload(); }}>
              <option value="">All</option>
              ${['pending', 'accepted', 'completed', 'rejected'].map((s) => html`<option value=${s}>${requestStatus(s)}</option>`)}
            </select>
          </div>
        </div>
        ${!list.loaded && !list.error
          ? html`<lumiku-loading label="Loading the requests…"></lumiku-loading>`
          : list.loaded && list.items.length === 0
            ? html`<p class="empty" data-test="requests-empty">No requests${this.status ? ' with this status' : ''} yet. Ask for a pose below.</p>`
            : html`<ul class="requests" data-test="pose-requests">${list.items.map((r) => this.#request(r))}</ul>`}
        <lumiku-error .error=${list.error}></lumiku-error>
        ${list.hasMore && !list.loading
          ? html`<button type="button" class="secondary" data-test="requests-more" @click=${() => list.more()}>Show more requests</button>`
          : nothing}
      </section>
      <section class="panel" aria-labelledby="new-request-title">
        <h2 id="new-request-title">Ask for a pose</h2>
        <form class="stack" @submit=${this.#create} data-test="new-pose-request" novalidate>
          <label for="request-name">Name of the pose</label>
          <input id="request-name" name="name" required maxlength="100" data-test="request-name"
            aria-invalid=${invalid(error, 'name')} aria-describedby="request-name-error">
          <lumiku-field-error id="request-name-error" .error=${error} field="name"></lumiku-field-error>
          <label for="request-description">What the pose looks like</label>
          <textarea id="request-description" name="description" required maxlength="1000" rows="3" data-test="request-description"
            aria-invalid=${invalid(error, 'description')} aria-describedby="request-description-error"></textarea>
          <lumiku-field-error id="request-description-error" .error=${error} field="description"></lumiku-field-error>
          <label for="request-category">Category <span class="muted">(optional)</span></label>
          <select id="request-category" name="categoryId" data-test="request-category"
            aria-invalid=${invalid(error, 'categoryId')} aria-describedby="request-category-error">
            <option value="">No category</option>
            ${this.#categoryOptions()}
          </select>
          <lumiku-field-error id="request-category-error" .error=${error} field="categoryId"></lumiku-field-error>
          <label for="request-image">Reference picture <span class="muted">(optional: PNG, JPEG or WebP, up to 10 MB)</span></label>
          <input id="request-image" type="file" accept="image/png,image/jpeg,image/webp" data-test="request-image"
            aria-invalid=${invalid(error, 'image')} aria-describedby="request-image-error"
            @change=${(e) => this.#setPreview(e.target.files[0] ?? null)}>
          <lumiku-field-error id="request-image-error" .error=${error} field="image"></lumiku-field-error>
          ${this.preview ? html`<img class="preview" src=${this.preview} alt="Preview of the reference picture">` : nothing}
          <lumiku-error .error=${error} .fields=${['name', 'description', 'categoryId', 'image']}></lumiku-error>
          ${this.created ? html`<p class="ok" role="status" data-test="request-created">Your request “${this.created.name}” was added.</p>` : nothing}
          <button type="submit" ?disabled=${this.creating} data-test="request-submit">${this.creating ? 'Sending…' : 'Ask for this pose'}</button>
        </form>
      </section>`;
  }
}
customElements.define('lumiku-pose-requests', PoseRequestsPage);
