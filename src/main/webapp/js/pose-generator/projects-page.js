/**
 * Pose Generator (#/pose-generator): the user's pose projects a page at a time (GET
 * /api/apps/pose-generator/projects), a new one posing an avatar (POST JSON {name, description,
 * avatarId}) or an uploaded photo (POST multipart name, description, image), delete with a
 * confirmation (DELETE; 409 while one of its batches is under way), the quota tier and plan offer,
 * and the way to the pose requests.
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { dateTime, formValues } from '../shared/format.js';
import { navigate } from '../shared/router.js';
import { BASE } from './pose-words.js';
import './quota-panel.js';
import './subject-picker.js';

class PoseProjectsPage extends LightElement {
  static properties = {
    createError: { state: true },
    creating: { state: true },
    confirming: { state: true },
    deleteErrors: { state: true },
    subjectMissing: { state: true },
  };

  #projects = new PagedList(this, (cursor) => `${BASE}/projects?limit=12${cursor ? `&cursor=${cursor}` : ''}`);

  constructor() {
    super();
    this.deleteErrors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.#projects.reload();
  }

  async #create(event) {
    event.preventDefault();
    const form = event.target;
    const subject = form.querySelector('pose-subject-picker');
    const choice = subject.choice;
    this.subjectMissing = !choice;
    if (!choice) {
      return;
    }
    const values = formValues(form);
    this.creating = true;
    this.createError = null;
    try {
      let project;
      if (choice.kind === 'upload') {
        const data = new FormData();
        data.append('name', values.name ?? '');
        if (values.description) {
          data.append('description', values.description);
        }
        data.append('image', choice.file);
        project = await api(`${BASE}/projects`, { method: 'POST', form: data });
      } else {
        project = await api(`${BASE}/projects`, {
          method: 'POST',
          body: { name: values.name ?? '', description: values.description, avatarId: choice.avatarId },
        });
      }
      navigate(`/pose-generator/projects/${project.id}`);
    } catch (error) {
      this.createError = error;
    } finally {
      this.creating = false;
    }
  }

  async #delete(project) {
    this.deleteErrors = { ...this.deleteErrors, [project.id]: null };
    try {
      await api(`${BASE}/projects/${project.id}`, { method: 'DELETE' });
      this.confirming = null;
      this.#projects.replace((items) => items.filter((p) => p.id !== project.id));
    } catch (error) {
      this.deleteErrors = { ...this.deleteErrors, [project.id]: error };
    }
  }

  #project(p) {
    const confirming = this.confirming === p.id;
    return html`<li class="tile" data-test="pose-project" data-id=${p.id}>
      <a href="#/pose-generator/projects/${p.id}" class="tile-link" data-test="open-pose-project">
        ${p.subject?.thumbnailUrl
          ? html`<img src=${p.subject.thumbnailUrl} alt="${p.subject.name ?? 'Subject'} of ${p.name}" loading="lazy">`
          : html`<span class="placeholder">No subject yet</span>`}
        <span class="name">${p.name}</span>
      </a>
      ${p.description ? html`<span class="prompt">${p.description}</span>` : nothing}
      <span class="hint">Created ${dateTime(p.createdAt)}</span>
      ${confirming
        ? html`<div class="confirm" role="group" aria-label="Delete ${p.name}?">
            <p>Delete “${p.name}” and its poses?</p>
            <div class="actions">
              <button type="button" class="danger small" data-test="confirm-delete-project" @click=${() => this.#delete(p)}>Delete</button>
              <button type="button" class="secondary small" @click=${() => { this.confirming = null; }}>Keep</button>
            </div>
          </div>`
        : html`<button type="button" class="danger small" data-test="delete-project" aria-label="Delete project ${p.name}"
            @click=${() => { this.confirming = p.id; }}>Delete</button>`}
      <lumiku-error .error=${this.deleteErrors[p.id]}></lumiku-error>
    </li>`;
  }

  #list() {
    const list = this.#projects;
    if (!list.loaded && !list.error) {
      return html`<lumiku-loading label="Loading your pose projects…"></lumiku-loading>`;
    }
    return html`
      ${list.loaded && list.items.length === 0
        ? html`<p class="empty" data-test="pose-projects-empty">No pose projects yet. Create one below: it poses one of your avatars or a photo.</p>`
        : html`<ul class="gallery" data-test="pose-projects">${list.items.map((p) => this.#project(p))}</ul>`}
      <lumiku-error .error=${list.error}></lumiku-error>
      ${list.loading && list.loaded ? html`<lumiku-loading></lumiku-loading>` : nothing}
      ${list.hasMore && !list.loading
        ? html`<button type="button" class="secondary" data-test="pose-projects-more" @click=${() => list.more()}>Show more projects</button>`
        : nothing}`;
  }

  render() {
    const error = this.createError;
    return html`
      <section class="panel">
        <div class="split">
          <h1 tabindex="-1">Pose Generator</h1>
          <a href="#/pose-generator/requests" data-test="pose-requests-link">Pose requests</a>
        </div>
        <p>Pick poses from the library and get your avatar or photo drawn in each of them.</p>
        <pose-quota-panel></pose-quota-panel>
      </section>
      <section class="panel" aria-labelledby="pose-projects-title">
        <h2 id="pose-projects-title">Your projects</h2>
        ${this.#list()}
      </section>
      <section class="panel" aria-labelledby="new-pose-project-title">
        <h2 id="new-pose-project-title">New project</h2>
        <form class="stack" @submit=${this.#create} data-test="new-pose-project" novalidate>
          <label for="pose-project-name">Name</label>
          <input id="pose-project-name" name="name" required maxlength="100" data-test="pose-project-name"
            aria-invalid=${invalid(error, 'name')} aria-describedby="pose-project-name-error">
          <lumiku-field-error id="pose-project-name-error" .error=${error} field="name"></lumiku-field-error>
          <label for="pose-project-description">Description <span class="muted">(optional)</span></label>
          <textarea id="pose-project-description" name="description" maxlength="500" rows="2"
            aria-invalid=${invalid(error, 'description')} aria-describedby="pose-project-description-error"></textarea>
          <lumiku-field-error id="pose-project-description-error" .error=${error} field="description"></lumiku-field-error>
          <pose-subject-picker allow-none .error=${error} @subject-change=${() => { this.subjectMissing = false; }}></pose-subject-picker>
          ${this.subjectMissing ? html`<span class="field-error" role="alert">Choose an avatar or a photo, or “Choose later”.</span>` : nothing}
          <lumiku-error .error=${error} .fields=${['name', 'description', 'avatarId', 'image']} data-test="new-pose-project-error"></lumiku-error>
          <button type="submit" ?disabled=${this.creating} data-test="create-pose-project">
            ${this.creating ? 'Creating…' : 'Create project'}</button>
        </form>
      </section>`;
  }
}
customElements.define('lumiku-pose-projects', PoseProjectsPage);
