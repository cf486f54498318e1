#!/usr/bin/env node
// Tiny static file server for Boucle (node only, no dependencies).
//
//   node scripts/serve.mjs [--root www] [--port 8000] [--host 127.0.0.1]
//   (PORT / HOST environment variables work too; --port 0 picks a free port)
//
// Used by `make serve`, and importable by tests and the bench runner:
//
//   import { createServer } from '../../scripts/serve.mjs';
//   const srv = await createServer({ root: 'www', port: 0 });  // 0 = any free port
//   ... fetch(srv.url + 'index.html') ...
//   await srv.close();
//
// Options: root, port (0 = any free), host, log (one line per request),
//   mounts: { '/pkg/': '/some/dir' } serves URL prefixes from other folders (same checks),
//   handle(req, res, pathname): called first; return true when it answered the request.
//
// It sends the same Content-Security-Policy a deployment should send (see dist/_headers),
// so the page is tested under the policy it will run under in production.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
};

/** Headers sent with every response (errors included). */
export const BASE_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // A development server: always revalidate so a rebuilt wasm is picked up.
  'Cache-Control': 'no-cache',
};

/**
 * Maps a request URL path to a file under `root`, or null if it would leave `root`
 * (`..`, encoded `%2e%2e`, backslashes, NUL bytes, symlinks pointing outside).
 * Exported for tests.
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed %-escape
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return null;
  const rootAbs = path.resolve(root);
  const file = path.resolve(rootAbs, '.' + path.posix.normalize('/' + decoded));
  if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return null;
  return file;
}

function send(res, status, body, extra = {}) {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function handler(rootAbs, rootReal, log, mounts, handle) {
  return async (req, res) => {
    const started = Date.now();
    res.on('finish', () => {
      if (log) console.log(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started}ms`);
    });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      return send(res, 400, 'Bad Request\n');
    }
    if (handle && (await handle(req, res, pathname))) return;
    let base = rootAbs;
    let baseReal = rootReal;
    let rel = pathname;
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    if (mount) {
      base = mount.dir;
      baseReal = mount.real;
      rel = pathname.slice(mount.prefix.length - 1);
    }
    let file = resolveInside(base, rel);
    if (!file) return send(res, 400, 'Bad Request\n');
    try {
      let stat = await fs.promises.stat(file);
      if (stat.isDirectory()) {
        if (!pathname.endsWith('/')) {
          return send(res, 301, 'Moved Permanently\n', { Location: pathname + '/' });
        }
        file = path.join(file, 'index.html');
        stat = await fs.promises.stat(file);
      }
      // Symlinks must not lead outside the root either.
      const real = await fs.promises.realpath(file);
      if (real !== baseReal && !real.startsWith(baseReal + path.sep)) {
        return send(res, 404, 'Not Found\n');
      }
      if (!stat.isFile()) return send(res, 404, 'Not Found\n');
      const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const body = await fs.promises.readFile(file);
      res.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': type,
        'Content-Length': body.length,
        'Last-Modified': stat.mtime.toUTCString(),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (err && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) {
        return send(res, 404, 'Not Found\n');
      }
      return send(res, 500, 'Internal Server Error\n');
    }
  };
}

/**
 * Starts a static server on `root`. Resolves once listening, to
 * `{ server, url, port, close }` where `url` ends with '/' and `close()` returns a
 * promise. `port: 0` picks a free port (what tests want).
 */
export async function createServer({
  root = 'www',
  port = 8000,
  host = '127.0.0.1',
  log = false,
  mounts = {},
  handle = null,
} = {}) {
  const rootAbs = path.resolve(root);
  const rootReal = await fs.promises.realpath(rootAbs);
  const mountList = [];
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`mount prefix must be /…/: ${prefix}`);
    const abs = path.resolve(dir);
    mountList.push({ prefix, dir: abs, real: await fs.promises.realpath(abs) });
  }
  mountList.sort((a, b) => b.prefix.length - a.prefix.length);
  const server = http.createServer(handler(rootAbs, rootReal, log, mountList, handle));
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    port: actual,
    url: `http://${shownHost}:${actual}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function parseArgs(argv) {
  const opts = {
    root: 'www',
    port: Number(process.env.PORT ?? 8000),
    host: process.env.HOST || '127.0.0.1',
    log: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--root') opts.root = value();
    else if (a === '--port') opts.port = Number(value());
    else if (a === '--host') opts.host = value();
    else if (a === '--quiet') opts.log = false;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/serve.mjs [--root DIR] [--port N] [--host ADDR] [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error(`bad port: ${opts.port}`);
  }
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: ${e.message}`);
    process.exit(2);
  }
  if (!fs.existsSync(opts.root)) {
    console.error(`serve: no such folder: ${opts.root}`);
    process.exit(1);
  }
  try {
    const srv = await createServer(opts);
    const rel = path.relative(process.cwd(), path.resolve(opts.root)) || '.';
    console.log(`Boucle: serving ${rel}/ at ${srv.url}  (Ctrl-C to stop)`);
    const stop = () => srv.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    if (e.code === 'EADDRINUSE') {
      console.error(`serve: port ${opts.port} is in use; try PORT=${opts.port + 1} make serve`);
    } else {
      console.error(`serve: ${e.message}`);
    }
    process.exit(1);
  }
}
