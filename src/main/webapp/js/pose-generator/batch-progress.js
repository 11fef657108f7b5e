/**
 * Live progress of a project's batches, pose by pose, without polling.
 *
 * BatchTracker (a lit reactive controller of the project page) follows its batches over the user's
 * one shared stream (stream.js watchGenerations: a `job` event per finished pose, then the batch's
 * state), picking out its batches by id: a stream per batch would use up the six connections a
 * browser allows per server over HTTP/1.1 after a few batches and stall every other request.
 * Poses that ended before the stream opened, or while it was reconnecting (the server tells a new
 * stream only what ends from then on), are read once from GET /api/generations/{id}/jobs whenever
 * the batch's counts say more poses ended than were seen; after a reconnect every batch still
 * shown under way is read again (it may have ended meanwhile).
 *   tracker.follow(generation, names)  starts following (names: the poses' names by position)
 *   tracker.adoptUnfinished(projectId) finds this project's batches under way (after a reload)
 *   tracker.batches                    newest first: {id, generation, names, jobs (Map by position), error}
 *   tracker.dismiss(id)                hides an ended batch
 * onResult(pose) gets each drawn pose as PoseResultView-like {id, generationId, poseId, poseName,
 * imageUrl, thumbnailUrl, seed, favorite, createdAt}.
 *
 * <pose-batch-progress .batch .projectId .tracker .version=${tracker.version}>: one batch: a polite live summary, a progress bar
 * and one row per pose (data-test="pose-progress", data-status), cancel while under way, and the
 * batch's ZIP once it has pictures.
 */
import { html, nothing } from 'lit';
import { api, download } from '../shared/api.js';
import { LightElement, userMessage } from '../shared/components.js';
import { credits } from '../shared/format.js';
import { session } from '../shared/session.js';
import { watchGenerations, isTerminal } from '../shared/stream.js';
import { APP, BASE } from './pose-words.js';

function endedJobs(batch) {
  return [...batch.jobs.values()].filter((job) => isTerminal(job.status)).length;
}

export class BatchTracker {
  batches = [];
  #host;
  #projectId;
  #onResult;
  #stopWatching = null;
  #rereading = new Set();

  constructor(host, projectId, onResult) {
    this.#host = host;
    this.#projectId = projectId;
    this.#onResult = onResult;
    host.addController(this);
  }

  hostConnected() {}

  /** Counts changes, so the rows (which get the same batch objects) know to render again. */
  version = 0;

