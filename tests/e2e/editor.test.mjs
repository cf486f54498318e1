// The code editor: editing, keyboard, reset, sharing (code=), localStorage, error
// marks and hints, and edited programs run by the interpreter.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';
import { launch, missing, collectErrors, waitState, stepToEnd, switchLang, course } from './browser.mjs';

const require = createRequire(import.meta.url);
const skip = missing();
let server, browser;
const SRC03 = fs.readFileSync(course('03_two_coroutines_ensure_future.py'), 'utf8');
const SRC01 = fs.readFileSync(course('01_run_until_complete.py'), 'utf8');

async function open(query, opts = {}, context = null) {
  const ctx = context || await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/index.html${query}`);
  await waitState(page, 'ready', 'done', 'error');
  return { page, errors, context: ctx };
}

const logTexts = (page) => page.$$eval('#log li', (lis) => lis.map((li) => li.textContent.replace(/^\[[^\]]*\]\s*/, '')));
const editor = (page) => page.inputValue('#editor');
const waitCodeInUrl = (page) => page.waitForFunction(() => /[?&]code=[\w-]{8,}/.test(location.search), null, { timeout: 5000 });

describe('the code editor', { skip: skip || false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the course code is in an editor with numbered, highlighted lines', async () => {
    const { page, errors, context } = await open('?scenario=03');
    assert.equal(await editor(page), SRC03);
    assert.equal(await page.$$eval('#code .line', (l) => l.length), SRC03.trimEnd().split('\n').length);
    assert.equal(await page.textContent('#code .line[data-line="5"] .ln'), '5');
    assert.ok(await page.$('#code .line[data-line="5"] .tok-kw'), 'keywords are highlighted');
    assert.equal(await page.isVisible('#code-modified'), false);
    assert.equal(await page.isVisible('#reset-code'), false);
    assert.match(await page.textContent('#editor-help'), /Ctrl\+Entrée.*Échap puis Tab/);
    assert.equal(await page.getAttribute('#editor', 'aria-label'), 'Code Python (modifiable)');
    // the textarea lies exactly over the highlighted text
    const geo = await page.evaluate(() => {
      const ta = document.getElementById('editor').getBoundingClientRect();
      const view = document.getElementById('code').getBoundingClientRect();
      return { dw: Math.abs(ta.width - view.width), dh: Math.abs(ta.height - view.height) };
    });
    assert.ok(geo.dw < 1 && geo.dh < 1, JSON.stringify(geo));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('typing, Tab / Shift+Tab, Enter keeping the indentation, Ctrl+Enter runs; Esc then Tab leaves', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=instant');
    await page.fill('#editor', 'import asyncio\n');
    await page.focus('#editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('async def main():');
    await page.keyboard.press('Enter');
    assert.match(await editor(page), /async def main\(\):\n {4}$/, 'Enter after ":" indents by 4');
    await page.keyboard.type('print("un")');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.match(await editor(page), /\n {8}$/, 'Tab inserts 4 spaces');
    await page.keyboard.press('Shift+Tab');
    assert.match(await editor(page), /print\("un"\)\n {4}$/, 'Shift+Tab dedents');
    await page.keyboard.type('await asyncio.sleep(1)');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('asyncio.run(main())');
    assert.equal(await editor(page), 'import asyncio\nasync def main():\n    print("un")\n    await asyncio.sleep(1)\nasyncio.run(main())');
    assert.equal(await page.$$eval('#code .line', (l) => l.length), 5, 'the highlighted view follows');
    assert.ok(await page.isVisible('#code-modified'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'editor', 'Tab did not leave the editor');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'editor', 'Esc then Tab moves the focus on');
    assert.equal(await editor(page), 'import asyncio\nasync def main():\n    print("un")\n    await asyncio.sleep(1)\nasyncio.run(main())', 'and inserts nothing');
    await page.focus('#editor');
    await page.keyboard.press('Control+Enter');
    await waitState(page, 'running', 'done');
    await waitState(page, 'done');
    assert.deepEqual(await logTexts(page), ['un']);
    assert.match(await page.textContent('#status'), /Terminé en 1,0\s?s/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a link with code= opens the edited code in a new page, and the reset button brings the course back', async () => {
    const { page, errors, context } = await open('?scenario=03&speed=instant');
    const edited = SRC03.replace('Exécution de la coroutine 1', 'Coroutine 1 modifiée');
    await page.fill('#editor', edited);
    assert.ok(await page.isVisible('#code-modified'));
    assert.equal((await page.textContent('#code-modified')).trim(), 'code modifié');
    await waitCodeInUrl(page);
    const link = page.url();
    assert.match(link, /scenario=03&lang=fr&speed=instant&code=/);
    // a fresh browser profile (no localStorage): the link alone carries the code
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p2 = await other.newPage();
    const errors2 = collectErrors(p2);
    await p2.goto(link);
    await waitState(p2, 'ready');
    assert.equal(await editor(p2), edited);
    assert.ok(await p2.isVisible('#code-modified'));
    await p2.click('#run');
    await waitState(p2, 'done');
    assert.deepEqual(await logTexts(p2), ['Coroutine 1 modifiée', 'Exécution de la coroutine 2', "Fin de l'exécution de la coroutine 1", "Fin de l'exécution de la coroutine 2"]);
    assert.deepEqual(errors2, []);
    await other.close();
    // reset
    await page.click('#reset-code');
    assert.equal(await editor(page), SRC03);
    assert.equal(await page.isVisible('#code-modified'), false);
    assert.equal(await page.isVisible('#reset-code'), false);
    await page.waitForFunction(() => !/code=/.test(location.search));
    assert.equal(await page.evaluate(() => localStorage.getItem('boucle:code:03')), null);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'editor');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the edited code survives a reload (localStorage), per example', async () => {
    const { page, errors, context } = await open('?scenario=06');
    const edited = '# mon essai\n' + fs.readFileSync(course('06_await_nested.py'), 'utf8');
    await page.fill('#editor', edited);
    await page.goto(`${server.url}/index.html?scenario=06`); // no code= in this URL
    await waitState(page, 'ready');
    assert.equal(await editor(page), edited);
    assert.ok(await page.isVisible('#code-modified'));
    await page.selectOption('#scenario', '03');
    assert.equal(await editor(page), SRC03, 'another example keeps its own code');
    assert.equal(await page.isVisible('#code-modified'), false);
    await page.selectOption('#scenario', '06');
    assert.equal(await editor(page), edited);
    // the URL follows the picker after a short debounce: reload once it names 06
    await page.waitForFunction(() => new URLSearchParams(location.search).get('scenario') === '06');
    await page.reload();
    await waitState(page, 'ready');
    assert.equal(await editor(page), edited);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [lang, re] of [['fr', /Le code contenu dans le lien \(paramètre code=\) est illisible ou abîmé : le code du cours est affiché à la place\./], ['en', /The code in the link \(code= parameter\) is unreadable or damaged: showing the course version instead\./]]) {
    test(`a corrupt code= gets a clear message (${lang}) and the course version`, async () => {
      const { page, errors, context } = await open(`?scenario=03&lang=${lang}&code=not-deflate_at-all`);
      assert.ok(await page.isVisible('#notice'));
      assert.match(await page.textContent('#notice'), re);
      assert.equal(await editor(page), SRC03);
      assert.equal(await page.isVisible('#code-modified'), false);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('an IndentationError marks its line, shows CPython\'s message and a hint, in both languages', async () => {
    const { page, errors, context } = await open('?scenario=04&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await page.getAttribute('#code .line.error', 'data-line'), '7');
    assert.equal(await page.$$eval('#code .line.error', (l) => l.length), 1);
    assert.ok(await page.isVisible('#diag'));
    assert.equal(await page.textContent('#diag-msg'), 'Ligne 7 : IndentationError: unexpected indent');
    assert.match(await page.textContent('#diag-hint'), /^Conseil : Indentation incorrecte/);
    await switchLang(page, 'en');
    assert.equal(await page.textContent('#diag-msg'), 'Line 7: IndentationError: unexpected indent');
    assert.match(await page.textContent('#diag-hint'), /^Hint: Wrong indentation/);
    // fixing the line (one space less) and running again: no error left
    const src = await editor(page);
    await page.fill('#editor', src.replace('     await asyncio.sleep(2)', '    await asyncio.sleep(2)'));
    await page.click('#run');
    await waitState(page, 'done');
    assert.match(await page.textContent('#diag-msg'), /^Line 24: RuntimeError: Event loop stopped before Future completed\.$/);
    assert.match(await page.textContent('#diag-hint'), /loop\.stop\(\)/);
    assert.equal(await page.getAttribute('#code .line.error', 'data-line'), '24');
    assert.equal(await page.getAttribute('#code .line.hinted', 'data-line'), '14', 'the hint points at loop.stop()');
    assert.equal(await page.isVisible('#bug'), false, 'the course\'s bug panel is about the course code only');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the pre-3.7 style is pointed out in the student\'s own code (not the course\'s) and rewritten into asyncio.run in one click', async () => {
    const { page, errors, context } = await open('?scenario=01&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await page.isVisible('#diag'), false, 'the untouched course example is not a mistake');
    await page.fill('#editor', (await editor(page)).replace('# ', '#  '));
    await page.click('#run');
    await waitState(page, 'done');
    assert.match(await page.textContent('#diag-hint'), /Le style du cours .* Voici la forme moderne/);
    assert.match(await page.textContent('#diag-hint'), /asyncio\.run/);
    assert.equal(await page.getAttribute('#code .line.hinted', 'data-line'), '8');
    assert.ok(await page.isVisible('#rewrite'));
    await page.click('#rewrite');
    await page.waitForFunction(() => /asyncio\.run\(/.test(document.getElementById('editor').value));
    const code = await editor(page);
    assert.match(code, /\nasyncio\.run\(Coroutine\(\)\)\n$/);
    assert.doesNotMatch(code, /get_event_loop/);
    assert.ok(await page.isVisible('#code-modified'));
    assert.equal(await page.isVisible('#diag'), false);
    await page.click('#run');
    await waitState(page, 'done');
    assert.deepEqual(await logTexts(page), ['Exécution de la coroutine']);
    assert.equal(await page.isVisible('#diag'), false, 'nothing left to say');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('no serious or critical axe-core violations with the editor edited and a diagnostic shown', async () => {
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const scheme of ['light', 'dark']) {
      const { page, errors, context } = await open('?scenario=04&speed=instant', { colorScheme: scheme });
      await page.click('#run');
      await waitState(page, 'done');
      await page.fill('#editor', (await editor(page)) + '\n# essai\n');
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      assert.deepEqual(bad, [], scheme);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  describe('edited programs', { skip: skip || false }, () => {
    test('an edited 03 runs through the interpreter and prints the new text', async () => {
      const { page, errors, context } = await open('?scenario=03&speed=instant');
      await page.fill('#editor', SRC03.replace('print("Fin de l\'exécution de la coroutine 2")', 'print("Coroutine 2 : terminé !")'));
      await page.click('#run');
      await waitState(page, 'done');
      assert.deepEqual(await logTexts(page), ['Exécution de la coroutine 1', 'Exécution de la coroutine 2', "Fin de l'exécution de la coroutine 1", 'Coroutine 2 : terminé !']);
      assert.equal(Number(await page.getAttribute('#gantt', 'data-lanes')), 3);
      assert.ok(await page.$('#code .line.current'), 'the code line follows the trace');
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('at ×4 an edited program runs live on the page\'s clock', async () => {
      const { page, errors, context } = await open('?scenario=03&speed=4');
      await page.fill('#editor', SRC03 + '\n');
      const t0 = Date.now();
      await page.click('#run');
      await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2);
      assert.match(await page.textContent('#status'), /Exécution en cours/);
      assert.equal(await page.$$eval('#log li', (l) => l.length), 2, 'the lines at 2 s are not shown yet');
      await waitState(page, 'done');
      assert.ok(Date.now() - t0 >= 350, 'about 0.5 s for 2 s of loop time');
      assert.equal(await page.$$eval('#log li', (l) => l.length), 4);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('Step works on an edited program, one loop iteration at a time', async () => {
      const { page, errors, context } = await open('?scenario=03');
      await page.fill('#editor', SRC03 + '\n');
      await page.click('#step');
      await page.waitForFunction(() => /Coroutine_1\(\)/.test(document.querySelector('#queues').textContent));
      await page.click('#step');
      await page.waitForFunction(() => /Itération 1/.test(document.querySelector('#queues').textContent));
      const q = await page.textContent('#queues');
      assert.match(q, /Coroutine_1\(\)/);
      assert.match(q, /sleep\(2\)/);
      await stepToEnd(page);
      assert.equal(await page.$$eval('#log li', (l) => l.length), 4);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('a program that never ends is stopped with a clear message', async () => {
      const { page, errors, context } = await open('?scenario=libre&speed=instant');
      await page.fill('#editor', 'import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n');
      await page.click('#run');
      await waitState(page, 'done');
      assert.match(await page.textContent('#notice'), /ne semble pas se terminer/);
      assert.equal(await page.isEnabled('#run'), true);
      assert.deepEqual(errors, []);
      await context.close();
    });

    test('time.sleep in a coroutine gets the blocking hint on the right line', async () => {
      const { page, errors, context } = await open('?scenario=libre&speed=instant&lang=en');
      await page.fill('#editor', 'import asyncio, time\n\nasync def t(name):\n    print(name)\n    time.sleep(1)\n\nasync def main():\n    await asyncio.gather(t("A"), t("B"))\n\nasyncio.run(main())\n');
      await page.click('#run');
      await waitState(page, 'done');
      assert.match(await page.textContent('#diag-hint'), /time\.sleep\(\) inside a coroutine blocks the whole loop/);
      assert.equal(await page.getAttribute('#code .line.hinted', 'data-line'), '5');
      assert.deepEqual(await logTexts(page), ['A', 'B']);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
});
