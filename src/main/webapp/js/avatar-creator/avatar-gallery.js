/**
 * <lumiku-avatar-gallery .projectId>: a project's avatars, newest first, a page at a time (GET
 * .../projects/{id}/avatars), and one avatar's details in a dialog: its picture, prompt, persona and
 * looks, where other apps used it (GET .../avatars/{id}/usage), downloads as PNG, JPEG or WebP
 * (GET .../download?format=, with the token), renaming (PATCH) and deleting (DELETE).
 * Pictures load from the signed URLs the API returns (README "Private images"); when one has
 * expired (an hour), the list is read again for fresh ones.
 * gallery.add(avatar) shows a new avatar first.
 */
import { html, nothing } from 'lit';
import { api, download } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { dateTime } from '../shared/format.js';
import { CHOICES, CHOICE_LABELS, SOURCE, WORDS, choiceLabel } from './vocabulary.js';

const APP = 'apps/avatar-creator';
const FORMATS = [['png', 'PNG'], ['jpeg', 'JPEG'], ['webp', 'WebP']];
const REFRESH_AT_MOST_EVERY_MS = 60_000;

/** The text alternative of an avatar's picture: its name and what it was drawn from. */
export function altOf(avatar) {
  const from = avatar.prompt ? `: ${avatar.prompt}` : avatar.sourceType === 'uploaded' ? ' (uploaded picture)' : '';
  return `${avatar.name}${from}`.slice(0, 300);
}

class AvatarGallery extends LightElement {
  static properties = {
    projectId: {},
    open: { state: true },
    usage: { state: true },
    error: { state: true },
    busy: { state: true },
    confirming: { state: true },
    renaming: { state: true },
  };

  #list = new PagedList(this, (cursor) => `${APP}/projects/${this.projectId}/avatars?limit=24${cursor ? `&cursor=${cursor}` : ''}`);
  #refreshedAt = 0;

  connectedCallback() {
    super.connectedCallback();
    this.#list.reload();
  }

  willUpdate(changed) {
    if (changed.has('projectId') && changed.get('projectId') !== undefined) {
      this.open = null;
      this.#list.reload();
    }
  }

  add(avatar) {
    this.#list.replace((items) => [avatar, ...items.filter((a) => a.id !== avatar.id)]);
  }

