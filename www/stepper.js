// Step mode: the program runs on the virtual clock in the background (in slices, so
// the page keeps painting); the page shows its trace one step at a time, forwards and
// backwards (steps.js says where each step ends and what it means).
import { stepCuts, stepSentence, stepQueues, taskLinesAt } from './steps.js';

export { stepCuts, stepQueues, stepSentence, explainCallback, taskLinesAt } from './steps.js';

// Step mode's own styles come with it (not on the first visit).
if (typeof document !== 'undefined' && !document.getElementById('step-css')) {
  const link = document.createElement('link');
  link.id = 'step-css';
  link.rel = 'stylesheet';
  link.href = new URL('step.css', import.meta.url).href;
  document.head.appendChild(link);
}

/** `new Stepper(wasm, file, source, maxEvents)`: `wasm` is the engine module; past
 *  `maxEvents` events the run is stopped (`tooLong`). */
export class Stepper {
  constructor(mod, file, source, maxEvents) {
    this.max = maxEvents;
    this.s = new mod.Session(file, source);
    this.all = [];
    this.cuts = [];
    this.tooLong = false;
    this.done = false;
    this.s.start(() => this.pull());
  }
  pull() {
    if (this.done) return;
    const fresh = JSON.parse(this.s.events_since(this.all.length));
    if (fresh.length) this.all.push(...fresh);
    if (this.all.length > this.max && !this.s.finished()) { this.tooLong = true; this.s.stop(); }
    this.done = this.s.finished();
    if (this.done) { const more = JSON.parse(this.s.events_since(this.all.length)); if (more.length) this.all.push(...more); }
    this.cuts = stepCuts(this.all, this.done);
  }
  /** Resolves once step `k` is known (or the run is over without it). */
  async ready(k) {
    this.pull();
    while (this.cuts.length <= k && !this.done) {
      await new Promise((r) => setTimeout(r, 16));
      this.pull();
    }
  }
  /** Whether step k is the last one (the run is over and shows whole). */
  isLast(k) { return this.done && k >= this.cuts.length - 1; }
  result() { return this.s.result(); }
  free() { try { this.s.stop(); } finally { this.s.free(); } }
}

/**
 * Draw the Step-mode panel for step `o.k` of `o.stepper` (null `o`: clear it): the
 * step's number and sentence in `o.say`, its queues through `o.queues(q)`, and every
 * task's current line marked in its lane's colour (`o.colorOf(id)`) in `code`.
 */
export function renderPanel(o, code) {
  if (!o) { setTaskMarks(code, []); return; }
  const st = o.stepper;
  const from = o.k ? st.cuts[o.k - 1] : 0;
  const upto = st.cuts[o.k];
  const doc = o.say.ownerDocument;
  const num = doc.createElement('span');
  num.className = 'num';
  num.textContent = String(o.k);
  o.say.replaceChildren(num, stepSentence(st.all, from, upto, { lang: o.lang, name: o.name, fmt: o.fmt }));
  o.queues(stepQueues(st.all, upto, o.name));
  const marks = [];
  for (const [id, line] of taskLinesAt(o.model, Infinity)) {
    if (id !== 0) marks.push({ line, color: o.colorOf(id), label: o.name(id) });
  }
  setTaskMarks(code, marks);
}

/** Where each task stands: a mark in its lane's colour at the start of its line
 *  (`marks`: [{line, color, label}]; empty clears). */
export function setTaskMarks(container, marks) {
  for (const el of container.querySelectorAll('.task-mark')) el.remove();
  const doc = container.ownerDocument;
  for (const m of marks) {
    const row = container.querySelector(`.line[data-line="${Number(m.line)}"]`);
    if (!row) continue;
    const el = doc.createElement('span');
    el.className = 'task-mark';
    el.title = m.label;
    el.style.setProperty('--mark', m.color); // CSSOM: allowed under the page's CSP
    row.querySelector('.ln').appendChild(el);
  }
}
