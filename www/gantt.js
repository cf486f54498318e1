// The Gantt chart: canvas drawing (batched by state, sub-pixel segments merged, no
// per-segment DOM) plus the interactive view (hover tooltip, keyboard navigation
// announced through an aria-live region, click to travel in time).
import { laneLabel, foldShutdown } from './trace.js';

/** Fill colours, hatching colours, and the pattern drawn over each state. */
export const DEFAULT_COLORS = {
  bg: '#ffffff', grid: '#e3e6ea', axis: '#4a5160', text: '#1d2330', muted: '#5b6372',
  cursor: '#c2185b', mark: '#00796b', arrow: '#37474f', focus: '#1a56db', laneAlt: '#f6f7f9',
  running: '#2f6fdb', ready: '#f2b53a', waiting: '#a9c4ef', done: '#8d96a5', cancelled: '#b0779b', failed: '#d64545',
  main: '#4b5563', busy: '#7c8aa3', idle: '#d9dee6', blocked: '#e0703a', stopped: '#b8bec9',
  hatch: 'rgba(0,0,0,0.55)', hatchLight: 'rgba(255,255,255,0.75)',
};

/** Each task lane's own colour (a chip by its label; Step mode marks the task's
 *  current line of code with it). Distinct from the state colours' meaning. */
export const LANE_COLORS = ['#d81b60', '#00897b', '#8e24aa', '#f4511e', '#3949ab', '#7cb342', '#6d4c41', '#00acc1'];
export const laneColor = (laneIndex) => LANE_COLORS[(Math.max(1, laneIndex) - 1) % LANE_COLORS.length];

/** How each state is told apart without colour: a pattern and a bar height. */
export const STATE_LOOK = {
  running: { pattern: 'none', height: 1 },
  ready: { pattern: 'dots', height: 1 },
  waiting: { pattern: 'diagonal', height: 0.6 },
  done: { pattern: 'none', height: 0.25 },
  cancelled: { pattern: 'cross', height: 0.5 },
  failed: { pattern: 'zigzag', height: 0.7 },
  main: { pattern: 'none', height: 1 },
  busy: { pattern: 'vertical', height: 0.8 },
  idle: { pattern: 'sparse', height: 0.45 },
  blocked: { pattern: 'crossdiag', height: 1 },
  stopped: { pattern: 'none', height: 0.2 },
};

/** Drawing order: long background states first, short ticks on top. */
const ORDER = ['done', 'stopped', 'idle', 'waiting', 'cancelled', 'failed', 'blocked', 'ready', 'busy', 'main', 'running'];

const LABEL_W = 190;
/** Above this many lanes, www/density.js draws tasks per state instead of lanes. */
const DENSITY_LANES = 2000;
const AXIS_H = 26;
const LANE_H = 30;
const MIN_W = 3;
const TICK_RANK = { running: 3, blocked: 3, main: 2, busy: 2, ready: 1 };
const TERMINAL_TICK = new Set(['done', 'stopped', 'cancelled', 'failed', 'idle', 'waiting']);

/** Read the chart colours from CSS custom properties (--g-running …) on `el`. */
export function readColors(el) {
  const cs = el.ownerDocument.defaultView.getComputedStyle(el);
  const out = { ...DEFAULT_COLORS };
  for (const k of Object.keys(DEFAULT_COLORS)) {
    const v = cs.getPropertyValue('--g-' + k.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase())).trim();
    if (v) out[k] = v;
  }
  return out;
}

/** Pixels a task's step gets when there is room: it takes no loop time. */
export const RUN_PX = 7;

/**
 * Geometry of the chart for a model drawn `width` CSS pixels wide. Pure. A task's
 * step takes no loop time: when there is room each gets RUN_PX pixels of its own
 * (L.d), after the steps before it, so the alternation of the tasks shows; the axis
 * stays linear between steps (the legend says so).
 */
