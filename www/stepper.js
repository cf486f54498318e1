// Step mode: the program runs on the virtual clock in the background (in slices, so
// the page keeps painting); the page shows its trace one step at a time, forwards and
// backwards (steps.js says where each step ends and what it means).
import { stepCuts, stepSentence, stepQueues, taskLinesAt } from './steps.js';
import { DICTS } from './i18n.js';

// Its French texts come with it (not with the first visit); the English ones are in i18n-en.js.
Object.assign(DICTS.fr, {
  'ui.ran': 'Lancées par cette itération',
  'ui.readyQueue': 'File des prêts (itération suivante)',
  'ui.timers': 'Minuteurs en attente',
  'ui.emptyQueue': 'vide',
  'ui.noTimers': 'aucun',
  'ui.callback': 'rappel',
  'ui.callbackNamed': 'rappel {name}',
  'ui.leftQueue': 'Restés dans la file à l’arrêt de la boucle (jamais exécutés)',
  'ui.iteration': 'Itération {n} de la boucle (t = {time})',
  'ui.noIteration': 'La boucle n’a pas encore tourné.',
  'ui.timerItem': '{what} → {task}, échéance {deadline}',
  'ui.more': '… et {n} autres',
  'status.step0': 'Pas à pas : avant le premier tour de boucle.',
  'status.stepping': 'Pas à pas : itération {n}.',
});

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

// Queues and timers listed in full up to this many (thousands of tasks: the rest is counted).
const MAX_SHOWN = 100;

/** Draw the loop's queues `q` (steps.js's stepQueues, null before the first turn) in
 *  `box`; `o`: {tr, fmt, lang} (the page's texts, time format and language). */
export function renderQueues(box, q, { tr, fmt, lang }) {
  const doc = box.ownerDocument;
  const el = (tag, cls) => { const e = doc.createElement(tag); if (cls) e.className = cls; return e; };
  box.replaceChildren();
  const p = el('p', 'iter');
  if (!q) { p.textContent = tr('ui.noIteration'); box.appendChild(p); return; }
  p.textContent = !q.n ? tr('ui.noIteration') : tr('ui.iteration', { n: q.n, time: fmt(q.at) });
  box.appendChild(p);
  const dl = el('dl');
  const more = (dd, n) => { if (n > MAX_SHOWN) dd.append(tr('ui.more', { n: (n - MAX_SHOWN).toLocaleString(lang) })); };
  const chips = (list, emptyKey) => {
    const dd = el('dd');
    if (!list.length) { dd.textContent = tr(emptyKey); dd.className = 'none'; return dd; }
    const ol = el('ol', 'chips');
    for (const r of list.slice(0, MAX_SHOWN)) {
      const li = el('li', r.task === 0 ? 'cb' : '');
      li.textContent = r.task !== 0 ? r.name : r.call ? tr('ui.callbackNamed', { name: r.call }) : tr('ui.callback');
      ol.appendChild(li);
    }
    dd.appendChild(ol);
    more(dd, list.length);
    return dd;
  };
  const term = (key) => { const dt = el('dt'); dt.textContent = tr(key); return dt; };
  dl.append(term('ui.ran'), chips(q.ran, 'ui.emptyQueue'));
  dl.append(term(q.stoppedWithQueue ? 'ui.leftQueue' : 'ui.readyQueue'), chips(q.ready, 'ui.emptyQueue'));
  const dd = el('dd');
  if (!q.timers.length) { dd.textContent = tr('ui.noTimers'); dd.className = 'none'; }
  else {
    const ul = el('ul', 'timers');
    for (const tm of q.timers.slice(0, MAX_SHOWN)) {
      const li = el('li');
      li.textContent = tr('ui.timerItem', { what: tm.what || 'timer', task: tm.task === 0 ? tr('ui.callback') : tm.name, deadline: fmt(tm.deadline) });
      ul.appendChild(li);
    }
    dd.appendChild(ul);
    more(dd, q.timers.length);
  }
  dl.append(term('ui.timers'), dd);
  box.appendChild(dl);
}

/**
 * Step mode's driving: `dir` 1 shows the next step (starting a run on the virtual
 * clock when none is under way: step 0 is before the loop's first turn), -1 the
 * previous. `p` is the page (main.js's stepPage: its state S and what it draws with).
 */
export async function step(p, dir) {
  const S = p.S;
  if (dir > 0 && (S.mode !== 'step' || S.finished || !S.stepper)) {
    p.stopRun(true);
    if (!(await p.ensureEngine())) return;
    p.resetRun();
    S.ran = { source: S.code, file: p.fileName(), edited: p.isEdited() };
    if (!(await p.ensureModules(S.ran.source))) return;
    try { S.stepper = new Stepper(p.wasm, S.ran.file, S.ran.source, p.MAX_EVENTS); } catch (e) { p.crashed(e); return; }
    S.mode = 'step';
    S.stepK = -1;
    p.setState('running');
  }
  try {
    const stepper = S.stepper;
    let k = S.stepK + dir;
    if (dir > 0) {
      await stepper.ready(k);
      if (S.stepper !== stepper) return;
      if (stepper.tooLong) S.tooLong = true;
      k = Math.min(k, stepper.cuts.length - 1);
    }
    if (k < 0) { p.crashed(new Error('no step')); return; }
    showStep(p, k);
  } catch (e) { p.crashed(e); }
}

/** Show step k of the Step-mode run: the trace up to its cut, the sentence saying
 *  what the loop did, its queues, where every task stands. */
function showStep(p, k) {
  const S = p.S;
  const st = S.stepper;
  S.stepK = k;
  S.events = st.all.slice(0, st.cuts[k]);
  S.t = null;
  S.model = p.model(S.events);
  if (st.isLast(k)) {
    try { S.result = JSON.parse(st.result()); } catch (e) { S.result = null; }
    p.finish(null);
    return;
  }
  if (S.finished) { S.finished = false; S.diag = null; p.renderDiag(); p.markDiagLines(false); p.setState('running'); p.renderBug(); }
  p.renderAll();
  p.renderTable();
  p.setButtons();
  const it = S.model.iterations[S.model.iterations.length - 1];
  p.setStatus(it ? 'status.stepping' : 'status.step0', { n: it ? it.n : 0 });
}
