// Exercise pages (`?exercise=ID`, `?ex=…`), the authoring form (`?author`) and the
// course-page options (`lock=1`, `view=`). Loaded by main.js only when one of those
// parameters is in the URL: a plain visit never loads this module nor its data.
// DOM code, thin: the checks are checks.js (pure), the result codes resultcode.js.
import { validateExercise, decodeExerciseParam, evaluate, textIn, fmtSeconds } from './checks.js';
import { makeResultCode, parseResultCode, matchesSource, documentId } from './resultcode.js';
import { parseViewOptions, applyViewOptions } from './viewopts.js';
import { xt } from './exercise-i18n.js';
import { DICTS } from './i18n.js';
import { loadCss } from './stylesheet.js';

// main.js loads this module when the URL has one of: exercise, ex, author, lock, view.
const ID_RE = /^[a-z0-9][a-z0-9_]{0,39}$/;
/** A run past this many events is stopped (a program that never ends). */
const MAX_EVENTS = 20000;

let api = null;
let ex = null;          // {exercise, exId, param: {exercise|ex: value}, index}
let last = null;        // {run, source, file}: the last finished run of the exercise
const el = (tag, props = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'for') e.setAttribute(k, v);
    else e[k] = v;
  }
  e.append(...kids);
  return e;
};
const lang = () => api.S.lang;
const tx = (key, params) => xt(lang(), key, params);

/**
 * Set the page up from the URL `params` (URLSearchParams) once the engine's scenario
 * list is known. `code` is the decoded `code=` (or null), `st` main.js's parsed state.
 * Returns {opened, notices}: opened = a scenario was selected here (main.js must not
 * select one); notices = [{text(lang)}] to show.
 */
export async function attach(pageApi, params, st, code) {
  // the page's api (its getters kept), and whether this is the embed
  api = Object.defineProperties({ isEmbed: document.body.classList.contains('embed') }, Object.getOwnPropertyDescriptors(pageApi));
  loadCss('exercise.css');
  const notices = [];
  const note = (key, p) => notices.push({ text: (l) => xt(l, key, p) });
  const opts = parseViewOptions(params);
  for (const e of opts.errors) note(e.key, e.params);
  api.hooks.url.push(urlHook);
  api.hooks.lang.push(renderLang);
  api.hooks.finish.push(onFinish);
  let opened = false;

  if (params.has('ex') || params.has('exercise')) {
    if (params.has('ex') && params.has('exercise')) note('ex.err.both');
    const loaded = params.has('ex') ? await loadFromLink(params.get('ex')) : await loadBuiltIn(params.get('exercise'));
    if (loaded.exercise) {
      ex = loaded;
      openExercise(code);
      opened = true;
    } else {
      notices.push({ text: (l) => xt(l, 'ex.err.title') });
      for (const e of loaded.errors) note(e.key, e.params);
      note('ex.err.fallback', { scenario: st.scenario });
    }
  }
  if (params.has('author')) {
    const { openAuthor } = await import('./author.js');
    openAuthor(api);
  }
  if (!opened && opts.lock) {
    // a locked example shows the course's code (or the link's), never a stored edit
    api.selectScenario(st.scenario, code ?? api.courseSource(st.scenario));
    opened = true;
  }
  applyViewOptions(opts, { locked: opts.lock, exercise: !!ex });
  return { opened, notices };
}

// ---------------------------------------------------------------- loading
async function loadBuiltIn(raw) {
  const value = String(raw || '').trim().toLowerCase();
  let index = [];
  try { index = await (await fetchOk('exercises/index.json')).json(); } catch (e) { index = []; }
  const ids = index.map((x) => x.id);
  if (!ID_RE.test(value) || (ids.length && !ids.includes(value))) {
    return { exercise: null, errors: [{ key: 'ex.err.unknownId', params: { value: String(raw), accepted: ids.join(', ') } }] };
  }
  try {
    const doc = await (await fetchOk(`exercises/${value}.json`)).json();
    const v = validateExercise(doc);
    return { ...v, exId: value, param: { exercise: value }, index };
  } catch (e) {
    return { exercise: null, errors: [{ key: 'ex.err.load', params: { value, message: e.message || String(e) } }] };
  }
}

