// Export the run as a Chrome trace-event JSON file (opens in Perfetto and
// chrome://tracing). The engine's `chrome_trace` is used when it has one; otherwise
// the same file is built here from the view model (pure: `chromeTrace`).
import { buildModel, laneLabel } from './trace.js';

const US = 1e6; // trace-event timestamps are in microseconds

/**
 * Chrome trace-event object for `events`: one thread per lane (tid = task id), one
 * complete event ('X') per segment, an instant event per printed line, and flow
 * arrows for wake-ups, cancellations and wait() results. Pure.
 */
export function chromeTrace(events, { title = 'Boucle', loopLabel = 'loop' } = {}) {
  const model = buildModel(events);
  const pid = 1;
  const out = [{ ph: 'M', name: 'process_name', pid, tid: 0, args: { name: title } }];
  model.lanes.forEach((lane, i) => {
    out.push({ ph: 'M', name: 'thread_name', pid, tid: lane.task, args: { name: laneLabel(lane, loopLabel) } });
    out.push({ ph: 'M', name: 'thread_sort_index', pid, tid: lane.task, args: { sort_index: i } });
    for (const s of lane.segments) {
      const name = s.wait ? `${s.state}: ${s.wait}` : s.state;
      const ev = { ph: 'X', name, cat: lane.task === 0 ? 'loop' : 'task', pid, tid: lane.task, ts: s.start * US, dur: Math.max(0, s.end - s.start) * US };
      if (s.detail) ev.args = { detail: s.detail };
      out.push(ev);
    }
  });
  for (const l of model.logs) {
    out.push({ ph: 'i', s: 't', name: l.text, cat: l.stream === 'err' ? 'stderr' : 'stdout', pid, tid: l.task, ts: l.at * US });
  }
  model.arrows.forEach((a, id) => {
    if (a.kind === 'spawn') return;
    const name = a.why ? `${a.kind} (${a.why})` : a.kind;
    out.push({ ph: 's', id, name, cat: 'cause', pid, tid: a.from, ts: a.at * US });
    out.push({ ph: 'f', bp: 'e', id, name, cat: 'cause', pid, tid: a.to, ts: a.at * US });
  });
  return { traceEvents: out, displayTimeUnit: 'ms', otherData: { generator: 'Boucle', format_version: 2 } };
}

/** The file's text: the engine's exporter when it exists, else `chromeTrace`. */
export function chromeTraceText(engine, events, opts) {
  if (engine && typeof engine.chrome_trace === 'function') return engine.chrome_trace(JSON.stringify(events));
  return JSON.stringify(chromeTrace(events, opts));
}

/** Download the run's trace as `filename`. */
export function downloadChromeTrace(engine, events, filename, opts) {
  const text = chromeTraceText(engine, events, opts);
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
