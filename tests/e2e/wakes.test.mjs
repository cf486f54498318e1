// Who woke a task, as the page shows it: the engine's wake reasons (gather, Queue…)
// and their `by` become the chart's arrows and the event table's « réveillée par … »
// rows. A program whose tasks wake only on timers draws no arrow: the arrows counted
// here come from those wake-ups, and would vanish if the engine stopped sending them.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { startServer } from './server.mjs';
import { launch, missing, collectErrors, waitState, SHOTS } from './browser.mjs';

const skip = missing();
let server, browser;

const GATHER = `import asyncio

async def cuire(plat, minutes):
    print("début", plat)
    await asyncio.sleep(minutes)
    print("fin", plat)
    return plat

async def main():
    plats = await asyncio.gather(cuire("pâtes", 2), cuire("sauce", 1))
    print(plats)

asyncio.run(main())
`;

const QUEUE = `import asyncio

async def producteur(q):
    for i in range(3):
        await asyncio.sleep(1)
        print("produit", i)
        await q.put(i)

async def consommateur(q):
    for _ in range(3):
        x = await q.get()
        print("consommé", x)

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producteur(q), consommateur(q))

asyncio.run(main())
`;

// The chart's labels take the first 190 px (www/gantt.js): arrows are right of them.
const LABEL_W = 190;

/** Pixels of #gantt right of the labels in the arrows' colour (www/gantt.js `arrow`). */
function arrowPixels(page) {
  return page.evaluate((LABEL_W) => {
    const c = document.getElementById('gantt');
    const dpr = c.width / c.clientWidth;
    const x0 = Math.round(LABEL_W * dpr);
    const { data } = c.getContext('2d').getImageData(x0, 0, c.width - x0, c.height);
    const [r, g, b] = [0x37, 0x47, 0x4f];
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) <= 12 && Math.abs(data[i + 1] - g) <= 12 && Math.abs(data[i + 2] - b) <= 12) n++;
    }
    return n;
  }, LABEL_W);
}

async function run(query, source) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/index.html${query}`);
  await waitState(page, 'ready');
  if (source) await page.fill('#editor', source);
  await page.click('#run');
  await waitState(page, 'done');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { context, page, errors };
}

async function tableText(page) {
  await page.evaluate(() => { document.getElementById('gantt-table').closest('details').open = true; });
  await page.waitForFunction(() => document.querySelectorAll('#gantt-table tbody tr').length > 0);
  return page.$$eval('#gantt-table tbody tr', (rows) => rows.map((r) => r.textContent));
}

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

describe('wake-ups in the page', { skip: skip || false }, () => {
  before(async () => { server = await startServer(); browser = await launch(); });
  after(async () => { await browser?.close(); await server?.close(); });

  test('a program whose tasks only wake on timers draws no arrow (example 03)', async () => {
    const { context, page, errors } = await run('?scenario=03&speed=instant');
    assert.equal(await arrowPixels(page), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('gather: the chart draws an arrow from the last cooked dish to main, and the table says « réveillée par … (gather) »', async () => {
    const { context, page, errors } = await run('?scenario=libre&speed=instant', GATHER);
    assert.ok(await arrowPixels(page) > 20, 'an arrow is drawn');
    const rows = await tableText(page);
    assert.ok(rows.some((r) => r.includes('main() est réveillée par cuire(\'pâtes\', 2) (gather)')), rows.join('\n'));
    await page.evaluate(() => [...document.querySelectorAll('#gantt-table tbody tr')].find((r) => r.textContent.includes('(gather)')).scrollIntoView({ block: 'center' }));
    await shot(page, 'wakes-gather-table-1366x768.png');
    await page.evaluate(() => { document.getElementById('gantt-table').closest('details').open = false; });
    await shot(page, 'wakes-gather-1366x768.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a queue: each put draws an arrow from the producer to the consumer, named in English too', async () => {
    const { context, page, errors } = await run('?scenario=libre&speed=instant&lang=en', QUEUE);
    assert.ok(await arrowPixels(page) > 40, 'three put arrows and gather\'s are drawn');
    const rows = await tableText(page);
    assert.equal(rows.filter((r) => r.includes('consommateur(…) is woken by producteur(…) (Queue)')).length, 3, rows.join('\n'));
    await page.evaluate(() => { document.getElementById('gantt-table').closest('details').open = false; });
    await shot(page, 'wakes-queue-1366x768.png');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