async function fetchOk(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r;
}

async function loadFromLink(value) {
  const codec = await import('./codec.js');
  const raw = String(value || '').trim();
  const r = await decodeExerciseParam(raw, codec);
  if (!r.exercise) return r;
  return { ...r, exId: documentId(r.json), param: { ex: raw }, index: [] };
}

// ---------------------------------------------------------------- the exercise view
function scenarioId() { return 'ex_' + ex.exId; }

function openExercise(code) {
  const e = ex.exercise;
  const sc = {
    id: scenarioId(), file: 'exercice.py', source: e.start, fixed: null, bug: null,
    title: { get fr() { return textIn(e.title, 'fr'); }, get en() { return textIn(e.title, 'en'); } },
    summary: null,
  };
  api.S.list.push(sc);
  api.S.byId.set(sc.id, sc);
  document.documentElement.classList.add('exercise-mode');
  buildPanel();
  api.selectScenario(sc.id, code);
  renderLang();
}

function buildPanel() {
  const old = document.getElementById('exercise');
  if (old) old.remove();
  const box = el('section', { id: 'exercise', class: 'exercise', 'aria-labelledby': 'exercise-title' },
    el('p', { class: 'exercise-kicker', id: 'exercise-kicker' }),
    el('h2', { id: 'exercise-title' }),
    el('p', { id: 'exercise-statement', class: 'exercise-statement' }),
    el('p', { id: 'exercise-course', class: 'exercise-course', hidden: !ex.exercise.course }, el('a', { id: 'exercise-course-link' })),
    el('h3', { id: 'exercise-checks-title', class: 'exercise-sub' }),
    el('ul', { id: 'exercise-checks', class: 'exercise-checks', 'aria-labelledby': 'exercise-checks-title' }),
    el('div', { id: 'verdict', class: 'verdict', role: 'status', 'aria-live': 'polite' }),
  );
  if (ex.index && ex.index.length > 1) {
    const nav = el('details', { class: 'exercise-others' },
      el('summary', { id: 'exercise-others-title' }),
      el('nav', { 'aria-labelledby': 'exercise-others-title' }, el('ul', { id: 'exercise-list' })));
    box.appendChild(nav);
  }
  box.appendChild(teacherBox());
  // a panel of its own, right after the controls (the layout places it)
  document.getElementById('run').closest('section').after(box);
}

/** In an exercise, the reset button goes back to the starting code (the page's own
 *  text for it, changed while this page is an exercise). */
function resetLabel() {
  for (const l of ['fr', 'en']) if (DICTS[l]) DICTS[l]['ui.resetCode'] = xt(l, 'ex.reset');
  const label = document.querySelector('#reset-code [data-i18n="ui.resetCode"]');
  if (label) label.textContent = xt(lang(), 'ex.reset');
}

function renderLang() {
  if (!ex) return;
  resetLabel();
  const e = ex.exercise;
  const l = lang();
  document.getElementById('exercise-kicker').textContent = tx('ex.panel');
  document.getElementById('exercise-title').textContent = textIn(e.title, l);
  document.getElementById('exercise-statement').textContent = textIn(e.statement, l);
  document.getElementById('exercise-checks-title').textContent = tx('ex.checksTitle');
  if (e.course) {
    const a = document.getElementById('exercise-course-link');
    a.textContent = tx('ex.course', { id: e.course });
    a.href = `${location.pathname.split('/').pop()}?${new URLSearchParams({ scenario: e.course, lang: l })}`;
    a.target = '_blank';
    a.rel = 'noopener';
  }
  const list = document.getElementById('exercise-checks');
  list.replaceChildren(...e.checks.map((c) => el('li', { text: checkLabel(c, l) })));
  const others = document.getElementById('exercise-list');
  if (others) {
    document.getElementById('exercise-others-title').textContent = tx('ex.others');
    others.replaceChildren(...ex.index.map((x) => {
      const q = new URLSearchParams({ exercise: x.id, lang: l });
      const a = el('a', { href: location.pathname.split('/').pop() + '?' + q, text: textIn(x.title, l) });
      if (x.id === ex.exId) a.setAttribute('aria-current', 'page');
      return el('li', {}, a);
    }));
  }
  renderTeacherLang();
  if (!api.isEmbed) document.title = `${tx('ex.panel')} — ${textIn(e.title, l)} — Boucle`;
  const head = document.getElementById('embed-title');
  if (head) head.textContent = `${tx('ex.panel')} — ${textIn(e.title, l)}`;
  renderVerdict();
}

