/**
 * <pose-subject-picker>: who a project poses: one of the user's avatars (chosen from their Avatar
 * Creator projects, GET /api/apps/avatar-creator/projects and .../{id}/avatars pages, with
 * thumbnails), an uploaded photo (with a preview), or (if .allowNone) nobody yet.
 * Read .choice: {kind: 'avatar', avatarId} | {kind: 'upload', file} | {kind: 'none'} | null (not
 * chosen yet). Fires 'subject-change'. .error (an ApiError) marks the fields it names (avatarId,
 * image).
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';

const AVATARS = 'apps/avatar-creator/projects';
const ACCEPT = 'image/png,image/jpeg,image/webp';
const LARGEST_BYTES = 10 * 1024 * 1024;

let counter = 0;

class SubjectPicker extends LightElement {
  static properties = {
    allowNone: { type: Boolean, attribute: 'allow-none' },
    error: { attribute: false },
    kind: { state: true },
    avatarProjects: { state: true },
    avatarProjectId: { state: true },
    avatars: { state: true },
    avatarsCursor: { state: true },
    avatarId: { state: true },
    file: { state: true },
    preview: { state: true },
    fileProblem: { state: true },
    loadError: { state: true },
  };

  #id = `subject-${++counter}`;

  constructor() {
    super();
    this.kind = 'avatar';
  }

  connectedCallback() {
    super.connectedCallback();
    this.#loadProjects();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.preview) {
      URL.revokeObjectURL(this.preview);
    }
  }

  get choice() {
    if (this.kind === 'avatar') {
      return this.avatarId ? { kind: 'avatar', avatarId: this.avatarId } : null;
    }
    if (this.kind === 'upload') {
      return this.file && !this.fileProblem ? { kind: 'upload', file: this.file } : null;
    }
    return { kind: 'none' };
  }

  /** Back to nothing chosen (after the form was sent). */
  reset() {
    this.avatarId = null;
    this.#setFile(null);
    const input = this.querySelector('input[type=file]');
    if (input) {
      input.value = '';
    }
  }

  #changed() {
    this.dispatchEvent(new Event('subject-change', { bubbles: true }));
  }

  async #loadProjects() {
    this.loadError = null;
    try {
      this.avatarProjects = await api(AVATARS);
      if (this.avatarProjects.length && !this.avatarProjectId) {
        this.#pickProject(this.avatarProjects[0].id);
      }
      if (this.avatarProjects.length === 0 && this.kind === 'avatar') {
        this.kind = 'upload';
      }
    } catch (error) {
      this.loadError = error;
    }
  }

  async #pickProject(id, cursor = null) {
    this.avatarProjectId = id;
    if (!cursor) {
      this.avatars = null;
      this.avatarId = null;
      this.#changed();
    }
    this.loadError = null;
    try {
      const page = await api(`${AVATARS}/${encodeURIComponent(id)}/avatars?limit=24${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (this.avatarProjectId !== id) {
        return;
      }
      this.avatars = cursor ? [...(this.avatars ?? []), ...page.items] : page.items;
      this.avatarsCursor = page.nextCursor;
    } catch (error) {
      this.loadError = error;
    }
  }

  #setFile(file) {
    if (this.preview) {
      URL.revokeObjectURL(this.preview);
    }
    this.file = file;
    this.preview = file ? URL.createObjectURL(file) : null;
    this.fileProblem = null;
    if (file && !ACCEPT.split(',').includes(file.type)) {
      this.fileProblem = 'Choose a PNG, JPEG or WebP picture.';
    } else if (file && file.size > LARGEST_BYTES) {
      this.fileProblem = 'That picture is larger than 10 MB. Choose a smaller one.';
    }
    this.#changed();
  }

  #kindChoice(kind, label) {
    return html`<label class="inline"><input type="radio" name="${this.#id}-kind" value=${kind}
      .checked=${this.kind === kind} data-test="subject-kind-${kind}"
      @change=${() => { this.kind = kind; this.#changed(); }}> ${label}</label>`;
  }

  #avatarChooser() {
    if (this.loadError) {
      return html`<lumiku-error .error=${this.loadError}></lumiku-error>
        <button type="button" class="secondary small" @click=${() => this.#loadProjects()}>Try again</button>`;
    }
    if (!this.avatarProjects) {
      return html`<lumiku-loading label="Loading your avatars…"></lumiku-loading>`;
    }
    if (this.avatarProjects.length === 0) {
      return html`<p class="empty">You have no avatars yet. <a href="#/avatar-creator">Create one in Avatar Creator</a> or upload a photo.</p>`;
    }
    return html`
      <label for="${this.#id}-project">Avatar Creator project</label>
      <select id="${this.#id}-project" data-test="subject-avatar-project"
        @change=${(e) => this.#pickProject(e.target.value)}>
        ${this.avatarProjects.map((p) => html`<option value=${p.id} ?selected=${p.id === this.avatarProjectId}>${p.name}</option>`)}
      </select>
      ${!this.avatars
        ? html`<lumiku-loading label="Loading the avatars…"></lumiku-loading>`
        : this.avatars.length === 0
          ? html`<p class="empty">This project has no avatars yet. Choose another project.</p>`
          : html`<fieldset class="choices avatar-choices" aria-invalid=${invalid(this.error, 'avatarId')}
              aria-describedby="${this.#id}-avatar-error">
              <legend>Avatar</legend>
              ${this.avatars.map((a) => html`<label class="choice" data-test="subject-avatar">
                <input type="radio" name="${this.#id}-avatar" value=${a.id} .checked=${a.id === this.avatarId}
                  @change=${() => { this.avatarId = a.id; this.#changed(); }}>
                ${a.thumbnailUrl ? html`<img src=${a.thumbnailUrl} alt=${a.prompt ?? ''} loading="lazy">` : nothing}
                <span>${a.name}</span>
              </label>`)}
            </fieldset>
            ${this.avatarsCursor
              ? html`<button type="button" class="secondary small" @click=${() => this.#pickProject(this.avatarProjectId, this.avatarsCursor)}>More avatars</button>`
              : nothing}`}
      <lumiku-field-error id="${this.#id}-avatar-error" .error=${this.error} field="avatarId"></lumiku-field-error>`;
  }

  #upload() {
    return html`
      <label for="${this.#id}-file">Photo (PNG, JPEG or WebP, up to 10 MB)</label>
      <input id="${this.#id}-file" type="file" accept=${ACCEPT} data-test="subject-file"
        aria-invalid=${this.fileProblem || invalid(this.error, 'image') === 'true' ? 'true' : 'false'}
        aria-describedby="${this.#id}-file-error"
        @change=${(e) => this.#setFile(e.target.files[0] ?? null)}>
      <span id="${this.#id}-file-error">
        ${this.fileProblem ? html`<span class="field-error">${this.fileProblem}</span>` : nothing}
        <lumiku-field-error .error=${this.error} field="image"></lumiku-field-error>
      </span>
      ${this.preview && !this.fileProblem
        ? html`<img class="preview" src=${this.preview} alt="Preview of the photo you chose" data-test="subject-preview">`
        : nothing}`;
  }

  render() {
    return html`<fieldset class="subject-picker">
      <legend>Who to pose</legend>
      <div class="actions">
        ${this.#kindChoice('avatar', 'One of my avatars')}
        ${this.#kindChoice('upload', 'Upload a photo')}
        ${this.allowNone ? this.#kindChoice('none', 'Choose later') : nothing}
      </div>
      ${this.kind === 'avatar' ? this.#avatarChooser() : this.kind === 'upload' ? this.#upload() : html`<p class="hint">You can add the photo on the project's page before ordering poses.</p>`}
    </fieldset>`;
  }
}
customElements.define('pose-subject-picker', SubjectPicker);
