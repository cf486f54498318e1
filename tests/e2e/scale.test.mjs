// Scale and limits in the page (issue 11): an endless program runs live with a
// bounded window of events (flat memory) until Stop; a program past the page's
// instruction limit is explained, with a button to run it again without it.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import path from 'node:path';
import { launch, missing, collectErrors, waitState, SHOTS } from './browser.mjs';

const skip = missing();
let server, browser;

async function open(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/index.html${query}`);
  await waitState(page, 'ready', 'done', 'error');
  return { page, errors, context };
}

const ENDLESS = `import asyncio

async def serveur():
    i = 0
    while True:
        await asyncio.sleep(0)
        i += 1
        if i % 1000 == 0:
            print("requêtes", i)

asyncio.run(serveur())
`;

const seen = (page) => page.evaluate(() => Number(document.documentElement.dataset.eventsSeen || 0));
const kept = (page) => page.evaluate(() => Number(document.documentElement.dataset.eventsKept || 0));

describe('scale and limits in the page', { skip: skip || false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an endless program runs live with a bounded window of events, and Stop ends it', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=4');
    await page.fill('#editor', ENDLESS);
    await page.click('#run');
    await waitState(page, 'running');
    // Far more events than the page keeps: it goes on, keeping the latest ones.
    await page.waitForFunction(() => Number(document.documentElement.dataset.eventsSeen || 0) > 900000,
      null, { timeout: 180000, polling: 500 });
    assert.equal(await page.getAttribute('html', 'data-state'), 'running');
    const keptNow = await kept(page);
    assert.ok(keptNow <= 800000 && keptNow > 1000, `events kept: ${keptNow}`);
    assert.match(await page.textContent('#notice'), /derniers événements/);
    const before = await seen(page);
    await page.waitForFunction((n) => Number(document.documentElement.dataset.eventsSeen) > n + 20000,
      before, { timeout: 90000, polling: 500 });
    assert.ok(await kept(page) <= 800000, 'still bounded');
    await page.click('#stop');
    await waitState(page, 'done');
    assert.match(await page.textContent('#status'), /arrêté|Arrêté/i);
    assert.ok(await page.$$eval('#log li', (l) => l.length) > 0, 'the latest output is shown');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('past the page\'s instruction limit the program stops, the page says why and offers to run it without the limit', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=instant');
    await page.fill('#editor', 'print("début")\nn = 0\nwhile True:\n    n += 1\n');
    await page.click('#run');
    await page.waitForSelector('#notice .notice-action', { timeout: 240000 });
    assert.match(await page.textContent('#notice'), /200 millions d’instructions/);
    assert.match(await page.textContent('#log'), /début/);
    assert.equal(await page.textContent('#notice .notice-action'), 'Relancer sans limite');
    await page.click('#notice .notice-action');
    await waitState(page, 'running');
    assert.equal(await page.$('#notice .notice-action'), null, 'the notice went with the new run');
    await page.click('#stop', { timeout: 120000 });
    await page.waitForFunction(() => document.documentElement.dataset.state === 'done', null, { timeout: 120000 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a program of 50,000 tasks runs in the page and the chart shows tasks per state over time', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=instant');
    await page.fill('#editor', `import asyncio

async def dort(i):
    await asyncio.sleep(0.001 * i)

async def main():
    await asyncio.gather(*(dort(i) for i in range(50_000)))
    print("fini")

asyncio.run(main())
`);
    await page.click('#run');
    const t0 = Date.now();
    await page.waitForFunction(() => ['done', 'error'].includes(document.documentElement.dataset.state),
      null, { timeout: 300000, polling: 1000 });
    console.log(`# 50,000 tasks in the page: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    assert.equal(await page.getAttribute('html', 'data-state'), 'done');
    assert.match(await page.textContent('#log'), /fini/);
    assert.ok(Number(await page.getAttribute('#gantt', 'data-lanes')) > 50000);
    await page.waitForSelector('#gantt[data-view="density"]');
    await page.screenshot({ path: path.join(SHOTS, 'density-50k.png') });
    // The drill-down: hovering says how many tasks wait and are done at that time.
    const box = await page.$eval('#gantt', (c) => { const r = c.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width }; });
    await page.mouse.move(box.x + box.w / 2, box.y + 120);
    await page.waitForSelector('#tooltip:not([hidden])'); // the first hover loads gantt-ui.js
    assert.match(await page.textContent('#tooltip'), /\d+ (en attente|terminée)/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
