// Pure: a lesson file (www/lessons/LANG/ID.md) -> what the lesson panel shows.
// A lesson is Markdown (markdown.js's safe subset) with three kinds of fenced blocks
// the page handles itself:
//   ```predict            a question asked before the run (JSON, see predict.js)
//   ```modern             the example in today's style: a button loads it in the editor
//   ```compare Label      one of several programs run side by side, each with its total
//                         time and its own small timeline (lesson 00)
// The first `#` heading is the lesson's title. The list of lessons, in the course's
// order, is www/lessons/index.json: {"order": ["00", "01", …]}.
import { parseMarkdown, plainText } from './markdown.js';
import { validateQuestion } from './predict.js';

/**
 * Parse a lesson file. Returns {title, blocks, predictions, modern, compares, problems}:
 * blocks without the title heading; predictions: the parsed questions; modern: the
 * modern sources; compares: [{label, source}]; problems: what is wrong in the file
 * (a bad JSON question…), for the page to report instead of failing.
 */
export function parseLesson(text) {
  const blocks = parseMarkdown(text);
  const problems = [];
  let title = null;
  const out = [];
  const predictions = [];
  const modern = [];
  const compares = [];
  for (const b of blocks) {
    if (!title && b.type === 'heading' && b.level === 1) { title = b.inline; continue; }
    if (b.type === 'fence') {
      const kind = b.info.split(/\s+/)[0];
      if (kind === 'predict') {
        let q = null;
        try { q = JSON.parse(b.text); } catch (e) { problems.push(`predict #${predictions.length + 1}: ${e.message}`); continue; }
        const errs = validateQuestion(q);
        if (errs.length) { problems.push(`predict #${predictions.length + 1}: ${errs.join('; ')}`); continue; }
        predictions.push(q);
        continue; // shown in #predict, not in the text
      }
      if (kind === 'modern') { b.index = modern.length; modern.push(b.text); }
      if (kind === 'compare') {
        b.index = compares.length;
        compares.push({ label: b.info.slice(kind.length).trim() || String(compares.length + 1), source: b.text + (b.text.endsWith('\n') ? '' : '\n') });
      }
    }
    out.push(b);
  }
  return { title, titleText: title ? plainText(title) : '', blocks: out, predictions, modern, compares, problems };
}

/** The lesson ids of index.json, in order; null when the document is not one. */
export function lessonOrder(doc) {
  if (!doc || !Array.isArray(doc.order)) return null;
  const ids = doc.order.filter((x) => typeof x === 'string' && /^[\w-]{1,16}$/.test(x));
  return ids.length ? ids : null;
}

/** Lesson id from the URL value ('3' -> '03'), among `ids`; null when unknown. */
export function normaliseLesson(raw, ids) {
  const s = String(raw ?? '').trim();
  if (ids.includes(s)) return s;
  if (/^\d+$/.test(s)) {
    const p = String(Number(s)).padStart(2, '0');
    if (ids.includes(p)) return p;
  }
  const lower = s.toLowerCase();
  return ids.find((id) => id.toLowerCase() === lower) || null;
}

/** The previous and next lessons of `id` in `order`. */
export function neighbours(order, id) {
  const i = order.indexOf(id);
  return { prev: i > 0 ? order[i - 1] : null, next: i >= 0 && i < order.length - 1 ? order[i + 1] : null };
}

/**
 * The lane (index in model.lanes) a look-here link names: `loop` (or 0) is the loop's
 * lane; otherwise a task name (Task-2) or a coroutine name (Coroutine_2, the first
 * task running it). -1 when the run has no such lane.
 */
export function laneIndex(model, spec) {
  if (!model || spec == null || spec === '') return -1;
  const s = String(spec).trim();
  if (s === 'loop' || s === '0') return 0;
  const lanes = model.lanes || [];
  let i = lanes.findIndex((l) => l.task !== 0 && l.name === s);
  if (i < 0) i = lanes.findIndex((l) => l.task !== 0 && l.coro === s);
  return i;
}

/** Lane index of task id `task` (0 = the loop). */
export function laneOfTask(model, task) {
  if (!model) return -1;
  return model.lanes.findIndex((l) => l.task === task);
}
