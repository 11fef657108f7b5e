/**
 * Avatar Creator (#/avatar-creator, #/avatar-creator/projects/<id>): the user's projects (GET,
 * POST, PATCH, DELETE .../projects), the chosen project's order form and gallery, and the orders
 * under way, followed live over the user's generation stream (stream.js): queue position, drawing,
 * ready (the new avatar joins its project's gallery) or failed with its message and refund. An
 * order not started yet can be canceled (POST /api/generations/{id}/cancel).
 */
import { html, nothing } from 'lit';
import { api, refreshUser, refreshUserSoon } from '../shared/api.js';
import { SessionElement, invalid } from '../shared/components.js';
import { navigate } from '../shared/router.js';
import { watchGenerations, isTerminal } from '../shared/stream.js';
import { credits, dateTime } from '../shared/format.js';
import './order-form.js';
import './avatar-gallery.js';

const APP_ID = 'avatar-creator';
const APP = `apps/${APP_ID}`;

/** What the user called their orders (a generation does not say until it is done), per page load. */
const orderNames = new Map();

function statusText(g) {
  switch (g.status) {
    case 'pending':
      return g.queuePosition ? `Waiting in line (#${g.queuePosition})` : 'Waiting to start';
    case 'processing':
      return `Drawing… ${g.progress}%`;
    case 'completed':
      return 'Ready';
    case 'canceled':
      return g.refunded ? `Canceled; ${credits(g.creditCost)} refunded` : 'Canceled';
    case 'failed':
      return `${g.errorMessage || 'It could not be made.'}${g.refunded ? ` ${credits(g.creditCost)} refunded.` : ''}`;
    default:
      return g.errorMessage || g.status;
  }
}

class AvatarCreatorPage extends SessionElement {
  static properties = {
    params: { attribute: false },
    projects: { state: true },
    projectsError: { state: true },
    project: { state: true },
    projectError: { state: true },
    costs: { state: true },
    orders: { state: true },
    createError: { state: true },
    editError: { state: true },
    editing: { state: true },
    confirmingDelete: { state: true },
    busy: { state: true },
    announcement: { state: true },
  };

  constructor() {
    super();
    this.orders = new Map();
  }

  get #projectId() {
    return this.params?.projectId ?? null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.#loadProjects();
    api('apps')
      .then((apps) => {
        this.costs = apps.find((a) => a.id === APP_ID)?.costs ?? {};
      })
      .catch(() => {
        this.costs = {}; // the order form then shows no price; the server still charges right
      });
    this.stopWatching = watchGenerations({
      onGeneration: (g) => this.#changed(g),
      onReopen: () => this.#reread(),
      onError: () => {
        this.announcement = 'Live updates stopped. Reload the page to see the latest state.';
      },
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  willUpdate(changed) {
    if (changed.has('params') && this.#projectId !== this.shownProjectId) {
      this.shownProjectId = this.#projectId;
      this.project = null;
      this.projectError = null;
      this.editing = false;
      this.confirmingDelete = false;
      this.editError = null;
      if (this.#projectId) {
        this.#loadProject();
      }
    }
  }

  async #loadProjects() {
    this.projectsError = null;
    try {
      this.projects = await api(`${APP}/projects`);
    } catch (error) {
      this.projectsError = error;
    }
  }

  async #loadProject() {
    this.projectError = null;
    try {
      this.project = await api(`${APP}/projects/${encodeURIComponent(this.#projectId)}`);
    } catch (error) {
      this.projectError = error;
    }
  }

  /** After a reconnect: the orders still shown under way may have ended while the stream was away. */
  #reread() {
    for (const g of this.orders.values()) {
      if (!isTerminal(g.status)) {
        api(`generations/${encodeURIComponent(g.id)}`)
          .then((current) => this.#changed(current))
          .catch(() => {}); // the next event brings it
      }
    }
  }

