import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queuesAt } from '../../www/steps.js';
import { buildModel, logCountAt, currentLineAt, segmentAt, laneLabel, taskName, TASK_STATES, LOOP_STATES } from '../../www/trace.js';
import { narrativeRows } from '../../www/table.js';
import { translator, formatSeconds, loadLang } from '../../www/i18n.js';

await loadLang('en');
import { fixture, course } from './helpers.mjs';

const ex03 = fixture('03_two_coroutines.json');
const ex00 = fixture('00_sync_async.json');
const ex04 = fixture('04_gather.json');
const ex07 = fixture('07_cancel_wait.json');
const states = (lane) => lane.segments.map((s) => s.state);
// The trace as it stood when the first event matching `pred` was emitted (a live run
// caught at that moment): the fixtures are whole runs made by the engine.
const until = (events, pred) => {
  const i = events.findIndex(pred);
  assert.ok(i > 0, 'the fixture has the event the test cuts at');
  return events.slice(0, i);
};
const through = (events, pred) => until(events, pred).concat([events.find(pred)]);

test('the chart has one lane for the loop and one per task, in creation order', () => {
  const m = buildModel(ex03);
  assert.equal(m.lanes.length, 3);
  assert.deepEqual(m.lanes.map((l) => l.task), [0, 1, 2]);
  assert.deepEqual(m.lanes.map((l) => l.name), ['', 'Task-1', 'Task-2']);
  assert.equal(laneLabel(m.lanes[1], 'boucle'), 'Coroutine_1()');
  assert.equal(laneLabel(m.lanes[0], 'boucle'), 'boucle');
});

test('a task is ready, runs, waits on its sleep, is ready again, runs and is done', () => {
  const m = buildModel(ex03);
  assert.deepEqual(states(m.lanes[1]), ['ready', 'running', 'waiting', 'ready', 'running', 'done']);
  const waiting = m.lanes[1].segments[2];
  assert.equal(waiting.wait, 'sleep(2)');
  assert.equal(waiting.start, 0);
  assert.equal(waiting.end, 2);
});

test('segments of a lane are contiguous and never go back in time', () => {
  for (const events of [ex00, ex03, ex04, ex07]) {
    const m = buildModel(events);
    for (const lane of m.lanes) {
      for (let i = 0; i < lane.segments.length; i++) {
        const s = lane.segments[i];
        assert.ok(s.end >= s.start, `segment ends before it starts in lane ${lane.task}`);
        if (i) assert.equal(s.start, lane.segments[i - 1].end, `gap in lane ${lane.task}`);
        assert.ok((lane.task === 0 ? LOOP_STATES : TASK_STATES).includes(s.state), s.state);
      }
      const last = lane.segments[lane.segments.length - 1];
      assert.ok(last, `lane ${lane.task} has segments`);
      assert.equal(last.end, m.end);
    }
  }
});

test('the loop lane shows top-level code, the loop at work, idle until the timer, then stopped', () => {
  const m = buildModel(ex03);
  const loop = m.lanes[0].segments;
  // loop.close() is top-level code run after loop.stop(): main again, then stopped
  assert.deepEqual(loop.map((s) => s.state), ['main', 'busy', 'idle', 'busy', 'stopped', 'main', 'stopped']);
  const idle = loop[2];
  assert.equal(idle.start, 0);
  assert.equal(idle.end, 2);
});

test('time.sleep shows the loop blocked for exactly the sleeping time', () => {
  const m = buildModel(ex00);
  const blocked = m.lanes[0].segments.filter((s) => s.state === 'blocked');
  assert.deepEqual(blocked.map((s) => [s.start, s.end]), [[0, 1], [1, 2], [2, 3]], 'one stretch per time.sleep(1)');
  assert.equal(segmentAt(m, 0, 1.5).state, 'blocked');
  assert.equal(segmentAt(m, 0, 3.5).state, 'idle');
  assert.equal(m.end, 4);
});

test('a blocking call at the very end still stretches the chart to its end', () => {
  const m = buildModel([{ k: 'blocked', at: 0, task: 0, until: 1.5 }]);
  assert.equal(m.end, 1.5);
  assert.deepEqual(m.lanes[0].segments.map((s) => [s.state, s.start, s.end]), [['blocked', 0, 1.5]]);
});

