// article-reader.js — the embed loader. Defines <article-reader>, and
// exports mount() and createIndex(). It finds its wasm and CSS next to
// itself (import.meta.url), so dist/ can be hosted under any path. No
// globals besides the element; no eval; CSP-safe (the stylesheet is a
// <link> to a file next to this module).
import init, { mountReader, createIndexFromJson } from './article-reader-wasm.js';

const here = (name) => new URL(name, import.meta.url).href;
const CSS_URL = here('article-reader.css');
let booted;
const boot = () => (booted ??= init({ module_or_path: here('article-reader-wasm_bg.wasm') }));

/** Builds the shadow root (or, where none is allowed, a light-DOM shell). */
function shell(element) {
  let root;
  try {
    root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  } catch {
    root = element;
  }
  root.replaceChildren();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS_URL;
  const container = document.createElement('div');
  container.className = 'ar-host';
  root.append(link, container);
  // Render once the stylesheet is in, so the reader never flashes unstyled.
  const styled = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  return { root, container, styled };
}

function normalise(options = {}) {
  const o = { ...options };
  if (o.article !== undefined && o.json === undefined) o.json = JSON.stringify(o.article);
  delete o.article;
  return o;
}

/**
 * Mounts a reader into `element` (inside its shadow root when it can have
 * one). Returns at once a handle with update(options) and destroy().
 * Options: src, article (object), json (text), lang, theme, fontSize, query.
 */
export function mount(element, options = {}) {
  let handle = null;
  let destroyed = false;
  let pending = normalise(options);
  const { root, styled } = shell(element);
  const ready = Promise.all([boot(), styled]).then(() => {
    if (destroyed) return;
    const container = root.querySelector('.ar-host');
    handle = mountReader(element, container, pending);
  }).catch((err) => {
    element.dispatchEvent(new CustomEvent('article-reader:error', {
      bubbles: true, composed: true, detail: { message: String(err && err.message || err) },
    }));
  });
  return {
    ready,
    update(next) {
      pending = normalise(next);
      if (handle) handle.update(pending);
    },
    destroy() {
      destroyed = true;
      if (handle) { handle.destroy(); handle.free(); handle = null; }
      root.replaceChildren();
    },
  };
}

/**
 * A headless search index over `docs`: an array of articles in any accepted
 * format, a JSON Feed, or one article (objects or JSON text). Options:
 * `variants` (simplified and traditional forms match each other).
 * Resolves to an index whose search(query, { limit }) returns ranked hits
 * [{ id, index, title, score, snippet, marks, titleMarks }] (the best
 * `limit`, default all) with the number of matching articles as `total`.
 */
export async function createIndex(docs, options = {}) {
  await boot();
  const json = typeof docs === 'string' ? docs : JSON.stringify(docs);
  const inner = createIndexFromJson(json, Boolean(options && options.variants));
  const limitOf = (o) => {
    const n = Number(o && o.limit);
    return o && o.limit != null && n >= 0 && n < 2 ** 32 ? Math.floor(n) : undefined;
  };
  return {
    get size() { return inner.size; },
    /** Bytes of wasm memory the index holds besides the articles. */
    get indexBytes() { return inner.indexBytes; },
    search: (query, opts) => inner.search(String(query ?? ''), limitOf(opts)),
    count: (query) => inner.count(String(query ?? '')),
    free: () => inner.free(),
  };
}

const ATTRS = ['src', 'lang', 'font-size', 'theme', 'query', 'max-bytes'];

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
    if (!this.#reader) this.#reader = mount(this, this.#options());
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
