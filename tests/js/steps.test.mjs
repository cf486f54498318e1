// Step mode's pure logic (www/steps.js): where steps end, the queues at the end of a
// step, one sentence per step, CPython's callbacks in words. Real traces of the
// course examples (tests/course.rs checks they are the engine's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepCuts, stepQueues, stepSentence, explainCallback } from '../../www/steps.js';
import { buildModel, taskName } from '../../www/trace.js';
import { formatSeconds } from '../../www/i18n.js';
import { fixture } from './helpers.mjs';

const ev03 = fixture('03_two_coroutines.json');
const ev06 = fixture('real-06.json');
const ev05 = fixture('real-05.json');
const opts = (events, lang = 'fr') => {
  const m = buildModel(events);
  return { lang, name: (id) => taskName(m, id), fmt: (s) => formatSeconds(s, lang) };
};
const say = (events, k, lang) => {
  const cuts = stepCuts(events, true);
  return stepSentence(events, k ? cuts[k - 1] : 0, cuts[k], opts(events, lang));
};

test('step 0 ends before the loop\'s first turn: both tasks of example 03 wait in the ready queue, nothing ran', () => {
  const cuts = stepCuts(ev03, true);
  assert.equal(ev03[cuts[0]].k, 'iteration', 'step 0 stops right before iteration 1');
  const q = stepQueues(ev03, cuts[0], opts(ev03).name);
  assert.deepEqual(q.ran, []);
  assert.deepEqual(q.ready.map((r) => r.name), ['Coroutine_1()', 'Coroutine_2()']);
  assert.deepEqual(q.timers, []);
  assert.equal(say(ev03, 0), 'Avant le premier tour de boucle : Coroutine_1() et Coroutine_2() dans la file des tâches prêtes, rien n’a encore été exécuté.');
});

test('each following step is one loop iteration; the last ends with the trace', () => {
  const cuts = stepCuts(ev03, true);
  assert.equal(cuts.at(-1), ev03.length);
  for (let k = 1; k < cuts.length; k++) {
    assert.equal(ev03.slice(cuts[k - 1], cuts[k]).filter((e) => e.k === 'iteration').length, 1, `step ${k}: one iteration`);
  }
  assert.ok(stepCuts(ev03.slice(0, 10), false).length <= stepCuts(ev03, true).length, 'an unfinished run has only the steps known for sure');
});

test('iteration 1 of example 03 says why the loop moves on: « Task-1 waits for a 2 s timer: the loop moves on to Task-2 »', () => {
  assert.equal(say(ev03, 1), 'Tour 1 : Coroutine_1() attend un minuteur de 2\u00a0s : la boucle passe à Coroutine_2() ; Coroutine_2() attend un minuteur de 2\u00a0s. Plus rien n’est prêt : la boucle attend le prochain minuteur (2,0\u00a0s).');
  assert.equal(say(ev03, 1, 'en'), 'Turn 1: Coroutine_1() waits for a 2\u00a0s timer: the loop moves on to Coroutine_2(); Coroutine_2() waits for a 2\u00a0s timer. Nothing is ready any more: the loop waits for the next timer (2.0\u00a0s).');
  const q = stepQueues(ev03, stepCuts(ev03, true)[1], opts(ev03).name);
  assert.deepEqual(q.timers.map((t) => [t.what, t.deadline, t.name]), [['sleep(2)', 2, 'Coroutine_1()'], ['sleep(2)', 2, 'Coroutine_2()']]);
  assert.deepEqual(q.ready, [], 'the timer callbacks join the queue when iteration 2 starts, not before');
});

test('the timers\' callbacks and run_until_complete\'s are explained in words (example 06)', () => {
  const cuts = stepCuts(ev06, true);
  const all = cuts.map((c, k) => say(ev06, k));
  assert.ok(all.includes('Tour 2 : le minuteur sleep(2) de Coroutine_1() expire : Coroutine_1() redevient prête.'), all.join('\n'));
  assert.ok(all.some((s) => s.startsWith('Tour 4 : fin de Coroutine_1() : run_until_complete arrête la boucle.')), all.join('\n'));
  assert.ok(all.every((s) => !/_run_until_complete_cb/.test(s)));
});

test('CPython\'s callback names, one by one', () => {
  const byName = (n) => ({ 'Task-1': 'main()', 'Task-3': 'cuire(1)' }[n] || n);
  assert.equal(explainCallback('_run_until_complete_cb', 'fr', byName, 'main()'), 'fin de main() : run_until_complete arrête la boucle');
  assert.equal(explainCallback('_GatheringFuture._done_callback [Task-3]', 'fr', byName), 'gather note que cuire(1) est terminée');
  assert.equal(explainCallback('wait._on_completion [Task-3]', 'en', byName), 'asyncio.wait learns that cuire(1) is done');
  assert.equal(explainCallback('sleep(0.5) [Task-1]', 'fr', byName), 'le minuteur sleep(0.5) de main() expire : main() redevient prête');
  assert.equal(explainCallback('mystère', 'fr', byName), 'le rappel mystère s’exécute');
});

test('when the loop stops with callbacks queued, the last step shows them as never run (example 05)', () => {
  const cuts = stepCuts(ev05, true);
  const q = stepQueues(ev05, cuts.at(-1), opts(ev05).name);
  assert.equal(q.stoppedWithQueue, true);
  assert.deepEqual(q.ready.map((r) => r.call), ['_GatheringFuture._done_callback [Task-1]', '_GatheringFuture._done_callback [Task-2]']);
  assert.match(say(ev05, cuts.length - 1), /La boucle s’arrête\.$/);
});
