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

test('Enter does not double the spaces already after the caret', async () => {
  const t = 'if x:    y';
  assert.equal(apply(t, newlineEdit(t, 5, 5)), 'if x:\n    y');
});

test('Backspace in the indentation removes one level (4 spaces, or back to a multiple of 4)', async () => {
  const { backspaceEdit } = await import('../../www/editor.js');
  assert.equal(apply('        ', backspaceEdit('        ', 8, 8)), '    ');
  assert.equal(apply('      ', backspaceEdit('      ', 6, 6)), '    ');
  assert.equal(backspaceEdit('    x', 5, 5), null, 'after code: one character, as usual');
  assert.equal(backspaceEdit('    ', 2, 4), null, 'a selection: deleted as usual');
});
