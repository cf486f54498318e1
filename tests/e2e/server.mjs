// The page tests' servers: www/ through scripts/serve.mjs (what `make serve` runs:
// production CSP, MIME types, path checks) on ephemeral ports, and a second origin
// hosting a parent page with a cross-origin iframe of embed.html.
//
//   node tests/e2e/server.mjs [--port 8080]   (manual use)
import http from 'node:http';
import { createServer } from '../../scripts/serve.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
export const WWW = path.join(REPO, 'www');
/**
 * Serve www/ on 127.0.0.1:port (0 = ephemeral) with the production server of
 * `make serve` (CSP, MIME types, path checks). Resolves {url, port, close()}.
 */
export async function startServer({ root = WWW, port = 0, host = '127.0.0.1' } = {}) {
  const s = await createServer({ root, port, host });
  return { port: s.port, url: `http://${host}:${s.port}`, close: s.close };
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
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
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
  const s = await startServer({ port });
  console.log(`serving www/ at ${s.url}`);
}
