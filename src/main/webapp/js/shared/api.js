/**
 * The HTTP API (/api, README): every request of the web app goes through here, with the session's
 * bearer token. Answers are parsed JSON (null for 204); failures throw an ApiError carrying the
 * problem+json fields, with a message fit to show (never exception text: the server sends none,
 * and a body that is not a problem gets a fixed sentence for its status).
 *
 * API:
 *   api(path, {method, body, form, headers, idempotencyKey, signal})  -> Promise<json|null>
 *       path under /api ('me', 'apps/avatar-creator/projects'); body is sent as JSON, form
 *       (FormData) as multipart; idempotencyKey sets Idempotency-Key.
 *   newIdempotencyKey()            a fresh key for one user action (reuse it when retrying it)
 *   download(path, fallbackName)   fetches a file with the token and saves it
 *   refreshUser()                  GET /api/me into the session
 *   refreshUserSoon()              the same, once for a burst of calls (e.g. live events that
 *                                  may have moved the balance: orders from another tab, refunds)
 *   freshToken({failed})           the access token, renewed first (POST /api/auth/refresh) when
 *                                  it expires within 30 s or is the one given as refused; null
 *                                  when signed out
 *   logOut()                       ends the session on the server (POST /api/auth/logout revokes
 *                                  the access token and the refresh tokens), then here
 *   ApiError                       {status, title, detail, type, errors: [{field, message}],
 *                                   retryAfter, message, fieldMessage(field), isPaymentRequired}
 * A 401 while signed in renews the access token once and repeats the request; a second 401, or a
 * refresh token the server refuses, means the session ended: it is dropped (the shell then asks to
 * sign in again). One refresh at a time, across tabs where the browser has Web Locks: a refresh
 * token works once, and the server ends a session whose used refresh token comes back.
 */
import { session } from './session.js';

const GENERIC = {
  0: 'Lumiku cannot be reached. Check your connection and try again.',
  400: 'The request was not accepted. Check what you entered.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found: it may have been deleted.',
  409: 'That conflicts with a change made meanwhile. Reload and try again.',
  413: 'That is too large.',
  415: 'That kind of file is not supported.',
  429: 'Too many requests. Please wait a moment and try again.',
  503: 'Lumiku is busy or partly unavailable right now. Nothing was charged; try again shortly.',
};

export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    super(ApiError.#text(status, problem, errors));
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? null;
    this.title = problem.title ?? null;
    this.detail = problem.detail ?? null;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  static #text(status, problem, errors) {
    if (status === 400 && errors.length > 0) {
      return 'Please correct the marked fields.';
    }
    if (typeof problem.detail === 'string' && problem.detail.trim() !== '') {
      return problem.detail;
    }
    if (GENERIC[status]) {
      return GENERIC[status];
    }
    return status >= 500
      ? 'Something went wrong on our side. Please try again.'
      : GENERIC[400];
  }

  /** The message for one field (or a nested field, 'persona.age'), or null. */
  fieldMessage(field) {
    return this.errors.find((e) => e.field === field)?.message ?? null;
  }

  /** Not enough credits (or quota) for what was asked: the user can buy more. */
  get isPaymentRequired() {
    return this.status === 402;
  }
}

/** A problem+json body, or {} if there is none (a proxy's page, an empty body). */
async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return {};
  }
  try {
    const body = await response.json();
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {};
  }
}

let refreshing = null;

/** Trades the refresh token for a new pair, unless another tab did so already (its pair is stored). */
async function renew(failed) {
  session.adoptStored();
  if (session.tokenFresh && session.token !== failed) {
    return session.token;
  }
  const used = session.refreshToken;
  if (!used) {
    return session.token;
  }
  let response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: used }),
    });
  } catch {
    return session.token; // offline: the request itself will say so
  }
  if (response.ok) {
    session.signIn(await response.json());
  } else if (response.status === 400 || response.status === 401) {
    session.adoptStored();
    if (session.refreshToken === used) {
      session.signOut(); // the session ended (logged out elsewhere, expired, or replayed)
    }
  }
  return session.token;
}

export function freshToken({ failed = null } = {}) {
  if (!session.signedIn) {
    return Promise.resolve(null);
  }
  if (session.tokenFresh && session.token !== failed) {
    return Promise.resolve(session.token);
  }
  if (!refreshing) {
    const run = () => renew(failed);
    refreshing = (navigator.locks ? navigator.locks.request('lumiku-session-refresh', run) : run())
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

async function send(path, options = {}, retried = false) {
  const { method = 'GET', body, form, headers = {}, idempotencyKey, signal } = options;
  const all = { Accept: 'application/json', ...headers };
  const token = await freshToken();
  if (token) {
    all.Authorization = `Bearer ${token}`;
  }
  if (idempotencyKey) {
    all['Idempotency-Key'] = idempotencyKey;
  }
  let payload;
  if (form) {
    payload = form; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    all['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/${path}`, { method, headers: all, body: payload, signal });
  } catch (failure) {
    if (failure?.name === 'AbortError') {
      throw failure;
    }
    throw new ApiError(0);
  }
  if (!response.ok) {
    if (response.status === 401 && token && !retried && session.refreshToken) {
      if ((await freshToken({ failed: token })) && session.token !== token) {
        response.body?.cancel().catch(() => {});
        return send(path, options, true);
      }
    }
    const problem = await problemOf(response);
    if (response.status === 401 && token && session.token === token) {
      session.signOut();
    }
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    throw new ApiError(response.status, problem, Number.isNaN(retryAfter) ? null : retryAfter);
  }
  return response;
}

export async function api(path, options = {}) {
  const response = await send(path, options);
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text === '' ? null : JSON.parse(text);
}

export function newIdempotencyKey() {
  return crypto.randomUUID
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The file name of a Content-Disposition header, or null. */
function fileNameOf(disposition) {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition || '');
  if (!match) {
    return null;
  }
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * Downloads a file the API serves only with the token (a plain link cannot send it): fetched, then
 * saved under the name the server gives.
 */
export async function download(path, fallbackName) {
  const response = await send(path, { headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition')) || fallbackName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function logOut() {
  if (session.signedIn) {
    try {
      await api('auth/logout', { method: 'POST', body: { refreshToken: session.refreshToken } });
    } catch {
      // already ended, or the server is away: this browser forgets the session all the same
    }
  }
  session.signOut();
}

export async function refreshUser() {
  const user = await api('me');
  if (session.signedIn) {
    session.setUser(user);
  }
  return user;
}

let soon = null;

export function refreshUserSoon() {
  clearTimeout(soon);
  soon = setTimeout(() => {
    if (session.signedIn) {
      refreshUser().catch(() => {}); // the next answer that states the balance corrects it
    }
  }, 500);
}
