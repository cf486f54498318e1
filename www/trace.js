// Pure functions: trace events (ARCHITECTURE.md, FORMAT_VERSION 2) -> view model.
// No DOM here: everything is testable in node (tests/js/trace.test.mjs).

/** Task states drawn on task lanes. */
export const TASK_STATES = ['ready', 'running', 'waiting', 'done', 'cancelled', 'failed'];
/** States of lane 0, the loop itself (and the main program's top-level code). */
export const LOOP_STATES = ['main', 'busy', 'idle', 'blocked', 'stopped'];

export const TERMINAL = new Set(['done', 'cancelled', 'failed']);
/** The tasks asyncio.run creates to shut down (CPython's): shown dimmed, folded. */
const SHUTDOWN = new Set(['BaseEventLoop.shutdown_asyncgens', 'BaseEventLoop.shutdown_default_executor']);
/** A gap longer than this (loop seconds) with nothing running is drawn as idle. */
const IDLE_GAP = 1e-3;
const Q_KINDS = new Set(['spawn', 'wake', 'poll_start', 'timer_set', 'timer_fire', 'timer_cancel', 'complete', 'queue_left']);

/**
 * Build the view model of a run from its events.
 * @param {Array<object>} events trace events in emission order
 * @param {number} [end] time at which the still-open segments end (live runs: now)
 * @param {{defOf?: number[]}} [opts] defOf: the source's function of each line
 *   (defBlocks), to tell the innermost running line of a suspended task
 * @returns {{lanes, tasks, logs, lines, iterations, arrows, timersSet, end, count}}
 */
