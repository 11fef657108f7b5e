/**
 * The dashboard (#/): the apps and their prices from GET /api/apps (public, so visitors see them
 * before registering), the balance, and the way to each app's page.
 */
import { html, nothing } from 'lit';
import { api } from '../shared/api.js';
import { session } from '../shared/session.js';
import { SessionElement } from '../shared/components.js';
import { credits } from '../shared/format.js';
import { hasPage } from '../routes.js';

function operation(name) {
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/[-_]/g, ' ');
}

class DashboardPage extends SessionElement {
  static properties = { apps: { state: true }, error: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  async #load() {
    this.error = null;
    try {
      this.apps = await api('apps');
    } catch (error) {
      this.error = error;
    }
  }

  #app(app) {
    const open = app.enabled && hasPage(app.id);
    return html`<li class="card app-card" data-test="app-${app.id}">
      <h2>${app.name}</h2>
      <p>${app.description}</p>
      <ul class="prices" aria-label="Prices">
        ${Object.entries(app.costs ?? {}).map(
          ([name, cost]) => html`<li>${operation(name)}: <strong>${cost === 0 ? 'free' : credits(cost)}</strong></li>`)}
      </ul>
      ${!app.enabled
        ? html`<p class="muted">Unavailable at the moment.</p>`
        : !session.signedIn
          ? nothing
          : open
            ? html`<a class="button" href="#/${app.id}" data-test="open-${app.id}">Open ${app.name}</a>`
            : html`<p class="muted">This app is not in the web app yet.</p>`}
    </li>`;
  }

  render() {
    const user = session.user;
    return html`
      <section class="intro">
        <h1 tabindex="-1">${session.signedIn ? `Hello${user ? `, ${user.name}` : ''}` : 'Lumiku'}</h1>
        ${session.signedIn
          ? html`<p>You have <strong>${session.balance === null ? '…' : credits(session.balance)}</strong>.
              <a href="#/credits/buy" data-test="dashboard-buy">Buy credits</a></p>`
          : html`<p>AI avatars and poses, paid with credits. New accounts get free welcome credits.</p>
              <p class="actions"><a class="button" href="#/register" data-test="dashboard-register">Create an account</a>
              <a class="button secondary" href="#/login">Log in</a></p>`}
      </section>
      <lumiku-error .error=${this.error}></lumiku-error>
      ${this.error
        ? html`<button type="button" class="secondary" @click=${() => this.#load()}>Try again</button>`
        : !this.apps
          ? html`<lumiku-loading label="Loading the apps…"></lumiku-loading>`
          : this.apps.length === 0
            ? html`<p class="empty">No apps are offered right now.</p>`
            : html`<ul class="cards" data-test="apps">${this.apps.map((app) => this.#app(app))}</ul>`}`;
  }
}
customElements.define('lumiku-dashboard', DashboardPage);