function checkLabel(c, l) {
  switch (c.kind) {
    case 'duration': return xt(l, 'ex.kind.duration', { max: fmtSeconds(c.max, l) });
    case 'tasks': return xt(l, 'ex.kind.tasks', { min: c.min });
    case 'uses': return xt(l, 'ex.kind.uses', { name: c.name });
    default: return xt(l, `ex.kind.${c.kind}`);
  }
}

/** After every finished run (live, instant or step) of the exercise's code. */
function onFinish(S) {
  if (!ex || S.scenario !== scenarioId()) return;
  last = S.result && !S.stopped && !S.tooLong
    ? { run: { events: S.events, ...S.result }, source: S.ran ? S.ran.source : S.code, file: S.ran ? S.ran.file : 'exercice.py' }
    : { stopped: true };
  renderVerdict();
}

function renderVerdict() {
  const box = document.getElementById('verdict');
  if (!box) return;
  box.replaceChildren();
  // once there is a verdict, it lists the checks itself
  const shown = !!(last && !last.stopped);
  document.getElementById('exercise-checks').hidden = shown;
  document.getElementById('exercise-checks-title').hidden = shown;
  if (!last) {
    box.removeAttribute('data-verdict');
    box.appendChild(el('p', { text: tx('ex.runToCheck') }));
    return;
  }
  if (last.stopped) {
    box.dataset.verdict = 'fail';
    box.appendChild(el('p', { class: 'verdict-head', text: tx('ex.stopped') }));
    return;
  }
  const l = lang();
  const v = evaluate(ex.exercise, last.run, last.source, l, last.file);
  box.dataset.verdict = v.pass ? 'pass' : 'fail';
  const failed = v.results.filter((r) => !r.ok).length;
  box.appendChild(el('p', { class: 'verdict-head', text: v.pass ? tx('ex.pass') : tx('ex.fail', { n: failed, total: v.results.length }) }));
  const ul = el('ul', { class: 'verdict-list' });
  for (const r of v.results) {
    const text = el('span', { text: r.text });
    const li = el('li', { class: r.ok ? 'ok' : 'ko', 'data-kind': r.kind },
      el('span', { class: 'mark', 'aria-hidden': 'true', text: r.ok ? '✓' : '✗' }), text);
    if (!r.ok && r.at != null) {
      const b = el('button', { type: 'button', class: 'look', text: tx('ex.look', { at: fmtSeconds(r.at, l) }) });
      b.addEventListener('click', () => api.pointAt(r.at));
      text.append(' ', b);
    }
    ul.appendChild(li);
  }
  box.appendChild(ul);
  if (v.pass) {
    const code = makeResultCode(ex.exId, last.source, true);
    const out = el('output', { id: 'result-code', class: 'result-code', text: code });
    const copy = el('button', { type: 'button', class: 'copy', text: tx('ex.copy') });
    copy.addEventListener('click', () => copyText(code, copy));
    box.appendChild(el('p', { class: 'result-line' }, el('span', { text: tx('ex.resultCode') + ' ' }), out, ' ', copy));
  }
}

async function copyText(text, button) {
  try { await navigator.clipboard.writeText(text); button.textContent = tx('ex.copied'); } catch (e) { /* the code stays visible to copy by hand */ }
}

