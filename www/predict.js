// Pure: "predict, then run". A question of a lesson file names a fact about the run
// (first line printed, total duration, first task to finish, the error, how many
// tasks); the page computes that fact from the run's trace and result, so the verdict
// is the engine's, never a hard-coded answer (and follows the code if it was edited).
//
// A question, in a ```predict block of a lesson file (JSON):
//   {"question": "…", "fact": {"kind": "duration"},
//    "choices": [{"label": "2 s", "value": 2}, {"label": "4 s", "value": 4}],
//    "answer": 0, "explain": "…"}
// `answer` is the author's expected choice: the tests check it against the engine.
//
// Fact kinds:
//   duration             total loop time of the run (s); values are numbers (±0.05 s)
//   line  {n}            the n-th line printed on stdout (1-based, default 1)
//   first_done {among}   coroutine name of the first task to finish (among: only those)
//   error                exception class of the uncaught error ('none' when none)
//   tasks                how many tasks the program created (asyncio.run's own
//                        shutdown tasks not counted)

export const FACT_KINDS = ['duration', 'line', 'first_done', 'error', 'tasks'];

/** asyncio.run's housekeeping tasks (BaseEventLoop.shutdown_asyncgens…): real, but
 *  not the program's. */
const isHousekeeping = (coro) => /(^|\.)shutdown_(asyncgens|default_executor)$/.test(String(coro || ''));

/** Check one question object from a lesson file: a list of problems (strings). */
export function validateQuestion(q) {
  const errs = [];
  if (!q || typeof q !== 'object') return ['not an object'];
  if (typeof q.question !== 'string' || !q.question.trim()) errs.push('question: missing text');
  if (!q.fact || !FACT_KINDS.includes(q.fact.kind)) errs.push(`fact.kind: one of ${FACT_KINDS.join(', ')}`);
  if (!Array.isArray(q.choices) || q.choices.length < 2 || q.choices.length > 4) errs.push('choices: 2 to 4');
  else q.choices.forEach((c, i) => {
    if (!c || typeof c.label !== 'string' || !c.label.trim()) errs.push(`choices[${i}].label: missing`);
    if (!c || !('value' in c)) errs.push(`choices[${i}].value: missing`);
  });
  if (q.answer != null && !(Number.isInteger(q.answer) && q.choices && q.answer >= 0 && q.answer < q.choices.length)) errs.push('answer: index of a choice');
  return errs;
}

/**
 * The fact `fact` about a finished run. `run` = {events, stdout, stderr, status,
 * duration}. Returns {value, at, task} (task: the lane's task id, 0 = the loop;
 * at: the moment in the timeline that decides it), or {value: null} when the run has
 * no such fact (no n-th line, no task finished…).
 */
export function factOf(fact, run) {
  const events = run.events || [];
  const end = Number.isFinite(run.duration) ? run.duration : lastAt(events);
  switch (fact.kind) {
    case 'duration':
      return { value: round(end), at: end, task: 0 };
    case 'line': {
      const n = fact.n ?? 1;
      const logs = events.filter((e) => e.k === 'log' && e.stream !== 'err');
      if (logs.length >= n) return { value: String(logs[n - 1].text), at: logs[n - 1].at, task: logs[n - 1].task ?? 0 };
      const lines = String(run.stdout || '').split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      return lines.length >= n ? { value: lines[n - 1], at: end, task: 0 } : { value: null, at: end, task: 0 };
    }
    case 'first_done': {
      const coro = coroutines(events);
      const among = Array.isArray(fact.among) ? new Set(fact.among) : null;
      for (const e of events) {
        if (e.k !== 'complete' || !e.task) continue;
        const c = coro.get(e.task);
        if (!c || isHousekeeping(c.coro)) continue;
        if (among && !among.has(c.coro) && !among.has(c.name)) continue;
        return { value: c.coro, at: e.at, task: e.task };
      }
      return { value: null, at: end, task: 0 };
    }
    case 'error': {
      const stop = events.find((e) => e.k === 'loop' && e.what === 'stop');
      const at = stop ? stop.at : end;
      return { value: errorClass(run), at, task: 0 };
    }
    case 'tasks': {
      const spawned = events.filter((e) => e.k === 'spawn' && !isHousekeeping(e.coro));
      const last = spawned[spawned.length - 1];
      return { value: spawned.length, at: last ? last.at : 0, task: last ? last.task : 0 };
    }
    default:
      return { value: null, at: end, task: 0 };
  }
}

/** Does a choice's value match the fact's value? Text: exactly. Numbers: within 0.05,
 *  or 8 % for durations (a live run on the browser's clock ends a little late: 2.04 s
 *  for a 2 s program; the choices of a question are always further apart). */
export function matches(choiceValue, factValue, kind) {
  if (factValue == null) return false;
  if (typeof factValue === 'number') {
    const v = Number(choiceValue);
    const tol = kind === 'duration' ? Math.max(0.05, 0.08 * Math.abs(v)) : 0.05;
    return Number.isFinite(v) && Math.abs(v - factValue) < tol;
  }
  return String(choiceValue).trim() === String(factValue).trim();
}

/** Index of the choice the run proves right, or -1 when none matches (edited code). */
export function rightChoice(q, fact) {
  return (q.choices || []).findIndex((c) => matches(c.value, fact.value, q.fact.kind));
}

/**
 * The verdict of one question: {right: index|-1, chosen: index|null,
 * outcome: 'right'|'wrong'|'unanswered'|'other', fact}. 'other': the run gave an
 * answer none of the choices names (the code was edited).
 */
export function judge(q, chosen, run) {
  const fact = factOf(q.fact, run);
  const right = rightChoice(q, fact);
  let outcome;
  if (right < 0) outcome = 'other';
  else if (chosen == null) outcome = 'unanswered';
  else outcome = chosen === right ? 'right' : 'wrong';
  return { right, chosen: chosen ?? null, outcome, fact };
}

/** Exception class of the uncaught error ('IndentationError'), or 'none'. */
export function errorClass(run) {
  const err = String(run.stderr || '').trim();
  if (!err && !run.status) return 'none';
  const lines = err.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = lines[lines.length - 1] || '';
  const m = last.match(/^([A-Za-z_][\w.]*)(?::|$)/);
  if (m) return m[1].split('.').pop();
  return run.status ? 'error' : 'none';
}

function coroutines(events) {
  const m = new Map();
  for (const e of events) if (e.k === 'spawn') m.set(e.task, { name: e.name || `Task-${e.task}`, coro: e.coro || '' });
  return m;
}

function lastAt(events) {
  let t = 0;
  for (const e of events) if (typeof e.at === 'number' && e.at > t) t = e.at;
  return t;
}

const round = (x) => Math.round(x * 1000) / 1000;
