#!/usr/bin/env node
// Site search against Pagefind (issue 12; prints tables, not a test): the
// same documents (one per poem of chinese-poetry's Tang and Song poems,
// bench/search/site-corpus.mjs), indexed by `article-reader index` and by
// Pagefind (npm `pagefind`, `forceLanguage: 'zh'`, one HTML page per
// poem), then queried in headless Chromium through each one's own JS API.
//
//   make bench-site-search          (builds dist/ and the CLI first)
//   node bench/site-search-vs-pagefind.mjs [--size 10000|all] [--timed 60] [--queries N]
//   (--size all: every poem, about 312,000; make bench-site-search SIZE=all)
//
// Prints, for each engine: build seconds, index bytes on disk, recall and
// precision against a brute-force substring scan (every query's full hit
// set), bytes fetched per query for the top 10 hits shown (median / p95;
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
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';

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
const corpus = join(OUT, `site-${SIZE}.jsonl`);
if (!existsSync(corpus)) execFileSync('node', [join(DEPS, 'site-corpus.mjs'), SIZE], { stdio: 'inherit' });
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

// ---- Building both indexes ---------------------------------------------------

const ours = join(OUT, `vs-pagefind-${SIZE}-ours`);
const pfSite = join(OUT, `vs-pagefind-${SIZE}-html`);
const pfOut = join(OUT, `vs-pagefind-${SIZE}-pagefind`);
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function dirBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return n;
}

rmSync(ours, { recursive: true, force: true });
let t = performance.now();
execFileSync(CLI, ['index', '--out', ours, corpus], { stdio: ['ignore', 'ignore', 'ignore'] });
const oursBuild = (performance.now() - t) / 1000;

// One HTML page per poem, as a site would publish it.
rmSync(pfSite, { recursive: true, force: true });
mkdirSync(join(pfSite, 'poem'), { recursive: true });
for (const d of docs) {
  writeFileSync(join(pfSite, d.url), `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${esc(d.title)}</title></head>`
    + `<body><main data-pagefind-body><h1>${esc(d.title)}</h1><p>${esc(d.blocks[0].text).replace(/\n/g, '<br>')}</p></main></body></html>`);
}
// Its package exports only `import`: loaded by path from bench/search.
const PAGEFIND = join(DEPS, 'node_modules', 'pagefind');
const pagefind = await import(pathToFileURL(join(PAGEFIND, 'lib', 'index.js')).href);
rmSync(pfOut, { recursive: true, force: true });
t = performance.now();
const { index: pf, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
if (errors.length) throw new Error(errors.join('\n'));
const added = await pf.addDirectory({ path: pfSite });
await pf.writeFiles({ outputPath: join(pfOut, 'pagefind') });
const pfBuild = (performance.now() - t) / 1000;
await pagefind.close();
if (added.page_count !== docs.length) throw new Error(`Pagefind indexed ${added.page_count} pages of ${docs.length}`);

/** Pagefind result id → page URL, from its fragment files on disk. */
const pfUrl = new Map();
const fragDir = join(pfOut, 'pagefind', 'fragment');
for (const f of readdirSync(fragDir)) {
  const text = gunzipSync(readFileSync(join(fragDir, f))).toString('utf8');
  pfUrl.set(f.replace(/\.pf_fragment$/, ''), JSON.parse(text.slice(text.indexOf('{'))).url.replace(/\.html$/, '.html'));
}
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
const MOUNTS = [['/ours/', ours], ['/pf/', pfOut], ['/', DIST]];
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
 * snippet) in the DOM and resolves once they are painted; `all(q)` is every
 * hit's URL (or Pagefind's result ids). */
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
    /** At most 32 requests in flight: a query with every document as a
     * hit asks for thousands of packs at once, more than Chromium lets a
     * page have in flight. */
    const queue = [];
    let active = 0;
    const limited = (...a) => new Promise((resolve, reject) => {
      const run = () => {
        active++;
        fetch(...a).then(resolve, reject).finally(() => { active--; queue.shift()?.(); });
      };
      if (active < 32) run(); else queue.push(run);
    });
    window.engine = {
      async open() {
        const { openIndex } = await import('/article-reader.js');
        this.openIndex = openIndex;
        this.ix = await openIndex('/ours/');
      },
      async top(q) {
        return show(await this.ix.search(q, { limit: 10 }));
      },
      async all(q) {
        // A fresh index each query, so the files of 200 queries do not
        // pile up in the wasm's memory.
        const ix = await this.openIndex('/ours/', { fetch: limited });
        try {
          const { total } = await ix.search(q, { limit: 0 });
          return (await ix.search(q, { limit: total })).map((h) => h.url);
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

const pct = (v, p) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
};
const ENGINES = ['ours', 'pagefind'];
const result = Object.fromEntries(ENGINES.map((e) => [e, { once: 0, bytes: [], fast: [], slow: [], warm: [], found: 0, both: 0 }]));

// Recall and precision: every hit of every query, in one warm page each.
let truthTotal = 0;
const truths = queries.map(({ q }) => truth(q));
for (const t of truths) truthTotal += t.size;
for (const engine of ENGINES) {
  const p = await openPage(engine);
  const r = result[engine];
  for (let i = 0; i < queries.length; i++) {
    let got = await p.page.evaluate((q) => window.engine.all(q), queries[i].q);
    if (engine === 'pagefind') got = got.map((id) => pfUrl.get(id));
    const set = new Set(got);
    if (process.env.DEBUG) console.error(engine, JSON.stringify(queries[i].q), 'found', set.size, 'truth', truths[i].size, [...set].slice(0, 3));
    r.found += set.size;
    for (const u of set) if (truths[i].has(u)) r.both += 1;
  }
  await p.close();
}

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
await browser.close();
server.close();

// ---- Tables ---------------------------------------------------------------------

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const size = { ours: dirBytes(ours), pagefind: dirBytes(pfOut) };
const build = { ours: oursBuild, pagefind: pfBuild };
console.log(`\n${docs.length} documents, ${mb(textBytes)} of text, ${queries.length} queries `
  + `(${TIMED} timed cold, both networks); Pagefind ${JSON.parse(readFileSync(join(PAGEFIND, 'package.json'), 'utf8')).version}\n`);
console.log('| engine | build | index on disk | recall | precision | opening the index (once) | bytes per query, top 10: median / p95 | cold query unthrottled: median / p95 | cold query, slow 4G: median / p95 | warm query: median / p95 |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const ms1 = (n) => `${n.toFixed(1)} ms`;
for (const e of ENGINES) {
  const r = result[e];
  console.log(`| ${e === 'ours' ? 'article-reader' : 'Pagefind'} | ${build[e].toFixed(1)} s | ${mb(size[e])} (${(size[e] / textBytes).toFixed(2)}× text) `
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
  docs: docs.length, textBytes, queries: queries.length, timed: TIMED,
  engines: Object.fromEntries(ENGINES.map((e) => [e, {
    build: build[e], bytesOnDisk: size[e], once: result[e].once,
    recall: result[e].both / truthTotal, precision: result[e].found ? result[e].both / result[e].found : null,
    bytes: [pct(result[e].bytes, 0.5), pct(result[e].bytes, 0.95)],
    fast: [pct(result[e].fast, 0.5), pct(result[e].fast, 0.95)],
    slow: [pct(result[e].slow, 0.5), pct(result[e].slow, 0.95)],
    warm: [pct(result[e].warm, 0.5), pct(result[e].warm, 0.95)],
  }])),
}, null, 1));
