/**
 * <admin-nav current="monitor">: the operators' pages (routes with admin: true), as a second
 * navigation under the header's "Admin" link. Every admin endpoint answers 403 to other users;
 * these pages are shown to accounts with the role admin only (app.js).
 */
import { html } from 'lit';
import { LightElement } from '../shared/components.js';

const PAGES = [
  ['monitor', '/admin', 'Queues'],
  ['reconciliation', '/admin/reconciliation', 'Reconciliation'],
  ['users', '/admin/users', 'Users'],
  ['payments', '/admin/payments', 'Payments'],
  ['pose-requests', '/admin/pose-requests', 'Pose requests'],
  ['pose-library', '/admin/pose-library', 'Pose library'],
];

class AdminNav extends LightElement {
  static properties = { current: {} };

  render() {
    return html`<nav class="admin-nav" aria-label="Operators">
      <ul>${PAGES.map(([id, path, label]) => html`<li><a href="#${path}" data-test="admin-nav-${id}"
        aria-current=${id === this.current ? 'page' : 'false'}>${label}</a></li>`)}</ul>
    </nav>`;
  }
}
customElements.define('admin-nav', AdminNav);