export function computeLayout(model, width, opts = {}) {
  const labelW = opts.labelW ?? (width < 560 ? Math.min(130, Math.round(width * 0.3)) : LABEL_W);
  const laneH = opts.laneH ?? LANE_H;
  const axisH = AXIS_H;
  const n = model.lanes.length;
  const t0 = opts.t0 ?? 0;
  let t1 = opts.t1 ?? model.end;
  if (!(t1 > t0)) t1 = t0 + 1;
  else if (opts.pad !== false) t1 += (t1 - t0) * 0.03; // room for the last ticks and the cursor
  const x0 = labelW + 8;
  const x1 = Math.max(x0 + 20, width - 22);
  const polls = opts.stretch === false ? [] : (model.polls || []);
  const p0 = countBefore(polls, t0), p1 = countUpTo(polls, t1);
  const P = p1 - p0;
  let d = P ? Math.min(RUN_PX, ((x1 - x0) * 0.45) / P) : 0;
  if (d < 2) d = 0; // thousands of steps: a linear axis, as drawn before
  const scale = (x1 - x0 - d * P) / (t1 - t0);
  return { width, labelW, laneH, axisH, top: axisH, height: axisH + n * laneH + 8, x0, x1, t0, t1, scale, lanes: n, d, polls: d ? polls : null, p0 };
}

// polls are sorted by time: how many are strictly before / at or before t
function countBefore(polls, t) {
  let lo = 0, hi = polls.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (polls[m] < t - 1e-12) lo = m + 1; else hi = m; }
  return lo;
}
function countUpTo(polls, t) {
  let lo = 0, hi = polls.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (polls[m] <= t + 1e-9) lo = m + 1; else hi = m; }
  return lo;
}

/** Time -> x (CSS pixels). `pc`: the number of steps started before that point (a
 *  segment's ps / pe); without it, the end of the instant t (after its steps), or its
 *  start (before them) when `before` is true. */
export const xOf = (L, t, pc, before) => {
  let x = L.x0 + (t - L.t0) * L.scale;
  if (L.d) {
    const k = pc ?? (before ? countBefore(L.polls, t) : countUpTo(L.polls, t));
    x += L.d * Math.max(0, k - L.p0);
  }
  return x;
};
/** x -> time, clamped to the axis (inside a step's pixels: the time of that step). */
export const tOf = (L, x) => {
  if (!L.d) return Math.min(L.t1, Math.max(L.t0, L.t0 + (x - L.x0) / L.scale));
  // the last step whose pixels start at or before x
  const polls = L.polls;
  let lo = L.p0, hi = polls.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (L.x0 + (polls[m] - L.t0) * L.scale + L.d * (m - L.p0) <= x) lo = m + 1; else hi = m;
  }
  const i = lo - 1;
  let t;
  if (i < L.p0) t = L.t0 + (x - L.x0) / L.scale;
  else {
    const xs = L.x0 + (polls[i] - L.t0) * L.scale + L.d * (i - L.p0);
    t = x <= xs + L.d ? polls[i] : polls[i] + (x - xs - L.d) / L.scale;
  }
  return Math.min(L.t1, Math.max(L.t0, t));
};

/** "Nice" tick step for an axis spanning `span` seconds over `px` pixels. */
export function tickStep(span, px) {
  const target = span / Math.max(1, px / 80);
  const p = Math.pow(10, Math.floor(Math.log10(target)));
  for (const m of [1, 2, 5, 10]) if (m * p >= target) return m * p;
  return 10 * p;
}

const patternCache = new Map();
function makeCanvas(w, h) {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
  const c = document.createElement('canvas');
  c.width = w; c.height = h;
  return c;
}

/** A repeating hatch pattern for `kind`, drawn in `ink`. Cached. */
export function hatch(ctx, kind, ink) {
  const key = kind + '|' + ink;
  if (patternCache.has(key)) return patternCache.get(key);
  const s = 8;
  const c = makeCanvas(s, s);
  const g = c.getContext('2d');
  g.strokeStyle = ink; g.fillStyle = ink; g.lineWidth = 1.2;
  g.beginPath();
  switch (kind) {
    case 'dots': g.arc(2, 2, 1.1, 0, 7); g.arc(6, 6, 1.1, 0, 7); g.fill(); break;
    case 'sparse': g.arc(4, 4, 0.9, 0, 7); g.fill(); break;
    case 'diagonal': g.moveTo(-2, 10); g.lineTo(10, -2); g.moveTo(-2, 2); g.lineTo(2, -2); g.moveTo(6, 10); g.lineTo(10, 6); g.stroke(); break;
    case 'crossdiag': g.moveTo(0, 8); g.lineTo(8, 0); g.moveTo(0, 0); g.lineTo(8, 8); g.stroke(); break;
    case 'cross': g.moveTo(4, 0); g.lineTo(4, 8); g.moveTo(0, 4); g.lineTo(8, 4); g.stroke(); break;
    case 'vertical': g.moveTo(2, 0); g.lineTo(2, 8); g.moveTo(6, 0); g.lineTo(6, 8); g.stroke(); break;
    case 'zigzag': g.moveTo(0, 6); g.lineTo(2, 2); g.lineTo(4, 6); g.lineTo(6, 2); g.lineTo(8, 6); g.stroke(); break;
    default: break;
  }
  const p = ctx.createPattern(c, 'repeat');
  patternCache.set(key, p);
  return p;
}

