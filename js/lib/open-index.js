// openIndex(): site search over a static index built by
// `article-reader index`, the same matching as createIndex.
import { boot } from './boot.js';
import { openIndex as openSiteIndex } from './site-index.js';

/**
 * Opens the site index at `url` (a directory holding manifest.json):
 * resolves to `{ search(query, { limit }) → Promise<hits>, bytesFetched }`.
 */
export async function openIndex(url, options = {}) {
  // The site search engine is in the full wasm only (boot.js).
  const { wasm, loadVariants } = await boot(true);
  return openSiteIndex(url, wasm, { loadVariants, ...options });
}
