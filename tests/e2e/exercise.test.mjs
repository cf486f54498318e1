// Exercises in the page (built-in ?exercise=, a teacher's ?ex= link, the ?author
// form, result codes) and the course-page options (lock=1, view=), French and
// English, with axe-core on the exercise view.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, REPO } from './server.mjs';
import { launch, missing, collectErrors, waitState, switchLang, SHOTS } from './browser.mjs';
import { encodeCode } from '../../www/codec.js';

const require = createRequire(import.meta.url);
const skip = missing();
const EX_DIR = path.join(REPO, 'tests', 'exercises');
const solution = (id) => fs.readFileSync(path.join(EX_DIR, `${id}.py`), 'utf8');
const index = JSON.parse(fs.readFileSync(path.join(REPO, 'www', 'exercises', 'index.json'), 'utf8'));
let server, browser, axeSource;

async function open(query, { file = 'index.html', viewport = { width: 1366, height: 768 }, ...opts } = {}) {
  const context = await browser.newContext({ viewport, ...opts });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/${file}${query}`);
  await waitState(page, 'ready', 'done');
  return { context, page, errors, requests };
}

async function runAndWait(page) {
  await page.click('#run');
  await waitState(page, 'done');
  await page.waitForSelector('#verdict[data-verdict]');
  return page.getAttribute('#verdict', 'data-verdict');
}

/** The kinds of the failed checks, in order. */
const failedKinds = (page) => page.$$eval('#verdict li.ko', (l) => l.map((x) => x.dataset.kind));

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('exercises', { skip: skip || false }, () => {
  before(async () => {
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    server = await startServer();
    browser = await launch();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    browser = null;
    server = null;
  });

  test('a plain visit loads neither the exercise module nor any exercise data', async () => {
    const { context, page, requests } = await open('?scenario=03');
    await page.click('#run');
    await waitState(page, 'done');
    const extra = requests.filter((p) => /exercise|checks|author|viewopts|resultcode|\/exercises\//.test(p));
    assert.deepEqual(extra, []);
    await context.close();
  });

  test('make 00 faster (French): the verdict says why it fails, points at the timeline, then passes with a result code the teacher verifies', async () => {
    const { context, page, errors } = await open('?exercise=faster&speed=instant');
    assert.equal(await page.textContent('#exercise-title'), 'Rendre l’exemple 00 plus rapide');
    assert.ok(await page.isHidden('#scenario'), 'no example picker in an exercise');
    assert.equal(await page.inputValue('#editor'), JSON.parse(fs.readFileSync(path.join(REPO, 'www', 'exercises', 'faster.json'), 'utf8')).start);
    assert.equal(await runAndWait(page), 'fail');
    const verdict = await page.textContent('#verdict');
    assert.match(verdict, /3,0\s?s au lieu de 1,2\s?s maximum : les trois attentes se suivent/);
    assert.match(verdict, /Au plus 1 tâche\(s\) en même temps au lieu de 4 minimum/);
    assert.deepEqual(await failedKinds(page), ['duration', 'tasks', 'uses', 'stdout']);
    // "look here" moves the time cursor to the moment that shows it
    await page.click('#verdict li[data-kind="duration"] button.look');
    assert.equal(await page.inputValue('#timeline'), '1');
    assert.equal(await page.isVisible('#result-code'), false, 'no result code for a failed run');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'exercise-fail-fr.png') });

    await page.fill('#editor', solution('faster'));
    assert.equal(await runAndWait(page), 'pass');
    assert.match(await page.textContent('#verdict'), /Réussi : toutes les vérifications passent\./);
    const code = (await page.textContent('#result-code')).trim();
    assert.match(code, /^B1-faster-[0-9a-f]{6}-OK-[0-9a-f]{2}$/);
    await page.waitForFunction(() => /exercise=faster/.test(location.search) && /code=/.test(location.search));
    assert.ok(!/scenario=/.test(new URL(page.url()).search), 'the link is the exercise, not an example');
    await page.screenshot({ path: path.join(SHOTS, 'exercise-pass-fr.png') });

    // the teacher: the code alone is only checked for integrity; with the source, re-run
    await page.click('#teacher summary');
    await page.fill('#verify-code', code);
    await page.click('#verify');
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.result === 'intact');
    assert.match(await page.textContent('#verify-result'), /^Code intact : exercice faster/);
    await page.fill('#verify-source', solution('faster'));
    await page.click('#verify');
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.result === 'pass');
    assert.match(await page.textContent('#verify-result'), /^Vérifié :/);
    await page.fill('#verify-source', solution('faster').replace('"C", 1', '"C", 3'));
    await page.click('#verify');
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.result === 'bad');
    assert.match(await page.textContent('#verify-result'), /ne correspond pas à ce code de résultat/);
    await page.fill('#verify-code', code.replace('-OK-', '-KO-'));
    await page.click('#verify');
    await page.waitForFunction(() => document.getElementById('verify-result').dataset.result === 'bad');
    assert.match(await page.textContent('#verify-result'), /somme de contrôle/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('every built-in exercise fails with its starting code and passes with its reference solution (English)', async () => {
    const { context, page, errors } = await open('?exercise=faster&lang=en&speed=instant');
    for (const { id, title } of index) {
      await page.goto(`${server.url}/index.html?exercise=${id}&lang=en&speed=instant`);
      await waitState(page, 'ready');
      assert.equal(await page.textContent('#exercise-title'), title.en);
      assert.equal(await runAndWait(page), 'fail', `${id}: start`);
      assert.match(await page.textContent('#verdict .verdict-head'), /^Not yet: \d check\(s\) out of \d fail\.$/);
      await page.fill('#editor', solution(id));
      assert.equal(await runAndWait(page), 'pass', `${id}: solution — ${await page.textContent('#verdict')}`);
      assert.match(await page.textContent('#result-code'), new RegExp(`^B1-${id}-[0-9a-f]{6}-OK-[0-9a-f]{2}$`));
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the verdict follows the language switch', async () => {
    const { context, page, errors } = await open('?exercise=blocking&speed=instant');
    await runAndWait(page);
    assert.match(await page.textContent('#verdict li[data-kind="no_blocking_sleep"]'), /time\.sleep bloque la boucle à 0,0\s?s dans (Task-2 \(tache\)|tache\('A', 1\)), ligne 6/);
    await switchLang(page, 'en');
    assert.match(await page.textContent('#verdict li[data-kind="no_blocking_sleep"]'), /time\.sleep blocks the loop at 0\.0\s?s in (Task-2 \(tache\)|tache\('A', 1\)), line 6/);
    assert.equal(await page.textContent('#exercise-title'), 'Do not block the loop');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a teacher\'s ex= link passes and fails on the right checks; code= with ex= opens it with that code', async () => {
    const doc = {
      v: 1,
      title: { fr: 'Deux en même temps', en: 'Two at once' },
      statement: 'Faites dormir a et b en même temps.',
      start: 'import asyncio\n\nasync def a():\n    await asyncio.sleep(1)\n    print("a")\n\nasync def b():\n    await asyncio.sleep(1)\n    print("b")\n\nasync def main():\n    await a()\n    await b()\n\nasyncio.run(main())\n',
      checks: [{ kind: 'stdout', equals: 'a\nb\n' }, { kind: 'duration', max: 1.2 }, { kind: 'tasks', min: 3 }, { kind: 'uses', name: 'gather' }, { kind: 'no_blocking_sleep' }, { kind: 'no_error' }],
    };
    const ex = await encodeCode(JSON.stringify(doc));
    const { context, page, errors } = await open(`?ex=${ex}&lang=en&speed=instant`);
    assert.equal(await page.textContent('#exercise-title'), 'Two at once');
    assert.equal(await page.textContent('#exercise-statement'), doc.statement);
    assert.equal(await runAndWait(page), 'fail');
    assert.deepEqual(await failedKinds(page), ['duration', 'tasks', 'uses']);
    assert.match(await page.textContent('#verdict li[data-kind="duration"]'), /2\.0\s?s instead of 1\.2\s?s at most: the two waits follow one another/);
    const good = doc.start.replace('    await a()\n    await b()\n', '    await asyncio.gather(a(), b())\n');
    await page.goto(`${server.url}/index.html?ex=${ex}&code=${await encodeCode(good)}&lang=en&speed=instant`);
    await waitState(page, 'ready');
    assert.equal(await page.inputValue('#editor'), good);
    assert.equal(await runAndWait(page), 'pass');
    assert.match(await page.textContent('#result-code'), /^B1-x[0-9a-f]{6}-[0-9a-f]{6}-OK-[0-9a-f]{2}$/);
    // a blocking sleep is caught, with everything else right but the duration
    await page.fill('#editor', good.replace('await asyncio.sleep(1)\n    print("a")', 'time.sleep(1)\n    print("a")').replace('import asyncio', 'import asyncio\nimport time'));
    assert.equal(await runAndWait(page), 'fail');
    assert.deepEqual(await failedKinds(page), ['duration', 'no_blocking_sleep']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad ex= documents and unknown exercises get a message in the page language, and the page stays usable', async () => {
    const cases = [
      ['fr', 'ex=***', /n’est pas du base64url/],
      ['en', 'ex=aGVsbG8gd29ybGQ', /does not decompress \(deflate-raw expected/],
      ['fr', `ex=${await encodeCode('{"v":1, "title": }')}`, /n’est pas du JSON valide/],
      ['en', `ex=${await encodeCode('{"v":2,"title":"t","statement":"s","start":"","checks":[{"kind":"no_error"}]}')}`, /version “v” = 2 is not supported; accepted: 1/],
      ['fr', `ex=${await encodeCode('{"v":1,"title":"t","statement":"s","start":"","checks":[{"kind":"vitesse"}]}')}`, /type « vitesse », inconnu ; types acceptés : stdout, duration, tasks, uses, no_blocking_sleep, no_error/],
      ['en', `ex=${await encodeCode('{"v":1,"title":"t","start":3,"checks":[]}')}`, /the field “statement” is missing\.[\s\S]*“start” must be a text/],
      ['fr', 'exercise=nope', /exercice « nope » inconnu ; exercices disponibles : faster, /],
    ];
    for (const [lang, q, re] of cases) {
      const { context, page, errors } = await open(`?${q}&lang=${lang}&scenario=03&speed=instant`);
      assert.ok(await page.isVisible('#notice'), q);
      const text = await page.textContent('#notice');
      assert.match(text, re, q);
      assert.match(text, lang === 'fr' ? /Cet exercice ne peut pas être ouvert/ : /This exercise cannot be opened/);
      assert.equal(await page.$('#exercise'), null, 'no exercise panel');
      await page.click('#run');
      await waitState(page, 'done');
      assert.equal(await page.$$eval('#log li', (l) => l.length), 4, 'example 03 runs');
      assert.deepEqual(errors, [], q);
      await context.close();
    }
  });

  test('the authoring form builds a working ex= link, its expected output filled by running a solution', async () => {
    const { context, page, errors } = await open('?author&lang=fr&speed=instant');
    assert.equal(await page.textContent('#author-title'), 'Écrire un exercice');
    await page.fill('#author-ex-title', 'Deux tâches');
    await page.fill('#author-statement', 'Lancez-les ensemble.');
    await page.fill('#author-solution', 'import asyncio\n\nasync def t(n):\n    await asyncio.sleep(1)\n    print("fin", n)\n\nasync def main():\n    await asyncio.gather(t("A"), t("B"))\n\nasyncio.run(main())\n');
    await page.click('#author-fill');
    await page.waitForFunction(() => document.getElementById('au-stdout-value').value === 'fin A\nfin B\n');
    assert.match(await page.textContent('#author-fill-result'), /durée 1,0\s?s, 3 tâche\(s\) en même temps/);
    await page.check('#au-duration');
    await page.check('#au-uses');
    await page.fill('#au-uses-value', 'gather');
    await page.waitForFunction(() => /\?ex=/.test(document.getElementById('author-link').value));
    // a check with a bad value: no link, and why
    await page.fill('#au-duration-value', 'vite');
    await page.waitForFunction(() => document.getElementById('author-link').value === '');
    assert.match(await page.textContent('#author-problems'), /« max » vaut null, il faut : number ≥ 0/);
    await page.fill('#au-duration-value', '1,2');
    await page.waitForFunction(() => /\?ex=/.test(document.getElementById('author-link').value));
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(SHOTS, 'author-fr.png'), fullPage: true });
    const href = await page.getAttribute('#author-try', 'href');
    assert.match(href, /^index\.html\?ex=[A-Za-z0-9_-]+&lang=fr$/);
    await page.goto(`${server.url}/${href}&speed=instant`);
    await waitState(page, 'ready');
    assert.equal(await page.textContent('#exercise-title'), 'Deux tâches');
    assert.equal(await runAndWait(page), 'fail', 'the default starting code awaits one after the other');
    assert.deepEqual(await failedKinds(page), ['stdout', 'duration', 'uses']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const lang of ['fr', 'en']) {
    test(`the exercise view has no serious or critical axe-core violations (${lang})`, async () => {
      const { context, page, errors } = await open(`?exercise=queue&lang=${lang}&speed=instant`);
      await runAndWait(page);
      await page.click('#teacher summary');
      await page.click('.exercise-others summary');
      assert.deepEqual(await axe(page), []);
      await page.fill('#editor', solution('queue'));
      await runAndWait(page);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('the embed for a course page', { skip: skip || false }, () => {
  before(async () => {
    axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    server ??= await startServer();
    browser ??= await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const embed = (q, lang = 'fr') => open(`?${q}&lang=${lang}&speed=instant`, { file: 'embed.html', viewport: { width: 800, height: 600 } });

  test('lock=1 fixes the example and makes the code read-only (French)', async () => {
    const { context, page, errors } = await embed('scenario=03&lock=1');
    assert.ok(await page.isHidden('#scenario'), 'no picker');
    const course03 = fs.readFileSync(path.join(REPO, 'crate', 'course', '03_two_coroutines_ensure_future.py'), 'utf8');
    assert.equal(await page.inputValue('#editor'), course03);
    assert.equal(await page.getAttribute('#editor', 'aria-readonly'), 'true');
    await page.click('#editor');
    await page.keyboard.type('xyz');
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('#editor'), course03, 'typing changes nothing');
    await page.click('#run');
    await waitState(page, 'done');
    const out = fs.readFileSync(path.join(REPO, 'crate', 'course', '03_two_coroutines_ensure_future.out'), 'utf8').trimEnd().split('\n');
    const shown = await page.$$eval('#log li', (l) => l.map((x) => x.textContent));
    assert.equal(shown.length, out.length);
    shown.forEach((t, i) => assert.ok(t.endsWith(out[i]), `${t} / ${out[i]}`));
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(SHOTS, 'embed-lock-fr.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('lock=1 ignores a code edited earlier in this browser', async () => {
    const { context, page } = await embed('scenario=03');
    await page.fill('#editor', 'print("edited")\n');
    await page.waitForTimeout(400);
    await page.goto(`${server.url}/embed.html?scenario=03&lock=1&lang=fr`);
    await waitState(page, 'ready');
    assert.match(await page.inputValue('#editor'), /Coroutine_1/);
    await context.close();
  });

  test('view= shows only the panels asked for; a bad value gets a message (English)', async () => {
    const { context, page, errors } = await embed('scenario=03&view=code,timeline', 'en');
    assert.ok(await page.isVisible('#editor'));
    assert.ok(await page.isVisible('#gantt'));
    assert.ok(await page.isHidden('#logbox'));
    assert.ok(await page.isHidden('#queues'));
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await page.getAttribute('#gantt', 'data-lanes'), '3');
    await context.close();
    const bad = await embed('scenario=03&view=code,chart', 'en');
    assert.match(await bad.page.textContent('#notice'), /view=: unknown panel\(s\) “chart”; accepted panels: code, output, timeline, queues\./);
    assert.ok(await bad.page.isVisible('#editor'));
    assert.ok(await bad.page.isHidden('#gantt'));
    assert.deepEqual(errors, []);
    await bad.context.close();
  });

  test('exercise= and ex= work in the embed, locked on the exercise with its code editable', async () => {
    const { context, page, errors } = await embed('exercise=timeout&lock=1', 'en');
    assert.equal(await page.textContent('#exercise-title'), 'Give up on a slow request (wait_for)');
    assert.ok(await page.isHidden('#scenario'));
    assert.equal(await runAndWait(page), 'fail');
    await page.fill('#editor', solution('timeout'));
    assert.equal(await runAndWait(page), 'pass');
    assert.match(await page.getAttribute('#open-full', 'href'), /^index\.html\?.*exercise=timeout/);
    assert.ok(!/lock=/.test(await page.getAttribute('#open-full', 'href')), 'the full page is not locked');
    await page.screenshot({ path: path.join(SHOTS, 'embed-exercise-en.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