/**
 * Draw the whole chart. `view`: {width, height, dpr, colors, labels (lane labels),
 * fmt (seconds -> text), cursor (time|null), mark (time|null), focus ({lane, seg}|null),
 * arrows (bool), emptyText}. Returns {layout, drawn} (drawn = segments actually painted).
 */
export function drawGantt(ctx, model, view) {
  const colors = view.colors || DEFAULT_COLORS;
  const width = view.width;
  const L = view.layout || computeLayout(model, width, view);
  const height = view.height ?? L.height;
  const dpr = view.dpr || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, width, height);

  // lane backgrounds and labels
  ctx.font = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < L.lanes; i++) {
    const y = L.top + i * L.laneH;
    if (i % 2 === 1) { ctx.fillStyle = colors.laneAlt; ctx.fillRect(0, y, width, L.laneH); }
  }
  drawAxis(ctx, L, height, colors, view.fmt || ((s) => s.toFixed(1) + ' s'));
  if (view.labels) {
    for (let i = 0; i < L.lanes; i++) {
      const label = view.labels[i] || '';
      const dim = model.lanes[i] && model.lanes[i].dim;
      ctx.fillStyle = dim ? colors.muted : colors.text;
      const font = (i === 0 ? '600 ' : dim ? 'italic ' : '');
      const yMid = L.top + i * L.laneH + L.laneH / 2;
      if (i > 0 && !dim) { ctx.fillStyle = laneColor(i); ctx.fillRect(1, yMid - L.laneH / 2 + 4, 4, L.laneH - 8); ctx.fillStyle = colors.text; }
      ctx.font = font + '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
      if (ctx.measureText(label).width <= L.labelW - 10) { ctx.fillText(label, 8, yMid); continue; }
      // too long for one line: two smaller lines (the tooltip has it whole)
      ctx.font = font + '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
      const [a, b] = wrap2(ctx, label, L.labelW - 10);
      if (b && L.laneH >= 24) { ctx.fillText(a, 8, yMid - 6); ctx.fillText(b, 8, yMid + 6); }
      else ctx.fillText(fit(ctx, label, L.labelW - 10), 8, yMid);
    }
  }

  // segments, one Path2D per state
  const paths = new Map();
  let drawn = 0;
  const left = L.x0, right = L.x1;
  // Rects of one state that touch (within half a pixel) in a lane are merged before
  // they reach the path: a long run of sleeps interrupted by instant wake-ups is one bar.
  const pending = new Map(); // state -> {x, w, y, h}
  const emit = (state, r) => {
    let p = paths.get(state);
    if (!p) { p = new Path2D(); paths.set(state, p); }
    p.rect(r.x, r.y, r.w, r.h);
    drawn++;
  };
  const add = (state, x, w, yMid, full) => {
    const look = STATE_LOOK[state] || STATE_LOOK.running;
    const h = Math.max(3, full * look.height);
    const last = pending.get(state);
    if (last && x <= last.x + last.w + 0.5) { last.w = Math.max(last.x + last.w, x + w) - last.x; return; }
    if (last) emit(state, last);
    pending.set(state, { x, w, y: yMid - h / 2, h });
  };
  const flushLane = () => { for (const [state, r] of pending) emit(state, r); pending.clear(); };
  for (let i = 0; i < L.lanes; i++) {
    const lane = model.lanes[i];
    const yMid = L.top + i * L.laneH + L.laneH / 2;
    const full = L.laneH - 8;
    // Segments narrower than a pixel are drawn as ticks, one per pixel column: the
    // most telling state of the column wins (running over ready over the rest).
    let tickPx = -1e9, tickState = null, tickX = 0;
    const flush = () => { if (tickState) add(tickState, tickX, MIN_W, yMid, full); tickState = null; };
    const segs = lane.segments;
    for (let j = 0; j < segs.length; j++) {
      const s = segs[j];
      if (s.end < L.t0 || s.start > L.t1) continue;
      const xa = xOf(L, Math.max(s.start, L.t0), s.start >= L.t0 ? s.ps : undefined, true);
      const xb = xOf(L, Math.min(s.end, L.t1), s.end <= L.t1 ? s.pe : undefined);
      if (xb - xa >= 1) {
        if (xa < right && xb > left) add(s.state, xa, xb - xa, yMid, full);
        continue;
      }
      if (TERMINAL_TICK.has(s.state)) continue; // an instant 'done' is told by the next lanes' arrows and the table
      const px = Math.floor(xa);
      if (px - tickPx < MIN_W) {
        if ((TICK_RANK[s.state] || 0) > (TICK_RANK[tickState] || 0)) tickState = s.state;
        continue;
      }
      flush();
      tickPx = px; tickState = s.state; tickX = Math.min(xa - MIN_W / 2, right - MIN_W);
    }
    flush();
    flushLane();
  }
  for (const state of ORDER) {
    const p = paths.get(state);
    if (!p) continue;
    ctx.fillStyle = colors[state] || colors.running;
    ctx.fill(p);
    const look = STATE_LOOK[state];
    if (look && look.pattern !== 'none') {
      const ink = state === 'idle' || state === 'waiting' || state === 'ready' || state === 'stopped' ? colors.hatch : colors.hatchLight;
      ctx.fillStyle = hatch(ctx, look.pattern, ink);
      ctx.fill(p);
    }
  }

  // dimmed lanes (asyncio.run's shutdown tasks): veiled
  for (let i = 0; i < L.lanes; i++) {
    if (!(model.lanes[i] && model.lanes[i].dim)) continue;
    ctx.globalAlpha = 0.55;
    ctx.fillStyle = colors.bg;
    ctx.fillRect(L.x0 - 4, L.top + i * L.laneH, L.x1 - L.x0 + 8, L.laneH);
    ctx.globalAlpha = 1;
  }

  if (view.arrows !== false) drawArrows(ctx, model, L, colors);

  if (view.focus && model.lanes[view.focus.lane]) {
    const s = model.lanes[view.focus.lane].segments[view.focus.seg];
    if (s) {
      const xa = xOf(L, s.start, s.ps);
      const w = Math.max(MIN_W, xOf(L, s.end, s.pe) - xa);
      const y = L.top + view.focus.lane * L.laneH;
      ctx.strokeStyle = colors.focus; ctx.lineWidth = 2; ctx.setLineDash([]);
      ctx.strokeRect(xa - 3, y + 1.5, w + 6, L.laneH - 3);
      ctx.strokeRect(1, y + 1.5, L.labelW - 2, L.laneH - 3);
    }
  }

  if (view.mark != null) drawCursor(ctx, L, height, view.mark, colors.mark, true);
  if (view.cursor != null) drawCursor(ctx, L, height, view.cursor, colors.cursor, false);

  if (view.emptyText && model.count === 0) {
    ctx.fillStyle = colors.muted; ctx.textAlign = 'center';
    ctx.font = '14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.fillText(view.emptyText, (L.x0 + L.x1) / 2, L.top + L.laneH / 2);
    ctx.textAlign = 'left';
  }
  return { layout: L, drawn };
}

