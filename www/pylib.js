// The standard library modules written in Python (www/pylib/NAME.py) are not in the
// wasm: the first visit would pay for them. Imports are synchronous in the engine, so
// before a run the page asks it which of them the program imports (a token scan),
// fetches those, hands them over, and does the same for what they import in turn.
// Loaded on first use (a program that imports one of them).

/** Fetches `pylib/NAME.py` next to this file: its text, or null when it is not there. */
export async function fetchModule(name) {
  const r = await fetch(new URL(`pylib/${name}.py`, import.meta.url));
  return r.ok ? r.text() : null;
}

/**
 * Hands `engine` (the wasm module: needed_modules / add_module) every library module
 * `source` needs, transitively. `fetchText(name)` gives a module's text or null.
 * Returns the names handed over, in order.
 */
export async function loadModules(engine, source, fetchText = fetchModule) {
  const done = [];
  const tried = new Set();
  let need = JSON.parse(engine.needed_modules(source));
  while (need.length) {
    const names = [...new Set(need)].filter((n) => !tried.has(n));
    for (const n of names) tried.add(n);
    const texts = await Promise.all(names.map((n) => fetchText(n)));
    need = [];
    names.forEach((n, i) => {
      if (texts[i] == null) return; // the import will say ModuleNotFoundError
      engine.add_module(n, texts[i]);
      done.push(n);
      need.push(...JSON.parse(engine.needed_modules(texts[i])));
    });
  }
  return done;
}
