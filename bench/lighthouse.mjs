// Lighthouse mobile audit of the standalone reader (dist/index.html, the
// seed article). A command, not a test: it prints the four category scores
// and every audit that did not pass, and exits 1 when a target is missed
// (performance ≥ 95, accessibility 100, best practices 100).
//   node bench/lighthouse.mjs [path=/]        (needs a built dist/)
//   make lighthouse
// dist/ is served the way a production host would: gzip for text and wasm,
// with the strict CSP header portals use. Chromium is Debian's (CHROME_PATH,
// default /usr/bin/chromium); Lighthouse simulates a mid-range phone on a
// slow 4G network (its default mobile settings).
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveStatic } from '../scripts/static-server.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const PATH = process.argv[2] ?? '/';
const TARGETS = { performance: 0.95, accessibility: 1, 'best-practices': 1 };
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const server = await serveStatic({
  mounts: [['/fixtures/', FIXTURES], ['/', DIST]],
  headers: (file) => ({ 'cache-control': 'max-age=3600', ...(extname(file) === '.html' ? { 'content-security-policy': CSP } : {}) }),
  gzip: true,
});
const url = `${server.origin}${PATH}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const result = await lighthouse(url, {
    port: chrome.port, output: 'json', logLevel: 'error', formFactor: 'mobile',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  const { categories, audits } = result.lhr;
  console.log(`Lighthouse ${result.lhr.lighthouseVersion}, mobile, ${url}`);
  for (const [id, c] of Object.entries(categories)) {
    const score = Math.round(c.score * 100);
    const target = TARGETS[id];
    const miss = target !== undefined && c.score < target;
    failed ||= miss;
    console.log(`  ${c.title.padEnd(16)} ${String(score).padStart(3)}${target ? `  (target ≥ ${target * 100})` : ''}${miss ? '  MISSED' : ''}`);
  }
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    console.log(`  ${audits[id].title}: ${audits[id].displayValue}`);
  }
  // Audits that count in a category and did not pass.
  const scored = new Set(Object.values(categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)));
  const failing = Object.values(audits).filter((a) => scored.has(a.id) && a.score !== null && a.score < 0.9
    && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
  console.log(failing.length ? 'Failing audits:' : 'No failing audits.');
  for (const a of failing) {
    console.log(`  - ${a.id} (score ${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
    for (const item of (a.details?.items ?? []).slice(0, 5)) {
      const what = item.url ?? item.node?.snippet ?? item.source?.url ?? item.description ?? JSON.stringify(item).slice(0, 120);
      console.log(`      ${what}`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
process.exitCode = failed ? 1 : 0;
