import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DICTS, LANGS, t, formatSeconds, formatSpeed, loadLang } from '../../www/i18n.js';

await loadLang('en');
// the hints' French texts come with hints.js (loaded after a run that needs one)
await import('../../www/hints.js');
// so do those of the modules loaded on demand (the event table, Step mode, the
// chart's tooltip and keyboard, the density view)
for (const m of ['table.js', 'stepper.js', 'gantt-ui.js', 'density.js']) await import(`../../www/${m}`);
import { TASK_STATES, LOOP_STATES } from '../../www/trace.js';
import { REPO } from './helpers.mjs';

test('every interface text exists in French and in English', () => {
  const fr = Object.keys(DICTS.fr).sort();
  const en = Object.keys(DICTS.en).sort();
  assert.deepEqual(en, fr);
  for (const lang of LANGS) for (const [k, v] of Object.entries(DICTS[lang])) assert.ok(v.trim(), `${lang}.${k} is empty`);
});

test('French and English texts use the same placeholders', () => {
  const ph = (s) => (s.match(/\{\w+\}/g) || []).sort().join(',');
  for (const k of Object.keys(DICTS.fr)) assert.equal(ph(DICTS.en[k]), ph(DICTS.fr[k]), k);
});

test('every key the page and the modules ask for is translated', () => {
  const www = path.join(REPO, 'www');
  const used = new Set();
  for (const f of fs.readdirSync(www)) {
    if (!/\.(js|html)$/.test(f)) continue;
    const src = fs.readFileSync(path.join(www, f), 'utf8');
    for (const m of src.matchAll(/data-i18n(?:-aria|-title)?="([\w.]+)"/g)) used.add(m[1]);
    for (const m of src.matchAll(/\btr\('([\w.]+)'\s*[,)]/g)) used.add(m[1]);
  }
  for (const s of TASK_STATES) used.add('state.' + s);
  for (const s of LOOP_STATES) used.add('loopState.' + s);
  for (const w of ['timer', 'done', 'gather', 'wait', 'cancel', 'queue', 'event', 'lock', 'semaphore', 'condition', 'soon', 'host']) used.add('why.' + w);
  for (const w of ['start', 'stop', 'close', 'idle']) used.add('row.loop.' + w);
  assert.ok(used.size > 40);
  for (const k of used) for (const lang of LANGS) assert.ok(k in DICTS[lang], `missing ${lang} text for ${k}`);
});

test('times read « 1,0 s » in French and "1.0 s" in English', () => {
  assert.equal(formatSeconds(1, 'fr'), '1,0\u00a0s');
  assert.equal(formatSeconds(1, 'en'), '1.0\u00a0s');
  assert.equal(formatSeconds(0.25, 'fr'), '0,25\u00a0s');
  assert.equal(formatSeconds(2.0004, 'en'), '2.0\u00a0s');
  assert.equal(formatSeconds(1.23456, 'en'), '1.235\u00a0s');
  assert.equal(formatSeconds(1.23456, 'fr', 2), '1,23\u00a0s');
  assert.equal(formatSeconds(NaN, 'fr'), '0,0\u00a0s');
});

test('speeds read ×0,25 in French and ×0.25 in English', () => {
  assert.equal(formatSpeed('0.25', 'fr'), '×0,25');
  assert.equal(formatSpeed('0.25', 'en'), '×0.25');
  assert.equal(formatSpeed('instant', 'fr'), 'instantané');
  assert.equal(formatSpeed('instant', 'en'), 'instant');
});

test('placeholders are filled and an unknown language falls back to French', () => {
  assert.equal(t('en', 'ui.iteration', { n: 3, time: '1.0 s' }), 'Loop iteration 3 (t = 1.0 s)');
  assert.equal(t('xx', 'ui.run'), 'Lancer');
  assert.equal(t('fr', 'no.such.key'), 'no.such.key');
});
