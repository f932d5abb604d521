// Starting the wasm, and the tables it loads only when asked. Every file is
// found next to the bundle (import.meta.url), so dist/ can be hosted under
// any path.
//
// Two builds of the same crate ship (README, "Speed and size"): the lean
// one (article-reader-wasm*, Trunk's build) for what every reader does, and
// the full one (article-reader-full*, scripts/full-wasm.mjs) that adds
// hydrating a server-rendered reader and site search. A page loads the full
// one only when something needs it; from then on every later start uses it
// too (one more instance would cost memory and nothing else), while readers
// already running on the lean one keep it. Each instance is a wasm module
// of its own: the tables (entities.bin, variants.bin) are installed into
// each instance that asks, and what a reader returns belongs to its instance.
// Both glues are imported on demand: a page fetches only the one it starts
// (the import is as deep in the request chain as a static one would be).

/** The URL of a shipped file next to this module. */
export const here = (name) => new URL(name, import.meta.url).href;

/** A shipped table's bytes, fetched once per page whichever instance asks;
 * a failed fetch is not cached. */
const tables = {};
const tableBytes = (name) => (tables[name] ??= fetch(here(name))
  .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${name}: HTTP ${r.status}`))))
  .then((b) => new Uint8Array(b))
  .catch((err) => { tables[name] = undefined; throw err; }));

/**
 * One started wasm: `wasm` is its module (the wasm-bindgen glue's exports),
 * `full` whether it is the full build; `loadVariants()` and
 * `entitiesFor(text)` install the tables into this instance.
 */
function instance(glue, wasmFile, full) {
  const wasm = glue.then((m) => m.default({ module_or_path: here(wasmFile) }).then(() => m));
  return wasm.then((m) => {
    m.setEntitiesUrl(here('entities.bin'));
    let variants;
    let entities;
    /** Installs the simplified/traditional table once (it is not in the
     * wasm: most readers never use it). Without it, search still works,
     * only without folding variants. */
    const loadVariants = () => (variants ??= tableBytes('variants.bin')
      .then((b) => m.installVariants(b))
      .catch((err) => { variants = undefined; console.warn('article-reader:', err); }));
    // The full build's site search installs it when the index's manifest
    // says it folds variants (the host need not ask).
    m.setVariantsLoader?.(loadVariants);
    return {
      wasm: m,
      full,
      loadVariants,
      /** Makes sure JSON text about to be parsed in this instance can be
       * decoded in full: installs the whole table of named character
       * references first when the text names one the wasm's common names
       * do not know (most documents never do). */
      entitiesFor: (text) => (typeof text === 'string' && m.needsEntities(text)
        ? (entities ??= tableBytes('entities.bin')
          .then((b) => m.installEntities(b))
          .catch((err) => { entities = undefined; console.warn('article-reader:', err); }))
        : null),
    };
  });
}

let lean;
let full;
/** A failed load (network, CSP without 'wasm-unsafe-eval') is not cached:
 * the next start tries again. */
const once = (start, forget) => start().catch((err) => { forget(); throw err; });

/**
 * Starts the wasm a reader or an index needs, once per build: the full one
 * when `needsFull` (or once the page has started it), else the lean one.
 * Resolves to the instance (see instance()).
 */
export function boot(needsFull = false) {
  if (needsFull || full) {
    return (full ??= once(() => instance(import('../article-reader-full.js'), 'article-reader-full_bg.wasm', true), () => { full = undefined; }));
  }
  return (lean ??= once(() => instance(import('../article-reader-wasm.js'), 'article-reader-wasm_bg.wasm', false), () => { lean = undefined; }));
}
