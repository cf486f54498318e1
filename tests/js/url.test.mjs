import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, serialiseState, normaliseSpeed, normaliseScenario, SPEEDS } from '../../www/url.js';
import { t, loadLang } from '../../www/i18n.js';

await loadLang('en');

const IDS = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09'];

test('an empty URL opens example 00 in French at ×1', () => {
  assert.deepEqual(parseState('', IDS), { scenario: '00', lang: 'fr', speed: '1', t: null, code: null, lesson: null, big: false, errors: [] });
});

test('a shared link restores the example, the language, the speed and the moment', () => {
  assert.deepEqual(parseState('?scenario=03&lang=en&speed=2&t=1.5', IDS), { scenario: '03', lang: 'en', speed: '2', t: 1.5, code: null, lesson: null, big: false, errors: [] });
});

test('?lesson=ID and ?lesson (the list) are read for lesson.js, which checks the id', () => {
  assert.equal(parseState('?lesson=05&lang=en', IDS).lesson, '05');
  assert.equal(parseState('?lesson', IDS).lesson, '');
  assert.equal(parseState('?scenario=03', IDS).lesson, null);
  assert.deepEqual(parseState('?lesson=42', IDS).errors, []);
});

test('lesson mode and projector mode are written back to the URL', () => {
  assert.equal(serialiseState({ scenario: '03', lang: 'fr', speed: '1', lesson: '03', big: true }), '?scenario=03&lang=fr&speed=1&lesson=03&big=1');
  assert.equal(serialiseState({ scenario: '00', lang: 'en', speed: '1', lesson: '' }), '?scenario=00&lang=en&speed=1&lesson=');
  assert.equal(serialiseState({ scenario: '00', lang: 'en', speed: '1', lesson: null, big: false }), '?scenario=00&lang=en&speed=1');
  assert.equal(parseState('?big=1', IDS).big, true);
  assert.equal(parseState('?big=0', IDS).big, false);
  assert.equal(parseState('?big=yes', IDS).big, false);
});

test('the state written to the URL reads back the same', () => {
  const st = { scenario: '07', lang: 'en', speed: '0.25', t: 0.35 };
  const q = serialiseState(st);
  assert.equal(q, '?scenario=07&lang=en&speed=0.25&t=0.35');
  const back = parseState(q, IDS);
  assert.deepEqual({ scenario: back.scenario, lang: back.lang, speed: back.speed, t: back.t }, st);
  assert.equal(serialiseState({ scenario: '03', lang: 'fr', speed: 'instant', t: null }), '?scenario=03&lang=fr&speed=instant');
});

test('lenient spellings are understood: scenario=3, lang=EN, speed=x2, speed=×0.5, t=1,5', () => {
  const s = parseState('?scenario=3&lang=EN&speed=x2&t=1,5', IDS);
  assert.deepEqual([s.scenario, s.lang, s.speed, s.t, s.errors.length], ['03', 'en', '2', 1.5, 0]);
  assert.equal(normaliseSpeed('×0.5'), '0.5');
  assert.equal(normaliseSpeed('4.0'), '4');
  assert.equal(normaliseSpeed('instant'), 'instant');
  assert.equal(normaliseScenario('9', IDS), '09');
});

test('an unknown example falls back to 00 and the message lists the accepted ids', () => {
  const s = parseState('?scenario=42', IDS);
  assert.equal(s.scenario, '00');
  assert.equal(s.errors.length, 1);
  const msg = t('fr', s.errors[0].key, s.errors[0].params);
  assert.equal(msg, 'Exemple « 42 » inconnu. Valeurs acceptées : 00, 01, 02, 03, 04, 05, 06, 07, 08, 09. L’exemple 00 est affiché à la place.');
  const en = t('en', s.errors[0].key, s.errors[0].params);
  assert.match(en, /^Unknown example “42”\. Accepted values: 00, 01, .*09\. Showing example 00 instead\.$/);
});

test('an unknown language falls back to French and says which languages exist', () => {
  const s = parseState('?lang=de&scenario=01', IDS);
  assert.equal(s.lang, 'fr');
  assert.equal(s.scenario, '01');
  assert.equal(t(s.lang, s.errors[0].key, s.errors[0].params), 'Langue « de » inconnue. Valeurs acceptées : fr, en. Le français est utilisé à la place.');
});

test('an unknown speed falls back to ×1 and lists the speeds, in the page language', () => {
  const s = parseState('?speed=3&lang=en', IDS);
  assert.equal(s.speed, '1');
  assert.equal(t(s.lang, s.errors[0].key, s.errors[0].params), `Unknown speed “3”. Accepted values: ${SPEEDS.join(', ')}. Using ×1 instead.`);
  assert.equal(parseState('?speed=fast', IDS).errors[0].params.value, 'fast');
});

test('a negative or non-numeric moment is ignored with a message', () => {
  for (const bad of ['-1', 'abc', '', 'Infinity']) {
    const s = parseState('?t=' + bad, IDS);
    assert.equal(s.t, null, bad);
    assert.equal(s.errors[0].key, 'url.badT');
  }
  assert.equal(parseState('?t=0', IDS).t, 0);
});

test('several bad parameters give one message each', () => {
  const s = parseState('?scenario=zz&lang=xx&speed=9&t=-2', IDS);
  assert.deepEqual(s.errors.map((e) => e.key), ['url.badScenario', 'url.badLang', 'url.badSpeed', 'url.badT']);
  assert.deepEqual([s.scenario, s.lang, s.speed, s.t], ['00', 'fr', '1', null]);
});

test('the edited code travels in code= and the blank scenario is a scenario id', () => {
  const ids = [...IDS, 'libre'];
  const q = serialiseState({ scenario: 'libre', lang: 'en', speed: 'instant', t: null, code: 'y0-_AbC' });
  assert.equal(q, '?scenario=libre&lang=en&speed=instant&code=y0-_AbC');
  const back = parseState(q, ids);
  assert.equal(back.scenario, 'libre');
  assert.equal(back.code, 'y0-_AbC');
  assert.deepEqual(back.errors, []);
  assert.equal(serialiseState({ scenario: '03', lang: 'fr', speed: '1', t: null, code: null }), '?scenario=03&lang=fr&speed=1');
});