test('a cancelled task ends cancelled and the arrow points from the task that cancelled it', () => {
  const m = buildModel(ex07);
  const t2 = m.lanes[m.tasks.get(2).lane];
  assert.equal(t2.segments.at(-1).state, 'cancelled');
  assert.ok(m.arrows.some((a) => a.kind === 'cancel' && a.from === 1 && a.to === 2 && a.at === 0.25));
});

test('a cancellation draws an arrow from the cancelling task to the cancelled one, and to its wake-up; asyncio.wait one from the finished task', () => {
  const m = buildModel(ex07);
  const kinds = m.arrows.filter((a) => a.kind !== 'spawn').map((a) => `${a.kind}:${a.from}->${a.to}@${a.at}`);
  // the receiver's end wakes main through asyncio.wait (its callback, then wait's result)
  assert.deepEqual(kinds, ['wake:3->1@0.25', 'wait:3->1@0.25', 'cancel:1->2@0.25', 'wake:1->2@0.25']);
  const spawns = m.arrows.filter((a) => a.kind === 'spawn').map((a) => `${a.from}->${a.to}`);
  assert.deepEqual(spawns.slice(0, 3), ['0->1', '1->2', '1->3'], 'main creates the sender and the receiver');
});

test('wake.by and wait_result, as ARCHITECTURE.md documents them, draw arrows from the finished task', () => {
  const m = buildModel([
    { k: 'spawn', at: 0, task: 1, name: 'Task-1', coro: 'main', parent: 0 },
    { k: 'spawn', at: 0, task: 2, name: 'Task-2', coro: 'c', parent: 1 },
    { k: 'wake', at: 1, task: 1, by: [2], why: 'gather' },
    { k: 'wait_result', at: 1, task: 1, done: [2], pending: [] },
  ]);
  assert.deepEqual(m.arrows.filter((a) => a.kind !== 'spawn').map((a) => `${a.kind}:${a.from}->${a.to}`), ['wake:2->1', 'wait:2->1']);
});

// wakes.py (tests/js/fixtures): gather, a queue, asyncio.wait, Event, Lock,
// Semaphore and Condition, run by the engine. Tasks: 1 main, 2 cuire('pâtes', 2),
// 3 cuire('sauce', 1), 4 producteur, 5 consommateur, 6 riz, 7 four, 8 attend.
const wakes = fixture('wakes.json');

test('the engine says who woke a task and why: gather, Queue, wait, Event, Lock, Semaphore, Condition', () => {
  const why = wakes.filter((e) => e.k === 'wake' && e.why !== 'timer').map((e) => `${e.why}:${e.by.join(',')}->${e.task}`);
  assert.deepEqual(why, [
    'gather:2->1', // the last gathered task to end (the 2-minute pasta) wakes main
    'queue:4->5', 'queue:4->5', // each put wakes the waiting consumer
    'gather:5->1',
    'wait:6->1', // FIRST_COMPLETED: the rice
    'cancel:1->7',
    'event:1->8', 'lock:1->8', 'semaphore:1->8', 'condition:1->8',
    'done:8->1',
  ]);
  const sleeps = wakes.filter((e) => e.k === 'wake' && e.why === 'timer');
  assert.ok(sleeps.length >= 5 && sleeps.every((e) => e.by.length === 0), 'a sleep ends with its timer, woken by no task');
  assert.deepEqual(wakes.filter((e) => e.k === 'wait_result').map((e) => [e.task, e.done, e.pending]), [[1, [6], [7]]]);
});

test('the chart draws an arrow from the gathered task, the producer and the waited task to the task they wake', () => {
  const m = buildModel(wakes);
  const arrows = m.arrows.filter((a) => a.kind === 'wake' || a.kind === 'wait').map((a) => `${a.kind}/${a.why ?? ''}:${a.from}->${a.to}`);
  for (const a of ['wake/gather:2->1', 'wake/queue:4->5', 'wake/gather:5->1', 'wake/wait:6->1', 'wait/:6->1', 'wake/lock:1->8']) {
    assert.ok(arrows.includes(a), `${a} in ${arrows.join(' ')}`);
  }
});

