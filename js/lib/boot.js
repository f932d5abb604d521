// Starting the wasm, and the tables it loads only when asked. Every file is
// found next to the bundle (import.meta.url), so dist/ can be hosted under
// any path.
import init, { installEntities, installVariants, needsEntities, setEntitiesUrl } from '../article-reader-wasm.js';

/** The URL of a shipped file next to this module. */
export const here = (name) => new URL(name, import.meta.url).href;

let booted;
/** Starts the wasm once. A failed load (network, CSP without
 * 'wasm-unsafe-eval') is not cached: the next mount tries again. */
export const boot = () => (booted ??= init({ module_or_path: here('article-reader-wasm_bg.wasm') })
  .then(() => setEntitiesUrl(here('entities.bin')))
  .catch((err) => { booted = undefined; throw err; }));

let variantsLoaded;
/** Fetches the simplified/traditional table once, when first asked for (it
 * is not in the wasm: most readers never use it). Without it, search still
 * works, only without folding variants. */
export const loadVariants = () => (variantsLoaded ??= boot()
  .then(() => fetch(here('variants.bin')))
  .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`variants.bin: HTTP ${r.status}`))))
  .then((b) => installVariants(new Uint8Array(b)))
  .catch((err) => { variantsLoaded = undefined; console.warn('article-reader:', err); }));

let entitiesLoaded;
/** Fetches the whole table of named character references once, when a
 * document names one the wasm's common names do not know (most documents
 * never do). Without it those names stay as written. Call after boot(). */
const loadEntities = () => (entitiesLoaded ??= fetch(here('entities.bin'))
  .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`entities.bin: HTTP ${r.status}`))))
  .then((b) => installEntities(new Uint8Array(b)))
  .catch((err) => { entitiesLoaded = undefined; console.warn('article-reader:', err); }));

/** Makes sure JSON text about to be parsed in the wasm can be decoded in
 * full: loads the table first when the text needs it. Call after boot(). */
export const entitiesFor = (text) => (typeof text === 'string' && needsEntities(text) ? loadEntities() : null);
