/**
 * <lumiku-avatar-order .projectId .costs>: ordering an avatar in a project, four ways (tabs):
 * from the user's words, from a persona and visual attributes (optionally started from a persona
 * example), from a preset (GET presets, with their previews), or by uploading a picture (multipart,
 * with a preview before sending). Orders are POST .../projects/{id}/avatars/generate (202, the
 * generation), uploads POST .../avatars/upload (201, the avatar); both carry an Idempotency-Key
 * that is kept while the same order is retried.
 * Fires 'ordered' (detail: the accepted order {generation, creditUsed, creditBalance}) and
 * 'uploaded' (detail: {avatar, creditUsed, creditBalance}).
 * Generate is disabled, saying why, when the balance does not cover the price; a 402 (the balance
 * changed elsewhere) appears next to the button with a link to buy credits.
 */
import { html, nothing } from 'lit';
import { api, newIdempotencyKey, refreshUser } from '../shared/api.js';
import { session } from '../shared/session.js';
import { SessionElement, invalid } from '../shared/components.js';
import { credits } from '../shared/format.js';
import { CHOICES, CHOICE_LABELS, WORDS } from './vocabulary.js';

const APP = 'apps/avatar-creator';
const TABS = [
  ['prompt', 'Describe'],
  ['attributes', 'Persona & looks'],
  ['preset', 'Preset'],
  ['upload', 'Upload'],
];

function emptyPersona() {
  return { name: '', age: '', traits: '', background: '' };
}

/** The fields of an object that have a value, or undefined if none has. */
function given(fields) {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '' && v !== undefined && v !== null));
  return Object.keys(kept).length ? kept : undefined;
}

class AvatarOrderForm extends SessionElement {
  static properties = {
    projectId: {},
    costs: { attribute: false },
    tab: { state: true },
    busy: { state: true },
    error: { state: true },
    presets: { state: true },
    presetsError: { state: true },
    category: { state: true },
    presetId: { state: true },
    examples: { state: true },
    file: { state: true },
    preview: { state: true },
  };

  #attempt = null; // {key, payload}: the last order that did not succeed, to retry with its key
  #persona = emptyPersona();
  #attributes = {};

