// bench.html?n=10000[&switches=20000]: times drawGantt on a synthetic n-segment trace
// (median of 20) and the loop overhead (N `await asyncio.sleep(0)` of a Python task on
// the engine, trace included, against N hops of `await Promise.resolve()`), then writes
// the JSON into document.body.dataset.result.
import { buildModel } from './trace.js';
import { drawGantt, computeLayout, DEFAULT_COLORS } from './gantt.js';

const params = new URLSearchParams(location.search);
const N = Math.max(100, Number(params.get('n')) || 10000);
const SWITCHES = Math.max(100, Number(params.get('switches')) || 20000);
const LANES = 50;
const RUNS = 20;

/** A synthetic trace: LANES tasks cycling running -> waiting (sleep) -> ready, ~n segments. */
export function syntheticEvents(n, lanes = LANES) {
  const cycles = Math.ceil(n / (lanes * 3));
  const events = [{ k: 'loop', at: 0, task: 0, what: 'start' }];
  for (let l = 1; l <= lanes; l++) events.push({ k: 'spawn', at: 0, task: l, name: `Task-${l}`, coro: `tache_${l}`, parent: 0 });
  const period = 0.01;
  for (let c = 0; c < cycles; c++) {
    const base = c * period;
    events.push({ k: 'iteration', at: base, task: 0, n: c + 1, ready: [], timers: [] });
    for (let l = 1; l <= lanes; l++) {
      const t = base + l * 1e-5;
      events.push({ k: 'poll_start', at: t, task: l });
      events.push({ k: 'poll_end', at: t + 5e-6, task: l, wait: 'sleep(0.01)' });
      events.push({ k: 'wake', at: t + period - 2e-6, task: l, by: l > 1 && c % 7 === 0 ? [l - 1] : [], why: 'timer' });
    }
  }
  events.sort((a, b) => a.at - b.at);
  events.push({ k: 'loop', at: cycles * period + 0.01, task: 0, what: 'stop' });
  return events;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const round = (x) => Math.round(x * 1000) / 1000;

async function benchGantt() {
  const events = syntheticEvents(N);
  const tb = [];
  let model;
  for (let i = 0; i < 5; i++) { const t0 = performance.now(); model = buildModel(events); tb.push(performance.now() - t0); }
  const segments = model.lanes.reduce((n, l) => n + l.segments.length, 0);
  const canvas = document.getElementById('gantt');
  const width = 1200;
  const L = computeLayout(model, width, { laneH: 18 });
  canvas.width = width; canvas.height = L.height;
  canvas.style.width = width + 'px'; canvas.style.height = L.height + 'px';
  const ctx = canvas.getContext('2d');
  const labels = model.lanes.map((l, i) => (i === 0 ? 'Boucle' : `${l.name} (${l.coro})`));
  const view = { width, height: L.height, dpr: 1, layout: L, colors: DEFAULT_COLORS, labels, fmt: (s) => s.toFixed(1) + ' s', cursor: model.end / 2, mark: model.end / 3 };
  drawGantt(ctx, model, view); ctx.getImageData(0, 0, 1, 1); // warm up (patterns, fonts)
  const times = [];
  let drawn = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    drawn = drawGantt(ctx, model, view).drawn;
    ctx.getImageData(0, 0, 1, 1); // forces the canvas to rasterise: the time includes painting
    times.push(performance.now() - t0);
  }
  return {
    gantt: { segments, drawn_rects: drawn, lanes: model.lanes.length, draw_ms: round(median(times)), draw_max_ms: round(Math.max(...times)), draw_budget_ms: 16 },
    model: { events: events.length, build_ms: round(median(tb)) },
  };
}

async function benchLoop() {
  let boucle;
  try {
    boucle = await import('./pkg/boucle.js');
    await boucle.default();
  } catch (e) {
    return { loop: { error: `engine not built: ${e.message}` } };
  }
  const jsChain = async (n) => { const t0 = performance.now(); for (let i = 0; i < n; i++) await Promise.resolve(); return performance.now() - t0; };
  const program = (n) => `import asyncio\n\nasync def main():\n    for _ in range(${n}):\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n`;
  const switches = (n) => {
    const src = program(n);
    const t0 = performance.now();
    const r = JSON.parse(boucle.run_instant('bench.py', src));
    if (r.status !== 0) throw new Error(r.stderr);
    return performance.now() - t0;
  };
  switches(1000); await jsChain(1000); // warm up
  const b = [], j = [];
  for (let i = 0; i < 3; i++) { b.push(switches(SWITCHES)); j.push(await jsChain(SWITCHES)); }
  const bm = median(b), jm = median(j);
  return {
    loop: {
      switches: SWITCHES,
      boucle_ms: round(bm),
      js_promise_chain_ms: round(jm),
      boucle_per_switch_us: round((bm * 1000) / SWITCHES),
      js_per_hop_us: round((jm * 1000) / SWITCHES),
      overhead_ratio: round(bm / Math.max(jm, 1e-3)),
    },
  };
}

async function main() {
  const status = document.getElementById('status');
  const result = { n: N, ...(await benchGantt()) };
  status.textContent = 'Gantt done, measuring the loop…';
  Object.assign(result, await benchLoop());
  result.userAgent = navigator.userAgent;
  const text = JSON.stringify(result, null, 2);
  document.getElementById('out').textContent = text;
  status.textContent = `Done: Gantt ${result.gantt.draw_ms} ms for ${result.gantt.segments} segments (budget 16 ms)` +
    (result.loop.overhead_ratio ? `; loop overhead ×${result.loop.overhead_ratio} against a Promise chain.` : '.');
  document.body.dataset.result = JSON.stringify(result);
}

main().catch((e) => {
  document.getElementById('status').textContent = 'Bench failed: ' + e.message;
  document.body.dataset.result = JSON.stringify({ n: N, error: e.message });
});
