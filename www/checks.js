// Pure: exercises (their document, built in or from a teacher's `ex=` link) and the
// checks run against the trace of the student's run. No DOM; tested in node
// (tests/js/checks.test.mjs). Loaded only on an exercise page.
//
// A check's verdict is computed from the run the page just made: its trace events
// (ARCHITECTURE.md), its stdout/stderr/status/duration, and the source that ran. The
// explanation of a failure is computed from the trace too (e.g. "the three waits
// follow one another") and carries the moment of the timeline that shows it (`at`).
import { buildModel, taskName } from './trace.js';
import { tokenizePython } from './code.js';
import { errorMessage, errorLine } from './hints.js';
import { xt } from './exercise-i18n.js';

/** The check kinds an exercise document may use, in the order they are shown. */
export const CHECK_KINDS = ['stdout', 'duration', 'tasks', 'uses', 'no_blocking_sleep', 'no_error'];
/** The only document version understood. */
export const EXERCISE_VERSION = 1;
/** Tasks asyncio.run creates for itself at the end: not the student's. */
const RUNTIME_TASKS = /(^|\.)(shutdown_asyncgens|shutdown_default_executor)$/;
const EPS = 1e-6;
const LANG_KEYS = ['fr', 'en'];

const typeName = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A text that is either a string or {fr, en} (one of them at least). */
function isText(v) {
  if (typeof v === 'string') return true;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => LANG_KEYS.includes(k) && typeof v[k] === 'string');
}

/** The text of `v` (string or {fr, en}) in `lang`, falling back to the other language. */
export function textIn(v, lang) {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object') return '';
  return v[lang] ?? v.fr ?? v.en ?? '';
}

/**
 * Check an exercise document ({v:1, title, statement, start, checks:[…]}). Returns
 * {exercise, errors}: `exercise` is a clean copy (null when the document cannot be
 * used); `errors` lists what is wrong as {key, params} (texts in exercise-i18n.js),
 * each naming what is accepted. A check of an unknown kind is an error, not skipped:
 * a teacher must know the link does not check what they meant.
 */
export function validateExercise(doc) {
  const errors = [];
  const err = (key, params) => errors.push({ key, params: params || {} });
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    err('ex.err.notObject', { type: typeName(doc) });
    return { exercise: null, errors };
  }
  if (doc.v !== EXERCISE_VERSION) err('ex.err.version', { value: JSON.stringify(doc.v) ?? 'undefined', accepted: EXERCISE_VERSION });
  for (const field of ['title', 'statement']) {
    if (!(field in doc)) err('ex.err.missing', { field });
    else if (!isText(doc[field])) err('ex.err.text', { field, type: typeName(doc[field]) });
  }
  if (!('start' in doc)) err('ex.err.missing', { field: 'start' });
  else if (typeof doc.start !== 'string') err('ex.err.string', { field: 'start', type: typeName(doc.start) });
  const checks = [];
  if (!('checks' in doc)) err('ex.err.missing', { field: 'checks' });
  else if (!Array.isArray(doc.checks)) err('ex.err.checksArray', { type: typeName(doc.checks) });
  else if (!doc.checks.length) err('ex.err.noChecks');
  else {
    doc.checks.forEach((c, i) => {
      const n = i + 1;
      if (!c || typeof c !== 'object' || Array.isArray(c)) { err('ex.err.checkObject', { n, type: typeName(c) }); return; }
      if (!CHECK_KINDS.includes(c.kind)) { err('ex.err.kind', { n, kind: String(c.kind), accepted: CHECK_KINDS.join(', ') }); return; }
      const param = (name, ok, expect) => {
        if (!ok(c[name])) { err('ex.err.param', { n, kind: c.kind, name, expect, value: JSON.stringify(c[name]) ?? 'undefined' }); return false; }
        return true;
      };
      switch (c.kind) {
        case 'stdout': if (param('equals', (v) => typeof v === 'string', 'string')) checks.push({ kind: 'stdout', equals: c.equals }); break;
        case 'duration': if (param('max', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'number ≥ 0')) checks.push({ kind: 'duration', max: c.max }); break;
        case 'tasks': if (param('min', (v) => Number.isInteger(v) && v >= 1, 'integer ≥ 1')) checks.push({ kind: 'tasks', min: c.min }); break;
        case 'uses': if (param('name', (v) => typeof v === 'string' && /^[A-Za-z_][\w.]*$/.test(v), 'Python name')) checks.push({ kind: 'uses', name: c.name }); break;
        default: checks.push({ kind: c.kind });
      }
    });
  }
  if (errors.length) return { exercise: null, errors };
  const exercise = { v: 1, title: doc.title, statement: doc.statement, start: doc.start, checks };
  if (typeof doc.id === 'string') exercise.id = doc.id;
  if (typeof doc.course === 'string' && /^[0-9a-z]{1,4}$/.test(doc.course)) exercise.course = doc.course;
  return { exercise, errors };
}