function drawAxis(ctx, L, height, colors, fmt) {
  const span = L.t1 - L.t0;
  const step = tickStep(span, L.x1 - L.x0);
  ctx.strokeStyle = colors.grid; ctx.lineWidth = 1;
  ctx.fillStyle = colors.muted;
  ctx.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  ctx.textAlign = 'center';
  ctx.beginPath();
  const first = Math.ceil(L.t0 / step - 1e-9) * step;
  let lastRight = -1e9;
  for (let k = 0; k < 1000; k++) {
    const t = first + k * step;
    if (t > L.t1 + 1e-9) break;
    const x = Math.round(xOf(L, t, undefined, true)) + 0.5;
    ctx.moveTo(x, L.top - 4); ctx.lineTo(x, height - 4);
    const label = fmt(Math.round(t / step) * step);
    const w = ctx.measureText(label).width;
    if (x - w / 2 > lastRight + 6 && x + w / 2 < L.x1 + 14) { ctx.fillText(label, x, L.axisH / 2); lastRight = x + w / 2; }
  }
  ctx.stroke();
  ctx.textAlign = 'left';
  ctx.strokeStyle = colors.axis;
  ctx.beginPath(); ctx.moveTo(L.x0, L.top - 0.5); ctx.lineTo(L.x1, L.top - 0.5); ctx.stroke();
}

