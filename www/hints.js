// Pure: what went wrong in a run (from CPython's stderr and the source), a hint for the
// classic asyncio mistakes, and the rewrite of the pre-3.7 loop pattern into asyncio.run.
import { tokenizePython } from './code.js';
import { DICTS } from './i18n.js';

// The hints' French texts travel with the hints (loaded after a run that needs one),
// not with the first visit; the English ones are in i18n-en.js.
Object.assign(DICTS.fr, {
  'hint.indent': 'Indentation incorrecte : les lignes d’un même bloc sont alignées, et un bloc (après « : ») est décalé de 4 espaces.',
  'hint.stop': 'loop.stop() arrête la boucle avant la fin de gather : run_until_complete échoue. Retirez-le, run_until_complete arrête la boucle tout seul.',
  'hint.await': '{name}(…) est appelée sans await : la coroutine est créée mais jamais exécutée. Écrivez await {name}(…) ou asyncio.create_task({name}(…)).',
  'hint.blocking': 'time.sleep() dans une coroutine bloque toute la boucle : aucune autre tâche n’avance. Écrivez await asyncio.sleep(…).',
  'hint.awaitRun': '{name}() est appelée au premier niveau du programme : la coroutine est créée mais jamais exécutée. Au premier niveau, il n’y a pas de await : lancez-la avec asyncio.run({name}()).',
  'hint.awaitTop': 'await n’est permis que dans une coroutine (async def). Au premier niveau du programme, lancez la coroutine avec asyncio.run(main()).',
  'hint.awaitSync': 'await est dans une fonction ordinaire : déclarez-la async def (c’est alors une coroutine, à attendre elle aussi avec await).',
  'hint.frozen': 'Cette boucle while ne contient aucun await : la tâche ne rend jamais la main, la boucle d’événements est gelée et aucune autre tâche n’avance. Ajoutez un await (par exemple await asyncio.sleep(0)) dans la boucle, ou une condition de sortie.',
  'error.runaway': 'Le programme a été interrompu : il tournait sans fin sans jamais rendre la main.',
  'hint.module': 'Le module {name} n’existe pas dans Boucle (ni peut-être sur votre machine) : les modules disponibles sont {list}.',
  'hint.legacy': 'Le style du cours (d’avant Python 3.7) : get_event_loop(), run_until_complete() et close(). Voici la forme moderne : asyncio.run(…), qui crée la boucle, exécute la coroutine et ferme la boucle.',
});

const lines = (s) => String(s || '').replace(/\r\n?/g, '\n').split('\n');
const INDENT = /\b(IndentationError|TabError)\b|unexpected indent|unindent does not match|expected an indented block/;
const STOPPED = /RuntimeError: Event loop stopped before Future completed\./;
const NO_MODULE = /ModuleNotFoundError: No module named '([\w.]+)'/;
const NEVER = /^(.*?):(\d+): RuntimeWarning: coroutine '([\w.<>]+)' was never awaited/m;
const AWAIT_OUTSIDE = /SyntaxError: 'await' outside (async )?function/;
/** The interpreter's guard against a program that never ends (CPython would hang). */
const RUNAWAY = /instruction limit exceeded/;

/** The line of `filename` where the error is: last `File "NAME", line N` frame, or a
 *  warning's `NAME:N:`. null when stderr names no line of that file. */
export function errorLine(stderr, filename) {
  let line = null;
  for (const l of lines(stderr)) {
    const m = l.match(/^\s*File "(.*)", line (\d+)/);
    if (m && (filename == null || m[1] === filename)) line = Number(m[2]);
  }
  if (line != null) return line;
  const w = String(stderr || '').match(NEVER);
  if (w && (filename == null || w[1] === filename)) return Number(w[2]);
  return null;
}

/** CPython's message: the last line of a traceback / syntax error, or the first warning. */
export function errorMessage(stderr) {
  const ls = lines(stderr).filter((l) => l.trim());
  if (!ls.length) return null;
  const isTrace = ls.some((l) => /^Traceback \(most recent call last\):|^\s*File ".*", line \d+/.test(l));
  if (isTrace) {
    for (let i = ls.length - 1; i >= 0; i--) if (/^[A-Za-z_][\w.]*(:|$)/.test(ls[i])) return ls[i];
    return ls[ls.length - 1];
  }
  const w = ls.find((l) => /Warning: /.test(l));
  return (w || ls[ls.length - 1]).replace(/^.*?:\d+: (\w+Warning: )/, '$1');
}

