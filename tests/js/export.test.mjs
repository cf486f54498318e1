import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromeTrace, chromeTraceText } from '../../www/export.js';
import { fixture } from './helpers.mjs';

const ex07 = fixture('07_cancel_wait.json');

test('the exported trace names one thread per lane and lays every segment on it', () => {
  const tr = chromeTrace(ex07, { title: 'Boucle 07', loopLabel: 'Boucle' });
  const names = tr.traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args.name]);
  // asyncio.run's two shutdown tasks are tasks too, as in CPython.
  assert.deepEqual(names, [[0, 'Boucle'], [1, 'main()'], [2, 'envoi()'], [3, 'reception()'],
    [4, 'Task-4 (BaseEventLoop.shutdown_asyncgens)'], [5, 'Task-5 (BaseEventLoop.shutdown_default_executor)']]);
  const waits = tr.traceEvents.filter((e) => e.ph === 'X' && e.tid === 2 && e.name.startsWith('waiting'));
  assert.deepEqual(waits.map((e) => [e.name, e.ts, e.dur]), [['waiting: sleep(0.5)', 0, 250000]]);
  assert.ok(tr.traceEvents.some((e) => e.ph === 'X' && e.tid === 2 && e.name === 'cancelled'));
});

test('printed lines become instant events and causes become flow arrows', () => {
  const tr = chromeTrace(ex07);
  const logs = tr.traceEvents.filter((e) => e.ph === 'i').map((e) => [e.tid, e.ts, e.name]);
  assert.deepEqual(logs, [[3, 250000, 'reçu : fermeture'], [1, 250000, 'terminées : 1 en attente : 1']]);
  const starts = tr.traceEvents.filter((e) => e.ph === 's');
  const ends = tr.traceEvents.filter((e) => e.ph === 'f');
  assert.equal(starts.length, ends.length);
  assert.ok(starts.some((e) => e.name === 'cancel' && e.tid === 1));
});

test('every trace event carries the fields Perfetto needs', () => {
  const text = chromeTraceText(null, ex07);
  const { traceEvents } = JSON.parse(text);
  for (const e of traceEvents) {
    assert.equal(typeof e.ph, 'string');
    assert.equal(e.pid, 1);
    assert.equal(typeof e.tid, 'number');
    if (e.ph !== 'M') assert.ok(Number.isFinite(e.ts));
  }
});

test('the engine exporter is preferred when the engine has one', () => {
  const engine = { chrome_trace: (json) => `engine:${JSON.parse(json).length}` };
  assert.equal(chromeTraceText(engine, ex07), `engine:${ex07.length}`);
});
