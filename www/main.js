// Wiring only: engine calls, state, and thin DOM updates. The data shaping lives in
// trace.js / url.js / i18n.js (pure), the drawing in gantt.js, log.js, code.js.
import { buildModel, currentLineAt, taskName, nextMoment, defBlocks, TASK_STATES, LOOP_STATES } from './trace.js';
import { t as tt, formatSeconds, formatSpeed, LANGS, loadLang } from './i18n.js';
import { parseState, serialiseState, SPEEDS, loadStored, saveStored } from './url.js';
import { renderCode, setCurrentLine, markLine, scrollToLine } from './code.js';
import { LIBRE_ID, LIBRE_FILE, libreTemplate, isTemplate } from './libre.js';
import { renderLog, restamp, scrollToPresent } from './log.js';
import { GanttView, STATE_LOOK, hatch, readColors } from './gantt.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const isEmbed = document.body.classList.contains('embed');
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

const S = {
  lang: 'fr', scenario: '00', speed: '1',
  list: [], byId: new Map(),
  events: [], model: null, runId: 0,
  t: null,          // moment shown; null = follow the present of the run
  mark: null,       // moment marked from the log
  markIndex: -1,
  mode: 'idle',     // idle | live | instant | step
  session: null, stepper: null, stepK: -1, finished: false, stopped: false, result: null,
  notices: [],      // [{key, params}] shown in #notice, translated on demand
  code: '',         // the editor's text
  codeParam: null,  // that text for the URL (code=), when it is not the course version
  ran: null,        // {source, file, edited} of the last run
  diag: null,       // {line, message, hint, rewrite} after a run: what went wrong, a hint
  tooLong: false,
  lesson: null, big: false, // lesson.js, big.js
};
// A Python program on the virtual clock can run forever: past this many events the
// run is stopped and the page says why.
const MAX_EVENTS = 20000;
// A live run keeps the most recent events only (an endless program keeps a flat
// memory and the chart shows its last part): past KEEP_EVENTS, the oldest quarter goes.
const KEEP_EVENTS = 800000;
const storage = (() => { try { return window.localStorage; } catch (e) { return null; } })();

let wasm = null;
// exercise.js, lesson.js and big.js (loaded on demand) see the page through `api`
// (defined with the add-ons, below) and these hook lists.
const hooks = { finish: [], lang: [], url: [], scenario: [], reset: [] };
let reloads = 0;
let needsReload = false;
let panicMessage = null;

const tr = (key, params) => tt(S.lang, key, params);
const fmt = (s) => formatSeconds(s, S.lang);
const setState = (st) => { root.dataset.state = st; };

const gantt = new GanttView({
  canvas: $('gantt'), tooltip: $('tooltip'), live: $('gantt-live'),
  tr, fmt: (s) => formatSeconds(s, S.lang, 2), loopLabel: () => tr('lane.loop'),
  laneH: isEmbed ? 22 : 26,
  onPick: (time) => { S.markIndex = -1; travel(time); },
});

// ---------------------------------------------------------------- engine
// The engine's download, compilation, instantiation and first (warm-up) run are done by
// boot.js while this module and its imports load (they are the longest part of a first
// visit); without it, they start as soon as this module runs. A failure is reported by
// main(), in the page's language.
let firstLoad = Promise.resolve(window.boucleEngine).then(async (ready) => {
  if (ready) return ready; // boot.js's engine, compiled and warmed up
  const mod = await import('./pkg/boucle.js');
  await mod.default();
  return mod;
});
firstLoad.catch(() => { /* handled where it is awaited */ });

async function loadEngine() {
  let mod;
  if (firstLoad && !needsReload) {
    mod = await firstLoad;
  } else {
    mod = await import(needsReload ? `./pkg/boucle.js?r=${++reloads}` : './pkg/boucle.js');
    await mod.default();
  }
  firstLoad = null;
  mod.set_panic_listener((message) => {
    if (wasm !== mod) return; // an old instance, already replaced
    panicMessage = String(message);
    needsReload = true;
    // a panic inside one of our calls is reported by its catch; one from elsewhere here
    queueMicrotask(() => { if (needsReload && root.dataset.state !== 'error') crashed(new WebAssembly.RuntimeError('unreachable')); });
  });
  wasm = mod;
  needsReload = false;
  panicMessage = null;
}

/** A Rust panic (or a trap) leaves the instance unusable: note it, show it, reload later. */
function crashed(err) {
  const trap = (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) || panicMessage != null;
  if (trap) {
    needsReload = true;
    const message = panicMessage || (err && err.message) || String(err);
    showNotice([{ key: 'error.panic', params: { message } }], 'error');
  } else {
    showNotice([{ key: 'error.run', params: { message: (err && err.message) || String(err) } }], 'error');
  }
  S.session = null;
  S.stepper = null;
  S.mode = 'idle';
  setButtons();
  setState('error');
  setStatus('status.error');
}

/** The library modules the code imports (www/pylib/NAME.py, not in the wasm) and the
 *  engine files it needs (pylib.js's PARTS): fetched and handed to the engine before
 *  the run. MAY_NEED spares loading pylib.js (a node test checks it against PARTS). */