  #changed() {
    this.version++;
    this.#host.requestUpdate();
  }

  hostDisconnected() {
    this.#stopWatching?.();
    this.#stopWatching = null;
  }

  #batch(id) {
    return this.batches.find((b) => b.id === id);
  }

  #watch() {
    if (this.#stopWatching) {
      return;
    }
    this.#stopWatching = watchGenerations({
      onGeneration: (g) => {
        const batch = this.#batch(g.id);
        if (batch) {
          this.#generation(batch, g);
        }
      },
      onJob: (job) => {
        const batch = this.#batch(job.generationId);
        if (batch) {
          this.#job(batch, job);
        }
      },
      onReopen: () => {
        for (const batch of this.batches) {
          if (!isTerminal(batch.generation.status)) {
            this.#refresh(batch);
          }
        }
      },
      onError: (error) => {
        for (const batch of this.batches) {
          batch.error = error;
        }
        this.#stopWatching = null;
        this.#changed();
      },
    });
  }

  /** The batch's state and poses read again (after a reconnect: it may have ended meanwhile). */
  async #refresh(batch) {
    try {
      this.#generation(batch, await api(`generations/${batch.id}`));
    } catch {
      // the next event or reconnect brings it
    }
    this.#reread(batch);
  }

  follow(generation, names = []) {
    if (this.batches.some((b) => b.id === generation.id)) {
      return;
    }
    const batch = { id: generation.id, generation, names, jobs: new Map(), error: null };
    this.batches = [batch, ...this.batches];
    this.#changed();
    if (isTerminal(generation.status)) {
      this.#reread(batch);
      return;
    }
    this.#watch();
    this.#refresh(batch); // what changed before the stream told this page
  }

  /** This project's batches that were under way when the page opened (e.g. after a reload). */
  async adoptUnfinished() {
    const found = [];
    for (const status of ['processing', 'pending']) {
      const page = await api(`generations?app=${APP}&status=${status}&limit=20`);
      found.push(...page.items);
    }
    for (const generation of found) {
      try {
        await api(`${BASE}/projects/${this.#projectId}/generations/${generation.id}`);
      } catch (error) {
        if (error.status === 404) {
          continue; // another project's batch
        }
        throw error;
      }
      this.follow(generation);
    }
  }

  dismiss(id) {
    this.batches = this.batches.filter((b) => b.id !== id);
    this.#changed();
  }

  async cancel(batch) {
    batch.cancelError = null;
    try {
      this.#generation(batch, await api(`generations/${batch.id}/cancel`, { method: 'POST' }));
    } catch (error) {
      batch.cancelError = error;
      this.#changed();
    }
  }

  #generation(batch, generation) {
    const before = batch.generation;
    batch.generation = generation;
    if (generation.jobsCompleted + generation.jobsFailed > endedJobs(batch)) {
      this.#reread(batch);
    }
    if (isTerminal(generation.status) && !isTerminal(before.status)) {
      if (generation.creditRefunded > 0) {
        api('credits').then((c) => session.setBalance(c.balance)).catch(() => {});
      }
    }
    this.#changed();
  }

  #job(batch, job) {
    const known = batch.jobs.get(job.position);
    if (known && isTerminal(known.status)) {
      return;
    }
    batch.jobs.set(job.position, job);
    if (job.status === 'completed' && job.result) {
      const r = job.result;
      if (r.poseName && !batch.names[job.position]) {
        batch.names[job.position] = r.poseName;
      }
      this.#onResult({
        id: r.poseResultId,
        generationId: batch.id,
        poseId: r.poseId,
        poseName: r.poseName,
        imageUrl: r.imageUrl,
        thumbnailUrl: r.thumbnailUrl,
        seed: r.seed,
        favorite: false,
        createdAt: job.completedAt,
      });
    }
    this.#changed();
  }

  /** Reads the batch's jobs once (not a poll: only when the counts show a gap). */
  async #reread(batch) {
    if (this.#rereading.has(batch.id)) {
      return;
    }
    this.#rereading.add(batch.id);
    try {
      const jobs = await api(`generations/${batch.id}/jobs`);
      for (const job of jobs) {
        this.#job(batch, job);
      }
    } catch {
      // the stream keeps the batch's own state; the rows catch up with the next change
    } finally {
      this.#rereading.delete(batch.id);
    }
  }
}

const POSE_STATUS = {
  queued: 'Waiting in the queue',
  drawing: 'In progress',
  pending: 'Waiting in the queue',
  processing: 'Being drawn',
  completed: 'Done',
  failed: 'Failed',
  canceled: 'Canceled',
};

const BATCH_STATUS = {
  pending: 'Waiting in the queue',
  processing: 'Being drawn',
  completed: 'Done',
  partial: 'Done, some poses failed',
  failed: 'Failed',
  canceled: 'Canceled',
};

class BatchProgress extends LightElement {
  static properties = {
    batch: { attribute: false },
    projectId: { attribute: false },
    tracker: { attribute: false },
    version: { attribute: false },
    zipError: { state: true },
    zipping: { state: true },
  };

