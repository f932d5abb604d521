// article-reader.js — the embed loader. Defines <article-reader>, and
// exports mount() and createIndex(). It finds its wasm and CSS next to
// itself (import.meta.url), so dist/ can be hosted under any path. No
// globals besides the element; no eval; CSP-safe (the stylesheet is a
// <link> to a file next to this module).
import init, { mountReader, createIndexFromJson, installVariants } from './article-reader-wasm.js';

const here = (name) => new URL(name, import.meta.url).href;
const CSS_URL = here('article-reader.css');
let booted;
// A failed load (network, CSP without 'wasm-unsafe-eval') is not cached:
// the next mount tries again.
const boot = () => (booted ??= init({ module_or_path: here('article-reader-wasm_bg.wasm') })
  .catch((err) => { booted = undefined; throw err; }));

let variantsLoaded;
/** Fetches the simplified/traditional table once, when first asked for (it
 * is not in the wasm: most readers never use it). Without it, search still
 * works, only without folding variants. */
const loadVariants = () => (variantsLoaded ??= boot()
  .then(() => fetch(here('variants.bin')))
  .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`variants.bin: HTTP ${r.status}`))))
  .then((b) => installVariants(new Uint8Array(b)))
  .catch((err) => { variantsLoaded = undefined; console.warn('article-reader:', err); }));

/**
 * Builds the shadow root. An element that cannot have one (a <ul>, an
 * <input>, one with a closed root of its own) gets a <div> child that does:
 * the stylesheet must never land in the light DOM, where it would apply to
 * the whole host page.
 */
