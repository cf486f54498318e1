// Lesson mode (?lesson=ID, ?lesson for the list): the #lesson panel beside the example,
// its "predict, then run" questions (#predict), look-here links that move the time
// cursor, the modern version one click away and side-by-side comparisons (lesson 00).
// Loaded by main.js only in lesson mode. The texts are data files fetched on demand
// (www/lessons/LANG/ID.md, www/lessons/index.json): a teacher changes a lesson without
// touching this code. Everything from a lesson file reaches the DOM as text
// (markdown.js); the verdicts come from the run's trace (predict.js).
import { renderBlocks, appendInline, parseInline, codeBlock } from './markdown.js';
import { parseLesson, lessonOrder, normaliseLesson, neighbours, laneIndex, laneOfTask } from './lessonfile.js';
import { judge } from './predict.js';
import { buildModel, laneLabel } from './trace.js';
import { drawGantt, computeLayout, readColors } from './gantt.js';
import { formatSeconds } from './i18n.js';
import { loadCss } from './stylesheet.js';

const TEXT = {
  fr: {
    label: 'Leçon',
    panel: 'Leçon sur l’exemple',
    indexTitle: 'Les leçons du cours',
    indexIntro: 'Chaque leçon explique un exemple du cours : vous prédisez ce qui va se passer, vous lancez, et la chronologie montre qui avait raison.',
    all: 'Toutes les leçons',
    prev: 'Précédente',
    next: 'Suivante',
    loading: 'Chargement de la leçon…',
    unknown: 'Leçon « {value} » inconnue. Leçons disponibles : {accepted}.',
    failed: 'La leçon {id} n’a pas pu être chargée ({message}).',
    none: 'Il n’y a pas de leçon pour cet exemple. Choisissez une leçon dans la liste.',
    problem: 'Ce fichier de leçon contient une erreur, la partie concernée est ignorée : {message}',
    lookTitle: 'Placer le curseur de la chronologie à {time}{lane}',
    lookDone: 'Chronologie à {time}{lane}.',
    laneSuffix: ', voie {lane}',
    runFirst: 'Lancement de l’exemple pour montrer ce moment…',
    predictTitle: 'Avant de lancer : à vous de prédire',
    predictIntro: 'Choisissez vos réponses, puis lancez l’exemple : la chronologie dira qui a raison.',
    submit: 'Répondre et lancer',
    waiting: 'Réponse enregistrée : l’exemple s’exécute…',
    right: 'Bien vu !',
    wrong: 'Pas tout à fait.',
    unanswered: 'Pas de réponse.',
    answerIs: 'La bonne réponse : {label}.',
    other: 'Avec ce code, le programme a donné : {value}. Aucune des réponses proposées ne correspond (le code a été modifié).',
    moment: 'Voir le moment qui le montre : {time}{lane}',
    again: 'Reposer les questions',
    summary: 'Réponses : {right} juste(s) sur {total}. Le curseur de la chronologie montre le moment qui décide.',
    stopped: 'L’exécution a été arrêtée avant la fin : lancez-la jusqu’au bout pour voir la réponse.',
    modernLoad: 'Charger cette version dans l’éditeur',
    modernLoaded: 'La version moderne est dans l’éditeur : lancez-la et comparez la chronologie.',
    compareRun: 'Exécuter les deux versions côte à côte',
    compareTotal: 'Durée totale : {time}',
    compareChart: 'Chronologie de « {label} », durée totale {time}',
    compareFailed: 'Impossible d’exécuter « {label} » : {message}',
    loop: 'Boucle / programme principal',
  },
  en: {
    label: 'Lesson',
    panel: 'Lesson on the example',
    indexTitle: 'The course’s lessons',
    indexIntro: 'Each lesson explains one example of the course: you predict what will happen, you run it, and the timeline shows who was right.',
    all: 'All lessons',
    prev: 'Previous',
    next: 'Next',
    loading: 'Loading the lesson…',
    unknown: 'Unknown lesson “{value}”. Available lessons: {accepted}.',
    failed: 'Lesson {id} could not be loaded ({message}).',
    none: 'There is no lesson for this example. Pick a lesson from the list.',
    problem: 'This lesson file has an error; the part concerned is left out: {message}',
    lookTitle: 'Move the timeline cursor to {time}{lane}',
    lookDone: 'Timeline at {time}{lane}.',
    laneSuffix: ', lane {lane}',
    runFirst: 'Running the example to show this moment…',
    predictTitle: 'Before you run it: your prediction',
    predictIntro: 'Pick your answers, then run the example: the timeline will tell who was right.',
    submit: 'Answer and run',
    waiting: 'Answer recorded: the example is running…',
    right: 'Well spotted!',
    wrong: 'Not quite.',
    unanswered: 'No answer.',
    answerIs: 'The right answer: {label}.',
    other: 'With this code, the program gave: {value}. None of the answers matches (the code was edited).',
    moment: 'See the moment that shows it: {time}{lane}',
    again: 'Ask the questions again',
    summary: 'Answers: {right} right out of {total}. The timeline cursor shows the moment that decides.',
    stopped: 'The run was stopped before the end: run it to the end to see the answer.',
    modernLoad: 'Load this version into the editor',
    modernLoaded: 'The modern version is in the editor: run it and compare the timeline.',
    compareRun: 'Run both versions side by side',
    compareTotal: 'Total time: {time}',
    compareChart: 'Timeline of “{label}”, total time {time}',
    compareFailed: 'Could not run “{label}”: {message}',
    loop: 'Loop / main program',
  },
};

