// The lesson files (www/lessons/) checked against the engine itself: every "right
// answer" of a prediction is what the run really gives, every look-here link points at
// a lane and a moment that exist, every modern version prints what the course prints.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers.mjs';
import { loadEngine } from './engine.mjs';
import { parseLesson, lessonOrder, laneIndex } from '../../www/lessonfile.js';
import { judge, factOf, rightChoice, matches } from '../../www/predict.js';
import { buildModel } from '../../www/trace.js';

const DIR = path.join(REPO, 'www', 'lessons');
const LANGS = ['fr', 'en'];
const order = lessonOrder(JSON.parse(fs.readFileSync(path.join(DIR, 'index.json'), 'utf8')));
const read = (lang, id) => parseLesson(fs.readFileSync(path.join(DIR, lang, `${id}.md`), 'utf8'));

/** Every node of a kind in a lesson's blocks (inline trees included). */
function inlineNodes(lesson, type) {
  const out = [];
  const walk = (nodes) => { for (const n of nodes || []) { if (n.type === type) out.push(n); if (n.children) walk(n.children); } };
  for (const b of lesson.blocks) {
    if (b.inline) walk(b.inline);
    if (b.items) for (const it of b.items) walk(it);
  }
  return out;
}

const engine = await loadEngine(); // null when www/pkg/ is not built
// No silent skip (scripts/tally.mjs): without the engine these tests fail, unless
// BOUCLE_ALLOW_SKIP=1 (never under CI) turns them into skips.
const ALLOW_SKIP = process.env.BOUCLE_ALLOW_SKIP === '1' && !process.env.CI;
if (!engine && !ALLOW_SKIP) throw new Error('www/pkg/ is not built (make build): the lesson files are checked against the engine');
const NO_ENGINE = !engine && 'www/pkg/ is not built (make build)';
const runs = new Map();
function run(file, source) {
  const r = JSON.parse(engine.run_instant(file, source));
  r.model = buildModel(r.events, r.duration);
  return r;
}

