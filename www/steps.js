// Step mode, pure: where each step ends in a trace, the loop's queues at the end of a
// step, and one plain sentence per step saying what the loop does and why. Loaded
// with stepper.js, on first use of Step mode (its texts live here, not in i18n.js,
// to keep the first visit light). Tested in node (tests/js/steps.test.mjs).
import { countAt, segmentAt, taskName, TERMINAL } from './trace.js';

/** Where each task stands at time t: Map task id -> innermost line, for the tasks
 *  that have run and are not finished (Step mode marks them all). */
export function taskLinesAt(model, t) {
  const n = countAt(model.lines, t);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    const l = model.lines[i];
    if (!l.outer) out.set(l.task, l.line);
  }
  for (const id of [...out.keys()]) {
    const lane = id === 0 ? null : model.lanes[model.tasks.get(id)?.lane];
    const seg = lane ? segmentAt(model, model.tasks.get(id).lane, t) : null;
    if (seg && TERMINAL.has(seg.state)) out.delete(id);
  }
  return out;
}


/**
 * Where each step ends: step k shows events[0 .. cuts[k]). Step 0 stops before the
 * first loop iteration (the tasks created by the top-level code are in the ready
 * queue, nothing has run yet); step k ≥ 1 is iteration k, up to the next one (the
 * due timers that fire just before an iteration, and the loop's `idle` before them,
 * belong to that next step). Once the run is over (`finished`), the last step ends
 * with the trace. The cuts are only those known for sure: the run may go on.
 */
export function stepCuts(events, finished) {
  const cuts = [];
  let first = true;
  for (let i = 0; i < events.length; i++) {
    if (events[i].k !== 'iteration') continue;
    let end = i;
    if (!first) {
      while (end - 1 > (cuts[cuts.length - 1] ?? 0) && isPreamble(events[end - 1])) end--;
    }
    first = false;
    if (!cuts.length || end > cuts[cuts.length - 1]) cuts.push(end);
  }
  if (finished && (!cuts.length || cuts[cuts.length - 1] < events.length)) cuts.push(events.length);
  return cuts;
}

const isPreamble = (e) => e.k === 'timer_fire' || (e.k === 'loop' && e.what === 'idle');

/**
 * The loop's queues at the end of the step that ends at `upto` (a cut):
 * {n, at, ran, ready, timers, stoppedWithQueue} as the page's queue panel shows them:
 * - ran: the handles the step's iteration took from the ready queue, in order;
 * - ready: what the next iteration will run (the due timers' callbacks excepted: they
 *   join the queue when the next iteration starts), or, when the loop stopped with
 *   handles queued, those (they never ran);
 * - timers: armed, not fired nor cancelled, by deadline (v2: `id`).
 * Entries are {task, name, call}; `name(id)` names a task.
 */
export function stepQueues(events, upto, name) {
  let it = null;
  const timers = new Map();
  let left = null;
  for (let i = 0; i < upto; i++) {
    const e = events[i];
    if (e.k === 'iteration') { it = e; left = null; }
    else if (e.k === 'timer_set') timers.set(e.id ?? `${e.task}:${e.what}:${i}`, { deadline: e.deadline, task: e.task, what: e.what ?? null, seq: i });
    else if (e.k === 'timer_fire' || e.k === 'timer_cancel') timers.delete(e.id);
    else if (e.k === 'queue_left') left = e;
  }
  // the next iteration's queue, without the timer callbacks that join it at its start
  let next = null, fired = 0;
  for (let i = upto; i < events.length; i++) {
    const e = events[i];
    if (e.k === 'timer_fire') fired++;
    if (e.k === 'iteration') { next = e; break; }
    if (e.k !== 'loop' && e.k !== 'timer_fire') break; // the step is not over yet
  }
  let ready = [];
  if (left) ready = handles(left.ready || [], left.calls || [], name);
  else if (next) {
    ready = handles(next.ready || [], next.calls || [], name);
    let drop = fired;
    for (let j = ready.length - 1; j >= 0 && drop > 0; j--) if (ready[j].task === 0) { ready.splice(j, 1); drop--; }
  }
  const list = [...timers.values()].sort((a, b) => a.deadline - b.deadline || a.seq - b.seq);
  return {
    n: it ? it.n : 0,
    at: it ? it.at : 0,
    ran: it ? handles(it.ready || [], it.calls || [], name) : [],
    ready,
    stoppedWithQueue: !!left,
    timers: list.map((x) => ({ deadline: x.deadline, task: x.task, name: x.task === 0 ? null : name(x.task), what: x.what })),
  };
}