/** Function bodies, innermost first: for each 1-based line, whether it runs inside an
 *  `async def` (the innermost enclosing def decides). Comments and blank lines inherit. */
function asyncLines(src) {
  const out = [];
  const stack = []; // {indent, isAsync}
  let pending = null; // a def header seen, its body starts at the next deeper line
  const toks = tokenizePython(src);
  for (const [i, l] of lines(src).entries()) {
    const code = (toks[i] || []).filter((t) => t.type !== 'comment').map((t) => t.text).join('');
    if (!code.trim()) { out[i + 1] = !!(stack.length && stack[stack.length - 1].isAsync); continue; }
    const indent = l.match(/^[ \t]*/)[0].replace(/\t/g, '    ').length;
    if (pending && indent > pending.indent) { stack.push({ indent: pending.indent, isAsync: pending.isAsync }); }
    pending = null;
    while (stack.length && indent <= stack[stack.length - 1].indent) stack.pop();
    out[i + 1] = !!(stack.length && stack[stack.length - 1].isAsync);
    const d = code.match(/^\s*(async\s+)?def\s/);
    if (d) pending = { indent, isAsync: !!d[1] };
  }
  return out;
}

/** 1-based line of the first blocking `time.sleep(` (or `sleep(` imported from time)
 *  inside an `async def` body, or null. Strings and comments are ignored. */
