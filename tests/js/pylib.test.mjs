// www/pylib.js: which library modules (www/pylib/NAME.py) a program imports, and
// how they reach the engine before a run (fetched once, transitively).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULES, imports, loadModules } from '../../www/pylib.js';
import { AVAILABLE } from '../../www/hints.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the module list is the pylib folder and the engine\'s list', () => {
  const files = fs.readdirSync(path.join(REPO, 'www/pylib')).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3));
  assert.deepEqual([...MODULES].sort(), files.sort());
  const rust = fs.readFileSync(path.join(REPO, 'crate/src/python/lib/stdlib.rs'), 'utf8');
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
