import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indentEdit, newlineEdit } from '../../www/editor.js';

const apply = (text, e) => text.slice(0, e.from) + e.insert + text.slice(e.to);

test('Tab inserts spaces up to the next multiple of 4', () => {
  const e = indentEdit('ab', 2, 2, false);
  assert.equal(apply('ab', e), 'ab  ');
  assert.equal(e.selStart, 4);
  assert.equal(apply('x', indentEdit('x', 0, 0, false)), '    x');
});

test('Tab on a multi-line selection indents every non-blank line; Shift+Tab dedents', () => {
  const text = 'a\n\nb\nc';
  const e = indentEdit(text, 0, 4, false);
  assert.equal(apply(text, e), '    a\n\n    b\nc');
  assert.deepEqual([e.selStart, e.selEnd], [4, 12]);
  const d = indentEdit('    a\n      b\nc', 2, 12, true);
  assert.equal(apply('    a\n      b\nc', d), 'a\n  b\nc');
  assert.equal(apply('  x', indentEdit('  x', 3, 3, true)), 'x');
  assert.equal(apply('x', indentEdit('x', 1, 1, true)), 'x', 'nothing to dedent');
});

test('Enter keeps the indentation, and adds 4 after a colon', () => {
  const t1 = '    print(1)';
  assert.equal(apply(t1, newlineEdit(t1, t1.length, t1.length)), '    print(1)\n    ');
  const t2 = 'async def main():  # ici';
  assert.equal(apply(t2, newlineEdit(t2, t2.length, t2.length)), t2 + '\n    ');
  assert.equal(newlineEdit('x', 1, 1).selStart, 2);
});