const MAY_NEED = /^[ \t]*(?:from|import)[ \t]+(?!(?:asyncio|time|random)[ \t]*$)|[Tt]imeout|Queue|Event|Lock|Semaphore|Condition|TaskGroup|as_completed|ExceptionGroup|except[ \t]*\*/m;
async function ensureModules(source) {
  if (!MAY_NEED.test(source)) return true;
  try { await (await import('./pylib.js')).loadModules(wasm, source); return true; } catch (e) { crashed(e); return false; }
}

async function ensureEngine() {
  if (!needsReload && wasm) return true;
  try { await loadEngine(); return true; } catch (e) { crashed(e); return false; }
}

// ---------------------------------------------------------------- notices
function showNotice(items, kind = 'warn') {
  S.notices = items;
  S.noticeKind = kind;
  renderNotice();
}
function renderNotice() {
  const box = $('notice');
  box.replaceChildren();
  if (!S.notices.length) { box.hidden = true; return; }
  box.className = 'notice ' + (S.noticeKind || 'warn');
  for (const n of S.notices) {
    const p = document.createElement('p');
    p.textContent = n.text ? n.text(S.lang) : tr(n.key, n.params);
    if (n.action) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'notice-action';
      b.textContent = tr(n.action.key);
      b.addEventListener('click', n.action.run);
      p.append(' ', b);
    }
    box.appendChild(p);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', tr('ui.dismiss'));
  close.textContent = '×';
  close.addEventListener('click', () => { S.notices = []; renderNotice(); });
  box.appendChild(close);
  box.hidden = false;
}

/** The view model of the run's events (see trace.js), knowing the functions of the
 *  code that ran (the innermost running line of a suspended task). */
function model(events, end) {
  if (!S.ran) return buildModel(events, end);
  if (S.defOfSource !== S.ran.source) { S.defOfSource = S.ran.source; S.defOf = defBlocks(S.ran.source); }
  return buildModel(events, end, { defOf: S.defOf });
}

// ---------------------------------------------------------------- status
/** The status line, kept as a key so that a language switch says it again. A
 *  `time` parameter is in seconds (formatted in the page's language). */
function setStatus(key, params) {
  S.status = { key, params };
  renderStatus();
}
function renderStatus() {
  if (!S.status) return;
  const p = S.status.params && S.status.params.time != null ? { ...S.status.params, time: fmt(S.status.params.time) } : S.status.params;
  $('status').textContent = tr(S.status.key, p);
}

