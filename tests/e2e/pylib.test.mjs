// The standard library modules written in Python (www/pylib/): a program typed in the
// page that imports them runs with CPython's output, live and in Step mode; the page
// fetches only the modules the program imports; an import of a module that does not
// exist gets CPython's error and a hint listing the available ones.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, missing, collectErrors, waitState, stepToEnd, switchLang } from './browser.mjs';

const skip = missing();
let server, browser;

async function open(query) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  const fetched = [];
  page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/pylib')) fetched.push(p); });
  await page.goto(`${server.url}/index.html${query}`);
  await waitState(page, 'ready', 'done', 'error');
  return { page, errors, fetched, context: ctx };
}

const logTexts = (page) => page.$$eval('#log li', (lis) => lis.map((li) => li.textContent.replace(/^\[[^\]]*\]\s*/, '')));

const PROGRAM = `import asyncio
import json
from collections import Counter
from dataclasses import dataclass

@dataclass
class Commande:
    client: str
    total: float

async def main():
    await asyncio.sleep(1)
    c = Counter("abracadabra")
    print("top:", c.most_common(2))
    print(json.dumps({"cmd": Commande("Ana", 12.5).total}, sort_keys=True))

asyncio.run(main())
`;

describe('library modules in the page', { skip: skip || false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a program importing json, collections and dataclasses runs live, fetching only those modules', async () => {
    const { page, errors, fetched, context } = await open('?scenario=libre&speed=4');
    assert.deepEqual(fetched, [], 'nothing of pylib on the first visit');
    await page.fill('#editor', PROGRAM);
    await page.click('#run');
    await waitState(page, 'done');
    assert.deepEqual(await logTexts(page), ["top: [('a', 5), ('b', 2)]", '{"cmd": 12.5}']);
    assert.deepEqual([...fetched].sort(), ['/pylib.js', '/pylib/collections.py', '/pylib/dataclasses.py', '/pylib/json.py']);
    // a second run fetches nothing more
    const before = fetched.length;
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(fetched.length, before);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Step mode runs it too', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=instant');
    await page.fill('#editor', PROGRAM);
    await stepToEnd(page);
    assert.deepEqual(await logTexts(page), ["top: [('a', 5), ('b', 2)]", '{"cmd": 12.5}']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an import of a missing module gets CPython\'s error and the list of available modules, in both languages', async () => {
    const { page, errors, context } = await open('?scenario=libre&speed=instant');
    await page.fill('#editor', 'import asyncio\nimport numpy as np\n\nprint(np.zeros(3))\n');
    await page.click('#run');
    await waitState(page, 'done');
    assert.match(await page.textContent('#diag-msg'), /ModuleNotFoundError: No module named 'numpy'/);
    assert.match(await page.textContent('#diag-hint'), /numpy.*asyncio, collections, contextlib, dataclasses/);
    assert.equal(await page.getAttribute('#code .line.error', 'data-line'), '2');
    await switchLang(page, 'en');
    assert.match(await page.textContent('#diag-hint'), /There is no module numpy in Boucle.*json, math/);
    await page.screenshot({ path: 'target/screenshots/pylib-missing-module-1366.png' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a program using re, enum and datetime fetches those three, runs as CPython, and a typo gets "Did you mean"', async () => {
    const { page, errors, fetched, context } = await open('?scenario=libre&speed=instant');
    await page.fill('#editor', `import asyncio, re
from enum import Enum
from datetime import date, timedelta

class Etat(Enum):
    OUVERT = 1
    FERME = 2

async def main():
    print("lots", re.findall(r"\\d+", "lot 12, lot 7"), list(Etat), Etat(2))
    print(date(2024, 9, 2) + timedelta(days=30))
    await asyncio.slep(1)

asyncio.run(main())
`);
    await page.click('#run');
    await waitState(page, 'done');
    const log = await logTexts(page);
    assert.deepEqual(log.slice(0, 2), ["lots ['12', '7'] [<Etat.OUVERT: 1>, <Etat.FERME: 2>] Etat.FERME", '2024-10-02']);
    assert.match(await page.textContent('#diag-msg'), /AttributeError: module 'asyncio' has no attribute 'slep'\. Did you mean: 'sleep'\?/);
    // datetime's math.modf is in _math.py
    assert.deepEqual([...fetched].sort(), ['/pylib.js', '/pylib/_math.py', '/pylib/datetime.py', '/pylib/enum.py', '/pylib/re.py']);
    await page.screenshot({ path: 'target/screenshots/pylib-did-you-mean-1366.png' });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