let P = null;            // the page (main.js's `pageApi`)
let order = [];          // lesson ids, in the course's order
let current = null;      // {id, lang, lesson} shown
let answers = new Map(); // question index -> chosen choice index
let verdicts = null;     // after a run: [{right, chosen, outcome, fact}]
let awaiting = false;    // answers submitted, the run is going
let loadSeq = 0;
let unknown = null;      // an unknown lesson id from the URL, reported above the list
let quietReveal = false; // a look-here link ran the example: keep the cursor there
let compareRan = false;  // the comparison of this lesson was run (redrawn on re-render)
const cache = new Map(); // 'fr/03' -> parsed lesson

const $ = (id) => document.getElementById(id);
const lt = (key, params) => {
  let s = (TEXT[P.S.lang] || TEXT.fr)[key] ?? TEXT.fr[key] ?? key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] != null ? String(params[k]) : m));
  return s;
};
const fmt = (s) => formatSeconds(s, P.S.lang, 2);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
};

/** Entry point (main.js): show the panel for the page's S.lesson, then follow the page. */
export async function start(page) {
  if (P) return;
  P = page;
  document.body.classList.add('lesson-mode');
  const panel = $('lesson');
  panel.hidden = false;
  panel.setAttribute('aria-label', lt('panel'));
  panel.dataset.state = 'loading';
  await loadCss('lesson.css');
  P.gantt.refreshColors();
  try {
    const res = await fetch('lessons/index.json');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    order = lessonOrder(await res.json()) || [];
  } catch (e) {
    order = [];
  }
  if (!order.length) order = P.S.list.map((s) => s.id).filter((id) => id !== 'libre');
  // ?lesson=ID opens that example; an unknown id opens the list, and says so
  const asked = P.S.lesson;
  const first = asked && asked !== 'index' ? normaliseLesson(asked, order) : null;
  if (asked && asked !== 'index' && !first) unknown = asked;
  P.S.lesson = first ?? '';
  if (first && first !== P.S.scenario) P.selectScenario(first);
  P.hooks.scenario.push(() => {
    if (P.S.lesson == null) return;
    const id = normaliseLesson(P.S.scenario, order);
    if (id !== current?.id || P.S.lesson !== (id ?? '')) {
      P.S.lesson = id ?? '';
      P.syncUrl();
      show();
    }
  });
  P.hooks.lang.push(() => { if (current && current.lang !== P.S.lang) show(); else relabel(); });
  P.hooks.reset.push(() => { if (!awaiting) clearVerdicts(); setHighlight(null); });
  P.hooks.finish.push(onRunDone);
  await show();
}

/** Fetch and parse lesson `id` in `lang` (cached). */
async function fetchLesson(id, lang) {
  const key = `${lang}/${id}`;
  if (cache.has(key)) return cache.get(key);
  const res = await fetch(`lessons/${lang}/${encodeURIComponent(id)}.md`);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const lesson = parseLesson(await res.text());
  cache.set(key, lesson);
  return lesson;
}

