// The page's engine (www/pkg, built by `make build`) loaded in node, to check lesson
// data against what the engine really does.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers.mjs';

let mod = null;
/** The initialised wasm module, or null when www/pkg/ is not built. */
export async function loadEngine() {
  if (mod) return mod;
  const dir = path.join(REPO, 'www', 'pkg');
  if (!fs.existsSync(path.join(dir, 'boucle.js'))) return null;
  const m = await import(path.join(dir, 'boucle.js'));
  await m.default({ module_or_path: fs.readFileSync(path.join(dir, 'boucle_bg.wasm')) });
  handOverEngineFiles(m);
  mod = m;
  return m;
}

/** Run `source` at once on the virtual clock: {events, stdout, stderr, status, duration}. */
export async function runInstant(file, source) {
  const m = await loadEngine();
  return JSON.parse(m.run_instant(file, source));
}

/** The engine's Python files the wasm leaves out (www/pkg/py/, asyncio.Queue's,
 *  ExceptionGroup's), handed over as the page does once it has fetched them. */
export function handOverEngineFiles(m) {
  const dir = path.join(REPO, 'www', 'pkg', 'py');
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.py')) m.add_module(f.slice(0, -3), fs.readFileSync(path.join(dir, f), 'utf8'));
}
