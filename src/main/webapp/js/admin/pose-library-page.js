/**
 * The pose library for operators (#/admin/pose-library), through PoseLibraryAdminResource:
 * categories (GET /api/admin/pose-generator/categories, retired ones too; POST, PATCH, DELETE
 * retires, PATCH {retired: false} brings back) and poses: found through the public listing (GET
 * /api/apps/pose-generator/library; retired poses leave it, so one can also be opened by its id),
 * read with their keypoints (GET .../library/{id}), added (POST), changed (PATCH), retired (DELETE)
 * and brought back. Nothing of the library is ever deleted. Field errors appear under their fields.
 */
import { html, nothing } from 'lit';
import { api, ApiError } from '../shared/api.js';
import { LightElement, invalid } from '../shared/components.js';
import { PagedList } from '../shared/paging.js';
import { DIFFICULTIES } from '../pose-generator/pose-words.js';
import './admin-nav.js';

const ADMIN = 'admin/pose-generator';

/** A labelled input with its field error; attrs: {type, required, value, help, test}. */
function field(prefix, name, label, error, attrs = {}) {
  const id = `${prefix}-${name}`;
  return html`<div>
    <label for=${id}>${label}${attrs.help ? html` <span class="muted">(${attrs.help})</span>` : nothing}</label>
    <input id=${id} name=${name} type=${attrs.type ?? 'text'} .value=${attrs.value ?? ''} ?required=${attrs.required}
      step=${attrs.step ?? nothing} data-test=${attrs.test ?? `${prefix}-${name}`}
      aria-invalid=${invalid(error, name)} aria-describedby="${id}-error">
    <lumiku-field-error id="${id}-error" .error=${error} field=${name}></lumiku-field-error>
  </div>`;
}

function categoryOptions(categories, selected, { topOnly = false } = {}) {
  const active = categories.filter((c) => !c.retired);
  const tops = active.filter((c) => !c.parentId);
  return tops.map((top) => html`<option value=${top.id} ?selected=${top.id === selected}>${top.displayName}</option>
    ${topOnly ? nothing : active.filter((c) => c.parentId === top.id).map((c) => html`<option value=${c.id} ?selected=${c.id === selected}>  ${top.displayName} › ${c.displayName}</option>`)}`);
}

class PoseForm extends LightElement {
  static properties = {
    pose: { attribute: false }, // AdminPoseView {retired, pose} or null for a new one
    categories: { attribute: false },
    error: { state: true },
    busy: { state: true },
    saved: { state: true },
  };

