// Accessibility (axe-core, keyboard, reduced motion) and the screenshots for the README.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';
import { launch, missing, collectErrors, waitState, SHOTS } from './browser.mjs';

const require = createRequire(import.meta.url);
const skip = missing();
let server, browser, axeSource;

async function open(query, opts = {}, file = 'index.html') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/${file}${query}`);
  await waitState(page, 'ready', 'done');
  return { context, page, errors };
}

/** Serious and critical axe-core violations. The page's CSP forbids inline scripts,
 *  so axe is evaluated through the DevTools protocol rather than a <script> tag. */
async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('accessibility', { skip: skip || false }, () => {
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

  for (const scheme of ['light', 'dark']) {
    test(`the page after a run has no serious or critical axe-core violations (${scheme})`, async () => {
      const { context, page, errors } = await open('?scenario=04&speed=instant', { colorScheme: scheme });
      await page.click('#run');
      await waitState(page, 'done');
      await page.click('#gantt-table + *, details.table-box > summary');
      await page.click('#log li:nth-child(1) button');
      assert.deepEqual(await axe(page), []);
      await page.selectOption('#scenario', '07');
      await page.click('#run');
      await waitState(page, 'done');
      await page.click('#step');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('the embed page has no serious or critical axe-core violations', async () => {
    const { context, page, errors } = await open('?scenario=03&speed=instant&lang=en', { viewport: { width: 800, height: 500 } }, 'embed.html');
    await page.click('#run');
    await waitState(page, 'done');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the bad-URL notice has no serious or critical axe-core violations', async () => {
    const { context, page } = await open('?scenario=99&lang=en');
    assert.ok(await page.isVisible('#notice'));
    assert.deepEqual(await axe(page), []);
    await context.close();
  });

  test('every control has a label', async () => {
    const { context, page } = await open('?scenario=03');
    const unlabeled = await page.evaluate(() => [...document.querySelectorAll('button, select, input, canvas[tabindex]')]
      .filter((el) => !el.hidden && el.offsetParent !== null)
      .filter((el) => {
        const name = (el.getAttribute('aria-label') || (el.labels && [...el.labels].map((l) => l.textContent).join('')) || el.textContent || el.title || '').trim();
        return !name;
      }).map((el) => el.id || el.outerHTML.slice(0, 60)));
    assert.deepEqual(unlabeled, []);
    await context.close();
  });

  test('the chart is keyboard-navigable and announces each period', async () => {
    const { context, page, errors } = await open('?scenario=03&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    await page.focus('#gantt');
    const live = () => page.textContent('#gantt-live');
    // the first focus loads the chart's keyboard (gantt-ui.js), then announces
    await page.waitForFunction(() => document.getElementById('gantt-live').textContent !== '');
    assert.match(await live(), /Boucle \/ programme principal/);
    await page.keyboard.press('ArrowDown');
    assert.match(await live(), /^Coroutine_1\(\) — Task-1 : .*\(Tâche 2 sur 3\)$/);
    await page.keyboard.press('Home');
    assert.match(await live(), /Coroutine_1\(\) — Task-1 : prête \(dans la file\)/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const waiting = await live();
    assert.match(waiting, /en attente — attend sleep\(2\) — de 0,0\s?s à 2,0\s?s/);
    await page.keyboard.press('Enter');
    assert.equal(await page.inputValue('#timeline'), '0', 'Enter moves the timeline to the period');
    await page.keyboard.press('ArrowDown');
    assert.match(await live(), /Coroutine_2\(\) — Task-2/);
    assert.equal(await page.getAttribute('#gantt-live', 'aria-live'), 'polite');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('with reduced motion the time cursor jumps from event to event instead of gliding', async () => {
    // 03 at ×0.25: two lines at t = 0, then 2 s of loop time (8 s real) of waiting, a
    // window wide enough to sample in even on a loaded machine.
    const glide = async (reducedMotion) => {
      const { context, page } = await open('?scenario=03&speed=0.25', { reducedMotion });
      await page.click('#run');
      await page.waitForFunction(() => document.querySelectorAll('#log li').length === 2);
      await page.waitForTimeout(100);
      const a = Number(await page.getAttribute('#timeline', 'max'));
      await page.waitForTimeout(600);
      const b = Number(await page.getAttribute('#timeline', 'max'));
      const lines = await page.$$eval('#log li', (l) => l.length);
      await context.close();
      return { moved: b - a, lines };
    };
    const normal = await glide('no-preference');
    const reduced = await glide('reduce');
    assert.equal(normal.lines, 2, 'sampled during the wait');
    assert.equal(reduced.lines, 2, 'sampled during the wait');
    assert.ok(normal.moved > 0, `the cursor follows the clock (${normal.moved})`);
    assert.equal(reduced.moved, 0, 'the cursor waits for the next event');
  });

  test('screenshots of the page (fr, en, dark, step) and the embed for the README', async () => {
    const shots = [
      ['index-fr.png', '?scenario=00&lang=fr&speed=instant', {}, 'run'],
      ['index-en.png', '?scenario=07&lang=en&speed=instant', {}, 'run'],
      ['index-dark.png', '?scenario=05&lang=fr&speed=instant', { colorScheme: 'dark' }, 'run'],
      ['index-step.png', '?scenario=09&lang=fr', {}, 'step'],
      ['index-time-travel.png', '?scenario=08&lang=fr&speed=1&t=1.3', {}, null],
      ['embed-fr.png', '?scenario=03&lang=fr&speed=instant', { viewport: { width: 800, height: 500 } }, 'run', 'embed.html'],
      ['mobile-fr.png', '?scenario=03&lang=fr&speed=instant', { viewport: { width: 390, height: 844 } }, 'run'],
    ];
    for (const [name, query, opts, action, file] of shots) {
      const { context, page, errors } = await open(query, opts, file);
      if (action === 'run') { await page.click('#run'); await waitState(page, 'done'); }
      if (action === 'step') { for (let i = 0; i < 3; i++) await page.click('#step'); }
      await waitState(page, 'ready', 'done', 'running');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: path.join(SHOTS, name), fullPage: !file });
      assert.ok(fs.statSync(path.join(SHOTS, name)).size > 10000, name);
      assert.deepEqual(errors, [], name);
      await context.close();
    }
  });
});
