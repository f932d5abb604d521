#!/usr/bin/env node
// Site search against Pagefind (issue 12; prints tables, not a test): the
// same documents (one per poem of chinese-poetry's Tang and Song poems,
// bench/search/site-corpus.mjs), indexed by `article-reader index` and by
// Pagefind (npm `pagefind`, `forceLanguage: 'zh'`, one HTML page per
// poem), then queried in headless Chromium through each one's own JS API.
//
//   make bench-site-search          (builds dist/ and the CLI first)
//   node bench/site-search-vs-pagefind.mjs [--size 10000|all] [--timed 60] [--queries N] [--rebuild-pagefind]
//   (--size all: every poem, about 312,000; make bench-site-search SIZE=all)
//
// Pagefind's build of a corpus is kept and reused while its stamp matches
// the corpus and Pagefind's version (bench/search/pagefind-cache.mjs;
// --rebuild-pagefind builds it anew): its build seconds are then those
// measured when it was built, and the table says so. Ours is built on
// every run.
//
// Prints, for each engine: build seconds, index bytes on disk, recall and
// precision against a brute-force substring scan (every query's full hit
// set: ours from `article-reader search --all --json` over the index files
// the browser queries — every hit's stored copy, which the browser would
// fetch pack by pack; in the browser, each query's `total` from
// `search(q, {limit: 0})` must equal the scan's count, and the run fails
// when one does not; Pagefind's from its JS API in the browser, result
// ids mapped to URLs through its fragment files), bytes fetched per query for the top 10 hits shown (median / p95;
// the once-per-page metadata — our manifest.json, Pagefind's entry and
// meta files — apart, engine code never counted), and cold query → top 10
// hits in the DOM (median / p95), unthrottled and with Lighthouse's mobile
// network (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, modelled by the
// bench's own server: see `net`). A cold query runs in a new browser
// context, every response `no-store`: the page loads the engine and opens
// the index unthrottled, then the network is throttled and the query is
// timed from the call to the hits painted. Both engines
// run in the same process, query by query, so the ratio compares like
// with like. Both engines store their index files gzipped and serve them
// as they are (ours are inflated by the browser's DecompressionStream,
// Pagefind's by its wasm), so the bytes compare like with like.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { corpusPath, pagefindIndex, pagefindVersion } from './search/pagefind-cache.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEPS = join(ROOT, 'bench', 'search');
const OUT = join(ROOT, 'target', 'bench-search');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const SIZE = opt('--size', '10000');
const TIMED = Number(opt('--timed', '60'));
const DIST = opt('--dist', join(ROOT, 'dist'));
const CLI = opt('--cli', join(ROOT, 'target', 'cli', 'article-reader'));
/** Lighthouse's mobile throttling: round trip (ms), down and up (bytes/s). */
const SLOW_4G = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

