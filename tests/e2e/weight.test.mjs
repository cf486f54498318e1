// Page weight (issue 8: everything a first visit loads stays under 300 KB gzipped):
// a first visit requests the files of the first screen and nothing else; what only
// some programs need comes when one of them runs. The figure itself is `make bench`'s
// (bench/run.mjs); here, which files, so that a module meant to be lazy which starts
// being loaded on the first visit fails a test.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, missing, collectErrors, waitState } from './browser.mjs';

const skip = missing();
let server, browser;

// The first screen: the page, its stylesheet, the engine (boot.js, the wasm and its
// glue) and the modules main.js imports statically.
const FIRST_VISIT = ['/boot.js', '/code.js', '/favicon.svg', '/gantt.js', '/i18n.js', '/libre.js', '/log.js', '/main.js',
  '/pkg/boucle.js', '/pkg/boucle_bg.wasm', '/style.css', '/trace.js', '/url.js'];

async function visit(query, file = 'index.html', ...states) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/${file}${query}`);
  await waitState(page, ...states);
  // what the page loads right after (a late import, an idle prefetch) counts too
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return { page, errors, context, requested };
}

const unique = (xs) => [...new Set(xs)].sort();

describe('what a first visit loads', { skip: skip || false }, () => {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a plain first visit loads the first screen\'s files only, each once', async () => {
    const { errors, context, requested } = await visit('', 'index.html', 'ready');
    assert.deepEqual(unique(requested.filter((p) => p !== '/index.html')), FIRST_VISIT);
    const twice = requested.filter((p, i) => requested.indexOf(p) !== i && p !== '/favicon.svg');
    assert.deepEqual(twice, [], 'no file is fetched twice (boot.js and main.js share the engine)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a t= link of a course example runs it with the same files', async () => {
    const { page, errors, context, requested } = await visit('?scenario=03&speed=instant&t=2', 'index.html', 'done');
    assert.ok((await page.$$('#log li')).length > 0, 'the output is shown');
    assert.deepEqual(unique(requested.filter((p) => p !== '/index.html')), FIRST_VISIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the embed loads the same files and its own stylesheet', async () => {
    const { errors, context, requested } = await visit('?scenario=03', 'embed.html', 'ready');
    assert.deepEqual(unique(requested.filter((p) => p !== '/embed.html')), unique([...FIRST_VISIT, '/embed.css']));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('asyncio.Queue, TaskGroup and ExceptionGroup work, their engine files fetched on the run that names them', async () => {
    const { page, errors, context, requested } = await visit('?scenario=libre&speed=instant', 'index.html', 'ready');
    await page.fill('#editor', [
      'import asyncio',
      '',
      'async def boom(n):',
      '    await asyncio.sleep(n)',
      '    raise ValueError(n)',
      '',
      'async def main():',
      '    q = asyncio.Queue()',
      '    await q.put("ping")',
      '    print(await q.get())',
      '    try:',
      '        async with asyncio.TaskGroup() as tg:',
      '            tg.create_task(boom(1))',
      '    except* ValueError as eg:',
      '        print(type(eg).__name__, [str(e) for e in eg.exceptions])',
      '',
      'asyncio.run(main())',
    ].join('\n'));
    assert.deepEqual(requested.filter((p) => p.startsWith('/pkg/py/')), [], 'not before the run');
    await page.click('#run');
    await waitState(page, 'done');
    const lines = await page.$$eval('#log li', (lis) => lis.map((li) => li.textContent.replace(/^\[[^\]]*\]\s*/, '')));
    // CPython 3.11 prints the same two lines
    assert.deepEqual(lines, ['ping', "ExceptionGroup ['1']"]);
    assert.deepEqual(unique(requested.filter((p) => p.startsWith('/pkg/py/'))), ['/pkg/py/exceptiongroup.py', '/pkg/py/prelude_sync.py']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
