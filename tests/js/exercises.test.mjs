// Every built-in exercise (www/exercises/ID.json), run in the engine (the wasm build,
// in node): its starting code FAILS its checks and its reference solution
// (tests/exercises/ID.py) PASSES them. The expected output in each stdout check is
// CPython's output of the solution (tests/exercises/ID.out, made by the virtual-clock
// oracle; checked again here when python3 and the oracle are available).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO } from './helpers.mjs';
import { validateExercise, evaluate } from '../../www/checks.js';

const WWW = path.join(REPO, 'www');
const DIR = path.join(REPO, 'tests', 'exercises');
const index = JSON.parse(fs.readFileSync(path.join(WWW, 'exercises', 'index.json'), 'utf8'));
const load = (id) => JSON.parse(fs.readFileSync(path.join(WWW, 'exercises', `${id}.json`), 'utf8'));
const built = fs.existsSync(path.join(WWW, 'pkg', 'boucle_bg.wasm'));
// the oracle: the repository's copy, else the shared one (relative paths only)
const oracle = ['tests/tools/cpython_vclock.py', '../shared/tools/cpython_vclock.py'].find((p) => fs.existsSync(path.join(REPO, p)));
let hasPython = false;
try { execFileSync('python3', ['--version'], { stdio: 'ignore' }); hasPython = true; } catch (e) { hasPython = false; }

let engine = null;
async function boucle() {
  if (!engine) {
    engine = await import('../../www/pkg/boucle.js');
    engine.initSync({ module: fs.readFileSync(path.join(WWW, 'pkg', 'boucle_bg.wasm')) });
  }
  return engine;
}

test('there are at least eight built-in exercises, each a valid document with a reference solution', () => {
  assert.ok(index.length >= 8, `${index.length} exercises`);
  for (const { id, title } of index) {
    const doc = load(id);
    assert.equal(doc.id, id);
    assert.deepEqual(validateExercise(doc).errors, [], id);
    assert.ok(title.fr && title.en && doc.statement.fr && doc.statement.en, `${id}: French and English texts`);
    assert.ok(fs.existsSync(path.join(DIR, `${id}.py`)), `${id}: tests/exercises/${id}.py`);
  }
});

test('each stdout check expects CPython\'s output of the reference solution', () => {
  for (const { id } of index) {
    const want = load(id).checks.filter((c) => c.kind === 'stdout').map((c) => c.equals);
    for (const w of want) assert.equal(w, fs.readFileSync(path.join(DIR, `${id}.out`), 'utf8'), id);
  }
});

test('the recorded outputs are the oracle\'s (CPython on a virtual clock)', { skip: !(hasPython && oracle) && 'python3 or the oracle is missing' }, () => {
  for (const { id } of index) {
    let out;
    try { out = execFileSync('python3', [oracle, path.join('tests', 'exercises', `${id}.py`)], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e) { out = e.stdout; }
    assert.equal(out, fs.readFileSync(path.join(DIR, `${id}.out`), 'utf8'), id);
  }
});

for (const { id } of index) {
  test(`exercise ${id} fails with its starting code and passes with its reference solution, in the engine`, { skip: !built && 'www/pkg is not built' }, async () => {
    const m = await boucle();
    const ex = validateExercise(load(id)).exercise;
    const verdict = (src) => evaluate(ex, JSON.parse(m.run_instant('exercice.py', src)), src, 'fr', 'exercice.py');
    const start = verdict(ex.start);
    assert.equal(start.pass, false, `${id}: the starting code must fail`);
    assert.ok(start.results.some((r) => !r.ok && r.text), 'a failed check says why');
    const solution = fs.readFileSync(path.join(DIR, `${id}.py`), 'utf8');
    const done = verdict(solution);
    assert.deepEqual(done.results.filter((r) => !r.ok).map((r) => r.text), [], `${id}: the solution must pass`);
    assert.equal(done.pass, true);
  });
}
