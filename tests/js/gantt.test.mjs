import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLayout, drawGantt, tickStep, xOf, tOf, STATE_LOOK, RUN_PX } from '../../www/gantt.js';
import { hitTest } from '../../www/gantt-ui.js';
import { buildModel, TASK_STATES, LOOP_STATES } from '../../www/trace.js';
import { fixture } from './helpers.mjs';

// A recording stand-in for CanvasRenderingContext2D (node has no canvas).
class Path2DStub { constructor() { this.rects = 0; } rect() { this.rects++; } moveTo() {} lineTo() {} closePath() {} }
globalThis.Path2D = globalThis.Path2D || Path2DStub;
function fakeCtx() {
  const calls = { fill: 0, fillRect: 0, stroke: 0, fillText: [] };
  const ctx = new Proxy({}, {
    get(_, k) {
      if (k === 'calls') return calls;
      if (k === 'measureText') return (s) => ({ width: s.length * 7 });
      if (k === 'createPattern') return () => ({ pattern: true });
      if (k === 'fill') return () => { calls.fill++; };
      if (k === 'fillRect') return () => { calls.fillRect++; };
      if (k === 'stroke') return () => { calls.stroke++; };
      if (k === 'fillText') return (s) => { calls.fillText.push(s); };
      return () => {};
    },
    set() { return true; },
  });
  return ctx;
}
globalThis.OffscreenCanvas = globalThis.OffscreenCanvas || class { getContext() { return fakeCtx(); } };

function synthetic(lanes, perLane) {
  const events = [];
  for (let l = 1; l <= lanes; l++) events.push({ k: 'spawn', at: 0, task: l, name: `Task-${l}`, coro: 'c', parent: 0 });
  let t = 0;
  for (let j = 0; j < perLane / 3; j++) {
    for (let l = 1; l <= lanes; l++) {
      events.push({ k: 'poll_start', at: t, task: l });
      t += 0.0001;
      events.push({ k: 'poll_end', at: t, task: l, wait: 'sleep(0.01)' });
      events.push({ k: 'wake', at: t + 0.01, task: l, by: [], why: 'timer' });
    }
  }
  events.sort((a, b) => a.at - b.at);
  return events;
}

test('every state has its own hatching or bar height, so colour is never the only cue', () => {
  const looks = [...TASK_STATES, ...LOOP_STATES].map((s) => `${STATE_LOOK[s].pattern}/${STATE_LOOK[s].height}`);
  assert.equal(new Set(looks.slice(0, TASK_STATES.length)).size, TASK_STATES.length);
  assert.equal(new Set(looks.slice(TASK_STATES.length)).size, LOOP_STATES.length);
});

test('the time axis spans the whole run, with a little room after its end', () => {
  const m = buildModel(fixture('03_two_coroutines.json'));
  const L = computeLayout(m, 1000);
  assert.equal(L.lanes, 3);
  assert.equal(xOf(L, 0, undefined, true), L.x0, 'the axis starts before the first instant\'s steps');
  assert.ok(xOf(L, 2) < L.x1 && xOf(L, 2) > L.x1 - 40);
  assert.ok(Math.abs(tOf(L, xOf(L, 1.25)) - 1.25) < 1e-9);
  const empty = computeLayout(buildModel([]), 600);
  assert.equal(empty.t1, 1, 'an empty run still has a 1 s axis');
});

test('steps of the same instant each get their own pixels, in the order they ran', () => {
  const m = buildModel(fixture('03_two_coroutines.json'));
  const L = computeLayout(m, 1000);
  assert.equal(L.d, RUN_PX, 'a handful of steps: each is RUN_PX wide');
  const run = (lane) => m.lanes[lane].segments.filter((s) => s.state === 'running');
  const [a1] = run(1), [b1] = run(2);
  assert.equal(a1.start, b1.start, 'both coroutines first run at t = 0');
  const xa = xOf(L, a1.start, a1.ps), xb = xOf(L, b1.start, b1.ps);
  assert.ok(xb >= xa + RUN_PX - 1e-9, 'Task-2 runs after Task-1, side by side');
  assert.ok(xOf(L, a1.end, a1.pe) - xa >= RUN_PX - 1e-9, 'a step is visible');
  assert.equal(hitTest(m, L, xb + 2, L.top + 2 * L.laneH + 5).seg, m.lanes[2].segments.indexOf(b1), 'the step is where the mouse finds it');
  const many = { ...m, polls: Array.from({ length: 5000 }, (_, i) => i / 5000) };
  assert.equal(computeLayout(many, 1000).d, 0, 'thousands of steps: a linear axis');
});

test('axis ticks land on round values of seconds', () => {
  assert.equal(tickStep(2, 800), 0.2);
  assert.equal(tickStep(10, 800), 1);
  assert.equal(tickStep(0.5, 800), 0.05);
  assert.equal(tickStep(100, 400), 20);
});

test('hovering a lane finds the segment under the pointer', () => {
  const m = buildModel(fixture('03_two_coroutines.json'));
  const L = computeLayout(m, 1000);
  const y = L.top + 1 * L.laneH + L.laneH / 2;
  const hit = hitTest(m, L, xOf(L, 1), y);
  assert.equal(hit.lane, 1);
  assert.equal(m.lanes[1].segments[hit.seg].state, 'waiting');
  assert.equal(hitTest(m, L, xOf(L, 1), L.top - 5), null);
  assert.equal(hitTest(m, L, 5, y).seg, -1, 'the label column is not a segment');
});

test('drawing is batched by state: a handful of fills whatever the number of segments', () => {
  const m = buildModel(synthetic(50, 201));
  const segs = m.lanes.reduce((n, l) => n + l.segments.length, 0);
  assert.ok(segs >= 10000, `synthetic trace has ${segs} segments`);
  const ctx = fakeCtx();
  const { drawn } = drawGantt(ctx, m, { width: 1200, dpr: 1, labels: m.lanes.map((l) => l.name), fmt: String, cursor: 1, mark: 0.5 });
  assert.ok(ctx.calls.fill < 40, `${ctx.calls.fill} fill calls`);
  assert.ok(drawn < segs, 'sub-pixel segments in the same pixel column are drawn once');
  // How fast it draws is `make bench`'s business (www/bench.html, 10,000 segments).
});

test('lane labels are drawn, the loop first', () => {
  const m = buildModel(fixture('03_two_coroutines.json'));
  const ctx = fakeCtx();
  drawGantt(ctx, m, { width: 900, labels: ['Boucle', 'Coroutine_1()', 'Coroutine_2()'], fmt: (s) => `${s} s` });
  const texts = ctx.calls.fillText;
  assert.ok(texts.includes('Boucle') && texts.includes('Coroutine_1()'));
  assert.ok(texts.includes('0 s') && texts.some((s) => s.startsWith('2 s') || s === '2 s'));
});