  constructor() {
    super();
    this.tab = 'prompt';
    this.category = '';
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.preview) {
      URL.revokeObjectURL(this.preview);
    }
  }

  #cost() {
    return this.costs?.[this.tab === 'upload' ? 'upload' : 'generate'] ?? null;
  }

  #short() {
    const cost = this.#cost();
    return cost !== null && cost > 0 && session.balance !== null && session.balance < cost;
  }

  #select(tab) {
    this.tab = tab;
    this.error = null;
    if (tab === 'preset' && !this.presets) {
      this.#loadPresets();
    }
    if (tab === 'attributes' && !this.examples) {
      api(`${APP}/persona-examples`)
        .then((examples) => {
          this.examples = examples;
        })
        .catch(() => {
          this.examples = []; // examples only help: the form works without them
        });
    }
  }

  #tabKey(event) {
    const at = TABS.findIndex(([id]) => id === this.tab);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) {
      const next = TABS[(at + step + TABS.length) % TABS.length][0];
      this.#select(next);
      this.updateComplete.then(() => this.querySelector(`[data-test="tab-${next}"]`)?.focus());
    }
  }

  async #loadPresets() {
    this.presetsError = null;
    try {
      this.presets = await api(`${APP}/presets`);
    } catch (error) {
      this.presetsError = error;
    }
  }

  /** Sends an order (or upload); the same payload after a failure is sent with the same key. */
  async #send(path, payload, options) {
    const fingerprint = JSON.stringify([path, payload]);
    if (this.#attempt?.payload !== fingerprint) {
      this.#attempt = { key: newIdempotencyKey(), payload: fingerprint };
    }
    this.busy = true;
    this.error = null;
    try {
      const answer = await api(path, { method: 'POST', idempotencyKey: this.#attempt.key, ...options });
      this.#attempt = null;
      session.setBalance(answer.creditBalance);
      return answer;
    } catch (error) {
      this.error = error;
      if (error.isPaymentRequired) {
        refreshUser().catch(() => {});
      }
      return null;
    } finally {
      this.busy = false;
    }
  }

  async #generate(event) {
    event.preventDefault();
    const form = event.target;
    const value = (name) => form.elements[name]?.value.trim() ?? '';
    let order;
    if (this.tab === 'prompt') {
      order = { name: value('name'), prompt: value('prompt') };
    } else if (this.tab === 'preset') {
      order = given({ presetId: this.presetId ?? '', name: value('name'), prompt: value('prompt') }) ?? {};
    } else {
      const p = this.#persona;
      const traits = p.traits.split(',').map((t) => t.trim()).filter(Boolean);
      order = given({
        name: value('name'),
        prompt: value('prompt'),
        persona: given({
          name: p.name.trim(),
          age: p.age === '' ? '' : Number(p.age),
          personalityTraits: traits.length ? traits : '',
          background: p.background.trim(),
        }),
        attributes: given(this.#attributes),
      }) ?? {};
    }
    const answer = await this.#send(`${APP}/projects/${this.projectId}/avatars/generate`, order, { body: order });
    if (answer) {
      this.dispatchEvent(new CustomEvent('ordered', { detail: answer, bubbles: true }));
      if (this.tab === 'prompt') {
        form.elements.prompt.value = '';
      }
    }
  }

  async #upload(event) {
    event.preventDefault();
    const name = event.target.elements.name.value.trim();
    if (!this.file) {
      this.error = null;
      return;
    }
    const form = new FormData();
    form.append('image', this.file, this.file.name);
    if (name) {
      form.append('name', name);
    }
    const payload = { name, file: [this.file.name, this.file.size, this.file.lastModified] };
    const answer = await this.#send(`${APP}/projects/${this.projectId}/avatars/upload`, payload, { form });
    if (answer) {
      this.dispatchEvent(new CustomEvent('uploaded', { detail: answer, bubbles: true }));
      event.target.reset();
      this.#choose(null);
    }
  }

  #choose(file) {
    if (this.preview) {
      URL.revokeObjectURL(this.preview);
    }
    this.file = file;
    this.preview = file ? URL.createObjectURL(file) : null;
    this.error = null;
  }

  #fromExample(id) {
    const example = this.examples?.find((e) => e.id === id);
    if (!example) {
      return;
    }
    const p = example.persona ?? {};
    this.#persona = {
      name: p.name ?? '',
      age: p.age ?? '',
      traits: (p.personalityTraits ?? []).join(', '),
      background: p.background ?? '',
    };
    this.#attributes = Object.fromEntries(Object.entries(example.suggestedAttributes ?? {}).filter(([, v]) => v));
    this.error = null;
    this.requestUpdate();
  }

  /** A labelled control with its field error; id and field name derive from `field`. */
  #control(field, label, control, hint) {
    const id = `order-${field.replace('.', '-')}`;
    return html`<div>
      <label for=${id}>${label}</label>
      ${control(id, invalid(this.error, field), `${id}-error${hint ? ` ${id}-hint` : ''}`)}
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      <lumiku-field-error id="${id}-error" .error=${this.error} field=${field}></lumiku-field-error>
    </div>`;
  }

  #nameField(hint) {
    return this.#control('name', 'Avatar name', (id, bad, described) => html`<input id=${id} name="name" maxlength="100"
      aria-invalid=${bad} aria-describedby=${described} data-test="avatar-name-input">`, hint);
  }

  #wordsField(label, hint, required = false) {
    return this.#control('prompt', label, (id, bad, described) => html`<textarea id=${id} name="prompt" rows="3"
      maxlength="1000" ?required=${required} aria-invalid=${bad} aria-describedby=${described} data-test="prompt-input"
      placeholder="e.g. a friendly wizard with a blue hat, soft light"></textarea>`, hint);
  }

  #promptTab() {
    return html`${this.#nameField()}
      ${this.#wordsField('What should it look like?', 'Up to 1,000 characters.', true)}`;
  }

  #attributesTab() {
    const p = this.#persona;
    const set = (field) => (e) => {
      this.#persona = { ...this.#persona, [field]: e.target.value };
    };
    const attr = (field) => (e) => {
      this.#attributes = { ...this.#attributes, [field]: e.target.value };
    };
    return html`
      ${this.examples?.length
        ? html`<div><label for="order-example">Start from an example</label>
            <select id="order-example" data-test="persona-example" @change=${(e) => this.#fromExample(e.target.value)}>
              <option value="">Choose an example…</option>
              ${this.examples.map((e) => html`<option value=${e.id}>${e.name} (${e.category})</option>`)}
            </select></div>`
        : nothing}
      <fieldset><legend>Persona</legend><div class="grid-fields">
        ${this.#control('persona.name', 'Persona name', (id, bad, d) => html`<input id=${id} maxlength="100" .value=${p.name}
          @input=${set('name')} aria-invalid=${bad} aria-describedby=${d} data-test="persona-name">`)}
        ${this.#control('persona.age', 'Age', (id, bad, d) => html`<input id=${id} type="number" min="18" max="100" .value=${String(p.age)}
          @input=${set('age')} aria-invalid=${bad} aria-describedby=${d} data-test="persona-age">`, '18 to 100.')}
        ${this.#control('persona.personalityTraits', 'Personality traits', (id, bad, d) => html`<input id=${id} .value=${p.traits}
          @input=${set('traits')} aria-invalid=${bad} aria-describedby=${d} data-test="persona-traits">`, 'Up to 8, separated by commas.')}
      </div>
      ${this.#control('persona.background', 'Background', (id, bad, d) => html`<textarea id=${id} rows="2" maxlength="500" .value=${p.background}
        @input=${set('background')} aria-invalid=${bad} aria-describedby=${d} data-test="persona-background"></textarea>`)}
      </fieldset>
      <fieldset><legend>Looks</legend><div class="grid-fields">
        ${Object.entries(CHOICES).map(([field, options]) => this.#control(`attributes.${field}`, CHOICE_LABELS[field],
          (id, bad, d) => html`<select id=${id} @change=${attr(field)} aria-invalid=${bad} aria-describedby=${d} data-test="attribute-${field}">
            <option value="" ?selected=${!this.#attributes[field]}>Any</option>
            ${options.map(([value, label]) => html`<option value=${value} ?selected=${this.#attributes[field] === value}>${label}</option>`)}
          </select>`))}
        ${WORDS.map(([field, label, max]) => this.#control(`attributes.${field}`, label,
          (id, bad, d) => html`<input id=${id} maxlength=${max} .value=${this.#attributes[field] ?? ''} @input=${attr(field)}
            aria-invalid=${bad} aria-describedby=${d} data-test="attribute-${field}">`))}
      </div></fieldset>
      ${this.#nameField('Leave empty to use the persona name.')}
      ${this.#wordsField('More words (optional)')}`;
  }

  #presetTab() {
    if (this.presetsError) {
      return html`<lumiku-error .error=${this.presetsError}></lumiku-error>
        <button type="button" class="secondary" @click=${() => this.#loadPresets()}>Try again</button>`;
    }
    if (!this.presets) {
      return html`<lumiku-loading label="Loading the presets…"></lumiku-loading>`;
    }
    if (this.presets.length === 0) {
      return html`<p class="empty">There are no presets yet. Describe your avatar instead.</p>`;
    }
    const categories = [...new Set(this.presets.map((p) => p.category))];
    const shown = this.presets.filter((p) => !this.category || p.category === this.category);
    const chosen = this.presets.find((p) => p.id === this.presetId);
    return html`
      <div><label for="order-category">Category</label>
        <select id="order-category" data-test="preset-category" @change=${(e) => { this.category = e.target.value; }}>
          <option value="">All categories</option>
          ${categories.map((c) => html`<option value=${c} ?selected=${c === this.category}>${c}</option>`)}
        </select></div>
      <fieldset class="choices" aria-describedby="order-presetId-error" data-test="presets">
        <legend>Preset</legend>
        ${shown.map((p) => html`<label class="choice" data-test="preset-option" data-preset-name=${p.name}>
          <input type="radio" name="presetId" value=${p.id} .checked=${p.id === this.presetId}
            @change=${() => { this.presetId = p.id; this.error = null; }}>
          <img src=${p.previewUrl} alt="" loading="lazy" width="160" height="160">
          <strong>${p.name}</strong><span class="hint">${p.description ?? ''}</span>
        </label>`)}
      </fieldset>
      <lumiku-field-error id="order-presetId-error" .error=${this.error} field="presetId"></lumiku-field-error>
      ${chosen
        ? html`<details><summary>What ${chosen.name} draws</summary><p class="hint">${chosen.modelPrompt}</p></details>`
        : html`<p class="hint">Choose a preset above.</p>`}
      ${this.#nameField(chosen ? `Leave empty to call it ${chosen.persona?.name || chosen.name}.` : undefined)}
      ${this.#wordsField('Other words (optional)', "Replaces the preset's own words.")}`;
  }

  #uploadTab() {
    return html`
      ${this.#control('image', 'Picture', (id, bad, d) => html`<input id=${id} type="file" accept="image/png,image/jpeg,image/webp"
        required aria-invalid=${bad} aria-describedby=${d} data-test="upload-input"
        @change=${(e) => this.#choose(e.target.files[0] ?? null)}>`, 'PNG, JPEG or WebP, at least 64 pixels a side.')}
      ${this.preview
        ? html`<img class="preview" src=${this.preview} alt="Preview of ${this.file.name}" data-test="upload-preview">`
        : nothing}
      ${this.#nameField()}`;
  }

  #submitArea() {
    const cost = this.#cost();
    const uploading = this.tab === 'upload';
    const short = this.#short();
    const noPreset = this.tab === 'preset' && !this.presetId;
    const action = uploading ? 'Upload' : 'Generate';
    // After a 402 the error below says the same (with its own link): the notice would only push
    // the error, scrolled into view as it appeared, down out of sight.
    const told = this.error?.status === 402;
    return html`<div class="stack">
      ${short && !told
        ? html`<p class="notice" data-test="generate-disabled-reason">${action} costs ${credits(cost)}; you have
            ${credits(session.balance)}. <a href="#/credits/buy" data-test="buy-credits-link">Buy credits</a></p>`
        : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy || short || noPreset || (uploading && !this.file)}
          data-test=${uploading ? 'upload-submit' : 'generate'}>
          ${this.busy ? (uploading ? 'Uploading…' : 'Ordering…') : `${action}${cost ? ` (${credits(cost)})` : ''}`}
        </button>
        ${uploading && !this.file ? html`<span class="hint">Choose a picture first.</span>` : nothing}
      </div>
      <lumiku-error .error=${this.error} .fields=${this.#fieldsShown()}
        data-test=${uploading ? 'upload-error' : 'generate-error'}></lumiku-error>
    </div>`;
  }

  #fieldsShown() {
    const persona = ['name', 'age', 'personalityTraits', 'background'].map((f) => `persona.${f}`);
    const attributes = [...Object.keys(CHOICES), ...WORDS.map(([f]) => f)].map((f) => `attributes.${f}`);
    return {
      prompt: ['name', 'prompt'],
      attributes: ['name', 'prompt', ...persona, ...attributes],
      preset: ['name', 'prompt', 'presetId'],
      upload: ['name', 'image'],
    }[this.tab];
  }

  render() {
    const uploading = this.tab === 'upload';
    const body = { prompt: () => this.#promptTab(), attributes: () => this.#attributesTab(), preset: () => this.#presetTab(), upload: () => this.#uploadTab() }[this.tab]();
    return html`<section class="panel" aria-labelledby="order-title">
      <h2 id="order-title">New avatar</h2>
      <div class="tabs" role="tablist" aria-label="How to make it" @keydown=${this.#tabKey}>
        ${TABS.map(([id, label]) => html`<button type="button" role="tab" id="tab-${id}" aria-controls="order-panel"
          aria-selected=${this.tab === id ? 'true' : 'false'} tabindex=${this.tab === id ? '0' : '-1'}
          data-test="tab-${id}" @click=${() => this.#select(id)}>${label}</button>`)}
      </div>
      <form id="order-panel" role="tabpanel" aria-labelledby="tab-${this.tab}" class="stack"
        data-test=${uploading ? 'upload-form' : 'generate-form'} @submit=${uploading ? this.#upload : this.#generate}>
        ${body}
        ${this.#submitArea()}
      </form>
    </section>`;
  }
}
customElements.define('lumiku-avatar-order', AvatarOrderForm);