function drawCursor(ctx, L, height, t, color, dashed) {
  if (t < L.t0 || t > L.t1 + 1e-9) return;
  const x = Math.round(xOf(L, t)) + 0.5;
  ctx.strokeStyle = color; ctx.lineWidth = dashed ? 1.5 : 2;
  ctx.setLineDash(dashed ? [5, 4] : []);
  ctx.beginPath(); ctx.moveTo(x, L.top - 6); ctx.lineTo(x, height - 2); ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = color;
  ctx.beginPath();
  if (dashed) { ctx.rect(x - 4, L.top - 10, 8, 8); }
  else { ctx.moveTo(x - 6, L.top - 10); ctx.lineTo(x + 6, L.top - 10); ctx.lineTo(x, L.top - 2); ctx.closePath(); }
  ctx.fill();
}

function drawArrows(ctx, model, L, colors) {
  const arrows = model.arrows;
  if (!arrows.length) return;
  const max = Math.min(arrows.length, 2000);
  ctx.strokeStyle = colors.arrow; ctx.fillStyle = colors.arrow; ctx.lineWidth = 1.2;
  const heads = new Path2D();
  ctx.beginPath();
  const seen = new Map();
  for (let k = 0; k < max; k++) {
    const a = arrows[k];
    if (a.kind === 'spawn') continue;
    const fi = model.tasks.get(a.from)?.lane, ti = model.tasks.get(a.to)?.lane;
    if (fi == null || ti == null || fi === ti) continue;
    if (a.at < L.t0 || a.at > L.t1) continue;
    const x = xOf(L, a.at, a.pc);
    const key = Math.round(x) + ':' + fi + ':' + ti;
    if (seen.has(key)) continue;
    seen.set(key, 1);
    const y0 = L.top + fi * L.laneH + L.laneH / 2;
    const y1 = L.top + ti * L.laneH + L.laneH / 2;
    const dir = y1 > y0 ? 1 : -1;
    const ya = y0 + dir * 6, yb = y1 - dir * 7;
    const bend = 10 + Math.min(24, Math.abs(ti - fi) * 4);
    ctx.moveTo(x, ya);
    ctx.bezierCurveTo(x + bend, ya + dir * 6, x + bend, yb - dir * 6, x + 1, yb);
    heads.moveTo(x + 1, yb + dir * 5);
    heads.lineTo(x - 3.5, yb - dir * 2);
    heads.lineTo(x + 5.5, yb - dir * 1);
    heads.closePath();
  }
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fill(heads);
}

/** `text` on two lines of at most `max` pixels: cut after a space, comma or
 *  parenthesis when one fits, the second line shortened with … if needed. */
function wrap2(ctx, text, max) {
  let i = 1;
  while (i < text.length && ctx.measureText(text.slice(0, i + 1)).width <= max) i++;
  let cut = i;
  for (let j = i; j > Math.max(0, i - 14); j--) if (/[\s,(/]/.test(text[j - 1])) { cut = j; break; }
  return [text.slice(0, cut).trimEnd(), fit(ctx, text.slice(cut).trimStart(), max)];
}

function fit(ctx, text, max) {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(s + '…').width > max) s = s.slice(0, -1);
  return s + '…';
}

/**
 * The interactive chart. `opts`: {canvas, tooltip, live (aria-live element), tr, fmt,
 * loopLabel(), onPick(time), reducedMotion}.
 */
export class GanttView {
  constructor(opts) {
    this.o = opts;
    this.canvas = opts.canvas;
    this.ctx = this.canvas.getContext('2d');
    this.model = { lanes: [{ task: 0, segments: [] }], tasks: new Map(), arrows: [], end: 0, count: 0 };
    this.cursor = null;
    this.mark = null;
    this.focus = null;
    this.zoom = 1;         // projector mode draws everything larger (big.js)
    this.hover = null;
    this.layout = null;
    this.colors = readColors(this.canvas);
    this.pending = false;
    // The tooltip and the keyboard (gantt-ui.js) are loaded on the first hover or focus.
    this.canvas.addEventListener('mousemove', (e) => this.ui('onMove', e));
    this.canvas.addEventListener('mouseleave', () => this.hideTip());
    this.canvas.addEventListener('click', (e) => this.onClick(e));
    this.canvas.addEventListener('keydown', (e) => {
      // the page must not scroll while gantt-ui.js is on its way
      if (!this.uiMod && /^(Arrow|Home$|End$|Enter$| $)/.test(e.key)) e.preventDefault();
      this.ui('onKey', e);
    });
    this.canvas.addEventListener('focus', () => { if (!this.focus) this.ui('moveFocus', 0, 0, true); });
    this.canvas.addEventListener('blur', () => { this.request(); });
    const mq = this.canvas.ownerDocument.defaultView.matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener?.('change', () => { this.colors = readColors(this.canvas); patternCache.clear(); this.request(); });
    if (typeof ResizeObserver !== 'undefined') {
      let lastW = 0;
      new ResizeObserver(() => {
        const w = this.canvas.clientWidth;
        if (w !== lastW) { lastW = w; this.request(); }
      }).observe(this.canvas.parentElement || this.canvas);
    }
  }

