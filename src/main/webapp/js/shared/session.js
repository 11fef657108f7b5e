/**
 * The signed-in user, in ONE place: the token that authenticates every request and stream, the
 * account (GET /api/me) and its balance. Where the token is kept (today localStorage, so a reload
 * or a new tab stays signed in, and the payment return page can read it) is decided here only.
 *
 * API:
 *   session.token           the bearer token, or null (an expired one counts as none)
 *   session.user            {id, email, name, role, credits} once known, else null
 *   session.signedIn        whether there is a token
 *   session.isAdmin         whether the user has the role admin
 *   session.balance         the credits last seen (user.credits), or null
 *   session.signIn({token, user})   after register/login
 *   session.setUser(user)           after GET /api/me
 *   session.setBalance(n)           after any answer that states the balance (creditBalance)
 *   session.signOut()               drops the token (the server has no revocation yet)
 *   session.subscribe(fn)           fn() after every change; returns the unsubscribe function
 */
const TOKEN_KEY = 'lumiku.token';

/** The token's expiry (seconds since the epoch) from its payload, or null if unreadable. */
function expiryOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(payload)).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

function storedToken() {
  let token = null;
  try {
    token = localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled: signed out, and sign-in lasts for this page only
  }
  const exp = token && expiryOf(token);
  if (token && exp !== null && exp * 1000 <= Date.now()) {
    localStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

class Session {
  #token = storedToken();
  #user = null;
  #listeners = new Set();

  get token() {
    if (this.#token) {
      const exp = expiryOf(this.#token);
      if (exp !== null && exp * 1000 <= Date.now()) {
        this.signOut();
      }
    }
    return this.#token;
  }

  get user() {
    return this.#user;
  }

  get signedIn() {
    return Boolean(this.token);
  }

  get isAdmin() {
    return this.#user?.role === 'admin';
  }

  get balance() {
    return this.#user ? this.#user.credits : null;
  }

  signIn({ token, user }) {
    this.#token = token;
    this.#user = user ?? null;
    try {
      localStorage.setItem(TOKEN_KEY, token);
    } catch {
      // storage disabled: the session lasts while the page is open
    }
    this.#changed();
  }

  setUser(user) {
    this.#user = user;
    this.#changed();
  }

  setBalance(credits) {
    if (this.#user && typeof credits === 'number' && this.#user.credits !== credits) {
      this.#user = { ...this.#user, credits };
      this.#changed();
    }
  }

  signOut() {
    const was = this.#token !== null;
    this.#token = null;
    this.#user = null;
    try {
      localStorage.removeItem(TOKEN_KEY);
    } catch {
      // nothing stored
    }
    if (was) {
      this.#changed();
    }
  }

  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed() {
    for (const listener of [...this.#listeners]) {
      listener();
    }
  }
}

export const session = new Session();

// Another tab signed in or out: follow it.
window.addEventListener('storage', (event) => {
  if (event.key !== TOKEN_KEY) {
    return;
  }
  if (event.newValue) {
    session.signIn({ token: event.newValue, user: null });
  } else {
    session.signOut();
  }
});
