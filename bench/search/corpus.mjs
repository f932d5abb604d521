// Builds the search benchmark's corpora from the npm package chinese-poetry
// (全唐詩, traditional characters): JSON Feeds of N documents of 1–2 KB
// (consecutive poems, "title author" line then the verses, one paragraph
// per poem), and a fixed set of queries drawn from them. Deterministic.
//
//   node bench/search/corpus.mjs [N …]   → target/bench-search/corpus-N.json
//
// The same files feed the browser benchmark (bench/search.mjs) and the
// native one (cargo bench --bench search).
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const OUT = join(ROOT, 'target', 'bench-search');
const require = createRequire(join(HERE, 'package.json'));

/** All Tang poems in file order. */
function poems() {
  const dir = join(dirname(require.resolve('chinese-poetry/package.json')), 'dist', 'quantangshi');
  const files = readdirSync(dir)
    .filter((f) => /^poet\.tang\.\d+\.json$/.test(f))
    .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  return files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** mulberry32: a small seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytes = (s) => Buffer.byteLength(s, 'utf8');
const isHan = (c) => /\p{Script=Han}/u.test(c);

/** N documents of 1–2 KB (UTF-8) of consecutive poems. */
export function documents(n, all = poems()) {
  const docs = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const paras = [];
    let size = 0;
    let title = '';
    while (size < 1024) {
      const p = all[k++ % all.length];
      if (!title) title = p.title;
      let verses = p.paragraphs.join('\n');
      let para = `${p.title} ${p.author}\n${verses}`;
      const room = 2048 - size - bytes(title) - 2;
      while (bytes(para) > room && p.paragraphs.length) {
        // Too long for what is left: keep the verses that fit.
        verses = verses.slice(0, Math.max(0, verses.length - 16));
        para = `${p.title} ${p.author}\n${verses}`;
        if (!verses) break;
      }
      if (bytes(para) > room) break;
      paras.push(para);
      size += bytes(para) + 2;
    }
    docs.push({ id: `tang-${i}`, title, content_text: paras.join('\n\n') });
  }
  return docs;
}

/** Queries: substrings of 2–4 Han characters, single characters, two-term
 * AND queries, and absent combinations. */
export function queries(docs, count = 200, seed = 7) {
  const r = rng(seed);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const han = (s) => [...s].filter(isHan);
  const piece = (len) => {
    for (;;) {
      const d = pick(docs);
      const chars = [...d.content_text];
      const at = Math.floor(r() * chars.length);
      const s = chars.slice(at, at + len);
      if (s.length === len && s.every(isHan)) return s.join('');
    }
  };
  const out = [];
  const all = han(docs.slice(0, 200).map((d) => d.content_text).join(''));
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    if (kind < 6) out.push(piece(2 + Math.floor(r() * 3)));
    else if (kind === 6) out.push(piece(1));
    else if (kind < 9) out.push(`${piece(2)} ${piece(2 + Math.floor(r() * 2))}`);
    else out.push(Array.from({ length: 3 }, () => pick(all)).join(''));
  }
  return out;
}

/** Writes target/bench-search/corpus-N.json ({ feed, queries }) unless present. */
export function ensureCorpus(n) {
  const file = join(OUT, `corpus-${n}.json`);
  if (!existsSync(file)) {
    mkdirSync(OUT, { recursive: true });
    const docs = documents(n);
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: `全唐詩 ${n}`, items: docs };
    writeFileSync(file, JSON.stringify({ feed, queries: queries(docs) }));
  }
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  for (const n of sizes.length ? sizes : [1000, 10000]) {
    const file = ensureCorpus(n);
    const { feed, queries: q } = JSON.parse(readFileSync(file, 'utf8'));
    const total = feed.items.reduce((s, d) => s + bytes(d.title) + bytes(d.content_text), 0);
    console.log(`${file}: ${feed.items.length} documents, ${(total / 1e6).toFixed(1)} MB, ${q.length} queries`);
  }
}
