// The single offline file (make dist's dist/boucle.html, built here by the same
// scripts/offline.mjs from www/ without the bench page), copied alone into an empty
// folder and opened from file://: it runs course example 03 with the course's output
// and an exercise, without a single request to any other file.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, WWW } from './server.mjs';
import { launch, missing, collectErrors, waitState, SHOTS } from './browser.mjs';
import { build } from '../../scripts/offline.mjs';

const skip = missing();
let browser, dir, file;

describe('the single offline file', { skip: skip || false }, () => {
  before(async () => {
    const built = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-build-'));
    const r = build({ root: WWW, out: path.join(built, 'boucle.html'), exclude: ['bench.html', 'bench.js', 'bench.mjs'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-offline-'));
    file = path.join(dir, 'boucle.html');
    fs.copyFileSync(r.out, file);
    fs.rmSync(built, { recursive: true, force: true });
    assert.deepEqual(fs.readdirSync(dir), ['boucle.html'], 'alone in its folder');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(query) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href + query;
    await page.goto(url);
    await waitState(page, 'ready', 'done');
    return { context, page, errors, requests, url };
  }

  test('is one HTML file with no script, style or file reference outside itself, and no eval', () => {
    const html = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<script[^>]+src=/);
    assert.doesNotMatch(html, /<link[^>]+rel="(stylesheet|preload|modulepreload)"/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(html, /\beval\(|new Function\(/);
  });

  test('opened from file:// it runs example 03 with the course\'s output, requesting nothing else', async () => {
    const { context, page, errors, requests, url } = await open('?scenario=03&speed=instant');
    await page.click('#run');
    await waitState(page, 'done');
    const want = fs.readFileSync(path.join(REPO, 'crate', 'course', '03_two_coroutines_ensure_future.out'), 'utf8').trimEnd().split('\n');
    const shown = await page.$$eval('#log li', (l) => l.map((x) => x.textContent));
    assert.equal(shown.length, want.length);
    shown.forEach((t, i) => assert.ok(t.endsWith(want[i]), `${t} / ${want[i]}`));
    assert.equal(await page.getAttribute('#gantt', 'data-lanes'), '3');
    assert.deepEqual(requests, [url], 'the page itself, nothing else');
    assert.deepEqual(errors, [], 'no error, no CSP violation');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'offline-03.png') });
    await context.close();
  });

  test('opened from file:// an exercise, English texts and Step mode work from the inlined data', async () => {
    const { context, page, errors, requests, url } = await open('?exercise=faster&lang=en&speed=instant');
    assert.equal(await page.textContent('#exercise-title'), 'Make example 00 faster');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await page.getAttribute('#verdict', 'data-verdict'), 'fail');
    await page.fill('#editor', fs.readFileSync(path.join(REPO, 'tests', 'exercises', 'faster.py'), 'utf8'));
    await page.click('#run');
    await waitState(page, 'done');
    await page.waitForSelector('#verdict[data-verdict="pass"]');
    await page.click('#step');
    await page.waitForFunction(() => /Step|iteration/i.test(document.getElementById('status').textContent));
    assert.deepEqual(requests, [url]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
