// createIndex(): headless search over many articles, the widget's own engine.
import { boot } from './boot.js';

/**
 * A headless search index over `docs`: an array of articles in any accepted
 * format, a JSON Feed, or one article (objects or JSON text). Option
 * `variants`: simplified and traditional forms match each other. Resolves to
 * an index whose search(query, { limit }) returns the best `limit` ranked hits
 * (all by default), with the number of matching articles as `total`.
 */
export async function createIndex(docs, options = {}) {
  // Either wasm has the engine: the one the page already runs, else the lean one.
  const instance = await boot();
  if (options?.variants) await instance.loadVariants();
  const json = typeof docs === 'string' ? docs : JSON.stringify(docs);
  await instance.entitiesFor(json);
  const inner = instance.wasm.createIndexFromJson(json, !!options?.variants);
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
