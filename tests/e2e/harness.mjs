// Shared end-to-end harness: a static server for dist/ (plus fixtures and
// failure routes) and a headless Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
export const SEED_TITLE = '锤炼作风 夯实高质量发展“硬保障”';
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The strict policy plus data: images (the fixtures carry inline PNGs). */
export const PAGE_CSP = `${STRICT_CSP}; img-src 'self' data:`;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Extra routes: path → (req, res) handler. */
const routes = {
  '/broken.json': (req, res) => send(res, 200, '{"format": "article-reader", "title": ', '.json'),
  '/not-json.json': (req, res) => send(res, 200, '<html>oops</html>', '.json'),
};

function send(res, status, body, ext, headers = {}) {
  res.writeHead(status, { 'content-type': TYPES[ext] ?? 'application/octet-stream', ...headers });
  res.end(body);
}

/** Starts the server on a free loopback port. `csp` adds a CSP header to HTML. */
export async function startServer({ csp = PAGE_CSP } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (routes[path]) return routes[path](req, res);
    if (path.startsWith('/status/')) return send(res, parseInt(path.split('/')[2], 10) || 500, 'error', '.json');
    const base = path.startsWith('/fixtures/') ? FIXTURES : path.startsWith('/pages/') ? join(ROOT, 'tests', 'e2e') : DIST;
    const rel = path.replace(/^\/(fixtures|pages)\//, '/');
    const file = normalize(join(base, rel.endsWith('/') ? rel + 'index.html' : rel));
    if (!file.startsWith(base)) return send(res, 403, 'no', '.txt');
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const ext = extname(file);
      const headers = ext === '.html' && csp ? { 'content-security-policy': csp } : {};
      send(res, 200, await readFile(file), ext, headers);
    } catch {
      send(res, 404, 'not found', '.txt');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches Debian's Chromium headless (flags known to work on this machine). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page that records console errors, page errors and CSP violations. */
export async function newPage(browser, { width = 360, height = 740, ...opts } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, ...opts });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

/** Horizontal overflow of the page in CSS px (0 = no sideways scrolling). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
