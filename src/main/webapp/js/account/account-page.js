/**
 * The account (#/account): who is signed in, and log out. The server cannot revoke a token yet
 * (issue 17), so logging out forgets it in this browser; the token itself stays valid until it
 * expires.
 */
import { html, nothing } from 'lit';
import { session } from '../shared/session.js';
import { navigate } from '../shared/router.js';
import { SessionElement } from '../shared/components.js';
import { credits } from '../shared/format.js';

class AccountPage extends SessionElement {
  #logOut() {
    session.signOut();
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
      <button type="button" class="secondary" @click=${this.#logOut} data-test="logout">Log out</button>
      <p class="hint">Logging out forgets your session in this browser.</p>
    </section>`;
  }
}
customElements.define('lumiku-account', AccountPage);
