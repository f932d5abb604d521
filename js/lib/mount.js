// mount(): a reader in any element, with update() and destroy().
import { hydrateReader, mountReader } from '../article-reader-wasm.js';
import { readingAids } from './aids.js';
import { boot, entitiesFor, loadVariants } from './boot.js';
import { showFailure } from './failure-view.js';
import { shell } from './shell.js';

/** Options as the wasm side reads them: `article` becomes `json` text (a
 * lone surrogate, from a string cut inside an emoji, is escaped by
 * JSON.stringify and read back as U+FFFD). */
function normalise(options = {}) {
  const o = { ...options };
  if (o.article !== undefined && o.json === undefined) o.json = JSON.stringify(o.article);
  delete o.article;
  return o;
}

/** element → the handle of the reader mounted into it. */
const mounted = new WeakMap();

/**
 * Mounts a reader into `element` (inside its shadow root when it can have
 * one). Returns at once a handle with update(options), destroy() and
 * `ready` (a promise that settles once the reader runs, fails or is
 * destroyed). Mounting again into the same element replaces the reader.
 * Options: see ReaderOptions in article-reader.d.ts.
 */
export function mount(element, options = {}) {
  mounted.get(element)?.destroy();
  let handle = null;
  let destroyed = false;
  let pending;
  let unreadable = null;
  try {
    pending = normalise(options);
  } catch (err) {
    unreadable = err; // e.g. a cyclic `article`: shown as an error, not thrown
  }
  // The server rendered the element's own document with no query: those
  // options hydrate its reader in place; any others render anew.
  const inline = element.querySelector(':scope > script[type="application/json"]');
  const hydrate = !!inline && pending?.json === inline.textContent && !pending.query;
  const { root, container, styled, unblock, reveal, hydrating } = shell(element, { hydrate });
  const aids = readingAids(element, root, container, {
    standalone: () => !!pending?.standalone,
    sentences: (text) => (handle ? handle.sentenceBounds(text).split(',').filter(Boolean).map(Number) : []),
  });
  const ready = Promise.all([boot(), styled, pending?.variants ? loadVariants() : null]).then(async () => {
    if (destroyed) return;
    if (unreadable) throw unreadable;
    // The server decoded every reference with the whole table: so must we,
    // before parsing (and before hydrating, or the text would differ).
    await entitiesFor(pending.json);
    if (destroyed) return;
    handle = (hydrating ? hydrateReader : mountReader)(element, container, pending);
    // Yew renders in a microtask; the frame callback runs after it and
    // before the paint, so the swap never shows an empty reader.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (!destroyed) reveal();
  }).catch((err) => {
    if (destroyed) return;
    reveal();
    showFailure(container, element, options, String((err && err.message) || err));
  });
  const api = {
    ready,
    update(next) {
      pending = normalise(next);
      unreadable = null;
      const apply = () => { if (handle && !destroyed) handle.update(pending); };
      const tables = [pending.variants ? loadVariants() : null, handle ? entitiesFor(pending.json) : null];
      if (tables.some(Boolean)) Promise.all(tables).then(apply); else apply();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unblock();
      aids.destroy();
      if (mounted.get(element) === api) mounted.delete(element);
      if (handle) { handle.destroy(); handle.free(); handle = null; }
      root.replaceChildren();
      element.removeAttribute('data-ar-live');
      if (root.host !== element) root.host.remove();
    },
  };
  mounted.set(element, api);
  return api;
}