export function buildModel(events, end, opts = {}) {
  const defOf = opts.defOf || null;
  const tasks = new Map();
  const lanes = [];
  const logs = [];
  const lines = [];
  const iterations = [];
  const arrows = [];
  const timersSet = [];
  const qevents = []; // what changes the ready queue and the timers, for queuesAt
  const times = [];   // the distinct moments something happened, in order
  let last = 0;

  const loopLane = { task: 0, name: '', coro: '', parent: null, segments: [], open: null, polls: 0 };
  lanes.push(loopLane);
  tasks.set(0, { id: 0, lane: 0, name: '', coro: '', parent: null });

  let inLoop = false;      // between loop start and loop stop
  let blockedUntil = -1;   // the loop is frozen until then
  let loopBase = 'main';   // loop-lane state when not blocked
  let running = -1;        // task whose step is running, -1 when none
  // Steps take no loop time: the chart gives each a few pixels. pc counts the steps
  // started; segments record it (ps, pe), polls the time of each step.
  let pc = 0;
  const polls = [];
  let stepStart = 0; // index of the running step's poll_start

  const open = (lane, state, at, extra) => {
    const cur = lane.open;
    if (cur && cur.state === state && cur.wait === (extra && extra.wait)) return;
    if (cur) { cur.end = Math.max(cur.start, at); cur.pe = pc; lane.segments.push(cur); }
    lane.open = { state, start: at, end: at, ps: pc, pe: pc, wait: extra ? extra.wait : undefined, detail: extra ? extra.detail : undefined };
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
    if (!times.length || at > times[times.length - 1] + 1e-9) times.push(at);
    if (Q_KINDS.has(ev.k)) qevents.push({ at, k: ev.k, task: ev.task, id: ev.id, what: ev.what, deadline: ev.deadline, why: ev.why, ready: ev.ready, calls: ev.calls, index: i });
    // A blocking call ends when its `until` is reached: the loop goes back to its base state.
    if (blockedUntil >= 0 && at >= blockedUntil && ev.k !== 'blocked') {
      setLoop(loopBase, blockedUntil);
      blockedUntil = -1;
    }
    switch (ev.k) {
      case 'spawn': {
        const lane = { task: ev.task, name: ev.name || `Task-${ev.task}`, coro: ev.coro || '', call: ev.call || null, named: false, parent: ev.parent ?? null, segments: [], open: null, polls: 0 };
        if (SHUTDOWN.has(lane.coro) && (ev.parent ?? 0) === 0) lane.shutdown = true;
        tasks.set(ev.task, { id: ev.task, lane: lanes.length, name: lane.name, coro: lane.coro, call: lane.call, named: false, parent: lane.parent });
        lanes.push(lane);
        open(lane, 'ready', at);
        if (ev.parent != null && ev.parent !== ev.task && tasks.has(ev.parent)) {
          arrows.push({ at, pc, from: ev.parent, to: ev.task, kind: 'spawn', index: i });
        }
        break;
      }
      case 'rename': {
        // create_task(…, name=…) / set_name: the lane takes the program's name
        const task = tasks.get(ev.task);
        if (task && ev.task !== 0 && ev.name != null) {
          task.name = String(ev.name); task.named = true;
          const lane = lanes[task.lane];
          lane.name = task.name; lane.named = true;
        }
        break;
      }
      case 'wake': {
        const lane = laneOf(ev.task);
        if (lane && ev.task !== 0 && !TERMINAL.has(lane.open && lane.open.state)) open(lane, 'ready', at);
        for (const by of ev.by || []) {
          if (by !== ev.task && tasks.has(by)) arrows.push({ at, pc, from: by, to: ev.task, kind: 'wake', why: ev.why, index: i });
        }
        break;
      }
      case 'poll_start': {
        const lane = laneOf(ev.task);
        if (inLoop && blockedUntil < 0) setLoop('busy', at);
        stepStart = i;
        if (lane && ev.task !== 0) { open(lane, 'running', at); lane.polls++; }
        running = ev.task;
        polls.push(at);
        pc++;
        break;
      }
      case 'poll_end': {
        // A task suspends from its innermost await, then passes each outer frame's
        // await line on the way out: those lines (no output between) are not where it
        // is (example 06: line 13, not 7).
        if (defOf && ev.wait != null) {
          const lastLog = logs.length ? logs[logs.length - 1].index : -1;
          for (let j = lines.length - 1; j > 0; j--) {
            const a = lines[j], b = lines[j - 1];
            if (b.index < lastLog || b.index < stepStart) break;
            if (a.task !== ev.task || b.task !== ev.task || (defOf[a.line] ?? 0) === (defOf[b.line] ?? 0)) break;
            a.outer = true;
          }
        }
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
        if (ev.by != null && ev.by !== ev.task && tasks.has(ev.by)) arrows.push({ at, pc, from: ev.by, to: ev.task, kind: 'cancel', index: i });
        break;
      }
      case 'wait_result': {
        for (const d of ev.done || []) {
          if (d !== ev.task && tasks.has(d)) arrows.push({ at, pc, from: d, to: ev.task, kind: 'wait', index: i });
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
    if (lane.open) { lane.open.end = Math.max(lane.open.start, stop); lane.open.pe = pc; lane.segments.push(lane.open); lane.open = null; }
    delete lane.open;
  }
  return { lanes, tasks, logs, lines, iterations, arrows, timersSet, qevents, polls, times, end: stop, count: events.length };
}

/** The next (dir 1) or previous (dir -1) moment after / before t where something
 *  happened (the timeline slider's arrow keys); t itself at either end. */
export function nextMoment(model, t, dir) {
  const ts = model.times || [];
  if (dir > 0) {
    for (const x of ts) if (x > t + 1e-9) return x;
    return Math.max(t, model.end);
  }
  for (let i = ts.length - 1; i >= 0; i--) if (ts[i] < t - 1e-9) return ts[i];
  return 0;
}

/** Number of log lines printed at or before time t. */
export function logCountAt(model, t) {
  return countAt(model.logs, t);
}

/** The line being executed at time t: {line, task} or null (the innermost line of
 *  a suspended task, not the outer `await` lines it passed through). */
export function currentLineAt(model, t) {
  let n = countAt(model.lines, t);
  while (n > 1 && model.lines[n - 1].outer) n--;
  return n ? model.lines[n - 1] : null;
}

/** For each 1-based line of `source`, the first line of the function (def) whose
 *  body it is in, 0 at module level: what tells lines of different frames apart. */
export function defBlocks(source) {
  const ls = String(source || '').replace(/\r\n?/g, '\n').split('\n');
  const out = [0];
  const stack = []; // {indent, line}
  let pending = null;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i];
    const code = l.replace(/#.*$/, '');
    if (!code.trim()) { out.push(stack.length ? stack[stack.length - 1].line : 0); continue; }
    const indent = l.match(/^[ \t]*/)[0].replace(/\t/g, '    ').length;
    if (pending && indent > pending.indent) stack.push(pending);
    pending = null;
    while (stack.length && indent <= stack[stack.length - 1].indent) stack.pop();
    out.push(stack.length ? stack[stack.length - 1].line : 0);
    if (/^\s*(async\s+)?def\s/.test(code)) pending = { indent, line: i + 1 };
  }
  return out;
}

/** The segment of lane `laneIndex` covering time t (the last one starting at or before t). */
export function segmentAt(model, laneIndex, t) {
  const segs = model.lanes[laneIndex]?.segments || [];
  let found = null;
  for (const s of segs) { if (s.start <= t) found = s; else break; }
  return found;
}

/**
 * Lane label, what tells tasks apart: the name the program gave (`name=`), else the
 * coroutine call with its arguments (`cuire('pâtes')`, from the trace), else
 * `Task-2 (Coroutine_1)`; lane 0 gets `loopLabel`.
 */
export function laneLabel(lane, loopLabel) {
  if (lane.task === 0) return loopLabel;
  if (lane.folded) return lane.name;
  if (lane.named) return lane.name;
  if (lane.call && !lane.shutdown) return lane.call;
  return lane.coro ? `${lane.name} (${lane.coro})` : lane.name;
}

/** Everything known of a lane's task, for its tooltip: `cuire('riz', 2) — Task-3`. */
export function laneTitle(lane, loopLabel) {
  const label = laneLabel(lane, loopLabel);
  if (lane.task === 0 || lane.folded) return label;
  const parts = [label];
  if (lane.named && lane.call) parts.push(lane.call);
  if (!lane.named && (lane.call || !lane.coro)) parts.push(lane.name);
  return parts.join(' — ');
}

/** Short name used in sentences (the lane's label). */
export function taskName(model, id) {
  const t = model.tasks.get(id);
  if (!t) return `#${id}`;
  return laneLabel({ task: id, name: t.name, coro: t.coro, call: t.call, named: t.named }, '');
}

/**
 * The model as the chart draws it: the shutdown tasks of asyncio.run (CPython's
 * shutdown_asyncgens and shutdown_default_executor, which every program using
 * asyncio.run ends with) are folded into one dimmed lane named `label`. Pure; the
 * model itself (queues, table, export) keeps every task.
 */
export function foldShutdown(model, label) {
  const idx = [];
  model.lanes.forEach((l, i) => { if (l.shutdown) idx.push(i); });
  if (idx.length < 1) return model;
  const keep = model.lanes.filter((l) => !l.shutdown);
  const segments = idx.flatMap((i) => model.lanes[i].segments).sort((a, b) => a.start - b.start || a.ps - b.ps);
  const folded = { task: -1, name: label, coro: '', call: null, folded: idx.map((i) => model.lanes[i].task), dim: true, segments, polls: 0 };
  const lanes = [...keep, folded];
  const tasks = new Map();
  for (const [id, t] of model.tasks) {
    const lane = model.lanes[t.lane];
    tasks.set(id, { ...t, lane: lane && lane.shutdown ? lanes.length - 1 : keep.indexOf(lane) });
  }
  return { ...model, lanes, tasks };
}

// number of items (sorted by `at`) with at <= t (+ a tiny tolerance for float noise)
export function countAt(items, t) {
  if (t === Infinity) return items.length;
  let lo = 0, hi = items.length;
  const lim = t + 1e-9;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].at <= lim) lo = mid + 1; else hi = mid;
  }
  return lo;
}

