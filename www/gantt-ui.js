// The Gantt chart's interactive side: the hover tooltip and the keyboard navigation
// announced through the aria-live region. Loaded by GanttView (gantt.js) on the first
// hover or focus of the chart, not on the first visit. Each function takes the view.
import { segmentAt, laneLabel, laneTitle } from './trace.js';
import { xOf, tOf } from './gantt.js';
import { DICTS } from './i18n.js';

// Its French texts come with it (not with the first visit); the English ones are in i18n-en.js.
Object.assign(DICTS.fr, {
  'seg.label': '{lane} : {state}',
  'seg.waitOn': 'attend {what}',
  'seg.span': 'de {from} à {to}',
  'lane.shutdownTip': 'fin d’asyncio.run : ses {n} tâches de fermeture, créées après main()',
  'a11y.lanePos': 'Tâche {i} sur {n}',
});

/** Which segment is under (x, y)? {lane, seg} or null. Pure. */
export function hitTest(model, L, x, y) {
  const lane = Math.floor((y - L.top) / L.laneH);
  if (lane < 0 || lane >= model.lanes.length) return null;
  if (x < L.x0 - 4 || x > L.x1 + 4) return { lane, seg: -1 };
  const segs = model.lanes[lane].segments;
  const tol = 3;
  let best = -1, bestD = Infinity, bestW = 0;
  for (let j = 0; j < segs.length; j++) {
    const s = segs[j];
    const xa = xOf(L, s.start, s.ps, true);
    if (xa > x + tol) break;
    const xb = xOf(L, s.end, s.pe);
    const d = x < xa ? xa - x : x > xb ? x - xb : 0;
    // prefer the later (drawn on top) of touching segments, and real spans over ticks
    if (d <= tol && (d < bestD || (d === bestD && (xb - xa >= bestW || best < 0)))) { best = j; bestD = d; bestW = xb - xa; }
  }
  return { lane, seg: best };
}

/** A lane's label in full, with what else names its task. */
export function laneTip(v, lane) {
  const l = v.model.lanes[lane];
  if (!l) return '';
  if (l.folded) return v.o.tr('lane.shutdownTip', { n: l.folded.length });
  return laneTitle(l, v.o.loopLabel());
}

/** What segment `seg` of lane `lane` is, in a sentence (tooltip, screen readers). */
export function describe(v, lane, seg) {
  const l = v.model.lanes[lane];
  const s = l && l.segments[seg];
  if (!s) return '';
  const { tr, fmt } = v.o;
  const label = l.folded ? l.name : laneTitle(l, v.o.loopLabel());
  const state = tr((l.task === 0 ? 'loopState.' : 'state.') + s.state);
  const parts = [tr('seg.label', { lane: label, state })];
  if (s.wait) parts.push(tr('seg.waitOn', { what: s.wait }));
  if (s.detail) parts.push(String(s.detail));
  parts.push(tr('seg.span', { from: fmt(s.start), to: fmt(s.end) }));
  return parts.join(' — ');
}

export function onMove(v, e) {
  if (!v.layout) return;
  const r = v.canvas.getBoundingClientRect();
  const z = v.zoom || 1;
  const x = (e.clientX - r.left) / z, y = (e.clientY - r.top) / z;
  const tip = v.o.tooltip;
  if (v.layout.density && tip) {
    tip.textContent = v.densityMod.describeAt(v, tOf(v.layout, x));
    tip.hidden = false;
    tip.style.left = (x + 14) + 'px';
    tip.style.top = (y + 16) + 'px';
    return;
  }
  const hit = hitTest(v.model, v.layout, x, y);
  if (!tip || !hit) { v.hideTip(); return; }
  if (hit.seg < 0 && x < v.layout.labelW) tip.textContent = laneTip(v, hit.lane); // the whole label
  else if (hit.seg < 0) { v.hideTip(); return; }
  else tip.textContent = describe(v, hit.lane, hit.seg);
  tip.hidden = false;
  const box = tip.offsetParent ? tip.offsetParent.getBoundingClientRect() : r;
  let left = e.clientX - box.left + 14;
  const maxLeft = box.width - tip.offsetWidth - 6;
  if (left > maxLeft) left = Math.max(4, e.clientX - box.left - tip.offsetWidth - 14);
  tip.style.left = left + 'px';
  tip.style.top = (e.clientY - box.top + (tip.offsetParent ? tip.offsetParent.scrollTop : 0) + 16) + 'px';
}

export function moveFocus(v, lane, seg, announce) {
  const m = v.model;
  if (!m.lanes.length) return;
  lane = Math.max(0, Math.min(m.lanes.length - 1, lane));
  const n = m.lanes[lane].segments.length;
  seg = n ? Math.max(0, Math.min(n - 1, seg)) : -1;
  v.focus = { lane, seg };
  v.request();
  if (announce && v.o.live) {
    const pos = v.o.tr('a11y.lanePos', { i: lane + 1, n: m.lanes.length });
    v.o.live.textContent = (seg >= 0 ? describe(v, lane, seg) : laneLabel(m.lanes[lane], v.o.loopLabel())) + ' (' + pos + ')';
  }
}

export function onKey(v, e) {
  const f = v.focus || { lane: 0, seg: 0 };
  const segAtCursor = (lane) => {
    const t = v.cursor ?? 0;
    const segs = v.model.lanes[lane]?.segments || [];
    const s = segmentAt(v.model, lane, t);
    return s ? segs.indexOf(s) : 0;
  };
  const go = (lane, seg) => moveFocus(v, lane, seg, true);
  let handled = true;
  switch (e.key) {
    case 'ArrowDown': go(f.lane + 1, segAtCursor(Math.min(f.lane + 1, v.model.lanes.length - 1))); break;
    case 'ArrowUp': go(f.lane - 1, segAtCursor(Math.max(f.lane - 1, 0))); break;
    case 'ArrowRight': go(f.lane, f.seg + 1); break;
    case 'ArrowLeft': go(f.lane, f.seg - 1); break;
    case 'Home': go(f.lane, 0); break;
    case 'End': go(f.lane, 1e9); break;
    case 'Enter': case ' ': {
      const s = v.model.lanes[f.lane]?.segments[f.seg];
      if (s && v.o.onPick) v.o.onPick(s.start);
      break;
    }
    default: handled = false;
  }
  if (handled) e.preventDefault();
}
