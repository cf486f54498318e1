// The Gantt chart really paints: after a run, the pixels of each lane's row carry the
// colours of that lane's states (a blank or wrongly drawn canvas fails; `data-lanes`
// alone would not tell).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, missing, collectErrors, waitState } from './browser.mjs';

const skip = missing();
let server, browser;

// The chart's geometry (www/gantt.js, main.js): a 26 px time axis, then one 26 px row
// per lane, the loop first; lane labels in the first 190 px. At 1280 px wide the chart
// is the right column of the one-screen layout, about 600 px wide.
const AXIS_H = 26;
const LANE_H = 26;
const LABEL_W = 190;

/**
 * In the page: for lane `lane` of #gantt, how many pixels (right of the labels) are
 * within a few units of each CSS colour --g-STATE named in `states`.
 */
function countColours(page, lane, states) {
  return page.evaluate(({ lane, states, AXIS_H, LANE_H, LABEL_W }) => {
    const c = document.getElementById('gantt');
    const dpr = c.width / c.clientWidth;
    const css = getComputedStyle(c);
    const rgb = (v) => {
      const probe = document.createElement('canvas').getContext('2d');
      probe.fillStyle = v; probe.fillRect(0, 0, 1, 1);
      return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const want = states.map((s) => [s, rgb(css.getPropertyValue(`--g-${s}`).trim())]);
    const y0 = Math.round((AXIS_H + lane * LANE_H) * dpr);
    const x0 = Math.round(LABEL_W * dpr);
    const { data } = c.getContext('2d').getImageData(x0, y0, c.width - x0, Math.round(LANE_H * dpr));
    const counts = Object.fromEntries(states.map((s) => [s, 0]));
    for (let i = 0; i < data.length; i += 4) {
      for (const [s, [r, g, b]] of want) {
        if (Math.abs(data[i] - r) <= 6 && Math.abs(data[i + 1] - g) <= 6 && Math.abs(data[i + 2] - b) <= 6) counts[s]++;
      }
    }
    return counts;
  }, { lane, states, AXIS_H, LANE_H, LABEL_W });
}

async function runInstant(id) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/index.html?scenario=${id}&speed=instant`);
  await waitState(page, 'ready');
  await page.click('#run');
  await waitState(page, 'done');
  // the chart draws on the next animation frame
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { context, page, errors };
}

describe('the Gantt canvas', { skip: skip || false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('two sleeping coroutines paint their lanes in the waiting colour, with a running tick at each end', async () => {
    const { context, page, errors } = await runInstant('03');
    assert.equal(await page.getAttribute('#gantt', 'data-lanes'), '3');
    for (const lane of [1, 2]) {
      const px = await countColours(page, lane, ['waiting', 'running', 'blocked']);
      // waiting: 2 s of a ~2.06 s axis over ~380 px, a 0.6-high hatched bar
      assert.ok(px.waiting > 1500, `lane ${lane}: ${px.waiting} waiting pixels`);
      assert.ok(px.running >= 20, `lane ${lane}: ${px.running} running pixels (the steps at 0 s and 2 s)`);
      assert.equal(px.blocked, 0, `lane ${lane}: nothing blocks in 03`);
    }
    const loop = await countColours(page, 0, ['idle', 'blocked']);
    assert.ok(loop.idle > 1000, `the loop lane is idle while both sleep: ${loop.idle} pixels`);
    assert.equal(loop.blocked, 0);
    // The probe itself: on a cleared canvas it finds nothing (a blank chart fails).
    await page.evaluate(() => { const c = document.getElementById('gantt'); c.getContext('2d').clearRect(0, 0, c.width, c.height); });
    const blank = await countColours(page, 1, ['waiting', 'running']);
    assert.deepEqual(blank, { waiting: 0, running: 0 });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('time.sleep paints the loop lane in the blocked colour for three quarters of the run', async () => {
    const { context, page, errors } = await runInstant('00');
    const loop = await countColours(page, 0, ['blocked', 'idle']);
    const tasks = await countColours(page, 2, ['blocked', 'waiting']);
    // 3 s of blocking out of 4: far more blocked pixels on the loop than idle ones
    assert.ok(loop.blocked > 1000, `${loop.blocked} blocked pixels on the loop lane`);
    assert.ok(loop.blocked > 2 * loop.idle, `blocked ${loop.blocked} vs idle ${loop.idle}`);
    assert.equal(tasks.blocked, 0, 'a task lane is never drawn blocked');
    assert.ok(tasks.waiting > 200, `Task-2 waits on its sleep(1): ${tasks.waiting} pixels`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
