// Pure functions: trace events (ARCHITECTURE.md, FORMAT_VERSION 2) -> view model.
// No DOM here: everything is testable in node (tests/js/trace.test.mjs).

/** Task states drawn on task lanes. */
export const TASK_STATES = ['ready', 'running', 'waiting', 'done', 'cancelled', 'failed'];
/** States of lane 0, the loop itself (and the main program's top-level code). */
export const LOOP_STATES = ['main', 'busy', 'idle', 'blocked', 'stopped'];

const TERMINAL = new Set(['done', 'cancelled', 'failed']);
/** A gap longer than this (loop seconds) with nothing running is drawn as idle. */
const IDLE_GAP = 1e-3;
const Q_KINDS = new Set(['spawn', 'wake', 'poll_start', 'timer_set', 'timer_fire', 'timer_cancel', 'complete', 'queue_left']);

/**
 * Build the view model of a run from its events.
 * @param {Array<object>} events trace events in emission order
 * @param {number} [end] time at which the still-open segments end (live runs: now)
 * @returns {{lanes, tasks, logs, lines, iterations, arrows, timersSet, end, count}}
 */
export function buildModel(events, end) {
  const tasks = new Map();
  const lanes = [];
  const logs = [];
  const lines = [];
  const iterations = [];
  const arrows = [];
  const timersSet = [];
  const qevents = []; // what changes the ready queue and the timers, for queuesAt
  let last = 0;

  const loopLane = { task: 0, name: '', coro: '', parent: null, segments: [], open: null, polls: 0 };
  lanes.push(loopLane);
  tasks.set(0, { id: 0, lane: 0, name: '', coro: '', parent: null });

  let inLoop = false;      // between loop start and loop stop
  let blockedUntil = -1;   // the loop is frozen until then
  let loopBase = 'main';   // loop-lane state when not blocked
  let running = -1;        // task whose step is running, -1 when none

  const open = (lane, state, at, extra) => {
    const cur = lane.open;
    if (cur && cur.state === state && cur.wait === (extra && extra.wait)) return;
    if (cur) { cur.end = Math.max(cur.start, at); lane.segments.push(cur); }
    lane.open = { state, start: at, end: at, wait: extra ? extra.wait : undefined, detail: extra ? extra.detail : undefined };
  };
  const laneOf = (id) => {
    const t = tasks.get(id);
    return t ? lanes[t.lane] : null;
  };
  const setLoop = (state, at) => open(loopLane, state, at);

  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    const at = typeof ev.at === 'number' && Number.isFinite(ev.at) ? ev.at : last;
    // Time passed inside the loop while no task ran and nothing blocked: the loop was
    // idle, waiting for its next timer (the runtime may or may not say `loop idle`).
    if (inLoop && blockedUntil < 0 && running < 0 && at - last > IDLE_GAP && ev.k !== 'blocked') {
      setLoop('idle', last);
      setLoop('busy', at);
    }
    if (at > last) last = at;
    if (Q_KINDS.has(ev.k)) qevents.push({ at, k: ev.k, task: ev.task, id: ev.id, what: ev.what, deadline: ev.deadline, why: ev.why, ready: ev.ready, calls: ev.calls, index: i });
    // A blocking call ends when its `until` is reached: the loop goes back to its base state.
    if (blockedUntil >= 0 && at >= blockedUntil && ev.k !== 'blocked') {
      setLoop(loopBase, blockedUntil);
      blockedUntil = -1;
    }
    switch (ev.k) {
      case 'spawn': {
        const lane = { task: ev.task, name: ev.name || `Task-${ev.task}`, coro: ev.coro || '', parent: ev.parent ?? null, segments: [], open: null, polls: 0 };
        tasks.set(ev.task, { id: ev.task, lane: lanes.length, name: lane.name, coro: lane.coro, parent: lane.parent });
        lanes.push(lane);
        open(lane, 'ready', at);
        if (ev.parent != null && ev.parent !== ev.task && tasks.has(ev.parent)) {
          arrows.push({ at, from: ev.parent, to: ev.task, kind: 'spawn', index: i });
        }
        break;
      }
      case 'wake': {
        const lane = laneOf(ev.task);
        if (lane && ev.task !== 0 && !TERMINAL.has(lane.open && lane.open.state)) open(lane, 'ready', at);
        for (const by of ev.by || []) {
          if (by !== ev.task && tasks.has(by)) arrows.push({ at, from: by, to: ev.task, kind: 'wake', why: ev.why, index: i });
        }
        break;
      }
      case 'poll_start': {
        const lane = laneOf(ev.task);
        if (lane && ev.task !== 0) { open(lane, 'running', at); lane.polls++; }
        running = ev.task;
        if (inLoop && blockedUntil < 0) setLoop('busy', at);
        break;
      }
      case 'poll_end': {
        const lane = laneOf(ev.task);
        if (running === ev.task) running = -1;
        if (lane && ev.task !== 0) {
          if (ev.wait == null) open(lane, 'done', at);
          else open(lane, 'waiting', at, { wait: String(ev.wait) });
        }
        break;
      }
      case 'complete': {
        const lane = laneOf(ev.task);
        const state = ev.outcome === 'cancelled' ? 'cancelled' : ev.outcome === 'failed' ? 'failed' : 'done';
        if (lane && ev.task !== 0) {
          if (lane.open && TERMINAL.has(lane.open.state)) { lane.open.state = state; lane.open.detail = ev.detail ?? undefined; }
          else open(lane, state, at, { detail: ev.detail ?? undefined });
        }
        break;
      }
      case 'cancel': {
        if (ev.by != null && ev.by !== ev.task && tasks.has(ev.by)) arrows.push({ at, from: ev.by, to: ev.task, kind: 'cancel', index: i });
        break;
      }
      case 'wait_result': {
        for (const d of ev.done || []) {
          if (d !== ev.task && tasks.has(d)) arrows.push({ at, from: d, to: ev.task, kind: 'wait', index: i });
        }
        break;
      }
      case 'timer_set':
        timersSet.push({ at, task: ev.task, deadline: ev.deadline, what: ev.what, index: i });
        break;
      case 'timer_fire':
        if (inLoop && blockedUntil < 0) setLoop('busy', at);
        break;
      case 'line':
        lines.push({ at, task: ev.task, line: ev.line, index: i });
        if (ev.task === 0 && !inLoop && blockedUntil < 0) { loopBase = 'main'; setLoop('main', at); }
        break;
      case 'log':
        logs.push({ at, task: ev.task, text: String(ev.text ?? ''), stream: ev.stream === 'err' ? 'err' : 'out', index: i });
        if (ev.task === 0 && !inLoop && blockedUntil < 0) { loopBase = 'main'; setLoop('main', at); }
        break;
      case 'blocked': {
        const until = Number(ev.until);
        setLoop('blocked', at);
        blockedUntil = Number.isFinite(until) ? until : at;
        break;
      }
      case 'iteration':
        iterations.push({ at, n: ev.n, ready: ev.ready || [], calls: ev.calls || [], index: i });
        if (inLoop && blockedUntil < 0) setLoop('busy', at);
        break;
      case 'loop':
        if (ev.what === 'start') { inLoop = true; loopBase = 'busy'; if (blockedUntil < 0) setLoop('busy', at); }
        else if (ev.what === 'idle') { if (blockedUntil < 0) setLoop('idle', at); }
        else if (ev.what === 'stop' || ev.what === 'close') { inLoop = false; loopBase = 'stopped'; if (blockedUntil < 0) setLoop('stopped', at); }
        break;
      default:
        break; // unknown kinds are ignored (forward compatible)
    }
  }

  // The chart ends at `end` when given (a live run: now; a blocking call still in
  // progress is cut there), else after the last event or blocking call.
  let stop = last;
  if (typeof end === 'number' && Number.isFinite(end)) stop = Math.max(stop, end);
  else if (blockedUntil >= 0) stop = Math.max(stop, blockedUntil);
  if (blockedUntil >= 0 && blockedUntil < stop) setLoop(loopBase, blockedUntil);
  for (const lane of lanes) {
    if (lane.open) { lane.open.end = Math.max(lane.open.start, stop); lane.segments.push(lane.open); lane.open = null; }
    delete lane.open;
  }
  return { lanes, tasks, logs, lines, iterations, arrows, timersSet, qevents, end: stop, count: events.length };
}

