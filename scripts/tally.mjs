// Counts what a test tier ran, from its log, so that a tier that ran nothing (or
// skipped tests) fails instead of passing silently; `--summary` prints every tier's
// count and the closing line of `make test`.
//
//   node scripts/tally.mjs TIER LOG     cargo's "test result:" lines, or node's TAP totals
//   node scripts/tally.mjs --summary    one line per tier, then "all: N passed, 0 failed"
//
// Skipped or ignored tests fail the tier unless BOUCLE_ALLOW_SKIP=1 (never under CI).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(REPO, 'target', 'test-tally');
const ALLOW_SKIP = process.env.BOUCLE_ALLOW_SKIP === '1' && !process.env.CI;

/** {passed, failed, skipped, binaries} from a cargo / wasm-bindgen-test log or node's TAP. */
export function count(text) {
  const t = { passed: 0, failed: 0, skipped: 0, binaries: 0 };
  // cargo test and wasm-bindgen-test-runner: one "test result:" line per test binary.
  for (const m of text.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/g)) {
    t.passed += Number(m[1]); t.failed += Number(m[2]); t.skipped += Number(m[3]); t.binaries++;
  }
  // node --test's TAP totals.
  const tap = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)$`, 'm')) || [])[1] || 0);
  if (/^# tests \d+$/m.test(text)) {
    t.passed += tap('pass'); t.failed += tap('fail') + tap('cancelled'); t.skipped += tap('skipped') + tap('todo');
  }
  return t;
}

function tier(name, log) {
  const t = count(fs.readFileSync(log, 'utf8'));
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, `${name}.json`), JSON.stringify(t));
  const line = `${name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped` + (t.binaries ? ` (${t.binaries} test binaries)` : '');
  console.log(`   ${line}`);
  const problems = [];
  if (t.passed === 0 && !ALLOW_SKIP) problems.push('no test ran: a tier that tests nothing fails');
  if (t.passed === 0 && ALLOW_SKIP) console.log(`   ${name}: NOTHING RAN (allowed by BOUCLE_ALLOW_SKIP=1; CI fails here)`);
  if (t.failed) problems.push(`${t.failed} failed`);
  if (t.skipped && !ALLOW_SKIP) problems.push(`${t.skipped} skipped or ignored: a skip is a failure here (BOUCLE_ALLOW_SKIP=1 allows it locally)`);
  if (problems.length) {
    console.error(`tally: ${name}: ${problems.join('; ')}`);
    process.exit(1);
  }
}

function summary() {
  const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];
  let passed = 0; let failed = 0; let skipped = 0;
  for (const f of files) {
    const t = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
    passed += t.passed; failed += t.failed; skipped += t.skipped;
    console.log(`   ${f.replace(/\.json$/, '')}: ${t.passed} passed` + (t.binaries ? ` in ${t.binaries} test binaries` : ''));
  }
  console.log(`all: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [a, b] = process.argv.slice(2);
  if (a === '--summary') summary();
  else if (a && b) tier(a, b);
  else { console.error('usage: node scripts/tally.mjs TIER LOG | --summary'); process.exit(2); }
}
