#!/usr/bin/env node
// One self-contained HTML file of the page, for file:// (a USB stick) and for learning
// platforms that take a single uploaded resource:
//
//   node scripts/offline.mjs [--root dist] [--out dist/boucle.html] [--page index.html]
//                            [--exclude bench.html,bench.js]
//
// Browsers run neither ES modules nor fetch() from file://, so this turns the page
// into ONE classic script, generically (whatever files the folder holds):
//  - every .js module under the root becomes a factory in a tiny module registry:
//    static `import … from './x.js'` become lookups in it, `export`s become getters on
//    the module's exports, `import(…)` becomes the registry's loader (a query string,
//    as main.js's engine reload after a panic, gives a fresh instance as a browser
//    would), `import.meta.url` the module's would-be URL;
//  - every other file (the wasm, exercises/*.json, lessons/…, the icon) is inlined,
//    base64 for binary ones, and fetch() of a URL under the page's folder answers from
//    those data without any request (404 for a file that does not exist);
//  - the stylesheets are inlined as <style data-file="NAME.css">, all of them (those a
//    module links on demand too: such a <link> is added without its href and gets a
//    `load` event);
//  - a Content-Security-Policy <meta> allows exactly these inline blocks (by hash),
//    WebAssembly, data: images and nothing else: no eval, no request to anything.
// Node only, no dependency. Assumptions checked at build time (the build fails
// otherwise): imports are relative, at the top of a module, and there is no import
// cycle (imported bindings are read once the imported module has run).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const SKIP_DIRS = new Set(['tests', 'test', 'node_modules']);
const MIME = {
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.png': 'image/png',
};
const TEXT = new Set(['.json', '.svg', '.md', '.txt', '.css', '.html']);

function walk(dir, SKIP, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name)) out.push(...walk(path.join(dir, e.name), SKIP, r)); }
    else if (!SKIP.has(r) && !e.name.startsWith('.')) out.push(r);
  }
  return out;
}

