import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factOf, judge, matches, errorClass, validateQuestion } from '../../www/predict.js';

// a hand-written run: two tasks, the second finishes first, asyncio.run's housekeeping after
const run = {
  duration: 1.5, status: 0, stdout: 'a\nb\n', stderr: '',
  events: [
    { k: 'spawn', at: 0, task: 1, name: 'Task-1', coro: 'lent' },
    { k: 'spawn', at: 0, task: 2, name: 'Task-2', coro: 'rapide' },
    { k: 'log', at: 0.5, task: 2, text: 'a', stream: 'out' },
    { k: 'log', at: 0.5, task: 0, text: 'bruit', stream: 'err' },
    { k: 'complete', at: 0.5, task: 2, outcome: 'ok' },
    { k: 'log', at: 1.5, task: 1, text: 'b', stream: 'out' },
    { k: 'complete', at: 1.5, task: 1, outcome: 'ok' },
    { k: 'loop', at: 1.5, task: 0, what: 'stop' },
    { k: 'spawn', at: 1.5, task: 3, name: 'Task-3', coro: 'BaseEventLoop.shutdown_asyncgens' },
    { k: 'complete', at: 1.5, task: 3, outcome: 'ok' },
  ],
};
const q = (fact, values, answer = 0) => ({ question: 'q', fact, choices: values.map((v) => ({ label: String(v), value: v })), answer });

test('the facts a question can ask about are read from the trace, with the moment and lane that show them', () => {
  assert.deepEqual(factOf({ kind: 'duration' }, run), { value: 1.5, at: 1.5, task: 0 });
  assert.deepEqual(factOf({ kind: 'line', n: 2 }, run), { value: 'b', at: 1.5, task: 1 });
  assert.deepEqual(factOf({ kind: 'line' }, run), { value: 'a', at: 0.5, task: 2 }, 'stderr lines do not count');
  assert.deepEqual(factOf({ kind: 'first_done' }, run), { value: 'rapide', at: 0.5, task: 2 });
  assert.deepEqual(factOf({ kind: 'first_done', among: ['lent'] }, run), { value: 'lent', at: 1.5, task: 1 });
  assert.equal(factOf({ kind: 'tasks' }, run).value, 2, 'asyncio.run’s housekeeping tasks are not the program’s');
  assert.deepEqual(factOf({ kind: 'error' }, run), { value: 'none', at: 1.5, task: 0 });
  assert.equal(factOf({ kind: 'line', n: 3 }, run).value, null);
});

test('the uncaught exception is named by its class, from the last line of stderr', () => {
  assert.equal(errorClass({ status: 1, stderr: 'Traceback…\n  File "x.py", line 3\nRuntimeError: Event loop stopped before Future completed.\n' }), 'RuntimeError');
  assert.equal(errorClass({ status: 1, stderr: 'asyncio.exceptions.CancelledError\n' }), 'CancelledError');
  assert.equal(errorClass({ status: 0, stderr: '' }), 'none');
});

test('a verdict says right, wrong, unanswered, or that the run gave none of the choices', () => {
  assert.equal(judge(q({ kind: 'duration' }, [1.5, 3]), 0, run).outcome, 'right');
  assert.equal(judge(q({ kind: 'duration' }, [1.5, 3]), 1, run).outcome, 'wrong');
  assert.equal(judge(q({ kind: 'duration' }, [1.5, 3]), null, run).outcome, 'unanswered');
  const other = judge(q({ kind: 'duration' }, [4, 3]), 0, run);
  assert.equal(other.outcome, 'other');
  assert.equal(other.right, -1);
});

test('durations of a live run, a little late, still match their choice; other numbers must be close', () => {
  assert.ok(matches(2, 2.04, 'duration'));
  assert.ok(!matches(2, 2.5, 'duration'));
  assert.ok(!matches(2, 2.07, 'tasks'));
  assert.ok(matches('fin A', 'fin A '));
  assert.ok(!matches('fin A', 'début A'));
});

test('a malformed question is reported, not shown', () => {
  assert.deepEqual(validateQuestion(q({ kind: 'duration' }, [1, 2])), []);
  assert.ok(validateQuestion(q({ kind: 'weather' }, [1, 2])).some((e) => /fact\.kind/.test(e)));
  assert.ok(validateQuestion(q({ kind: 'duration' }, [1])).some((e) => /choices/.test(e)));
  assert.ok(validateQuestion(q({ kind: 'duration' }, [1, 2, 3, 4, 5])).some((e) => /choices/.test(e)));
  assert.ok(validateQuestion({ ...q({ kind: 'duration' }, [1, 2]), answer: 7 }).some((e) => /answer/.test(e)));
});