  async #submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const text = (name) => (data.get(name) ?? '').toString().trim();
    let keypoints;
    try {
      keypoints = JSON.parse(text('keypoints'));
    } catch {
      this.error = new ApiError(400, { errors: [{ field: 'keypoints', message: 'must be JSON: 18 [x, y] pairs (or null).' }] });
      return;
    }
    const body = {
      name: text('name'),
      description: text('description'),
      categoryId: text('categoryId') || null,
      difficulty: text('difficulty'),
      genderSuitability: text('genderSuitability'),
      tags: text('tags') ? text('tags').split(',').map((t) => t.trim()).filter(Boolean) : [],
      keypoints,
      featured: data.get('featured') === 'on',
    };
    if (text('controlnetWeight')) {
      body.controlnetWeight = Number(text('controlnetWeight'));
    }
    this.busy = true;
    this.error = null;
    this.saved = false;
    try {
      const saved = this.pose
        ? await api(`${ADMIN}/library/${this.pose.pose.id}`, { method: 'PATCH', body })
        : await api(`${ADMIN}/library`, { method: 'POST', body });
      this.saved = true;
      this.dispatchEvent(new CustomEvent('pose-saved', { detail: saved, bubbles: true }));
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const p = this.pose?.pose;
    const e = this.error;
    const prefix = `pose-${p?.id ?? 'new'}`;
    return html`<form class="stack pose-form" @submit=${this.#submit} data-test="pose-form" novalidate>
      <div class="grid-fields">
        ${field(prefix, 'name', 'Name', e, { required: true, value: p?.name, test: 'pose-form-name' })}
        <div>
          <label for="${prefix}-category">Category</label>
          <select id="${prefix}-category" name="categoryId" required data-test="pose-form-category"
            aria-invalid=${invalid(e, 'categoryId')} aria-describedby="${prefix}-category-error">
            <option value="">Choose…</option>
            ${categoryOptions(this.categories ?? [], p?.category?.id)}
          </select>
          <lumiku-field-error id="${prefix}-category-error" .error=${e} field="categoryId"></lumiku-field-error>
        </div>
        <div>
          <label for="${prefix}-difficulty">Difficulty</label>
          <select id="${prefix}-difficulty" name="difficulty" aria-invalid=${invalid(e, 'difficulty')}>
            ${DIFFICULTIES.map(([v, l]) => html`<option value=${v} ?selected=${v === (p?.difficulty ?? 'beginner')}>${l}</option>`)}
          </select>
        </div>
        <div>
          <label for="${prefix}-gender">Suits</label>
          <select id="${prefix}-gender" name="genderSuitability" aria-invalid=${invalid(e, 'genderSuitability')}>
            ${[['any', 'Anyone'], ['female', 'Female'], ['male', 'Male']].map(([v, l]) => html`<option value=${v} ?selected=${v === (p?.genderSuitability ?? 'any')}>${l}</option>`)}
          </select>
        </div>
        ${field(prefix, 'tags', 'Tags', e, { value: p?.tags?.join(', '), help: 'comma-separated' })}
        ${field(prefix, 'controlnetWeight', 'ControlNet weight', e, { type: 'number', step: '0.01', value: p?.controlnetWeight ?? '', help: '0 to 2' })}
      </div>
      ${field(prefix, 'description', 'Description', e, { value: p?.description })}
      <label for="${prefix}-keypoints">Keypoints <span class="muted">(JSON: 18 [x, y] in 0..1 or null, COCO order)</span></label>
      <textarea id="${prefix}-keypoints" name="keypoints" rows="4" class="mono" data-test="pose-form-keypoints"
        aria-invalid=${invalid(e, 'keypoints')} aria-describedby="${prefix}-keypoints-error"
        .value=${p?.keypoints ? JSON.stringify(p.keypoints) : ''}></textarea>
      <lumiku-field-error id="${prefix}-keypoints-error" .error=${e} field="keypoints"></lumiku-field-error>
      <label class="inline"><input type="checkbox" name="featured" .checked=${Boolean(p?.featured)}> Featured</label>
      <button type="submit" ?disabled=${this.busy} data-test="pose-form-submit">${this.busy ? 'Saving…' : p ? 'Save the pose' : 'Add the pose'}</button>
      <lumiku-error .error=${e} .fields=${['name', 'categoryId', 'difficulty', 'genderSuitability', 'tags', 'controlnetWeight', 'description', 'keypoints']}></lumiku-error>
      ${this.saved ? html`<p class="ok" role="status" data-test="pose-form-saved">Saved.</p>` : nothing}
    </form>`;
  }
}
customElements.define('admin-pose-form', PoseForm);

class CategoryForm extends LightElement {
  static properties = {
    category: { attribute: false },
    categories: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };

