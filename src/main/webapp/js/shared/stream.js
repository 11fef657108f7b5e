/**
 * Live updates: the server-sent-event streams of the API read with fetch(), so they carry the same
 * bearer token as every other request (EventSource cannot send a header; see README "Web app").
 * A stream that breaks or ends is opened again with back-off and Last-Event-ID; the server sends
 * the current state whenever a stream opens, so a reconnect loses nothing.
 *
 * Events (GenerationsResource, LiveGenerations): `event:` a generation status (pending,
 * processing, completed, partial, failed, canceled) with the generation as data, or `job` with a
 * job that ended (its result holds imageUrl/thumbnailUrl).
 *
 * API:
 *   followGeneration(id, {onGeneration(g), onJob(job), onError(apiError)}) -> {close()}
 *       one generation's stream; it ends by itself when the generation ends.
 *   watchGenerations({onGeneration(g), onJob(job), onError(apiError), onReopen()}) -> unsubscribe()
 *       every generation of the user, over ONE shared connection per page (opened with the first
 *       watcher, closed with the last): a browser allows six connections per server over
 *       HTTP/1.1, so a page must not open a stream per thing it follows. On connecting, the server
 *       sends the user's unfinished generations only: onReopen() (after a reconnect) is where a
 *       page re-reads what it still shows as under way, which may have ended meanwhile.
 *   openStream(path, {onEvent({type, data, id}), onOpen(reopened), onError(apiError), reconnect()})
 *       -> {close()}; the general form. reconnect() says whether to open again after an end.
 *   EventStreamParser: push(text) -> [{type, data, id, retry}]  (text/event-stream framing)
 *   isTerminal(status)
 */
import { ApiError, freshToken } from './api.js';
import { session } from './session.js';

const TERMINAL = new Set(['completed', 'partial', 'failed', 'canceled']);
const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 30_000;

export function isTerminal(status) {
  return TERMINAL.has(status);
}

/** The framing of text/event-stream (HTML Living Standard, "server-sent events"). */
export class EventStreamParser {
  #buffer = '';
  #data = [];
  #type = '';
  lastEventId = '';

