import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCode, decodeCode, toBase64Url, fromBase64Url, MAX_CODE } from '../../www/codec.js';
import { storageKey, loadStored, saveStored } from '../../www/url.js';
import { course } from './helpers.mjs';

test('code round-trips through the link format (deflate-raw + base64url)', async () => {
  for (const src of [course('04_gather.py'), 'print("é ü 漢字 🐍")\n', '', '\t\r\n  x = 1']) {
    const enc = await encodeCode(src);
    assert.match(enc, /^[A-Za-z0-9_-]*$/, 'URL-safe, no padding');
    assert.equal(await decodeCode(enc), src);
  }
  const big = course('07_websocket_wait_first_completed.py');
  assert.ok((await encodeCode(big)).length < big.length, 'compressed');
});

test('a corrupt code= value is rejected with an error, never garbage', async () => {
  for (const bad of ['', '!!!', 'abc$', 'A', 'AAAA', 'aGVsbG8', (await encodeCode('print(1)')).slice(0, -3) + 'zzz']) {
    await assert.rejects(decodeCode(bad), Error, JSON.stringify(bad));
  }
});

test('a zip bomb is refused', async () => {
  const enc = await encodeCode('#'.repeat(MAX_CODE * 5));
  await assert.rejects(decodeCode(enc), /too long/);
});

test('base64url helpers', () => {
  const bytes = new Uint8Array([0, 255, 62, 63, 128, 7]);
  assert.equal(toBase64Url(bytes), 'AP8-P4AH');
  assert.deepEqual(fromBase64Url('AP8-P4AH'), bytes);
  assert.deepEqual(fromBase64Url('AP8-P4AH=='.replace(/=/g, '')), bytes);
  assert.throws(() => fromBase64Url('a+b/'));
});

test('storage: one key per scenario, null forgets, and a blocked storage is harmless', () => {
  assert.equal(storageKey('03'), 'boucle:code:03');
  assert.notEqual(storageKey('libre'), storageKey('03'));
  const m = new Map();
  const store = { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, v), removeItem: (k) => m.delete(k) };
  saveStored(store, '03', 'x = 1');
  assert.equal(loadStored(store, '03'), 'x = 1');
  assert.equal(loadStored(store, '04'), null);
  saveStored(store, '03', null);
  assert.equal(loadStored(store, '03'), null);
  const blocked = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); }, removeItem() { throw new Error('denied'); } };
  assert.equal(loadStored(blocked, '03'), null);
  saveStored(blocked, '03', 'x');
  assert.equal(loadStored(null, '03'), null);
});
