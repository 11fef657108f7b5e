/**
 * A listing read a page at a time ({items, nextCursor} answers, README), for "Show more" lists.
 * A lit reactive controller: the host renders again whenever something changes.
 *
 * API:
 *   const list = new PagedList(host, (cursor) => `credits/transactions?limit=20${cursor ? `&cursor=${cursor}` : ''}`)
 *   list.reload()   the first page again (replaces the items)
 *   list.more()     the next page (appended)
 *   list.items, list.hasMore, list.loading, list.error (an ApiError), list.loaded (first page came)
 *   list.replace(fn) change the items in place (fn(items) -> items), e.g. after an edit
 */
import { api } from './api.js';

export class PagedList {
  items = [];
  hasMore = false;
  loading = false;
  loaded = false;
  error = null;
  #cursor = null;
  #path;
  #host;
  #generation = 0;

  constructor(host, path) {
    this.#host = host;
    this.#path = path;
    host.addController(this);
  }

  hostConnected() {}

  reload() {
    this.#cursor = null;
    return this.#fetch(true);
  }

  more() {
    return this.hasMore && !this.loading ? this.#fetch(false) : Promise.resolve();
  }

  replace(change) {
    this.items = change(this.items);
    this.#host.requestUpdate();
  }

  async #fetch(fresh) {
    const generation = ++this.#generation; // a newer reload wins over an older answer
    this.loading = true;
    this.error = null;
    this.#host.requestUpdate();
    try {
      const page = await api(this.#path(fresh ? null : encodeURIComponent(this.#cursor)));
      if (generation !== this.#generation) {
        return;
      }
      this.items = fresh ? page.items : [...this.items, ...page.items];
      this.#cursor = page.nextCursor;
      this.hasMore = Boolean(page.nextCursor);
      this.loaded = true;
    } catch (error) {
      if (generation === this.#generation) {
        this.error = error;
      }
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }
}