  setModel(model, { keepFocus = false } = {}) {
    model = foldShutdown(model, this.o.tr('lane.shutdown'));
    this.model = model;
    if (!keepFocus) this.focus = null;
    else if (this.focus && !model.lanes[this.focus.lane]) this.focus = null;
    this.canvas.dataset.lanes = String(model.lanes.length);
    // Thousands of tasks: the density view (www/density.js, loaded when needed).
    if (model.lanes.length > DENSITY_LANES && !this.densityMod) {
      import('./density.js').then((m) => { this.densityMod = m; this.request(); });
    }
    this.request();
  }

  /** The colour of task `id`'s lane (see LANE_COLORS). */
  colorOf(id) {
    const t = this.model.tasks.get(id);
    return laneColor(t ? t.lane : 1);
  }

  setCursor(t) { this.cursor = t; this.request(); }
  setMark(t) { this.mark = t; this.request(); }
  /** Draw the chart `z` times larger (lanes, text, arrows), same width on screen. */
  setZoom(z) { this.zoom = z > 0 ? z : 1; this.request(); }
  refreshColors() { this.colors = readColors(this.canvas); patternCache.clear(); this.request(); }

  /** Redraw on the next animation frame (coalesced). */
  request() {
    if (this.pending) return;
    this.pending = true;
    const win = this.canvas.ownerDocument.defaultView;
    win.requestAnimationFrame(() => { this.pending = false; this.draw(); });
  }

  labels() {
    const loop = this.o.loopLabel();
    return this.model.lanes.map((l) => laneLabel(l, loop));
  }

  draw() {
    const dense = this.model.lanes.length > DENSITY_LANES && this.densityMod;
    this.canvas.dataset.view = dense ? 'density' : 'lanes';
    if (dense) { this.layout = this.densityMod.drawDensity(this); return; }
    const c = this.canvas;
    const z = this.zoom || 1;
    const width = Math.max(280, (c.clientWidth || c.parentElement.clientWidth || 600) / z);
    const L = computeLayout(this.model, width, { t1: Math.max(this.model.end, this.o.minSpan || 0), laneH: this.o.laneH });
    const dpr = (c.ownerDocument.defaultView.devicePixelRatio || 1) * z;
    const h = L.height;
    if (c.width !== Math.round(width * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(width * dpr);
      c.height = Math.round(h * dpr);
    }
    c.style.height = h * z + 'px';
    if (c.parentElement) c.parentElement.style.setProperty('--gantt-h', (h * z + 2) + 'px'); // its box never squeezes it
    this.layout = L;
    drawGantt(this.ctx, this.model, {
      width, height: h, dpr, layout: L, colors: this.colors, labels: this.labels(), fmt: this.o.fmt,
      cursor: this.cursor, mark: this.mark, emptyText: this.o.tr('ui.ganttEmpty'),
      focus: this.canvas.ownerDocument.activeElement === this.canvas ? this.focus : null,
    });
    if (this.afterDraw) this.afterDraw(this.ctx, L); // e.g. a lesson's highlighted lane
  }

  /** Call gantt-ui.js's `name(this, ...args)`, loading it first if needed. */
  ui(name, ...args) {
    if (this.uiMod) { this.uiMod[name](this, ...args); return; }
    this.uiLoad = this.uiLoad || import('./gantt-ui.js').then((m) => { this.uiMod = m; });
    this.uiLoad.then(() => this.uiMod[name](this, ...args));
  }

  /** Move the keyboard focus to segment `seg` of lane `lane` (see gantt-ui.js). */
  moveFocus(lane, seg, announce) { this.ui('moveFocus', lane, seg, announce); }

  hideTip() { if (this.o.tooltip) this.o.tooltip.hidden = true; }

  onClick(e) {
    if (!this.layout || !this.model.count) return;
    const r = this.canvas.getBoundingClientRect();
    const x = (e.clientX - r.left) / (this.zoom || 1);
    if (x < this.layout.x0 - 4) return;
    this.o.onPick && this.o.onPick(tOf(this.layout, x));
  }

}
