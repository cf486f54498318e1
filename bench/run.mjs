#!/usr/bin/env node
// Boucle benchmarks (the section 7), in one run, in headless Debian Chromium:
//
//   1. page weight: every file the page loads (index.html, css, js modules, wasm),
//      each body gzipped with zlib level 9, summed            budget 300 KB
//      (then the same for a t= link's first visit and the embed's)
//   2. navigation -> first scenario ready: page.goto until
//      document.documentElement.dataset.state === 'ready',
//      median of N fresh navigations (new browser context each) aim < 300 ms
//   3. Gantt draw time of a 10,000-segment trace  } both from www/bench.html?n=10000,
//   4. loop overhead ratio                         } which puts a JSON result into
//                                                    document.body.dataset.result
//
// Usage: node bench/run.mjs [--runs 7] [--n 10000] [--root www]   (make bench)
// Env:   CHROMIUM=/path/to/chromium (default /usr/bin/chromium)
//
// Benchmarks report; they are not tests: a missed budget is printed, never an exit
// code. The process fails only when it cannot measure at all (no browser, no page).
// The figures are also written to target/bench/results.json.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createServer } from '../scripts/serve.mjs';
import { launchChromium } from '../scripts/chromium.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BUDGET = {
  gzipKB: 300, // 1. total gzipped page weight (the interpreter included: issue 4's budget)
  readyMs: 300, // 2. navigation -> first scenario ready (median)
};

function parseArgs(argv) {
  const o = { runs: 7, n: 10000, root: path.join(REPO, 'www') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--n') o.n = Number(argv[++i]);
    else if (a === '--root') o.root = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node bench/run.mjs [--runs 7] [--n 10000] [--root www]');
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (bytes) => (bytes / 1024).toFixed(1);
const ms = (x) => (x == null || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const verdict = (value, budget) => (value <= budget ? 'ok' : 'OVER BUDGET');

// Records, inside the page, when data-state first becomes 'ready' (or 'error'),
// in ms since navigation start (performance.timeOrigin): no polling delay.
function installStateProbe() {
  const mark = () => {
    const st = document.documentElement && document.documentElement.dataset.state;
    if ((st === 'ready' || st === 'done' || st === 'error') && window.__boucleState === undefined) {
      window.__boucleState = { state: st, at: performance.now() };
    }
  };
  new MutationObserver(mark).observe(document, {
    attributes: true,
    attributeFilter: ['data-state'],
    subtree: true,
    childList: true,
  });
  mark();
}

async function waitForState(page, timeout = 30000) {
  const handle = await page.waitForFunction(() => window.__boucleState, null, { timeout });
  return handle.jsonValue();
}

// ---------------------------------------------------------------- 1. page weight
async function measureWeight(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(installStateProbe);
  const page = await context.newPage();
  const pending = [];
  const failed = [];
  page.on('response', (res) => {
    const u = res.url();
    if (!u.startsWith('http')) return;
    pending.push(
      res.body().then(
        (body) => ({ url: u, status: res.status(), type: res.headers()['content-type'] ?? '', body }),
        () => null,
      ),
    );
  });
  page.on('requestfailed', (req) => failed.push(req.url()));
  await page.goto(url);
  const st = await waitForState(page);
  // Anything loaded lazily right after 'ready' (fonts, a late module) counts too.
  await page.waitForLoadState('networkidle').catch(() => {});
  const files = (await Promise.all(pending)).filter(Boolean);
  await context.close();
  // One row per URL: a file fetched twice (the favicon, say) weighs once.
  const byUrl = new Map();
  for (const f of files) {
    const seen = byUrl.get(f.url);
    if (seen) {
      seen.requests++;
      continue;
    }
    byUrl.set(f.url, {
      path: new URL(f.url).pathname + new URL(f.url).search,
      status: f.status,
      raw: f.body.length,
      gz: zlib.gzipSync(f.body, { level: 9 }).length,
      requests: 1,
    });
  }
  return { state: st, rows: [...byUrl.values()], failed };
}

// ---------------------------------------------------------------- 2. time to ready
async function measureReady(browser, url, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // fresh: empty HTTP and code caches
    await context.addInitScript(installStateProbe);
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const st = await waitForState(page);
    const wall = performance.now() - t0;
    await context.close();
    if (st.state !== 'ready') throw new Error(`page reached data-state="${st.state}", not "ready"`);
    samples.push({ inPage: st.at, wall });
  }
  return samples;
}

// ---------------------------------------------------------------- 3+4. bench.html
async function measureBenchPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const res = await page.goto(url);
  if (!res || res.status() !== 200) {
    await context.close();
    return { missing: true, status: res && res.status() };
  }
  try {
    const handle = await page.waitForFunction(() => document.body && document.body.dataset.result, null, {
      timeout: 180000,
    });
    const text = await handle.jsonValue();
    return { result: JSON.parse(text), errors };
  } catch (e) {
    return { error: e.message.split('\n')[0], errors };
  } finally {
    await context.close();
  }
}

// Flattens {a:{b:1}} to [['a.b', 1]] (numbers and booleans only).
function leaves(obj, prefix = '') {
  const out = [];
  for (const [k, v] of Object.entries(obj ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number' || typeof v === 'boolean') out.push([key, v]);
    else if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...leaves(v, key));
  }
  return out;
}

// bench.html reports whatever it measures; a figure's budget, when the page gives one,
// is a sibling named like it with `budget` before the unit: draw_ms <- draw_budget_ms,
// overhead_ratio <- overhead_budget_ratio or overhead_ratio_budget, ms <- budget_ms.
function benchRows(result) {
  const flat = leaves(result);
  const values = new Map(flat);
  const isBudget = (k) => /budget/i.test(k.split('.').pop());
  const rows = [];
  for (const [k, v] of flat) {
    if (isBudget(k) || typeof v !== 'number') continue;
    const dot = k.lastIndexOf('.');
    const parent = k.slice(0, dot + 1);
    const leaf = k.slice(dot + 1);
    const m = leaf.match(/^(.*?)(_?)(ms|us|ratio|x|kb)?$/i);
    const stem = m[1];
    const unit = m[3] ? m[2] + m[3] : '';
    const candidates = [
      `${parent}${stem}${stem ? '_' : ''}budget${unit}`,
      `${parent}${leaf}_budget`,
      `${parent}${stem}Budget`,
    ];
    const b = candidates.map((c) => values.get(c)).find((x) => typeof x === 'number');
    rows.push({ key: k, value: v, budget: b });
  }
  return rows;
}

const fmtNum = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));

