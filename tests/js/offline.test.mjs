// scripts/offline.mjs turns ES modules into factories of a tiny registry: checked here
// by running transformed modules with a registry like the one the single file holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transformModule } from '../../scripts/offline.mjs';

function registry(sources) {
  const mods = Object.fromEntries(Object.entries(sources).map(([f, src]) => [f, transformModule(f, src)]));
  const cache = {};
  const load = (key) => {
    const p = key.split('?')[0];
    if (cache[key]) return cache[key];
    const exp = {};
    cache[key] = exp;
    const dir = p.split('/').slice(0, -1);
    const res = (spec) => { const parts = [...dir]; for (const s of spec.split('/')) { if (s === '..') parts.pop(); else if (s !== '.') parts.push(s); } return parts.join('/'); };
    // eslint-disable-next-line no-new-func -- test only: the page itself never evaluates code
    new Function('__req', '__exp', '__import', '__meta', mods[p].code)((s) => load(res(s)), exp, async (s) => load(res(s)), { url: `file:///x/${p}` });
    return exp;
  };
  return { load, mods };
}

test('imports, exports, default exports, dynamic imports and import.meta become registry calls', async () => {
  const { load, mods } = registry({
    'a.js': "export const A = 1;\nexport function f() { return A + 1; }\nlet n = 0;\nexport function bump() { n++; }\nexport { n as count };\nexport default { name: 'a' };\n",
    'sub/b.js': "import def, { A, f as g } from '../a.js';\nimport * as all from '../a.js';\nexport const B = A + g() + def.name.length;\nexport async function later() { return (await import('../a.js')).A; }\nexport const here = import.meta.url;\nexport { all };\n",
  });
  assert.deepEqual(mods['sub/b.js'].deps, ['a.js', 'a.js']);
  const b = load('sub/b.js');
  assert.equal(b.B, 1 + 2 + 1);
  assert.equal(await b.later(), 1);
  assert.equal(b.here, 'file:///x/sub/b.js');
  const a = load('a.js');
  assert.equal(a.count, 0);
  a.bump();
  assert.equal(a.count, 1, 'exports are live (getters)');
  assert.equal(b.all, a, 'a module is one instance');
});

test('re-exports read through to the module that defines them', () => {
  const { load } = registry({
    'a.js': 'export const A = 1;\nexport function f() { return 2; }\n',
    'b.js': "export { A, f as g } from './a.js';\nexport * from './c.js';\n",
    'c.js': 'export const C = 3;\n',
  });
  const b = load('b.js');
  assert.deepEqual([b.A, b.g(), b.C], [1, 2, 3]);
});

test('Python code inside template literals is not taken for imports', () => {
  const m = transformModule('t.js', 'export const T = `import asyncio\nfrom x import y\n`;\n');
  assert.deepEqual(m.deps, []);
  assert.match(m.code, /import asyncio/);
});

test('what the bundler cannot do is refused at build time', () => {
  assert.throws(() => transformModule('x.js', "import fs from 'node:fs';\n"), /only relative imports/);
});
