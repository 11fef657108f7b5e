/**
 * <pose-library-picker>: the public pose library (GET /api/apps/pose-generator/library) filtered by
 * category (GET .../categories, a tree of two levels; a parent includes its children), words (q),
 * difficulty, gender, featured and sorted, in cursor pages; each pose can be picked (several, up to
 * .max). .picked is the picked poses in the order they were picked; 'picked-change' is fired after
 * every change. The pictures are the library's own (public, cached a day).
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { LightElement } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { BASE, DIFFICULTIES, GENDERS } from './pose-words.js';

const SEARCH_DELAY_MS = 300;

class LibraryPicker extends LightElement {
  static properties = {
    max: { type: Number },
    picked: { attribute: false },
    categories: { state: true },
    categoriesError: { state: true },
    filters: { state: true },
  };

  #timer = null;
  #poses = new PagedList(this, (cursor) => {
    const query = new URLSearchParams({ limit: '12' });
    for (const [name, value] of Object.entries(this.filters)) {
      if (value) {
        query.set(name, value);
      }
    }
    if (cursor) {
      query.set('cursor', decodeURIComponent(cursor));
    }
    return `${BASE}/library?${query}`;
  });

  constructor() {
    super();
    this.max = 20;
    this.picked = [];
    this.filters = { category: '', q: '', difficulty: '', gender: '', featured: '', sort: 'popular' };
  }

  connectedCallback() {
    super.connectedCallback();
    this.#poses.reload();
    this.#loadCategories();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  async #loadCategories() {
    this.categoriesError = null;
    try {
      this.categories = await api(`${BASE}/categories`);
    } catch (error) {
      this.categoriesError = error;
    }
  }

  #filter(name, value, { delay = 0 } = {}) {
    this.filters = { ...this.filters, [name]: value };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#poses.reload(), delay);
  }

  #clear() {
    this.filters = { category: '', q: '', difficulty: '', gender: '', featured: '', sort: this.filters.sort };
    this.#poses.reload();
  }

  #toggle(pose, on) {
    const without = this.picked.filter((p) => p.id !== pose.id);
    this.picked = on && without.length < this.max ? [...without, pose] : without;
    this.dispatchEvent(new CustomEvent('picked-change', { detail: this.picked, bubbles: true }));
  }

  /** Drops every pick (after the batch was ordered). */
  clearPicks() {
    this.picked = [];
    this.dispatchEvent(new CustomEvent('picked-change', { detail: this.picked, bubbles: true }));
  }

  #categoryOptions() {
    return (this.categories ?? []).map((c) => html`
      <option value=${c.slug} ?selected=${this.filters.category === c.slug}>${c.displayName}</option>
      ${(c.children ?? []).map((child) => html`<option value=${child.slug} ?selected=${this.filters.category === child.slug}>  ${c.displayName} › ${child.displayName}</option>`)}`);
  }

  #filters() {
    const f = this.filters;
    return html`<form class="filters" role="search" aria-label="Filter the pose library" @submit=${(e) => { e.preventDefault(); this.#poses.reload(); }}>
      <div>
        <label for="library-q">Search</label>
        <input id="library-q" type="search" .value=${f.q} placeholder="e.g. sitting, yoga" data-test="library-search" maxlength="200"
          @input=${(e) => this.#filter('q', e.target.value.trim(), { delay: SEARCH_DELAY_MS })}>
      </div>
      <div>
        <label for="library-category">Category</label>
        <select id="library-category" data-test="library-category" @change=${(e) => this.#filter('category', e.target.value)}>
          <option value="" ?selected=${!f.category}>All categories</option>
          ${this.#categoryOptions()}
        </select>
        ${this.categoriesError ? html`<span class="field-error">Categories could not be loaded.</span>` : nothing}
      </div>
      <div>
        <label for="library-difficulty">Difficulty</label>
        <select id="library-difficulty" data-test="library-difficulty" @change=${(e) => this.#filter('difficulty', e.target.value)}>
          <option value="" ?selected=${!f.difficulty}>Any</option>
          ${DIFFICULTIES.map(([value, label]) => html`<option value=${value} ?selected=${f.difficulty === value}>${label}</option>`)}
        </select>
      </div>
      <div>
        <label for="library-gender">Suits</label>
        <select id="library-gender" data-test="library-gender" @change=${(e) => this.#filter('gender', e.target.value)}>
          <option value="" ?selected=${!f.gender}>Anyone</option>
          ${GENDERS.map(([value, label]) => html`<option value=${value} ?selected=${f.gender === value}>${label}</option>`)}
        </select>
      </div>
      <div>
        <label for="library-sort">Order</label>
        <select id="library-sort" data-test="library-sort" @change=${(e) => this.#filter('sort', e.target.value)}>
          <option value="popular" ?selected=${f.sort === 'popular'}>Most used</option>
          <option value="rating" ?selected=${f.sort === 'rating'}>Best rated</option>
          <option value="newest" ?selected=${f.sort === 'newest'}>Newest</option>
        </select>
      </div>
      <div class="filter-check">
        <label class="inline"><input type="checkbox" .checked=${f.featured === 'true'} data-test="library-featured"
          @change=${(e) => this.#filter('featured', e.target.checked ? 'true' : '')}> Featured only</label>
        <button type="button" class="link" @click=${() => this.#clear()}>Clear filters</button>
      </div>
    </form>`;
  }

  #pose(pose) {
    const picked = this.picked.some((p) => p.id === pose.id);
    const full = !picked && this.picked.length >= this.max;
    const id = `pick-${pose.id}`;
    return html`<li class="tile pose-card ${picked ? 'picked' : ''}" data-test="library-pose" data-pose-id=${pose.id}>
      <img src=${pose.previewUrl} alt="${pose.name}${pose.description ? `: ${pose.description}` : ''}" loading="lazy" width="512" height="512">
      <span class="name">${pose.name}</span>
      <span class="hint">${pose.category?.displayName ?? ''} · ${pose.difficulty}${pose.featured ? ' · featured' : ''}</span>
      <label class="inline pick" for=${id} title=${full ? `At most ${this.max} poses per batch` : ''}>
        <input id=${id} type="checkbox" .checked=${picked} ?disabled=${full} data-test="pose-pick" data-pose-id=${pose.id}
          @change=${(e) => this.#toggle(pose, e.target.checked)}>
        ${picked ? 'Picked' : 'Pick'}<span class="visually-hidden"> ${pose.name}</span>
      </label>
    </li>`;
  }

  #picked() {
    if (this.picked.length === 0) {
      return html`<p class="muted" data-test="picked-none">No poses picked yet: tick “Pick” on the poses you want (up to ${this.max}).</p>`;
    }
    return html`<div class="picked" data-test="picked-poses">
      <p><strong data-test="picked-count">${this.picked.length}</strong> of at most ${this.max} poses picked:</p>
      <ul class="chips">${this.picked.map((p) => html`<li data-test="picked-pose" data-pose-id=${p.id}>${p.name}
        <button type="button" class="link" aria-label="Remove ${p.name}" @click=${() => this.#toggle(p, false)}>×</button></li>`)}</ul>
      <button type="button" class="link" data-test="go-to-order"
        @click=${() => this.dispatchEvent(new Event('go-to-order', { bubbles: true }))}>Continue to the order ↓</button>
    </div>`;
  }

  render() {
    const list = this.#poses;
    return html`
      ${this.#filters()}
      <div aria-live="polite">${this.#picked()}</div>
      ${!list.loaded && !list.error
        ? html`<lumiku-loading label="Loading the poses…"></lumiku-loading>`
        : list.loaded && list.items.length === 0 && !list.loading
          ? html`<p class="empty" data-test="library-empty">No pose matches these filters. <button type="button" class="link" @click=${() => this.#clear()}>Clear the filters</button></p>`
          : html`<ul class="gallery library" data-test="library" aria-busy=${list.loading ? 'true' : 'false'}>${list.items.map((p) => this.#pose(p))}</ul>`}
      <lumiku-error .error=${list.error}></lumiku-error>
      ${list.loading && list.loaded ? html`<lumiku-loading label="Loading more poses…"></lumiku-loading>` : nothing}
      ${list.hasMore && !list.loading
        ? html`<button type="button" class="secondary" data-test="library-more" @click=${() => list.more()}>Show more poses</button>`
        : nothing}`;
  }
}
customElements.define('pose-library-picker', LibraryPicker);