function handles(ids, calls, name) {
  let c = 0;
  return ids.map((id) => (id === 0 ? { task: 0, name: null, call: calls[c++] ?? null } : { task: id, name: name(id), call: null }));
}

const TEXT = {
  fr: {
    step0: 'Avant le premier tour de boucle : {ready} dans la file des tâches prêtes, rien n’a encore été exécuté.',
    step0Empty: 'Le programme principal s’exécute : la boucle n’a pas encore tourné.',
    iter: 'Tour {n} : ',
    then: ' puis ',
    and: ' et ',
    start: '{task} démarre',
    resume: '{task} reprend',
    waitTimer: '{task} attend un minuteur de {secs}',
    waitTask: '{task} attend la fin de {other}',
    waitGather: '{task} attend gather ({n} tâches)',
    waitWait: '{task} attend asyncio.wait',
    waitOther: '{task} attend {what}',
    done: '{task} se termine',
    failed: '{task} échoue',
    cancelled: '{task} est annulée',
    passTo: ' : la boucle passe à {task}',
    sep: ' ; ',
    idle: 'Plus rien n’est prêt : la boucle attend le prochain minuteur ({at}).',
    idleNone: 'Plus rien n’est prêt.',
    stop: 'La boucle s’arrête.',
    end: 'La boucle est arrêtée : le programme principal reprend jusqu’à sa fin.',
    blocked: '{task} appelle time.sleep : toute la boucle est bloquée jusqu’à {at}.',
    cb: {
      _run_until_complete_cb: 'fin de {main} : run_until_complete arrête la boucle',
      _release_waiter: 'le délai expire : la tâche qui attendait est réveillée',
      'shield._inner_done_callback': 'shield transmet le résultat de la tâche protégée',
      'TaskGroup._on_task_done': 'le TaskGroup note la fin d’une tâche',
      '_GatheringFuture._done_callback': 'gather note que {task} est terminée',
      'wait._on_completion': 'asyncio.wait apprend que {task} est terminée',
      'as_completed._on_completion': 'as_completed apprend que {task} est terminée',
      timer: 'le minuteur {what} de {task} expire : {task} redevient prête',
      other: 'le rappel {name} s’exécute',
    },
    theMain: 'la coroutine principale',
  },
  en: {
    step0: 'Before the loop’s first turn: {ready} in the ready queue, nothing has run yet.',
    step0Empty: 'The main program runs: the loop has not turned yet.',
    iter: 'Turn {n}: ',
    then: ' then ',
    and: ' and ',
    start: '{task} starts',
    resume: '{task} resumes',
    waitTimer: '{task} waits for a {secs} timer',
    waitTask: '{task} waits for {other} to finish',
    waitGather: '{task} waits for gather ({n} tasks)',
    waitWait: '{task} waits in asyncio.wait',
    waitOther: '{task} waits for {what}',
    done: '{task} finishes',
    failed: '{task} fails',
    cancelled: '{task} is cancelled',
    passTo: ': the loop moves on to {task}',
    sep: '; ',
    idle: 'Nothing is ready any more: the loop waits for the next timer ({at}).',
    idleNone: 'Nothing is ready any more.',
    stop: 'The loop stops.',
    end: 'The loop has stopped: the main program goes on to its end.',
    blocked: '{task} calls time.sleep: the whole loop is blocked until {at}.',
    cb: {
      _run_until_complete_cb: '{main} is over: run_until_complete stops the loop',
      _release_waiter: 'the delay expires: the waiting task is woken',
      'shield._inner_done_callback': 'shield passes on the result of the shielded task',
      'TaskGroup._on_task_done': 'the TaskGroup notes a task is done',
      '_GatheringFuture._done_callback': 'gather notes that {task} is done',
      'wait._on_completion': 'asyncio.wait learns that {task} is done',
      'as_completed._on_completion': 'as_completed learns that {task} is done',
      timer: 'the {what} timer of {task} expires: {task} is ready again',
      other: 'the callback {name} runs',
    },
    theMain: 'the main coroutine',
  },
};

const fill = (s, p) => s.replace(/\{(\w+)\}/g, (m, k) => (p[k] != null ? String(p[k]) : m));

