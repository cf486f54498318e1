import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tokenizePython } from '../../www/code.js';
import { REPO } from './helpers.mjs';

const kinds = (line) => line.filter((t) => t.type !== 'text' && t.type !== 'op').map((t) => `${t.type}:${t.text}`);

test('the code view shows every course file exactly, line for line', () => {
  const dir = path.join(REPO, 'crate', 'course');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.py'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    const lines = tokenizePython(src);
    const expected = src.replace(/\n$/, '').split('\n');
    assert.equal(lines.length, expected.length, f);
    lines.forEach((toks, i) => assert.equal(toks.map((t) => t.text).join(''), expected[i], `${f}:${i + 1}`));
  }
});

test('keywords, function names, strings, numbers and comments are told apart', () => {
  const [l1] = tokenizePython('async def Coroutine_1():');
  assert.deepEqual(kinds(l1), ['kw:async', 'kw:def', 'def:Coroutine_1']);
  const [l2] = tokenizePython('    await asyncio.sleep(2)  # non bloquant');
  assert.deepEqual(kinds(l2), ['kw:await', 'num:2', 'comment:# non bloquant']);
  const [l3] = tokenizePython('print(f"début {nom}", \'x\')');
  assert.deepEqual(kinds(l3), ['builtin:print', 'str:f"début {nom}"', "str:'x'"]);
});

test('a # inside a string is not a comment, and escaped quotes stay inside the string', () => {
  const [l] = tokenizePython('s = "a # b \\" c" # vrai');
  assert.deepEqual(kinds(l), ['str:"a # b \\" c"', 'comment:# vrai']);
});

test('a triple-quoted string spanning lines stays a string', () => {
  const lines = tokenizePython('x = """un\ndeux\ntrois""" + 1');
  assert.deepEqual(kinds(lines[0]), ['str:"""un']);
  assert.deepEqual(kinds(lines[1]), ['str:deux']);
  assert.deepEqual(kinds(lines[2]), ['str:trois"""', 'num:1']);
});

test('identifiers with digits or accents are not split into numbers', () => {
  const [l] = tokenizePython('liste_coroutines2 = durée1');
  assert.deepEqual(kinds(l), []);
});
