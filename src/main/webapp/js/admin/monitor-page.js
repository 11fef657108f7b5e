/**
 * The queue monitor (#/admin): GET /api/health/queues and /api/health/workers every 2.5 s (a monitor
 * polls the broker's figures; there is no stream of them, and it is one request pair per page, not
 * per job), as tables and live uPlot charts of the last 5 minutes: waiting, being processed and
 * dead-lettered per queue, and per kind of worker its consumers and what it processed in the last
 * hour. Problems are said in words on their row (data-test="queue-problem"/"worker-problem"): a
 * queue without consumers (nothing takes its messages; readiness is DOWN too), or a backlog of more
 * than 100 waiting. Polling pauses while the tab is hidden.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api } from '../shared/api.js';
import { LightElement, userMessage } from '../shared/components.js';
import { dateTime } from '../shared/format.js';
import { COLOURS, LiveChart } from './live-chart.js';
import './admin-nav.js';

const EVERY_MS = 2500;
const BACKLOG_LIMIT = 100;
const KEEP_POINTS = 120; // 5 minutes at 2.5 s

/** What is wrong with a queue, in words (empty: nothing). */
export function queueProblems(queue) {
  const problems = [];
  if (queue.consumers === 0) {
    problems.push(queue.waiting > 0
      ? `No consumers: ${queue.waiting} waiting and nothing takes them.`
      : 'No consumers: new work would wait here.');
  }
  if (queue.waiting > BACKLOG_LIMIT) {
    problems.push(`Backlog: ${queue.waiting} waiting, more than ${BACKLOG_LIMIT}.`);
  }
  return problems;
}

function workerProblems(worker) {
  return worker.consumers === 0 ? ['No consumers: this kind of work is not being done.'] : [];
}

function age(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  return seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
}

class MonitorPage extends LightElement {
  static properties = {
    queues: { state: true },
    workers: { state: true },
    error: { state: true },
    updatedAt: { state: true },
  };