function printTable(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : lpad(c, widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.root, 'pkg', 'boucle_bg.wasm'))) {
    console.error(`bench: ${opts.root}/pkg/boucle_bg.wasm is missing: run \`make build\` first`);
    process.exit(1);
  }
  const srv = await createServer({ root: opts.root, port: 0 });
  const browser = await launchChromium();
  const out = { date: new Date().toISOString(), budgets: BUDGET };
  const summary = [];
  try {
    // 1. weight
    const w = await measureWeight(browser, srv.url + 'index.html');
    const ok = w.rows.filter((r) => r.status === 200).sort((a, b) => b.gz - a.gz);
    const totalRaw = ok.reduce((s, r) => s + r.raw, 0);
    const totalGz = ok.reduce((s, r) => s + r.gz, 0);
    printTable(
      `1. Files loaded by index.html (state: ${w.state.state}), gzip -9 each`,
      ['file', 'raw KB', 'gzip KB', 'share'],
      [
        ...ok.map((r) => [
          r.requests > 1 ? `${r.path} (requested ${r.requests}×)` : r.path,
          kb(r.raw),
          kb(r.gz),
          `${((100 * r.gz) / totalGz).toFixed(0)}%`,
        ]),
        ['total', kb(totalRaw), kb(totalGz), '100%'],
      ],
    );
    const bad = w.rows.filter((r) => r.status !== 200);
    for (const r of bad) console.log(`   note: ${r.path} answered ${r.status} (not counted)`);
    for (const u of w.failed) console.log(`   note: request failed: ${u}`);
    out.weight = { files: ok, totalRaw, totalGz };
    summary.push([
      'page weight, first visit of index.html (gzip, all files)',
      `${kb(totalGz)} KB`,
      `${BUDGET.gzipKB} KB`,
      (totalGz / 1024 / BUDGET.gzipKB).toFixed(2),
      verdict(totalGz / 1024, BUDGET.gzipKB),
    ]);
    // the other first visits: a t= link (runs a course example on load) and the embed
    out.weightOther = {};
    for (const [label, query] of [['a t= link', 'index.html?scenario=01&speed=instant&t=10'], ['embed.html', 'embed.html?scenario=03']]) {
      const o = await measureWeight(browser, srv.url + query);
      const gz = o.rows.filter((r) => r.status === 200).reduce((t, r) => t + r.gz, 0);
      console.log(`   first visit of ${query}: ${kb(gz)} KB gzipped, ${o.rows.length} files (state: ${o.state.state})`);
      out.weightOther[query] = gz;
      summary.push([`page weight, first visit of ${label} (gzip)`, `${kb(gz)} KB`, `${BUDGET.gzipKB} KB`, (gz / 1024 / BUDGET.gzipKB).toFixed(2), verdict(gz / 1024, BUDGET.gzipKB)]);
    }

    // the single offline file (make dist's dist/boucle.html), built here from www/
    // without the bench page: its gzipped size (the whole page, wasm in base64 included)
    {
      const { build } = await import('../scripts/offline.mjs');
      fs.mkdirSync(path.join(REPO, 'target', 'bench'), { recursive: true });
      const off = build({ root: opts.root, out: path.join(REPO, 'target', 'bench', 'boucle.html'), exclude: ['bench.html', 'bench.js', 'bench.mjs'] });
      const gz = zlib.gzipSync(fs.readFileSync(off.out), { level: 9 }).length;
      console.log(`\n   offline single file (dist/boucle.html): ${kb(off.bytes)} KB raw, ${kb(gz)} KB gzipped (${off.modules} modules, ${off.files} data files inlined)`);
      out.offline = { raw: off.bytes, gz };
      summary.push(['offline single file boucle.html (gzip)', `${kb(gz)} KB`, '', '', 'reported']);
    }

    // 2. time to ready
    const samples = await measureReady(browser, srv.url + 'index.html', opts.runs);
    const inPage = samples.map((s) => s.inPage);
    const wall = samples.map((s) => s.wall);
    printTable(
      `2. Navigation -> data-state="ready", ${opts.runs} fresh navigations (new context each)`,
      ['run', 'in page (ms since navigation start)', 'page.goto -> ready seen by node (ms)'],
      samples.map((s, i) => [String(i + 1), ms(s.inPage), ms(s.wall)]),
    );
    const med = median(inPage);
    console.log(
      `   median ${ms(med)} ms in page (min ${ms(Math.min(...inPage))}, max ${ms(Math.max(...inPage))}); ` +
        `median ${ms(median(wall))} ms as seen from node`,
    );
    out.ready = { samples, medianInPage: med, medianWall: median(wall) };
    summary.push([
      'navigation -> ready (median)',
      `${ms(med)} ms`,
      `${BUDGET.readyMs} ms`,
      (med / BUDGET.readyMs).toFixed(2),
      verdict(med, BUDGET.readyMs),
    ]);

    // 3 + 4. bench.html
    const benchUrl = `${srv.url}bench.html?n=${opts.n}`;
    const b = await measureBenchPage(browser, benchUrl);
    if (b.missing) {
      console.log(`\n3-4. bench.html: not available (HTTP ${b.status}); Gantt and loop figures skipped`);
      summary.push(['Gantt draw / loop overhead', 'n/a', '', '', 'bench.html missing']);
    } else if (b.error) {
      console.log(`\n3-4. bench.html?n=${opts.n}: no result (${b.error})`);
      for (const e of b.errors) console.log(`   page error: ${e}`);
      summary.push(['Gantt draw / loop overhead', 'n/a', '', '', 'no result']);
    } else {
      if (b.result.error) console.log(`   bench.html reported an error: ${b.result.error}`);
      const rows = benchRows(b.result);
      printTable(
        `3-4. www/bench.html?n=${opts.n} (document.body.dataset.result)`,
        ['figure', 'value', 'budget', 'ratio'],
        rows.map((r) => [
          r.key,
          fmtNum(r.value),
          r.budget === undefined ? '' : String(r.budget),
          r.budget ? (r.value / r.budget).toFixed(2) : '',
        ]),
      );
      for (const e of b.errors) console.log(`   page error: ${e}`);
      out.benchPage = b.result;
      const g = b.result.gantt ?? {};
      const l = b.result.loop ?? {};
      if (typeof g.draw_ms === 'number') {
        const budget = g.draw_budget_ms;
        summary.push([
          `Gantt draw, ${g.segments ?? opts.n} segments (median)`,
          `${ms(g.draw_ms)} ms`,
          budget ? `${budget} ms` : '',
          budget ? (g.draw_ms / budget).toFixed(2) : '',
          budget ? verdict(g.draw_ms, budget) : '',
        ]);
      } else {
        summary.push(['Gantt draw', 'n/a', '', '', 'not in result']);
      }
      if (typeof l.overhead_ratio === 'number') {
        const detail =
          typeof l.boucle_per_switch_us === 'number' && typeof l.js_per_hop_us === 'number'
            ? `${fmtNum(l.boucle_per_switch_us)} µs/switch vs ${fmtNum(l.js_per_hop_us)} µs/Promise hop`
            : '';
        const budget = l.overhead_budget_ratio ?? l.overhead_ratio_budget;
        summary.push([
          'loop overhead (Boucle switch / JS Promise hop)',
          `×${fmtNum(l.overhead_ratio)}`,
          budget ? `×${budget}` : '',
          budget ? (l.overhead_ratio / budget).toFixed(2) : '',
          budget ? verdict(l.overhead_ratio, budget) : detail,
        ]);
      } else {
        summary.push(['loop overhead', 'n/a', '', '', 'not in result']);
      }
    }
  } finally {
    await browser.close();
    await srv.close();
  }

  printTable('Summary (ratio = figure / budget; < 1 is within budget)', ['figure', 'value', 'budget', 'ratio', ''], summary);
  const dir = path.join(REPO, 'target', 'bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\n(figures also in ${path.relative(process.cwd(), path.join(dir, 'results.json'))})`);
}

main().catch((e) => {
  console.error(`bench: could not measure: ${e.stack || e}`);
  process.exit(1);
});
