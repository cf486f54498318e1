// The exercise checks (www/checks.js) on hand-written traces, the exercise document
// validation, and the token scan of `uses`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExercise, decodeExerciseParam, evaluate, usesName, maxAliveTasks, blockingCalls, textIn, CHECK_KINDS } from '../../www/checks.js';
import * as codec from '../../www/codec.js';

const doc = (over = {}) => ({ v: 1, title: 'T', statement: 'S', start: 'print(1)\n', checks: [{ kind: 'no_error' }], ...over });
const keys = (r) => r.errors.map((e) => e.key);

// A trace of three tasks sleeping 1 s each, either one after the other (awaited from
// main) or together (gathered).
function sleeps({ together }) {
  const ev = [{ at: 0, task: 1, k: 'spawn', name: 'Task-1', coro: 'main', parent: 0 }, { at: 0, task: 0, k: 'loop', what: 'start' }];
  if (together) {
    ev.push({ at: 0, task: 1, k: 'poll_start' });
    for (const id of [2, 3, 4]) ev.push({ at: 0, task: id, k: 'spawn', name: `Task-${id}`, coro: 'tache', parent: 1 });
    ev.push({ at: 0, task: 1, k: 'poll_end', wait: 'gather(3)' });
    for (const id of [2, 3, 4]) ev.push({ at: 0, task: id, k: 'poll_start' }, { at: 0, task: id, k: 'poll_end', wait: 'sleep(1)' });
    for (const id of [2, 3, 4]) ev.push({ at: 1, task: id, k: 'wake', by: [], why: 'timer' }, { at: 1, task: id, k: 'poll_start' }, { at: 1, task: id, k: 'poll_end', wait: null }, { at: 1, task: id, k: 'complete', outcome: 'ok' });
    ev.push({ at: 1, task: 1, k: 'wake', by: [], why: 'done' }, { at: 1, task: 1, k: 'poll_start' }, { at: 1, task: 1, k: 'poll_end', wait: null }, { at: 1, task: 1, k: 'complete', outcome: 'ok' });
  } else {
    for (const t of [0, 1, 2]) {
      if (t) ev.push({ at: t, task: 1, k: 'wake', by: [], why: 'timer' });
      ev.push({ at: t, task: 1, k: 'poll_start' }, { at: t, task: 1, k: 'log', text: `début ${'ABC'[t]}`, stream: 'out' }, { at: t, task: 1, k: 'poll_end', wait: 'sleep(1)' });
    }
    ev.push({ at: 3, task: 1, k: 'wake', by: [], why: 'timer' }, { at: 3, task: 1, k: 'poll_start' }, { at: 3, task: 1, k: 'poll_end', wait: null }, { at: 3, task: 1, k: 'complete', outcome: 'ok' });
  }
  ev.push({ at: together ? 1 : 3, task: 0, k: 'loop', what: 'stop' });
  return ev;
}

test('a well-formed exercise document is accepted, title and statement as text or {fr, en}', () => {
  assert.deepEqual(validateExercise(doc()).errors, []);
  const r = validateExercise(doc({ title: { fr: 'Titre', en: 'Title' }, statement: { en: 'only English' } }));
  assert.deepEqual(r.errors, []);
  assert.equal(textIn(r.exercise.title, 'en'), 'Title');
  assert.equal(textIn(r.exercise.statement, 'fr'), 'only English', 'the other language when one is missing');
  const all = validateExercise(doc({ checks: [{ kind: 'stdout', equals: 'a\n' }, { kind: 'duration', max: 1.2 }, { kind: 'tasks', min: 3 }, { kind: 'uses', name: 'gather' }, { kind: 'no_blocking_sleep' }, { kind: 'no_error' }] }));
  assert.deepEqual(all.exercise.checks.map((c) => c.kind), CHECK_KINDS);
});

