// The in-browser half of the search benchmark (driven by bench/search.mjs).
// Each engine runs in a fresh page: load the corpus, build, run every query.
import { createIndex } from '/article-reader.js';
import { wasmMemoryBytes } from '/article-reader-wasm.js';
import MiniSearch from '/minisearch.js';

const now = () => performance.now();
const gc = () => { if (window.gc) { window.gc(); window.gc(); } };
const heap = () => { gc(); return performance.memory ? performance.memory.usedJSHeapSize : 0; };

/** The normalisation of src/core/search/normalize.rs, as far as the corpus
 * needs it: full-width ASCII → ASCII, lower case, whitespace runs → one
 * space, trimmed. */
export const norm = (s) => s
  .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  .toLowerCase()
  .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
  .trim();

/** The simplified/traditional fold of src/core/search/variants.bin. */
async function variantFold() {
  const b = new Uint8Array(await (await fetch('/variants.bin')).arrayBuffer());
  const map = new Map();
  let pos = 0, member = 0;
  const varint = () => { let n = 0, s = 0, x; do { x = b[pos++]; n |= (x & 0x7f) << s; s += 7; } while (x & 0x80); return n >>> 0; };
  while (pos < b.length) {
    member += varint();
    const z = varint();
    map.set(String.fromCodePoint(member), String.fromCodePoint(z & 1 ? member - (z >>> 1) - 1 : member + (z >>> 1)));
  }
  return (s) => { let o = ''; for (const c of s) o += map.get(c) ?? c; return o; };
}

/** The searchable fields of a feed item, as our adapter splits them. */
const fields = (item) => [item.title, ...item.content_text.split(/\n[ \t]*\n/)];

async function corpus(n) {
  return (await fetch(`/corpus/${n}.json`)).json();
}

/** Mean time of `f` over enough runs to last `ms`. */
function timeEach(f, ms) {
  f();
  let runs = 0;
  const t0 = now();
  do { f(); runs++; } while (now() - t0 < ms && runs < 500);
  return (now() - t0) / runs;
}

function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  const at = (q) => s[Math.round((s.length - 1) * q)];
  return { median: at(0.5), p95: at(0.95) };
}

/** Micro-averaged recall and precision of `found` against `truth` (arrays of index arrays). */
function accuracy(found, truth) {
  let hit = 0, nf = 0, nt = 0;
  found.forEach((f, i) => {
    const t = new Set(truth[i]);
    nf += f.length; nt += t.size;
    for (const x of f) if (t.has(x)) hit++;
  });
  return { recall: nt ? hit / nt : 1, precision: nf ? hit / nf : 1, found: nf, truth: nt };
}

/** Plain JS: every article's fields normalised, `includes` for each term. */
function scanPrepare(items, fold = (s) => s) {
  return items.map((it) => fields(it).map((f) => fold(norm(f))).join('\n'));
}
function scanSearch(prepared, query) {
  const terms = query.split(' ').filter(Boolean);
  const out = [];
  for (let i = 0; i < prepared.length; i++) {
    const t = prepared[i];
    if (terms.every((x) => t.includes(x))) out.push(i);
  }
  return out;
}

/** The truth for every query: the plain scan's answer (exact by construction). */
async function truthOf(n, fold) {
  const { feed, queries } = await corpus(n);
  const f = fold ? await variantFold() : (s) => s;
  const prepared = scanPrepare(feed.items, f);
  return queries.map((q) => scanSearch(prepared, f(norm(q)).split(' ').filter(Boolean).join(' ')));
}

window.bench = {
  async truth(n, variants = false) { return truthOf(n, variants); },

  async ours(n, { variants = false, limit = 10, ms = 5 } = {}) {
    const { feed, queries: raw } = await corpus(n);
    const fold = variants ? await variantFold() : (s) => s;
    // With variants on, query in the other script: simplified forms.
    const queries = raw.map((q) => fold(q));
    // Load and instantiate the wasm outside the timing.
    (await createIndex([{ format: 'article-reader', version: 1, title: 'x', blocks: [] }])).free();
    const heap0 = heap();
    const mem0 = wasmMemoryBytes();
    let t0 = now();
    let index = await createIndex(feed, { variants });
    const prepare = now() - t0;
    const mem1 = wasmMemoryBytes();
    const heap1 = heap();
    // Again, with the code warm and the memory grown.
    let again = Infinity;
    for (let i = 0; i < 2; i++) {
      index.free();
      t0 = now();
      index = await createIndex(feed, { variants });
      again = Math.min(again, now() - t0);
    }
    const top = [], all = [], found = [];
    let totals = 0;
    for (const q of queries) {
      top.push(timeEach(() => { totals += index.search(q, { limit }).total; }, ms));
    }
    for (const q of queries) {
      let hits;
      all.push(timeEach(() => { hits = index.search(q); }, ms));
      found.push(hits.map((h) => h.index));
    }
    return {
      prepare, again, indexBytes: index.indexBytes, wasmGrowth: mem1 - mem0, heap: heap1 - heap0,
      top: stats(top), all: stats(all), found, totals,
    };
  },

  async scan(n, { ms = 20 } = {}) {
    const { feed, queries } = await corpus(n);
    const heap0 = heap();
    let t0 = now();
    let prepared = scanPrepare(feed.items);
    const prepare = now() - t0;
    const heap1 = heap();
    let again = Infinity;
    for (let i = 0; i < 2; i++) {
      t0 = now();
      prepared = scanPrepare(feed.items);
      again = Math.min(again, now() - t0);
    }
    const times = [], found = [];
    for (const q of queries) {
      const nq = norm(q);
      let r;
      times.push(timeEach(() => { r = scanSearch(prepared, nq); }, ms));
      found.push(r);
    }
    return { prepare, again, heap: heap1 - heap0, ...stats(times), found, keep: prepared.length };
  },

  async minisearch(n, { ms = 5 } = {}) {
    const { feed, queries } = await corpus(n);
    const grams = (s) => {
      const out = [];
      for (const run of norm(s).split(' ')) {
        const c = [...run];
        for (let i = 0; i < c.length; i++) {
          out.push(c[i]);
          if (i + 1 < c.length) out.push(c[i] + c[i + 1]);
        }
      }
      return out;
    };
    const queryGrams = (q) => norm(q).split(' ').flatMap((t) => {
      const c = [...t];
      return c.length === 1 ? c : c.slice(1).map((x, i) => c[i] + x);
    });
    const docs = feed.items.map((it, i) => ({ id: i, title: it.title, text: it.content_text }));
    const heap0 = heap();
    const t0 = now();
    const ms_ = new MiniSearch({
      fields: ['title', 'text'],
      tokenize: grams,
      processTerm: (t) => t,
      searchOptions: { tokenize: queryGrams, processTerm: (t) => t, combineWith: 'AND', prefix: false, fuzzy: false },
    });
    ms_.addAll(docs);
    const prepare = now() - t0;
    const heap1 = heap();
    const times = [], found = [];
    for (const q of queries) {
      let r;
      times.push(timeEach(() => { r = ms_.search(q); }, ms));
      found.push(r.map((x) => x.id));
    }
    return { prepare, heap: heap1 - heap0, ...stats(times), found, keep: ms_.documentCount };
  },

  accuracy,
};
window.benchReady = true;
