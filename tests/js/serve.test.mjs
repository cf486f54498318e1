// scripts/serve.mjs (what `make serve` and the page tests use) serves only what is
// under its root: `..`, encoded dots and slashes, backslashes, NUL bytes and symlinks
// pointing outside never reach a file beside it. Raw requests, as an attacker sends them
// (no client-side normalisation of the path).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { createServer, CSP } from '../../scripts/serve.mjs';

let srv, dir;
const SECRET = 'the file beside the root must never be served';

before(async () => {
  // <tmp>/secret.txt beside <tmp>/root/, and a symlink inside the root pointing to it
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-serve-'));
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(dir, 'root', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'root', 'index.html'), '<!doctype html><title>ok</title>');
  fs.writeFileSync(path.join(dir, 'root', 'pkg', 'boucle.js'), 'export default 1;\n');
  fs.writeFileSync(path.join(dir, 'root', 'pkg', 'boucle_bg.wasm'), Buffer.from([0, 97, 115, 109]));
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'root', 'link.txt'));
  srv = await createServer({ root: path.join(dir, 'root'), port: 0 });
});
after(async () => {
  await srv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends `GET rawPath` byte for byte; resolves {status, headers, body}. */
function raw(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const sock = net.connect(srv.port, '127.0.0.1', () => {
      sock.write(`${method} ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    const chunks = [];
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', reject);
    sock.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

test('a file under the root is served with its MIME type and the production CSP', async () => {
  const r = await raw('/index.html');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(r.headers['content-security-policy'], "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal((await raw('/pkg/boucle_bg.wasm')).headers['content-type'], 'application/wasm');
  assert.equal((await raw('/pkg/boucle.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal((await raw('/')).status, 200, 'a folder serves its index.html');
  assert.equal((await raw('/pkg')).status, 301, 'a folder without its slash is redirected');
});

for (const attack of [
  '/../secret.txt',
  '/pkg/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E/secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e%2fsecret.txt',
  '/pkg/%2e%2e%2f%2e%2e%2fsecret.txt',
  '/pkg%2f..%2f..%2fsecret.txt',
  '/..%5csecret.txt',
  '/pkg\\..\\..\\secret.txt',
  '/index.html%00.txt',
  '/%',
  '/link.txt',
]) {
  test(`${attack} does not leave the root`, async () => {
    const r = await raw(attack);
    assert.ok([400, 404].includes(r.status), `${attack}: status ${r.status}`);
    assert.ok(!r.body.includes(SECRET), `${attack} served the file beside the root`);
    assert.equal(r.headers['content-security-policy'], CSP, 'errors carry the CSP too');
  });
}

test('an encoded slash inside the root reaches the same file as a plain one', async () => {
  const r = await raw('/pkg%2fboucle.js');
  assert.equal(r.status, 200);
  assert.equal(r.body, 'export default 1;\n');
});

test('only GET and HEAD are served', async () => {
  const r = await raw('/index.html', 'POST');
  assert.equal(r.status, 405);
  assert.equal(r.headers.allow, 'GET, HEAD');
  const h = await raw('/index.html', 'HEAD');
  assert.equal(h.status, 200);
  assert.equal(h.body, '');
});

test('a missing file is a 404', async () => {
  assert.equal((await raw('/nothing-here.js')).status, 404);
});
