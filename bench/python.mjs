#!/usr/bin/env node
// Boucle's Python interpreter against CPython 3.11 (the section 5), in one run:
//
//   native: bench/python/*.py under python3 and under `boucle run` (profile
//           `native`), wall time of the whole process, best of N; ratio boucle/CPython
//   page:   in headless Debian Chromium, the gzipped weight of everything a page that
//           runs a Python program loads, navigation to the first output the page
//           shows, and µs per `await asyncio.sleep(0)` switch in the page.
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
import { table } from './table.mjs';

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
  // 1. Weight: everything a page that runs a Python program loads (a `t=` link runs
  //    the scenario on load; 01 also gets a hint, so hints.js is counted too).
  const RUN01 = 'index.html?scenario=01&speed=instant&t=10';
  const page = await browser.newPage();
  const bodies = new Map();
  page.on('response', async (r) => {
    try { if (r.ok()) bodies.set(new URL(r.url()).pathname, await r.body()); } catch { /* redirects */ }
  });
  await page.goto(srv.url + RUN01);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'done', null, { timeout: 30000 });
  await page.waitForTimeout(200);
  let gz = 0;
  for (const b of bodies.values()) gz += zlib.gzipSync(b, { level: 9 }).length;
  const wasm = bodies.get('/pkg/boucle_bg.wasm');
  const wasmGz = wasm ? zlib.gzipSync(wasm, { level: 9 }).length : 0;
  await page.close();

  // 2. Navigation to the first Python output shown by the page: the page marks the
  //    moment its log first shows a line (performance mark, ms since navigation
  //    start); fresh context each time (no cache), median of 5.
  const firsts = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(srv.url + RUN01);
    await p.waitForFunction(() => performance.getEntriesByName('boucle:first-output').length > 0, null, { timeout: 30000 });
    const at = await p.evaluate(() => performance.getEntriesByName('boucle:first-output')[0].startTime);
    const first = await p.$eval('#log li', (li) => li.textContent);
    if (!first.includes('Exécution de la coroutine')) throw new Error(`unexpected output ${JSON.stringify(first)}`);
    firsts.push(Math.round(at));
    await ctx.close();
  }
  firsts.sort((a, b) => a - b);
  // The same on a repeat visit (same browser context: HTTP cache, and V8's cache of
  // the compiled wasm), median of 5 reloads after a first visit.
  const again = [];
  {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(srv.url + RUN01);
    await p.waitForFunction(() => performance.getEntriesByName('boucle:first-output').length > 0, null, { timeout: 30000 });
    for (let i = 0; i < 5; i++) {
      await p.reload();
      await p.waitForFunction(() => performance.getEntriesByName('boucle:first-output').length > 0, null, { timeout: 30000 });
      again.push(Math.round(await p.evaluate(() => performance.getEntriesByName('boucle:first-output')[0].startTime)));
    }
    await ctx.close();
  }
  again.sort((a, b) => a - b);
  // 3. µs per sleep(0) switch in the page (the interpreter on the virtual clock).
  const p = await browser.newPage();
  await p.goto(srv.url + 'index.html');
  const src = fs.readFileSync(path.join(REPO, 'bench', 'python', 'sleep0_100k.py'), 'utf8');
  const switchUs = await p.evaluate(async (src) => {
    const m = await import('/pkg/boucle.js');
    await m.default();
    m.run_instant('warm.py', 'import asyncio\nasync def m():\n    await asyncio.sleep(0)\nasyncio.run(m())\n');
    // median of 3 runs; each includes handing the trace (400,000 events) to JS
    const us = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = JSON.parse(m.run_instant('sleep0.py', src));
      if (r.status !== 0) throw new Error(r.stderr);
      us.push(((performance.now() - t) * 1000) / 100000);
    }
    return us.sort((a, b) => a - b)[1];
  }, src);
  table('Python in headless Chromium', ['figure', 'value', 'aim', 'reference'], [
    ['page running a program, gzipped', `${(gz / 1024).toFixed(1)} KB (wasm ${(wasmGz / 1024).toFixed(1)} KB)`, '≤ 300 KB', 'Pyodide core: 6.3 MB'],
    ['navigation → first output, first visit (median of 5)', `${firsts[2]} ms`, '≤ 200 ms (aim 150)', 'Pyodide: about 3.5 s'],
    ['navigation → first output, repeat visit (median of 5)', `${again[2]} ms`, '', ''],
    ['await asyncio.sleep(0) switch in the page (median of 3, trace included)', `${switchUs.toFixed(2)} µs`, '≤ 10 µs', 'Pyodide: about 130 µs'],
  ]);
} finally {
  await browser.close();
  await srv.close();
}
