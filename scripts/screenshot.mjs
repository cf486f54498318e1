#!/usr/bin/env node
// node scripts/screenshot.mjs [OUT.png] [--scenario 03] [--lang en]   (make screenshot)
//
// The README's picture: the page, served with the production CSP, with one scenario
// run to the end at the "instant" speed, in headless Debian Chromium. Default output
// docs/screenshot.png. Fails (exit 1) if the page does not reach data-state="done".

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { createServer } from './serve.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(name);
  if (i < 0) return def;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const scenario = opt('--scenario', '03');
const lang = opt('--lang', 'en');
const out = path.resolve(argv[0] || path.join(REPO, 'docs', 'screenshot.png'));

const srv = await createServer({ root: path.join(REPO, 'www'), port: 0 });
const browser = await launchChromium();
let code = 0;
try {
  // the classroom laptop: the whole page is one screen
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${srv.url}index.html?scenario=${scenario}&lang=${lang}&speed=instant`);
  const state = () => page.evaluate(() => document.documentElement.dataset.state);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state), null, {
    timeout: 20000,
  });
  if ((await state()) === 'ready') {
    await page.click('#run');
    await page.waitForFunction(() => ['done', 'error'].includes(document.documentElement.dataset.state), null, {
      timeout: 20000,
    });
  }
  if ((await state()) !== 'done') {
    throw new Error(`page ended in data-state="${await state()}"${errors.length ? ': ' + errors.join('; ') : ''}`);
  }
  await page.waitForTimeout(200); // let the last frame of the Gantt chart paint
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${path.relative(process.cwd(), out)} (scenario ${scenario}, ${lang})`);
} catch (e) {
  console.error(`screenshot: ${e.message}`);
  code = 1;
} finally {
  await browser.close();
  await srv.close();
}
process.exit(code);