test('the text table says « réveillée par … (gather) » and names the queue, the lock and asyncio.wait', () => {
  const m = buildModel(wakes);
  const fr = translator('fr');
  const rows = narrativeRows(wakes, m, fr, (s) => formatSeconds(s, 'fr')).map((r) => r.text);
  assert.ok(rows.includes('main() est réveillée par cuire(\'pâtes\', 2) (gather)'), rows.join('\n'));
  assert.ok(rows.includes('consommateur(…) est réveillée par producteur(…) (file (Queue))'));
  assert.ok(rows.includes('main() est réveillée par riz (wait)'));
  assert.ok(rows.includes('asyncio.wait rend la main à main() : 1 terminée(s), 1 en attente'));
  assert.ok(rows.includes('attend est réveillée par main() (verrou (Lock))'));
  const en = translator('en');
  const rowsEn = narrativeRows(wakes, m, en, (s) => formatSeconds(s, 'en')).map((r) => r.text);
  assert.ok(rowsEn.includes('main() is woken by cuire(\'pâtes\', 2) (gather)'), rowsEn.join('\n'));
  assert.ok(rowsEn.includes('attend is woken by main() (Semaphore)'));
});

test('a timer wake-up without a waking task draws no arrow', () => {
  const m = buildModel(ex03);
  assert.equal(m.arrows.filter((a) => a.kind === 'wake').length, 0);
});

test('the log up to a moment holds exactly the lines printed by then', () => {
  const m = buildModel(ex03);
  assert.equal(logCountAt(m, 0), 2);
  assert.equal(logCountAt(m, 1.99), 2);
  assert.equal(logCountAt(m, 2), 4);
  assert.equal(logCountAt(m, Infinity), 4);
  const text = m.logs.map((l) => l.text + '\n').join('');
  assert.equal(text, course('03_two_coroutines_ensure_future.out'));
});

test('stderr lines are kept apart from stdout lines', () => {
  const m = buildModel(ex04);
  assert.deepEqual(m.logs.map((l) => l.stream), ['err', 'err', 'err']);
  assert.equal(m.logs.at(-1).text, course('04_gather.err').trimEnd());
  assert.equal(m.lanes.length, 1, 'a program Python refuses has only the loop lane');
  assert.equal(m.end, 0);
});

test('the current code line follows the moment shown', () => {
  const m = buildModel(ex03);
  assert.deepEqual(pick(currentLineAt(m, 0)), { line: 12, task: 2 });
  assert.deepEqual(pick(currentLineAt(m, 1)), { line: 12, task: 2 });
  assert.deepEqual(pick(currentLineAt(m, Infinity)), { line: 27, task: 0 });
  assert.equal(currentLineAt(buildModel([]), 1), null);
  function pick(x) { return { line: x.line, task: x.task }; }
});

test('Step mode shows what the iteration ran, the ready queue and the pending timers', () => {
  const m = buildModel(ex03);
  // While the loop waits (t = 1): iteration 1 ran both coroutines, which armed a sleep each.
  const waiting = queuesAt(m, 1);
  assert.equal(waiting.n, 1);
  assert.deepEqual(waiting.ran.map((r) => r.name), ['Coroutine_1()', 'Coroutine_2()']);
  assert.deepEqual(waiting.ready, []);
  assert.deepEqual(waiting.timers.map((t) => [t.deadline, t.name, t.what]), [[2, 'Coroutine_1()', 'sleep(2)'], [2, 'Coroutine_2()', 'sleep(2)']]);
  // A live run caught as the loop goes idle shows the same.
  const live = queuesAt(buildModel(through(ex03, (e) => e.k === 'loop' && e.what === 'idle')), Infinity);
  assert.deepEqual(live.timers.map((t) => t.what), ['sleep(2)', 'sleep(2)']);
  // At t = 2 the timers have fired and the last iteration ran both tasks to their end.
  const atEnd = queuesAt(m, 2);
  assert.ok(atEnd.n > waiting.n);
  assert.deepEqual(atEnd.ran.map((r) => r.task), [1, 2]);
  assert.deepEqual(atEnd.timers, [], 'fired timers are gone');
  assert.equal(queuesAt(buildModel(ex04), Infinity), null, 'a program Python refuses never iterates');
});

