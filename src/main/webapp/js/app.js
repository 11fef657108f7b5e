/**
 * The shell of the web app: the header (navigation, and only when signed in the balance and the
 * account link), and the page of the current route (routes.js), whose module is loaded on first
 * use. Pages that need a signed-in user send visitors to #/login?next=<path>.
 * A page element gets .params (from its path pattern) and .query (URLSearchParams); see routes.js
 * for reuse.
 */
import { html, nothing } from 'lit';
import { LightElement } from './shared/components.js';
import { session } from './shared/session.js';
import { refreshUser } from './shared/api.js';
import { currentLocation, match, navigate, onNavigate } from './shared/router.js';
import { entryPaths, routes } from './routes.js';

function resolve(path) {
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) {
      return { route, params };
    }
  }
  return null;
}

// Arrived at a server path that stands for a route: show that route at its own address.
const entry = entryPaths[window.location.pathname];
if (entry) {
  history.replaceState(null, '', `/#${entry(new URLSearchParams(window.location.search))}`);
}

class LumikuApp extends LightElement {
  static properties = { page: { state: true }, failed: { state: true } };

  #shown = null; // {route, key} of the page on screen
  #first = true;

  connectedCallback() {
    super.connectedCallback();
    this.unsubscribeSession = session.subscribe(() => this.#sessionChanged());
    this.unsubscribeRoutes = onNavigate(() => this.#show());
    if (session.signedIn) {
      this.#loadUser();
    }
    this.#show();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribeSession?.();
    this.unsubscribeRoutes?.();
  }

  async #loadUser() {
    try {
      await refreshUser();
    } catch {
      // a 401 signed the session out; otherwise the header shows '…' until the next answer
    }
  }

  #sessionChanged() {
    if (session.signedIn && !session.user && !this.loadingUser) {
      this.loadingUser = true;
      this.#loadUser().finally(() => {
        this.loadingUser = false;
      });
    }
    const route = this.#shown?.route;
    if (!session.signedIn && route && (route.auth || route.admin)) {
      this.#show(); // sends to the login page
    } else if (route?.admin && session.user && !session.isAdmin) {
      this.#show();
    }
    this.requestUpdate();
  }

  async #show() {
    const { path, query } = currentLocation();
    const found = resolve(path);
    this.failed = null;
    if (!found) {
      this.#shown = null;
      this.page = html`<section class="panel narrow"><h1 tabindex="-1">Page not found</h1>
        <p>There is no page at this address. <a href="#/">Go to the apps</a>.</p></section>`;
      return;
    }
    const { route, params } = found;
    if ((route.auth || route.admin) && !session.signedIn) {
      navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true });
      return;
    }
    if (route.admin && session.user && !session.isAdmin) {
      // The API refuses them anyway (403); the page says so instead of showing empty panels.
      this.#shown = null;
      this.page = html`<section class="panel narrow"><h1 tabindex="-1">For operators only</h1>
        <p>This page is for Lumiku's operators. <a href="#/">Go to the apps</a>.</p></section>`;
      return;
    }
    if ((route.path === '/login' || route.path === '/register') && session.signedIn) {
      navigate('/', { replace: true });
      return;
    }
    document.title = `${route.title} · Lumiku`;
    // A route marked reuse keeps its element across its paths and parameters (the element reacts
    // to .params); others get a new element for new parameters.
    const key = route.reuse ? route.tag : `${route.path}|${JSON.stringify(params)}|${route.tag}`;
    if (this.#shown?.key === key && this.page instanceof HTMLElement) {
      const moved = JSON.stringify(this.page.params) !== JSON.stringify(params);
      this.page.params = params;
      this.page.query = query; // same page, other options: it decides what changes
      this.#shown = { route, key };
      if (moved) {
        // another thing on the same page (e.g. another project): like a new page for the reader
        await this.page.updateComplete;
        (this.page.querySelector('h1') ?? this.querySelector('main'))?.focus({ preventScroll: true });
        window.scrollTo(0, 0);
      }
      return;
    }
    try {
      await route.load();
    } catch {
      this.failed = 'This page could not be loaded. Check your connection and reload.';
      return;
    }
    if (currentLocation().path !== path) {
      return; // navigated elsewhere while loading
    }
    const element = document.createElement(route.tag);
    for (const [name, value] of Object.entries(route.attrs ?? {})) {
      element.setAttribute(name, value);
    }
    element.params = params;
    element.query = query;
    this.#shown = { route, key };
    this.page = element;
    if (!this.#first) {
      await this.updateComplete;
      await element.updateComplete;
      (element.querySelector('h1') ?? this.querySelector('main'))?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
    this.#first = false;
  }

  #nav() {
    const { path } = currentLocation();
    return routes
      .filter((route) => route.nav && (!route.admin || session.isAdmin))
      .map((route) => {
        const current = route.path === '/' ? path === '/' : path === route.path || path.startsWith(`${route.path}/`);
        return html`<li><a href="#${route.path}" aria-current=${current ? 'page' : 'false'}
          data-test="nav-${route.path === '/' ? 'apps' : route.path.slice(1).replace(/\//g, '-')}">${route.nav}</a></li>`;
      });
  }

  render() {
    const signedIn = session.signedIn;
    return html`
      <a class="skip" href="#main" @click=${(e) => { e.preventDefault(); this.querySelector('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">Lumiku</a>
        ${signedIn ? html`<nav aria-label="Main"><ul>${this.#nav()}</ul></nav>` : nothing}
        <div class="who">
          ${signedIn
            ? html`<lumiku-balance></lumiku-balance>
                <a href="#/account" class="account-link" data-test="account-link">${session.user?.name ?? 'Account'}</a>`
            : html`<a href="#/login" data-test="nav-login">Log in</a>
                <a href="#/register" class="button small" data-test="nav-register">Register</a>`}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this.failed ? html`<div class="alert" role="alert"><p>${this.failed}</p></div>` : this.page ?? html`<lumiku-loading></lumiku-loading>`}
      </main>`;
  }
}
customElements.define('lumiku-app', LumikuApp);
