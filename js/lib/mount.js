// mount(): a reader in any element, with update() and destroy().
import { readingAids } from './aids.js';
import { boot } from './boot.js';
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

/** Whether a reader with these options needs the full wasm (boot.js) for
 * what it shows: site search (`index`). Hydrating needs it too. */
const needsFull = (o) => typeof o?.index === 'string' && o.index.trim() !== '';

/** Resolves just after the next paint (the frame callback runs before it,
 * the task it queues after), or at once in a hidden tab, which does not
 * paint. A server-rendered reader is on screen already: starting the wasm
 * after its first paint keeps that paint as early as a static page's. */
const afterPaint = () => new Promise((resolve) => {
  if (document.visibilityState === 'hidden') resolve();
  else requestAnimationFrame(() => setTimeout(resolve, 0));
});

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
  // The wasm instance this reader runs in (boot.js): what it returns
  // belongs to that instance, and so do the tables it installs.
  let inst = null;
  /** While the reader moves to the full wasm (update()). */
  let upgrading = null;
  /** Selects again, once hydrated, what the reader had selected. */
  let reselect = () => {};
  /** Starts the reader in `instance` with the latest options, after the
   * tables they need are installed there. */
  const start = async (instance, hydrateIt) => {
    // The server decoded every reference with the whole table: so must we,
    // before parsing (and before hydrating, or the text would differ).
    // Only a hydrating reader keeps a selection: that code comes on demand.
    const [keeper] = await Promise.all([hydrateIt ? import('./keep-selection.js') : null,
      instance.entitiesFor(pending.json), pending.variants ? instance.loadVariants() : null]);
    if (destroyed) return false;
    inst = instance;
    const { hydrateReader, mountReader } = instance.wasm;
    if (keeper) reselect = keeper.keepSelection(root);
    handle = (hydrateIt ? hydrateReader : mountReader)(element, container, pending);
    return true;
  };
  const started = hydrating ? afterPaint().then(() => boot(true)) : boot(needsFull(pending));
  const ready = Promise.all([started, styled]).then(async ([instance]) => {
    if (destroyed) return;
    if (unreadable) throw unreadable;
    if (!(await start(instance, hydrating))) return;
    // Yew renders in a microtask; the frame callback runs after it and
    // before the paint, so the swap never shows an empty reader (nor a
    // hydrated one without the text the reader had selected).
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (destroyed) return;
    reselect();
    reveal();
  }).catch((err) => {
    if (destroyed) return;
    reveal();
    showFailure(container, element, options, String((err && err.message) || err));
  });
  /** Stops the running reader (its DOM and listeners go with it). */
  const stop = () => {
    if (handle) { handle.destroy(); handle.free(); handle = null; }
  };
  const api = {
    ready,
    update(next) {
      pending = normalise(next);
      unreadable = null;
      // Not running yet, or moving: the start reads `pending`.
      if (!handle || destroyed || upgrading) return;
      if (needsFull(pending) && !inst.full) {
        // Site search asked of a reader on the lean wasm: it starts again
        // in the full one (the state of a reader cannot move between
        // instances).
        upgrading = boot(true)
          .then((instance) => { stop(); return !destroyed && start(instance, false); })
          .catch((err) => {
            // The full wasm did not load: the reader goes on without site search.
            if (destroyed) return;
            if (handle) console.warn('article-reader:', err);
            else showFailure(container, element, next, String((err && err.message) || err));
          })
          .finally(() => { upgrading = null; });
        return;
      }
      const apply = () => { if (handle && !destroyed) handle.update(pending); };
      const tables = [pending.variants ? inst.loadVariants() : null, inst.entitiesFor(pending.json)];
      if (tables.some(Boolean)) Promise.all(tables).then(apply); else apply();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unblock();
      aids.destroy();
      if (mounted.get(element) === api) mounted.delete(element);
      stop();
      root.replaceChildren();
      element.removeAttribute('data-ar-live');
      if (root.host !== element) root.host.remove();
    },
  };
  mounted.set(element, api);
  return api;
}