/**
 * A CPython callback name explained in words: `_run_until_complete_cb` → « fin de
 * main() : run_until_complete arrête la boucle », `sleep(2) [Task-1]` → « le minuteur
 * sleep(2) de … expire ». `byName(Task-N)` gives a task's label; `main` the label of
 * the coroutine run_until_complete waited for.
 */
export function explainCallback(call, lang, byName, main) {
  const T = (TEXT[lang] || TEXT.fr).cb;
  const m = String(call || '').match(/^(.*?)(?: \[(.+)\])?$/);
  const fn = m[1];
  const task = m[2] ? byName(m[2]) : '';
  if (fn === '_run_until_complete_cb') return fill(T._run_until_complete_cb, { main: main || (TEXT[lang] || TEXT.fr).theMain });
  if (T[fn]) return fill(T[fn], { task });
  if (/^\w+\(.*\)$/.test(fn) && m[2]) return fill(T.timer, { what: fn, task });
  return fill(T.other, { name: call });
}

/**
 * One plain sentence (or two) saying what the loop does in the step that shows
 * events[from .. upto), and why. `o`: {lang, name(id) (a task's label), fmt(seconds)}.
 */
export function stepSentence(events, from, upto, o) {
  const T = TEXT[o.lang] || TEXT.fr;
  const name = o.name;
  const byTaskN = (n) => {
    for (const e of events) if ((e.k === 'spawn' && e.name === n) || (e.k === 'rename' && e.name === n)) return name(e.task);
    return n;
  };
  let it = -1;
  for (let i = from; i < upto; i++) if (events[i].k === 'iteration') { it = i; break; }
  if (it < 0) {
    if (from === 0) {
      const next = events.find((e, i) => i >= upto && e.k === 'iteration');
      const ready = next ? (next.ready || []).filter((id) => id !== 0).map(name) : [];
      return ready.length ? fill(T.step0, { ready: list(ready, T) }) : T.step0Empty;
    }
    return T.end;
  }
  const iter = events[it];
  // the coroutine run_until_complete waited for: the last task the main program created
  let main = null;
  for (let i = 0; i < it; i++) if (events[i].k === 'spawn' && (events[i].parent ?? 0) === 0) main = name(events[i].task);
  const polled = new Set();
  for (let i = 0; i < it; i++) if (events[i].k === 'poll_start') polled.add(events[i].task);
  // what each handle of the iteration did, in the order they ran
  const clauses = [];
  let c = 0;
  let from2 = it + 1;
  for (const id of iter.ready || []) {
    if (id === 0) { clauses.push({ s: explainCallback((iter.calls || [])[c++], o.lang, byTaskN, main) }); continue; }
    const who = name(id);
    let start = -1, end = null, outcome = null, blocked = null;
    for (let j = from2; j < upto; j++) {
      const e = events[j];
      if (e.task !== id) continue;
      if (start < 0 && e.k === 'poll_start') { start = j; continue; }
      if (start < 0) continue;
      if (e.k === 'blocked') blocked = e;
      if (e.k === 'complete') outcome = e.outcome;
      if (e.k === 'poll_end') { end = e; from2 = j + 1; break; }
    }
    let t = fill(polled.has(id) ? T.resume : T.start, { task: who });
    polled.add(id);
    if (end && end.wait != null) t = waitText(String(end.wait), who, T, byTaskN);
    else if (outcome === 'failed') t = fill(T.failed, { task: who });
    else if (outcome === 'cancelled') t = fill(T.cancelled, { task: who });
    else if (end) t = fill(T.done, { task: who });
    if (blocked) t += ' — ' + fill(T.blocked, { task: who, at: o.fmt(Number(blocked.until)) }).replace(/\.$/, '');
    clauses.push({ s: t, task: who, waits: !!(end && end.wait != null) });
  }
  let text = fill(T.iter, { n: iter.n });
  clauses.forEach((cl, k) => {
    const next = clauses[k + 1];
    text += cl.s;
    if (next && cl.waits && next.task) text += fill(T.passTo, { task: next.task }) + T.sep;
    else if (next) text += T.sep;
  });
  const sentences = [text + '.'];
  // and then: the loop waits for its next timer, or stops
  let stopped = false;
  for (let i = from; i < upto; i++) if (events[i].k === 'loop' && events[i].what === 'stop') stopped = true;
  for (let i = upto; i < events.length && !stopped; i++) {
    const e = events[i];
    if (e.k === 'loop' && e.what === 'idle') { sentences.push(e.until == null ? T.idleNone : fill(T.idle, { at: o.fmt(e.until) })); break; }
    if (e.k === 'loop' && e.what === 'stop') { stopped = true; break; }
    if (e.k !== 'timer_fire' && e.k !== 'loop' && e.k !== 'queue_left') break;
  }
  if (stopped) sentences.push(T.stop);
  return sentences.join(' ');
}