test('bad exercise documents say what is wrong and what is accepted', () => {
  assert.deepEqual(keys(validateExercise(null)), ['ex.err.notObject']);
  assert.deepEqual(keys(validateExercise([1])), ['ex.err.notObject']);
  assert.deepEqual(keys(validateExercise(doc({ v: 2 }))), ['ex.err.version']);
  assert.deepEqual(keys(validateExercise({ v: 1 })), ['ex.err.missing', 'ex.err.missing', 'ex.err.missing', 'ex.err.missing']);
  assert.deepEqual(keys(validateExercise(doc({ title: 3, start: ['x'] }))), ['ex.err.text', 'ex.err.string']);
  assert.deepEqual(keys(validateExercise(doc({ title: { de: 'x' } }))), ['ex.err.text']);
  assert.deepEqual(keys(validateExercise(doc({ checks: {} }))), ['ex.err.checksArray']);
  assert.deepEqual(keys(validateExercise(doc({ checks: [] }))), ['ex.err.noChecks']);
  const kind = validateExercise(doc({ checks: [{ kind: 'speed' }, 'x'] }));
  assert.deepEqual(keys(kind), ['ex.err.kind', 'ex.err.checkObject']);
  assert.equal(kind.errors[0].params.accepted, 'stdout, duration, tasks, uses, no_blocking_sleep, no_error');
  const params = validateExercise(doc({ checks: [{ kind: 'duration', max: '1.2' }, { kind: 'tasks', min: 0 }, { kind: 'uses', name: 'x y' }, { kind: 'stdout' }] }));
  assert.deepEqual(params.errors.map((e) => e.params.name), ['max', 'min', 'name', 'equals']);
});

test('an ex= value is decoded step by step, each failure with its own message', async () => {
  const good = await codec.encodeCode(JSON.stringify(doc()));
  const ok = await decodeExerciseParam(good, codec);
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.exercise.start, 'print(1)\n');
  assert.deepEqual(keys(await decodeExerciseParam('not base64!', codec)), ['ex.err.base64']);
  assert.deepEqual(keys(await decodeExerciseParam('aGVsbG8gd29ybGQ', codec)), ['ex.err.deflate']);
  assert.deepEqual(keys(await decodeExerciseParam(await codec.encodeCode('{"v":1,'), codec)), ['ex.err.json']);
  assert.deepEqual(keys(await decodeExerciseParam(await codec.encodeCode('{"v":1}'), codec)), ['ex.err.missing', 'ex.err.missing', 'ex.err.missing', 'ex.err.missing']);
});

test('uses is a token scan: comments and strings do not count, nor a function of the same name', () => {
  assert.ok(usesName('await asyncio.gather(a(), b())\n', 'gather'));
  assert.ok(usesName('from asyncio import gather\nawait gather(a())\n', 'gather'));
  assert.ok(usesName('q = asyncio.Queue()\n', 'asyncio.Queue'));
  assert.ok(!usesName('# use gather here\nprint("gather")\n', 'gather'));
  assert.ok(!usesName('x = """\ngather\n"""\n', 'gather'));
  assert.ok(!usesName('def gather(*a):\n    pass\n', 'gather'));
  assert.ok(!usesName('await asyncio.wait_for(x, 1)\n', 'wait'), 'wait_for is not wait');
});

test('tasks alive at once leave out the tasks asyncio.run makes for itself', () => {
  assert.deepEqual(maxAliveTasks(sleeps({ together: true })), { count: 4, at: 0 });
  assert.deepEqual(maxAliveTasks(sleeps({ together: false })), { count: 1, at: 0 });
  const ev = [...sleeps({ together: false }), { at: 3, task: 5, k: 'spawn', name: 'Task-5', coro: 'BaseEventLoop.shutdown_asyncgens', parent: 0 }];
  assert.equal(maxAliveTasks(ev).count, 1);
});

