// createIndex(): headless search over many articles, the widget's own engine.
import { createIndexFromJson } from '../article-reader-wasm.js';
import { boot, entitiesFor, loadVariants } from './boot.js';

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
  await entitiesFor(json);
  const inner = createIndexFromJson(json, !!options?.variants);
  return {
    get size() { return inner.size; },
    get indexBytes() { return inner.indexBytes; },
    search(query, { limit } = {}) {
      const max = limit >= 0 && limit < 2 ** 32 ? limit : undefined;
      const { total, hits } = inner.search(String(query ?? ''), max);
      hits.total = total;
      return hits;
    },
    count: (query) => inner.count(String(query ?? '')),
    free: () => inner.free(),
  };
}
