// Shared helpers for the page tests: Debian's chromium driven by playwright-core
// (never `playwright install`), console-error collection, the built engine check.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { REPO, WWW } from './server.mjs';

export const SHOTS = path.join(REPO, 'target', 'screenshots');

export const launch = launchChromium;

/** Why the page tests cannot run here, or null when they can. */
export function missing() {
  if (!fs.existsSync(path.join(WWW, 'pkg', 'boucle.js'))) return 'www/pkg/ is not built (run `make build`)';
  if (!fs.existsSync(CHROMIUM)) return `no chromium at ${CHROMIUM}`;
  return null;
}

/** Record console errors and page errors of `page` into the returned array. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Wait until <html data-state> is one of `states`. */
export async function waitState(page, ...states) {
  await page.waitForFunction((s) => s.includes(document.documentElement.dataset.state), states, { timeout: 20000 });
  return page.evaluate(() => document.documentElement.dataset.state);
}

export function course(name) {
  return path.join(REPO, 'crate', 'course', name);
}

/** Click Step until the run is over, each click once the previous step has shown
 *  (a click on a finished run would start a new one). Returns the number of steps. */
export async function stepToEnd(page, max = 50) {
  let steps = 0;
  while ((await page.evaluate(() => document.documentElement.dataset.state)) !== 'done') {
    assert.ok(steps++ < max, `not finished after ${max} steps`);
    const before = await page.textContent('#status');
    await page.click('#step');
    await page.waitForFunction((b) => document.getElementById('status').textContent !== b, before);
    if (/Terminé|Finished|Done/.test(await page.textContent('#status'))) await waitState(page, 'done');
  }
  return steps;
}

/** Click the FR/EN switch and wait for the page to be in `lang` (the English texts
 *  are a module loaded on first use). */
export async function switchLang(page, lang) {
  await page.click(`#lang [data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}
