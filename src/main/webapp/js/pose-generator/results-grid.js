/**
 * <pose-results .projectId .subjectName>: the poses a project's batches drew, newest first, in
 * pages (GET /api/apps/pose-generator/projects/{id}/poses?favorites=), grouped by batch with the
 * batch's ZIP; each picture with its favourite toggle (PUT|DELETE .../poses/{id}/favorite) and
 * downloads in PNG, JPEG and WebP (.../download?format=, fetched with the token and saved).
 * add(pose) shows a pose that was just drawn (from the live stream) at the top. Pictures come
 * through signed URLs that expire: a picture that fails to load makes the list read again, once.
 */
import { html, nothing } from 'lit';
import { api, download } from '../shared/api.js';
import { LightElement } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { dateTime } from '../shared/format.js';
import { BASE, FORMATS } from './pose-words.js';

class ResultsGrid extends LightElement {
  static properties = {
    projectId: { attribute: false },
    subjectName: { attribute: false },
    favoritesOnly: { state: true },
    errors: { state: true },
    busy: { state: true },
  };

  #reloadedForImages = false;
  #list = new PagedList(this, (cursor) =>
    `${BASE}/projects/${this.projectId}/poses?limit=24${this.favoritesOnly ? '&favorites=true' : ''}${cursor ? `&cursor=${cursor}` : ''}`);

  constructor() {
    super();
    this.favoritesOnly = false;
    this.errors = {};
    this.busy = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.#list.reload();
  }

  add(pose) {
    if (this.favoritesOnly || this.#list.items.some((p) => p.id === pose.id)) {
      return;
    }
    this.#list.replace((items) => [pose, ...items]);
  }

  #setError(key, error) {
    this.errors = { ...this.errors, [key]: error };
  }

  #setBusy(key, on) {
    this.busy = { ...this.busy, [key]: on };
  }

  async #favorite(pose) {
    const key = `fav-${pose.id}`;
    this.#setError(pose.id, null);
    this.#setBusy(key, true);
    try {
      const changed = await api(`${BASE}/projects/${this.projectId}/poses/${pose.id}/favorite`, {
        method: pose.favorite ? 'DELETE' : 'PUT',
      });
      this.#list.replace((items) => (this.favoritesOnly && !changed.favorite
        ? items.filter((p) => p.id !== pose.id)
        : items.map((p) => (p.id === pose.id ? { ...p, favorite: changed.favorite } : p))));
    } catch (error) {
      this.#setError(pose.id, error);
    } finally {
      this.#setBusy(key, false);
    }
  }

  async #download(pose, format) {
    const key = `${format}-${pose.id}`;
    this.#setError(pose.id, null);
    this.#setBusy(key, true);
    try {
      await download(`${BASE}/projects/${this.projectId}/poses/${pose.id}/download?format=${format}`, `pose-${pose.seed}-${pose.id}.${format}`);
    } catch (error) {
      this.#setError(pose.id, error);
    } finally {
      this.#setBusy(key, false);
    }
  }

  async #zip(generationId) {
    const key = `zip-${generationId}`;
    this.#setError(key, null);
    this.#setBusy(key, true);
    try {
      await download(`${BASE}/projects/${this.projectId}/generations/${generationId}/download`, `poses-${generationId}.zip`);
    } catch (error) {
      this.#setError(key, error);
    } finally {
      this.#setBusy(key, false);
    }
  }

  #imageFailed() {
    if (!this.#reloadedForImages) {
      this.#reloadedForImages = true; // signed URLs expired: fresh ones, once
      this.#list.reload();
    }
  }

  #alt(pose) {
    const who = this.subjectName || 'Your subject';
    if (pose.poseName) {
      return `${who} in the pose “${pose.poseName}”`;
    }
    return pose.prompt ? `${who}: ${pose.prompt}` : `${who}, posed`;
  }

  #pose(pose) {
    const favKey = `fav-${pose.id}`;
    return html`<li class="tile result" data-test="pose-result" data-id=${pose.id}>
      <a href=${pose.imageUrl} target="_blank" rel="noopener" aria-label="Open the full picture (new tab)">
        <img src=${pose.thumbnailUrl} alt=${this.#alt(pose)} loading="lazy" @error=${() => this.#imageFailed()}>
      </a>
      <div class="actions">
        <button type="button" class="secondary small fav" aria-pressed=${pose.favorite ? 'true' : 'false'} data-test="pose-favorite"
          ?disabled=${this.busy[favKey]} @click=${() => this.#favorite(pose)}>
          <span aria-hidden="true">${pose.favorite ? '★' : '☆'}</span> Favourite</button>
      </div>
      <div class="actions downloads" role="group" aria-label="Download">
        <span class="muted">Download:</span>
        ${FORMATS.map(([format, label]) => html`<button type="button" class="link" data-test="pose-download-${format}"
          ?disabled=${this.busy[`${format}-${pose.id}`]} aria-label="Download as ${label}"
          @click=${() => this.#download(pose, format)}>${label}</button>`)}
      </div>
      <span class="hint">Seed ${pose.seed}</span>
      <lumiku-error .error=${this.errors[pose.id]}></lumiku-error>
    </li>`;
  }

  /** The poses in runs of the same batch, in list order. */
  #groups() {
    const groups = [];
    for (const pose of this.#list.items) {
      const last = groups.at(-1);
      if (last && last.generationId === pose.generationId) {
        last.poses.push(pose);
      } else {
        groups.push({ generationId: pose.generationId, poses: [pose] });
      }
    }
    return groups;
  }

  #group(group) {
    const key = `zip-${group.generationId}`;
    return html`<section class="result-group" data-test="result-batch" data-id=${group.generationId}>
      <div class="split">
        <h3>Batch of ${dateTime(group.poses.at(-1).createdAt)}</h3>
        <button type="button" class="secondary small" data-test="result-batch-zip" ?disabled=${this.busy[key]}
          @click=${() => this.#zip(group.generationId)}>${this.busy[key] ? 'Preparing the ZIP…' : 'Download batch (ZIP)'}</button>
      </div>
      <lumiku-error .error=${this.errors[key]}></lumiku-error>
      <ul class="gallery">${group.poses.map((pose) => this.#pose(pose))}</ul>
    </section>`;
  }

  render() {
    const list = this.#list;
    return html`
      <label class="inline"><input type="checkbox" .checked=${this.favoritesOnly} data-test="results-favorites"
        @change=${(e) => { this.favoritesOnly = e.target.checked; this.#list.reload(); }}> Favourites only</label>
      ${!list.loaded && !list.error
        ? html`<lumiku-loading label="Loading the drawn poses…"></lumiku-loading>`
        : list.loaded && list.items.length === 0
          ? html`<p class="empty" data-test="results-empty">${this.favoritesOnly
              ? 'No favourites yet: mark a pose with ☆ to find it here.'
              : 'Nothing drawn yet: pick poses above and order a batch.'}</p>`
          : html`<div data-test="results">${this.#groups().map((g) => this.#group(g))}</div>`}
      <lumiku-error .error=${list.error}></lumiku-error>
      ${list.loading && list.loaded ? html`<lumiku-loading></lumiku-loading>` : nothing}
      ${list.hasMore && !list.loading
        ? html`<button type="button" class="secondary" data-test="results-more" @click=${() => list.more()}>Show older poses</button>`
        : nothing}`;
  }
}
customElements.define('pose-results', ResultsGrid);
