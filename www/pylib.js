// The standard library modules written in Python (www/pylib/NAME.py) are not in the
// wasm: the first visit would pay for them. Imports are synchronous in the engine, so
// before a run the page finds which of them the program imports, fetches those, hands
// them over (`add_module`), and does the same for what they import in turn. Loaded
// on first use (main.js: a program with an import line other than the built-in
// modules').

/** The modules of www/pylib/ (a node test checks the folder and the engine's list). */
export const MODULES = ['collections', 'dataclasses', 'itertools', 'functools', 'contextlib',
  'json', 'string', 'typing', 'operator', '_math', '_sys', 'enum', 'datetime', 'statistics', 're'];

const IMPORT = /\bimport[ \t]+([\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*)|\bfrom[ \t]+([\w.]+)[ \t]+import\b/g;

/** The library modules `source` imports (`import a.b as c, d`, `from a import b`), in
 *  order, once each. A mention in a string or a comment counts too: one fetch more. */
export function imports(source) {
  const found = [];
  for (const m of String(source).matchAll(IMPORT)) {
    const names = m[1] ? m[1].split(',').map((p) => p.trim().split(/[ \t]/)[0]) : [m[2]];
    for (const n of names) {
      let top = n.split('.')[0];
      if (top === 'math' || top === 'sys') top = `_${top}`; // their parts written in Python
      if (MODULES.includes(top) && !found.includes(top)) found.push(top);
    }
  }
  return found;
}

const texts = new Map(); // name -> source, fetched once per page

/** Fetches `pylib/NAME.py` next to this file: its text, or null when it is not there. */
export async function fetchModule(name) {
  const r = await fetch(new URL(`pylib/${name}.py`, import.meta.url));
  return r.ok ? r.text() : null;
}

/**
 * Hands `engine` (the wasm module's `add_module`) every library module `source`
 * needs, transitively. `fetchText(name)` gives a module's text or null (the import
 * will then say ModuleNotFoundError). Returns the names handed over, in order.
 */
export async function loadModules(engine, source, fetchText = fetchModule) {
  const done = [];
  let need = imports(source);
  while (need.length) {
    const names = need.filter((n) => !done.includes(n));
    for (const n of names) done.push(n);
    await Promise.all(names.filter((n) => !texts.has(n)).map(async (n) => {
      const t = await fetchText(n);
      if (t != null) texts.set(n, t);
    }));
    need = [];
    for (const n of names) {
      if (!texts.has(n)) continue;
      engine.add_module(n, texts.get(n));
      need.push(...imports(texts.get(n)));
    }
  }
  return done.filter((n) => texts.has(n));
}
