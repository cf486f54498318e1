// embed.html inside a cross-origin iframe of an 800×500 course page.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, startParentServer } from './server.mjs';
import { launch, missing, collectErrors, SHOTS } from './browser.mjs';

const skip = missing();
let app, parent, browser;

describe('the embeddable player', { skip: skip || false }, () => {
  before(async () => {
    app = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await parent?.close();
    await app?.close();
  });

  test('runs inside a cross-origin iframe, posts its height to the parent and shows code, log and chart', async () => {
    parent = await startParentServer(`${app.url}/embed.html?scenario=03&lang=fr&speed=instant`);
    assert.notEqual(new URL(parent.url).origin, new URL(app.url).origin);
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(parent.url);
    const frame = page.frameLocator('#frame');
    await frame.locator('html[data-state="ready"]').waitFor({ timeout: 20000 });
    await page.waitForFunction(() => window.__messages.some((m) => m.data && m.data.type === 'boucle:height'));
    const messages = await page.evaluate(() => window.__messages);
    const heights = messages.filter((m) => m.data.type === 'boucle:height');
    assert.equal(heights[0].origin, new URL(app.url).origin);
    assert.ok(heights.every((m) => Number.isFinite(m.data.height) && m.data.height > 200), JSON.stringify(heights));
    assert.ok(await frame.locator('#code .line').count() > 10, 'the code is shown');
    await frame.locator('#run').click();
    await frame.locator('html[data-state="done"]').waitFor();
    assert.equal(await frame.locator('#log li').count(), 4);
    assert.equal(await frame.locator('#gantt').getAttribute('data-lanes'), '3');
    assert.match(await frame.locator('#open-full').getAttribute('href'), /^index\.html\?scenario=03&lang=fr/);
    // the parent resized the frame to the height it was sent
    const last = (await page.evaluate(() => window.__messages)).filter((m) => m.data.type === 'boucle:height').at(-1);
    assert.equal(await page.getAttribute('#frame', 'height'), String(last.data.height));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('fits an 800×500 frame in English', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 500 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${app.url}/embed.html?scenario=07&lang=en&speed=instant`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    await page.click('#run');
    await page.waitForFunction(() => document.documentElement.dataset.state === 'done');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 800, `no horizontal scrolling (${width} px)`);
    const box = await page.locator('#gantt').boundingBox();
    assert.ok(box && box.y < 500, 'the chart starts inside the frame');
    assert.equal((await page.textContent('#run')).trim(), '▶ Run');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'embed-en.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
