// Debian's Chromium driven by playwright-core (never `playwright install`): the one
// place that knows its path and the flags this closed network needs (without the
// background-networking ones Chromium keeps trying to reach Google's hosts).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** A headless Chromium for tests, screenshots and benchmarks. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
