// The site-search benchmark's corpora (issue 12): one document per poem
// of chinese-poetry's quantangshi (Tang and Song), as JSON Lines of native
// documents (title, author, the verses as one paragraph), and at
// least 100 queries with their kinds: random substrings of 1–8 characters
// drawn from the documents, two-term queries, Latin/digits, absent
// strings. Deterministic.
//
//   node bench/search/site-corpus.mjs [N …]   (0 or "all": every poem)
//     → target/bench-search/site-N.jsonl, site-N-queries.json
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, rng } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(HERE, 'package.json'));

function poems() {
  const dir = join(dirname(require.resolve('chinese-poetry/package.json')), 'dist', 'quantangshi');
  const num = (f) => Number(f.split('.')[2]);
  const files = readdirSync(dir)
    .filter((f) => /^poet\.(tang|song)\.\d+\.json$/.test(f))
    .sort((a, b) => a.split('.')[1].localeCompare(b.split('.')[1]) || num(a) - num(b));
  return files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

function docs(n) {
  const all = poems();
  const out = [];
  for (let i = 0; i < all.length && (n === 0 || out.length < n); i++) {
    const p = all[i];
    const text = (p.paragraphs ?? []).join('\n');
    if (!p.title || !text) continue;
    out.push({
      format: 'article-reader',
      version: 1,
      id: `p${i}`,
      url: `/poem/${i}.html`,
      title: p.title,
      author: p.author ?? '',
      blocks: [{ type: 'paragraph', text }],
    });
  }
  return out;
}

function queries(ds, count = 200, seed = 12) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const piece = (len) => {
    for (;;) {
      const chars = [...pick(ds).blocks[0].text.replace(/\s+/g, '')];
      if (chars.length < len) continue;
      const at = Math.floor(r() * (chars.length - len + 1));
      return chars.slice(at, at + len).join('');
    }
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    const k = i % 10;
    if (k < 6) out.push({ kind: 'substring', q: piece(1 + Math.floor(r() * 8)) });
    else if (k < 8) out.push({ kind: 'two terms', q: `${piece(2)} ${piece(1 + Math.floor(r() * 3))}` });
    else if (k === 8) out.push({ kind: 'latin/digits', q: pick(['2024', 'APP', 'li bai', '1.4', 'x', '99']) });
    else out.push({ kind: 'absent', q: `${piece(2)}丨${piece(1)}` });
  }
  return out;
}

const args = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });
for (const a of args.length ? args : ['10000', 'all']) {
  const n = a === 'all' ? 0 : Number(a);
  const ds = docs(n);
  const name = n === 0 ? 'all' : String(n);
  writeFileSync(join(OUT, `site-${name}.jsonl`), ds.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(join(OUT, `site-${name}-queries.json`), JSON.stringify(queries(ds)));
  const bytes = ds.reduce((s, d) => s + Buffer.byteLength(d.title) + Buffer.byteLength(d.blocks[0].text), 0);
  console.log(`site-${name}: ${ds.length} documents, ${(bytes / 1e6).toFixed(1)} MB of text`);
}