  #changed(g) {
    if (g.app !== APP_ID) {
      return;
    }
    const known = this.orders.get(g.id);
    if (!known && isTerminal(g.status)) {
      return; // ended before this page knew of it: nothing to show as "under way"
    }
    if (!known && !orderNames.has(g.id)) {
      refreshUserSoon(); // ordered elsewhere (another tab): the balance moved
    }
    this.orders = new Map(this.orders).set(g.id, g);
    if (!isTerminal(g.status) || known?.status === g.status) {
      return;
    }
    const name = g.result?.name ?? orderNames.get(g.id) ?? 'Your avatar';
    if (g.status === 'completed') {
      this.announcement = `${name} is ready.`;
      const forget = new Map(this.orders);
      forget.delete(g.id);
      this.orders = forget;
      if (g.result?.projectId && g.result.projectId === this.#projectId && g.result.avatarId) {
        api(`${APP}/projects/${this.#projectId}/avatars/${g.result.avatarId}`)
          .then((avatar) => this.querySelector('lumiku-avatar-gallery')?.add(avatar))
          .catch(() => {}); // deleted meanwhile: nothing to add
      }
    } else {
      this.announcement = `${name}: ${statusText(g)}`;
      if (g.refunded || g.creditRefunded) {
        refreshUserSoon();
      }
    }
  }

  #ordered(event) {
    const { generation } = event.detail;
    const form = event.target.querySelector('form');
    orderNames.set(generation.id, form?.elements.name?.value.trim() || 'Your avatar');
    this.#changed(generation);
    this.announcement = `Ordered: ${credits(event.detail.creditUsed)} used, ${credits(event.detail.creditBalance)} left.`;
    this.updateComplete.then(() =>
      this.querySelector(`[data-generation-id="${generation.id}"]`)?.scrollIntoView({ block: 'nearest' }));
  }

  #uploaded(event) {
    this.querySelector('lumiku-avatar-gallery')?.add(event.detail.avatar);
    this.announcement = `${event.detail.avatar.name} was added.`;
  }

  async #cancel(g) {
    try {
      const canceled = await api(`generations/${g.id}/cancel`, { method: 'POST' });
      this.#changed(canceled);
      refreshUser().catch(() => {});
    } catch (error) {
      this.orders = new Map(this.orders).set(g.id, { ...this.orders.get(g.id), cancelError: error });
    }
  }

  #dismiss(g) {
    const rest = new Map(this.orders);
    rest.delete(g.id);
    this.orders = rest;
  }

  /** Runs a change of projects; its failure goes to the error property named. */
  async #busyWith(errorProperty, work) {
    this[errorProperty] = null;
    this.busy = true;
    try {
      await work();
    } catch (error) {
      this[errorProperty] = error;
    } finally {
      this.busy = false;
    }
  }

  #create(event) {
    event.preventDefault();
    const form = event.target;
    return this.#busyWith('createError', async () => {
      const project = await api(`${APP}/projects`, {
        method: 'POST',
        body: { name: form.elements.name.value.trim(), description: form.elements.description.value.trim() || undefined },
      });
      form.reset();
      this.projects = [project, ...(this.projects ?? [])];
      navigate(`/${APP_ID}/projects/${project.id}`);
    });
  }

  #rename(event) {
    event.preventDefault();
    const form = event.target;
    return this.#busyWith('editError', async () => {
      const changed = await api(`${APP}/projects/${this.#projectId}`, {
        method: 'PATCH',
        body: { name: form.elements.name.value.trim(), description: form.elements.description.value.trim() },
      });
      this.project = changed;
      this.projects = this.projects?.map((p) => (p.id === changed.id ? changed : p));
      this.editing = false;
    });
  }

  #delete() {
    const id = this.#projectId;
    return this.#busyWith('editError', async () => {
      await api(`${APP}/projects/${id}`, { method: 'DELETE' });
      refreshUser().catch(() => {}); // its orders not started were refunded
      this.projects = this.projects?.filter((p) => p.id !== id);
      navigate(`/${APP_ID}`);
    });
  }

  /** A project's name and description fields (ids prefixed), with their errors. */
  #projectFields(prefix, error, project) {
    return html`<label for="${prefix}-name">Name</label>
      <input id="${prefix}-name" name="name" required maxlength="100" .value=${project?.name ?? ''}
        data-test="${prefix}-name-input" aria-invalid=${invalid(error, 'name')} aria-describedby="${prefix}-name-error">
      <lumiku-field-error id="${prefix}-name-error" .error=${error} field="name"></lumiku-field-error>
      <label for="${prefix}-description">Description${project ? '' : ' (optional)'}</label>
      <input id="${prefix}-description" name="description" maxlength="500" .value=${project?.description ?? ''}
        aria-invalid=${invalid(error, 'description')} aria-describedby="${prefix}-description-error">
      <lumiku-field-error id="${prefix}-description-error" .error=${error} field="description"></lumiku-field-error>
      <lumiku-error .error=${error} .fields=${['name', 'description']}></lumiku-error>`;
  }

  #projectList() {
    if (this.projectsError) {
      return html`<lumiku-error .error=${this.projectsError}></lumiku-error>
        <button type="button" class="secondary" @click=${() => this.#loadProjects()}>Try again</button>`;
    }
    if (!this.projects) {
      return html`<lumiku-loading label="Loading your projects…"></lumiku-loading>`;
    }
    return this.projects.length === 0
      ? html`<p class="hint">No projects yet: create your first one below.</p>`
      : html`<ul class="project-list" data-test="projects">${this.projects.map((p) => html`<li>
          <a href="#/${APP_ID}/projects/${p.id}" aria-current=${p.id === this.#projectId ? 'page' : 'false'}
            data-test="project-link" data-project-name=${p.name}>${p.name}</a></li>`)}</ul>`;
  }

  #createForm() {
    return html`<form class="stack" @submit=${this.#create} data-test="project-create-form">
      <h2>New project</h2>
      ${this.#projectFields('project', this.createError)}
      <button type="submit" ?disabled=${this.busy} data-test="project-create-submit">Create project</button>
    </form>`;
  }

  #projectHeader(project) {
    if (this.editing) {
      return html`<form class="stack panel" @submit=${this.#rename} data-test="project-rename-form">
        ${this.#projectFields('project-edit', this.editError, project)}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Save</button>
          <button type="button" class="secondary" @click=${() => { this.editing = false; this.editError = null; }}>Cancel</button></div>
      </form>`;
    }
    return html`<section class="panel">
      <div class="split">
        <div><h1 tabindex="-1" data-test="project-title">${project.name}</h1>
          ${project.description ? html`<p class="muted">${project.description}</p>` : nothing}</div>
        ${this.confirmingDelete
          ? nothing
          : html`<div class="actions">
              <button type="button" class="secondary small" @click=${() => { this.editing = true; }} data-test="project-rename">Rename</button>
              <button type="button" class="danger small" @click=${() => { this.confirmingDelete = true; }} data-test="project-delete">Delete</button>
            </div>`}
      </div>
      ${this.confirmingDelete
        ? html`<p class="notice" role="alert">Delete ${project.name} with all its avatars? Orders not started yet are
            canceled and refunded. This cannot be undone.</p>
          <div class="actions"><button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.#delete()}
            data-test="project-delete-confirm">Delete project</button>
            <button type="button" class="secondary" @click=${() => { this.confirmingDelete = false; }}>Keep it</button></div>`
        : nothing}
      <lumiku-error .error=${this.editError}></lumiku-error>
    </section>`;
  }

  #order(g) {
    const name = g.result?.name ?? orderNames.get(g.id) ?? `Avatar ordered ${dateTime(g.createdAt)}`;
    const ended = isTerminal(g.status);
    return html`<li class="tile" data-test="order" data-generation-id=${g.id} data-status=${g.status}>
      <div class="placeholder" aria-hidden="true">${ended ? '' : g.status === 'pending' ? 'Waiting' : 'Drawing'}</div>
      <span class="name">${name}</span>
      <span class="status ${g.status}" data-test="order-status">${statusText(g)}</span>
      ${ended ? nothing : html`<progress max="100" value=${g.progress} aria-label="Progress of ${name}" data-test="order-progress"></progress>`}
      ${g.status === 'pending'
        ? html`<button type="button" class="secondary small" @click=${() => this.#cancel(g)} data-test="order-cancel">Cancel</button>`
        : nothing}
      ${ended ? html`<button type="button" class="secondary small" @click=${() => this.#dismiss(g)} data-test="order-dismiss">Dismiss</button>` : nothing}
      <lumiku-error .error=${g.cancelError} data-test="order-error"></lumiku-error>
    </li>`;
  }

  #orders() {
    const shown = [...this.orders.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return shown.length === 0
      ? nothing
      : html`<section class="panel" aria-labelledby="orders-title">
          <h2 id="orders-title">Under way</h2>
          <p class="hint">Orders from all your projects. Finished avatars appear in their project.</p>
          <ul class="gallery" data-test="orders">${shown.map((g) => this.#order(g))}</ul>
        </section>`;
  }

  #main() {
    if (!this.#projectId) {
      return html`<section class="panel"><h1 tabindex="-1">Avatar Creator</h1>
        <p>Avatars drawn from your words, a persona and looks, or a preset, or made of your own pictures.
          Choose a project${this.projects?.length ? '' : ' (create one first)'} to start.</p></section>
        ${this.#orders()}`;
    }
    if (this.projectError) {
      return html`<section class="panel"><h1 tabindex="-1">Project</h1>
        <lumiku-error .error=${this.projectError.status === 404 ? null : this.projectError}></lumiku-error>
        ${this.projectError.status === 404 ? html`<p class="empty">This project does not exist (any more). Choose another one.</p>` : nothing}
      </section>`;
    }
    if (!this.project) {
      return html`<lumiku-loading label="Loading the project…"></lumiku-loading>`;
    }
    return html`${this.#projectHeader(this.project)}
      <lumiku-avatar-order .projectId=${this.#projectId} .costs=${this.costs}
        @ordered=${this.#ordered} @uploaded=${this.#uploaded}></lumiku-avatar-order>
      ${this.#orders()}
      <lumiku-avatar-gallery .projectId=${this.#projectId}></lumiku-avatar-gallery>`;
  }

  render() {
    return html`<div class="studio ${this.#projectId ? 'has-project' : ''}">
      <aside class="panel" aria-label="Projects">
        <h2>Projects</h2>
        ${this.#projectList()}
        ${this.#createForm()}
      </aside>
      <div class="stack">${this.#main()}</div>
    </div>
    <p class="visually-hidden" role="status" aria-live="polite" data-test="announcement">${this.announcement ?? ''}</p>`;
  }
}
customElements.define('lumiku-avatar-creator', AvatarCreatorPage);
