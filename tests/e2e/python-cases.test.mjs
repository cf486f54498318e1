// The wasm build (www/pkg/boucle.js) in headless Chromium gives, on
// every case of the corpora, exactly what the native interpreter gives: the same
// stdout, last stderr line and exit status as CPython (tests/python_cases.rs holds
// the native side, with the same KNOWN_GAPS lists).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { launch, missing, collectErrors } from './browser.mjs';

function corpus(dir) {
  const abs = path.join(REPO, dir);
  if (!fs.existsSync(abs)) return [];
  const gapsFile = path.join(abs, 'KNOWN_GAPS');
  const gaps = new Set(fs.existsSync(gapsFile)
    ? fs.readFileSync(gapsFile, 'utf8').split('\n').map((l) => l.split('#')[0].trim()).filter(Boolean)
    : []);
  const read = (name, ext) => {
    const p = path.join(abs, `${name}.${ext}`);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null;
  };
  return fs.readdirSync(abs)
    .filter((f) => f.endsWith('.py') && fs.existsSync(path.join(abs, f.replace(/\.py$/, '.out'))))
    .sort()
    .map((f) => f.replace(/\.py$/, ''))
    .filter((name) => !gaps.has(name))
    .map((name) => ({
      name,
      source: read(name, 'py'),
      out: read(name, 'out'),
      err: read(name, 'err'),
      // The course's README: a .err file means CPython failed (exit status 1); the
      // other corpora say their status in a .status file.
      status: Number((read(name, 'status') ?? (dir === 'crate/course' && read(name, 'err') !== null ? '1' : '0')).trim()),
    }));
}

const reason = missing();
const hasPy = fs.existsSync(path.join(REPO, 'www', 'pkg', 'boucle.js'));

test('every case of the corpora runs in the browser with CPython\'s output', { skip: reason || (!hasPy && 'www/pkg/boucle.js is not built') }, async () => {
  const cases = [...corpus('tests/pycases'), ...corpus('tests/pyreview'), ...corpus('crate/course')];
  assert.ok(cases.length >= 100, `only ${cases.length} cases`);
  const srv = await startServer();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${srv.url}/index.html`);
    const results = await page.evaluate(async (cases) => {
      const m = await import('/pkg/boucle.js');
      await m.default();
      // The library modules a case imports (www/pylib/), fetched as the page does.
      const { loadModules } = await import('/pylib.js');
      const out = [];
      for (const c of cases) {
        await loadModules(m, c.source);
        const r = JSON.parse(m.run_instant(`${c.name}.py`, c.source));
        out.push({ name: c.name, stdout: r.stdout, stderr: r.stderr, status: r.status });
      }
      return out;
    }, cases);
    const wrong = [];
    for (const [i, r] of results.entries()) {
      const c = cases[i];
      const last = r.stderr.trimEnd().split('\n').pop() || '';
      if (r.stdout !== c.out) wrong.push(`${c.name}: stdout differs`);
      else if (r.status !== c.status) wrong.push(`${c.name}: status ${r.status} instead of ${c.status}`);
      else if (c.err !== null && last !== c.err.trimEnd()) wrong.push(`${c.name}: last stderr line ${JSON.stringify(last)}`);
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await srv.close();
  }
});
