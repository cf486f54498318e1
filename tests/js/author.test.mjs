import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDocument } from '../../www/author.js';
import { validateExercise } from '../../www/checks.js';

test('the authoring form builds the documented exercise document from the ticked checks', () => {
  const doc = buildDocument({
    title: 'Vite', statement: 'Plus vite', start: 'import asyncio\n',
    checks: {
      stdout: { on: true, equals: 'a\n' }, duration: { on: true, max: '1,2' }, tasks: { on: false, min: '3' },
      uses: { on: true, name: 'gather, create_task' }, no_blocking_sleep: { on: true }, no_error: { on: false },
    },
  });
  assert.deepEqual(doc, {
    v: 1, title: 'Vite', statement: 'Plus vite', start: 'import asyncio\n',
    checks: [{ kind: 'stdout', equals: 'a\n' }, { kind: 'duration', max: 1.2 }, { kind: 'uses', name: 'gather' }, { kind: 'uses', name: 'create_task' }, { kind: 'no_blocking_sleep' }],
  });
  assert.deepEqual(validateExercise(doc).errors, []);
});

test('a form with no check or a bad number gives a document the validation refuses', () => {
  assert.deepEqual(validateExercise(buildDocument({ title: 'x', statement: '', start: '', checks: {} })).errors.map((e) => e.key), ['ex.err.noChecks']);
  const bad = buildDocument({ title: 'x', statement: '', start: '', checks: { duration: { on: true, max: 'vite' }, uses: { on: true, name: '' } } });
  assert.deepEqual(validateExercise(bad).errors.map((e) => e.params.name), ['max', 'name']);
});