test('three waits one after the other fail the duration check, and the verdict says they follow one another', () => {
  const ex = validateExercise(doc({ checks: [{ kind: 'duration', max: 1.2 }, { kind: 'tasks', min: 4 }] })).exercise;
  const slow = evaluate(ex, { events: sleeps({ together: false }), stdout: '', stderr: '', status: 0, duration: 3 }, '', 'fr');
  assert.equal(slow.pass, false);
  assert.equal(slow.results[0].text, '3,0\u00a0s au lieu de 1,2\u00a0s maximum : les trois attentes se suivent, aucune ne commence avant la fin de la précédente.');
  assert.equal(slow.results[0].at, 1, 'points at the second wait');
  assert.match(slow.results[1].text, /^Au plus 1 tâche\(s\) en même temps au lieu de 4 minimum/);
  const en = evaluate(ex, { events: sleeps({ together: false }), stdout: '', stderr: '', status: 0, duration: 3 }, '', 'en');
  assert.match(en.results[0].text, /^3\.0\u00a0s instead of 1\.2\u00a0s at most: the three waits follow one another/);
  const fast = evaluate(ex, { events: sleeps({ together: true }), stdout: '', stderr: '', status: 0, duration: 1 }, '', 'fr');
  assert.equal(fast.pass, true);
  assert.deepEqual(fast.results.map((r) => r.ok), [true, true]);
});

test('a blocking time.sleep in a coroutine is found with its task and line; at top level it is not', () => {
  const ev = [
    { at: 0, task: 0, k: 'blocked', until: 1 },
    { at: 1, task: 2, k: 'spawn', name: 'Task-2', coro: 'tache', parent: 0 },
    { at: 1, task: 2, k: 'line', line: 6 },
    { at: 1, task: 2, k: 'blocked', until: 2.5 },
  ];
  assert.deepEqual(blockingCalls(ev), [{ at: 1, until: 2.5, task: 2, line: 6 }]);
  const ex = validateExercise(doc({ checks: [{ kind: 'no_blocking_sleep' }, { kind: 'duration', max: 1 }] })).exercise;
  const v = evaluate(ex, { events: ev, stdout: '', stderr: '', status: 0, duration: 2.5 }, '', 'en');
  assert.equal(v.results[0].text, 'time.sleep blocks the loop at 1.0\u00a0s in Task-2 (tache), line 6 (1 call(s), 1.5\u00a0s in all): in a coroutine, write await asyncio.sleep(…).');
  assert.match(v.results[1].text, /the loop stayed blocked 2\.5\u00a0s by time\.sleep \(2 call\(s\)\)/);
});

test('stdout is compared exactly and the first differing line is named', () => {
  const ex = validateExercise(doc({ checks: [{ kind: 'stdout', equals: 'a\nb\nc\n' }] })).exercise;
  const run = (stdout) => evaluate(ex, { events: [], stdout, stderr: '', status: 0, duration: 0 }, '', 'en').results[0];
  assert.equal(run('a\nb\nc\n').ok, true);
  assert.equal(run('a\nb\nc').ok, true, 'the final newline does not count');
  assert.equal(run('a\nx\nc\n').text, 'Output, line 2: expected “b”, got “x”.');
  assert.equal(run('a\n').text, 'Output incomplete: line 2 “b” is missing (3 lines expected).');
  assert.equal(run('a\nb\nc\nd\n').text, 'Output too long: line 4 “d” was not expected.');
  assert.equal(run('').text, 'The program printed nothing; 3 line(s) expected, the first: “a”.');
  assert.equal(run('a\nB\nc\n').ok, false, 'case counts');
});

test('no_error names CPython\'s message and line; stderr alone (a warning) also fails', () => {
  const ex = validateExercise(doc({ checks: [{ kind: 'no_error' }] })).exercise;
  const err = 'Traceback (most recent call last):\n  File "exercice.py", line 24, in <module>\nRuntimeError: Event loop stopped before Future completed.\n';
  const v = evaluate(ex, { events: [], stdout: '', stderr: err, status: 1, duration: 2 }, '', 'fr', 'exercice.py');
  assert.equal(v.results[0].text, 'Le programme s’est terminé sur une erreur, ligne 24 : RuntimeError: Event loop stopped before Future completed.');
  const w = evaluate(ex, { events: [], stdout: '', stderr: "exercice.py:3: RuntimeWarning: coroutine 'f' was never awaited\n", status: 0, duration: 0 }, '', 'en', 'exercice.py');
  assert.equal(w.pass, false);
  assert.match(w.results[0].text, /^The program wrote to standard error: RuntimeWarning: coroutine 'f' was never awaited/);
});
