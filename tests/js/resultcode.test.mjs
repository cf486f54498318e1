import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeResultCode, parseResultCode, matchesSource, sourceHash, documentId, fnv1a } from '../../www/resultcode.js';

test('fnv1a is the published 32-bit FNV-1a', () => {
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  assert.equal(fnv1a('foobar'), 0xbf9cf968);
});

test('a result code names the exercise, the source and the verdict, and reads back', () => {
  const code = makeResultCode('faster', 'print(1)\n', true);
  assert.match(code, /^B1-faster-[0-9a-f]{6}-OK-[0-9a-f]{2}$/);
  const p = parseResultCode(`  ${code.toUpperCase()} `);
  assert.deepEqual(p, { ok: true, exId: 'faster', hash: sourceHash('print(1)\n'), pass: true });
  assert.ok(matchesSource(p, 'print(1)\r\n\n'), 'line endings and trailing blank lines do not count');
  assert.ok(!matchesSource(p, 'print(2)\n'));
  assert.match(makeResultCode('faster', 'x', false), /-KO-/);
});

test('a mistyped result code is caught by its check digits', () => {
  const code = makeResultCode('queue', 'q = asyncio.Queue()', true);
  const typo = code.replace(/-([0-9a-f])/, (m, d) => `-${d === 'a' ? 'b' : 'a'}`);
  assert.deepEqual(parseResultCode(typo), { ok: false, reason: 'checksum' });
  assert.deepEqual(parseResultCode(code.replace('-OK-', '-KO-')), { ok: false, reason: 'checksum' }, 'a verdict changed by hand');
  assert.deepEqual(parseResultCode('hello'), { ok: false, reason: 'malformed' });
});

test('a teacher document gets an exercise id from its text', () => {
  assert.match(documentId('{"v":1}'), /^x[0-9a-f]{6}$/);
  assert.notEqual(documentId('{"v":1}'), documentId('{"v":1 }'));
});
