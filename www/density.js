// The density view of the chart (issue 11): with thousands of tasks, one lane per
// task is unreadable (and slow to draw), so the chart shows how many tasks are in
// each state over time (a stacked area), with the loop's lane above it. Hovering
// gives the counts at that moment; a click moves the time cursor there, where the
// event table and the log give the details (the drill-down).
// Loaded on demand by gantt.js (import()) when a run has more than DENSITY_LANES lanes.
import { DICTS } from './i18n.js';

// Its French texts come with it (not with the first visit); the English ones are in i18n-en.js.
Object.assign(DICTS.fr, {
  'density.title': '{n} tâches : combien sont dans chaque état au fil du temps (survolez pour les nombres, cliquez pour placer le curseur)',
});

/** Above this many lanes the chart shows densities. */
export const DENSITY_LANES = 2000;
/** States stacked, bottom to top. */
export const STACK = ['running', 'ready', 'waiting', 'done', 'cancelled', 'failed'];

/**
 * Tasks per state over time: `bins` equal slices of [0, end]; counts[s][b] = tasks
 * whose segment of state s overlaps slice b (a task counted once per slice: its
 * state at the slice's end). Pure: tested in node.
 * @returns {{bins, end, dt, counts: Object<string, Int32Array>, max}}
 */
export function densityOf(model, bins = 400) {
  const end = Math.max(model.end || 0, 1e-9);
  const dt = end / bins;
  const diff = Object.fromEntries(STACK.map((s) => [s, new Int32Array(bins + 1)]));
  const slice = (t) => Math.min(bins, Math.max(0, Math.floor(t / dt)));
  for (const lane of model.lanes) {
    if (lane.task === 0) continue;
    const segs = lane.open ? [...lane.segments, { ...lane.open, end: Infinity }] : lane.segments;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      const d = diff[s.state];
      if (!d) continue;
      // The slice where the state holds at its end; terminal states hold to the end.
      const next = segs[i + 1];
      const from = slice(s.start);
      const to = next ? slice(next.start) : bins;
      if (to <= from && next) continue; // a state shorter than a slice: not shown
      d[from] += 1;
      d[Math.max(to, from + 1)] -= 1;
    }
  }
  const counts = {};
  let max = 0;
  const total = new Int32Array(bins);
  for (const s of STACK) {
    const c = new Int32Array(bins);
    let run = 0;
    for (let b = 0; b < bins; b++) { run += diff[s][b]; c[b] = run; total[b] += run; }
    counts[s] = c;
  }
  for (let b = 0; b < bins; b++) max = Math.max(max, total[b]);
  return { bins, end, dt, counts, max };
}

/** The counts at time `t`: [{state, n}] for the states with tasks. */
export function countsAt(density, t) {
  const b = Math.min(density.bins - 1, Math.max(0, Math.floor(t / density.dt)));
  return STACK.map((state) => ({ state, n: density.counts[state][b] })).filter((c) => c.n > 0);
}

/** Draws the density view in the Gantt's canvas; returns its layout (x <-> t). */
export function drawDensity(view) {
  const c = view.canvas;
  const ctx = view.ctx;
  const model = view.model;
  const width = Math.max(280, c.clientWidth || c.parentElement.clientWidth || 600);
  const height = 260;
  const dpr = c.ownerDocument.defaultView.devicePixelRatio || 1;
  if (c.width !== Math.round(width * dpr) || c.height !== Math.round(height * dpr)) {
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
  }
  c.style.height = height + 'px';
  const x0 = width < 560 ? 90 : 130, x1 = width - 16, top = 28, bottom = height - 24;
  const bins = Math.max(50, Math.min(800, Math.round(x1 - x0)));
  if (!view.densityCache || view.densityCache.model !== model || view.densityCache.bins !== bins) {
    view.densityCache = { model, bins, d: densityOf(model, bins) };
  }
  const d = view.densityCache.d;
  const colors = view.colors || {};
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = colors.text || '#222';
  ctx.font = '12px system-ui, sans-serif';
  const tr = view.o.tr;
  ctx.fillText(tr('density.title', { n: (model.lanes.length - 1).toLocaleString() }), 8, 16);
  const scale = (x1 - x0) / d.end;
  const yOf = (n) => bottom - (n / Math.max(1, d.max)) * (bottom - top);
  const base = new Float64Array(d.bins);
  const step = (x1 - x0) / d.bins;
  for (const s of STACK) {
    ctx.fillStyle = colors[s] || colors.waiting || '#888';
    ctx.beginPath();
    for (let b = 0; b < d.bins; b++) {
      const n = d.counts[s][b];
      if (!n) continue;
      const y0 = yOf(base[b]), y1 = yOf(base[b] + n);
      ctx.rect(x0 + b * step, y1, step + 0.5, y0 - y1);
      base[b] += n;
    }
    ctx.fill();
  }
  // Axis: tasks (left) and time (bottom).
  ctx.fillStyle = colors.text || '#222';
  ctx.fillText(d.max.toLocaleString(), 8, top + 10);
  ctx.fillText('0', 8, bottom);
  ctx.fillText(view.o.fmt(0), x0, height - 6);
  const endLabel = view.o.fmt(d.end);
  ctx.fillText(endLabel, x1 - ctx.measureText(endLabel).width, height - 6);
  if (view.cursor != null) {
    ctx.strokeStyle = colors.cursor || colors.text || '#000';
    const x = x0 + view.cursor * scale;
    ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, bottom); ctx.stroke();
  }
  // A layout the view's click handler understands (x -> time).
  return { width, height, x0, x1, t0: 0, t1: d.end, scale, labelW: x0 - 8, lanes: 0, top, axisH: top, laneH: 0, density: d };
}

/** The tooltip text at time `t`. */
export function describeAt(view, t) {
  const d = view.densityCache && view.densityCache.d;
  if (!d) return '';
  const parts = countsAt(d, t).map((c) => `${c.n.toLocaleString()} ${view.o.tr('state.' + c.state)}`);
  return `${view.o.fmt(t)} — ${parts.join(', ') || '—'}`;
}
