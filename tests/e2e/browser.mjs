// Shared helpers for the page tests: Debian's chromium driven by playwright-core
// (never `playwright install`), console-error collection, the built engine check.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { REPO, WWW } from './server.mjs';

export const SHOTS = path.join(REPO, 'target', 'screenshots');

export const launch = launchChromium;

/**
 * Skipping the page tests is allowed only when asked for (BOUCLE_ALLOW_SKIP=1, on a
 * machine without a browser) and never under CI: by default a missing browser or
 * engine build is a failure, so that a run without them cannot look green.
 */
export const ALLOW_SKIP = process.env.BOUCLE_ALLOW_SKIP === '1' && !process.env.CI;

/**
 * What is missing for the page tests: null when all is there; the reason (a skip)
 * when skipping was allowed; otherwise it throws, saying what to install.
 */
export function missing() {
  const why = [];
  if (!fs.existsSync(path.join(WWW, 'pkg', 'boucle.js'))) why.push('www/pkg/ is not built: run `make build` (wasm-pack comes with `make setup`)');
  if (!fs.existsSync(CHROMIUM)) why.push(`no Chromium at ${CHROMIUM}: run \`make setup\` (Debian's chromium and chromium-driver)`);
  if (!why.length) return null;
  if (ALLOW_SKIP) return why.join('; ');
  throw new Error(`the page tests cannot run: ${why.join('; ')}. ` +
    '(BOUCLE_ALLOW_SKIP=1 turns this into a skip on a machine without a browser; never under CI)');
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