  #timer = null;
  #polling = false;
  #charts = new Map();
  #throughput = null;
  #visibility = () => {
    if (!document.hidden && this.#timer === null && !this.#polling) {
      this.#poll();
    }
  };

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#visibility);
    this.#poll();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#visibility);
    clearTimeout(this.#timer);
    this.#timer = null;
    for (const chart of this.#charts.values()) {
      chart.destroy();
    }
    this.#charts.clear();
    this.#throughput?.destroy();
    this.#throughput = null;
  }

  async #poll() {
    this.#timer = null;
    if (document.hidden || !this.isConnected || this.#polling) {
      return; // resumed by visibilitychange; or a read is already under way
    }
    this.#polling = true;
    try {
      const [queues, workers] = await Promise.all([api('health/queues'), api('health/workers')]);
      this.queues = queues;
      this.workers = workers;
      this.error = null;
      this.updatedAt = new Date();
    } catch (error) {
      this.error = error;
    } finally {
      this.#polling = false;
    }
    if (this.isConnected) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#poll(), EVERY_MS);
    }
  }

  updated() {
    if (!this.queues || !this.workers || this.error) {
      return;
    }
    const now = this.updatedAt.getTime() / 1000;
    for (const queue of this.queues) {
      let chart = this.#charts.get(queue.name);
      const box = this.querySelector(`[data-chart-queue="${CSS.escape(queue.name)}"]`);
      if (!chart && box) {
        chart = new LiveChart(box, {
          title: queue.name,
          label: `Chart of ${queue.name}: waiting, being processed and dead-lettered messages over the last minutes (figures in the table above).`,
          series: [
            { label: 'waiting', stroke: COLOURS[0] },
            { label: 'being processed', stroke: COLOURS[1] },
            { label: 'dead-lettered', stroke: COLOURS[2] },
          ],
          keep: KEEP_POINTS,
        });
        this.#charts.set(queue.name, chart);
      }
      if (chart && chart.lastPushed !== now) {
        chart.lastPushed = now;
        chart.push(now, [queue.waiting, queue.active, queue.deadLettered]);
      }
    }
    const box = this.querySelector('[data-chart="throughput"]');
    if (!this.#throughput && box) {
      this.#throughput = new LiveChart(box, {
        title: 'Processed in the last hour, per kind of worker',
        label: 'Chart of the jobs each kind of worker processed in the last hour, over the last minutes (figures in the table above).',
        series: this.workers.map((w, i) => ({ label: w.name, stroke: COLOURS[i % COLOURS.length] })),
        keep: KEEP_POINTS,
      });
      this.#throughput.names = this.workers.map((w) => w.name);
    }
    if (this.#throughput && this.#throughput.lastPushed !== now) {
      this.#throughput.lastPushed = now;
      this.#throughput.push(now, this.#throughput.names.map((name) => this.workers.find((w) => w.name === name)?.processedLastHour ?? null));
    }
  }

  #queueRow(q) {
    const problems = queueProblems(q);
    return html`<tr data-test=${problems.length ? 'queue-problem' : 'queue-row'} data-queue=${q.name} class=${problems.length ? 'problem' : ''}>
      <th scope="row">${q.name}</th>
      <td class="amount" data-label="consumers">${q.consumers}</td>
      <td class="amount" data-label="waiting">${q.waiting}</td>
      <td class="amount" data-label="being processed">${q.active}</td>
      <td class="amount" data-label="scheduled">${q.scheduled}</td>
      <td class="amount" data-label="dead-lettered">${q.deadLettered}</td>
      <td class="amount" data-label="oldest waiting">${age(q.oldestWaitingSeconds)}</td>
      <td data-test="queue-state">${problems.length
        ? html`<strong class="bad">Problem:</strong> ${problems.join(' ')}`
        : html`<span class="ok">OK</span>${q.deadLettered > 0 ? html` <span class="warn">(${q.deadLettered} dead-lettered)</span>` : nothing}`}</td>
    </tr>`;
  }

  #workerRow(w) {
    const problems = workerProblems(w);
    return html`<tr data-test=${problems.length ? 'worker-problem' : 'worker-row'} data-worker=${w.name} class=${problems.length ? 'problem' : ''}>
      <th scope="row">${w.name}</th>
      <td class="amount" data-label="consumers">${w.consumers} / ${w.maxConcurrency}</td>
      <td class="amount" data-label="processed (1 h)">${w.processedLastHour}</td>
      <td class="amount" data-label="failed (1 h)">${w.failedLastHour}</td>
      <td data-label="last activity">${w.lastActivityAt ? dateTime(w.lastActivityAt) : 'none yet'}</td>
      <td>${problems.length ? html`<strong class="bad">Problem:</strong> ${problems.join(' ')}` : html`<span class="ok">OK</span>`}</td>
    </tr>`;
  }

  #summary() {
    const queueIssues = this.queues.filter((q) => queueProblems(q).length);
    const workerIssues = this.workers.filter((w) => workerProblems(w).length);
    const count = queueIssues.length + workerIssues.length;
    return count === 0
      ? html`<p class="ok" data-test="monitor-summary">All ${this.queues.length} queues and ${this.workers.length} kinds of worker are working.</p>`
      : html`<p class="bad" data-test="monitor-summary"><strong>${count} ${count === 1 ? 'problem' : 'problems'}:</strong>
          ${[...queueIssues.map((q) => `${q.name}: ${queueProblems(q).join(' ')}`), ...workerIssues.map((w) => `${w.name} workers: ${workerProblems(w).join(' ')}`)].join(' · ')}</p>`;
  }

  render() {
    const loaded = this.queues && this.workers;
    return html`
      <admin-nav current="monitor"></admin-nav>
      <section class="panel">
        <h1 tabindex="-1">Queues and workers</h1>
        <p class="hint">Read from the broker and the database every ${EVERY_MS / 1000} s.
          ${this.updatedAt ? html`Last update ${this.updatedAt.toLocaleTimeString('en')}.` : nothing}</p>
        ${this.error
          ? html`<div class="alert" role="alert" data-test="monitor-error"><p>Could not refresh: ${userMessage(this.error)}
              ${loaded ? ' The figures below are from the last update.' : ''} Trying again every ${EVERY_MS / 1000} s.</p></div>`
          : nothing}
        ${!loaded
          ? (this.error ? nothing : html`<lumiku-loading label="Reading the queues…"></lumiku-loading>`)
          : html`<div role="status" aria-live="polite">${this.#summary()}</div>`}
      </section>
      ${loaded
        ? html`<section class="panel" aria-labelledby="queues-title">
            <h2 id="queues-title">Queues</h2>
            <div class="table-wrap"><table class="monitor row-heads" data-test="queues">
              <thead><tr><th scope="col">Queue</th><th scope="col" class="amount">Consumers</th><th scope="col" class="amount">Waiting</th>
                <th scope="col" class="amount">Being processed</th><th scope="col" class="amount">Scheduled</th>
                <th scope="col" class="amount">Dead-lettered</th><th scope="col" class="amount">Oldest waiting</th><th scope="col">State</th></tr></thead>
              <tbody>${this.queues.map((q) => this.#queueRow(q))}</tbody>
            </table></div>
            <div class="charts">
              ${repeat(this.queues, (q) => q.name, (q) => html`<div class="chart" data-chart-queue=${q.name}></div>`)}
            </div>
          </section>
          <section class="panel" aria-labelledby="workers-title">
            <h2 id="workers-title">Workers</h2>
            <div class="table-wrap"><table class="monitor row-heads" data-test="workers">
              <thead><tr><th scope="col">Kind</th><th scope="col" class="amount">Consumers / most</th><th scope="col" class="amount">Processed (1 h)</th>
                <th scope="col" class="amount">Failed (1 h)</th><th scope="col">Last activity</th><th scope="col">State</th></tr></thead>
              <tbody>${this.workers.map((w) => this.#workerRow(w))}</tbody>
            </table></div>
            <div class="charts"><div class="chart wide" data-chart="throughput"></div></div>
          </section>`
        : nothing}`;
  }
}
customElements.define('lumiku-admin-monitor', MonitorPage);
