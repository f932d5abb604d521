// First render: median time from navigation start to the first paint that
// shows the h1 (first contentful paint, or the frame after the h1 is laid
// out if that is later), in headless Chromium, unthrottled and with
// Lighthouse's mobile network throttling, pages loaded in turn:
//   - a static HTML page of the seed article with the same CSS;
//   - the standalone reader (dist/index.html, server-rendered);
//   - the portal page with the server-rendered fragment
//     (dist/demo/portal-rendered.html, `article-reader render --fragment`);
//   - the same portal page with `<article-reader src>` (demo/portal.html).
// Prints figures and the ratios to the static page (of the medians, and
// the median of each round's ratio: the pages of a round load one after
// the other, so that one is less moved by the machine's load drifting),
// and beside them when every reader of the page runs (data-ar-live:
// hydrated or rendered).
//   node bench/first-render.mjs [runs=21] [both|unthrottled|throttled]
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
// AR_DIST: another build to measure (experiments); default dist/.
const DIST = process.env.AR_DIST ?? join(ROOT, 'dist');
const RUNS = Number(process.argv[2] ?? 21);
const MODES = { both: [false, true], unthrottled: [false], throttled: [true] }[process.argv[3] ?? 'both'];

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The seed article as plain server-rendered HTML, styled by the same CSS. */
async function staticPage() {
  const a = JSON.parse(await readFile(join(ROOT, 'content/seed-article.json'), 'utf8'));
  const blocks = a.blocks.map((b) => b.type === 'heading' ? `<h2 class="ar-h2">${esc(b.text)}</h2>`
    : b.type === 'list' ? `<ul class="ar-list">${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`
    : `<p class="ar-p">${esc(b.text)}</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(a.title)}</title>
<link rel="icon" href="favicon.svg"><link rel="stylesheet" href="page.css"><link rel="stylesheet" href="article-reader.css"></head>
<body><div class="ar-reader ar-theme-auto ar-step-1"><div class="ar-page"><article class="ar-article">
<h1 class="ar-title">${esc(a.title)}</h1><p class="ar-meta">时间：${esc(a.published)} 来源：${esc(a.source)}</p>
<p class="ar-lead">${esc(a.lead)}</p><div class="ar-body">${blocks}</div></article></div></div></body></html>`;
}

async function serve() {
  const html = await staticPage();
  const { origin, close } = await serveStatic({ mounts: [['/', DIST]], routes: { '/static.html': html } });
  return { url: origin, close };
}

// Runs in the page before anything else: on every frame, look for a laid
// out h1 in the document or in any open shadow root.
const PROBE = () => {
  // A server-rendered element also holds a plain h1 in light DOM, which is
  // not rendered (the shadow root has no slot): only a laid-out h1 counts.
  const find = () => {
    const hs = [...document.querySelectorAll('h1'), ...(document.querySelector('article-reader')?.shadowRoot?.querySelectorAll('h1') ?? [])];
    return hs.some((h) => h.getBoundingClientRect().height > 0);
  };
  const tick = () => (find() ? (window.__h1 = performance.now()) : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
  // Live: every reader runs (hydrated, or rendered by the wasm).
  const live = () => {
    const readers = document.querySelectorAll('article-reader');
    if (readers.length && [...readers].every((r) => r.hasAttribute('data-ar-live'))) window.__live = performance.now();
    else requestAnimationFrame(live);
  };
  requestAnimationFrame(live);
};

/** Lighthouse's mobile network throttling (DevTools: Slow 4G, its
 * "simulated" figures applied as Lighthouse's devtools throttling does). */
const MOBILE_NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

async function once(browser, url, throttled) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', MOBILE_NETWORK);
    }
    page.on('crash', () => console.error('page crashed:', url));
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.waitForFunction(() => window.__h1 !== undefined, null, { timeout: 60000 });
    // The h1 is visible at the first paint after it is laid out: the first
    // contentful paint when it was laid out by then, else the next frame.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 60000 });
    const h1 = await page.evaluate(() => Math.max(window.__h1, performance.getEntriesByName('first-contentful-paint')[0].startTime));
    // The static page has no reader to wait for.
    const live = url.endsWith('/static.html') ? NaN
      : await page.waitForFunction(() => window.__live, null, { timeout: 60000 }).then((h) => h.jsonValue());
    return { h1, live };
  } finally {
    await context.close();
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const PAGES = [
  ['static HTML page', '/static.html'],
  ['standalone reader', '/'],
  ['portal, rendered fragment', '/demo/portal-rendered.html'],
  ['portal, <article-reader src>', '/demo/portal.html'],
];

const server = await serve();
const browser = await launch();
try {
  for (const throttled of MODES) {
    const times = PAGES.map(() => []);
    const lives = PAGES.map(() => []);
    await once(browser, `${server.url}/`, throttled); // warm the server and the browser
    for (let i = 0; i < RUNS; i++) {
      for (const [k, [, path]] of PAGES.entries()) {
        const { h1, live } = await once(browser, `${server.url}${path}`, throttled);
        times[k].push(h1);
        lives[k].push(live);
      }
    }
    const medians = times.map(median);
    const liveMedians = lives.map(median);
    console.log(`first render, navigation start → visible h1, median of ${RUNS} (360×740, headless Chromium, loopback, ${throttled ? "Lighthouse mobile network throttling" : 'unthrottled'}):`);
    for (const [k, [name]] of PAGES.entries()) {
      const paired = median(times[k].map((t, i) => t / times[0][i]));
      const ratio = k ? `  ${(medians[k] / medians[0]).toFixed(2)}× static (by round ${paired.toFixed(2)}×)` : '';
      const live = k ? `  (live: ${liveMedians[k].toFixed(0)} ms)` : '';
      console.log(`  ${name.padEnd(30)} ${medians[k].toFixed(1).padStart(7)} ms${ratio}${live}`);
    }
    console.log('  target: the rendered fragment ≤ 1.10× static');
  }
} finally {
  await browser.close();
  await server.close();
}