/** An `ex=` value -> {exercise, errors, json}: decoding (base64url, deflate-raw,
 *  UTF-8, JSON) then validation; each failure step has its own message. */
export async function decodeExerciseParam(value, codec) {
  let bytes;
  try { bytes = codec.fromBase64Url(value); if (!bytes.length) throw new Error('empty'); } catch (e) {
    return { exercise: null, errors: [{ key: 'ex.err.base64', params: {} }] };
  }
  let json;
  try { json = await codec.decodeCode(value); } catch (e) {
    return { exercise: null, errors: [{ key: 'ex.err.deflate', params: {} }] };
  }
  let doc;
  try { doc = JSON.parse(json); } catch (e) {
    return { exercise: null, errors: [{ key: 'ex.err.json', params: { message: e.message } }] };
  }
  return { ...validateExercise(doc), json };
}

// ---------------------------------------------------------------- trace facts

/** The names the source uses as code: identifiers outside strings and comments
 *  (a token scan: `gather` in `# use gather` or in "gather" does not count). */
export function codeNames(source) {
  const names = new Set();
  for (const line of tokenizePython(source)) {
    for (const tok of line) {
      if (tok.type === 'str' || tok.type === 'comment') continue;
      for (const m of tok.text.matchAll(/[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/g)) names.add(m[0]);
    }
  }
  return names;
}

/** Whether `name` (e.g. `gather`, `asyncio.Queue`) is used in the code: every dotted
 *  part appears as a name outside strings and comments, and the last one is not only
 *  defined by the student (`def gather(` does not count as using asyncio's). */
export function usesName(source, name) {
  const names = codeNames(source);
  const parts = String(name).split('.');
  if (!parts.every((p) => names.has(p))) return false;
  const last = parts[parts.length - 1];
  // code with strings and comments blanked, to look at how the name is used
  const code = tokenizePython(source).map((l) => l.map((t) => (t.type === 'str' || t.type === 'comment' ? ' ' : t.text)).join('')).join('\n');
  const esc = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = [...code.matchAll(new RegExp(`(?<![\\w\\u00c0-\\uffff])${esc}(?![\\w\\u00c0-\\uffff])`, 'g'))];
  const defs = [...code.matchAll(new RegExp(`\\b(?:def|class)\\s+${esc}(?![\\w\\u00c0-\\uffff])`, 'g'))];
  return all.length > defs.length;
}

/** Most tasks alive at once (created, not finished), the runtime's own shutdown tasks
 *  left out: {count, at} (at = the first moment that count was reached). */
export function maxAliveTasks(events) {
  const alive = new Set();
  const mine = new Set();
  let best = { count: 0, at: 0 };
  for (const ev of events) {
    if (ev.k === 'spawn' && ev.task !== 0 && !RUNTIME_TASKS.test(ev.coro || '')) {
      mine.add(ev.task);
      alive.add(ev.task);
      if (alive.size > best.count) best = { count: alive.size, at: ev.at };
    } else if (ev.k === 'complete' && mine.has(ev.task)) alive.delete(ev.task);
  }
  return best;
}

/** Blocking calls made while the loop runs a task (time.sleep in a coroutine):
 *  [{at, until, task, line}] (line: the task's last line before the call). */
export function blockingCalls(events) {
  const lastLine = new Map();
  const out = [];
  for (const ev of events) {
    if (ev.k === 'line') lastLine.set(ev.task, ev.line);
    else if (ev.k === 'blocked' && ev.task != null && ev.task !== 0) {
      out.push({ at: ev.at, until: Number(ev.until), task: ev.task, line: lastLine.get(ev.task) ?? null });
    }
  }
  return out;
}

/** The periods tasks spent waiting on a sleep: [{task, what, start, end}] by start. */
export function sleepWaits(model) {
  const out = [];
  for (const lane of model.lanes) {
    if (lane.task === 0) continue;
    for (const s of lane.segments) {
      if (s.state === 'waiting' && /^sleep\(/.test(s.wait || '') && s.end - s.start > EPS) out.push({ task: lane.task, what: s.wait, start: s.start, end: s.end });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.task - b.task);
}

// ---------------------------------------------------------------- evaluation
const normOut = (s) => String(s ?? '').replace(/\r\n?/g, '\n').replace(/\n$/, '');

/**
 * Run `exercise`'s checks on a finished run. `run` = {events, stdout, stderr, status,
 * duration}, `source` = the code that ran, `file` its file name (for the error line).
 * Returns {pass, results: [{kind, ok, text, at}]}: `text` says, in `lang`, what was
 * checked and (when it failed) why, from the trace; `at` is the moment of the timeline
 * that shows it (null when none).
 */
export function evaluate(exercise, run, source, lang, file) {
  const events = run.events || [];
  const model = buildModel(events);
  const dur = Number.isFinite(run.duration) ? run.duration : model.end;
  const fmt = (x) => fmtSeconds(x, lang);
  const tx = (key, params) => xt(lang, key, params);
  const results = exercise.checks.map((c) => {
    switch (c.kind) {
      case 'stdout': return checkStdout(c, run, model, tx);
      case 'duration': return checkDuration(c, dur, events, model, tx, fmt);
      case 'tasks': {
        const m = maxAliveTasks(events);
        if (m.count >= c.min) return { kind: c.kind, ok: true, text: tx('ex.ok.tasks', { got: m.count, min: c.min }), at: m.at };
        const why = m.count <= 1 ? tx('ex.why.tasksNone') : tx('ex.why.tasksFew', { at: fmt(m.at) });
        return { kind: c.kind, ok: false, text: tx('ex.fail.tasks', { got: m.count, min: c.min, why }), at: m.count ? m.at : null };
      }
      case 'uses': {
        const ok = usesName(source, c.name);
        return { kind: c.kind, ok, text: tx(ok ? 'ex.ok.uses' : 'ex.fail.uses', { name: c.name }), at: null };
      }
      case 'no_blocking_sleep': {
        const b = blockingCalls(events);
        if (!b.length) return { kind: c.kind, ok: true, text: tx('ex.ok.noBlocking'), at: null };
        const first = b[0];
        const total = b.reduce((s, x) => s + Math.max(0, x.until - x.at), 0);
        return {
          kind: c.kind, ok: false, at: first.at,
          text: tx(first.line ? 'ex.fail.blockingLine' : 'ex.fail.blocking', { n: b.length, total: fmt(total), at: fmt(first.at), task: taskName(model, first.task), line: first.line }),
        };
      }
      case 'no_error': {
        const stderr = String(run.stderr || '');
        if (!run.status && !stderr.trim()) return { kind: c.kind, ok: true, text: tx('ex.ok.noError'), at: null };
        const message = errorMessage(stderr) || tx('ex.unknownError');
        const line = errorLine(stderr, file);
        const lastErr = model.logs.find((l) => l.stream === 'err');
        const key = run.status ? (line ? 'ex.fail.errorLine' : 'ex.fail.error') : 'ex.fail.stderr';
        return { kind: c.kind, ok: false, text: tx(key, { message, line, status: run.status }), at: lastErr ? lastErr.at : null };
      }
      default: return { kind: c.kind, ok: false, text: tx('ex.fail.unknown', { kind: c.kind }), at: null };
    }
  });
  return { pass: results.every((r) => r.ok), results };
}

function checkStdout(c, run, model, tx) {
  const want = normOut(c.equals);
  const got = normOut(run.stdout);
  if (want === got) return { kind: 'stdout', ok: true, text: tx('ex.ok.stdout'), at: null };
  const w = want === '' ? [] : want.split('\n');
  const g = got === '' ? [] : got.split('\n');
  let i = 0;
  while (i < w.length && i < g.length && w[i] === g[i]) i++;
  const outs = model.logs.filter((l) => l.stream === 'out');
  const at = outs.length ? outs[Math.min(i, outs.length - 1)].at : null;
  let text;
  if (i >= g.length) text = tx(g.length ? 'ex.fail.stdoutMissing' : 'ex.fail.stdoutEmpty', { n: i + 1, want: w[i], count: w.length });
  else if (i >= w.length) text = tx('ex.fail.stdoutExtra', { n: i + 1, got: g[i] });
  else text = tx('ex.fail.stdoutLine', { n: i + 1, want: w[i], got: g[i] });
  return { kind: 'stdout', ok: false, text, at };
}

function checkDuration(c, dur, events, model, tx, fmt) {
  if (dur <= c.max + EPS) return { kind: 'duration', ok: true, text: tx('ex.ok.duration', { got: fmt(dur), max: fmt(c.max) }), at: null };
  // Why it took that long, from the trace: the loop blocked, waits one after another,
  // or one wait longer than the whole budget.
  const blocked = events.filter((e) => e.k === 'blocked');
  const blockedTotal = blocked.reduce((s, e) => s + Math.max(0, Number(e.until) - e.at), 0);
  const waits = sleepWaits(model);
  let why;
  let at = c.max;
  if (blockedTotal > EPS && blockedTotal >= (dur - c.max) / 2) {
    why = tx('ex.why.blocked', { total: fmt(blockedTotal), n: blocked.length });
    at = blocked[0].at;
  } else if (waits.length >= 2 && waits.every((w, i) => i === 0 || w.start >= waits[i - 1].end - EPS)) {
    why = tx('ex.why.sequential', { n: waits.length, words: tx(`ex.num.${Math.min(waits.length, 10)}`) });
    at = waits[1].start;
  } else if (waits.length) {
    const longest = waits.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    if (longest.end - longest.start > c.max + EPS) {
      why = tx('ex.why.longWait', { what: longest.what, task: taskName(model, longest.task), d: fmt(longest.end - longest.start) });
      at = longest.start;
    } else {
      // waits partly overlapping: how much of the time no two of them overlapped
      const chain = sequentialChain(waits);
      why = tx('ex.why.partly', { n: chain.length, total: fmt(chain.reduce((s, w) => s + (w.end - w.start), 0)) });
      at = chain.length > 1 ? chain[1].start : waits[0].start;
    }
  } else {
    why = tx('ex.why.busy');
  }
  return { kind: 'duration', ok: false, text: tx('ex.fail.duration', { got: fmt(dur), max: fmt(c.max), why }), at: Math.min(at, dur) };
}

/** The longest run of waits each starting after the previous one ended. */
function sequentialChain(waits) {
  const best = waits.map((w) => [w]);
  for (let i = 0; i < waits.length; i++) {
    for (let j = 0; j < i; j++) {
      if (waits[i].start >= waits[j].end - EPS && best[j].length + 1 > best[i].length) best[i] = [...best[j], waits[i]];
    }
  }
  return best.reduce((a, b) => (b.length > a.length ? b : a), []);
}

/** "3,0 s" / "3.0 s": one decimal at least, at most two (the verdict's precision). */
export function fmtSeconds(x, lang) {
  let s = (Math.round((Number.isFinite(x) ? x : 0) * 100) / 100).toFixed(2).replace(/0$/, '');
  if (lang === 'fr') s = s.replace('.', ',');
  return s + '\u00a0s';
}
