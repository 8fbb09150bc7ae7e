// A throwaway static server on 127.0.0.1 for the benchmark (mirrors test/unit/host-page.ts).
// Files are served gzip-compressed (level 9, as a production host would) when the client accepts
// it, with `Cache-Control: no-store`. Options:
//   isolated: adds COOP same-origin + COEP require-corp (+ CORP), so pages are cross-origin
//             isolated and performance.now() has its fine resolution.
//   pages:    generated pages by exact path ({ '/x.html': '<!doctype html>…' }).
//   mounts:   URL prefix → directory ({ '/embed/': 'bench/dist/embed' }).
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
};

export async function startServer({ isolated = false, pages = {}, mounts = {} } = {}) {
  const cache = new Map();
  const compressed = (key, body) => {
    let z = cache.get(key);
    if (!z) cache.set(key, (z = gzipSync(body, { level: 9 })));
    return z;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let body;
    let type;
    if (Object.hasOwn(pages, path)) {
      body = Buffer.from(pages[path]);
      type = TYPES['.html'];
    } else {
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (!path.startsWith(prefix)) continue;
        let rel = normalize(path.slice(prefix.length));
        if (rel === '.' || rel === '' || rel.endsWith('/')) rel = join(rel, 'index.html');
        if (rel.startsWith('..')) break;
        const file = join(dir, rel);
        try {
          if (statSync(file).isFile()) {
            body = readFileSync(file);
            type = TYPES[extname(file)] ?? 'application/octet-stream';
          }
        } catch {
          // 404 below
        }
        break;
      }
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
      headers['cross-origin-resource-policy'] = 'same-origin';
    }
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && type !== 'application/octet-stream') {
      body = compressed(path, body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