  /** Takes the next piece of the stream; returns the events it completed. */
  push(text) {
    this.#buffer += text;
    const events = [];
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer[i];
      if (c !== '\n' && c !== '\r') {
        continue;
      }
      if (c === '\r' && i === this.#buffer.length - 1) {
        break; // a CR at the end may be the first half of CRLF: wait for the next piece
      }
      this.#line(this.#buffer.slice(start, i), events);
      if (c === '\r' && this.#buffer[i + 1] === '\n') {
        i++;
      }
      start = i + 1;
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #line(line, events) {
    if (line === '') {
      if (this.#data.length > 0) {
        events.push({ type: this.#type || 'message', data: this.#data.join('\n'), id: this.lastEventId });
      }
      this.#data = [];
      this.#type = '';
      return;
    }
    if (line.startsWith(':')) {
      return; // a comment (the server's keep-alive)
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'data') {
      this.#data.push(value);
    } else if (field === 'event') {
      this.#type = value;
    } else if (field === 'id' && !value.includes('\0')) {
      this.lastEventId = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) {
      events.push({ type: 'retry', retry: Number(value) });
    }
  }
}

/** Answers that opening again would not change: stop and report them. */
const FINAL_STATUSES = new Set([400, 401, 403, 404, 410]);

export function openStream(path, { onEvent, onOpen = () => {}, onError = () => {}, reconnect = () => true }) {
  let closed = false;
  let controller = null;
  let timer = null;
  let delay = FIRST_DELAY_MS;
  let serverDelay = null;
  let lastEventId = '';
  let opens = 0;
  let renewed = false;

  const schedule = () => {
    if (closed || !reconnect() || !session.signedIn) {
      closed = true;
      return;
    }
    const wait = serverDelay ?? delay;
    delay = Math.min(delay * 2, LONGEST_DELAY_MS);
    timer = setTimeout(connect, wait + Math.random() * 250);
  };

  async function connect() {
    timer = null;
    if (closed) {
      return;
    }
    controller = new AbortController();
    const headers = { Accept: 'text/event-stream' };
    const token = await freshToken();
    if (closed) {
      return;
    }
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (lastEventId) {
      headers['Last-Event-ID'] = lastEventId;
    }
    let response;
    try {
      response = await fetch(`/api/${path}`, { headers, signal: controller.signal, cache: 'no-store' });
    } catch (failure) {
      if (!closed) {
        schedule();
      }
      return;
    }
    if (!response.ok || !(response.headers.get('Content-Type') || '').startsWith('text/event-stream')) {
      const status = response.ok ? 502 : response.status;
      response.body?.cancel().catch(() => {});
      if (status === 401 && token && !renewed) {
        const next = await freshToken({ failed: token });
        if (next && next !== token) {
          renewed = true; // the access token ended: once more with the renewed one
          schedule();
          return;
        }
      }
      if (FINAL_STATUSES.has(status)) {
        closed = true;
        if (status === 401 && session.token === token) {
          session.signOut();
        }
        onError(new ApiError(status));
      } else {
        schedule();
      }
      return;
    }
    const openedAt = Date.now();
    renewed = false;
    onOpen(opens++ > 0);
    const parser = new EventStreamParser();
    parser.lastEventId = lastEventId;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || closed) {
          break;
        }
        for (const event of parser.push(value)) {
          if (event.type === 'retry') {
            serverDelay = event.retry;
            continue;
          }
          delay = FIRST_DELAY_MS; // events arrive: the connection is good again
          lastEventId = event.id;
          try {
            onEvent(event);
          } catch (failure) {
            // one page's mistake must not end the stream every other watcher shares
            console.warn('A live update could not be shown', failure);
          }
        }
      }
    } catch {
      // cut off (network, server restart) or closed: opened again below unless closed
    }
    if (Date.now() - openedAt > 10_000) {
      delay = FIRST_DELAY_MS; // a stream that lasted (e.g. the server's 15-minute end) was a good one
    }
    if (!closed) {
      schedule();
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      controller?.abort();
    },
  };
}

/** Calls onGeneration / onJob with the parsed data of a generation stream's events. */
function dispatcher({ onGeneration = () => {}, onJob = () => {} }, onEnded = () => {}) {
  return (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return; // not ours to show
    }
    if (event.type === 'job') {
      onJob(data);
    } else {
      onGeneration(data);
      if (isTerminal(data.status)) {
        onEnded(data);
      }
    }
  };
}

export function followGeneration(id, handlers) {
  let ended = false;
  const stream = openStream(`generations/${encodeURIComponent(id)}/events`, {
    onEvent: dispatcher(handlers, () => {
      ended = true;
    }),
    onError: handlers.onError,
    reconnect: () => !ended,
  });
  return stream;
}

const watchers = new Set();
let shared = null;

export function watchGenerations(handlers) {
  watchers.add(handlers);
  if (!shared) {
    shared = openStream('generations/events', {
      onOpen: (reopened) => {
        if (reopened) {
          for (const watcher of [...watchers]) {
            watcher.onReopen?.();
          }
        }
      },
      onEvent: (event) => {
        for (const watcher of [...watchers]) {
          dispatcher(watcher)(event);
        }
      },
      onError: (error) => {
        for (const watcher of [...watchers]) {
          watcher.onError?.(error);
        }
        shared = null;
      },
    });
  }
  return () => {
    watchers.delete(handlers);
    if (watchers.size === 0 && shared) {
      shared.close();
      shared = null;
    }
  };
}

// Signing out ends every stream of the user.
session.subscribe(() => {
  if (!session.signedIn && shared) {
    shared.close();
    shared = null;
    watchers.clear();
  }
});
