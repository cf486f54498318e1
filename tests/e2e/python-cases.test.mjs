// The wasm build (www/pkg/boucle.js) in headless Chromium gives, on every case of the
// corpora, what CPython gives, under the same rules as the native runner
// (tests/python_cases.rs): the same stdout, the same exit status, the last stderr line
// of NAME.err or an EMPTY stderr where CPython's was empty; a missing folder, a case
// without its expected output, fewer cases than the corpus holds, a KNOWN_GAPS entry
// naming no case, passing, or failing in another part than documented: each fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { launch, missing, collectErrors } from './browser.mjs';

// Each corpus with the number of cases it holds at least; the course states its exit
// status by its .err file (status 1), the others by a .status file (0 when absent).
const CORPORA = [
  { dir: 'tests/cases', minimum: 340 },
  { dir: 'tests/templates', minimum: 2 },
  { dir: 'crate/course', minimum: 10, statusFromErr: true },
];

function knownGaps(abs) {
  const file = path.join(abs, 'KNOWN_GAPS');
  const gaps = new Map();
  if (!fs.existsSync(file)) return gaps;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const entry = line.split('#')[0].trim();
    if (!entry) continue;
    const [name, part, ...rest] = entry.split(/\s+/);
    assert.ok(['stdout', 'status', 'stderr'].includes(part) && !rest.length, `${file}: "${line}" must read NAME PART # why`);
    gaps.set(name, part);
  }
  return gaps;
}

function corpus({ dir, minimum, statusFromErr }) {
  const abs = path.join(REPO, dir);
  assert.ok(fs.existsSync(abs), `the corpus folder ${dir} is missing`);
  const files = fs.readdirSync(abs);
  const orphans = [];
  for (const f of files) {
    const [stem, ext] = [f.replace(/\.[^.]+$/, ''), path.extname(f)];
    if (ext === '.py' && !files.includes(`${stem}.out`)) orphans.push(`${dir}/${f} has no .out`);
    if (['.out', '.err', '.status'].includes(ext) && !files.includes(`${stem}.py`)) orphans.push(`${dir}/${f} has no .py`);
  }
  assert.deepEqual(orphans, [], 'every case needs its source and CPython\'s output');
  const read = (name, ext) => {
    const p = path.join(abs, `${name}.${ext}`);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null;
  };
  const names = files.filter((f) => f.endsWith('.py')).map((f) => f.replace(/\.py$/, '')).sort();
  assert.ok(names.length >= minimum, `${dir}: ${names.length} cases, fewer than the ${minimum} it holds`);
  const gaps = knownGaps(abs);
  const unknown = [...gaps.keys()].filter((g) => !names.includes(g));
  assert.deepEqual(unknown, [], `${dir}/KNOWN_GAPS names cases that do not exist`);
  return names.map((name) => {
    const err = read(name, 'err');
    const status = statusFromErr ? (err !== null ? 1 : 0) : Number((read(name, 'status') ?? '0').trim());
    return { dir, name, source: read(name, 'py'), out: read(name, 'out'), err, status, gap: gaps.get(name) ?? null };
  });
}

/**
 * How CPython's stderr (a NAME.err file) and ours differ, or null: as the native runner,
 * a one-line NAME.err or a traceback is compared by its last line (the oracle's own
 * frames make the rest unmatchable), any other stderr of several lines in full.
 */
function stderrDiffers(want, got) {
  const last = (s) => s.trimEnd().split('\n').pop() || '';
  const whole = want.trimEnd().split('\n').length > 1 && !want.includes('Traceback');
  if (whole) return got === want ? null : `stderr differs:\n--- CPython\n${want}--- Boucle\n${got}`;
  return last(got) === last(want) ? null : `last stderr line ${JSON.stringify(last(got))} instead of ${JSON.stringify(last(want))}`;
}

/** The first part of the output that differs from CPython's, or null. */
function mismatch(c, r) {
  if (r.stdout !== c.out) return ['stdout', `stdout differs:\n--- CPython\n${c.out}--- Boucle\n${r.stdout}`];
  if (r.status !== c.status) return ['status', `status ${r.status} instead of ${c.status}\n${r.stderr}`];
  if (c.err !== null) {
    const differs = stderrDiffers(c.err, r.stderr);
    if (differs) return ['stderr', differs];
  } else if (r.stderr !== '') {
    return ['stderr', `stderr should be empty, as CPython's was:\n${r.stderr}`];
  }
  return null;
}

const skip = missing();

test('every case of the corpora runs in the browser with CPython\'s output, under the native runner\'s rules', { skip: skip || false }, async () => {
  const cases = CORPORA.flatMap(corpus);
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
        out.push({ stdout: r.stdout, stderr: r.stderr, status: r.status });
      }
      return out;
    }, cases.map((c) => ({ name: c.name, source: c.source })));
    const wrong = [];
    let passed = 0;
    for (const [i, r] of results.entries()) {
      const c = cases[i];
      const m = mismatch(c, r);
      if (!m && !c.gap) passed++;
      else if (!m) wrong.push(`${c.dir}/${c.name} now passes: take it off KNOWN_GAPS`);
      else if (!c.gap) wrong.push(`${c.dir}/${c.name}: ${m[1]}`);
      else if (m[0] !== c.gap) wrong.push(`${c.dir}/${c.name}: KNOWN_GAPS says its ${c.gap} differs, but its ${m[0]} does\n${m[1]}`);
    }
    assert.deepEqual(wrong, []);
    assert.equal(passed + cases.filter((c) => c.gap).length, cases.length);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await srv.close();
  }
});
