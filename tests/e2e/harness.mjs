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
  // Hostile documents (hardening tests), generated on first use.
  '/huge.json': (req, res) => send(res, 200, hostile('huge'), '.json', { 'content-length': hostile('huge').length }),
  '/huge-chunked.json': (req, res) => sendChunked(res, hugeStream(64e6), '.json'),
  '/deep.json': (req, res) => send(res, 200, hostile('deep'), '.json'),
  '/invalid-utf8.json': (req, res) => send(res, 200, hostile('utf8'), '.json'),
};

const hostileCache = {};
/** A 20 MB native document, one nested 100,000 levels deep, one with invalid UTF-8. */
function hostile(kind) {
  const head = '{"format":"article-reader","version":1,"title":"hostile","blocks":';
  hostileCache[kind] ??= {
    huge: () => {
      const para = JSON.stringify({ type: 'paragraph', text: '干部作风'.repeat(2000) });
      const n = Math.ceil(20e6 / Buffer.byteLength(para)) + 1;
      return Buffer.from(`${head}[${Array(n).fill(para).join(',')}]}`);
    },
    deep: () => Buffer.from(`${head}${'['.repeat(100000)}${']'.repeat(100000)}}`),
    utf8: () => Buffer.concat([Buffer.from(`${head}[{"type":"paragraph","text":"ok `),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from('"}]}')]),
  }[kind]();
  return hostileCache[kind];
}

/** Bytes of the last chunked body the client took before it stopped
 * reading, the body's full length, and a promise that settles when the
 * client closes the connection: shows whether a reader stops at its cap. */
export const chunked = { sent: 0, total: 0, closed: Promise.resolve() };

/** A native document of about `size` bytes as 64 KB chunks, made as they
 * are sent: 64 MB, more than the socket and browser buffer between the
 * server and a reader that stopped reading. */
function hugeStream(size) {
  const head = Buffer.from('{"format":"article-reader","version":1,"title":"hostile","blocks":[');
  const para = Buffer.from(`${JSON.stringify({ type: 'paragraph', text: '干部作风'.repeat(5000) })},`);
  const tail = Buffer.from('{"type":"paragraph","text":"end"}]}');
  const n = Math.ceil(size / para.length);
  return { total: head.length + n * para.length + tail.length, *chunks() { yield head; for (let i = 0; i < n; i++) yield para; yield tail; } };
}

/** Sends `doc`'s chunks without a content-length (chunked encoding), only
 * as fast as the client reads, and stops when the client goes away. */