test('tasks woken during an iteration wait in the ready queue for the next one', () => {
  // Just before the iteration that resumes the coroutines: the previous one ran the two
  // timer callbacks, which woke both tasks.
  const before = until(ex03, (e) => e.k === 'iteration' && e.ready.includes(1) && e.at === 2);
  const q = queuesAt(buildModel(before), Infinity);
  assert.deepEqual(q.ran.map((r) => [r.task, r.call]), [[0, 'sleep(2) [Task-1]'], [0, 'sleep(2) [Task-2]']], 'callbacks are shown as callbacks');
  assert.deepEqual(q.ready.map((r) => r.task), [1, 2]);
  assert.deepEqual(queuesAt(buildModel(ex03), 2).ready, [], 'once run, they leave the queue');
});

test('a cancelled sleep leaves the pending timers without firing', () => {
  const m = buildModel(ex07);
  assert.deepEqual(queuesAt(m, 0.1).timers.map((t) => t.what), ['sleep(0.25)', 'sleep(0.5)']);
  // Just before the sender's cancelled step, its sleep(0.5) is still armed; after, gone.
  const cancel = (e) => e.k === 'timer_cancel';
  assert.deepEqual(queuesAt(buildModel(until(ex07, cancel)), Infinity).timers.map((t) => [t.what, t.name]), [['sleep(0.5)', 'envoi()']]);
  assert.deepEqual(queuesAt(buildModel(through(ex07, cancel)), Infinity).timers, []);
  assert.deepEqual(queuesAt(m, Infinity).timers, []);
  assert.equal(ex07.filter((e) => e.k === 'timer_fire').length, 1, 'only the receiver\'s sleep fired');
});

test('a live run in progress ends its open segments at the present moment', () => {
  const partial = through(ex03, (e) => e.k === 'loop' && e.what === 'idle'); // the loop waits from t = 0
  const m = buildModel(partial, 0.75);
  assert.equal(m.end, 0.75);
  assert.equal(m.lanes[1].segments.at(-1).state, 'waiting');
  assert.equal(m.lanes[1].segments.at(-1).end, 0.75);
  assert.equal(m.lanes[0].segments.at(-1).state, 'idle');
});

test('unknown event kinds are ignored so that newer traces still load', () => {
  const m = buildModel([...ex03.slice(0, 10), { k: 'future_kind', at: 0, task: 0 }, ...ex03.slice(10)]);
  assert.equal(m.lanes.length, 3);
});

test('the text table tells the story in French: « t = 2,0 s : Coroutine_1() reprend »', () => {
  const m = buildModel(ex03);
  const tr = translator('fr');
  const rows = narrativeRows(ex03, m, tr, (s) => formatSeconds(s, 'fr'));
  const sentences = rows.map((r) => tr('row.sentence', { time: r.time, text: r.text }));
  assert.ok(sentences.includes('t = 2,0\u00a0s : Coroutine_1() reprend'), sentences.join('\n'));
  assert.ok(sentences.includes('t = 0,0\u00a0s : Coroutine_1() démarre'));
  assert.ok(sentences.includes('t = 0,0\u00a0s : Coroutine_2() rend la main et attend sleep(2)'));
  assert.ok(sentences.includes('t = 0,0\u00a0s : la boucle n’a rien à faire : elle attend le prochain minuteur'));
  assert.ok(!rows.some((r) => /line|iteration/.test(r.text)), 'line and iteration events stay out of the table');
});

test('the text table tells the same story in English', () => {
  const m = buildModel(ex07);
  const tr = translator('en');
  const rows = narrativeRows(ex07, m, tr, (s) => formatSeconds(s, 'en'));
  const text = rows.map((r) => `${r.time} ${r.text}`);
  assert.ok(text.includes('0.25\u00a0s main() asks to cancel envoi()'), text.join('\n'));
  assert.ok(text.includes('0.25\u00a0s envoi() is cancelled'));
  assert.ok(text.includes('0.25\u00a0s envoi() is woken by main() (cancellation)'));
  assert.ok(text.includes('0.25\u00a0s reception() prints “reçu : fermeture”'));
  assert.ok(text.indexOf('0.25\u00a0s reception() finishes') < text.indexOf('0.25\u00a0s main() resumes'), 'main resumes once the receiver is done');
});

test('a task unknown to the trace is still named', () => {
  const m = buildModel(ex03);
  assert.equal(taskName(m, 99), '#99');
});

