// The options of a page embedded in a course: `lock=1` (the example is fixed: no
// picker, the code is read-only) and `view=code,output,timeline,queues` (which panels
// show). parseViewOptions is pure (tests/js/viewopts.test.mjs); applyViewOptions is
// the thin DOM part. Loaded with exercise.js, only when one of them is in the URL.

/** The panels `view=` may name, in the page's order. */
export const VIEW_PANELS = ['code', 'output', 'timeline', 'queues'];
const TRUE = ['1', 'true', 'yes', 'oui', ''];
const FALSE = ['0', 'false', 'no', 'non'];

/**
 * {lock, view, errors}: `view` is the set of panels to show (all of them when `view=`
 * is absent or names none that exists); every bad value gets an error naming the
 * accepted ones ({key, params}, texts in exercise-i18n.js).
 */
export function parseViewOptions(params) {
  const errors = [];
  let lock = false;
  if (params.has('lock')) {
    const raw = params.get('lock').trim();
    if (TRUE.includes(raw.toLowerCase())) lock = true;
    else if (!FALSE.includes(raw.toLowerCase())) errors.push({ key: 'opt.badLock', params: { value: raw } });
  }
  let view = new Set(VIEW_PANELS);
  if (params.has('view')) {
    const raw = params.get('view');
    const asked = raw.split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
    const bad = asked.filter((v) => !VIEW_PANELS.includes(v));
    const good = asked.filter((v) => VIEW_PANELS.includes(v));
    if (bad.length) errors.push({ key: 'opt.badView', params: { value: bad.join(', '), accepted: VIEW_PANELS.join(', ') } });
    if (good.length) view = new Set(good);
    else errors.push({ key: 'opt.emptyView', params: { accepted: VIEW_PANELS.join(', ') } });
  }
  return { lock, view, errors };
}

/** Apply the options to the page: hide the picker (locked, or an exercise), make the
 *  code read-only (locked, unless it is an exercise: its code is the student's to
 *  write), hide the panels `view` leaves out. */
export function applyViewOptions({ lock, view }, { exercise = false } = {}) {
  const $ = (id) => document.getElementById(id);
  const root = document.documentElement;
  if (lock || exercise) {
    root.classList.add('fixed-example');
    const pick = $('scenario');
    const wrap = pick.closest('.picker');
    for (const e of wrap ? [wrap] : [pick, document.querySelector('label[for="scenario"]')]) if (e) e.hidden = true;
  }
  if (lock && !exercise) {
    root.classList.add('locked');
    const ta = $('editor');
    ta.readOnly = true;
    ta.setAttribute('aria-readonly', 'true');
    const help = $('editor-help');
    if (help) help.hidden = true;
    ta.removeAttribute('aria-describedby');
  }
  // `hidden`, and a class that wins over the layout's own `display` (exercise.css)
  const hide = (e, h) => { if (e) { e.hidden = h; e.classList.toggle('view-hidden', h); } };
  const codePane = $('editor').closest('section');
  const ganttPane = $('gantt').closest('section');
  const logPane = $('logbox').closest('section');
  hide(codePane, !view.has('code'));
  hide(ganttPane, !view.has('timeline'));
  hide($('logbox'), !view.has('output'));
  hide($('log-title'), !view.has('output'));
  const queuesBox = $('queues').closest('details') || $('queues');
  hide(queuesBox, !view.has('queues'));
  hide($('queues-title'), !view.has('queues'));
  if (logPane && logPane !== codePane) hide(logPane, !view.has('output') && !view.has('queues'));
  const shown = [view.has('code'), view.has('output') || view.has('queues')].filter(Boolean).length;
  root.classList.toggle('view-single', shown < 2);
  root.classList.toggle('view-no-code', !view.has('code'));
  root.classList.toggle('view-no-log', !view.has('output') && !view.has('queues'));
  root.classList.toggle('view-no-timeline', !view.has('timeline'));
}
