// A JS stand-in for www/pkg/boucle.js (the wasm engine), replaying the hand-written
// fixtures of tests/js/fixtures. Only for working on the page before the real build
// exists (node tests/e2e/server.mjs --fake). Same API as ARCHITECTURE.md.
let data = null;
let panicListener = null;

export default async function init() {
  const r = await fetch(new URL('../fixtures.json', import.meta.url));
  data = await r.json();
}

const TITLES = {
  '00': ['Synchrone contre asynchrone', 'Synchronous vs asynchronous'],
  '01': ['run_until_complete', 'run_until_complete'],
  '02': ['run_forever et stop', 'run_forever and stop'],
  '03': ['Deux coroutines avec ensure_future', 'Two coroutines with ensure_future'],
  '04': ['gather (version du cours)', 'gather (course version)'],
  '05': ['gather, indentation corrigée', 'gather, indent fixed'],
  '06': ['await imbriqués', 'Nested awaits'],
  '07': ['Websocket et wait(FIRST_COMPLETED)', 'Websocket and wait(FIRST_COMPLETED)'],
  '08': ['Requêtes réseau', 'Network requests'],
  '09': ['Accès aux données', 'Data access'],
};
const BUGS = {
  '04': [{ fr: 'Une espace de trop avant « await » (ligne 7) : Python refuse le programme avant de l’exécuter (IndentationError).', en: 'A stray space before “await” (line 7): Python refuses the program before running it (IndentationError).' }, '05'],
  '05': [{ fr: 'loop.stop() est appelé dans une coroutine rassemblée par gather : la boucle s’arrête avant que le futur de gather soit terminé.', en: 'loop.stop() is called inside a gathered coroutine: the loop stops before the gather future is done.' }, null],
};

function check(id) {
  if (!TITLES[id]) throw new Error(`unknown scenario "${id}"; accepted: ${Object.keys(TITLES).join(', ')}`);
}
function eventsOf(id) {
  check(id);
  return structuredClone(data.fixtures[id] || data.fixtures['03']);
}

export function format_version() { return 1; }

export function scenarios() {
  return JSON.stringify(Object.keys(TITLES).map((id) => ({
    id,
    title: { fr: TITLES[id][0], en: TITLES[id][1] },
    summary: { fr: `Exemple ${id} du cours.`, en: `Course example ${id}.` },
    source: data.sources[id] ? data.sources[id].source : '',
    fixed: BUGS[id] ? BUGS[id][1] : null,
    bug: BUGS[id] ? BUGS[id][0] : null,
    lanes: 1 + new Set(eventsOf(id).filter((e) => e.k === 'spawn').map((e) => e.task)).size,
  })));
}

function summary(events) {
  const stdout = events.filter((e) => e.k === 'log' && e.stream === 'out').map((e) => e.text + '\n').join('');
  const stderr = events.filter((e) => e.k === 'log' && e.stream === 'err').map((e) => e.text + '\n').join('');
  const duration = events.reduce((m, e) => Math.max(m, e.at, e.until || 0), 0);
  return { stdout, stderr, status: stderr ? 1 : 0, duration };
}

export function run_instant(id) {
  if (id === 'panic') { panicListener && panicListener('fake panic'); throw new WebAssembly.RuntimeError('unreachable'); }
  const events = eventsOf(id);
  return JSON.stringify({ events, ...summary(events) });
}

export class Session {
  constructor(id, speed) {
    this.all = eventsOf(id);
    this.speed = speed;
    this.out = [];
    this.t0 = 0;
    this.stopped = false;
    this.done = false;
    this.timer = 0;
  }
  start(onUpdate) {
    this.t0 = performance.now();
    const tick = () => {
      if (this.stopped) return;
      const now = this.now();
      let n = 0;
      while (this.out.length < this.all.length && this.all[this.out.length].at <= now) { this.out.push(this.all[this.out.length]); n++; }
      if (this.out.length === this.all.length) this.done = true;
      if (n) queueMicrotask(onUpdate);
      if (!this.done) this.timer = setTimeout(tick, 10);
    };
    tick();
  }
  events_since(n) { return JSON.stringify(this.out.slice(n)); }
  stop() { this.stopped = true; this.done = true; clearTimeout(this.timer); }
  finished() { return this.done; }
  now() { return this.done && !this.stopped ? summary(this.all).duration : ((performance.now() - this.t0) / 1000) * this.speed; }
  result() { return JSON.stringify(summary(this.out)); }
  free() {}
}

export class Stepper {
  static new(id) { return new Stepper(id); }
  constructor(id) { this.all = eventsOf(id); this.pos = 0; }
  step() {
    if (this.pos >= this.all.length) return '[]';
    let end = this.pos + 1;
    while (end < this.all.length && this.all[end].k !== 'iteration') end++;
    const out = this.all.slice(this.pos, end);
    this.pos = end;
    return JSON.stringify(out);
  }
  finished() { return this.pos >= this.all.length; }
  free() {}
}

export function chrome_trace(eventsJson) {
  const events = JSON.parse(eventsJson);
  return JSON.stringify({ traceEvents: events.map((e) => ({ name: e.k, ph: 'i', ts: e.at * 1e6, pid: 1, tid: e.task })) });
}

export function set_panic_listener(fn) { panicListener = fn; }

export async function bench_task_switches(n) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
  return performance.now() - t0;
}
