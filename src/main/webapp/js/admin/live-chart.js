/**
 * A small live line chart (uPlot, from its WebJar through the import map; its stylesheet is added
 * to the page once): a time axis and a few series, the last `keep` points, sized to its container.
 * The canvas says nothing to screen readers, so the container gets role="img" and a label, and the
 * pages show the same figures in a table.
 *
 * API: new LiveChart(container, {title, series: [{label, stroke}], height, keep, label})
 *      chart.push(timeSeconds, [value per series]) | chart.destroy()
 */
import uPlot from 'uplot';

const CSS = '/webjars/uplot/1.6.30/dist/uPlot.min.css';

function ensureStylesheet() {
  if (!document.querySelector(`link[href="${CSS}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS;
    document.head.append(link);
  }
}

export const COLOURS = ['#4f4fc9', '#1f7a45', '#b42318', '#8a5a00', '#0b7285', '#862e9c', '#5d6778'];

export class LiveChart {
  #data;
  #keep;
  #plot;
  #observer;
  #container;

  constructor(container, { title, series, height = 180, keep = 120, label }) {
    ensureStylesheet();
    this.#container = container;
    this.#keep = keep;
    this.#data = [[], ...series.map(() => [])];
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', label ?? title);
    this.#plot = new uPlot(
      {
        title,
        width: Math.max(240, container.clientWidth),
        height,
        scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(4, max * 1.15)] } },
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2, points: { show: false } }))],
        axes: [{}, { size: 50 }],
        legend: { live: false },
      },
      this.#data,
      container,
    );
    this.#observer = new ResizeObserver(() => {
      const width = Math.max(240, container.clientWidth);
      if (Math.abs(width - this.#plot.width) > 2) {
        this.#plot.setSize({ width, height });
      }
    });
    this.#observer.observe(container);
  }

  push(time, values) {
    this.#data[0].push(time);
    values.forEach((value, i) => this.#data[i + 1].push(value ?? null));
    if (this.#data[0].length > this.#keep) {
      for (const column of this.#data) {
        column.shift();
      }
    }
    this.#plot.setData(this.#data);
  }

  destroy() {
    this.#observer.disconnect();
    this.#plot.destroy();
    this.#container.replaceChildren();
  }
}
