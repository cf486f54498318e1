import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLesson, lessonOrder, normaliseLesson, neighbours, laneIndex, laneOfTask } from '../../www/lessonfile.js';

test('a lesson file gives its title, its questions, its modern version and its comparisons', () => {
  const l = parseLesson([
    '# 03 — Titre',
    'Intro.',
    '```predict',
    '{"question": "Durée ?", "fact": {"kind": "duration"}, "choices": [{"label": "2 s", "value": 2}, {"label": "4 s", "value": 4}], "answer": 0}',
    '```',
    '```modern',
    'import asyncio',
    '```',
    '```compare Synchrone',
    'print(1)',
    '```',
  ].join('\n'));
  assert.equal(l.titleText, '03 — Titre');
  assert.equal(l.predictions.length, 1);
  assert.deepEqual(l.modern, ['import asyncio']);
  assert.deepEqual(l.compares, [{ label: 'Synchrone', source: 'print(1)\n' }]);
  assert.deepEqual(l.problems, []);
  assert.ok(!l.blocks.some((b) => b.type === 'fence' && b.info === 'predict'), 'questions are not part of the text');
});

test('a broken question is reported by the file, the rest of the lesson stands', () => {
  const l = parseLesson('# T\n\n```predict\n{oops\n```\n\n```predict\n{"question": "q", "fact": {"kind": "nope"}, "choices": []}\n```\n\nTexte.');
  assert.equal(l.predictions.length, 0);
  assert.equal(l.problems.length, 2);
  assert.match(l.problems[0], /predict #1/);
  assert.match(l.problems[1], /fact\.kind/);
  assert.equal(l.blocks.at(-1).type, 'para');
});

test('lesson ids from the URL, the order of index.json and the previous/next lessons', () => {
  const order = lessonOrder({ order: ['00', '05', '05b', '06', '<bad>'] });
  assert.deepEqual(order, ['00', '05', '05b', '06']);
  assert.equal(lessonOrder({}), null);
  assert.equal(normaliseLesson('5', order), '05');
  assert.equal(normaliseLesson('05B', order), '05b');
  assert.equal(normaliseLesson('42', order), null);
  assert.deepEqual(neighbours(order, '05b'), { prev: '05', next: '06' });
  assert.deepEqual(neighbours(order, '00'), { prev: null, next: '05' });
});

test('a look-here lane is found by task name, coroutine name, or `loop`', () => {
  const model = { lanes: [{ task: 0, name: '' }, { task: 1, name: 'Task-1', coro: 'main' }, { task: 2, name: 'Task-2', coro: 'lire' }, { task: 3, name: 'Task-3', coro: 'lire' }] };
  assert.equal(laneIndex(model, 'loop'), 0);
  assert.equal(laneIndex(model, 'Task-3'), 3);
  assert.equal(laneIndex(model, 'lire'), 2, 'the first task running that coroutine');
  assert.equal(laneIndex(model, 'Task-9'), -1);
  assert.equal(laneIndex(model, null), -1);
  assert.equal(laneOfTask(model, 2), 2);
});
