// Issue 8, "the picture tells the truth at a glance": one screen at the classroom
// laptop's size, in the embed and on a phone; a live chart whose stamps are the
// virtual clock's; Step mode that teaches; lanes a student can tell apart; hints that
// are right; the small things. Screenshots are kept in target/screenshots/picture-*.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, startParentServer } from './server.mjs';
import { launch, missing, collectErrors, waitState, switchLang, SHOTS } from './browser.mjs';

const skip = missing();
let server, browser;

const LAPTOP = { width: 1366, height: 768 };
const EMBED = { width: 800, height: 600 };
const PHONE = { width: 390, height: 844 };
const COURSE = ['00', '01', '02', '03', '04', '05', '05b', '06', '07', '08', '09'];

async function open(query = '', viewport = LAPTOP, file = 'index.html') {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}/${file}${query}`);
  await waitState(page, 'ready', 'done', 'error');
  return { page, errors, context };
}

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `picture-${name}.png`) });
}

/** The boxes a student must see at once, and whether the page scrolls. */
function boxes(page) {
  return page.evaluate(() => {
    const r = (sel) => { const b = document.querySelector(sel).getBoundingClientRect(); return { top: b.top, bottom: b.bottom, height: b.height }; };
    return {
      code: r('.code-scroll'), log: r('#logbox'), gantt: r('#gantt'), controls: r('#run'),
      scroll: document.documentElement.scrollHeight, view: window.innerHeight,
      codeLines: Math.floor(document.querySelector('.code-scroll').clientHeight / document.querySelector('#code .line').getBoundingClientRect().height),
    };
  });
}

function assertOneScreen(b, what) {
  assert.ok(b.scroll <= b.view + 1, `${what}: the page does not scroll (${b.scroll} > ${b.view})`);
  for (const k of ['code', 'log', 'gantt', 'controls']) {
    assert.ok(b[k].top >= 0 && b[k].bottom <= b.view + 1 && b[k].height > 20, `${what}: ${k} is on screen (${JSON.stringify(b[k])})`);
  }
}

const stamps = (page) => page.$$eval('#log li', (lis) => lis.map((li) => ({ text: li.textContent, at: Number(li.dataset.at) })));

describe('the picture tells the truth at a glance (issue 8)', { skip: skip || false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('at 1366×768, code, output and timeline are all on screen before, during and after a run', async () => {
    const { page, errors, context } = await open('?scenario=07');
    assertOneScreen(await boxes(page), 'before');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2);
    assertOneScreen(await boxes(page), 'during');
    await shot(page, 'laptop-during');
    await waitState(page, 'done');
    const after = await boxes(page);
    assertOneScreen(after, 'after');
    assert.ok(after.log.height >= 100, `the output shows several lines (${after.log.height} px)`);
    assert.ok(after.codeLines >= 18, `the code shows ${after.codeLines} lines`);
    await shot(page, 'laptop-after');
    // Step mode: the ready queue and the timers do not push the chart away
    await page.click('#step');
    await page.waitForFunction(() => !document.getElementById('stepbox').hidden);
    await page.click('#step');
    await page.waitForFunction(() => /Itération 1/.test(document.getElementById('queues').textContent));
    assertOneScreen(await boxes(page), 'step mode');
    await shot(page, 'laptop-step');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the embed fits 800×600 and a 500-px frame, with no height jump during a run', async () => {
    const { page, errors, context } = await open('?scenario=05', EMBED, 'embed.html');
    const b = await boxes(page);
    assertOneScreen(b, 'embed 800×600');
    assert.ok(b.codeLines >= 14, `the embed's code shows ${b.codeLines} lines (05's key line, 14, included)`);
    await page.click('#run');
    await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2);
    assertOneScreen(await boxes(page), 'embed during');
    await waitState(page, 'done');
    assertOneScreen(await boxes(page), 'embed after');
    await shot(page, 'embed-800x600');
    await context.close();

    // the README's snippet: an 800×500 iframe whose parent follows the posted height
    const parent = await startParentServer(`${server.url}/embed.html?scenario=03&speed=4`);
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const host = await ctx.newPage();
    await host.goto(parent.url);
    const frame = await (await host.waitForSelector('#frame')).contentFrame();
    await frame.waitForFunction(() => document.documentElement.dataset.state === 'ready');
    const before = await host.evaluate(() => window.__messages.filter((m) => m.data && m.data.type === 'boucle:height').length);
    await frame.click('#run');
    await frame.waitForFunction(() => document.documentElement.dataset.state === 'done', null, { timeout: 20000 });
    await host.waitForTimeout(300);
    const heights = await host.evaluate(() => window.__messages.filter((m) => m.data && m.data.type === 'boucle:height').map((m) => m.data.height));
    assert.ok(heights.length >= 1, 'the frame told its height');
    assert.deepEqual(heights.slice(before), [], `no height change during the run (${heights.join(', ')})`);
    assert.ok(heights.every((h) => h <= 500), `the frame stays 500 px high (${heights.join(', ')})`);
    const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: window.innerHeight, gantt: document.getElementById('gantt').getBoundingClientRect().bottom }));
    assert.ok(inner.scroll <= inner.view + 1 && inner.gantt <= inner.view + 1, `everything fits the 500-px frame (${JSON.stringify(inner)})`);
    await host.screenshot({ path: path.join(SHOTS, 'picture-embed-iframe-500.png') });
    assert.deepEqual(errors, []);
    await ctx.close();
    await parent.close();
  });

  test('on a phone (390×844) the chart is within the first two screens and the page never scrolls sideways', async () => {
    const { page, errors, context } = await open('?scenario=03&speed=instant', PHONE);
    const width = () => page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
    let w = await width();
    assert.ok(w.doc <= w.view, `before a run the page is ${w.doc} px wide in a ${w.view} px screen`);
    await page.click('#run');
    await waitState(page, 'done');
    w = await width();
    assert.ok(w.doc <= w.view, `after a run the page is ${w.doc} px wide in a ${w.view} px screen`);
    const top = await page.evaluate(() => document.getElementById('gantt').getBoundingClientRect().top + window.scrollY);
    assert.ok(top < 2 * 844, `the chart starts at y = ${top}`);
    await shot(page, 'phone');
    await page.evaluate((y) => window.scrollTo(0, y - 200), top);
    await shot(page, 'phone-chart');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('live at ×1, every printed line of every course example has the virtual clock\'s stamp (within 20 ms)', async () => {
    const { page, errors, context } = await open('?scenario=03&speed=instant');
    const virtual = {};
    for (const id of COURSE) {
      await page.selectOption('#scenario', id);
      await page.click('#run');
      await waitState(page, 'done');
      virtual[id] = await stamps(page);
    }
    await page.selectOption('#speed', '1');
    const worst = [];
    for (const id of COURSE) {
      await page.selectOption('#scenario', id);
      await page.click('#run');
      await waitState(page, 'done');
      const live = await stamps(page);
      assert.deepEqual(live.map((l) => l.text), virtual[id].map((l) => l.text), `${id}: the same lines live`);
      live.forEach((l, i) => {
        const d = Math.abs(l.at - virtual[id][i].at);
        worst.push(d);
        assert.ok(d <= 0.02, `${id}: « ${l.text} » stamped ${l.at} s live, ${virtual[id][i].at} s on the virtual clock`);
      });
    }
    assert.ok(worst.length > 40);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the live chart draws the loop idle while it waits for a timer, as the finished run does', async () => {
    const { page, errors, context } = await open('?scenario=03&speed=1');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelectorAll('#log li').length === 2);
    await page.waitForTimeout(600);
    // hover the loop lane in the middle of the wait
    const box = await page.$eval('#gantt', (c) => { const r = c.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width }; });
    await page.mouse.move(box.x + box.w - 60, box.y + 26 + 13);
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.match(await page.textContent('#tooltip'), /au repos, attend un minuteur/, 'live, during the wait');
    const live = await page.evaluate(() => document.documentElement.dataset.state);
    assert.equal(live, 'running');
    await waitState(page, 'done');
    await page.mouse.move(box.x + box.w / 2, box.y + 26 + 13);
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.match(await page.textContent('#tooltip'), /au repos, attend un minuteur/, 'after the run, the same moment');
    assert.doesNotMatch(await page.textContent('#gantt-live'), /prête/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Step mode: step 0, a sentence per step, back and forth (buttons and keys), every task\'s line in its colour', async () => {
    for (const [viewport, name] of [[LAPTOP, 'laptop'], [EMBED, 'embed'], [PHONE, 'phone']]) {
      const { page, errors, context } = await open('?scenario=03', viewport, name === 'embed' ? 'embed.html' : 'index.html');
      await page.click('#step');
      await page.waitForFunction(() => /Avant le premier tour/.test(document.getElementById('step-say').textContent));
      assert.equal(await page.isVisible('#step-prev'), true);
      assert.equal(await page.isEnabled('#step-prev'), false, 'nothing before step 0');
      await page.click('#step');
      await page.waitForFunction(() => /Tour 1 : Coroutine_1\(\) attend un minuteur de 2\u00a0s : la boucle passe à Coroutine_2\(\)/.test(document.getElementById('step-say').textContent));
      const marks = await page.$$eval('#code .task-mark', (ms) => ms.map((m) => ({ line: m.closest('.line').dataset.line, color: getComputedStyle(m).backgroundColor, title: m.title })));
      assert.deepEqual(marks.map((m) => m.line).sort(), ['12', '7'], 'both tasks wait at their await line');
      assert.notEqual(marks[0].color, marks[1].color, 'each in its own lane colour');
      await shot(page, `step-${name}`);
      await page.click('#step-prev');
      await page.waitForFunction(() => /Avant le premier tour/.test(document.getElementById('step-say').textContent));
      assert.equal(await page.$$eval('#log li', (l) => l.length), 0, 'back at step 0, nothing printed');
      await page.focus('#run');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => /Tour 1/.test(document.getElementById('step-say').textContent));
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => /Avant le premier tour/.test(document.getElementById('step-say').textContent));
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  test('Step mode explains CPython\'s callbacks in words, in the page\'s language', async () => {
    const { page, errors, context } = await open('?scenario=06&lang=en');
    const seen = [];
    for (let i = 0; i < 8 && (await page.evaluate(() => document.documentElement.dataset.state)) !== 'done'; i++) {
      const before = await page.textContent('#status');
      await page.click('#step');
      await page.waitForFunction((b) => document.getElementById('status').textContent !== b, before);
      seen.push(await page.textContent('#step-say'));
    }
    const all = seen.join('\n');
    assert.match(all, /Coroutine_1\(\) is over: run_until_complete stops the loop/);
    assert.match(all, /the sleep\(2\) timer of Coroutine_1\(\) expires: Coroutine_1\(\) is ready again/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('lanes: a task\'s name= is its lane, otherwise its call; asyncio.run\'s shutdown tasks are folded; long labels have a tooltip', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=instant');
    await page.fill('#editor', 'import asyncio\n\nasync def cuire(plat, minutes=1):\n    await asyncio.sleep(minutes)\n    print(plat, "prêt")\n\nasync def main():\n    t = asyncio.create_task(cuire("pâtes"), name="pâtes")\n    u = asyncio.create_task(cuire("riz", 2))\n    v = asyncio.create_task(cuire("une très longue recette de grand-mère", 0.5))\n    print(t.get_name(), u.get_name())\n    await asyncio.gather(t, u, v)\n\nasyncio.run(main())\n');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await page.getAttribute('#gantt', 'data-lanes'), '6', 'loop, main, three cuire, the folded end of asyncio.run');
    await page.evaluate(() => { document.getElementById('gantt-table').closest('details').open = true; });
    await page.waitForFunction(() => document.querySelectorAll('#gantt-table tbody tr').length > 0);
    const table = await page.textContent('#gantt-table');
    assert.match(table, /pâtes rend la main et attend sleep\(1\)/, 'the name given');
    assert.match(table, /cuire\('riz', 2\) rend la main/, 'the call, with its arguments');
    assert.match(table, /cuire\('une très longue …', 0\.5\)/, 'shortened');
    const box = await page.$eval('#gantt', (c) => { const r = c.getBoundingClientRect(); return { x: r.x, y: r.y }; });
    await page.mouse.move(box.x + 40, box.y + 26 + 4 * 26 + 13); // lanes are 26 px high
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.match(await page.textContent('#tooltip'), /^cuire\('une très longue …', 0\.5\) — Task-4$/, 'the whole label, and CPython\'s name');
    await page.mouse.move(box.x + 40, box.y + 26 + 5 * 26 + 13);
    await page.waitForFunction(() => /fin d’asyncio\.run/.test(document.getElementById('tooltip').textContent));
    await shot(page, 'lanes');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the line shown while travelling in time is the innermost running line', async () => {
    const { page, errors, context } = await open('?scenario=06&speed=instant&t=1');
    await waitState(page, 'done');
    assert.equal(await page.getAttribute('#code .line.current', 'data-line'), '13', 'inside Coroutine_2, not the outer await of line 7');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('hints that are right: top-level main(), top-level await, a loop frozen by a while without await', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=instant');
    const run = async (src) => {
      await page.fill('#editor', src);
      await page.click('#run');
      // a frozen program runs until the interpreter's instruction limit: seconds
      await page.waitForFunction(() => document.documentElement.dataset.state === 'done', null, { timeout: 120000 });
      return { hint: await page.textContent('#diag-hint'), msg: await page.textContent('#diag-msg'), status: await page.textContent('#status'), hinted: await page.getAttribute('#code .line.hinted, #code .line.error', 'data-line') };
    };
    let r = await run('import asyncio\n\nasync def main():\n    print("bonjour")\n\nmain()\n');
    assert.match(r.hint, /asyncio\.run\(main\(\)\)/);
    assert.doesNotMatch(r.hint, /await main/);
    r = await run('import asyncio\n\nasync def main():\n    print("bonjour")\n\nawait main()\n');
    assert.match(r.hint, /await n’est permis que dans une coroutine/);
    const frozen = 'import asyncio\n\nasync def compte():\n    n = 0\n    while True:\n        n += 1\n\nasync def main():\n    await compte()\n\nasyncio.run(main())\n';
    r = await run(frozen);
    assert.match(r.hint, /boucle while ne contient aucun await.*la boucle d’événements est gelée/);
    assert.match(r.msg, /^Ligne 5 : Le programme a été interrompu/, 'the message in French, on the while line');
    assert.doesNotMatch(r.msg + r.status, /instruction limit|code de sortie|130/);
    assert.equal(await page.getAttribute('#code .line.error', 'data-line'), '5');
    await switchLang(page, 'en');
    assert.match(await page.textContent('#diag-hint'), /This while loop has no await.*the event loop is frozen/);
    assert.match(await page.textContent('#diag-msg'), /^Line 5: The program was interrupted/);
    assert.match(await page.textContent('#status'), /interrupted/, 'the status follows the language');
    await shot(page, 'hint-frozen');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the untouched course examples get no pre-3.7-style hint', async () => {
    const { page, errors, context } = await open('?speed=instant');
    for (const id of ['01', '02', '03', '05b', '06']) {
      await page.selectOption('#scenario', id);
      await page.click('#run');
      await waitState(page, 'done');
      assert.doesNotMatch((await page.textContent('#diag-hint')) || '', /3\.7/, `${id}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the small things: Tab passes over untouched code, focus after Run, status across languages, slider keys', async () => {
    const { page, errors, context } = await open('?scenario=03&speed=instant');
    await page.focus('#reset-code, #editor');
    await page.focus('#editor');
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'editor', 'Tab moved on');
    assert.equal(await page.isVisible('#code-modified'), false, 'the course code is untouched');
    await page.focus('#run');
    await page.keyboard.press('Enter');
    await waitState(page, 'done');
    const focused = await page.evaluate(() => document.activeElement.id);
    assert.ok(['run', 'stop', 'step'].includes(focused), `the focus stays on a control (${focused})`);
    const status = await page.textContent('#status');
    await switchLang(page, 'en');
    assert.match(await page.textContent('#status'), /^Finished in 2\.0/, 'the status is said again, not « Loading… »');
    await switchLang(page, 'fr');
    assert.equal(await page.textContent('#status'), status);
    await page.focus('#timeline');
    await page.keyboard.press('Home');
    const v0 = Number(await page.inputValue('#timeline'));
    await page.keyboard.press('ArrowRight');
    assert.equal(Number(await page.inputValue('#timeline')), 2, 'one event further: the timers of 2 s fire (nothing happens in between)');
    await page.keyboard.press('ArrowLeft');
    assert.equal(Number(await page.inputValue('#timeline')), v0);
    await page.keyboard.press('Shift+ArrowRight');
    assert.ok(Math.abs(Number(await page.inputValue('#timeline')) - 0.1) < 1e-9, 'Shift: 0.1 s');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