test('the loop is shown idle while it waits for a timer, even when the trace does not say so', () => {
  const withoutIdle = ex03.filter((e) => !(e.k === 'loop' && e.what === 'idle'));
  const m = buildModel(withoutIdle);
  const idle = m.lanes[0].segments.find((s) => s.state === 'idle');
  assert.deepEqual([idle.start, idle.end], [0, 2]);
  assert.equal(segmentAt(m, 0, 1).state, 'idle');
});

test('a live view cuts a blocking call still in progress at the present moment', () => {
  const m = buildModel(through(ex00, (e) => e.k === 'blocked'), 0.4); // time.sleep(1) started at 0, now = 0.4
  assert.equal(m.end, 0.4);
  const { state, start, end } = m.lanes[0].segments.at(-1);
  assert.deepEqual({ state, start, end }, { state: 'blocked', start: 0, end: 0.4 });
});

test('when the loop stops with callbacks still queued, they are shown by name as never run (example 05)', () => {
  const real05 = JSON.parse(readFileSync(new URL('./fixtures/real-05.json', import.meta.url), 'utf8'));
  const q = queuesAt(buildModel(real05), Infinity);
  assert.equal(q.stoppedWithQueue, true);
  assert.deepEqual(q.ready.map((r) => r.call), [
    '_GatheringFuture._done_callback [Task-1]',
    '_GatheringFuture._done_callback [Task-2]',
  ]);
  const ran = queuesAt(buildModel(real05), 2).ran;
  assert.deepEqual(ran.map((r) => r.task), [1, 2], 'the last iteration ran both coroutines');
});

test('a task\'s name= is its lane\'s name; without one, its call with its arguments; the shutdown tasks are folded', async () => {
  const { foldShutdown, laneTitle } = await import('../../www/trace.js');
  const m = buildModel(fixture('names.json'));
  const labels = m.lanes.map((l) => laneLabel(l, 'boucle'));
  assert.deepEqual(labels.slice(0, 5), ['boucle', 'main()', 'pâtes', "cuire('riz', 2)", "cuire('une très longue …', 0.5)"]);
  assert.equal(laneTitle(m.lanes[2], 'boucle'), "pâtes — cuire('pâtes', 1)", 'the tooltip tells the call too');
  assert.equal(laneTitle(m.lanes[3], 'boucle'), "cuire('riz', 2) — Task-3", 'and CPython\'s name');
  assert.equal(taskName(m, 2), 'pâtes');
  const f = foldShutdown(m, 'fin d’asyncio.run');
  assert.equal(f.lanes.length, m.lanes.length - 1, 'two shutdown lanes become one');
  const last = f.lanes.at(-1);
  assert.equal(last.dim, true);
  assert.equal(laneLabel(last, 'boucle'), 'fin d’asyncio.run');
  assert.equal(f.tasks.get(5).lane, f.lanes.length - 1);
  assert.equal(f.tasks.get(6).lane, f.lanes.length - 1);
  assert.equal(f.tasks.get(3).lane, 3, 'the other tasks keep their lanes');
});

test('the line shown for a suspended task is its innermost one, not the outer await it passed through (example 06)', async () => {
  const { defBlocks } = await import('../../www/trace.js');
  const { taskLinesAt } = await import('../../www/steps.js');
  const src = course('06_await_nested.py');
  const m = buildModel(fixture('real-06.json'), undefined, { defOf: defBlocks(src) });
  assert.equal(currentLineAt(m, 1).line, 13, 'inside Coroutine_2, waiting on asyncio.sleep');
  assert.equal(taskLinesAt(m, 1).get(1), 13);
  assert.equal(currentLineAt(buildModel(fixture('real-06.json')), 1).line, 7, 'without the source, the last line traced');
  assert.deepEqual(defBlocks('x = 1\nasync def f():\n    a = 1\n\n    b = 2\ny = 3\n').slice(1, 7), [0, 0, 2, 2, 2, 0]);
});

test('the timeline\'s arrow keys go from one moment where something happened to the next', async () => {
  const { nextMoment } = await import('../../www/trace.js');
  const m = buildModel(fixture('03_two_coroutines.json'));
  assert.equal(nextMoment(m, 0, 1), 2);
  assert.equal(nextMoment(m, 2, -1), 0);
  assert.equal(nextMoment(m, 1, 1), 2);
  assert.equal(nextMoment(m, m.end, 1), m.end, 'the end stays the end');
});