if (!existsSync(join(DIST, 'article-reader.js'))) throw new Error('dist/ is not built: trunk build --release');
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: cargo build --profile cli --bin article-reader`);
if (!existsSync(join(DEPS, 'node_modules', 'pagefind')) || !existsSync(join(DEPS, 'node_modules', 'chinese-poetry'))) {
  console.log('installing bench/search dependencies (chinese-poetry, pagefind)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DEPS, stdio: 'inherit' });
}
const corpus = corpusPath(SIZE);
/** Seconds each part of the run took (stderr and the JSON; to plan runs). */
const phases = {};
let phaseStart = performance.now();
const phase = (name) => {
  const now = performance.now();
  phases[name] = (now - phaseStart) / 1000;
  phaseStart = now;
  process.stderr.write(`  ${name}: ${phases[name].toFixed(1)} s\n`);
};
const docs = readFileSync(corpus, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const queries = JSON.parse(readFileSync(join(OUT, `site-${SIZE}-queries.json`), 'utf8'))
  .slice(0, Number(opt('--queries', 'Infinity')));

// ---- Truth: a substring scan over normalised texts -------------------------

/** The normalisation of src/core/search for these texts: full-width ASCII
 * forms to ASCII, invisible characters out, lower case, whitespace runs to
 * one space. */
const norm = (s) => s
  .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
  .replace(/[\u200B\u00AD\uFEFF]/g, '')
  .toLowerCase()
  .replace(/[\s\u3000]+/g, ' ');
const fields = docs.map((d) => [norm(d.title), norm(d.blocks[0].text)]);
/** The urls of the documents holding every term of `q`. */
function truth(q) {
  const terms = norm(q).trim().split(' ').filter(Boolean);
  const out = new Set();
  if (!terms.length) return out;
  fields.forEach((f, i) => {
    if (terms.every((t) => f.some((x) => x.includes(t)))) out.add(docs[i].url);
  });
  return out;
}

phase('corpus and truth texts');

// ---- Building both indexes ---------------------------------------------------

const ours = join(OUT, `vs-pagefind-${SIZE}-ours`);

function dirBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

rmSync(ours, { recursive: true, force: true });
const t = performance.now();
execFileSync(CLI, ['index', '--out', ours, corpus], { stdio: ['ignore', 'ignore', 'ignore'] });
const oursBuild = (performance.now() - t) / 1000;
phase('our build');

const pf = await pagefindIndex(SIZE, { rebuild: args.includes('--rebuild-pagefind') });
const pfBuild = pf.stamp.buildSeconds;
phase(pf.cached ? 'Pagefind (cached build)' : 'Pagefind build');

/** Pagefind result id → page URL, from its fragment file on disk (read
 * when a result names it: at 312,000 pages, reading them all up front
 * takes longer than the queries need). */
const pfUrls = new Map();
const pfUrl = (id) => {
  if (!pfUrls.has(id)) {
    const text = gunzipSync(readFileSync(join(pf.bundle, 'fragment', `${id}.pf_fragment`))).toString('utf8');
    pfUrls.set(id, JSON.parse(text.slice(text.indexOf('{'))).url);
  }
  return pfUrls.get(id);
};
const textBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.title) + Buffer.byteLength(d.blocks[0].text), 0);

// ---- The browser ---------------------------------------------------------------

/**
 * The static server of the run. It counts the bytes of index files it
 * sends (engine code — .js, .wasm, Pagefind's wasm — apart) and, when
 * `net.throttled`, models Lighthouse's mobile network on every response:
 * a round trip plus the request's upload, then the body over one shared
 * 1.6 Mbit/s link. Throttling here, not through DevTools, covers
 * Pagefind's requests too: they come from a Web Worker, which a page's
 * DevTools session neither throttles nor sees.
 */
const net = { throttled: false, bytes: 0, linkFree: 0 };
const REQUEST_BYTES = 500;
const MOUNTS = [['/ours/', ours], ['/pf/', pf.dir], ['/', DIST]];
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.html': 'text/html', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let body;
  if (path === '/blank.html') body = Buffer.from('<!doctype html><meta charset="utf-8"><title>bench</title><ul id="hits"></ul>');
  else {
    const [prefix, dir] = MOUNTS.find(([p]) => path.startsWith(p));
    const file = join(dir, path.slice(prefix.length));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    body = readFileSync(file);
  }
  const code = /\.(m?js|wasm|pagefind)$/.test(path) || path.endsWith('.html');
  if (!code) net.bytes += body.length;
  if (net.throttled) {
    const now = performance.now();
    const start = Math.max(now + SLOW_4G.latency + (REQUEST_BYTES / SLOW_4G.uploadThroughput) * 1000, net.linkFree);
    net.linkFree = start + (body.length / SLOW_4G.downloadThroughput) * 1000;
    await new Promise((r) => setTimeout(r, net.linkFree - now));
  }
  const ext = path.slice(path.lastIndexOf('.'));
  res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
});

/** In the page: the engines behind one interface. `open()` loads the
 * engine and the index metadata; `top(q)` shows the top 10 hits (title and
 * snippet) in the DOM and resolves once they are painted; ours: `total(q)`
 * is how many documents match (no stored copy fetched); Pagefind: `all(q)`
 * is every result's id. */
function install(engine) {
  const show = async (hits) => {
    const ul = document.getElementById('hits');
    ul.replaceChildren(...hits.map((h) => {
      const li = document.createElement('li');
      li.textContent = `${h.title} — ${h.snippet}`;
      return li;
    }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return hits.length;
  };
  if (engine === 'ours') {
    window.engine = {
      async open() {
        const { openIndex } = await import('/article-reader.js');
        this.openIndex = openIndex;
        this.ix = await openIndex('/ours/');
      },
      async top(q) {
        return show(await this.ix.search(q, { limit: 10 }));
      },
      async total(q) {
        // A fresh index each query, so the files of 200 queries do not
        // pile up in the wasm's memory.
        const ix = await this.openIndex('/ours/');
        try {
          return (await ix.search(q, { limit: 0 })).total;
        } finally {
          ix.free();
        }
      },
    };
  } else {
    window.engine = {
      async open() {
        this.pf = await import('/pf/pagefind/pagefind.js');
        await this.pf.options({ basePath: '/pf/pagefind/' });
        await this.pf.init();
      },
      async top(q) {
        const s = await this.pf.search(q);
        const data = await Promise.all((s?.results ?? []).slice(0, 10).map((r) => r.data()));
        return show(data.map((d) => ({ title: d.meta?.title ?? '', snippet: d.excerpt })));
      },
      async all(q) {
        const s = await this.pf.search(q);
        return (s?.results ?? []).map((r) => r.id);
      },
    };
  }
}

/** A page with `engine` opened (engine code loaded, index metadata
 * fetched); `opened`: the metadata's bytes. Cold: a new context, and the
 * server says no-store. */
async function openPage(engine) {
  const context = await browser.newContext();
  const page = await context.newPage();
  net.throttled = false;
  await page.goto(`${ORIGIN}/blank.html`);
  await page.evaluate(install, engine);
  net.bytes = 0;
  await page.evaluate(() => window.engine.open());
  return { page, opened: net.bytes, close: () => context.close() };
}

/** The `p` quantile of `v` (NaN when empty: `--timed 0` times nothing). */
const pct = (v, p) => {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
};
const ENGINES = ['ours', 'pagefind'];
const result = Object.fromEntries(ENGINES.map((e) => [e, { once: 0, bytes: [], fast: [], slow: [], warm: [], found: 0, both: 0 }]));

// Recall and precision: every hit of every query. Ours from the CLI
// (every hit's stored copy read from disk, natively), checked against the
// browser's count of each query; Pagefind's in one warm page.
let truthTotal = 0;
const truths = queries.map(({ q }) => truth(q));
for (const t of truths) truthTotal += t.size;
phase('truth (substring scan)');

/** Every hit's URL of `q` from `article-reader search --all --json`. */
function oursAll(q) {
  const run = spawnSync(CLI, ['search', '--all', '--json', '--', ours, q], { maxBuffer: 2 ** 30 });
  if (run.status !== 0) throw new Error(`article-reader search ${JSON.stringify(q)}: ${run.stderr}`);
  const [head, ...hits] = run.stdout.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  if (hits.length !== head.total) throw new Error(`article-reader search ${JSON.stringify(q)}: ${hits.length} hits of ${head.total}`);
  return hits.map((h) => h.url);
}
/** Queries whose count in the browser is not the scan's. */
const mismatches = [];
{
  const p = await openPage('ours');
  const r = result.ours;
  for (let i = 0; i < queries.length; i++) {
    const set = new Set(oursAll(queries[i].q));
    const total = await p.page.evaluate((q) => window.engine.total(q), queries[i].q);
    if (total !== truths[i].size) mismatches.push({ q: queries[i].q, browser: total, truth: truths[i].size, cli: set.size });
    if (process.env.DEBUG) console.error('ours', JSON.stringify(queries[i].q), 'found', set.size, 'browser', total, 'truth', truths[i].size);
    r.found += set.size;
    for (const u of set) if (truths[i].has(u)) r.both += 1;
  }
  await p.close();
}
phase('our recall (CLI) and counts (browser)');
{
  const p = await openPage('pagefind');
  const r = result.pagefind;
  for (let i = 0; i < queries.length; i++) {
    const set = new Set((await p.page.evaluate((q) => window.engine.all(q), queries[i].q)).map(pfUrl));
    if (process.env.DEBUG) console.error('pagefind', JSON.stringify(queries[i].q), 'found', set.size, 'truth', truths[i].size, [...set].slice(0, 3));
    r.found += set.size;
    for (const u of set) if (truths[i].has(u)) r.both += 1;
  }
  await p.close();
}
phase('Pagefind recall (browser)');

// Bytes per query (every query) and cold timings (the first TIMED queries,
// both networks), query by query, engine by engine.
for (let i = 0; i < queries.length; i++) {
  const { q } = queries[i];
  const networks = i < TIMED ? [['fast', null], ['slow', SLOW_4G]] : [['fast', null]];
  for (const [kind, conditions] of networks) {
    for (const engine of ENGINES) {
      const p = await openPage(engine);
      const r = result[engine];
      r.once = p.opened;
      net.throttled = !!conditions;
      net.bytes = 0;
      const ms = await p.page.evaluate(async (query) => {
        const t0 = performance.now();
        await window.engine.top(query);
        return performance.now() - t0;
      }, q);
      net.throttled = false;
      // The index's metadata counts once per query: each query is cold.
      if (kind === 'fast') {
        r.bytes.push(p.opened + net.bytes);
        // The same query again in the same page: warm (files in memory).
        r.warm.push(await p.page.evaluate(async (query) => {
          const t0 = performance.now();
          await window.engine.top(query);
          return performance.now() - t0;
        }, q));
      }
      if (i < TIMED) r[kind].push(ms);
      await p.close();
    }
  }
  if ((i + 1) % 20 === 0) process.stderr.write(`  ${i + 1}/${queries.length} queries\n`);
}
phase('bytes and cold/warm timings');
await browser.close();
server.close();

// ---- Tables ---------------------------------------------------------------------

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const size = { ours: dirBytes(ours), pagefind: dirBytes(pf.bundle) };
const build = { ours: oursBuild, pagefind: pfBuild };
const gb = (n) => `${(n / 2 ** 30).toFixed(1)} GiB`;
console.log(`\n${docs.length} documents, ${mb(textBytes)} of text, ${queries.length} queries `
  + `(${TIMED} timed cold, both networks); Pagefind ${pagefindVersion()}`
  + `${pf.cached ? `; Pagefind's build figure is that of its cached build of ${pf.stamp.builtAt}` : ''}`
  + `${pf.stamp.peakRssBytes ? ` (peak ${gb(pf.stamp.peakRssBytes)} resident)` : ''}`
  + `; our counts in the browser ≠ the scan's: ${mismatches.length} of ${queries.length}\n`);
