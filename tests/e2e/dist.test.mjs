// `make dist`: the static folder a teacher copies to any web server. It holds the
// pages, the engine and the header notes; never the bench or test pages; its
// `_headers` sends the CSP the page is tested under; and, served as is, it works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO } from './server.mjs';
import { createServer, CSP } from '../../scripts/serve.mjs';
import { launch, missing, collectErrors, waitState } from './browser.mjs';

const skip = missing();
const DIST = path.join(REPO, 'dist');

function files(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, base) : [path.relative(base, p)];
  }).sort();
}

test('make dist builds a static folder with the pages, the engine and the CSP, without the bench page', { skip: skip || false }, async () => {
  execFileSync('make', ['--no-print-directory', 'dist'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  const all = files(DIST);
  for (const f of ['index.html', 'embed.html', 'main.js', 'style.css', 'pkg/boucle.js', 'pkg/boucle_bg.wasm', '_headers', 'README.txt']) {
    assert.ok(all.includes(f), `dist/${f}`);
  }
  for (const f of all) {
    assert.ok(!/^bench\.|(^|\/)tests?\//.test(f), `dist/${f} is a bench or test file`);
    assert.ok(!['.gitignore', 'package.json'].includes(path.basename(f)), `dist/${f} is wasm-pack's npm packaging`);
  }
  // Every file of www/ but the bench page is there, byte for byte.
  for (const f of files(path.join(REPO, 'www')).filter((f) => !f.startsWith('bench.'))) {
    assert.ok(fs.readFileSync(path.join(DIST, f)).equals(fs.readFileSync(path.join(REPO, 'www', f))), `dist/${f} differs from www/${f}`);
  }
  // Everything index.html and embed.html name is in dist/.
  for (const page of ['index.html', 'embed.html']) {
    const html = fs.readFileSync(path.join(DIST, page), 'utf8');
    for (const [, ref] of html.matchAll(/(?:src|href)="([^"#:]+)"/g)) {
      assert.ok(fs.existsSync(path.join(DIST, ref.split('?')[0])), `${page} loads ${ref}, missing from dist/`);
    }
  }
  // _headers: the CSP of every path, the very policy the tests serve the page with.
  const headers = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  assert.match(headers, /^\/\*$/m);
  const csp = headers.match(/^\s+Content-Security-Policy:\s*(.+)$/m);
  assert.ok(csp, '_headers sends a Content-Security-Policy');
  assert.equal(csp[1].trim(), CSP);
  assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  assert.match(headers, /X-Content-Type-Options: nosniff/);

  // Served as is, the folder is a working playground.
  const srv = await createServer({ root: DIST, port: 0 });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    assert.equal((await page.goto(`http://127.0.0.1:${srv.port}/bench.html`)).status(), 404, 'no bench page');
    await page.goto(`http://127.0.0.1:${srv.port}/index.html?scenario=03&speed=instant`);
    await waitState(page, 'ready');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await page.$$eval('#log li', (l) => l.length), 4);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  } finally {
    await browser.close();
    await srv.close();
  }
});