// ---------------------------------------------------------------- teacher verification
function teacherBox() {
  const d = el('details', { class: 'teacher', id: 'teacher' },
    el('summary', { id: 'teacher-summary' }),
    el('p', { id: 'teacher-help', class: 'teacher-help' }),
    el('label', { for: 'verify-code', id: 'verify-code-label' }),
    el('input', { id: 'verify-code', type: 'text', autocomplete: 'off', spellcheck: false }),
    el('label', { for: 'verify-source', id: 'verify-source-label' }),
    el('textarea', { id: 'verify-source', rows: 5, spellcheck: false, wrap: 'off' }),
    el('button', { type: 'button', id: 'verify' }),
    el('p', { id: 'verify-result', class: 'verify-result', role: 'status' }));
  d.querySelector('#verify').addEventListener('click', verify);
  return d;
}

function renderTeacherLang() {
  const set = (id, key) => { document.getElementById(id).textContent = tx(key); };
  set('teacher-summary', 'ex.teacher');
  set('teacher-help', 'ex.verifyHelp');
  set('verify-code-label', 'ex.verifyCode');
  set('verify-source-label', 'ex.verifySource');
  set('verify', 'ex.verify');
}

async function verify() {
  const out = document.getElementById('verify-result');
  const say = (key, params, kind) => { out.textContent = tx(key, params); out.dataset.result = kind; };
  out.textContent = '';
  delete out.dataset.result;
  const parsed = parseResultCode(document.getElementById('verify-code').value);
  if (!parsed.ok) return say(parsed.reason === 'checksum' ? 'ex.v.checksum' : 'ex.v.malformed', {}, 'bad');
  if (parsed.exId !== ex.exId) return say('ex.v.otherExercise', { ex: parsed.exId, here: ex.exId }, 'bad');
  const source = document.getElementById('verify-source').value;
  if (!source.trim()) return say('ex.v.intact', { ex: parsed.exId, hash: parsed.hash, verdict: parsed.pass ? 'OK' : 'KO' }, 'intact');
  if (!matchesSource(parsed, source)) {
    const { sourceHash } = await import('./resultcode.js');
    return say('ex.v.otherSource', { got: sourceHash(source), want: parsed.hash }, 'bad');
  }
  if (!(await api.ensureEngine())) return undefined;
  const run = await runVirtual(api.wasm, 'exercice.py', source);
  const v = evaluate(ex.exercise, run, source, lang(), 'exercice.py');
  if (v.pass) return say('ex.v.rerunPass', {}, 'pass');
  return say('ex.v.rerunFail', { why: v.results.filter((r) => !r.ok).map((r) => r.text).join(' ') }, 'fail');
}

/**
 * Run `source` to the end on the virtual clock, in slices (the page keeps painting),
 * stopped past MAX_EVENTS events. Resolves {events, stdout, stderr, status, duration}.
 */
export async function runVirtual(wasm, file, source) {
  // the library modules and engine files it needs (asyncio.Queue…), as main.js does
  await (await import('./pylib.js')).loadModules(wasm, source);
  const s = new wasm.Session(file, source);
  const events = [];
  const pull = () => {
    const fresh = JSON.parse(s.events_since(events.length));
    if (fresh.length) events.push(...fresh);
    if (events.length > MAX_EVENTS && !s.finished()) s.stop();
  };
  try {
    const p = s.start(pull);
    if (p && typeof p.catch === 'function') p.catch(() => {});
    await s.when_finished();
    pull();
    const r = JSON.parse(s.result());
    return { ...r, events };
  } finally {
    try { s.free(); } catch (e) { /* already freed */ }
  }
}

// ---------------------------------------------------------------- URL
/** The page's URL with the exercise (instead of scenario=) and the view options. */
function urlHook(q, forFullPage) {
  const p = new URLSearchParams(q);
  const here = new URLSearchParams(location.search);
  if (ex && api.S.scenario === scenarioId()) {
    p.delete('scenario');
    for (const [k, v] of Object.entries(ex.param)) p.set(k, v);
  }
  if (!forFullPage) for (const k of ['lock', 'view', 'author']) if (here.has(k)) p.set(k, here.get(k));
  return '?' + p.toString();
}