console.log('| engine | build | index on disk | recall | precision | opening the index (once) | bytes per query, top 10: median / p95 | cold query unthrottled: median / p95 | cold query, slow 4G: median / p95 | warm query: median / p95 |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const ms1 = (n) => `${n.toFixed(1)} ms`;
for (const e of ENGINES) {
  const r = result[e];
  const cachedNote = e === 'pagefind' && pf.cached ? ' (cached build)' : '';
  console.log(`| ${e === 'ours' ? 'article-reader' : 'Pagefind'} | ${build[e].toFixed(1)} s${cachedNote} | ${mb(size[e])} (${(size[e] / textBytes).toFixed(2)}× text) `
    + `| ${(r.both / truthTotal).toFixed(2)} | ${r.found ? (r.both / r.found).toFixed(2) : '—'} | ${kb(r.once)} `
    + `| ${kb(pct(r.bytes, 0.5))} / ${kb(pct(r.bytes, 0.95))} | ${ms(pct(r.fast, 0.5))} / ${ms(pct(r.fast, 0.95))} `
    + `| ${ms(pct(r.slow, 0.5))} / ${ms(pct(r.slow, 0.95))} | ${ms1(pct(r.warm, 0.5))} / ${ms1(pct(r.warm, 0.95))} |`);
}
const [a, b] = [result.ours, result.pagefind];
const ratio = (x, y) => (y ? (x / y).toFixed(2) : '—');
console.log(`| ours / Pagefind | ${ratio(build.ours, build.pagefind)} | ${ratio(size.ours, size.pagefind)} | | | ${ratio(a.once, b.once)} `
  + `| ${ratio(pct(a.bytes, 0.5), pct(b.bytes, 0.5))} / ${ratio(pct(a.bytes, 0.95), pct(b.bytes, 0.95))} `
  + `| ${ratio(pct(a.fast, 0.5), pct(b.fast, 0.5))} / ${ratio(pct(a.fast, 0.95), pct(b.fast, 0.95))} `
  + `| ${ratio(pct(a.slow, 0.5), pct(b.slow, 0.5))} / ${ratio(pct(a.slow, 0.95), pct(b.slow, 0.95))} `
  + `| ${ratio(pct(a.warm, 0.5), pct(b.warm, 0.5))} / ${ratio(pct(a.warm, 0.95), pct(b.warm, 0.95))} |`);
// Machine-readable, to compare corpus sizes (10,000 against all).
writeFileSync(join(OUT, `vs-pagefind-${SIZE}.json`), JSON.stringify({
  docs: docs.length, textBytes, queries: queries.length, timed: TIMED, phases,
  pagefindBuild: { cached: pf.cached, ...pf.stamp }, countMismatches: mismatches,
  engines: Object.fromEntries(ENGINES.map((e) => [e, {
    build: build[e], bytesOnDisk: size[e], once: result[e].once,
    recall: result[e].both / truthTotal, precision: result[e].found ? result[e].both / result[e].found : null,
    bytes: [pct(result[e].bytes, 0.5), pct(result[e].bytes, 0.95)],
    fast: [pct(result[e].fast, 0.5), pct(result[e].fast, 0.95)],
    slow: [pct(result[e].slow, 0.5), pct(result[e].slow, 0.95)],
    warm: [pct(result[e].warm, 0.5), pct(result[e].warm, 0.95)],
  }])),
}, null, 1));
if (mismatches.length) {
  console.error(`\nFAIL: ${mismatches.length} queries whose count in the browser is not the substring scan's:`);
  for (const m of mismatches) console.error(`  ${JSON.stringify(m.q)}: browser ${m.browser}, scan ${m.truth}, CLI ${m.cli}`);
  process.exit(1);
}
