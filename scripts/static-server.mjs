// The one static file server of the scripts, benchmarks and tests: files
// from folders mounted under URL prefixes, extra routes, optional headers
// and gzip. Loopback only, on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

/** Content types by file extension. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream', '.txt': 'text/plain',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg']);

/** The file `path` names under `base`, or null when it escapes `base`. */
export function inside(base, path) {
  const root = resolve(base);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  return file.startsWith(root) ? file : null;
}

const isFile = (file) => stat(file).then((s) => s.isFile(), () => false);

/**
 * Starts a server. `mounts`: [[prefix, dir], …], the first whose prefix a
 * path starts with serves it ('/' last); `files`: path → file outside any
 * mount; `routes`: path → (req, res, url) handler or a body to send;
 * `headers(file)`: extra response headers; `gzip`: compress text and wasm
 * for clients that accept it. Resolves to { origin, server, close() }.
 */
export async function serveStatic({ mounts = [], files = {}, routes = {}, headers = () => ({}), gzip = false }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    const route = routes[path];
    if (typeof route === 'function') return route(req, res, url);
    if (route !== undefined) {
      return res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(route);
    }
    const mount = mounts.find(([prefix]) => path.startsWith(prefix));
    const file = files[path] ?? (mount && inside(mount[1], `/${path.slice(mount[0].length)}`));
    if (!file || !(await isFile(file))) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const ext = extname(file);
    let body = await readFile(file);
    const head = { 'content-type': TYPES[ext] ?? 'application/octet-stream', ...headers(file) };
    if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body, { level: 9 });
      head['content-encoding'] = 'gzip';
      head.vary = 'accept-encoding';
    }
    res.writeHead(200, head).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, server, close: () => new Promise((r) => server.close(r)) };
}
