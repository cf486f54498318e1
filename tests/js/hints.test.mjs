import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { hintFor, errorLine, errorMessage, blockingSleepLine, legacyLoopLine, toAsyncioRun } from '../../www/hints.js';
import { DICTS, loadLang } from '../../www/i18n.js';

await loadLang('en');
import { course, REPO } from './helpers.mjs';

const ERR04 = '  File "04_gather.py", line 7\n    await asyncio.sleep(2)\nIndentationError: unexpected indent\n';
const ERR05 = 'Traceback (most recent call last):\n  File "05_gather_fixed_indent.py", line 24, in <module>\n    loop.run_until_complete(liste_coroutines)\n  File "<asyncio>", line 241, in run_until_complete\n    raise RuntimeError(\'Event loop stopped before Future completed.\')\nRuntimeError: Event loop stopped before Future completed.\n';
const NAMEERR = 'Traceback (most recent call last):\n  File "d.py", line 4, in <module>\n    asyncio.run(main())\n  File "<asyncio>", line 1063, in run\n    return loop.run_until_complete(task)\n  File "d.py", line 3, in main\n    print(nope)\nNameError: name \'nope\' is not defined\n';

test('the error line is the last frame of the user\'s file', () => {
  assert.equal(errorLine(ERR04, '04_gather.py'), 7);
  assert.equal(errorLine(ERR05, '05_gather_fixed_indent.py'), 24, 'not the <asyncio> frame');
  assert.equal(errorLine(NAMEERR, 'd.py'), 3);
  assert.equal(errorLine(NAMEERR, 'other.py'), null);
  assert.equal(errorLine('mon_code.py:7: RuntimeWarning: coroutine \'dire\' was never awaited\n  dire("a")\n', 'mon_code.py'), 7);
  assert.equal(errorLine('', 'x.py'), null);
});

test('CPython\'s message is the last line of the traceback', () => {
  assert.equal(errorMessage(ERR04), 'IndentationError: unexpected indent');
  assert.equal(errorMessage(ERR05), 'RuntimeError: Event loop stopped before Future completed.');
  assert.equal(errorMessage(NAMEERR), "NameError: name 'nope' is not defined");
  assert.equal(errorMessage('  File "e.py", line 2\n    async def main()\n                    ^\nSyntaxError: expected \':\'\n'), "SyntaxError: expected ':'");
  assert.equal(errorMessage('x.py:7: RuntimeWarning: coroutine \'f\' was never awaited\n  f()\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n'), "RuntimeWarning: coroutine 'f' was never awaited");
  assert.equal(errorMessage(''), null);
});

test('indentation errors get the indentation hint, at the erroring line', () => {
  assert.deepEqual(hintFor(ERR04, course('04_gather.py')), { key: 'hint.indent', line: 7 });
  for (const msg of ['IndentationError: unindent does not match any outer indentation level', 'IndentationError: expected an indented block after function definition on line 2', 'TabError: inconsistent use of tabs and spaces in indentation']) {
    assert.equal(hintFor(`  File "x.py", line 3\n    print(1)\n${msg}\n`, '').key, 'hint.indent', msg);
  }
});

test('loop.stop() in a gathered coroutine: the hint points at the stop', () => {
  assert.deepEqual(hintFor(ERR05, course('05_gather_fixed_indent.py')), { key: 'hint.stop', line: 14 });
});

test('a coroutine called without await', () => {
  const src = 'import asyncio\n\nasync def dire(x):\n    print(x)\n\nasync def main():\n    dire("a")\n\nasyncio.run(main())\n';
  assert.deepEqual(hintFor('mon_code.py:7: RuntimeWarning: coroutine \'dire\' was never awaited\n  dire("a")\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n', src),
    { key: 'hint.await', line: 7, params: { name: 'dire' } });
  assert.deepEqual(hintFor("sys:1: RuntimeWarning: coroutine 'dire' was never awaited\n", src), { key: 'hint.await', line: 7, params: { name: 'dire' } }, 'sys:1: the call is found in the source');
});

test('time.sleep inside a coroutine is found statically, not in a plain function', () => {
  const src = 'import asyncio, time\n\ndef sync():\n    time.sleep(1)\n\nasync def t(nom):\n    print(nom)  # time.sleep(9) in a comment\n    s = "time.sleep(2)"\n    time.sleep(1)\n\nasyncio.run(t("A"))\n';
  assert.equal(blockingSleepLine(src), 9);
  assert.deepEqual(hintFor('', src), { key: 'hint.blocking', line: 9 });
  assert.equal(blockingSleepLine(course('00_synchrone_vs_asynchrone.py')), null, 'course 00 blocks in a plain function on purpose');
  assert.equal(blockingSleepLine('from time import sleep\nasync def f():\n    sleep(1)\n'), 3);
  assert.equal(blockingSleepLine('async def f():\n    def inner():\n        time.sleep(1)\n    await g()\n'), null, 'a nested plain def is not the coroutine');
  assert.equal(blockingSleepLine('async def f():\n    await asyncio.sleep(1)\ntime.sleep(1)\n'), null, 'module level');
});

test('the pre-3.7 style is pointed out only when the run did not fail otherwise', () => {
  assert.equal(legacyLoopLine(course('01_run_until_complete.py')), 8);
  assert.deepEqual(hintFor('', course('01_run_until_complete.py')), { key: 'hint.legacy', line: 8 });
  assert.equal(hintFor(NAMEERR, course('01_run_until_complete.py')), null);
  assert.equal(hintFor('', course('07_websocket_wait_first_completed.py')), null);
  assert.equal(hintFor('', ''), null);
});

