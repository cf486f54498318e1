// A tiny static server over www/ for the page tests: the production CSP on every
// response, application/wasm for .wasm, ephemeral ports. A second server (another
// origin) hosts a parent page with a cross-origin iframe of embed.html.
//
//   node tests/e2e/server.mjs [--port 8080] [--fake]   (manual use)
//
// --fake serves /pkg/ from tests/e2e/fake-pkg/ (a JS stand-in for the wasm engine,
// replaying the hand-written fixtures), for working on the page before the build.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const WWW = path.join(REPO, 'www');
const FAKE = path.join(here, 'fake-pkg');

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function resolveFile(root, urlPath, fakePkg) {
  let p;
  try { p = decodeURIComponent(urlPath.split('?')[0]); } catch { return null; }
  if (p.endsWith('/')) p += 'index.html';
  let base = root;
  if (fakePkg && p.startsWith('/pkg/')) { base = FAKE; p = p.slice(4); }
  if (fakePkg && p === '/fixtures.json') return { virtual: 'fixtures' };
  const full = path.normalize(path.join(base, p));
  if (!full.startsWith(base + path.sep) && full !== base) return null;
  return { file: full };
}

function fakeData() {
  const fixtures = path.join(REPO, 'tests', 'js', 'fixtures');
  const course = path.join(REPO, 'crate', 'course');
  const out = { fixtures: {}, sources: {} };
  for (const f of fs.readdirSync(fixtures)) if (f.endsWith('.json')) out.fixtures[f.slice(0, 2)] = JSON.parse(fs.readFileSync(path.join(fixtures, f), 'utf8'));
  for (const f of fs.readdirSync(course)) if (f.endsWith('.py')) out.sources[f.slice(0, 2)] = { name: f.slice(0, -3), source: fs.readFileSync(path.join(course, f), 'utf8') };
  return JSON.stringify(out);
}

/** Serve www/ on 127.0.0.1:port (0 = ephemeral). Resolves {url, port, close()}. */
export function startServer({ root = WWW, port = 0, fakePkg = false, host = '127.0.0.1' } = {}) {
  const server = http.createServer((req, res) => {
    const hit = resolveFile(root, req.url || '/', fakePkg);
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (!hit) { res.writeHead(400, headers); res.end('bad path'); return; }
    if (hit.virtual) {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'] });
      res.end(fakeData());
      return;
    }
    fs.stat(hit.file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { ...headers, 'Content-Type': TYPES['.txt'] }); res.end('not found'); return; }
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(hit.file)] || 'application/octet-stream', 'Content-Length': st.size });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(hit.file).pipe(res);
    });
  });
  return listen(server, port, host);
}

/**
 * Another origin: a parent page at / that frames `frameUrl` (800×500) and records
 * the iframe's messages in window.__messages (this page is the test's, not the app's).
 */
export function startParentServer(frameUrl, { port = 0, host = '127.0.0.1', name = 'localhost' } = {}) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head>
<body><h1>Un cours qui intègre Boucle</h1>
<iframe id="frame" title="Boucle" src="${frameUrl.replace(/"/g, '&quot;')}" width="800" height="500"></iframe>
<script>
window.__messages = [];
window.addEventListener('message', function (e) {
  window.__messages.push({ origin: e.origin, data: e.data });
  if (e.data && e.data.type === 'boucle:height') document.getElementById('frame').height = String(e.data.height);
});
</script></body></html>`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store' });
    res.end(page);
  });
  return listen(server, port, host, name);
}

function listen(server, port, host, name = host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const p = server.address().port;
      resolve({
        port: p,
        url: `http://${name}:${p}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--port');
  const port = i >= 0 ? Number(args[i + 1]) : 8080;
  const s = await startServer({ port, fakePkg: args.includes('--fake') });
  console.log(`serving www/ at ${s.url}${args.includes('--fake') ? ' (fake engine)' : ''}`);
}