  async #submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const text = (name) => (data.get(name) ?? '').toString().trim();
    const body = {
      slug: text('slug'),
      displayName: text('displayName'),
      description: text('description'),
      icon: text('icon'),
      color: text('color'),
    };
    if (text('displayOrder')) {
      body.displayOrder = Number(text('displayOrder'));
    }
    if (!this.category) {
      body.parentId = text('parentId') || null;
      for (const name of ['description', 'icon', 'color']) {
        if (!body[name]) {
          delete body[name]; // a new category simply has none
        }
      }
    }
    this.busy = true;
    this.error = null;
    try {
      const saved = this.category
        ? await api(`${ADMIN}/categories/${this.category.id}`, { method: 'PATCH', body })
        : await api(`${ADMIN}/categories`, { method: 'POST', body });
      this.dispatchEvent(new CustomEvent('category-saved', { detail: saved, bubbles: true }));
      if (!this.category) {
        event.target.reset();
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const c = this.category;
    const e = this.error;
    const prefix = `category-${c?.id ?? 'new'}`;
    return html`<form class="stack" @submit=${this.#submit} data-test="category-form" novalidate>
      <div class="grid-fields">
        ${field(prefix, 'slug', 'Slug', e, { required: true, value: c?.slug, help: 'lower-case-words' })}
        ${field(prefix, 'displayName', 'Name', e, { required: true, value: c?.displayName })}
        ${field(prefix, 'icon', 'Icon', e, { value: c?.icon })}
        ${field(prefix, 'color', 'Colour', e, { value: c?.color, help: '#rrggbb' })}
        ${field(prefix, 'displayOrder', 'Order', e, { type: 'number', value: c?.displayOrder ?? '' })}
        ${c
          ? nothing
          : html`<div>
              <label for="${prefix}-parent">Parent</label>
              <select id="${prefix}-parent" name="parentId" aria-invalid=${invalid(e, 'parentId')} aria-describedby="${prefix}-parent-error">
                <option value="">None (top level)</option>
                ${categoryOptions(this.categories ?? [], null, { topOnly: true })}
              </select>
              <lumiku-field-error id="${prefix}-parent-error" .error=${e} field="parentId"></lumiku-field-error>
            </div>`}
      </div>
      ${field(prefix, 'description', 'Description', e, { value: c?.description })}
      <button type="submit" ?disabled=${this.busy} data-test="category-form-submit">${this.busy ? 'Saving…' : c ? 'Save the category' : 'Add the category'}</button>
      <lumiku-error .error=${e} .fields=${['slug', 'displayName', 'icon', 'color', 'displayOrder', 'parentId', 'description']}></lumiku-error>
    </form>`;
  }
}
customElements.define('admin-category-form', CategoryForm);

class PoseLibraryAdminPage extends LightElement {
  static properties = {
    categories: { state: true },
    categoriesError: { state: true },
    editingCategory: { state: true },
    addingCategory: { state: true },
    q: { state: true },
    editing: { state: true }, // AdminPoseView being edited, or 'new'
    openError: { state: true },
    rowErrors: { state: true },
    confirmRetire: { state: true },
    notice: { state: true },
  };

  #poses = new PagedList(this, (cursor) =>
    `apps/pose-generator/library?limit=20&sort=newest${this.q ? `&q=${encodeURIComponent(this.q)}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);

  constructor() {
    super();
    this.q = '';
    this.rowErrors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.#loadCategories();
    this.#poses.reload();
  }