// ---------------------------------------------------------------- language
function applyLang() {
  root.lang = S.lang;
  document.title = isEmbed ? `${tr('app.name')} — ${scenarioTitle(S.scenario)}` : tr('app.title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = tr(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', tr(el.dataset.i18nAria));
  for (const el of document.querySelectorAll('[data-i18n-title]')) el.title = tr(el.dataset.i18nTitle);
  $('gantt').setAttribute('aria-roledescription', S.lang === 'fr' ? 'chronologie' : 'timeline');
  for (const b of document.querySelectorAll('#lang [data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === S.lang));
  for (const o of $('speed').options) o.textContent = formatSpeed(o.value, S.lang);
  fillPicker();
  renderSummary();
  renderLegend();
  renderNotice();
  renderBug();
  renderDiag();
  if (S.list.length) renderEdited();
  restamp($('log'), fmt);
  if (S.model) { renderAll(); renderTable(); }
  else renderStatusIdle();
  renderStatus();
  gantt.request();
  const open = $('open-full');
  if (open) open.href = 'index.html' + pageQuery(true);
  const lessons = $('lessons-link');
  if (lessons) lessons.href = `?lesson&lang=${S.lang}`;
  for (const h of hooks.lang) h();
}

function scenarioTitle(id) {
  const sc = S.byId.get(id);
  return sc ? (sc.title[S.lang] || sc.title.fr) : id;
}

function fillPicker() {
  const sel = $('scenario');
  if (!S.list.length) return;
  sel.replaceChildren();
  for (const sc of S.list) {
    const o = document.createElement('option');
    o.value = sc.id;
    o.textContent = sc.id === LIBRE_ID ? `✎ ${scenarioTitle(sc.id)}` : `${sc.id} — ${sc.title[S.lang] || sc.title.fr}`;
    sel.appendChild(o);
  }
  sel.value = S.scenario;
}

function renderSummary() {
  const sc = S.byId.get(S.scenario);
  const el = $('summary');
  if (el) el.textContent = sc && sc.summary ? (sc.summary[S.lang] || sc.summary.fr || '') : '';
  const title = $('embed-title');
  if (title) title.textContent = sc ? (sc.id === LIBRE_ID ? scenarioTitle(sc.id) : `${sc.id} — ${scenarioTitle(sc.id)}`) : '';
}

function renderLegend() {
  const box = $('legend');
  if (!box) return;
  box.replaceChildren();
  const colors = readColors($('gantt'));
  const group = (key, states, prefix) => {
    const wrap = document.createElement('div');
    wrap.className = 'legend-group';
    const head = document.createElement('p');
    head.className = 'legend-head';
    head.id = 'legend-' + prefix;
    head.textContent = tr(key);
    const ul = document.createElement('ul');
    ul.setAttribute('aria-labelledby', head.id);
    for (const state of states) ul.appendChild(legendItem(state, tr(prefix + '.' + state), colors));
    wrap.append(head, ul);
    box.appendChild(wrap);
    return ul;
  };
  group('legend.tasks', TASK_STATES, 'state');
  const loopList = group('legend.loop', LOOP_STATES, 'loopState');
  const li = document.createElement('li');
  li.className = 'legend-item arrow';
  const sym = document.createElement('span');
  sym.className = 'arrow-sym';
  sym.setAttribute('aria-hidden', 'true');
  sym.textContent = '↷';
  const span = document.createElement('span');
  span.textContent = tr('legend.arrow');
  li.append(sym, span);
  loopList.appendChild(li);
  // "running" is drawn wider than it lasts: the legend says so on its item
  const run = box.querySelector('[data-state="running"]');
  if (run) {
    const note = document.createElement('span');
    note.className = 'legend-note';
    note.textContent = ' ' + tr('legend.runWidthShort');
    run.lastChild.appendChild(note);
    run.title = tr('legend.runWidth');
  }
}

function legendItem(state, label, colors) {
  const li = document.createElement('li');
  li.className = 'legend-item';
  li.dataset.state = state;
  const c = document.createElement('canvas');
  c.width = 36; c.height = 16;
  c.setAttribute('aria-hidden', 'true');
  const g = c.getContext('2d');
  const look = STATE_LOOK[state];
  const h = Math.max(3, 14 * look.height);
  g.fillStyle = colors[state];
  g.fillRect(0, 8 - h / 2, 36, h);
  if (look.pattern !== 'none') {
    const ink = ['idle', 'waiting', 'ready', 'stopped'].includes(state) ? colors.hatch : colors.hatchLight;
    g.fillStyle = hatch(g, look.pattern, ink);
    g.fillRect(0, 8 - h / 2, 36, h);
  }
  const span = document.createElement('span');
  span.textContent = label;
  li.append(c, span);
  return li;
}

function renderBug() {
  const sc = S.byId.get(S.scenario);
  const box = $('bug');
  const show = !!(sc && sc.bug && S.finished && S.model && S.ran && !S.ran.edited);
  box.hidden = !show;
  if (!show) return;
  $('bug-text').textContent = sc.bug[S.lang] || sc.bug.fr || '';
  const fixed = $('load-fixed');
  fixed.hidden = !sc.fixed;
  if (sc.fixed) {
    fixed.textContent = `${tr('ui.loadFixed')} (${sc.fixed} — ${scenarioTitle(sc.fixed)})`;
  }
}

// ---------------------------------------------------------------- URL
function urlState() {
  return { scenario: S.scenario, lang: S.lang, speed: S.speed, t: S.t, code: S.codeParam, lesson: S.lesson, big: S.big };
}
function pageQuery(full) {
  let q = serialiseState(urlState());
  for (const h of hooks.url) q = h(q, full);
  return q;
}
let urlTimer = 0;
function syncUrl() {
  if (urlTimer) return;
  urlTimer = setTimeout(() => {
    urlTimer = 0;
    const q = pageQuery(false);
    if (q !== location.search) history.replaceState(null, '', q + location.hash);
    const open = $('open-full');
    if (open) open.href = 'index.html' + pageQuery(true);
  }, 150);
}

// ---------------------------------------------------------------- scenario & runs
function selectScenario(id, code) {
  stopRun(true);
  S.scenario = id;
  $('scenario').value = id;
  S.codeParam = null;
  setCode(code ?? loadStored(storage, id) ?? courseSource(id));
  if (isEdited()) queueUrlCode();
  resetRun();
  renderSummary();
  renderBug();
  syncUrl();
  for (const h of hooks.scenario) h();
}

function resetRun() {
  S.runId++;
  S.stepK = -1;
  S.events = [];
  S.model = null;
  S.t = null;
  S.mark = null;
  S.markIndex = -1;
  S.finished = false;
  S.stopped = false;
  S.result = null;
  S.mode = 'idle';
  S.diag = null;
  S.tooLong = false;
  S.eventsSeen = 0;      // events the engine emitted and the page pulled (absolute)
  S.eventsDropped = 0;   // of those, dropped from the page's window
  renderDiag();
  const empty = buildModel([]);
  gantt.setModel(empty);
  gantt.setCursor(null);
  gantt.setMark(null);
  renderLog($('log'), Object.assign([], { runId: S.runId }), { fmt });
  $('log-empty').hidden = false;
  setCurrentLine($('code'), null);
  $('where').textContent = '';
  $('queues').replaceChildren();
  renderStep();
  $('gantt-table').tBodies[0].replaceChildren();
  const tl = $('timeline');
  tl.disabled = true; tl.max = '1'; tl.value = '0';
  $('timeline-value').textContent = fmt(0);
  renderBug();
  setButtons();
  renderStatusIdle();
  for (const h of hooks.reset) h();
}

function renderStatusIdle() {
  if (S.mode === 'idle' && !S.model) setStatus(wasm ? 'ui.hint' : 'status.loading');
}

function setButtons() {
  const focused = document.activeElement;
  const ready = !!wasm || needsReload;
  const live = S.mode === 'live' && !S.finished;
  $('run').disabled = !ready || live;
  $('stop').disabled = !(live || (S.mode === 'step' && !S.finished));
  $('step').disabled = !ready || live;
  $('scenario').disabled = !ready;
  $('export').disabled = !(S.events.length && S.finished);
  const label = $('step').querySelector('[data-i18n]');
  label.dataset.i18n = S.mode === 'step' && !S.finished ? 'ui.stepNext' : 'ui.step';
  label.textContent = tr(label.dataset.i18n);
  const prev = $('step-prev');
  prev.hidden = S.mode !== 'step';
  prev.disabled = !(S.mode === 'step' && S.stepper && S.stepK > 0);
  // a button disabled under the keyboard's focus hands it on (not to the body)
  if (focused && focused.tagName === 'BUTTON' && (focused.disabled || focused.hidden) && focused.closest('.controls')) {
    const next = [$('stop'), $('run'), $('step')].find((b) => !b.disabled && !b.hidden);
    if (next) next.focus();
  }
}

function stopRun(silent) {
  if (S.session) {
    try { S.session.stop(); } catch (e) { /* stopping twice is fine */ }
    try { S.session.free && S.session.free(); } catch (e) { /* already freed */ }
    S.session = null;
    if (!silent) {
      S.stopped = true;
      S.events = S.events.slice(0, S.revealed ?? S.events.length); // what the page had shown
      finish(null);
    }
  }
  if (S.stepper) {
    try { S.stepper.free(); } catch (e) { /* already freed */ }
    S.stepper = null;
    if (!silent && !S.finished) { S.stopped = true; finish(null); }
  }
}

async function run() {
  stopRun(true);
  if (!(await ensureEngine())) return;
  resetRun();
  S.notices = S.notices.filter((n) => n.text || n.key.startsWith('url.'));
  renderNotice();
  await runProgram(S.speed === 'instant');
}

/** Run the editor's code with the interpreter: at once on the virtual clock
 *  (`instant`), or live on the browser's clock at the page's speed. Resolves when
 *  the run is over. */
async function runProgram(instant, unlimited = false) {
  S.ran = { source: S.code, file: fileName(), edited: isEdited() };
  setState('running'); // already while the files it needs are fetched
  if (!(await ensureModules(S.ran.source))) return;
  let s;
  try {
    s = instant ? new wasm.Session(S.ran.file, S.ran.source) : new wasm.Session(S.ran.file, S.ran.source, Number(S.speed));
    if (unlimited && s.set_max_steps) s.set_max_steps(0);
  } catch (e) { crashed(e); return Promise.resolve(); }
  return drive(s, instant ? Infinity : Number(S.speed));
}

/**
 * Show a running session: `speed` > 0 reveals its events as the page's clock (real
 * time × speed) reaches their stamps; Infinity shows them as soon as they exist (a
 * program on the virtual clock, "instant"). Resolves when the run is over.
 */
function drive(s, speed) {
  let done_ = null;
  const over = new Promise((r) => { done_ = r; });
  S.session = s;
  S.mode = 'live';
  S.model = buildModel([]);
  S.revealed = 0;
  setState('running');
  setButtons();
  setStatus(speed === Infinity ? 'status.pyRunning' : 'status.running');
  let dirty = true;
  const runId = S.runId;
  // The present shown: the last event, gliding with real time only while the loop
  // waits (`loop idle`, `blocked`, events stamped ahead), never past what it waits
  // for: the live chart never draws a moment the run has not reached (livePace).
  const pace = livePace(speed);
  try {
    const p = s.start(() => { dirty = true; });
    if (p && typeof p.catch === 'function') p.catch((e) => { if (S.session === s) crashed(e); });
  } catch (e) { crashed(e); return; }
  let lastShown = -1;
  let lastBuilt = 0;
  let lastCost = 0;
  const frame = () => {
    if (S.session !== s || S.runId !== runId) { done_(); return; }
    try {
      if (dirty) { dirty = false; pull(s, speed === Infinity); }
      const done = s.finished();
      if (done) pull(s, speed === Infinity);
      const now = pace.present(S.events, S.revealed);
      let k = S.revealed;
      while (k < S.events.length && S.events[k].at <= now + 1e-9) k++;
      if (k !== S.revealed) pace.shown(S.events, k);
      S.revealed = k;
      if (done && k === S.events.length) {
        let result = null;
        try { result = JSON.parse(s.result()); } catch (e) { result = null; }
        S.session = null;
        S.model = model(S.events, result && result.duration);
        finish(result);
        try { s.free && s.free(); } catch (e) { /* ignore */ }
        done_();
        return;
      }
      const shown = k === S.events.length ? S.events : S.events.slice(0, k);
      // reduced motion: the cursor jumps from event to event instead of gliding
      const end = reducedMotion.matches || speed === Infinity ? (k ? shown[k - 1].at : 0) : pace.present(S.events, k);
      // Drawing a big trace takes time the engine needs: at most a quarter of it.
      const busy = performance.now() - lastBuilt < 3 * lastCost;
      if ((k !== lastShown || !reducedMotion.matches) && !busy) {
        lastShown = k;
        lastBuilt = performance.now();
        S.model = model(shown, end);
        renderAll();
        lastCost = performance.now() - lastBuilt;
      }
    } catch (e) { crashed(e); done_(); return; }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return over;
}

/** The live present: see drive(). `present(events, k)` with events[0..k) shown. */
function livePace(speed) {
  let anchorAt = 0;
  let anchorWall = performance.now();
  let sawIdle = false;
  return {
    shown(events, k) {
      const last = events[k - 1];
      if (last && last.at >= anchorAt) { anchorAt = last.at; anchorWall = performance.now(); }
      for (let i = Math.max(0, k - 8); i < k; i++) if (events[i].k === 'loop' && events[i].what === 'idle') sawIdle = true;
    },
    present(events, k) {
      if (speed === Infinity) return Infinity;
      const last = events[k - 1];
      const glide = anchorAt + ((performance.now() - anchorWall) / 1000) * speed;
      if (k < events.length) return Math.min(glide, events[k].at); // stamped ahead: reached in real time
      if (!last) return 0;
      if (last.k === 'blocked') return Math.min(glide, Number(last.until) || last.at);
      if (last.k === 'loop' && last.what === 'idle') return last.until == null ? glide : Math.min(glide, last.until);
      // an engine without `loop idle` events (trace v1): glide, the next events re-anchor
      return sawIdle ? Math.max(last.at, anchorAt) : glide;
    },
  };
}

// On the virtual clock, a program past MAX_EVENTS events and an hour of loop time does
// not seem to end (`while True: await asyncio.sleep(1)`): it is stopped. (One that never
// lets time pass meets the instruction limit; a live run keeps its latest events.)
const ENDLESS_AFTER = 3600;

function pull(s, instant = false) {
  if (!s.events_total) { // an engine without the window (tests' fakes)
    const fresh = JSON.parse(s.events_since(S.events.length));
    if (fresh.length) S.events.push(...fresh);
    return;
  }
  const fresh = JSON.parse(s.events_since(S.eventsSeen));
  S.eventsSeen = s.events_total();
  for (const ev of fresh) S.events.push(ev);
  const last = S.events[S.events.length - 1];
  if (instant && S.eventsSeen > MAX_EVENTS && last && last.at > ENDLESS_AFTER && !s.finished()) {
    S.tooLong = true;
    s.stop();
  }
  if (S.events.length > KEEP_EVENTS) {
    const n = S.events.length - Math.floor(KEEP_EVENTS * 0.75);
    S.events.splice(0, n);
    S.revealed = Math.max(0, (S.revealed ?? 0) - n);
    if (!S.eventsDropped) showNotice([{ key: 'notice.window', params: { n: Math.floor(KEEP_EVENTS * 0.75).toLocaleString(S.lang) } }], 'info');
    S.eventsDropped += n;
  }
  root.dataset.eventsKept = String(S.events.length);
  root.dataset.eventsSeen = String(S.eventsSeen);
}

// ---------------------------------------------------------------- the editor
const courseSource = (id) => (id === LIBRE_ID ? libreTemplate(S.lang) : (S.byId.get(id)?.source ?? ''));
const isEdited = () => (S.scenario === LIBRE_ID ? !isTemplate(S.code) : S.code !== courseSource(S.scenario));
const fileName = () => (S.scenario === LIBRE_ID ? LIBRE_FILE : (S.byId.get(S.scenario)?.file || `${S.scenario}.py`));

/** Show `code` in the editor and its highlighted view (the marks of the run stay). */
function setCode(code) {
  S.code = code;
  const ta = $('editor');
  if (ta && ta.value !== code) ta.value = code;
  renderCodeView();
  renderEdited();
}

function renderCodeView() {
  renderCode($('code'), S.code);
  if (S.model) {
    const cur = currentLineAt(S.model, S.t == null ? Infinity : shownTime());
    setCurrentLine($('code'), cur ? cur.line : null, { scroll: false });
  }
  markDiagLines(false);
}

function renderEdited() {
  const edited = isEdited();
  $('code-modified').hidden = !edited;
  $('reset-code').hidden = !edited;
  const label = $('reset-code').querySelector('[data-i18n]');
  label.dataset.i18n = S.scenario === LIBRE_ID ? 'ui.resetTemplate' : 'ui.resetCode';
  label.textContent = tr(label.dataset.i18n);
}

function onEditorInput(text) {
  S.code = text;
  renderCodeView();
  renderEdited();
  renderBug();
  saveStored(storage, S.scenario, isEdited() ? text : null);
  queueUrlCode();
}

let urlCodeTimer = 0;
/** The code= of the URL follows the editor (compression is async: debounced). */
function queueUrlCode() {
  clearTimeout(urlCodeTimer);
  urlCodeTimer = setTimeout(async () => {
    const code = S.code;
    const id = S.scenario;
    let enc = null;
    if (isEdited()) { try { enc = await (await import('./codec.js')).encodeCode(code); } catch (e) { enc = null; } }
    if (S.code !== code || S.scenario !== id) return;
    S.codeParam = enc;
    syncUrl();
  }, 250);
}

function resetCode() {
  saveStored(storage, S.scenario, null);
  S.codeParam = null;
  setCode(courseSource(S.scenario));
  S.diag = null;
  markDiagLines(false);
  renderDiag();
  renderBug();
  syncUrl();
  $('editor').focus();
}

// ---------------------------------------------------------------- diagnostics
/** What went wrong, and a hint (hints.js is loaded when there may be something to say). */
async function computeDiag() {
  const r = S.result;
  const ran = S.ran;
  const runId = S.runId;
  S.diag = null;
  if (!r || !ran) return;
  const stderr = r.stderr || '';
  // without an error, only a blocking time.sleep or (in edited code) the pre-3.7 style
  // can get a hint: an untouched course example that ran cleanly does not load hints.js
  if (!stderr.trim() && !/time\s*\.\s*sleep|^\s*from\s+time\s+import\b/m.test(ran.source)
    && !(ran.edited && /get_event_loop/.test(ran.source))) return;
  const { hintFor, errorLine, errorMessage, messageKey, toAsyncioRun } = await import('./hints.js');
  if (S.runId !== runId) return;
  const message = stderr.trim() ? errorMessage(stderr) : null;
  // the pre-3.7 hint is for the student's own code, not the course's on purpose
  const hint = hintFor(stderr, ran.source, { edited: ran.edited });
  if (!message && !hint) return;
  // a message the page says in its own words (the runaway guard), on the line of
  // the loop that never gives control back
  const key = messageKey(message);
  S.diag = {
    line: message ? (key && hint && hint.line ? hint.line : errorLine(stderr, ran.file)) : null,
    message,
    messageKey: key,
    error: !!r.status,
    hint,
    rewrite: !!(hint && hint.key === 'hint.legacy' && toAsyncioRun(S.code) != null),
  };
}

function markDiagLines(scroll) {
  const d = S.diag;
  const row = markLine($('code'), d && d.line, 'error');
  markLine($('code'), d && d.hint && d.hint.line !== d.line ? d.hint.line : null, 'hinted');
  if (scroll && row) scrollToLine($('code'), row);
}

function renderDiag() {
  const box = $('diag');
  if (!box) return;
  const d = S.diag;
  box.hidden = !d;
  if (!d) return;
  box.className = 'diag' + (d.error ? ' error' : '');
  const message = d.messageKey ? tr(d.messageKey) : d.message;
  $('diag-msg').textContent = message ? (d.line ? tr('ui.errorAt', { line: d.line, message }) : message) : '';
  const hint = $('diag-hint');
  hint.replaceChildren();
  if (d.hint) {
    const b = document.createElement('strong');
    b.textContent = tr('ui.hintLabel') + ' ';
    hint.append(b, tr(d.hint.key, d.hint.params));
  }
  $('rewrite').hidden = !d.rewrite;
}

let stepping = false;
let firstOutput = false;
let stepModule = null;
/** Step mode (stepper.js, loaded on first use): `dir` 1 shows the next step (the
 *  first click starts a run on the virtual clock), -1 the previous. */
function step(dir = 1) {
  if (stepping || (dir < 0 && !(S.mode === 'step' && S.stepper && S.stepK > 0))) return;
  stepping = true;
  (async () => {
    stepModule = stepModule || await import('./stepper.js');
    await stepModule.step(stepPage, dir);
  })().catch((e) => crashed(e)).finally(() => { stepping = false; });
}
// what stepper.js drives the page with
const stepPage = {
  S, MAX_EVENTS, get wasm() { return wasm; }, stopRun, ensureEngine, resetRun, fileName, isEdited, ensureModules,
  crashed, setState, model, finish, renderDiag, markDiagLines, renderBug, renderAll, renderTable, setButtons, setStatus,
};

async function rerunUnlimited(instant) {
  stopRun(true);
  if (!(await ensureEngine())) return;
  resetRun();
  S.notices = [];
  renderNotice();
  await runProgram(instant, true);
}

/** The Step-mode panel (drawn by stepper.js): the step's sentence, the queues at
 *  its end, every task's current line in its lane's colour. */
function renderStep() {
  const on = S.mode === 'step' && !!S.stepper && S.stepK >= 0 && !!stepModule;
  $('stepbox').hidden = !on;
  root.dataset.mode = on ? 'step' : '';
  if (!stepModule) return;
  stepModule.renderPanel(on && {
    stepper: S.stepper, k: S.stepK, model: S.model, lang: S.lang, fmt,
    name: (id) => taskName(S.model, id), colorOf: (id) => gantt.colorOf(id),
    say: $('step-say'), code: $('code'), queues: (q) => stepModule.renderQueues($('queues'), q, { tr, fmt, lang: S.lang }),
  }, $('code'));
}

function finish(result) {
  S.finished = true;
  if (result) S.result = result;
  if (!S.model) S.model = model(S.events);
  renderAll();
  renderTable();
  renderBug();
  setButtons();
  const end = S.model.end;
  const status = S.result && S.result.status;
  let text;
  const runaway = S.tooLong || /instruction limit exceeded/.test((S.result && S.result.stderr) || '');
  // the end time is kept in seconds: the status is said again on a language switch
  if (S.stopped && !S.tooLong) text = 'status.stopped';
  else if (runaway) text = 'status.interrupted';
  else if (status) text = 'status.failedPlain';
  else text = 'status.done';
  setStatus(text, { time: end });
  if (S.tooLong) showNotice([{ key: 'error.tooLong', params: { n: (S.eventsSeen || MAX_EVENTS).toLocaleString(S.lang) } }], 'warn');
  if (S.result && S.result.limit) {
    // The page's instruction limit stopped it: say so, and offer to go on without it.
    const instant = S.speed === 'instant';
    showNotice([{ key: 'error.stepLimit', action: { key: 'ui.runUnlimited', run: () => rerunUnlimited(instant) } }], 'warn');
  }
  const runId = S.runId;
  computeDiag().catch(() => { S.diag = null; }).then(() => {
    if (S.runId !== runId) return;
    renderDiag();
    markDiagLines(true);
    for (const h of hooks.finish) h(S);
    setState('done');
  });
}

// ---------------------------------------------------------------- rendering
function shownTime() {
  if (!S.model) return 0;
  return S.t == null ? S.model.end : Math.min(S.t, S.model.end);
}

function renderAll() {
  const m = S.model;
  if (!m) return;
  const t = shownTime();
  gantt.setModel(m, { keepFocus: true });
  gantt.setCursor(m.count ? t : null);
  gantt.setMark(S.mark);
  const logs = Object.assign(m.logs.slice(), { runId: S.runId });
  const added = renderLog($('log'), logs, { t: S.t == null ? Infinity : t, fmt, onPick: pickLog, marked: S.markIndex });
  $('log-empty').hidden = m.logs.length > 0;
  if (added || S.t != null) scrollToPresent($('logbox'), $('log'));
  // the moment the page first showed a program's output (make bench reads it)
  if (added && !firstOutput) { firstOutput = true; performance.mark('boucle:first-output'); }
  const cur = currentLineAt(m, S.t == null ? Infinity : t);
  setCurrentLine($('code'), cur ? cur.line : null);
  $('where').textContent = cur ? tr('ui.currentLine', { line: cur.line, who: cur.task === 0 ? tr('lane.loop') : taskName(m, cur.task) }) : '';
  renderStep(); // the queues are shown in Step mode only (stepper.js draws them)
  const tl = $('timeline');
  tl.disabled = !m.count;
  tl.max = String(Math.max(m.end, 0.001));
  tl.value = String(t);
  tl.setAttribute('aria-valuetext', fmt(t));
  $('timeline-value').textContent = fmt(t);
}

// The event table is drawn when its <details> is open (table.js is loaded then).
let tableModule = null;
function renderTable() {
  const table = $('gantt-table');
  const box = table.closest('details');
  if (box && !box.open) { table.tBodies[0].replaceChildren(); return; }
  if (!tableModule) {
    import('./table.js').then((m) => { tableModule = m; renderTable(); }).catch((e) => crashed(e));
    return;
  }
  tableModule.renderTable(table, S.events, S.model, tr, fmt);
}

function travel(time) {
  if (!S.model || !S.model.count) return;
  const end = S.model.end;
  const t = Math.max(0, Math.min(end, time));
  const live = S.mode === 'live' && !S.finished;
  S.t = live && t >= end - 1e-6 ? null : t;
  renderAll();
  syncUrl();
}

function pickLog(index) {
  const l = S.model && S.model.logs[index];
  if (!l) return;
  S.mark = l.at;
  S.markIndex = index;
  travel(l.at);
}

/** Put `out` in the editor as an edit (undoable with Ctrl+Z), e.g. a rewrite. */
function loadCode(out) {
  const ta = $('editor');
  ta.focus();
  ta.select();
  try { document.execCommand('insertText', false, out); } catch (e) { /* below */ } // undoable; fires input
  if (ta.value !== out) ta.value = out;
  if (S.code !== out) onEditorInput(out);
  S.diag = null;
  markDiagLines(false);
  renderDiag();
}

// ---------------------------------------------------------------- add-ons
// exercise.js (exercise=, ex=, author, lock=, view=), lesson.js and big.js (?lesson,
// ?big=1, #big): loaded only when asked for; they use `api` and the hooks.
const api = {
  S, hooks, isEmbed, tr, fmt, gantt, get wasm() { return wasm; }, ensureEngine: () => ensureEngine(),
  engine: async () => ((await ensureEngine()) ? wasm : null),
  selectScenario: (id, code) => { selectScenario(id, code); applyLang(); },
  pointAt: (t) => { S.mark = t; S.markIndex = -1; travel(t); },
  scenarioTitle, courseSource, isEdited, loadCode, syncUrl, travel, showNotice, run,
  runInstant: async () => { stopRun(true); if (await ensureEngine()) { resetRun(); await runProgram(true); } },
};
function loadAddon(name) {
  return import(name === 'big' ? './big.js' : './lesson.js').then((m) => m.start(api)).catch((e) => {
    showNotice([{ key: 'error.run', params: { message: (e && e.message) || String(e) } }], 'error');
  });
}

// ---------------------------------------------------------------- events
function wire() {
  $('run').addEventListener('click', run);
  // The editor's keys (Tab, Enter, Backspace, Ctrl+Enter) come with editor.js, loaded
  // when the student first goes to the code; what is typed is followed from the start.
  const ta = $('editor');
  ta.addEventListener('input', () => onEditorInput(ta.value));
  let editorLoad = null;
  const loadEditor = () => {
    editorLoad = editorLoad || import('./editor.js').then((m) => m.attachEditor(ta, { onRun: () => { if (!$('run').disabled) run(); }, pristine: () => !isEdited() }));
  };
  ta.addEventListener('focus', loadEditor, { once: true });
  ta.addEventListener('pointerdown', loadEditor, { once: true });
  $('reset-code').addEventListener('click', resetCode);
  $('rewrite').addEventListener('click', async () => {
    const out = (await import('./hints.js')).toAsyncioRun(S.code);
    if (out == null) return;
    loadCode(out);
  });
  $('stop').addEventListener('click', () => stopRun(false));
  $('step').addEventListener('click', () => step(1));
  $('step-prev').addEventListener('click', () => step(-1));
  // Step mode from the keyboard: → next step, ← previous (not while typing, nor on
  // the controls that use the arrows themselves)
  window.addEventListener('keydown', (e) => {
    if (S.mode !== 'step' || !S.stepper || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const el = document.activeElement;
    if (el && (el.matches('textarea, input, select, canvas') || el.isContentEditable)) return;
    e.preventDefault();
    step(e.key === 'ArrowRight' ? 1 : -1);
  });
  const big = $('big');
  if (big) big.addEventListener('click', () => { S.big = !S.big; loadAddon('big'); });
  const tableBox = $('gantt-table').closest('details');
  if (tableBox) tableBox.addEventListener('toggle', () => { if (tableBox.open) renderTable(); });
  $('scenario').addEventListener('change', (e) => selectScenario(e.target.value));
  $('speed').addEventListener('change', (e) => { S.speed = e.target.value; syncUrl(); });
  for (const b of document.querySelectorAll('#lang [data-lang]')) {
    b.addEventListener('click', async () => {
      await loadLang(b.dataset.lang).catch(() => { /* French meanwhile */ });
      const template = S.scenario === LIBRE_ID && isTemplate(S.code);
      S.lang = b.dataset.lang;
      if (template) setCode(libreTemplate(S.lang));
      applyLang();
      syncUrl();
    });
  }
  $('timeline').addEventListener('input', (e) => { S.markIndex = -1; travel(Number(e.target.value)); });
  // arrow keys: from one moment where something happened to the next (Shift: 0.1 s)
  $('timeline').addEventListener('keydown', (e) => {
    if (!S.model || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
    e.preventDefault();
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : -1;
    S.markIndex = -1;
    travel(e.shiftKey ? shownTime() + dir * 0.1 : nextMoment(S.model, shownTime(), dir));
  });
  $('load-fixed').addEventListener('click', () => {
    const sc = S.byId.get(S.scenario);
    if (sc && sc.fixed) { selectScenario(sc.fixed); applyLang(); $('run').focus(); }
  });
  $('export').addEventListener('click', async () => {
    try {
      const { downloadChromeTrace } = await import('./export.js'); // loaded on demand
      downloadChromeTrace(wasm, S.events, `boucle-${S.scenario}.json`, { title: `Boucle ${S.scenario} — ${scenarioTitle(S.scenario)}`, loopLabel: tr('lane.loop') });
    } catch (e) { showNotice([{ key: 'error.export', params: { message: e.message || String(e) } }], 'error'); }
  });
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && S.mode === 'live' && !S.finished) stopRun(false);
  });
  if (isEmbed && window.parent !== window) {
    let last = 0;
    const post = () => {
      const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) { last = h; window.parent.postMessage({ type: 'boucle:height', height: h }, '*'); }
    };
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(post).observe(document.body);
    window.addEventListener('load', post);
    window.addEventListener('resize', post);
    post();
  }
}

async function main() {
  setState('loading');
  wire();
  // the language first, so that even a load failure is reported in it
  const pre = parseState(location.search, null);
  S.lang = pre.lang;
  await loadLang(S.lang).catch(() => { /* French meanwhile */ });
  applyLang();
  try {
    await loadEngine();
    performance.mark('boucle:engine-ready');
  } catch (e) {
    showNotice([{ key: 'error.load', params: { message: e.message || String(e) } }], 'error');
    setState('error');
    return;
  }
  try {
    S.list = JSON.parse(wasm.scenarios());
  } catch (e) { crashed(e); return; }
  S.list.push({
    id: LIBRE_ID, file: LIBRE_FILE, source: null, fixed: null, bug: null,
    // read when shown: the English texts may not be loaded yet
    title: { get fr() { return tt('fr', 'libre.title'); }, get en() { return tt('en', 'libre.title'); } },
    summary: { get fr() { return tt('fr', 'libre.summary'); }, get en() { return tt('en', 'libre.summary'); } },
  });
  S.byId = new Map(S.list.map((s) => [s.id, s]));
  const st = parseState(location.search, S.list.map((s) => s.id));
  S.lang = st.lang;
  S.speed = st.speed;
  S.lesson = st.lesson;
  S.big = st.big;
  $('speed').value = st.speed;
  let code = null;
  if (st.code != null) {
    try { code = await (await import('./codec.js')).decodeCode(st.code); } catch (e) {
      st.errors.push({ key: 'url.badCode' });
      code = st.scenario === LIBRE_ID ? libreTemplate(S.lang) : (S.byId.get(st.scenario)?.source ?? null);
    }
  }
  let ext = { notices: [] };
  const q = new URLSearchParams(location.search);
  if (['exercise', 'ex', 'author', 'lock', 'view'].some((k) => q.has(k))) {
    try { ext = await (await import('./exercise.js')).attach(api, q, st, code); } catch (e) { ext.notices.push({ key: 'error.run', params: { message: String(e) } }); }
  }
  if (!ext.opened) selectScenario(st.scenario, code);
  applyLang();
  st.errors.push(...ext.notices);
  if (st.errors.length) showNotice(st.errors, 'warn');
  if (S.big) loadAddon('big');
  if (S.lesson != null) loadAddon('lesson');
  setButtons();
  if (st.t != null) {
    if (await ensureEngine()) { resetRun(); await runProgram(true); }
    if (S.model) { S.t = Math.min(st.t, S.model.end); renderAll(); }
  } else {
    setState('ready');
    renderStatusIdle();
  }
  syncUrl();
}

main();