  #poseStatus(position) {
    const job = this.batch.jobs.get(position);
    const status = this.batch.generation.status;
    if (job && (isTerminal(job.status) || job.status === 'processing')) {
      return job.status;
    }
    if (isTerminal(status)) {
      return status === 'canceled' ? 'canceled' : 'drawing';
    }
    return status === 'pending' ? 'queued' : 'drawing';
  }

  async #zip() {
    this.zipping = true;
    this.zipError = null;
    try {
      await download(`${BASE}/projects/${this.projectId}/generations/${this.batch.id}/download`, `poses-${this.batch.id}.zip`);
    } catch (error) {
      this.zipError = error;
    } finally {
      this.zipping = false;
    }
  }

  #summary(g) {
    const ended = g.jobsCompleted + g.jobsFailed;
    const parts = [`${g.jobsCompleted} of ${g.jobsTotal} poses done`];
    if (g.jobsFailed) {
      parts.push(`${g.jobsFailed} failed`);
    }
    if (g.status === 'pending' && g.queuePosition) {
      parts.push(`number ${g.queuePosition} in the queue`);
    }
    return `${BATCH_STATUS[g.status] ?? g.status}: ${parts.join(', ')}${ended === g.jobsTotal ? '.' : '…'}`;
  }

  #row(position) {
    const batch = this.batch;
    const job = batch.jobs.get(position);
    const status = this.#poseStatus(position);
    const name = batch.names[position] ?? job?.result?.poseName ?? `Pose ${position + 1}`;
    return html`<li class="pose-progress ${status}" data-test="pose-progress" data-status=${status} data-position=${position}>
      ${job?.result?.thumbnailUrl
        ? html`<img src=${job.result.thumbnailUrl} alt="${name}, drawn" width="48" height="48">`
        : html`<span class="dot" aria-hidden="true"></span>`}
      <span class="pose-name">${name}</span>
      <span class="status ${status}">${POSE_STATUS[status] ?? status}</span>
      ${status === 'failed' && job?.errorMessage ? html`<span class="hint">${job.errorMessage}${job.refunded ? ' Refunded.' : ''}</span>` : nothing}
    </li>`;
  }

  render() {
    const batch = this.batch;
    const g = batch.generation;
    const ended = isTerminal(g.status);
    return html`<article class="batch" data-test="batch" data-id=${batch.id} data-status=${g.status}>
      <div class="split">
        <p role="status" aria-live="polite" data-test="batch-summary">${this.#summary(g)}</p>
        <div class="actions">
          ${!ended
            ? html`<button type="button" class="secondary small" data-test="batch-cancel" ?disabled=${g.status !== 'pending'}
                title=${g.status !== 'pending' ? 'Poses being drawn cannot be canceled' : nothing}
                @click=${() => this.tracker.cancel(batch)}>Cancel batch</button>`
            : html`<button type="button" class="link" data-test="batch-dismiss" @click=${() => this.tracker.dismiss(batch.id)}>Hide</button>`}
        </div>
      </div>
      <progress max="100" .value=${g.progress} aria-label="Batch progress">${g.progress}%</progress>
      <ol class="pose-progress-list">${Array.from({ length: g.jobsTotal }, (_, i) => this.#row(i))}</ol>
      ${g.creditRefunded > 0 ? html`<p class="ok" data-test="batch-refunded">${credits(g.creditRefunded)} refunded for the poses that failed.</p>` : nothing}
      ${g.quotaRefunded > 0 ? html`<p class="ok">${g.quotaRefunded} poses given back to today's quota.</p>` : nothing}
      ${ended && g.status !== 'pending' && g.jobsCompleted > 0
        ? html`<button type="button" class="secondary small" data-test="batch-zip" ?disabled=${this.zipping} @click=${() => this.#zip()}>
            ${this.zipping ? 'Preparing the ZIP…' : 'Download the batch as ZIP'}</button>`
        : nothing}
      <lumiku-error .error=${this.zipError}></lumiku-error>
      <lumiku-error .error=${batch.cancelError}></lumiku-error>
      ${batch.error ? html`<p class="muted">Live updates stopped: ${userMessage(batch.error)} Reload the page to see the latest state.</p>` : nothing}
    </article>`;
  }
}
customElements.define('pose-batch-progress', BatchProgress);
