#!/usr/bin/env node
// Search benchmark (prints figures; not a test): article-reader's engine
// (dist/article-reader.js createIndex, in wasm) against a plain JS
// `includes` scan and MiniSearch with a character-bigram tokenizer, in
// headless Chromium, on 1,000 and 10,000 documents of Tang poems (npm
// chinese-poetry, traditional characters, 1–2 KB each).
//
//   make bench-search          (builds dist/ first)
//   node bench/search.mjs [--sizes 1000,10000] [--no-minisearch] [--dist DIR]
//
// Needs dist/ built. Installs bench/search/node_modules (chinese-poetry,
// minisearch) on first use; corpora go to target/bench-search/.
// For each engine: prepare/build time, memory, median and p95 query time,
// and recall/precision against a plain substring truth.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..');
const DEPS = join(HERE, 'search');


const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = opt('--sizes', '1000,10000').split(',').map(Number);
const DIST = opt('--dist', join(ROOT, 'dist'));
const MINISEARCH = !args.includes('--no-minisearch');

if (!existsSync(join(DIST, 'article-reader.js'))) {
  console.error('dist/ is not built: run `trunk build --release` (or `make bench-search`)');
  process.exit(1);
}
if (!existsSync(join(DEPS, 'node_modules', 'chinese-poetry')) || !existsSync(join(DEPS, 'node_modules', 'minisearch'))) {
  console.log('installing bench/search dependencies (chinese-poetry, minisearch)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DEPS, stdio: 'inherit' });
}
const { ensureCorpus } = await import('./search/corpus.mjs');
const corpora = Object.fromEntries(SIZES.map((n) => [n, ensureCorpus(n)]));

const server = await serveStatic({
  files: {
    '/minisearch.js': join(DEPS, 'node_modules', 'minisearch', 'dist', 'es', 'index.js'),
    '/variants.bin': join(ROOT, 'src', 'core', 'search', 'variants.bin'),
    ...Object.fromEntries(Object.entries(corpora).map(([n, file]) => [`/corpus/${n}.json`, file])),
  },
  mounts: [['/bench/', DEPS], ['/', DIST]],
  // Cross-origin isolation gives performance.now() 5 µs resolution.
  headers: () => ({ 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }),
});
const BASE = server.origin;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

/** Runs `fn` of window.bench in a fresh page (its own memory). */
async function inPage(fn, ...fnArgs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${BASE}/bench/page.html`);
  await page.waitForFunction(() => window.benchReady === true);
  const out = await page.evaluate(([f, a]) => window.bench[f](...a), [fn, fnArgs]);
  await context.close();
  return out;
}

const acc = (found, truth) => {
  let hit = 0, nf = 0, nt = 0;
  found.forEach((f, i) => {
    const t = new Set(truth[i]);
    nf += f.length; nt += t.size;
    for (const x of f) if (t.has(x)) hit++;
  });
  return { recall: nt ? hit / nt : 1, precision: nf ? hit / nf : 1 };
};
const MB = (b) => `${(b / 1e6).toFixed(1)} MB`;
const f2 = (x) => x.toFixed(x < 1 ? 3 : x < 100 ? 2 : 0);
console.log('prepare ms: first build in a fresh page / best of two more (warm code, grown memory); ' +
  'article-reader: createIndex(feed objects) incl. JSON.stringify, JSON parse, format adapters, index; ' +
  'query: article-reader search(q, { limit: 10 }) (ranked, with snippets and total), scan and MiniSearch: all matches');
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

console.log(`search benchmark: ${BASE}, Chromium ${browser.version()}`);
for (const n of SIZES) {
  const { feed, queries } = JSON.parse(readFileSync(corpora[n], 'utf8'));
  const bytes = feed.items.reduce((s, d) => s + Buffer.byteLength(d.title) + Buffer.byteLength(d.content_text), 0);
  const truth = await inPage('truth', n);
  const truthV = await inPage('truth', n, true);
  const rows = [];
  const ours = await inPage('ours', n);
  rows.push(['article-reader top 10 (wasm)', [ours.prepare, ours.again], `index ${MB(ours.indexBytes)}, wasm +${MB(ours.wasmGrowth)}`,
    ours.top.median, ours.top.p95, acc(ours.found, truth)]);
  rows.push(['article-reader all hits+snippets', null, '', ours.all.median, ours.all.p95, acc(ours.found, truth)]);
  const oursV = await inPage('ours', n, { variants: true });
  rows.push(['article-reader variants, top 10', [oursV.prepare, oursV.again], `index ${MB(oursV.indexBytes)}, wasm +${MB(oursV.wasmGrowth)}`,
    oursV.top.median, oursV.top.p95, acc(oursV.found, truthV)]);
  const scan = await inPage('scan', n);
  rows.push(['JS includes scan', [scan.prepare, scan.again], `heap +${MB(scan.heap)}`, scan.median, scan.p95, acc(scan.found, truth)]);
  let mini = null;
  if (MINISEARCH) {
    mini = await inPage('minisearch', n);
    rows.push(['MiniSearch char bigrams (AND)', [mini.prepare], `heap +${MB(mini.heap)}`, mini.median, mini.p95, acc(mini.found, truth)]);
  }
  const matched = truth.filter((t) => t.length).length;
  console.log(`\n== ${n.toLocaleString('en')} documents, ${MB(bytes)} of text; ${queries.length} queries ` +
    `(60% 2–4-character substrings, 10% single characters, 20% two-term AND, 10% random 3-character strings; ` +
    `${matched} with matches, ${truth.reduce((s, t) => s + t.length, 0)} true hits)`);
  console.log(`${pad('engine', 34)}${lpad('prepare ms', 13)}  ${pad('memory', 34)}${lpad('median ms', 10)}${lpad('p95 ms', 9)}${lpad('recall', 8)}${lpad('precision', 10)}`);
  for (const [name, prep, mem, med, p95, a] of rows) {
    const p = prep == null ? '' : prep.map((x) => x.toFixed(0)).join(' / ');
    console.log(`${pad(name, 34)}${lpad(p, 13)}  ${pad(mem, 34)}${lpad(f2(med), 10)}${lpad(f2(p95), 9)}` +
      `${lpad(a.recall.toFixed(2), 8)}${lpad(a.precision.toFixed(2), 10)}`);
  }
  console.log(`median query: article-reader top 10 is ${(scan.median / ours.top.median).toFixed(0)}× faster than the JS scan` +
    (mini ? `, ${(mini.median / ours.top.median).toFixed(0)}× faster than MiniSearch` : '') +
    `; all hits with snippets ${(scan.median / ours.all.median).toFixed(0)}× faster than the scan`);
}
await browser.close();
server.close();