/** Render what S.lesson asks for: the list, or one lesson. */
async function show() {
  const seq = ++loadSeq;
  const panel = $('lesson');
  const lang = P.S.lang;
  const id = P.S.lesson ? normaliseLesson(P.S.lesson, order) : null;
  if (!id) {
    if (current) resetQuestions();
    current = null;
    renderIndex();
    return;
  }
  if (!current || current.id !== id) { resetQuestions(); compareRan = false; }
  panel.dataset.state = 'loading';
  panel.setAttribute('aria-busy', 'true');
  let lesson;
  try {
    // a lesson a teacher wrote in French only is shown in French rather than not at all
    lesson = await fetchLesson(id, lang).catch((e) => (lang !== 'fr' ? fetchLesson(id, 'fr') : Promise.reject(e)));
  } catch (e) {
    if (seq !== loadSeq) return;
    panel.replaceChildren(nav(id), el('p', 'lesson-error', lt('failed', { id, message: e.message || String(e) })));
    panel.removeAttribute('aria-busy');
    panel.dataset.state = 'error';
    panel.dataset.lesson = id;
    return;
  }
  if (seq !== loadSeq) return;
  current = { id, lang, lesson };
  renderLesson();
}

function resetQuestions() {
  answers = new Map();
  verdicts = null;
  awaiting = false;
}

// ---------------------------------------------------------------- the list
function renderIndex() {
  const panel = $('lesson');
  const h = el('h2', 'lesson-title', lt('indexTitle'));
  h.id = 'lesson-title';
  const ol = el('ol', 'lesson-index');
  for (const id of order) {
    const sc = P.S.byId.get(id);
    const li = el('li');
    const a = el('a', null, sc ? `${id} — ${P.scenarioTitle(id)}` : id);
    a.href = `?lesson=${encodeURIComponent(id)}&lang=${P.S.lang}`;
    a.dataset.lesson = id;
    a.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      open(id);
    });
    li.appendChild(a);
    const sum = sc && sc.summary ? (sc.summary[P.S.lang] || sc.summary.fr) : '';
    if (sum) li.appendChild(el('p', 'lesson-sum', sum));
    ol.appendChild(li);
  }
  panel.replaceChildren(h, el('p', 'lesson-intro', lt('indexIntro')), ol);
  if (unknown) h.after(el('p', 'lesson-error', lt('unknown', { value: unknown, accepted: order.join(', ') })));
  panel.setAttribute('aria-labelledby', 'lesson-title');
  panel.removeAttribute('aria-label');
  panel.removeAttribute('aria-busy');
  panel.dataset.lesson = '';
  panel.dataset.state = 'index';
  if (!P.isEmbed) document.title = `${lt('indexTitle')} — Boucle`;
}

function open(id) {
  unknown = null;
  P.S.lesson = id;
  if (P.S.scenario !== id) P.selectScenario(id); // its hooks.scenario shows it
  else { P.syncUrl(); show(); }
}

function nav(id) {
  const box = el('nav', 'lesson-nav');
  box.setAttribute('aria-label', lt('label'));
  const all = el('a', 'lesson-all', '← ' + lt('all'));
  all.href = `?lesson&lang=${P.S.lang}`;
  all.addEventListener('click', (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    P.S.lesson = '';
    P.syncUrl();
    show();
  });
  box.appendChild(all);
  const { prev, next } = neighbours(order, id);
  for (const [key, target] of [['prev', prev], ['next', next]]) {
    if (!target) continue;
    const a = el('a', 'lesson-' + key, key === 'prev' ? `‹ ${lt('prev')} (${target})` : `${lt('next')} (${target}) ›`);
    a.href = `?lesson=${encodeURIComponent(target)}&lang=${P.S.lang}`;
    a.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      open(target);
    });
    box.appendChild(a);
  }
  return box;
}

// ---------------------------------------------------------------- one lesson
function renderLesson() {
  const { id, lesson } = current;
  const panel = $('lesson');
  const h = el('h2', 'lesson-title');
  h.id = 'lesson-title';
  if (lesson.title) appendInline(h, lesson.title, document);
  else h.textContent = `${id} — ${P.scenarioTitle(id)}`;
  const parts = [nav(id), h];
  for (const p of lesson.problems) parts.push(el('p', 'lesson-error', lt('problem', { message: p })));
  const opts = {
    headingBase: 2,
    onLook: (look) => lookAt(look.t, look.lane),
    lookTitle: (look) => lt('lookTitle', { time: fmt(look.t), lane: look.lane ? lt('laneSuffix', { lane: look.lane }) : '' }),
    fence: (b) => fence(b),
  };
  // the introduction (what comes before the first heading), the questions, the rest
  let cut = lesson.blocks.findIndex((b) => b.type === 'heading');
  if (cut < 0) cut = lesson.blocks.length;
  const intro = el('div', 'lesson-intro-text');
  intro.appendChild(renderBlocks(lesson.blocks.slice(0, cut), document, opts));
  parts.push(intro);
  if (lesson.predictions.length) parts.push(renderPredict(lesson));
  const body = el('div', 'lesson-body');
  body.appendChild(renderBlocks(lesson.blocks.slice(cut), document, opts));
  parts.push(body);
  const live = el('p', 'sr-only');
  live.id = 'lesson-live';
  live.setAttribute('aria-live', 'polite');
  parts.push(live);
  panel.replaceChildren(...parts);
  panel.setAttribute('aria-labelledby', 'lesson-title');
  panel.removeAttribute('aria-label');
  panel.removeAttribute('aria-busy');
  panel.dataset.lesson = id;
  panel.dataset.state = 'ready';
  if (!P.isEmbed) document.title = `${lesson.titleText || id} — ${lt('label')} — Boucle`;
  if (verdicts) showVerdicts(false);
  if (compareRan) runCompares();
}