describe('lesson files', () => {
  test('the list of lessons follows the course: 00 to 09, with 05b after 05', () => {
    assert.deepEqual(order, ['00', '01', '02', '03', '04', '05', '05b', '06', '07', '08', '09']);
  });

  test('every lesson exists in French and English, with a title, at least one question and documentation links', () => {
    for (const id of order) for (const lang of LANGS) {
      const l = read(lang, id);
      assert.deepEqual(l.problems, [], `${lang}/${id}`);
      assert.ok(l.titleText.startsWith(id + ' '), `${lang}/${id} title: ${l.titleText}`);
      assert.ok(l.predictions.length >= 1, `${lang}/${id} has no question`);
      for (const q of l.predictions) assert.ok(q.choices.length >= 2 && q.choices.length <= 4);
      const docs = inlineNodes(l, 'link').filter((n) => n.href.startsWith(`https://docs.python.org/${lang === 'fr' ? 'fr/' : ''}3/`));
      assert.ok(docs.length >= 2, `${lang}/${id}: official documentation links`);
    }
  });

  test('the French and English lessons ask the same questions with the same answers and point at the same moments', () => {
    for (const id of order) {
      const [fr, en] = LANGS.map((lang) => read(lang, id));
      assert.deepEqual(en.predictions.map((q) => [q.fact, q.answer, q.choices.map((c) => c.value)]),
        fr.predictions.map((q) => [q.fact, q.answer, q.choices.map((c) => c.value)]), id);
      assert.deepEqual(inlineNodes(en, 'look').map((n) => [n.t, n.lane]), inlineNodes(fr, 'look').map((n) => [n.t, n.lane]), id);
      assert.equal(en.modern.length, fr.modern.length, id);
      assert.deepEqual(en.compares.map((c) => c.source), fr.compares.map((c) => c.source), id);
    }
  });

  test('every right answer is the one the engine gives when it runs the course example', { skip: NO_ENGINE }, () => {
    const scenarios = new Map(JSON.parse(engine.scenarios()).map((s) => [s.id, s]));
    let checked = 0;
    for (const id of order) {
      const sc = scenarios.get(id);
      assert.ok(sc, `no scenario ${id}`);
      const r = runs.get(id) || run(sc.file, sc.source);
      runs.set(id, r);
      for (const lang of LANGS) {
        read(lang, id).predictions.forEach((q, i) => {
          const fact = factOf(q.fact, r);
          const matching = q.choices.map((c, ci) => (matches(c.value, fact.value, q.fact.kind) ? ci : -1)).filter((ci) => ci >= 0);
          assert.deepEqual(matching, [q.answer], `${lang}/${id} question ${i + 1}: the engine says ${JSON.stringify(fact.value)}`);
          assert.equal(rightChoice(q, fact), q.answer);
          assert.equal(judge(q, q.answer, r).outcome, 'right');
          const wrong = q.choices.findIndex((c, ci) => ci !== q.answer);
          assert.equal(judge(q, wrong, r).outcome, 'wrong');
          assert.ok(fact.at >= 0 && fact.at <= r.duration + 1e-9, `${lang}/${id} question ${i + 1}: deciding moment ${fact.at}`);
          checked++;
        });
      }
    }
    assert.ok(checked >= order.length * 2);
  });

  test('the facts the questions rely on are the course’s: durations, first lines, first tasks done', { skip: NO_ENGINE }, () => {
    // a few facts spelled out, so that a wrong fact function cannot agree with itself
    assert.equal(factOf({ kind: 'duration' }, runs.get('03')).value, 2);
    assert.equal(factOf({ kind: 'duration' }, runs.get('00')).value, 4);
    assert.equal(factOf({ kind: 'duration' }, runs.get('08')).value, 4.2);
    assert.equal(factOf({ kind: 'line', n: 2 }, runs.get('03')).value, 'Exécution de la coroutine 2');
    assert.equal(factOf({ kind: 'line', n: 11 }, runs.get('08')).value, 'GET /panier -> 200 OK');
    assert.equal(factOf({ kind: 'first_done', among: ['gestion_envoi_message', 'gestion_reception_message'] }, runs.get('07')).value, 'gestion_reception_message');
    assert.equal(factOf({ kind: 'first_done' }, runs.get('07')).value, 'serveur_distant');
    assert.equal(factOf({ kind: 'error' }, runs.get('04')).value, 'IndentationError');
    assert.equal(factOf({ kind: 'error' }, runs.get('05')).value, 'RuntimeError');
    assert.equal(factOf({ kind: 'error' }, runs.get('05')).at, 2);
    assert.equal(factOf({ kind: 'error' }, runs.get('05b')).value, 'none');
    assert.equal(factOf({ kind: 'tasks' }, runs.get('06')).value, 1);
    assert.equal(factOf({ kind: 'tasks' }, runs.get('09')).value, 4);
  });

  test('every look-here link points at a lane of the run and a moment within it', { skip: NO_ENGINE }, () => {
    let links = 0;
    for (const id of order) for (const lang of LANGS) {
      const r = runs.get(id);
      for (const look of inlineNodes(read(lang, id), 'look')) {
        assert.ok(look.t >= 0 && look.t <= r.duration + 1e-9, `${lang}/${id}: t=${look.t} beyond ${r.duration}`);
        assert.ok(laneIndex(r.model, look.lane) >= 0, `${lang}/${id}: no lane ${look.lane}`);
        links++;
      }
    }
    assert.ok(links >= 25, `${links} look-here links`);
  });

  test('every modern version runs with asyncio.run and prints exactly what the course example prints', { skip: NO_ENGINE }, () => {
    let n = 0;
    for (const id of order) for (const lang of LANGS) {
      const course = runs.get(id);
      for (const src of read(lang, id).modern) {
        const r = run('moderne.py', src + '\n');
        assert.equal(r.status, 0, `${lang}/${id}: ${r.stderr}`);
        assert.equal(r.stderr, '');
        // 05's course version fails after printing: the modern one prints the same lines and succeeds
        assert.equal(r.stdout, course.stdout, `${lang}/${id}`);
        assert.match(src, /asyncio\.run\(/);
        assert.doesNotMatch(src.replace(/#.*$/gm, ''), /get_event_loop|run_until_complete|run_forever|loop\.stop|ensure_future/);
        n++;
      }
    }
    assert.ok(n >= 12, `${n} modern versions`);
  });

  test('lesson 00 compares the synchronous half (3 s) with the asynchronous half (1 s) of the course file', { skip: NO_ENGINE }, () => {
    for (const lang of LANGS) {
      const { compares } = read(lang, '00');
      assert.equal(compares.length, 2);
      const [sync, async_] = compares.map((c) => run(`compare.py`, c.source));
      assert.equal(sync.duration, 3);
      assert.equal(async_.duration, 1);
      assert.equal(sync.stdout + async_.stdout, runs.get('00').stdout, 'the two halves print what the whole course file prints');
      assert.ok(sync.model.lanes.length === 1 && async_.model.lanes.length > 3, 'one lane for the synchronous run, a lane per task for the asynchronous one');
    }
  });
});
