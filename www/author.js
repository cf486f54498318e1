// The authoring form (`?author`): a teacher writes a statement, a starting code and
// ticks checks; the page builds the `ex=` link (the whole exercise is in it). The
// expected output can be filled by running a reference solution in the page. Loaded by
// exercise.js only on `?author`. buildDocument is pure (tests/js/author.test.mjs).
import { validateExercise, maxAliveTasks, fmtSeconds } from './checks.js';
import { xt } from './exercise-i18n.js';

/**
 * The exercise document of the form's values: {title, statement, start,
 * checks: {stdout: {on, equals}, duration: {on, max}, tasks: {on, min},
 * uses: {on, name}, no_blocking_sleep: {on}, no_error: {on}}}. Numbers may be
 * strings with a decimal comma. validateExercise says what is wrong with it.
 */
export function buildDocument(form) {
  const num = (v) => (typeof v === 'number' ? v : Number(String(v ?? '').trim().replace(',', '.')));
  const c = form.checks || {};
  const checks = [];
  if (c.stdout?.on) checks.push({ kind: 'stdout', equals: String(c.stdout.equals ?? '') });
  if (c.duration?.on) checks.push({ kind: 'duration', max: num(c.duration.max) });
  if (c.tasks?.on) checks.push({ kind: 'tasks', min: num(c.tasks.min) });
  if (c.uses?.on) {
    for (const name of String(c.uses.name ?? '').split(/[\s,]+/).filter(Boolean)) checks.push({ kind: 'uses', name });
    if (!String(c.uses.name ?? '').trim()) checks.push({ kind: 'uses', name: '' });
  }
  if (c.no_blocking_sleep?.on) checks.push({ kind: 'no_blocking_sleep' });
  if (c.no_error?.on) checks.push({ kind: 'no_error' });
  return { v: 1, title: String(form.title ?? ''), statement: String(form.statement ?? ''), start: String(form.start ?? ''), checks };
}

const START = `import asyncio

async def tache(nom, duree):
    print("début", nom)
    await asyncio.sleep(duree)
    print("fin", nom)

async def main():
    await tache("A", 1)
    await tache("B", 1)

asyncio.run(main())
`;

let api = null;
const $ = (id) => document.getElementById(id);
const tx = (key, params) => xt(api.S.lang, key, params);

function field(id, labelKey, input) {
  input.id = id;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.dataset.xt = labelKey;
  const wrap = document.createElement('div');
  wrap.className = 'author-field';
  wrap.append(label, input);
  return wrap;
}
const make = (tag, props = {}) => Object.assign(document.createElement(tag), props);