/** The page's own fenced blocks: modern versions and comparisons. */
function fence(b) {
  const kind = b.info.split(/\s+/)[0];
  if (kind === 'modern') {
    const box = el('div', 'modern');
    box.appendChild(codeBlock(b.text, document));
    const btn = el('button', 'modern-load', lt('modernLoad'));
    btn.type = 'button';
    btn.dataset.modern = String(b.index);
    btn.addEventListener('click', () => {
      P.loadCode(current.lesson.modern[b.index] + '\n');
      say(lt('modernLoaded'));
    });
    box.appendChild(btn);
    return box;
  }
  if (kind === 'compare') {
    const fig = el('figure', 'compare');
    fig.dataset.compare = String(b.index);
    const cap = el('figcaption');
    cap.appendChild(el('strong', null, current.lesson.compares[b.index].label));
    const total = el('span', 'compare-total');
    cap.append(' ', total);
    fig.appendChild(cap);
    const details = el('details', 'compare-code');
    const sum = el('summary', null, 'Python');
    details.append(sum, codeBlock(b.text, document));
    fig.appendChild(details);
    const canvas = el('canvas', 'compare-chart');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', current.lesson.compares[b.index].label);
    canvas.hidden = true;
    fig.appendChild(canvas);
    if (b.index > 0) return fig;
    const wrap = el('div', 'compare-group');
    const btn = el('button', 'compare-run', lt('compareRun'));
    btn.type = 'button';
    btn.addEventListener('click', () => runCompares());
    wrap.append(btn, fig);
    return wrap;
  }
  return undefined;
}

/** Run each ```compare program at once on the virtual clock, and draw its timeline on
 *  the same time scale as the others, with its total time. */
async function runCompares() {
  const compares = current?.lesson.compares || [];
  if (!compares.length) return;
  const wasm = await P.engine();
  if (!wasm) return;
  compareRan = true;
  // the library modules and engine files they need (asyncio.Queue…), as main.js does
  try {
    const { loadModules } = await import('./pylib.js');
    for (const c of compares) await loadModules(wasm, c.source);
  } catch (e) { /* each run below then reports what is missing */ }
  const runs = compares.map((c, i) => {
    try {
      const r = JSON.parse(wasm.run_instant(`compare_${i + 1}.py`, c.source));
      return { ...r, model: buildModel(r.events || [], r.duration) };
    } catch (e) { return { error: e.message || String(e) }; }
  });
  const span = Math.max(0.001, ...runs.map((r) => (r.model ? r.model.end : 0)));
  const colors = readColors(P.gantt.canvas);
  runs.forEach((r, i) => {
    const fig = document.querySelector(`#lesson figure[data-compare="${i}"]`);
    if (!fig) return;
    const total = fig.querySelector('.compare-total');
    const canvas = fig.querySelector('canvas');
    if (r.error) { total.textContent = lt('compareFailed', { label: compares[i].label, message: r.error }); return; }
    total.textContent = lt('compareTotal', { time: fmt(r.duration) });
    total.dataset.duration = String(r.duration);
    canvas.hidden = false;
    canvas.setAttribute('aria-label', lt('compareChart', { label: compares[i].label, time: fmt(r.duration) }));
    const width = Math.max(240, fig.clientWidth || 300);
    const L = computeLayout(r.model, width, { t1: span, laneH: 20, labelW: Math.min(120, Math.round(width * 0.32)) });
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(L.height * dpr);
    canvas.style.width = width + 'px';
    canvas.style.height = L.height + 'px';
    const loop = lt('loop');
    drawGantt(canvas.getContext('2d'), r.model, {
      width, height: L.height, dpr, layout: L, colors, fmt,
      labels: r.model.lanes.map((l) => laneLabel(l, loop)),
    });
  });
}

