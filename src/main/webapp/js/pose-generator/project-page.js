/**
 * One pose project (#/pose-generator/projects/<id>): its subject (changed with another avatar,
 * PATCH {avatarId}, or a photo, PUT .../image), the library to pick poses from, the batch's
 * options and order, the batches under way pose by pose (live, batch-progress.js) and the poses
 * drawn (results-grid.js), with the quota tier and the unlimited plan offer.
 */
import { html, nothing } from 'lit';
import { api, ApiError } from '../shared/api.js';
import { LightElement, userMessage } from '../shared/components.js';
import { BASE, loadPrices, loadTier } from './pose-words.js';
import { BatchTracker } from './batch-progress.js';
import './library-picker.js';
import './batch-form.js';
import './results-grid.js';
import './quota-panel.js';
import './subject-picker.js';

class PoseProjectPage extends LightElement {
  static properties = {
    params: { attribute: false },
    project: { state: true },
    loadError: { state: true },
    picked: { state: true },
    prices: { state: true },
    tier: { state: true },
    changingSubject: { state: true },
    subjectError: { state: true },
    subjectBusy: { state: true },
    adoptError: { state: true },
  };

  #tracker = null;

  constructor() {
    super();
    this.picked = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.#tracker ??= new BatchTracker(this, this.params.projectId, (pose) => this.querySelector('pose-results')?.add(pose));
    this.#load();
  }

  async #load() {
    this.loadError = null;
    try {
      this.project = await api(`${BASE}/projects/${encodeURIComponent(this.params.projectId)}`);
    } catch (error) {
      this.loadError = error;
      return;
    }
    loadPrices().then((prices) => { this.prices = prices; }).catch(() => { this.prices = null; });
    loadTier().then((tier) => { this.tier = tier; }).catch(() => { this.tier = null; });
    this.#tracker.adoptUnfinished().catch((error) => { this.adoptError = error; });
  }

  #ordered(event) {
    const { answer, names } = event.detail;
    this.#tracker.follow(answer.generation, [...names]);
    this.querySelector('pose-library-picker')?.clearPicks();
    if (answer.quotaUsed > 0) {
      loadTier().then((tier) => { this.tier = tier; }).catch(() => {});
    }
    this.updateComplete.then(() => this.querySelector('[data-test="batches"]')?.scrollIntoView({ block: 'nearest' }));
  }

  #goToOrder() {
    const title = this.querySelector('#order-title');
    title?.scrollIntoView({ block: 'start' });
    title?.focus({ preventScroll: true });
  }

  async #changeSubject(event) {
    event.preventDefault();
    const choice = event.target.querySelector('pose-subject-picker').choice;
    if (!choice) {
      this.subjectError = new ApiError(400, { detail: 'Choose an avatar or a photo first.' });
      return;
    }
    this.subjectBusy = true;
    this.subjectError = null;
    try {
      const path = `${BASE}/projects/${this.project.id}`;
      if (choice.kind === 'upload') {
        const form = new FormData();
        form.append('image', choice.file);
        this.project = await api(`${path}/image`, { method: 'PUT', form });
      } else {
        this.project = await api(path, { method: 'PATCH', body: { avatarId: choice.avatarId } });
      }
      this.changingSubject = false;
    } catch (error) {
      this.subjectError = error;
    } finally {
      this.subjectBusy = false;
    }
  }

  #subject() {
    const p = this.project;
    const s = p.subject;
    const editing = this.changingSubject || !s;
    return html`<div class="subject" data-test="pose-subject">
      ${s
        ? html`<img src=${s.thumbnailUrl} alt="${s.name ?? 'The subject'}, who this project poses" class="subject-picture" width="96" height="96">
            <div>
              <p><strong>${s.name ?? 'Uploaded photo'}</strong> <span class="muted">(${s.source === 'avatar' ? 'from your avatars' : 'uploaded'})</span></p>
              ${!this.changingSubject
                ? html`<button type="button" class="link" data-test="change-subject" @click=${() => { this.changingSubject = true; }}>Change who is posed</button>`
                : nothing}
            </div>`
        : html`<p class="notice" data-test="no-subject">Nobody to pose yet: choose one of your avatars or upload a photo.</p>`}
    </div>
    ${editing
      ? html`<form class="stack" @submit=${this.#changeSubject} data-test="subject-form">
          <pose-subject-picker .error=${this.subjectError}></pose-subject-picker>
          <div class="actions">
            <button type="submit" ?disabled=${this.subjectBusy} data-test="subject-save">${this.subjectBusy ? 'Saving…' : 'Use this subject'}</button>
            ${s ? html`<button type="button" class="secondary" @click=${() => { this.changingSubject = false; this.subjectError = null; }}>Keep the current one</button>` : nothing}
          </div>
          <lumiku-error .error=${this.subjectError} .fields=${['avatarId', 'image']}></lumiku-error>
        </form>`
      : nothing}`;
  }

  render() {
    if (this.loadError) {
      return html`<section class="panel"><h1 tabindex="-1">Pose project</h1>
        <lumiku-error .error=${this.loadError}></lumiku-error>
        <p><a href="#/pose-generator">Back to your pose projects</a></p></section>`;
    }
    const p = this.project;
    if (!p) {
      return html`<section class="panel"><h1 tabindex="-1">Pose project</h1><lumiku-loading label="Loading the project…"></lumiku-loading></section>`;
    }
    const batches = this.#tracker.batches;
    return html`
      <section class="panel">
        <p><a href="#/pose-generator">← Your pose projects</a></p>
        <h1 tabindex="-1" data-test="pose-project-title">${p.name}</h1>
        ${p.description ? html`<p class="muted">${p.description}</p>` : nothing}
        ${this.#subject()}
      </section>
      <section class="panel" aria-labelledby="pick-title">
        <h2 id="pick-title">1. Pick poses</h2>
        <pose-library-picker max="20" @picked-change=${(e) => { this.picked = e.detail; }}
          @go-to-order=${() => this.#goToOrder()}></pose-library-picker>
      </section>
      <section class="panel" aria-labelledby="order-title">
        <h2 id="order-title" tabindex="-1">2. Order the batch</h2>
        <pose-quota-panel .tier=${this.tier}></pose-quota-panel>
        <pose-batch-form .project=${p} .picked=${this.picked} .prices=${this.prices} .tier=${this.tier}
          @batch-ordered=${this.#ordered}></pose-batch-form>
      </section>
      ${batches.length || this.adoptError
        ? html`<section class="panel" aria-labelledby="batches-title" data-test="batches">
            <h2 id="batches-title">Batches under way</h2>
            ${this.adoptError ? html`<p class="muted">Batches ordered earlier could not be looked up: ${userMessage(this.adoptError)}</p>` : nothing}
            ${batches.map((b) => html`<pose-batch-progress .batch=${b} .projectId=${p.id} .tracker=${this.#tracker}
              .version=${this.#tracker.version}></pose-batch-progress>`)}
          </section>`
        : nothing}
      <section class="panel" aria-labelledby="results-title">
        <h2 id="results-title">Drawn poses</h2>
        <pose-results .projectId=${p.id} .subjectName=${p.subject?.name ?? null}></pose-results>
      </section>`;
  }
}
customElements.define('lumiku-pose-project', PoseProjectPage);
