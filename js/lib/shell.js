// The shadow root a reader renders into, with its stylesheet.
import { here } from './boot.js';

const CSS_URL = here('article-reader.css');

/**
 * Builds the shadow root. An element that cannot have one (a <ul>, an
 * <input>, one with a closed root of its own) gets a <div> child that does:
 * the stylesheet must never land in the light DOM, where it would apply to
 * the whole host page.
 *
 * A server-rendered reader (`article-reader render`: a declarative shadow
 * root with `.ar-host[data-ar-ssr]`) stays: with `hydrate`, its host is the
 * container the wasm hydrates in place; without (options the server did
 * not render with), it stays on screen until the live reader has rendered
 * beside it, then is swapped out.
 */
export function shell(element, { hydrate = false } = {}) {
  let root;
  try {
    root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  } catch {
    const inner = document.createElement('div');
    element.replaceChildren(inner);
    root = inner.attachShadow({ mode: 'open' });
  }
  // (`:scope` matches nothing in a shadow root: look at its children.)
  const rendered = [...root.children].find((n) => n.matches('.ar-host[data-ar-ssr]'));
  const prerendered = rendered ? [...root.childNodes] : [];
  let link = prerendered.find((n) => n.nodeName === 'LINK');
  if (!prerendered.length) {
    root.replaceChildren();
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL;
    root.append(link);
  }
  const hydrating = !!rendered && hydrate;
  let container = rendered;
  if (!hydrating) {
    container = document.createElement('div');
    container.className = prerendered.length ? 'ar-host ar-pending' : 'ar-host';
    root.append(container);
  }
  // Render once the stylesheet is in, so the reader never flashes unstyled.
  // `unblock` settles it early (on destroy: a removed <link> never loads).
  let unblock;
  const styled = new Promise((resolve) => {
    unblock = resolve;
    if (link.sheet) resolve();
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  /** Shows the live reader: the hydrated one takes its text size from its
   * own class from now on; a fresh one replaces the server-rendered copy. */
  const reveal = () => {
    if (!hydrating) for (const node of prerendered) if (node !== link) node.remove();
    // The server's plain copy of the article (light DOM, hidden by the
    // shadow root) has done its job; the inline JSON stays for updates.
    if (rendered && root.host === element) {
      for (const node of [...element.childNodes]) if (node.nodeName !== 'SCRIPT') node.remove();
    }
    container.classList.remove('ar-pending', 'ar-prerendered');
    // The live reader renders the stored choices itself (the early
    // script's data-ar-stored-* attributes, js/lib/stored-choices.js).
    for (const attr of element.getAttributeNames()) if (attr.startsWith('data-ar-stored-')) element.removeAttribute(attr);
    element.setAttribute('data-ar-live', '');
  };
  return { root, container, styled, unblock, reveal, hydrating };
}