/** Build the form (once) before the playground and keep the link up to date. */
export function openAuthor(pageApi) {
  api = pageApi;
  if ($('author')) return;
  const box = make('section', { id: 'author', className: 'author' });
  box.setAttribute('aria-labelledby', 'author-title');
  const h = make('h2', { id: 'author-title' }); h.dataset.xt = 'au.title';
  const intro = make('p', { className: 'author-intro' }); intro.dataset.xt = 'au.intro';
  const title = make('input', { type: 'text', value: '' });
  const statement = make('textarea', { rows: 3 });
  const start = make('textarea', { rows: 8, wrap: 'off', spellcheck: false, value: START });
  const solution = make('textarea', { rows: 8, wrap: 'off', spellcheck: false });
  const fs = make('fieldset', { className: 'author-checks' });
  const legend = make('legend'); legend.dataset.xt = 'au.checks';
  fs.appendChild(legend);
  const row = (kind, extra, on) => {
    const cb = make('input', { type: 'checkbox', id: `au-${kind}`, checked: on });
    cb.dataset.kind = kind;
    const lab = make('label', { htmlFor: cb.id, className: 'author-kind' }); lab.dataset.kind = kind;
    const div = make('div', { className: 'author-check' });
    div.append(cb, lab);
    if (extra) { extra.id = `au-${kind}-value`; extra.setAttribute('aria-labelledby', `${cb.id}-l`); lab.id = `${cb.id}-l`; div.append(extra); }
    fs.appendChild(div);
  };
  row('stdout', make('textarea', { rows: 4, wrap: 'off', spellcheck: false }), true);
  row('duration', make('input', { type: 'text', inputMode: 'decimal', value: '1.2', size: 6 }), false);
  row('tasks', make('input', { type: 'number', min: 1, step: 1, value: 3, size: 4 }), false);
  row('uses', make('input', { type: 'text', value: 'gather', size: 16 }), false);
  row('no_blocking_sleep', null, false);
  row('no_error', null, true);
  const fill = make('button', { type: 'button', id: 'author-fill' }); fill.dataset.xt = 'au.fill';
  const fillOut = make('p', { id: 'author-fill-result', className: 'author-note' }); fillOut.setAttribute('role', 'status');
  const link = make('input', { type: 'text', readOnly: true, id: 'author-link' });
  const linkLabel = make('label', { htmlFor: 'author-link' }); linkLabel.dataset.xt = 'au.link';
  const tryIt = make('a', { id: 'author-try', className: 'button', target: '_blank', rel: 'noopener' }); tryIt.dataset.xt = 'au.try';
  const copy = make('button', { type: 'button', id: 'author-copy' }); copy.dataset.xt = 'au.copy';
  const problems = make('div', { id: 'author-problems', className: 'author-problems' }); problems.setAttribute('aria-live', 'polite');
  const len = make('p', { id: 'author-length', className: 'author-note' });
  box.append(h, intro,
    field('author-ex-title', 'au.exTitle', title),
    field('author-statement', 'au.statement', statement),
    field('author-start', 'au.start', start),
    field('author-solution', 'au.solution', solution),
    fill, fillOut, fs,
    make('div', { className: 'author-link' }), problems);
  const linkRow = box.querySelector('.author-link');
  linkRow.append(linkLabel, link, tryIt, copy, len);
  const main = $('main');
  main.insertBefore(box, main.firstChild);

  const read = () => ({
    title: title.value.trim() || tx('au.defaultTitle'),
    statement: statement.value,
    start: start.value,
    checks: Object.fromEntries([...fs.querySelectorAll('input[type=checkbox]')].map((cb) => {
      const v = $(`au-${cb.dataset.kind}-value`);
      const key = { stdout: 'equals', duration: 'max', tasks: 'min', uses: 'name' }[cb.dataset.kind];
      return [cb.dataset.kind, key ? { on: cb.checked, [key]: v.value } : { on: cb.checked }];
    })),
  });
  let seq = 0;
  const update = async () => {
    const mine = ++seq;
    const doc = buildDocument(read());
    const { errors } = validateExercise(doc);
    problems.replaceChildren();
    if (errors.length) {
      const p = make('p', { textContent: tx('au.invalid') });
      const ul = make('ul');
      for (const e of errors) ul.appendChild(make('li', { textContent: xt(api.S.lang, e.key, e.params) }));
      problems.append(p, ul);
      link.value = '';
      tryIt.removeAttribute('href');
      len.textContent = '';
      return;
    }
    const { encodeCode } = await import('./codec.js');
    const enc = await encodeCode(JSON.stringify(doc));
    if (mine !== seq) return;
    const page = document.body.classList.contains('embed') ? 'embed.html' : 'index.html';
    const base = location.href.split('?')[0].replace(/[^/]*$/, '');
    const q = new URLSearchParams({ ex: enc, lang: api.S.lang });
    link.value = `${base}${page}?${q}`;
    tryIt.href = `${page}?${q}`;
    len.textContent = tx('au.length', { n: link.value.length });
  };
  box.addEventListener('input', update);
  box.addEventListener('change', update);
  copy.addEventListener('click', async () => { try { await navigator.clipboard.writeText(link.value); } catch (e) { link.select(); } });
  fill.addEventListener('click', async () => {
    if (!solution.value.trim()) { fillOut.textContent = tx('au.noSolution'); return; }
    if (!(await api.ensureEngine())) return;
    const { runVirtual } = await import('./exercise.js');
    const r = await runVirtual(api.wasm, 'exercice.py', solution.value);
    if (r.status) {
      const { errorMessage } = await import('./hints.js');
      fillOut.textContent = tx('au.fillFailed', { message: errorMessage(r.stderr) || r.stderr });
      return;
    }
    $('au-stdout-value').value = r.stdout;
    $('au-stdout').checked = true;
    const margin = Math.ceil(r.duration * 1.1 * 10) / 10;
    $('au-duration-value').value = String(Math.max(margin, 0.1));
    const m = maxAliveTasks(r.events);
    $('au-tasks-value').value = String(Math.max(1, m.count));
    fillOut.textContent = tx('au.filled', { duration: fmtSeconds(r.duration, api.S.lang), tasks: m.count });
    update();
  });
  const relabel = () => {
    for (const e of box.querySelectorAll('[data-xt]')) e.textContent = tx(e.dataset.xt);
    for (const lab of box.querySelectorAll('label[data-kind]')) lab.textContent = xt(api.S.lang, `ex.kind.${lab.dataset.kind}`, { max: '…', min: '…', name: '…' });
    update();
  };
  api.hooks.lang.push(relabel);
  relabel();
}