function shell(element) {
  let root;
  try {
    root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  } catch {
    const inner = document.createElement('div');
    element.replaceChildren(inner);
    root = inner.attachShadow({ mode: 'open' });
  }
  // The standalone page ships a prerendered reader (a declarative shadow
  // root): keep it on screen until the live one has rendered, then swap.
  const prerendered = root.querySelector(':scope > .ar-prerendered') ? [...root.childNodes] : [];
  let link = prerendered.find((n) => n.nodeName === 'LINK');
  if (!prerendered.length) {
    root.replaceChildren();
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL;
    root.append(link);
  }
  const container = document.createElement('div');
  container.className = prerendered.length ? 'ar-host ar-pending' : 'ar-host';
  root.append(container);
  // Render once the stylesheet is in, so the reader never flashes unstyled.
  // `unblock` settles it early (on destroy: a removed <link> never loads).
  let unblock;
  const styled = new Promise((resolve) => {
    unblock = resolve;
    if (link.sheet) resolve();
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  /** Shows the live reader in place of the prerendered one. */
  const reveal = () => {
    for (const node of prerendered) if (node !== link) node.remove();
    container.classList.remove('ar-pending');
    element.setAttribute('data-ar-live', '');
  };
  return { root, container, styled, unblock, reveal };
}


/** Options as the wasm side reads them: `article` becomes `json` text (a
 * lone surrogate, from a string cut inside an emoji, is escaped by
 * JSON.stringify and read back as U+FFFD). */
function normalise(options = {}) {
  const o = { ...options };
  if (o.article !== undefined && o.json === undefined) o.json = JSON.stringify(o.article);
  delete o.article;
  return o;
}

/** The error view for failures before the reader runs (the wasm did not
 * load, the options could not be read): text only, in the UI language. */
function showFailure(container, element, options, message) {
  const tag = String((options && options.lang) || element.closest('[lang]')?.getAttribute('lang') || 'zh-CN');
  const en = tag.toLowerCase().startsWith('en');
  const view = document.createElement('div');
  view.className = 'ar-reader ar-theme-auto';
  view.lang = en ? 'en' : 'zh-CN';
  const alert = document.createElement('div');
  alert.className = 'ar-error';
  alert.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.className = 'ar-error-title';
  title.textContent = en ? 'The reader could not start' : '阅读器无法启动';
  const detail = document.createElement('p');
  detail.className = 'ar-error-message';
  detail.textContent = message;
  alert.append(title, detail);
  view.append(alert);
  container.replaceChildren(view);
}

/** element → the handle of the reader mounted into it. */
const mounted = new WeakMap();

/**
 * Mounts a reader into `element` (inside its shadow root when it can have
 * one). Returns at once a handle with update(options), destroy() and
 * `ready` (a promise that settles once the reader runs, fails or is
 * destroyed). Mounting again into the same element replaces the reader.
 * Options: src, article (object), json (text), lang, theme, fontSize,
 * query, maxBytes.
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
  const { root, container, styled, unblock, reveal } = shell(element);
  const ready = Promise.all([boot(), styled, pending?.variants ? loadVariants() : null]).then(async () => {
    if (destroyed) return;
    if (unreadable) throw unreadable;
    handle = mountReader(element, container, pending);
    // Yew renders in a microtask; the frame callback runs after it and
    // before the paint, so the swap never shows an empty reader.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    if (!destroyed) reveal();
  }).catch((err) => {
    if (destroyed) return;
    reveal();
    const message = String((err && err.message) || err);
    showFailure(container, element, options, message);
    element.dispatchEvent(new CustomEvent('article-reader:error', {
      bubbles: true, composed: true, detail: { message },
    }));
  });
  const api = {
    ready,
    update(next) {
      pending = normalise(next);
      unreadable = null;
      const apply = () => { if (handle && !destroyed) handle.update(pending); };
      if (pending.variants) loadVariants().then(apply); else apply();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unblock();
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

/**
 * A headless search index over `docs`: an array of articles in any accepted
 * format, a JSON Feed, or one article (objects or JSON text). Option
 * `variants`: simplified and traditional forms match each other. Resolves to
 * an index whose search(query, { limit }) returns the best `limit` ranked hits
 * [{ id, index, title, score, snippet, marks, titleMarks }] (all by default),
 * with the number of matching articles as `total`.
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
      // Unpacks SearchIndex.searchPacked (layout in src/embed.rs).
      const [n, text] = inner.searchPacked(String(query ?? ''), limit >= 0 && limit < 2 ** 32 ? limit : undefined);
      const hits = [];
      let p = 2, t = 0;
      const str = (len) => text.slice(t, (t += len));
      const pairs = () => Array.from({ length: n[p++] }, () => [n[p++], n[p++]]);
      while (hits.length < n[1]) {
        const [index, score, idLen, titleLen, snippetLen] = n.subarray(p, (p += 5));
        hits.push({ id: str(idLen), index, title: str(titleLen), score: score / 1000, snippet: str(snippetLen), marks: pairs(), titleMarks: pairs() });
      }
      hits.total = n[0];
      return hits;
    },
    count: (query) => inner.count(String(query ?? '')),
    free: () => inner.free(),
  };
}

const ATTRS = ['src', 'lang', 'font-size', 'theme', 'query', 'max-bytes', 'variants'];

class ArticleReaderElement extends HTMLElement {
  static get observedAttributes() { return ATTRS; }
  #reader = null;
  #queued = false;

  #options() {
    const o = {
      src: this.getAttribute('src') ?? undefined,
      lang: this.getAttribute('lang') ?? undefined,
      fontSize: this.getAttribute('font-size') ?? undefined,
      theme: this.getAttribute('theme') ?? undefined,
      query: this.getAttribute('query') ?? undefined,
      maxBytes: this.getAttribute('max-bytes') ?? undefined,
      variants: this.hasAttribute('variants'),
    };
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) o.json = inline.textContent;
    if (this.hasAttribute('standalone')) {
      // The standalone page: ?src= and ?q= come from the address.
      const params = new URLSearchParams(location.search);
      o.src = params.get('src') || o.src;
      o.query = params.get('q') || o.query;
      o.standalone = true;
    }
    return o;
  }

  connectedCallback() {
    // Upgraded while the parser is still inside us (an async or early
    // loader): the inline JSON may not have arrived yet, so wait for it.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.connectedCallback(), { once: true });
      return;
    }
    if (!this.#reader && this.isConnected) this.#reader = mount(this, this.#options());
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects at once: wait a
    // microtask before tearing down.
    queueMicrotask(() => {
      if (!this.isConnected && this.#reader) {
        this.#reader.destroy();
        this.#reader = null;
      }
    });
  }

  attributeChangedCallback() {
    if (!this.#reader || this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#reader?.update(this.#options());
    });
  }
}

if (!customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}
