#!/usr/bin/env node
// Boucle's Python interpreter against CPython 3.11 (the section 5), in one run:
//
//   native: bench/python/*.py under python3 and under `boucle run` (profile
//           `native`), wall time of the whole process, best of N; ratio boucle/CPython
//   page:   in headless Debian Chromium, the gzipped weight of what a page that runs
//           Python loads (the page + the interpreter build), navigation to the first
//           Python output, and µs per `await asyncio.sleep(0)` switch in the page.
//
// Usage: node bench/python.mjs [--runs 3]   (make bench)
// A report, never a test: missed aims are printed, the exit code stays 0.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from '../scripts/serve.mjs';
import { launchChromium } from '../scripts/chromium.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const BOUCLE = path.join(REPO, 'target', 'native', 'boucle');
const PROGRAMS = ['sleep0_100k', 'gather_10k', 'loop_1m'];

function best(cmd, args) {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    min = Math.min(min, s);
  }
  return min;
}

function table(title, header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  console.log(`\n${title}`);
  for (const [k, r] of all.entries()) {
    console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
    if (k === 0) console.log(w.map((n) => '-'.repeat(n)).join('  '));
  }
}

execFileSync('cargo', ['build', '--quiet', '--profile', 'native', '--bin', 'boucle'], { cwd: REPO, stdio: 'inherit' });
const native = PROGRAMS.map((p) => {
  const file = path.join(REPO, 'bench', 'python', `${p}.py`);
  const cpy = best('python3', [file]);
  const ours = best(BOUCLE, ['run', file]);
  return [p, `${(cpy * 1000).toFixed(0)} ms`, `${(ours * 1000).toFixed(0)} ms`, `×${(ours / cpy).toFixed(2)}`, ours / cpy <= 2 ? 'ok (aim ≤ ×2)' : 'over the aim (≤ ×2)'];
});
table(`Python, native, best of ${runs} (wall time of the process)`, ['program', 'CPython 3.11', 'boucle', 'ratio', 'aim'], native);

const srv = await createServer({ root: path.join(REPO, 'www'), port: 0 });
const browser = await launchChromium();
try {
  // 1. Weight: what the page loads, plus the interpreter build it imports for Python.
  const page = await browser.newPage();
  const bodies = new Map();
  page.on('response', async (r) => {
    try { if (r.ok()) bodies.set(new URL(r.url()).pathname, await r.body()); } catch { /* redirects */ }
  });
  await page.goto(srv.url + 'index.html');
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30000 });
  await page.evaluate(async () => { const m = await import('/pkg/boucle_py.js'); await m.default(); });
  await page.waitForTimeout(200);
  let gz = 0;
  for (const b of bodies.values()) gz += zlib.gzipSync(b, { level: 9 }).length;
  const py = bodies.get('/pkg/boucle_py_bg.wasm');
  const pyGz = py ? zlib.gzipSync(py, { level: 9 }).length : 0;
  await page.close();

  // 2. Navigation to the first Python output (fresh context each time, median).
  const src01 = fs.readFileSync(path.join(REPO, 'crate', 'course', '01_run_until_complete.py'), 'utf8');
  const firsts = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    const t0 = Date.now();
    await p.goto(srv.url + 'index.html');
    const out = await p.evaluate(async (src) => {
      const m = await import('/pkg/boucle_py.js');
      await m.default();
      return JSON.parse(m.run_python_instant('01.py', src)).stdout;
    }, src01);
    firsts.push(Date.now() - t0);
    if (out !== 'Exécution de la coroutine\n') throw new Error(`unexpected output ${JSON.stringify(out)}`);
    await ctx.close();
  }
  firsts.sort((a, b) => a - b);
  // 3. µs per sleep(0) switch in the page.
  const p = await browser.newPage();
  await p.goto(srv.url + 'index.html');
  const src = fs.readFileSync(path.join(REPO, 'bench', 'python', 'sleep0_100k.py'), 'utf8');
  const switchUs = await p.evaluate(async (src) => {
    const m = await import('/pkg/boucle_py.js');
    await m.default();
    m.run_python_instant('warm.py', 'import asyncio\nasync def m():\n    await asyncio.sleep(0)\nasyncio.run(m())\n');
    const t = performance.now();
    const r = JSON.parse(m.run_python_instant('sleep0.py', src));
    if (r.status !== 0) throw new Error(r.stderr);
    return ((performance.now() - t) * 1000) / 100000;
  }, src);
  table('Python in headless Chromium', ['figure', 'value', 'aim', 'reference'], [
    ['page + interpreter, gzipped', `${(gz / 1024).toFixed(1)} KB (interpreter wasm ${(pyGz / 1024).toFixed(1)} KB)`, '≤ 300 KB', 'Pyodide core: 6.3 MB'],
    ['navigation → first Python output (median of 5)', `${firsts[2]} ms`, '≤ 150 ms', 'Pyodide: about 3.5 s'],
    ['await asyncio.sleep(0) switch in the page', `${switchUs.toFixed(2)} µs`, '≤ 10 µs', 'Pyodide: about 130 µs'],
  ]);
} finally {
  await browser.close();
  await srv.close();
}