function waitText(wait, who, T, byTaskN) {
  let m = wait.match(/^sleep\(([\d.e+-]+)\)$/);
  if (m) return fill(T.waitTimer, { task: who, secs: secs(Number(m[1]), T) });
  m = wait.match(/^gather\((\d+)\)$/);
  if (m) return fill(T.waitGather, { task: who, n: m[1] });
  if (/^Task-\d+$/.test(wait)) return fill(T.waitTask, { task: who, other: byTaskN(wait) });
  if (/^wait\b/.test(wait)) return fill(T.waitWait, { task: who });
  return fill(T.waitOther, { task: who, what: wait });
}

function secs(x, T) {
  const s = Number.isInteger(x) ? String(x) : String(x);
  return (T === TEXT.fr ? s.replace('.', ',') : s) + '\u00a0s';
}

function list(items, T) {
  if (items.length <= 1) return items.join('');
  const sep = T.and;
  return items.slice(0, -1).join(', ') + sep + items[items.length - 1];
}

/**
 * The loop's queues at time t, for Step mode (moved from trace.js: the first visit
 * does not show the queues):
 * {n, at, ran, ready, timers} or null before the first iteration, where
 * - n, at: the last loop iteration started at or before t,
 * - ran: the handles that iteration took from the ready queue (its `iteration` event),
 * - ready: tasks put on the ready queue since, not yet run (they run next iteration),
 * - timers: timers armed and not yet fired or dropped, by (deadline, order armed).
 * Entries are {task, name} (task 0 = a callback, name null); timers add deadline, what.
 */
export function queuesAt(model, t) {
  const k = countAt(model.iterations, t);
  if (!k) return null;
  const it = model.iterations[k - 1];
  const qe = model.qevents || [];
  const upto = countAt(qe, t);
  const timers = [];
  let next = [];
  let left = null;
  for (let i = 0; i < upto; i++) {
    const e = qe[i];
    switch (e.k) {
      case 'timer_set': timers.push({ id: e.id, deadline: e.deadline, task: e.task, what: e.what ?? null, seq: i }); break;
      // v2: a timer leaves the set when it fires or is cancelled, matched by its id.
      case 'timer_fire':
      case 'timer_cancel': {
        const j = timers.findIndex((x) => x.id === e.id);
        if (j >= 0) timers.splice(j, 1);
        break;
      }
      default: break;
    }
    if (e.index > it.index && e.k === 'queue_left') left = modelHandles(model, e.ready || [], e.calls || []);
    if (e.index > it.index) {
      if ((e.k === 'wake' || e.k === 'spawn') && e.task !== 0 && !next.includes(e.task)) next.push(e.task);
      else if (e.k === 'poll_start') { const j = next.indexOf(e.task); if (j >= 0) next.splice(j, 1); }
      else if (e.k === 'complete') { const j = next.indexOf(e.task); if (j >= 0) next.splice(j, 1); }
    }
  }
  timers.sort((a, b) => a.deadline - b.deadline || a.seq - b.seq);
  return {
    n: it.n,
    at: it.at,
    ran: modelHandles(model, it.ready, it.calls || []),
    // When the loop stopped with handles still queued, those never ran: that is
    // the list to show (course example 05: gather's callbacks).
    ready: left || modelHandles(model, next, []),
    stoppedWithQueue: left !== null,
    timers: timers.map((x) => ({ deadline: x.deadline, task: x.task, name: x.task === 0 ? null : taskName(model, x.task), what: x.what })),
  };
}

/**
 * Ready-queue entries as the page shows them: {task, name, call}; a callback
 * (task 0) takes the next name from `calls` (`_GatheringFuture._done_callback [Task-1]`).
 */
function modelHandles(model, ids, calls) {
  let c = 0;
  return ids.map((id) => (id === 0
    ? { task: 0, name: null, call: calls[c++] ?? null }
    : { task: id, name: taskName(model, id), call: null }));
}