export function blockingSleepLine(source) {
  const src = String(source || '');
  const bare = /^\s*from\s+time\s+import\s+[^#\n]*\bsleep\b/m.test(src);
  const inAsync = asyncLines(src);
  const toks = tokenizePython(src);
  for (let i = 0; i < toks.length; i++) {
    if (!inAsync[i + 1]) continue;
    const code = toks[i].map((t) => (t.type === 'str' ? '""' : t.type === 'comment' ? '' : t.text)).join('');
    if (/(^|[^\w.])time\s*\.\s*sleep\s*\(/.test(code)) return i + 1;
    if (bare && /(^|[^\w.])sleep\s*\(/.test(code) && !/\bdef\s+sleep\b/.test(code)) return i + 1;
  }
  return null;
}

/** 1-based line of a module-level `X = asyncio.get_event_loop()` (or bare call), or null. */
export function legacyLoopLine(source) {
  const ls = lines(source);
  for (let i = 0; i < ls.length; i++) if (/^(\w+\s*=\s*)?asyncio\.get_event_loop\(\)/.test(ls[i])) return i + 1;
  return null;
}

function firstLine(source, re) {
  const ls = lines(source);
  for (let i = 0; i < ls.length; i++) if (re.test(ls[i].replace(/#.*$/, ''))) return i + 1;
  return null;
}

/** Whether 1-based `line` of `source` runs at module level (in no def at all). */
function atModuleLevel(source, line) {
  const ls = lines(source);
  const indent = (l) => l.match(/^[ \t]*/)[0].replace(/\t/g, '    ').length;
  if (!ls[line - 1] || indent(ls[line - 1]) === 0) return true;
  for (let i = line - 2; i >= 0; i--) {
    const l = ls[i].replace(/#.*$/, '');
    if (!l.trim() || indent(l) !== 0) continue;
    return !/^(async\s+)?def\s|^class\s/.test(l);
  }
  return true;
}

/**
 * 1-based line of the `while` loop that never gives control back to the event loop:
 * a `while` inside an `async def` whose body has no `await` (nor `async for/with`).
 * The first such loop, or any such `while` outside a coroutine; null when none.
 */
export function frozenLoopLine(source) {
  const ls = lines(source);
  const inAsync = asyncLines(source);
  const indent = (l) => l.match(/^[ \t]*/)[0].replace(/\t/g, '    ').length;
  let fallback = null;
  for (let i = 0; i < ls.length; i++) {
    const code = ls[i].replace(/#.*$/, '');
    if (!/^\s*while\b.*:\s*$/.test(code)) continue;
    const base = indent(code);
    let awaits = false;
    for (let j = i + 1; j < ls.length; j++) {
      const b = ls[j].replace(/#.*$/, '');
      if (!b.trim()) continue;
      if (indent(b) <= base) break;
      if (/\bawait\b|\basync\s+(for|with)\b/.test(b)) { awaits = true; break; }
    }
    if (awaits) continue;
    if (inAsync[i + 1]) return i + 1;
    if (fallback == null) fallback = i + 1;
  }
  return fallback;
}

/** The i18n key of a message the page says in its own words (the interpreter's
 *  runaway guard is not a CPython message), or null for CPython's own. */
export function messageKey(message) {
  return RUNAWAY.test(String(message || '')) ? 'error.runaway' : null;
}

/**
 * A hint for the classic mistakes: {key, line, params?} or null. `key` is an i18n key
 * (hint.indent, hint.awaitTop, hint.awaitSync, hint.frozen, hint.stop, hint.await,
 * hint.awaitRun, hint.blocking, hint.legacy, hint.module: an import of a module the
 * interpreter does not have, with the list of those it has). Errors in stderr come first, then what
 * the source shows (blocking sleep; the pre-3.7 style, only in the student's own
 * code: `edited` false for the untouched course examples, which use it on purpose).
 */
/** The modules a program can import: the engine's own and www/pylib's (a node test
 *  checks it against pylib.js; not imported from it, to keep this file light). */
export const AVAILABLE = ['asyncio', 'collections', 'contextlib', 'dataclasses', 'datetime', 'enum',
  'functools', 'itertools', 'json', 'math', 'operator', 'random', 're', 'statistics', 'string', 'sys',
  'time', 'typing'];

export function hintFor(stderr, source, { edited = true } = {}) {
  const err = String(stderr || '');
  const missing = err.match(NO_MODULE);
  if (missing) return { key: 'hint.module', line: errorLine(err, null), params: { name: missing[1], list: AVAILABLE.join(', ') } };
  if (INDENT.test(err)) return { key: 'hint.indent', line: errorLine(err, null) };
  const outside = err.match(AWAIT_OUTSIDE);
  if (outside) return { key: outside[1] ? 'hint.awaitSync' : 'hint.awaitTop', line: errorLine(err, null) };
  if (RUNAWAY.test(err)) return { key: 'hint.frozen', line: frozenLoopLine(source) ?? errorLine(err, null) };
  if (STOPPED.test(err)) return { key: 'hint.stop', line: firstLine(source, /\.stop\(\)/) ?? errorLine(err, null) };
  const never = err.match(NEVER);
  if (never) {
    const name = never[3].split('.').pop();
    let line = never[1] === 'sys' ? null : Number(never[2]);
    if (line == null) {
      const call = new RegExp(`(^|[^\\w.])${name.replace(/[^\w]/g, '')}\\(`);
      const ls = lines(source);
      for (let i = 0; i < ls.length && line == null; i++) {
        const l = ls[i].replace(/#.*$/, '');
        if (call.test(l) && !/\b(def|await)\b|create_task|ensure_future|gather|asyncio\.run|run_until_complete/.test(l)) line = i + 1;
      }
    }
    // at the top of the program there is no `await`: asyncio.run starts the loop
    const top = line != null && atModuleLevel(source, line);
    return { key: top ? 'hint.awaitRun' : 'hint.await', line, params: { name } };
  }
  const blocking = blockingSleepLine(source);
  if (blocking != null) return { key: 'hint.blocking', line: blocking };
  const failed = /^Traceback |^\s*File ".*", line \d+|Error: /m.test(err);
  const legacy = edited ? legacyLoopLine(source) : null;
  if (legacy != null && !failed) return { key: 'hint.legacy', line: legacy };
  return null;
}

/**
 * Rewrite the course's pre-3.7 pattern
 *     loop = asyncio.get_event_loop()
 *     loop.run_until_complete(X)
 *     loop.close()
 * into asyncio.run(X). When X is not a coroutine call (a module-level
 * `v = asyncio.gather(...)`, for example), the awaitable is built inside a new
 * `async def main()`, since asyncio.run needs a coroutine and the loop must be running.
 * Returns null when the loop is used otherwise (run_forever, stop, ...): no safe rewrite.
 */
export function toAsyncioRun(source) {
  const src = String(source || '');
  const nl = src.includes('\r\n') ? '\r\n' : '\n';
  let ls = src.split(/\r?\n/);
  const defIdx = ls.findIndex((l) => /^(\w+)\s*=\s*asyncio\.get_event_loop\(\)\s*(#.*)?$/.test(l));
  if (defIdx < 0) return null;
  const loop = ls[defIdx].match(/^(\w+)/)[1];
  const use = new RegExp(`\\b${loop}\\b`);
  const asyncDefs = new Set([...src.matchAll(/^\s*async\s+def\s+(\w+)/gm)].map((m) => m[1]));
  const defined = new Set([...src.matchAll(/^\s*(?:async\s+)?def\s+(\w+)/gm)].map((m) => m[1]));
  const drop = new Set([defIdx]);
  const runs = [];
  for (let i = 0; i < ls.length; i++) {
    if (i === defIdx) continue;
    const code = ls[i].replace(/#.*$/, '');
    if (!use.test(code)) continue;
    if (new RegExp(`^${loop}\\.close\\(\\)\\s*$`).test(code.trimEnd())) { drop.add(i); continue; }
    const m = code.match(new RegExp(`^(.*?)\\b${loop}\\.run_until_complete\\((.*)\\)(.*)$`));
    if (!m || /^\s/.test(ls[i]) || use.test(m[1]) || use.test(m[2]) || use.test(m[3])) return null;
    runs.push({ i, before: m[1], arg: m[2].trim(), after: m[3] });
  }
  if (!runs.length) return null;
  let mainName = 'main';
  for (let k = 2; defined.has(mainName); k++) mainName = 'main' + k;
  const inserts = new Map(); // line index -> lines to put in its place
  for (const r of runs) {
    let arg = r.arg;
    const call = arg.match(/^(\w+)\(.*\)$/);
    if (!(call && asyncDefs.has(call[1]))) {
      const name = mainName;
      mainName = mainName === 'main' ? 'main2' : mainName.replace(/\d+$/, (d) => String(Number(d) + 1));
      let body = [`    return await ${arg}`];
      const v = arg.match(/^\w+$/);
      if (v) {
        // the variable's module-level assignment moves into the coroutine
        const assigns = ls.map((l, j) => (new RegExp(`^${v[0]}\\s*=\\s*(?!=)`).test(l) ? j : -1)).filter((j) => j >= 0);
        const others = ls.filter((l, j) => j !== r.i && !assigns.includes(j) && new RegExp(`\\b${v[0]}\\b`).test(l.replace(/#.*$/, '')));
        if (assigns.length !== 1 || others.length || assigns[0] > r.i) return null;
        inserts.set(assigns[0], [`async def ${name}():`, `    ${ls[assigns[0]].trim()}`, `    return await ${v[0]}`]);
        body = null;
      }
      if (body) inserts.set(-1 - r.i, [`async def ${name}():`, ...body]); // just before the run
      arg = `${name}()`;
    }
    ls[r.i] = `${r.before}asyncio.run(${arg})${r.after}`;
  }
  // drop the loop's creation and close (with the comment lines right above them)
  const out = [];
  for (let i = 0; i < ls.length; i++) {
    if (inserts.has(-1 - i)) out.push(...inserts.get(-1 - i));
    if (drop.has(i)) {
      while (out.length && /^\s*#/.test(out[out.length - 1])) out.pop();
      continue;
    }
    if (inserts.has(i)) { out.push(...inserts.get(i)); continue; }
    out.push(ls[i]);
  }
  // no run of blank lines left behind, no blank line at the very end
  const tidy = [];
  for (const l of out) {
    if (!l.trim() && tidy.length && !tidy[tidy.length - 1].trim()) continue;
    tidy.push(l);
  }
  while (tidy.length && !tidy[tidy.length - 1].trim()) tidy.pop();
  return tidy.join(nl) + (/\n$/.test(src) ? nl : '');
}
