/**
 * The account (#/account): who is signed in, and log out. Logging out ends the session on the
 * server (its access and refresh tokens are revoked, on every instance) and forgets it here.
 */
import { html, nothing } from 'lit';
import { session } from '../shared/session.js';
import { navigate } from '../shared/router.js';
import { SessionElement } from '../shared/components.js';
import { credits } from '../shared/format.js';
import { logOut } from '../shared/api.js';

class AccountPage extends SessionElement {
  static properties = { leaving: { state: true } };

  async #logOut() {
    this.leaving = true;
    await logOut();
    navigate('/login', { replace: true });
  }

  render() {
    const user = session.user;
    return html`<section class="panel narrow">
      <h1 tabindex="-1">Your account</h1>
      ${user
        ? html`<dl class="facts">
            <dt>Name</dt><dd data-test="account-name">${user.name}</dd>
            <dt>Email</dt><dd data-test="account-email">${user.email}</dd>
            <dt>Balance</dt><dd>${credits(user.credits)} · <a href="#/credits">history and buying</a></dd>
            ${user.role === 'admin' ? html`<dt>Role</dt><dd>Operator (admin)</dd>` : nothing}
          </dl>`
        : html`<lumiku-loading label="Loading your account…"></lumiku-loading>`}
      <button type="button" class="secondary" @click=${this.#logOut} ?disabled=${this.leaving}
        data-test="logout">Log out</button>
      <p class="hint">Logging out ends your session, here and for anyone who copied it.</p>
    </section>`;
  }
}
customElements.define('lumiku-account', AccountPage);