async function sendChunked(res, doc, ext) {
  res.writeHead(200, { 'content-type': TYPES[ext] });
  let closed = false;
  Object.assign(chunked, { sent: 0, total: doc.total, closed: new Promise((r) => res.on('close', r)) });
  res.on('close', () => { closed = true; });
  for (const part of doc.chunks()) {
    if (closed) break;
    chunked.sent += part.length;
    if (!res.write(part)) {
      await new Promise((resolve) => {
        const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end();
}

function send(res, status, body, ext, headers = {}) {
  res.writeHead(status, { 'content-type': TYPES[ext] ?? 'application/octet-stream', ...headers });
  res.end(body);
}

/**
 * Starts the server on a free loopback port. `csp` adds a CSP header to HTML;
 * `routes` adds handlers (path → (req, res, url)) for this server only.
 * dist/ is served at / and also under /sub/dir/ (a host's sub-path).
 */
export async function startServer({ csp = PAGE_CSP, routes: extra = {} } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    const route = extra[path] ?? routes[path];
    if (route) return route(req, res, url);
    if (path.startsWith('/status/')) return send(res, parseInt(path.split('/')[2], 10) || 500, 'error', '.json');
    const E2E = join(ROOT, 'tests', 'e2e');
    // /pages/x is tests/e2e/pages/x when that exists, else tests/e2e/x.
    const bases = path.startsWith('/fixtures/') ? [FIXTURES] : path.startsWith('/pages/') ? [join(E2E, 'pages'), E2E] : [DIST];
    const rel = path.replace(/^\/(fixtures|pages|sub\/dir)\//, '/');
    try {
      let file;
      for (const base of bases) {
        file = normalize(join(base, rel.endsWith('/') ? rel + 'index.html' : rel));
        if (!file.startsWith(base)) return send(res, 403, 'no', '.txt');
        if (await stat(file).then((s) => s.isFile(), () => false)) break;
      }
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

/** How long a step may take before a test calls it a hang: generous, so a
 * busy machine is never mistaken for a failure. */
export const HANG = 30000;

/** `promise`, or a rejection saying `what` hung after `ms`. */
export function guard(promise, what, ms = HANG) {
  let timer;
  const hang = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: ${what} did not happen within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, hang]).finally(() => clearTimeout(timer));
}

/**
 * Makes page.goto / page.reload return only once every <article-reader> on
 * the page runs live (it sets `data-ar-live`): the standalone page paints a
 * prerendered copy first, which looks the same but does not react yet, so
 * a reader that never starts fails here. Wrapping twice is a no-op.
 */
export function waitForLiveReaders(page) {
  if (page.waitsForLiveReaders) return page;
  page.waitsForLiveReaders = true;
  for (const name of ['goto', 'reload']) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await original(...args);
      await page.waitForFunction(
        () => [...document.querySelectorAll('article-reader')].every((e) => e.hasAttribute('data-ar-live')),
        null, { timeout: HANG },
      ).catch((err) => {
        throw new Error(`hung: the readers on ${page.url()} never went live (data-ar-live) within ${HANG / 1000} s: ${err.message}`);
      });
      return response;
    };
  }
  return page;
}

/** Records the page's console errors and page errors in `page.problems`
 * (once per page). */
function recordProblems(page) {
  if (page.problems) return page;
  page.problems = [];
  page.on('console', (m) => {
    // cspViolations() blocks an image on purpose.
    if (m.type() === 'error' && !m.text().includes('csp-sentinel')) page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  return page;
}

/** A new page that records console errors, page errors and CSP violations
 * (as do other pages its context opens). */
export async function newPage(browser, { width = 360, height = 740, ...opts } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, ...opts });
  // Every page of the context (other tabs, popups) is watched the same way.
  context.on('page', (p) => recordProblems(waitForLiveReaders(p)));
  const page = recordProblems(waitForLiveReaders(await context.newPage()));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

/**
 * The page's CSP violations so far. Violations are reported in order, a
 * task after they happen: this causes one more on purpose (an image from a
 * host the policy does not allow) and waits for it, so every earlier one
 * has arrived. The sentinel is left out of the answer and of
 * `page.problems`. Needs a page served with a CSP.
 */
export async function cspViolations(page) {
  return guard(page.evaluate(async () => {
    const seen = new Promise((resolve) => {
      const check = (e) => {
        if (!e.blockedURI.includes('csp-sentinel')) return;
        document.removeEventListener('securitypolicyviolation', check);
        resolve();
      };
      document.addEventListener('securitypolicyviolation', check);
    });
    new Image().src = `http://csp-sentinel.invalid/${Math.random()}.png`;
    await seen;
    return window.__cspViolations.filter((v) => !v.includes('csp-sentinel'));
  }), 'the sentinel CSP violation (is the page served with a CSP?)');
}

/** The page's problems other than failed resource loads (a 404 a test
 * asks for on purpose, e.g. a missing document or image). */
/** An init script (`page.addInitScript(storageThrows)`): every call of
 * localStorage's methods throws, as with storage blocked by the browser. */
export function storageThrows() {
  for (const m of ['getItem', 'setItem', 'removeItem']) {
    Storage.prototype[m] = () => { throw new DOMException('storage disabled', 'SecurityError'); };
  }
}

export function problemsBesidesLoads(page) {
  return page.problems.filter((p) => !p.includes('Failed to load resource'));
}

/** Horizontal overflow of the page in CSS px (0 = no sideways scrolling). */
export function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The accessible name (or text) of the focused element, through shadow roots. */
export function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    const named = (a.closest('label') ?? a).cloneNode(true);
    named.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
    return a.getAttribute('aria-label') || named.textContent.trim();
  });
}
