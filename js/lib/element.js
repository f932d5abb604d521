// <article-reader>: the custom element. Its attributes are the mount
// options that have one (src/settings.json lists them once).
import { options } from '../../src/settings.json';
import { mount } from './mount.js';

/** [option name, attribute, is a flag] for every option with an attribute. */
const ATTRIBUTES = Object.entries(options)
  .filter(([name, o]) => !name.startsWith('//') && o.attr)
  .map(([name, o]) => [name, o.attr, !!o.flag]);

class ArticleReaderElement extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES.map(([, attr]) => attr); }
  #reader = null;
  #queued = false;

  #options() {
    const o = {};
    for (const [name, attr, flag] of ATTRIBUTES) {
      o[name] = flag ? this.hasAttribute(attr) : this.getAttribute(attr) ?? undefined;
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) o.json = inline.textContent;
    if (o.standalone) {
      // The standalone page: ?src= and ?q= come from the address.
      const params = new URLSearchParams(location.search);
      // ?src= asks for another document than the one rendered inline.
      if (params.get('src')) delete o.json;
      o.src = params.get('src') || o.src;
      o.query = params.get('q') || o.query;
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