/** Number of log lines printed at or before time t. */
export function logCountAt(model, t) {
  return countAt(model.logs, t);
}

/** The line being executed at time t: {line, task} or null. */
export function currentLineAt(model, t) {
  const n = countAt(model.lines, t);
  return n ? model.lines[n - 1] : null;
}

/**
 * The loop's queues at time t, for Step mode and time travel:
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
    if (e.index > it.index && e.k === 'queue_left') left = handles(model, e.ready || [], e.calls || []);
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
    ran: handles(model, it.ready, it.calls || []),
    // When the loop stopped with handles still queued, those never ran: that is
    // the list to show (course example 05: gather's callbacks).
    ready: left || handles(model, next, []),
    stoppedWithQueue: left !== null,
    timers: timers.map((x) => ({ deadline: x.deadline, task: x.task, name: x.task === 0 ? null : taskName(model, x.task), what: x.what })),
  };
}

/**
 * Ready-queue entries as the page shows them: {task, name, call}; a callback
 * (task 0) takes the next name from `calls` (`_GatheringFuture._done_callback [Task-1]`).
 */
function handles(model, ids, calls) {
  let c = 0;
  return ids.map((id) => (id === 0
    ? { task: 0, name: null, call: calls[c++] ?? null }
    : { task: id, name: taskName(model, id), call: null }));
}

/** The segment of lane `laneIndex` covering time t (the last one starting at or before t). */
export function segmentAt(model, laneIndex, t) {
  const segs = model.lanes[laneIndex]?.segments || [];
  let found = null;
  for (const s of segs) { if (s.start <= t) found = s; else break; }
  return found;
}

/** Lane label: 'Task-2 (Coroutine_1)'; lane 0 gets `loopLabel`. */
export function laneLabel(lane, loopLabel) {
  if (lane.task === 0) return loopLabel;
  return lane.coro ? `${lane.name} (${lane.coro})` : lane.name;
}

/** Short name used in sentences. */
export function taskName(model, id) {
  const t = model.tasks.get(id);
  if (!t) return `#${id}`;
  return t.coro ? `${t.name} (${t.coro})` : t.name;
}

// number of items (sorted by `at`) with at <= t (+ a tiny tolerance for float noise)
function countAt(items, t) {
  if (t === Infinity) return items.length;
  let lo = 0, hi = items.length;
  const lim = t + 1e-9;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].at <= lim) lo = mid + 1; else hi = mid;
  }
  return lo;
}