/** posix resolution of `spec` from module `from` (both relative to the root). */
function resolve(from, spec) {
  const clean = spec.split(/[?#]/)[0];
  const parts = path.posix.dirname(from).split('/').filter((p) => p && p !== '.');
  for (const p of clean.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** An ES module's source -> the body of a registry factory. */
export function transformModule(file, src) {
  const deps = [];
  const getters = [];
  let body = src;
  let n = 0;
  // static imports (at the top of the module; the clause holds names, braces, `as`, `*`)
  body = body.replace(/^import\s+(?:([\w$\s{},*]+?)\s+from\s+)?(['"])([^'"]+)\2\s*;?/gm, (m, clause, q, spec) => {
    if (!spec.startsWith('.')) throw new Error(`${file}: only relative imports can be bundled (${spec})`);
    const dep = resolve(file, spec);
    deps.push(dep);
    if (!clause) return `__req(${JSON.stringify(spec)});`;
    const v = `__m${n++}`;
    const out = [`const ${v} = __req(${JSON.stringify(spec)});`];
    let rest = clause.trim();
    const def = rest.match(/^([\w$]+)\s*(?:,|$)/);
    if (def) { out.push(`const ${def[1]} = ${v}.default;`); rest = rest.slice(def[0].length).trim(); }
    const star = rest.match(/^\*\s+as\s+([\w$]+)/);
    if (star) out.push(`const ${star[1]} = ${v};`);
    const named = rest.match(/^\{([^}]*)\}/);
    if (named) {
      const pairs = named[1].split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
        const [a, b] = s.split(/\s+as\s+/);
        return b ? `${a}: ${b}` : a;
      });
      out.push(`const { ${pairs.join(', ')} } = ${v};`);
    }
    return out.join(' ');
  });
  // exports
  body = body.replace(/^export\s+((?:async\s+)?function\s*\*?|class|const|let|var)\s+([\w$]+)/gm, (m, kw, name) => {
    getters.push([name, name]);
    return `${kw} ${name}`;
  });
  body = body.replace(/^export\s+default\s+((?:async\s+)?function\s*\*?|class)\s+([\w$]+)/gm, (m, kw, name) => {
    getters.push(['default', name]);
    return `${kw} ${name}`;
  });
  body = body.replace(/^export\s+default\s+/gm, () => { getters.push(['default', '__default']); return 'const __default = '; });
  body = body.replace(/^export\s*\{([^}]*)\}\s*(from\s*(['"])([^'"]+)\3)?\s*;?/gm, (m, list, from, q, spec) => {
    // export { a as b } from './x.js': the module's exports read through
    const v = from ? `__m${n++}` : null;
    if (from) deps.push(resolve(file, spec));
    for (const s of list.split(',').map((x) => x.trim()).filter(Boolean)) {
      const [a, b] = s.split(/\s+as\s+/);
      getters.push([b || a, v ? `${v}[${JSON.stringify(a)}]` : a]);
    }
    return from ? `const ${v} = __req(${JSON.stringify(spec)});` : '';
  });
  body = body.replace(/^export\s*\*\s*from\s*(['"])([^'"]+)\1\s*;?/gm, (m, q, spec) => {
    deps.push(resolve(file, spec));
    return `(function (m) { Object.keys(m).forEach(function (k) { if (k !== 'default' && !(k in __exp)) Object.defineProperty(__exp, k, { enumerable: true, get: function () { return m[k]; } }); }); })(__req(${JSON.stringify(spec)}));`;
  });
  if (/^\s*(import|export)\s/m.test(body.replace(/`[^`]*`/g, ''))) {
    const line = body.split('\n').find((l) => /^\s*(import|export)\s/.test(l));
    throw new Error(`${file}: a module statement the bundler does not understand: ${line.trim()}`);
  }
  body = body.replace(/(^|[^.\w$])import\s*\(/g, '$1__import(');
  body = body.replace(/\bimport\.meta\b/g, '__meta');
  const head = getters.map(([k, v]) => `Object.defineProperty(__exp, ${JSON.stringify(k)}, { enumerable: true, get: () => ${v} });`).join('\n');
  return { deps, code: `'use strict';\n${head}\n${body}` };
}

function checkCycles(mods) {
  const state = new Map();
  const visit = (f, trail) => {
    if (state.get(f) === 2) return;
    if (state.get(f) === 1) throw new Error(`import cycle: ${[...trail, f].join(' -> ')}`);
    state.set(f, 1);
    for (const d of mods.get(f)?.deps || []) {
      if (!mods.has(d)) throw new Error(`${f} imports ${d}, which does not exist`);
      visit(d, [...trail, f]);
    }
    state.set(f, 2);
  };
  for (const f of mods.keys()) visit(f, []);
}

// The runtime: fetch answered from the inlined files, the module registry.
const RUNTIME = String.raw`
var __boucle = (function () {
  'use strict';
  var DATA = __DATA__;
  var base = new URL('.', location.href).href;
  var realFetch = window.fetch ? window.fetch.bind(window) : null;
  function key(input) {
    var u = new URL(typeof input === 'string' ? input : (input && input.url) || String(input), location.href);
    if (u.href.indexOf(base) !== 0) return null;
    return decodeURIComponent(u.href.slice(base.length).split(/[?#]/)[0]);
  }
  function bytes(b64) {
    var bin = atob(b64), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  window.fetch = function (input, init) {
    var k = key(input);
    if (k == null) return realFetch ? realFetch(input, init) : Promise.reject(new TypeError('no fetch'));
    var d = DATA[k];
    if (!d) return Promise.resolve(new Response('not found: ' + k, { status: 404, headers: { 'Content-Type': 'text/plain' } }));
    return Promise.resolve(new Response(d.b64 != null ? bytes(d.b64) : d.text, { status: 200, headers: { 'Content-Type': d.type } }));
  };
  // A stylesheet <link> added by a module (a panel's CSS loaded on demand) is already
  // inlined: it is added without its href (no request) and told it has loaded.
  var STYLES = __STYLES__;
  function inlinedLink(node) {
    if (!node || node.nodeName !== 'LINK' || !/stylesheet/i.test(node.rel || '') || !node.getAttribute('href')) return false;
    var k = key(node.getAttribute('href'));
    if (k == null || STYLES.indexOf(k) < 0) return false;
    node.removeAttribute('href');
    setTimeout(function () { node.dispatchEvent(new Event('load')); }, 0);
    return true;
  }
  ['appendChild', 'insertBefore'].forEach(function (name) {
    var orig = Node.prototype[name];
    Node.prototype[name] = function (node) { inlinedLink(node); return orig.apply(this, arguments); };
  });
  ['append', 'prepend', 'after', 'before'].forEach(function (name) {
    [Element.prototype, Document.prototype, DocumentFragment.prototype].forEach(function (proto) {
      var orig = proto[name];
      if (!orig) return;
      proto[name] = function () { for (var i = 0; i < arguments.length; i++) inlinedLink(arguments[i]); return orig.apply(this, arguments); };
    });
  });
  var FACTORIES = {};
  var cache = {};
  function resolve(from, spec) {
    var q = spec.match(/[?#].*$/);
    var parts = from.split('/').slice(0, -1);
    spec.split(/[?#]/)[0].split('/').forEach(function (p) {
      if (p === '..') parts.pop(); else if (p && p !== '.') parts.push(p);
    });
    return { path: parts.join('/'), key: parts.join('/') + (q ? q[0] : '') };
  }
  function load(r) {
    if (cache[r.key]) return cache[r.key];
    var f = FACTORIES[r.path];
    if (!f) throw new Error('module not found: ' + r.path);
    var exp = {};
    cache[r.key] = exp;
    var req = function (spec) { return load(resolve(r.path, spec)); };
    var dyn = function (spec) { return Promise.resolve().then(function () { return load(resolve(r.path, String(spec))); }); };
    f(req, exp, dyn, { url: new URL(r.path, base).href });
    return exp;
  }
  return {
    define: function (p, f) { FACTORIES[p] = f; },
    run: function (p) { return load({ path: p, key: p }); },
    // import() in a classic script, relative to the page (the modules are defined by then)
    import: function (spec) { return Promise.resolve().then(function () { return load(resolve('', String(spec))); }); },
  };
})();
`;

/**
 * Write the single file. `root`: the site folder (dist/ or www/); `out`: the file;
 * `page`: the page to bundle; `exclude`: file names left out (e.g. the bench page).
 * Returns {out, bytes, modules, files}.
 */
export function build({ root = 'dist', out: outFile, page = 'index.html', exclude = [] } = {}) {
  const ROOT = path.resolve(root);
  const OUT = path.resolve(outFile || path.join(ROOT, 'boucle.html'));
  const SKIP = new Set(['_headers', 'README.txt', path.basename(OUT), ...exclude]);
  const html = fs.readFileSync(path.join(ROOT, page), 'utf8');
  const files = walk(ROOT, SKIP);
  const mods = new Map();
  const data = {};
  const styles = [];
  let classic = [];
  const entries = [];
  for (const m of html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"[^>]*><\/script>/g)) {
    if (/type="module"/.test(m[1])) entries.push(m[2]);
    else classic.push(m[2]);
  }
  for (const f of files) {
    const ext = path.extname(f);
    const full = path.join(ROOT, f);
    if (ext === '.js' && !classic.includes(f)) mods.set(f, transformModule(f, fs.readFileSync(full, 'utf8')));
    else if (ext === '.css') styles.push(f);
    else if (ext === '.html' || ext === '.js') continue;
    else if (TEXT.has(ext)) data[f] = { type: MIME[ext], text: fs.readFileSync(full, 'utf8') };
    else data[f] = { type: MIME[ext] || 'application/octet-stream', b64: fs.readFileSync(full).toString('base64') };
  }
  checkCycles(mods);
  // the linked stylesheet first, then the ones loaded on demand (they check data-file)
  const linked = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
  styles.sort((a, b) => (linked.includes(b) - linked.includes(a)) || a.localeCompare(b));
  const css = styles.map((f) => ({ f, text: fs.readFileSync(path.join(ROOT, f), 'utf8') }));

  const safe = (s) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  let script = RUNTIME.replace('__DATA__', () => json).replace('__STYLES__', () => JSON.stringify(styles));
  // a classic script's import() (boot.js loads the engine early) goes to the registry too
  const classicBody = (c) => fs.readFileSync(path.join(ROOT, c), 'utf8').replace(/(^|[^.\w$])import\s*\(/g, '$1__boucle.import(');
  for (const c of classic) script += `\n;(function () {\n${safe(classicBody(c))}\n})();\n`;
  for (const [f, m] of mods) script += `\n__boucle.define(${JSON.stringify(f)}, function (__req, __exp, __import, __meta) {\n${safe(m.code)}\n});\n`;
  for (const e of entries) script += `\n__boucle.run(${JSON.stringify(e)});\n`;

  const sha = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const icon = html.match(/<link rel="icon" href="([^"]+)"[^>]*>/);
  const csp = [
    "default-src 'none'",
    `script-src ${sha(script)} 'wasm-unsafe-eval'`,
    `style-src ${css.map((c) => sha(c.text)).join(' ')}`,
    'img-src data:', "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  let out = html
    .replace(/\s*<!--[\s\S]*?-->/g, '')
    .replace(/\s*<link rel="(?:preload|modulepreload)"[^>]*>/g, '')
    .replace(/\s*<script\b[^>]*\bsrc="[^"]+"[^>]*><\/script>/g, '')
    .replace(/<link rel="stylesheet" href="[^"]+">/, () => '<!--styles-->')
    .replace(/\s*<link rel="stylesheet" href="[^"]+">/g, '')
    .replace('<!--styles-->', () => css.map((c) => `<style data-file="${c.f}">${c.text}</style>`).join('\n'))
    .replace(/<meta charset="utf-8">/, () => `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  if (icon && data[icon[1]]) {
    const d = data[icon[1]];
    const uri = d.b64 != null ? `data:${d.type};base64,${d.b64}` : `data:${d.type};base64,${Buffer.from(d.text).toString('base64')}`;
    out = out.replace(icon[0], () => icon[0].replace(icon[1], () => uri));
  }
  out = out.replace('</body>', () => `<script>${script}</script>\n</body>`);
  fs.writeFileSync(OUT, out);
  return { out: OUT, bytes: Buffer.byteLength(out), modules: mods.size, files: Object.keys(data).length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
  const r = build({ root: opt('root', 'dist'), out: opt('out'), page: opt('page', 'index.html'), exclude: (opt('exclude', '') || '').split(',').filter(Boolean) });
  console.log(`${path.relative(process.cwd(), r.out)}: ${r.modules} modules, ${r.files} data files, ${(r.bytes / 1024).toFixed(0)} KB`);
}
