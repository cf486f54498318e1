// www/pylib.js: which library modules (www/pylib/NAME.py) a program imports, and
// how they reach the engine before a run (fetched once, transitively).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULES, imports, loadModules, parts } from '../../www/pylib.js';
import { AVAILABLE } from '../../www/hints.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the module list is the pylib folder and the engine\'s list', () => {
  const files = fs.readdirSync(path.join(REPO, 'www/pylib')).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3));
  assert.deepEqual([...MODULES].sort(), files.sort());
  const rust = engineFile('stdlib.rs'); // wherever it is under crate/src
  const listed = rust.slice(rust.indexOf('pylib!(')).split(');')[0].match(/"(\w+)"/g).map((s) => s.slice(1, -1));
  assert.deepEqual([...listed].sort(), files.sort());
  // the hint for a missing module lists them all, with the engine's own
  assert.deepEqual(AVAILABLE, [...MODULES.filter((m) => !m.startsWith('_')), 'asyncio', 'math', 'random', 'sys', 'time'].sort());
});

test('imports finds import and from-import lines of library modules only, once each', () => {
  const src = [
    'import asyncio',
    'import json, collections as c',
    'from dataclasses import dataclass, field',
    'from itertools import *',
    'def f():',
    '    import functools',
    '    x = yield from g()',
    'import os.path',
    'import json',
    'from typing import List  # annotations',
  ].join('\n');
  assert.deepEqual(imports(src), ['json', 'collections', 'dataclasses', 'itertools', 'functools', 'typing']);
  assert.deepEqual(imports('import asyncio\nimport time\nprint("hello")'), []);
  // math's functions written in Python come with `import math`
  assert.deepEqual(imports('from math import isqrt\nimport math'), ['_math']);
  // and sys's version_info with its named fields
  assert.deepEqual(imports('import sys\nfrom sys import exit'), ['_sys']);
});

test('loadModules hands over each module and what it imports, fetching each file once', async () => {
  const added = [];
  const engine = { add_module: (n, t) => added.push([n, t]) };
  const fetched = [];
  const files = { typing: 'from collections import namedtuple\n', collections: 'x = 1\n', json: '' };
  const fetchText = async (n) => { fetched.push(n); return files[n] ?? null; };
  const done = await loadModules(engine, 'from typing import List\nimport json\nimport string', fetchText);
  assert.deepEqual(done, ['typing', 'json', 'collections']);
  assert.deepEqual(added.map(([n]) => n), ['typing', 'json', 'collections']);
  assert.equal(added[0][1], files.typing);
  // a second run hands them over again (a reloaded engine has lost them) without fetching
  await loadModules(engine, 'import json', fetchText);
  assert.deepEqual(fetched.filter((n) => n === 'json'), ['json']);
  assert.deepEqual(added.at(-1)[0], 'json');
});

// The engine's own Python files the wasm leaves out (pkg/py/, written by build.rs).
function engineFile(name) {
  const find = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? find(p) : e.name === name ? [p] : [];
  });
  const [file] = find(path.join(REPO, 'crate/src'));
  return fs.readFileSync(file, 'utf8');
}
const publicNames = (src) => [...src.matchAll(/^(?:class|def) ([A-Za-z]\w*)/gm)].map((m) => m[1]);

test('a program naming anything asyncio\'s second part or ExceptionGroup defines gets that file', () => {
  const sync = publicNames(engineFile('prelude_sync.py'));
  assert.ok(sync.includes('Queue') && sync.includes('TaskGroup'), sync.join(' '));
  for (const n of [...sync, 'as_completed']) {
    assert.ok(parts(`import asyncio\nx = asyncio.${n}`).includes('prelude_sync'), n);
  }
  const groups = publicNames(engineFile('exceptiongroup.py'));
  assert.ok(groups.includes('ExceptionGroup'), groups.join(' '));
  for (const n of groups) assert.ok(parts(`raise ${n}('x', [ValueError()])`).includes('exceptiongroup'), n);
  assert.deepEqual(parts('try:\n    pass\nexcept* ValueError:\n    pass\n'), ['exceptiongroup']);
  // a TaskGroup raises an ExceptionGroup
  assert.deepEqual(parts('async with asyncio.TaskGroup() as tg:\n    pass'), ['prelude_sync', 'exceptiongroup']);
  // the course's style and plain programs need neither
  assert.deepEqual(parts('loop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nloop.close()'), []);
  assert.deepEqual(parts('await asyncio.wait_for(f(), 1)\nlock_free = True\nEvents = []'), []);
});

test('main.js loads pylib.js for every program pylib.js would find something in', () => {
  const main = fs.readFileSync(path.join(REPO, 'www/main.js'), 'utf8');
  const src = main.match(/const MAY_NEED = \/(.*)\/m;/)[1];
  const mayNeed = new RegExp(src, 'm');
  const sync = publicNames(engineFile('prelude_sync.py'));
  const groups = publicNames(engineFile('exceptiongroup.py'));
  for (const n of [...sync, 'as_completed', ...groups]) assert.ok(mayNeed.test(`x = asyncio.${n}`), n);
  assert.ok(mayNeed.test('except* ValueError:'));
  assert.ok(mayNeed.test('import json'));
  assert.ok(!mayNeed.test('import asyncio\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())'));
});

test('loadModules hands over the engine files the program or its modules need, fetched once', async () => {
  const added = [];
  const engine = { add_module: (n, t) => added.push([n, t]) };
  const fetched = [];
  const files = { 'pylib/contextlib': 'q = asyncio.Queue()\n', 'pkg/py/prelude_sync': 'class Queue: pass\n' };
  const fetchText = async (n, dir = 'pylib') => { fetched.push(`${dir}/${n}`); return files[`${dir}/${n}`] ?? null; };
  const done = await loadModules(engine, 'import contextlib', fetchText);
  assert.deepEqual(done, ['contextlib', 'prelude_sync']);
  assert.deepEqual(added, [['contextlib', files['pylib/contextlib']], ['prelude_sync', files['pkg/py/prelude_sync']]]);
  await loadModules(engine, 'asyncio.Lock()', fetchText);
  assert.deepEqual(fetched, ['pylib/contextlib', 'pkg/py/prelude_sync']);
  assert.deepEqual(added.at(-1)[0], 'prelude_sync');
});
