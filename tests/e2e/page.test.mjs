// The playground page in Debian's chromium, served with the production CSP.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { launch, missing, collectErrors, waitState, stepToEnd, switchLang } from './browser.mjs';

const skip = missing();
let server, browser;

// Lanes each course program should show: the loop plus one per asyncio Task.
// asyncio.run() adds CPython's two shutdown tasks (shutdown_asyncgens, shutdown_default_executor),
// folded into one dimmed lane.
const LANES = { '00': 6, '01': 2, '02': 2, '03': 3, '04': 1, '05': 3, '05b': 3, '06': 2, '07': 6, '08': 6, '09': 6 };

function courseFile(file, ext) {
  for (const dir of ['course', 'course-extra']) {
    const p = path.join(REPO, 'crate', dir, file.replace(/\.py$/, '') + ext);
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
  }
  return null;
}

async function openPage(query = '', opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...opts });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/index.html${query}`);
  await waitState(page, 'ready', 'done', 'error');
  return { page, errors, context };
}

// The event table is drawn when its <details> is open: open it, wait for its rows.
async function tableRows(page) {
  await page.evaluate(() => { document.getElementById('gantt-table').closest('details').open = true; });
  await page.waitForFunction(() => document.querySelectorAll('#gantt-table tbody tr').length > 0);
  return page.$$eval('#gantt-table tbody tr', (r) => r.length);
}

const logLines = (page) => page.$$eval('#log li', (lis) => lis.map((li) => ({ text: li.textContent, err: li.classList.contains('err'), at: Number(li.dataset.at) })));

describe('the playground page', { skip: skip || false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every course example runs instantly and prints exactly what CPython prints', async () => {
    const { page, errors, context } = await openPage('?speed=instant');
    const scenarios = await page.evaluate(async () => {
      const m = await import('./pkg/boucle.js');
      return JSON.parse(m.scenarios()).map((s) => ({ id: s.id, file: s.file || null, lanes: s.lanes ?? null }));
    });
    const ids = await page.$$eval('#scenario option', (os) => os.map((o) => o.value));
    assert.deepEqual(ids, [...scenarios.map((s) => s.id), 'libre'], 'the course examples, then the blank « Mon code »');
    for (const id of ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09']) assert.ok(ids.includes(id), `picker offers ${id}`);
    for (const sc of scenarios) {
      await page.selectOption('#scenario', sc.id);
      await page.click('#run');
      await waitState(page, 'done', 'error');
      const state = await page.evaluate(() => document.documentElement.dataset.state);
      assert.equal(state, 'done', `${sc.id} finishes`);
      const lines = await logLines(page);
      const file = sc.file || fs.readdirSync(path.join(REPO, 'crate', 'course')).find((f) => f.startsWith(sc.id + '_') && f.endsWith('.py'));
      const out = courseFile(file, '.out');
      assert.ok(out != null, `${sc.id}: expected output file`);
      const stdout = lines.filter((l) => !l.err).map((l) => l.text + '\n').join('');
      assert.equal(stdout, out, `${sc.id}: #log matches ${file.replace(/\.py$/, '.out')} byte for byte`);
      const err = courseFile(file, '.err');
      const errLines = lines.filter((l) => l.err);
      if (err != null) assert.equal(errLines.at(-1)?.text, err.trimEnd(), `${sc.id}: last stderr line`);
      else assert.equal(errLines.length, 0, `${sc.id}: nothing on stderr`);
      const lanes = Number(await page.getAttribute('#gantt', 'data-lanes'));
      assert.equal(lanes, sc.lanes ?? LANES[sc.id], `${sc.id}: lane count`);
      for (let i = 1; i < lines.length; i++) assert.ok(lines[i].at >= lines[i - 1].at, `${sc.id}: log stamps go forward`);
      const rows = await tableRows(page);
      assert.ok(rows >= lines.length, `${sc.id}: the text table has a row per printed line at least`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a live run at ×4 prints its lines over time, follows the clock, and Stop stops it', async () => {
    const { page, errors, context } = await openPage('?scenario=03&speed=4');
    assert.equal(await page.inputValue('#speed'), '4');
    const t0 = Date.now();
    await page.click('#run');
    await waitState(page, 'running', 'done');
    await page.waitForFunction(() => document.querySelectorAll('#log li').length === 2);
    // (a moment with exactly the two first lines: they come at once, the others later)
    await page.waitForFunction(() => document.querySelectorAll('#log li').length === 4, null, { timeout: 10000 });
    const elapsed = Date.now() - t0;
    // Lower bounds: 2 s of loop time at ×4 never takes less than 0.5 s, and the line
    // is never stamped before its timer; how close to those it lands is measured by
    // `make bench` (bench/timing.mjs), not asserted on a loaded machine.
    assert.ok(elapsed >= 490, `2 s of loop time at ×4 takes at least 0.5 s (took ${elapsed} ms)`);
    await waitState(page, 'done');
    const lines = await logLines(page);
    assert.ok(lines[3].at >= 2 && lines[3].at < 2 + 4 * 5, `the last line is stamped at 2 s or after (${lines[3].at})`);
    assert.match(await page.textContent('#status'), /Terminé/);

    // Stop: a slow run of 00 (3 s of blocking sleeps at ×1) stopped after its first line
    await page.selectOption('#scenario', '00');
    await page.selectOption('#speed', '1');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 1);
    assert.equal(await page.isEnabled('#stop'), true);
    await page.click('#stop');
    await waitState(page, 'done');
    const n = await page.$$eval('#log li', (l) => l.length);
    await page.waitForTimeout(1300);
    assert.equal(await page.$$eval('#log li', (l) => l.length), n, 'nothing is printed after Stop');
    const total = courseFile('00_synchrone_vs_asynchrone.py', '.out').split('\n').filter(Boolean).length;
    assert.ok(n >= 1 && n < total, `Stop came before the end: ${n} of the ${total} lines printed`);
    assert.match(await page.textContent('#status'), /arrêtée/);
    assert.equal(await page.isEnabled('#run'), true, 'the page is ready for another run');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Step starts before the loop\'s first turn, then runs one iteration at a time, saying what the loop does', async () => {
    const { page, errors, context } = await openPage('?scenario=03');
    await page.click('#step');
    await page.waitForFunction(() => document.querySelector('#queues dl') && !document.getElementById('stepbox').hidden);
    let q = await page.textContent('#queues');
    assert.match(q, /File des prêts \(itération suivante\)\s*Coroutine_1\(\)\s*Coroutine_2\(\)/, 'step 0: both tasks wait in the ready queue');
    assert.match(q, /Lancées par cette itération\s*vide/, 'nothing has run yet');
    assert.equal(await page.$$eval('#log li', (l) => l.length), 0);
    assert.match(await page.textContent('#step-say'), /Avant le premier tour de boucle : Coroutine_1\(\) et Coroutine_2\(\)/);
    assert.equal((await page.textContent('#step')).trim(), '⇥ Itération suivante');
    await page.click('#step');
    await page.waitForFunction(() => /Itération 1/.test(document.querySelector('#queues').textContent));
    q = await page.textContent('#queues');
    assert.match(q, /Coroutine_1\(\)/);
    assert.match(q, /sleep\(2\) → Coroutine_1\(\), échéance 2,0\u00a0s/, 'the two sleeps are pending timers');
    assert.match(await page.textContent('#step-say'), /Coroutine_1\(\) attend un minuteur de 2\u00a0s : la boucle passe à Coroutine_2\(\)/);
    assert.equal(await page.$$eval('#log li', (l) => l.length), 2);
    await page.click('#step');
    await page.waitForFunction(() => /Itération 2/.test(document.querySelector('#queues').textContent));
    q = await page.textContent('#queues');
    assert.match(q, /Minuteurs en attente\s*aucun/, 'the timers have fired');
    assert.match(q, /rappel sleep\(2\) \[Task-1\]/, 'their callbacks are what this iteration ran');
    await stepToEnd(page);
    assert.equal(await page.$$eval('#log li', (l) => l.length), 4);
    assert.ok(await page.$('#code .line.current'), 'a code line is highlighted');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a link with t= reproduces the moment: code line, log and cursor', async () => {
    const { page, errors, context } = await openPage('?scenario=03&lang=fr&speed=1&t=1');
    assert.equal(await waitState(page, 'done'), 'done');
    assert.equal(await page.inputValue('#timeline'), '1');
    const lines = await page.$$eval('#log li', (lis) => lis.map((li) => li.classList.contains('future')));
    assert.deepEqual(lines, [false, false, true, true], 'lines printed after 1 s are shown as still to come');
    assert.equal(await page.getAttribute('#code .line.current', 'data-line'), '12', 'both tasks are parked on their sleep');
    assert.ok(await page.isHidden('#queues'), 'the ready queue and the timers are shown in Step mode only (issue 8)');
    // scrubbing to the end brings everything back, and the URL follows
    await page.$eval('#timeline', (el) => { el.value = el.max; el.dispatchEvent(new Event('input', { bubbles: true })); });
    assert.deepEqual(await page.$$eval('#log li.future', (l) => l.length), 0);
    await page.waitForFunction(() => /t=2/.test(location.search));
    assert.match(page.url(), /scenario=03&lang=fr&speed=1&t=2/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('clicking a log line marks its moment and moves the timeline there', async () => {
    const { page, errors, context } = await openPage('?scenario=03&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    await page.click('#log li:nth-child(2) button');
    assert.equal(await page.inputValue('#timeline'), '0');
    assert.ok(await page.$('#log li:nth-child(2).marked'));
    assert.deepEqual(await page.$$eval('#log li', (l) => l.map((li) => li.classList.contains('future'))), [false, false, true, true]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [lang, re] of [['fr', /Exemple « 42 » inconnu\. Valeurs acceptées : 00, 01, .*09.*L’exemple 00 est affiché à la place\./], ['en', /Unknown example “42”\. Accepted values: 00, 01, .*09.*Showing example 00 instead\./]]) {
    test(`an unknown example in the URL gets a clear message in ${lang === 'fr' ? 'French' : 'English'} and example 00 is shown`, async () => {
      const { page, errors, context } = await openPage(`?scenario=42&lang=${lang}&speed=7`);
      const notice = page.locator('#notice');
      assert.equal(await notice.getAttribute('role'), 'alert');
      assert.ok(await notice.isVisible());
      const text = await notice.textContent();
      assert.match(text, re);
      assert.match(text, lang === 'fr' ? /Vitesse « 7 » inconnue\. Valeurs acceptées : 0\.25, 0\.5, 1, 2, 4, instant/ : /Unknown speed “7”\. Accepted values: 0\.25, 0\.5, 1, 2, 4, instant/);
      assert.equal(await page.inputValue('#scenario'), '00');
      assert.equal(await page.inputValue('#speed'), '1');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('an unknown language falls back to French with a message naming fr and en', async () => {
    const { page, errors, context } = await openPage('?lang=de&scenario=03&t=abc');
    const text = await page.textContent('#notice');
    assert.match(text, /Langue « de » inconnue\. Valeurs acceptées : fr, en\./);
    assert.match(text, /Instant « abc » invalide/);
    assert.equal(await page.inputValue('#scenario'), '03');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.state), 'ready');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the FR/EN switch translates the page and the URL remembers it', async () => {
    const { page, errors, context } = await openPage('?scenario=03&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal((await page.textContent('#run')).trim(), '▶ Lancer');
    await switchLang(page, 'en');
    assert.equal((await page.textContent('#run')).trim(), '▶ Run');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('#scenario option[value="03"]'), /Two coroutines/);
    assert.equal(await page.getAttribute('#log li:nth-child(3) button', 'data-stamp'), '[2.0\u00a0s]');
    await tableRows(page);
    assert.match(await page.textContent('#gantt-table'), /Coroutine_1\(\) resumes/);
    await page.waitForFunction(() => /lang=en/.test(location.search));
    await switchLang(page, 'fr');
    assert.equal(await page.getAttribute('#log li:nth-child(3) button', 'data-stamp'), '[2,0\u00a0s]');
    assert.match(await page.textContent('#gantt-table'), /Coroutine_1\(\) reprend/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a failing example explains its bug in both languages and loads the fixed version in one click', async () => {
    const { page, errors, context } = await openPage('?scenario=04&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.ok(await page.isVisible('#bug'));
    assert.match(await page.textContent('#bug'), /IndentationError/);
    assert.match(await page.textContent('#status'), /erreur/);
    await switchLang(page, 'en');
    assert.match(await page.textContent('#bug'), /Why this example fails/);
    await page.click('#load-fixed');
    assert.equal(await page.inputValue('#scenario'), '05');
    assert.equal(await page.isVisible('#bug'), false);
    await page.click('#run');
    await waitState(page, 'done');
    assert.match(await page.textContent('#bug'), /RuntimeError/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('hovering the chart tells what a task is doing, and clicking it moves the timeline', async () => {
    const { page, errors, context } = await openPage('?scenario=03&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    await page.locator('#gantt').scrollIntoViewIfNeeded();
    const box = await page.locator('#gantt').boundingBox();
    // lane 1 (Task-1) is the second row under the 26 px axis, rows are 30 px high
    await page.mouse.move(box.x + box.width * 0.6, box.y + 26 + 30 + 15);
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.match(await page.textContent('#tooltip'), /^Coroutine_1\(\) — Task-1 : en attente — attend sleep\(2\) — de 0,0\s?s à 2,0\s?s$/);
    await page.mouse.click(box.x + box.width * 0.6, box.y + 26 + 30 + 15);
    const t = Number(await page.inputValue('#timeline'));
    assert.ok(t > 0.5 && t < 2, `clicking the chart travels in time (${t})`);
    await page.mouse.move(box.x + 5, box.y - 20);
    assert.equal(await page.isVisible('#tooltip'), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Export downloads a Chrome trace that Perfetto can open', async () => {
    const { page, errors, context } = await openPage('?scenario=07&speed=instant');
    assert.equal(await page.isEnabled('#export'), false, 'nothing to export before a run');
    await page.click('#run');
    await waitState(page, 'done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.equal(download.suggestedFilename(), 'boucle-07.json');
    const text = fs.readFileSync(await download.path(), 'utf8');
    const json = JSON.parse(text);
    const events = Array.isArray(json) ? json : json.traceEvents;
    assert.ok(Array.isArray(events) && events.length > 10);
    assert.ok(events.every((e) => typeof e.ph === 'string' && 'pid' in e));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a Rust panic is shown as an error and the next run works on a fresh engine', async () => {
    const { page, context } = await openPage('?scenario=03&speed=instant');
    const hasDebugPanic = await page.evaluate(async () => typeof (await import('./pkg/boucle.js')).debug_panic === 'function');
    assert.ok(hasDebugPanic, 'the engine exports debug_panic (crate/src/web/bindings.rs), the only way to test this path');
    await page.evaluate(async () => { try { (await import('./pkg/boucle.js')).debug_panic(); } catch (e) { /* the trap */ } });
    await waitState(page, 'error');
    const notice = await page.textContent('#notice');
    assert.match(notice, /erreur interne/);
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await page.$$eval('#log li', (l) => l.length), 4);
    assert.ok(!(await page.isVisible('#notice')), 'the error goes away once a run succeeds');
    await context.close();
  });

  test('the first example is ready after navigation, its code shown', async () => {
    // How quickly is `make bench`'s figure (bench/run.mjs: navigation to ready).
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.url}/index.html`);
    await waitState(page, 'ready');
    assert.ok(await page.$$eval('#code .line', (l) => l.length) > 10);
    assert.equal(await page.inputValue('#scenario'), '00');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