  #expired() {
    if (Date.now() - this.#refreshedAt > REFRESH_AT_MOST_EVERY_MS) {
      this.#refreshedAt = Date.now();
      this.#list.reload();
    }
  }

  #show(avatar) {
    this.open = avatar;
    this.usage = null;
    this.error = null;
    this.confirming = false;
    this.renaming = false;
    this.updateComplete.then(() => this.querySelector('dialog')?.showModal());
  }

  #close() {
    this.querySelector('dialog')?.close();
  }

  #closed() {
    const id = this.open?.id;
    this.open = null;
    // back to the avatar's tile; when it was deleted, to the first tile or the gallery's heading
    const target = this.querySelector(`[data-avatar-id="${id}"] [data-test="avatar-open"]`)
      ?? this.querySelector('[data-test="avatar-open"]')
      ?? this.querySelector('#gallery-title');
    target?.focus();
  }

  async #run(work) {
    this.busy = true;
    this.error = null;
    try {
      await work();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  #path(avatar) {
    return `${APP}/projects/${this.projectId}/avatars/${avatar.id}`;
  }

  #download(avatar, format) {
    return this.#run(() => download(`${this.#path(avatar)}/download?format=${format}`, `avatar-${avatar.id}.${format === 'jpeg' ? 'jpg' : format}`));
  }

  #rename(event) {
    event.preventDefault();
    const name = event.target.elements.name.value.trim();
    return this.#run(async () => {
      const renamed = await api(this.#path(this.open), { method: 'PATCH', body: { name } });
      this.open = renamed;
      this.renaming = false;
      this.#list.replace((items) => items.map((a) => (a.id === renamed.id ? renamed : a)));
    });
  }

  #delete(avatar) {
    return this.#run(async () => {
      await api(this.#path(avatar), { method: 'DELETE' });
      this.#list.replace((items) => items.filter((a) => a.id !== avatar.id));
      this.#close();
    });
  }

  #loadUsage(avatar) {
    return this.#run(async () => {
      this.usage = await api(`${APP}/avatars/${avatar.id}/usage?limit=20`);
    });
  }

  #tile(avatar) {
    return html`<li class="tile" data-test="avatar-tile" data-avatar-id=${avatar.id}>
      <button type="button" class="tile-open" data-test="avatar-open" @click=${() => this.#show(avatar)}
        aria-label="Details of ${avatar.name}">
        <img src=${avatar.thumbnailUrl} alt=${altOf(avatar)} width="160" height="160" loading="lazy" @error=${() => this.#expired()}>
      </button>
      <span class="name">${avatar.name}</span>
      <span class="hint">${SOURCE[avatar.sourceType] ?? avatar.sourceType}${avatar.usageCount ? ` · used ${avatar.usageCount}×` : ''}</span>
    </li>`;
  }

  #looks(avatar) {
    const persona = avatar.persona;
    const attributes = avatar.attributes ?? {};
    const facts = [];
    if (persona?.name) facts.push(['Persona', persona.name]);
    if (persona?.age) facts.push(['Age', String(persona.age)]);
    if (persona?.personalityTraits?.length) facts.push(['Traits', persona.personalityTraits.join(', ')]);
    if (persona?.background) facts.push(['Background', persona.background]);
    for (const field of Object.keys(CHOICES)) {
      if (attributes[field]) facts.push([CHOICE_LABELS[field], choiceLabel(field, attributes[field])]);
    }
    for (const [field, label] of WORDS) {
      if (attributes[field]) facts.push([label, attributes[field]]);
    }
    return facts.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`);
  }

  #details(avatar) {
    return html`<dialog aria-labelledby="avatar-title" data-test="avatar-details" @close=${() => this.#closed()}>
      <div class="split"><h2 id="avatar-title">${avatar.name}</h2>
        <button type="button" class="secondary small" @click=${() => this.#close()} data-test="avatar-close">Close</button></div>
      <a href=${avatar.imageUrl} target="_blank" rel="noopener">
        <img src=${avatar.imageUrl} alt=${altOf(avatar)} width=${avatar.width} height=${avatar.height}
          class="full-image" @error=${() => this.#expired()}></a>
      <p class="actions" aria-label="Download">
        ${FORMATS.map(([format, label]) => html`<button type="button" class="secondary small" ?disabled=${this.busy}
          @click=${() => this.#download(avatar, format)} data-test="download-${format}">Download ${label}</button>`)}
      </p>
      <dl class="facts">
        <dt>Made</dt><dd>${SOURCE[avatar.sourceType] ?? avatar.sourceType}, ${dateTime(avatar.createdAt)}</dd>
        ${avatar.prompt ? html`<dt>Prompt</dt><dd>${avatar.prompt}</dd>` : nothing}
        ${this.#looks(avatar)}
        <dt>Used</dt><dd>${avatar.usageCount ? `${avatar.usageCount}×, last ${dateTime(avatar.lastUsedAt)}` : 'Not used by other apps yet'}
          ${avatar.usageCount && !this.usage ? html` <button type="button" class="link" @click=${() => this.#loadUsage(avatar)} data-test="avatar-usage">Show where</button>` : nothing}</dd>
      </dl>
      ${this.usage
        ? this.usage.length
          ? html`<ul data-test="avatar-usage-list">${this.usage.map((u) => html`<li>${dateTime(u.usedAt)}: ${u.app}, ${u.action}</li>`)}</ul>`
          : html`<p class="empty">No uses recorded.</p>`
        : nothing}
      ${this.renaming
        ? html`<form class="stack" @submit=${this.#rename} data-test="avatar-rename-form">
            <label for="avatar-new-name">New name</label>
            <input id="avatar-new-name" name="name" required maxlength="100" .value=${avatar.name}
              aria-invalid=${invalid(this.error, 'name')} aria-describedby="avatar-new-name-error">
            <lumiku-field-error id="avatar-new-name-error" .error=${this.error} field="name"></lumiku-field-error>
            <div class="actions"><button type="submit" ?disabled=${this.busy}>Save</button>
              <button type="button" class="secondary" @click=${() => { this.renaming = false; }}>Cancel</button></div>
          </form>`
        : this.confirming
          ? html`<p class="notice" role="alert">Delete ${avatar.name} for good? Its picture stops working everywhere.</p>
              <div class="actions"><button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.#delete(avatar)}
                data-test="avatar-delete-confirm">Delete</button>
              <button type="button" class="secondary" @click=${() => { this.confirming = false; }}>Keep it</button></div>`
          : html`<div class="actions">
              <button type="button" class="secondary" @click=${() => { this.renaming = true; }} data-test="avatar-rename">Rename</button>
              <button type="button" class="danger" @click=${() => { this.confirming = true; }} data-test="avatar-delete">Delete</button></div>`}
      <lumiku-error .error=${this.error} .fields=${['name']} data-test="avatar-error"></lumiku-error>
    </dialog>`;
  }

  render() {
    const list = this.#list;
    return html`<section class="panel" aria-labelledby="gallery-title">
      <h2 id="gallery-title" tabindex="-1">Avatars</h2>
      ${!list.loaded && !list.error
        ? html`<lumiku-loading label="Loading the avatars…"></lumiku-loading>`
        : list.loaded && list.items.length === 0
          ? html`<p class="empty" data-test="gallery-empty">No avatars in this project yet. Make one above.</p>`
          : html`<ul class="gallery" data-test="gallery">${list.items.map((a) => this.#tile(a))}</ul>`}
      ${list.loading && list.loaded ? html`<lumiku-loading></lumiku-loading>` : nothing}
      <lumiku-error .error=${list.error}></lumiku-error>
      ${list.hasMore && !list.loading
        ? html`<p><button type="button" class="secondary" @click=${() => list.more()} data-test="gallery-more">Show older avatars</button></p>`
        : nothing}
      ${this.open ? this.#details(this.open) : nothing}
    </section>`;
  }
}
customElements.define('lumiku-avatar-gallery', AvatarGallery);