  async #loadCategories() {
    try {
      this.categories = await api(`${ADMIN}/categories`);
      this.categoriesError = null;
    } catch (error) {
      this.categoriesError = error;
    }
  }

  async #setCategoryRetired(c, retired) {
    this.rowErrors = { ...this.rowErrors, [c.id]: null };
    try {
      if (retired) {
        await api(`${ADMIN}/categories/${c.id}`, { method: 'DELETE' });
      } else {
        await api(`${ADMIN}/categories/${c.id}`, { method: 'PATCH', body: { retired: false } });
      }
      this.confirmRetire = null;
      await this.#loadCategories();
      this.#poses.reload();
    } catch (error) {
      this.rowErrors = { ...this.rowErrors, [c.id]: error };
    }
  }

  async #open(poseId) {
    this.openError = null;
    try {
      this.editing = await api(`${ADMIN}/library/${encodeURIComponent(poseId.trim())}`);
      await this.updateComplete;
      this.querySelector('#pose-editor-title')?.scrollIntoView({ block: 'start' });
    } catch (error) {
      this.openError = error;
    }
  }

  async #setPoseRetired(poseId, retired) {
    this.rowErrors = { ...this.rowErrors, [poseId]: null };
    try {
      if (retired) {
        await api(`${ADMIN}/library/${poseId}`, { method: 'DELETE' });
        this.notice = 'The pose was retired: users no longer see it; batches ordered before still draw it. Open it by its id to bring it back.';
      } else {
        await api(`${ADMIN}/library/${poseId}`, { method: 'PATCH', body: { retired: false } });
        this.notice = 'The pose is back in the library.';
      }
      this.confirmRetire = null;
      if (this.editing?.pose?.id === poseId) {
        this.editing = await api(`${ADMIN}/library/${poseId}`);
      }
      this.#poses.reload();
    } catch (error) {
      this.rowErrors = { ...this.rowErrors, [poseId]: error };
    }
  }

  #retireButtons(id, retired, retire, bringBack, what) {
    if (retired) {
      return html`<button type="button" class="secondary small" data-test="bring-back" @click=${bringBack}>Bring back</button>`;
    }
    return this.confirmRetire === id
      ? html`<span class="confirm-inline">Retire ${what}?
          <button type="button" class="danger small" data-test="retire-confirm" @click=${retire}>Retire</button>
          <button type="button" class="secondary small" @click=${() => { this.confirmRetire = null; }}>Keep</button></span>`
      : html`<button type="button" class="danger small" data-test="retire" @click=${() => { this.confirmRetire = id; }}>Retire…</button>`;
  }

  #categoriesSection() {
    const cats = this.categories;
    const name = (id) => cats.find((c) => c.id === id)?.displayName ?? '–';
    return html`<section class="panel" aria-labelledby="categories-title">
      <div class="split">
        <h2 id="categories-title">Categories</h2>
        <button type="button" class="secondary small" data-test="add-category" @click=${() => { this.addingCategory = !this.addingCategory; }}>
          ${this.addingCategory ? 'Close' : 'Add a category'}</button>
      </div>
      ${this.addingCategory
        ? html`<admin-category-form .categories=${cats} @category-saved=${() => { this.addingCategory = false; this.#loadCategories(); }}></admin-category-form>`
        : nothing}
      <lumiku-error .error=${this.categoriesError}></lumiku-error>
      ${!cats
        ? (this.categoriesError ? nothing : html`<lumiku-loading></lumiku-loading>`)
        : html`<div class="table-wrap"><table class="row-heads" data-test="admin-categories">
            <thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Parent</th><th scope="col" class="amount">Order</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
            <tbody>${cats.map((c) => html`<tr data-test="admin-category" data-id=${c.id} class=${c.retired ? 'retired' : ''}>
                <th scope="row">${c.displayName}</th><td>${c.slug}</td><td>${c.parentId ? name(c.parentId) : '–'}</td>
                <td class="amount">${c.displayOrder}</td><td>${c.retired ? 'Retired' : 'Active'}</td>
                <td><div class="actions">
                  <button type="button" class="secondary small" data-test="edit-category"
                    @click=${() => { this.editingCategory = this.editingCategory?.id === c.id ? null : c; }}>Edit</button>
                  ${this.#retireButtons(c.id, c.retired, () => this.#setCategoryRetired(c, true), () => this.#setCategoryRetired(c, false), c.displayName)}
                </div><lumiku-error .error=${this.rowErrors[c.id]}></lumiku-error></td></tr>
                ${this.editingCategory?.id === c.id
                  ? html`<tr><td colspan="6"><admin-category-form .category=${c} .categories=${cats}
                      @category-saved=${() => { this.editingCategory = null; this.#loadCategories(); }}></admin-category-form></td></tr>`
                  : nothing}`)}
            </tbody></table></div>`}
    </section>`;
  }

  #editor() {
    const editing = this.editing;
    if (!editing) {
      return nothing;
    }
    const isNew = editing === 'new';
    return html`<section class="panel" aria-labelledby="pose-editor-title" data-test="pose-editor">
      <div class="split">
        <h2 id="pose-editor-title" tabindex="-1">${isNew ? 'New pose' : editing.pose.name}
          ${!isNew && editing.retired ? html`<span class="tag">retired</span>` : nothing}</h2>
        <button type="button" class="secondary small" @click=${() => { this.editing = null; }}>Close</button>
      </div>
      ${!isNew
        ? html`<div class="actions">
            <img src=${editing.pose.skeletonUrl} alt="Skeleton of ${editing.pose.name}" width="120" height="120" class="skeleton">
            ${this.#retireButtons(editing.pose.id, editing.retired, () => this.#setPoseRetired(editing.pose.id, true), () => this.#setPoseRetired(editing.pose.id, false), editing.pose.name)}
            <lumiku-error .error=${this.rowErrors[editing.pose.id]}></lumiku-error>
          </div>`
        : nothing}
      <admin-pose-form .pose=${isNew ? null : editing} .categories=${this.categories}
        @pose-saved=${(e) => { this.editing = e.detail; this.#poses.reload(); }}></admin-pose-form>
    </section>`;
  }

  #posesSection() {
    const list = this.#poses;
    return html`<section class="panel" aria-labelledby="poses-title">
      <div class="split">
        <h2 id="poses-title">Poses</h2>
        <button type="button" class="secondary small" data-test="add-pose" @click=${() => { this.editing = 'new'; }}>Add a pose</button>
      </div>
      <div class="filters">
        <div>
          <label for="admin-poses-q">Search the library</label>
          <input id="admin-poses-q" type="search" .value=${this.q} data-test="admin-poses-search"
            @change=${(e) => { this.q = e.target.value.trim(); list.reload(); }}>
        </div>
        <form class="lookup" @submit=${(e) => { e.preventDefault(); this.#open(new FormData(e.target).get('poseId').toString()); }}>
          <label for="admin-pose-id">Open by id <span class="muted">(also retired ones)</span></label>
          <div class="search-row">
            <input id="admin-pose-id" name="poseId" required data-test="admin-pose-id" aria-describedby="admin-pose-id-error">
            <button type="submit" class="secondary">Open</button>
          </div>
          <span id="admin-pose-id-error"><lumiku-error .error=${this.openError}></lumiku-error></span>
        </form>
      </div>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <lumiku-error .error=${list.error}></lumiku-error>
      ${!list.loaded && !list.error
        ? html`<lumiku-loading></lumiku-loading>`
        : list.loaded && list.items.length === 0
          ? html`<p class="empty">No pose matches.</p>`
          : html`<div class="table-wrap"><table class="row-heads" data-test="admin-poses">
              <thead><tr><th scope="col">Pose</th><th scope="col">Category</th><th scope="col">Difficulty</th><th scope="col">Actions</th></tr></thead>
              <tbody>${list.items.map((p) => html`<tr data-test="admin-pose" data-id=${p.id}>
                <th scope="row">${p.name}${p.featured ? html` <span class="tag">featured</span>` : nothing}</th>
                <td>${p.category?.displayName ?? ''}</td>
                <td>${p.difficulty}</td>
                <td><button type="button" class="secondary small" data-test="edit-pose" @click=${() => this.#open(p.id)}>Edit<span class="visually-hidden"> ${p.name}</span></button></td>
              </tr>`)}</tbody></table></div>`}
      ${list.hasMore && !list.loading
        ? html`<button type="button" class="secondary" @click=${() => list.more()}>Show more</button>`
        : nothing}
    </section>`;
  }

  render() {
    return html`
      <admin-nav current="pose-library"></admin-nav>
      <section class="panel">
        <h1 tabindex="-1">Pose library</h1>
        <p class="hint">Retiring takes a category or pose out of the public library; nothing is deleted, and batches ordered before still draw retired poses.</p>
      </section>
      ${this.#editor()}
      ${this.#posesSection()}
      ${this.#categoriesSection()}`;
  }
}
customElements.define('lumiku-admin-pose-library', PoseLibraryAdminPage);