test('every hint has a text in both languages', () => {
  for (const k of ['hint.indent', 'hint.stop', 'hint.await', 'hint.blocking', 'hint.legacy']) for (const l of ['fr', 'en']) assert.ok(DICTS[l][k], `${l} ${k}`);
});

test('toAsyncioRun rewrites the course\'s get_event_loop pattern, and only when it is safe', () => {
  const files = fs.readdirSync(path.join(REPO, 'crate', 'course')).filter((f) => f.endsWith('.py'));
  const expect = { '01': true, '06': true };
  for (const f of files) {
    const src = course(f);
    const out = toAsyncioRun(src);
    if (!expect[f.slice(0, 2)]) { assert.equal(out, null, `${f}: no rewrite (run_forever, loop.stop or already asyncio.run)`); continue; }
    assert.ok(out, f);
    assert.doesNotMatch(out, /get_event_loop|run_until_complete|loop\.close/, f);
    assert.ok(out.endsWith('\n') && !out.endsWith('\n\n'), f);
  }
  assert.equal(toAsyncioRun(course('01_run_until_complete.py')).split('\n').filter((l) => l.trim()).at(-1), 'asyncio.run(Coroutine())');
  assert.match(toAsyncioRun(course('06_await_nested.py')), /\nprint\(asyncio\.run\(Coroutine_1\(\)\)\)\n$/);
  assert.doesNotMatch(toAsyncioRun(course('01_run_until_complete.py')), /Création de la boucle|fermer la boucle/, 'the comments of the removed lines go too');
});

test('toAsyncioRun wraps a module-level gather in a coroutine (05b, loop.stop removed)', () => {
  const src = fs.readFileSync(path.join(REPO, 'crate', 'course-extra', '05b_gather_sans_stop.py'), 'utf8');
  const out = toAsyncioRun(src);
  assert.match(out, /\nasync def main\(\):\n {4}liste_coroutines = asyncio\.gather\(Coroutine_1\(\), Coroutine_2\(\)\)\n {4}return await liste_coroutines\n/);
  assert.match(out, /\nasyncio\.run\(main\(\)\)\n$/);
  assert.doesNotMatch(out, /\bloop\b(?!\.stop\(\) retiré)/);
  // a name clash with an existing main, an inline awaitable
  const clash = 'import asyncio\nasync def main():\n    pass\nasync def f():\n    pass\nloop = asyncio.get_event_loop()\nloop.run_until_complete(asyncio.gather(f(), f()))\n';
  assert.equal(toAsyncioRun(clash), 'import asyncio\nasync def main():\n    pass\nasync def f():\n    pass\nasync def main2():\n    return await asyncio.gather(f(), f())\nasyncio.run(main2())\n');
  assert.equal(toAsyncioRun('loop = asyncio.get_event_loop()\nloop.run_forever()\n'), null);
  assert.equal(toAsyncioRun('print(1)\n'), null);
});

test('top-level main() gets asyncio.run(main()), not « await main() »', () => {
  const src = 'import asyncio\n\nasync def main():\n    print("x")\n\nmain()\n';
  assert.deepEqual(hintFor("mon_code.py:6: RuntimeWarning: coroutine 'main' was never awaited\n  main()\n", src), { key: 'hint.awaitRun', line: 6, params: { name: 'main' } });
  assert.match(DICTS.fr['hint.awaitRun'].replace(/\{name\}/g, 'main'), /asyncio\.run\(main\(\)\)/);
  assert.doesNotMatch(DICTS.en['hint.awaitRun'], /Write await/);
});

test('a top-level await, and an await in a plain def, get their own hints', () => {
  assert.deepEqual(hintFor('  File "m.py", line 6\n    await main()\n    ^^^^^^^^^^^^\nSyntaxError: \'await\' outside function\n', ''), { key: 'hint.awaitTop', line: 6 });
  assert.deepEqual(hintFor('  File "m.py", line 3\n    await f()\nSyntaxError: \'await\' outside async function\n', ''), { key: 'hint.awaitSync', line: 3 });
});

test('an endless loop without await: the hint says the loop is frozen and points at the while line', async () => {
  const { frozenLoopLine, messageKey } = await import('../../www/hints.js');
  const src = 'import asyncio\n\nasync def compte():\n    n = 0\n    while True:\n        n += 1\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n';
  assert.equal(frozenLoopLine(src), 5, 'the while with no await, not the one with');
  const err = 'Traceback (most recent call last):\n  File "m.py", line 9, in main\nRuntimeError: instruction limit exceeded (the program ran too long)\n';
  assert.deepEqual(hintFor(err, src), { key: 'hint.frozen', line: 5 });
  assert.equal(messageKey('RuntimeError: instruction limit exceeded (the program ran too long)'), 'error.runaway');
  assert.equal(messageKey("NameError: name 'x' is not defined"), null);
  for (const l of ['fr', 'en']) assert.ok(DICTS[l]['hint.frozen'] && DICTS[l]['error.runaway'], l);
  assert.match(DICTS.fr['hint.frozen'], /gelée/);
  assert.match(DICTS.en['hint.frozen'], /frozen/);
});

test('the pre-3.7 hint is for the student\'s own code: never on the untouched course examples', () => {
  for (const f of ['01_run_until_complete.py', '02_run_forever_stop.py', '03_two_coroutines_ensure_future.py', '06_await_nested.py']) {
    assert.equal(hintFor('', course(f), { edited: false }), null, f);
  }
  assert.equal(hintFor('', course('01_run_until_complete.py'), { edited: true }).key, 'hint.legacy');
  assert.match(DICTS.fr['hint.legacy'], /Le style du cours.*Voici la forme moderne/);
});
