// The standard library modules written in Python (www/pylib/NAME.py) are not in the
// wasm, nor are asyncio's second part and ExceptionGroup (pkg/py/, PARTS): the first
// visit would pay for them. Imports are synchronous in the engine, so
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

/** The engine's own Python files the wasm leaves out too (build.rs writes them to
 *  pkg/py/NAME.py), with what makes a program need one: asyncio's second part for its
 *  names (as_completed uses its Queue), ExceptionGroup for its names, `except*` and
 *  TaskGroup. A node test checks these lists against the Python files. */
export const PARTS = {
  prelude_sync: /\b(?:Timeout|timeout|timeout_at|TaskGroup|Queue|PriorityQueue|LifoQueue|Event|Lock|Semaphore|BoundedSemaphore|Condition|as_completed)\b/,
  exceptiongroup: /\b(?:ExceptionGroup|BaseExceptionGroup|TaskGroup)\b|\bexcept[ \t]*\*/,
};

/** The engine files of PARTS `source` needs. A mention in a string or a comment
 *  counts too: one fetch more. */
export function parts(source) {
  return Object.keys(PARTS).filter((name) => PARTS[name].test(String(source)));
}

const texts = new Map(); // name -> source, fetched once per page

/** Fetches `pylib/NAME.py` (or, `dir` = 'pkg/py', an engine file) next to this file:
 *  its text, or null when it is not there. */
export async function fetchModule(name, dir = 'pylib') {
  const r = await fetch(new URL(`${dir}/${name}.py`, import.meta.url));
  return r.ok ? r.text() : null;
}

/**
 * Hands `engine` (the wasm module's `add_module`) every library module `source`
 * needs, transitively, then the engine files of PARTS it or they need.
 * `fetchText(name, dir)` gives a file's text or null (the import will then say
 * ModuleNotFoundError). Returns the names handed over, in order.
 */
export async function loadModules(engine, source, fetchText = fetchModule) {
  const done = [];
  const scanned = [String(source)];
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
      scanned.push(texts.get(n));
      need.push(...imports(texts.get(n)));
    }
  }
  const engineFiles = Object.keys(PARTS).filter((p) => scanned.some((t) => PARTS[p].test(t)));
  const key = (p) => `pkg/py/${p}`;
  await Promise.all(engineFiles.filter((p) => !texts.has(key(p))).map(async (p) => {
    const t = await fetchText(p, 'pkg/py');
    if (t != null) texts.set(key(p), t);
  }));
  for (const p of engineFiles) {
    if (!texts.has(key(p))) continue;
    engine.add_module(p, texts.get(key(p)));
    done.push(p);
  }
  return done.filter((n) => texts.has(n) || texts.has(key(n)));
}
