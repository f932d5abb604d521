// Pagefind's side of the site-search benchmark (bench/site-search-vs-pagefind.mjs),
// built once per corpus and kept: at every poem (about 312,000 pages) its
// build takes minutes and peaks near 20 GB resident, too much to repeat on
// every run. The build (one HTML page per poem, then Pagefind's index of
// them) lives in target/bench-search/pagefind-cache-<size>/, outside the
// run's own directories:
//
//   html/       the site Pagefind indexed
//   pagefind/   Pagefind's output, served to the browser as it is
//   stamp.json  what it was built from (SHA-256 of the corpus .jsonl,
//               Pagefind's version) and what the build cost when it ran
//               (seconds, peak resident memory of Pagefind's process)
//
// A run reuses the build when the stamp matches the corpus and the
// installed Pagefind; the stamp is written last, so an interrupted build
// is never reused.
//
//   node bench/search/pagefind-cache.mjs [--size 10000|all] [--rebuild-pagefind]
//     (builds the cache, or says it is current; prints the stamp)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OUT } from './corpus.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** The npm package, loaded by path: it exports only `import`. */
export const PAGEFIND = join(HERE, 'node_modules', 'pagefind');
const STAMP = 'stamp.json';

/** The installed Pagefind's version. */
export function pagefindVersion() {
  return JSON.parse(readFileSync(join(PAGEFIND, 'package.json'), 'utf8')).version;
}

/** The corpus of `size`, generated when missing. */
export function corpusPath(size) {
  const corpus = join(OUT, `site-${size}.jsonl`);
  if (!existsSync(corpus)) execFileSync('node', [join(HERE, 'site-corpus.mjs'), size], { stdio: 'inherit' });
  return corpus;
}

async function sha256(file) {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk);
  return h.digest('hex');
}

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** One HTML page per poem, as a site would publish it; returns how many. */
async function writeSite(corpus, site) {
  mkdirSync(join(site, 'poem'), { recursive: true });
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(corpus), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    writeFileSync(join(site, d.url), `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${esc(d.title)}</title></head>`
      + `<body><main data-pagefind-body><h1>${esc(d.title)}</h1><p>${esc(d.blocks[0].text).replace(/\n/g, '<br>')}</p></main></body></html>`);
    n++;
  }
  return n;
}

/** Peak resident bytes (VmHWM) of this process's live children named
 * pagefind*: Pagefind's Node API runs the indexer as a child process. */
function pagefindPeak() {
  let peak = null;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid || !stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith('pagefind')) continue;
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      if (kb) peak = Math.max(peak ?? 0, kb * 1024);
    } catch { /* gone meanwhile */ }
  }
  return peak;
}

/**
 * Pagefind's index of the corpus of `size`: reused when its stamp matches
 * the corpus and Pagefind's version, else (or with `rebuild`) built anew.
 * Returns `{ dir, bundle, stamp, cached }`: `bundle` is the directory the
 * browser loads `pagefind.js` from (`dir/pagefind`).
 */
export async function pagefindIndex(size, { rebuild = false, log = console.error } = {}) {
  const corpus = corpusPath(size);
  const dir = join(OUT, `pagefind-cache-${size}`);
  const bundle = join(dir, 'pagefind');
  const want = { corpus: `site-${size}.jsonl`, corpusSha256: await sha256(corpus), pagefindVersion: pagefindVersion() };
  const stampFile = join(dir, STAMP);
  if (!rebuild && existsSync(stampFile) && existsSync(join(bundle, 'pagefind.js'))) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.corpusSha256 === want.corpusSha256 && stamp.pagefindVersion === want.pagefindVersion) {
      return { dir, bundle, stamp, cached: true };
    }
    log(`${stampFile}: built from another corpus or Pagefind version, rebuilding`);
  }
  rmSync(dir, { recursive: true, force: true });
  log(`Pagefind ${want.pagefindVersion}: writing the HTML site of ${want.corpus}…`);
  const pages = await writeSite(corpus, join(dir, 'html'));
  log(`Pagefind: indexing ${pages} pages…`);
  const pagefind = await import(pathToFileURL(join(PAGEFIND, 'lib', 'index.js')).href);
  const t = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (errors.length) throw new Error(errors.join('\n'));
  const added = await index.addDirectory({ path: join(dir, 'html') });
  const written = await index.writeFiles({ outputPath: bundle });
  const buildSeconds = (performance.now() - t) / 1000;
  // Read before closing: the indexer is still alive, its VmHWM is the
  // whole build's peak.
  const peakRssBytes = pagefindPeak();
  await pagefind.close();
  if (written.errors?.length) throw new Error(written.errors.join('\n'));
  if (added.page_count !== pages) throw new Error(`Pagefind indexed ${added.page_count} pages of ${pages}`);
  const stamp = { ...want, pages, buildSeconds, peakRssBytes, builtAt: new Date().toISOString(), cpus: (await import('node:os')).cpus().length };
  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 1)}\n`);
  return { dir, bundle, stamp, cached: false };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const size = args.includes('--size') ? args[args.indexOf('--size') + 1] : '10000';
  const { dir, stamp, cached } = await pagefindIndex(size, { rebuild: args.includes('--rebuild-pagefind') });
  console.log(`${dir} (${cached ? 'cached, current' : 'built now'}):\n${JSON.stringify(stamp, null, 1)}`);
}