// ---------------------------------------------------------------- look here
let highlighted = null; // lane index the lesson points at, drawn over the chart
/** Highlight lane `i` of the chart (null: none); #gantt[data-highlight] says which. */
function setHighlight(i) {
  highlighted = i;
  const g = P.gantt;
  if (i == null) delete g.canvas.dataset.highlight; else g.canvas.dataset.highlight = String(i);
  g.afterDraw = (ctx, L) => {
    if (highlighted == null || highlighted < 0 || highlighted >= L.lanes) return;
    const y = L.top + highlighted * L.laneH;
    const color = g.canvas.ownerDocument.defaultView.getComputedStyle(g.canvas).getPropertyValue('--g-highlight').trim() || '#c2185b';
    ctx.save();
    ctx.globalAlpha = 0.14; ctx.fillStyle = color; ctx.fillRect(0, y, L.width, L.laneH);
    ctx.globalAlpha = 1; ctx.strokeStyle = color; ctx.lineWidth = 3;
    ctx.strokeRect(1.5, y + 1.5, L.width - 3, L.laneH - 3);
    ctx.restore();
  };
  g.request();
}
function say(text) {
  const live = $('lesson-live');
  if (live) live.textContent = text;
}

/** Move the time cursor to `t` and highlight the lane `lane` names (running the
 *  example first, at once, when it has not run yet). */
async function lookAt(t, lane, task) {
  const S = P.S;
  if (!(S.model && S.model.count && S.finished && !S.stopped)) {
    say(lt('runFirst'));
    quietReveal = true; // this run's verdicts must not move the cursor away from here
    await P.runInstant();
  }
  if (!S.model) return;
  const i = task != null ? laneOfTask(S.model, task) : laneIndex(S.model, lane);
  S.markIndex = -1;
  P.travel(t);
  setHighlight(i >= 0 ? i : null);
  const name = i >= 0 ? laneLabel(S.model.lanes[i], lt('loop')) : null;
  say(lt('lookDone', { time: fmt(Math.min(t, S.model.end)), lane: name ? lt('laneSuffix', { lane: name }) : '' }));
}

// ---------------------------------------------------------------- predict, then run
function renderPredict(lesson) {
  const sec = el('section', 'predict');
  sec.id = 'predict';
  sec.setAttribute('aria-labelledby', 'predict-title');
  const h = el('h3', null, lt('predictTitle'));
  h.id = 'predict-title';
  sec.append(h, el('p', 'predict-intro', lt('predictIntro')));
  const form = el('form');
  lesson.predictions.forEach((q, qi) => {
    const fs = el('fieldset', 'q');
    fs.dataset.q = String(qi);
    const legend = el('legend');
    appendInline(legend, parseInline(q.question), document);
    fs.appendChild(legend);
    const list = el('div', 'choices');
    q.choices.forEach((c, ci) => {
      const label = el('label', 'choice');
      label.dataset.choice = String(ci);
      const input = el('input');
      input.type = 'radio';
      input.name = `predict-${qi}`;
      input.value = String(ci);
      input.checked = answers.get(qi) === ci;
      input.addEventListener('change', () => { answers.set(qi, ci); });
      const span = el('span');
      appendInline(span, parseInline(c.label), document);
      label.append(input, span);
      list.appendChild(label);
    });
    fs.appendChild(list);
    const out = el('div', 'outcome');
    out.hidden = true;
    fs.appendChild(out);
    form.appendChild(fs);
  });
  const submit = el('button', 'primary predict-submit', lt('submit'));
  submit.type = 'submit';
  const again = el('button', 'predict-again', lt('again'));
  again.type = 'button';
  again.hidden = true;
  again.addEventListener('click', () => {
    verdicts = null;
    answers = new Map();
    renderLesson();
    $('predict')?.querySelector('input')?.focus();
  });
  const status = el('p', 'predict-status');
  status.setAttribute('role', 'status');
  status.tabIndex = -1;
  form.append(submit, again, status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    awaiting = true;
    verdicts = null;
    showVerdicts(false);
    sec.dataset.state = 'waiting';
    status.textContent = lt('waiting');
    P.run();
  });
  sec.appendChild(form);
  sec.dataset.state = 'asking';
  return sec;
}

function clearVerdicts() {
  if (!verdicts) return;
  verdicts = null;
  showVerdicts(false);
}

