// Every built-in exercise (www/exercises/ID.json), run in the engine (the wasm build,
// in node): its starting code FAILS its checks and its reference solution
// (tests/exercises/ID.py) PASSES them. The expected output in each stdout check is
// CPython's output of the solution (tests/exercises/ID.out, made by the virtual-clock
// oracle; `make test-oracle` runs CPython on them again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers.mjs';
import { handOverEngineFiles } from './engine.mjs';
import { validateExercise, evaluate } from '../../www/checks.js';

const WWW = path.join(REPO, 'www');
const DIR = path.join(REPO, 'tests', 'exercises');
const index = JSON.parse(fs.readFileSync(path.join(WWW, 'exercises', 'index.json'), 'utf8'));
const load = (id) => JSON.parse(fs.readFileSync(path.join(WWW, 'exercises', `${id}.json`), 'utf8'));

let engine = null;
async function boucle() {
  if (!engine) {
    assert.ok(fs.existsSync(path.join(WWW, 'pkg', 'boucle_bg.wasm')), 'www/pkg/ is not built (make build)');
    engine = await import('../../www/pkg/boucle.js');
    engine.initSync({ module: fs.readFileSync(path.join(WWW, 'pkg', 'boucle_bg.wasm')) });
    handOverEngineFiles(engine);
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

for (const { id } of index) {
  test(`exercise ${id} fails with its starting code and passes with its reference solution, in the engine`, async () => {
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
