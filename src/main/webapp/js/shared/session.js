/**
 * The signed-in user, in ONE place: the tokens that authenticate every request and stream, the
 * account (GET /api/me) and its balance. A session is a short-lived access token (the Bearer token,
 * 30 minutes) and a refresh token that api.js trades, once, for the next pair. Both are kept in
 * localStorage, so a reload or a new tab stays signed in and the payment return page can read them;
 * tabs follow each other's changes (a refresh in one tab hands the new pair to the others).
 *
 * API:
 *   session.token           the access token, or null (it may have expired: api.js refreshes it)
 *   session.refreshToken    the refresh token, or null
 *   session.tokenFresh      whether the access token is valid for at least another 30 s
 *   session.user            {id, email, name, role, credits} once known, else null
 *   session.signedIn        whether there is a session (a valid access token or a refresh token)
 *   session.isAdmin         whether the user has the role admin
 *   session.balance         the credits last seen (user.credits), or null
 *   session.signIn({token, refreshToken, user})   after register, login or refresh
 *   session.adoptStored()           takes the pair another tab stored; true if it differs
 *   session.setUser(user)           after GET /api/me
 *   session.setBalance(n)           after any answer that states the balance (creditBalance)
 *   session.signOut()               forgets the session here (api.js logOut() also ends it on the
 *                                   server)
 *   session.subscribe(fn)           fn() after every change; returns the unsubscribe function
 */
const TOKEN_KEY = 'lumiku.token';
const REFRESH_KEY = 'lumiku.refresh';
const MARGIN_MS = 30_000;

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

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: signed out, and sign-in lasts for this page only
  }
}

function write(key, value) {
  try {
    if (value) {
      localStorage.setItem(key, value);
    } else {
      localStorage.removeItem(key);
    }
  } catch {
    // storage disabled: the session lasts while the page is open
  }
}

function expired(token, marginMs = 0) {
  const exp = token && expiryOf(token);
  return !token || (exp !== null && exp * 1000 <= Date.now() + marginMs);
}

class Session {
  #token = read(TOKEN_KEY);
  #refreshToken = read(REFRESH_KEY);
  #user = null;
  #listeners = new Set();

  constructor() {
    if (!this.#refreshToken && expired(this.#token)) {
      this.#token = null; // an older version's token, or one that ended with nothing to renew it
      write(TOKEN_KEY, null);
    }
  }

  get token() {
    if (!this.#refreshToken && this.#token && expired(this.#token)) {
      this.signOut();
    }
    return this.#token;
  }

  get refreshToken() {
    return this.#refreshToken;
  }

  get tokenFresh() {
    return !expired(this.#token, MARGIN_MS);
  }

  get user() {
    return this.#user;
  }

  get signedIn() {
    return Boolean(this.#refreshToken || this.token);
  }

  get isAdmin() {
    return this.#user?.role === 'admin';
  }

  get balance() {
    return this.#user ? this.#user.credits : null;
  }

  signIn({ token, refreshToken, user }) {
    this.#token = token;
    this.#refreshToken = refreshToken ?? null;
    this.#user = user ?? this.#user;
    write(TOKEN_KEY, token);
    write(REFRESH_KEY, this.#refreshToken);
    this.#changed();
  }

  adoptStored() {
    const token = read(TOKEN_KEY);
    const refreshToken = read(REFRESH_KEY);
    if (token === this.#token && refreshToken === this.#refreshToken) {
      return false;
    }
    this.#token = token;
    this.#refreshToken = refreshToken;
    if (!token && !refreshToken) {
      this.#user = null;
    }
    this.#changed();
    return true;
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
    const was = this.#token !== null || this.#refreshToken !== null;
    this.#token = null;
    this.#refreshToken = null;
    this.#user = null;
    write(TOKEN_KEY, null);
    write(REFRESH_KEY, null);
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

// Another tab signed in, refreshed or signed out: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === TOKEN_KEY || event.key === REFRESH_KEY || event.key === null) {
    session.adoptStored();
  }
});
