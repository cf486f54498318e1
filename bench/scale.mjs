#!/usr/bin/env node
// Scale and limits (issue 11), boucle against CPython 3.11 in the same run:
//   - programs that end (bench/scale/*.py but endless_*): wall time and peak memory
//     (/usr/bin/time), CPython on a virtual clock (tests' oracle, so that sleeps do
//     not wait) and `boucle run` (profile native); aims ×3 time, ×4 memory;
//   - endless programs (endless_*.py): peak memory after 10 s (aim < 200 MB).
// Usage: node bench/scale.mjs   (make bench). A report: the exit code stays 0.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { table } from './table.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOUCLE = path.join(REPO, 'target', 'native', 'boucle');
const VCLOCK = fs.existsSync(path.join(REPO, 'tests', 'tools', 'cpython_vclock.py'))
  ? path.join(REPO, 'tests', 'tools', 'cpython_vclock.py')
  : path.join(REPO, '..', 'shared', 'tools', 'cpython_vclock.py');
const DIR = path.join(REPO, 'bench', 'scale');
const ENDLESS_SECONDS = 10;

/** {secs, mb, ok} of `cmd args` under /usr/bin/time, stopped after `limit` s if given. */
function measure(cmd, args, limit) {
  const timed = limit ? ['timeout', String(limit), cmd, ...args] : [cmd, ...args];
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', ...timed], {
    stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26,
  });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr || '');
  if (!m) return { secs: NaN, mb: NaN, ok: false, err: (r.stderr || '').slice(-300) };
  return { secs: Number(m[1]), mb: Number(m[2]) / 1024, ok: limit ? true : r.status === 0 };
}

execFileSync('cargo', ['build', '--quiet', '--profile', 'native', '--bin', 'boucle'], { cwd: REPO, stdio: 'inherit' });
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();
const results = { finite: {}, endless: {} };
const rows = [];
for (const f of files.filter((f) => !f.startsWith('endless_'))) {
  const file = path.join(DIR, f);
  const cpy = measure('python3', [VCLOCK, file]);
  const ours = measure(BOUCLE, ['run', file]);
  const rt = ours.secs / cpy.secs;
  const rm = ours.mb / cpy.mb;
  results.finite[f] = { cpython: cpy, boucle: ours, time_ratio: rt, memory_ratio: rm };
  rows.push([f, `${cpy.secs.toFixed(2)} s ${cpy.mb.toFixed(0)} MB`, `${ours.secs.toFixed(2)} s ${ours.mb.toFixed(0)} MB`,
    `×${rt.toFixed(2)} / ×${rm.toFixed(2)}`, ours.ok ? (rt <= 3 && rm <= 4 ? 'ok (aims ×3 / ×4)' : 'over an aim (×3 time, ×4 memory)') : 'FAILED']);
}
table('Scale, native (wall time and peak RSS; CPython on the oracle\'s virtual clock)',
  ['program', 'CPython 3.11', 'boucle', 'time / memory', 'aim'], rows);

const endless = [];
for (const f of files.filter((f) => f.startsWith('endless_'))) {
  const file = path.join(DIR, f);
  const cpy = measure('python3', [file], ENDLESS_SECONDS);
  const ours = measure(BOUCLE, ['run', file], ENDLESS_SECONDS);
  results.endless[f] = { cpython_mb: cpy.mb, boucle_mb: ours.mb };
  endless.push([f, `${cpy.mb.toFixed(0)} MB`, `${ours.mb.toFixed(0)} MB`, ours.mb < 200 ? 'ok (< 200 MB)' : 'over 200 MB']);
}
table(`Endless programs, peak RSS after ${ENDLESS_SECONDS} s`, ['program', 'CPython 3.11', 'boucle', 'aim'], endless);

const out = path.join(REPO, 'target', 'bench');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'scale.json'), JSON.stringify(results, null, 2));
