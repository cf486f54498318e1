// Lesson mode (?lesson=ID, ?lesson), predict-then-run, look-here links, projector mode
// (?big=1), the lesson in the embed, and a lesson file that tries to inject HTML.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, WWW } from './server.mjs';
import { createServer } from '../../scripts/serve.mjs';
import { launch, missing, collectErrors, waitState, switchLang, SHOTS } from './browser.mjs';
import { parseLesson, lessonOrder } from '../../www/lessonfile.js';

const require = createRequire(import.meta.url);
const skip = missing();
const LESSONS = path.join(WWW, 'lessons');
const order = lessonOrder(JSON.parse(fs.readFileSync(path.join(LESSONS, 'index.json'), 'utf8')));
const lesson = (lang, id) => parseLesson(fs.readFileSync(path.join(LESSONS, lang, `${id}.md`), 'utf8'));
let server, browser, axeSource;

async function open(query, { file = 'index.html', viewport = { width: 1366, height: 768 }, ...opts } = {}) {
  const context = await browser.newContext({ viewport, ...opts });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/${file}${query}`);
  await waitState(page, 'ready', 'done');
  return { context, page, errors };
}

const shown = (page, id) => page.waitForSelector(`#lesson[data-state="ready"][data-lesson="${id}"]`);

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Answer question qi with choice ci. */
const answer = (page, qi, ci) => page.check(`#predict fieldset[data-q="${qi}"] input[value="${ci}"]`);

describe('lesson mode', { skip: skip || false }, () => {
  before(async () => {
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    server = await startServer();
    browser = await launch();
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every lesson renders in French, then in English, with its questions, from the first to the last', async () => {
    const { context, page, errors } = await open('?lesson=00');
    for (const lang of ['fr', 'en']) {
      if (lang === 'en') await switchLang(page, 'en');
      const ids = lang === 'fr' ? order : [...order].reverse();
      for (const [k, id] of ids.entries()) {
        await shown(page, id);
        await page.waitForFunction((l) => document.querySelector('#lesson h2').textContent === l, lesson(lang, id).titleText);
        assert.equal(await page.inputValue('#scenario'), id, 'the lesson shows its example');
        assert.equal(await page.locator('#predict fieldset').count(), lesson(lang, id).predictions.length, `${lang}/${id}`);
        assert.ok((await page.locator('#lesson .lesson-body a[href^="https://docs.python.org/"]').count()) >= 2, `${lang}/${id}: documentation links`);
        await page.waitForFunction((i) => new RegExp(`lesson=${i}(&|$)`).test(location.search), id);
        if (k < ids.length - 1) await page.click(lang === 'fr' ? '#lesson .lesson-next' : '#lesson .lesson-prev');
      }
    }
    assert.equal(await page.textContent('#predict .predict-submit'), 'Answer and run');
    assert.equal(await page.title(), `${lesson('en', order[0]).titleText} — Lesson — Boucle`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [lang, pick] of [['fr', 'right'], ['en', 'wrong']]) {
    test(`every prediction can be answered (${lang}, ${pick} answers) and the run shows who was right, the cursor at the deciding moment`, async () => {
      const { context, page, errors } = await open(`?lesson=00&lang=${lang}&speed=instant`);
      for (const id of order) {
        if ((await page.inputValue('#scenario')) !== id) await page.selectOption('#scenario', id);
        await shown(page, id);
        const qs = lesson(lang, id).predictions;
        for (const [qi, q] of qs.entries()) await answer(page, qi, pick === 'right' ? q.answer : (q.answer + 1) % q.choices.length);
        await page.click('#predict .predict-submit');
        await page.waitForSelector('#predict[data-state="revealed"]');
        for (const [qi, q] of qs.entries()) {
          const fs_ = page.locator(`#predict fieldset[data-q="${qi}"]`);
          assert.equal(await fs_.getAttribute('data-outcome'), pick, `${lang}/${id} question ${qi + 1}`);
          assert.equal(await fs_.locator('.choice[data-right]').getAttribute('data-choice'), String(q.answer), `${lang}/${id}: the right choice is marked`);
          assert.ok(await fs_.locator('.outcome .moment').isVisible());
        }
        // the cursor sits on the first question's deciding moment
        const t = Number(await page.getAttribute('#predict fieldset[data-q="0"] .moment', 'data-t'));
        if (id !== '04') assert.ok(Math.abs(Number(await page.inputValue('#timeline')) - t) < 1e-6, `${lang}/${id}: cursor at ${t}`);
        if (id === '05') {
          // clicking the moment of another question moves the cursor and highlights its lane
          await page.click('#predict fieldset[data-q="1"] .moment');
          assert.equal(await page.inputValue('#timeline'), '2');
          assert.equal(await page.getAttribute('#gantt', 'data-highlight'), '1', 'Task-1, the first task done, is highlighted');
        }
      }
      if (lang === 'fr') {
        await page.selectOption('#scenario', '03');
        await shown(page, '03');
        await answer(page, 0, 1);
        await page.click('#predict .predict-submit');
        await page.waitForSelector('#predict[data-state="revealed"]');
        await page.screenshot({ path: path.join(SHOTS, 'lesson-03-revealed-1366.png') });
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('switching the language keeps the answers and the verdicts, in the other language', async () => {
    const { context, page, errors } = await open('?lesson=09&speed=instant');
    await shown(page, '09');
    await answer(page, 0, 1);
    await switchLang(page, 'en');
    await page.waitForFunction(() => document.querySelector('#predict legend').textContent === 'Which result is printed first?');
    assert.ok(await page.isChecked('#predict fieldset[data-q="0"] input[value="1"]'), 'the answer is kept');
    await page.click('#predict .predict-submit');
    await page.waitForSelector('#predict[data-state="revealed"]');
    await switchLang(page, 'fr');
    await page.waitForFunction(() => document.querySelector('#predict legend').textContent === 'Quel résultat est affiché en premier ?');
    assert.equal(await page.getAttribute('#predict fieldset[data-q="0"]', 'data-outcome'), 'right');
    assert.match(await page.textContent('#predict fieldset[data-q="0"] .outcome'), /Bien vu/);
    assert.match(await page.textContent('#predict .predict-status'), /1 juste\(s\) sur 2/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a run with edited code is judged on what the edited code did', async () => {
    const { context, page, errors } = await open('?lesson=03&speed=instant');
    await shown(page, '03');
    const code = (await page.inputValue('#editor')).replace('await asyncio.sleep(2)\n    print("Fin de l\'exécution de la coroutine 2")', 'await asyncio.sleep(4)\n    print("Fin de l\'exécution de la coroutine 2")');
    await page.fill('#editor', code);
    await answer(page, 0, 1);
    await page.click('#predict .predict-submit');
    await page.waitForSelector('#predict[data-state="revealed"]');
    assert.equal(await page.getAttribute('#predict fieldset[data-q="0"]', 'data-outcome'), 'wrong', '4 s with the edited code');
    assert.equal(await page.getAttribute('#predict fieldset[data-q="0"] .choice[data-right]', 'data-choice'), '2');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a look-here link moves the time cursor to its moment and highlights its lane (running the example first if needed)', async () => {
    const { context, page, errors } = await open('?lesson=03&speed=instant');
    await shown(page, '03');
    await page.click('#lesson button.look[data-t="1"][data-lane="loop"]');
    await waitState(page, 'done');
    await page.waitForFunction(() => document.getElementById('timeline').value === '1');
    assert.equal(await page.getAttribute('#gantt', 'data-highlight'), '0');
    assert.match(await page.textContent('#lesson-live'), /1,0\s?s.*Boucle/);
    await page.click('#lesson button.look[data-t="0"][data-lane="Task-2"]');
    assert.equal(await page.inputValue('#timeline'), '0');
    assert.equal(await page.getAttribute('#gantt', 'data-highlight'), '2');
    await page.click('#lesson button.look[data-t="2"][data-lane="Task-1"]');
    assert.equal(await page.inputValue('#timeline'), '2');
    assert.equal(await page.getAttribute('#gantt', 'data-highlight'), '1');
    assert.match(new URL(page.url()).search, /lesson=03/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the modern version is one click away: it loads into the editor and prints the course output', async () => {
    const { context, page, errors } = await open('?lesson=02&speed=instant');
    await shown(page, '02');
    await page.click('#lesson .modern-load');
    const code = await page.inputValue('#editor');
    assert.match(code, /asyncio\.run\(Coroutine\(\)\)/);
    assert.doesNotMatch(code.replace(/#.*$/gm, ''), /get_event_loop|run_forever/);
    assert.ok(await page.isVisible('#code-modified'));
    await page.click('#run');
    await waitState(page, 'done');
    assert.deepEqual(await page.$$eval('#log li .text, #log li', (els) => [...new Set(els.map((e) => e.textContent))].filter((s) => /Exécution/.test(s)).length > 0), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('lesson 00 shows the synchronous and asynchronous versions side by side: 3 s against 1 s', async () => {
    const { context, page, errors } = await open('?lesson=00&speed=instant');
    await shown(page, '00');
    await page.click('#lesson .compare-run');
    await page.waitForFunction(() => document.querySelectorAll('#lesson .compare-total[data-duration]').length === 2);
    assert.deepEqual(await page.$$eval('#lesson .compare-total', (els) => els.map((e) => e.dataset.duration)), ['3', '1']);
    assert.deepEqual(await page.$$eval('#lesson .compare-total', (els) => els.map((e) => e.textContent.replace(/\s/g, ' '))), ['Durée totale : 3,0 s', 'Durée totale : 1,0 s']);
    assert.deepEqual(await page.$$eval('#lesson figure.compare canvas', (els) => els.map((c) => !c.hidden && c.height > 0 && /Chronologie/.test(c.getAttribute('aria-label')))), [true, true]);
    await page.locator('#lesson .compare-group').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'lesson-00-compare-1366.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the lesson index lists the lessons in the course order and opens one in place; a bad id says so', async () => {
    const { context, page, errors } = await open('?lesson&lang=en');
    await page.waitForSelector('#lesson[data-state="index"]');
    assert.deepEqual(await page.$$eval('#lesson .lesson-index a', (as) => as.map((a) => a.dataset.lesson)), order);
    assert.match(await page.textContent('#lesson h2'), /lessons/);
    await page.click('#lesson .lesson-index a[data-lesson="05b"]');
    await shown(page, '05b');
    assert.equal(await page.inputValue('#scenario'), '05b');
    await page.waitForFunction(() => /lesson=05b/.test(location.search) && /scenario=05b/.test(location.search));
    await page.click('#lesson .lesson-all');
    await page.waitForSelector('#lesson[data-state="index"]');
    assert.deepEqual(errors, []);
    await context.close();

    const bad = await open('?lesson=42');
    await bad.page.waitForSelector('#lesson[data-state="index"]');
    assert.match(await bad.page.textContent('#lesson .lesson-error'), /Leçon « 42 » inconnue.*00, 01/);
    await bad.context.close();
  });

  test('the plain page loads none of the lesson files or modules', async () => {
    const { context, page } = await open('?scenario=03');
    await page.waitForTimeout(300);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    for (const f of ['/lesson.js', '/markdown.js', '/predict.js', '/lesson.css', '/big.js', '/big.css']) assert.ok(!loaded.includes(f), `${f} loaded`);
    assert.ok(!loaded.some((p) => p.startsWith('/lessons/')));
    assert.ok(await page.isHidden('#lesson'));
    await context.close();
  });

  test('projector mode: ?big=1 and the button give large text and thick lanes, and the URL keeps it', async () => {
    const lanes = async (page) => page.evaluate(() => {
      const c = document.getElementById('gantt');
      return { h: c.getBoundingClientRect().height, font: parseFloat(getComputedStyle(document.documentElement).fontSize) };
    });
    const { context, page, errors } = await open('?scenario=03&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    const normal = await lanes(page);
    await page.click('#big');
    await page.waitForFunction(() => document.documentElement.classList.contains('big'));
    await page.waitForTimeout(200);
    const big = await lanes(page);
    assert.ok(big.h > normal.h * 1.4, `lanes ${normal.h} -> ${big.h}`);
    assert.ok(big.font >= normal.font * 1.3, `font ${normal.font} -> ${big.font}`);
    assert.equal(await page.getAttribute('#big', 'aria-pressed'), 'true');
    await page.waitForFunction(() => /big=1/.test(location.search));
    await page.screenshot({ path: path.join(SHOTS, 'projector-03-1366.png') });
    await page.click('#big');
    await page.waitForFunction(() => !document.documentElement.classList.contains('big') && !/big=1/.test(location.search));
    assert.deepEqual(errors, []);
    await context.close();

    const direct = await open('?lesson=07&big=1&lang=en&speed=instant');
    await direct.page.waitForFunction(() => document.documentElement.classList.contains('big'));
    await shown(direct.page, '07');
    assert.equal(await direct.page.getAttribute('#big', 'aria-pressed'), 'true');
    await direct.page.click('#run');
    await waitState(direct.page, 'done');
    await direct.page.screenshot({ path: path.join(SHOTS, 'projector-lesson-07-1366.png') });
    assert.deepEqual(direct.errors, []);
    await direct.context.close();
  });

  test('the lesson works in the embed: panel, prediction, and the open-in-Boucle link keeps it', async () => {
    const { context, page, errors } = await open('?lesson=03&lang=en&speed=instant', { file: 'embed.html', viewport: { width: 800, height: 600 } });
    await shown(page, '03');
    await answer(page, 0, 1);
    await page.click('#predict .predict-submit');
    await page.waitForSelector('#predict[data-state="revealed"]');
    assert.equal(await page.getAttribute('#predict fieldset[data-q="0"]', 'data-outcome'), 'right');
    assert.match(await page.getAttribute('#open-full', 'href'), /lesson=03/);
    await page.screenshot({ path: path.join(SHOTS, 'lesson-embed-800x600.png') });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('on a phone the lesson comes right under the controls, before the code', async () => {
    const { context, page, errors } = await open('?lesson=05', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await shown(page, '05');
    const y = async (sel) => (await page.locator(sel).boundingBox()).y;
    assert.ok((await y('#lesson')) < (await y('.code-pane')), 'the lesson and its question come before the code');
    assert.ok((await y('#lesson')) > (await y('.controls')));
    // nothing of the lesson sticks out of the screen (code blocks scroll inside themselves)
    const wide = await page.evaluate(() => [...document.querySelectorAll('#lesson, #lesson *')]
      .filter((e) => !e.closest('pre') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className}`));
    assert.deepEqual(wide, []);
    await page.screenshot({ path: path.join(SHOTS, 'lesson-05-390x844.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`the lesson view has no serious or critical axe-core violations (${scheme})`, async () => {
      const { context, page, errors } = await open('?lesson=00&speed=instant', { colorScheme: scheme });
      await shown(page, '00');
      assert.deepEqual(await axe(page), []);
      await answer(page, 0, 0);
      await page.click('#predict .predict-submit');
      await page.waitForSelector('#predict[data-state="revealed"]');
      await page.click('#lesson .compare-run');
      await page.waitForFunction(() => document.querySelectorAll('#lesson .compare-total[data-duration]').length === 2);
      assert.deepEqual(await axe(page), []);
      await page.click('#big');
      await page.waitForFunction(() => document.documentElement.classList.contains('big'));
      assert.deepEqual(await axe(page), []);
      await page.click('#lesson .lesson-all');
      await page.waitForSelector('#lesson[data-state="index"]');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a lesson file with <script> and <img onerror> shows them as text and runs nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-lessons-'));
    fs.mkdirSync(path.join(dir, 'fr'));
    fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ order: ['03'] }));
    fs.writeFileSync(path.join(dir, 'fr', '03.md'), [
      '# 03 — <script>window.pwned = 1</script>',
      '',
      'Texte <img src=x onerror="window.pwned = 2"> et <b onclick="window.pwned = 3">gras</b>.',
      '',
      '- [clic](javascript:window.pwned=4) <svg onload="window.pwned = 5"></svg>',
      '',
      '```predict',
      '{"question": "<img src=x onerror=\\"window.pwned = 6\\">?", "fact": {"kind": "duration"}, "choices": [{"label": "<b>2 s</b>", "value": 2}, {"label": "4 s", "value": 4}], "answer": 0}',
      '```',
      '',
      '```predict',
      '{ not json',
      '```',
    ].join('\n'));
    const evil = await createServer({ root: WWW, port: 0, host: '127.0.0.1', mounts: { '/lessons/': dir } });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`http://127.0.0.1:${evil.port}/index.html?lesson=03`);
    await shown(page, '03');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.locator('#lesson script, #lesson img, #lesson svg, #lesson iframe, #lesson b, #lesson [onerror], #lesson [onclick], #lesson [onload]').count(), 0);
    assert.equal(await page.locator('#lesson a[href^="javascript:"]').count(), 0);
    const text = await page.textContent('#lesson');
    assert.match(text, /<script>window\.pwned = 1<\/script>/);
    assert.match(text, /<img src=x onerror="window\.pwned = 2">/);
    assert.match(text, /<b>2 s<\/b>/);
    assert.match(text, /erreur/, 'the broken question is reported, not fatal');
    assert.equal(await page.locator('#predict fieldset').count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
    await evil.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
