// createIndex(): headless search over many articles, the widget's own engine.
import { createIndexFromJson } from '../article-reader-wasm.js';
import { scoreUnit } from '../../src/settings.json';
import { boot, loadVariants } from './boot.js';

/** Unpacks SearchIndex.searchPacked (its layout is documented in src/embed.rs). */
function unpack([n, text]) {
  const hits = [];
  let p = 2, t = 0;
  const str = (len) => text.slice(t, (t += len));
  const pairs = () => Array.from({ length: n[p++] }, () => [n[p++], n[p++]]);
  while (hits.length < n[1]) {
    const [index, score, idLen, titleLen, snippetLen] = n.subarray(p, (p += 5));
    hits.push({
      id: str(idLen), index, title: str(titleLen), score: score / scoreUnit,
      snippet: str(snippetLen), marks: pairs(), titleMarks: pairs(),
    });
  }
  hits.total = n[0];
  return hits;
}

/**
 * A headless search index over `docs`: an array of articles in any accepted
 * format, a JSON Feed, or one article (objects or JSON text). Option
 * `variants`: simplified and traditional forms match each other. Resolves to
 * an index whose search(query, { limit }) returns the best `limit` ranked hits
 * (all by default), with the number of matching articles as `total`.
 */
export async function createIndex(docs, options = {}) {
  await boot();
  if (options?.variants) await loadVariants();
  const json = typeof docs === 'string' ? docs : JSON.stringify(docs);
  const inner = createIndexFromJson(json, !!options?.variants);
  return {
    get size() { return inner.size; },
    get indexBytes() { return inner.indexBytes; },
    search(query, { limit } = {}) {
      const max = limit >= 0 && limit < 2 ** 32 ? limit : undefined;
      return unpack(inner.searchPacked(String(query ?? ''), max));
    },
    count: (query) => inner.count(String(query ?? '')),
    free: () => inner.free(),
  };
}