function onRunDone() {
  const S = P.S;
  if (!current || S.scenario !== current.id || !S.ran) { awaiting = false; return; }
  const qs = current.lesson.predictions;
  if (!qs.length) { awaiting = false; return; }
  const status = document.querySelector('#predict .predict-status');
  if (S.stopped) {
    awaiting = false;
    if (status) status.textContent = lt('stopped');
    return;
  }
  const r = S.result || {};
  const run = { events: S.events, stdout: r.stdout, stderr: r.stderr, status: r.status, duration: Number.isFinite(r.duration) ? r.duration : S.model?.end };
  verdicts = qs.map((q, i) => judge(q, answers.has(i) ? answers.get(i) : null, run));
  verdicts.edited = !!S.ran.edited;
  awaiting = false;
  showVerdicts(!quietReveal);
  quietReveal = false;
  if (current.lesson.compares.length) runCompares();
}

/** Mark the choices and say who was right; `move`: put the cursor on the first
 *  question's deciding moment. */
function showVerdicts(move) {
  const sec = $('predict');
  if (!sec || !current) return;
  const qs = current.lesson.predictions;
  const hadFocus = sec.contains(document.activeElement);
  sec.dataset.state = verdicts ? 'revealed' : awaiting ? 'waiting' : 'asking';
  const status = sec.querySelector('.predict-status');
  if (status && !awaiting) {
    status.textContent = verdicts ? lt('summary', { right: verdicts.filter((v) => v.outcome === 'right').length, total: verdicts.length }) : '';
  }
  sec.querySelector('.predict-again').hidden = !verdicts;
  sec.querySelector('.predict-submit').hidden = !!verdicts;
  for (const fs of sec.querySelectorAll('fieldset.q')) {
    const qi = Number(fs.dataset.q);
    const v = verdicts && verdicts[qi];
    const q = qs[qi];
    const out = fs.querySelector('.outcome');
    for (const label of fs.querySelectorAll('.choice')) {
      const ci = Number(label.dataset.choice);
      label.classList.toggle('right', !!v && v.right === ci);
      label.classList.toggle('chosen-wrong', !!v && v.chosen === ci && v.right !== ci);
      if (v && v.right === ci) label.dataset.right = 'true'; else delete label.dataset.right;
      label.querySelector('input').disabled = !!v;
    }
    if (!v) { delete fs.dataset.outcome; out.hidden = true; out.replaceChildren(); continue; }
    fs.dataset.outcome = v.outcome;
    out.hidden = false;
    out.replaceChildren();
    const head = el('p', 'verdict-line');
    if (v.outcome === 'other') {
      head.textContent = lt('other', { value: typeof v.fact.value === 'number' ? fmt(v.fact.value) : String(v.fact.value) });
    } else {
      head.appendChild(el('strong', null, lt(v.outcome) + ' '));
      if (v.outcome !== 'right') {
        const span = el('span');
        const parts = lt('answerIs', { label: '\u0000' }).split('\u0000');
        span.append(parts[0]);
        appendInline(span, parseInline(q.choices[v.right].label), document);
        span.append(parts[1] || '');
        head.appendChild(span);
      }
    }
    out.appendChild(head);
    if (q.explain && v.outcome !== 'other' && !verdicts.edited) {
      const p = el('p', 'explain');
      appendInline(p, parseInline(q.explain), document);
      out.appendChild(p);
    }
    const m = v.fact;
    if (Number.isFinite(m.at)) {
      const lane = P.S.model ? laneOfTask(P.S.model, m.task) : -1;
      const name = lane >= 0 ? laneLabel(P.S.model.lanes[lane], lt('loop')) : null;
      const btn = el('button', 'look moment', '◎ ' + lt('moment', { time: fmt(m.at), lane: name ? lt('laneSuffix', { lane: name }) : '' }));
      btn.type = 'button';
      btn.dataset.t = String(m.at);
      btn.addEventListener('click', () => lookAt(m.at, null, m.task));
      out.appendChild(btn);
    }
  }
  // the submit button is gone: the focus goes to the summary, read out first
  if (move && verdicts && hadFocus && status) status.focus({ preventScroll: true });
  if (move && verdicts && verdicts[0]) {
    const f = verdicts[0].fact;
    if (Number.isFinite(f.at) && P.S.model && P.S.model.count) lookAt(f.at, null, f.task);
  }
}

function relabel() {
  // the lesson texts follow the language through show(); the list titles too
  if (!current) renderIndex();
}
