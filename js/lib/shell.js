// The shadow root a reader renders into, with its stylesheet.
import { here } from './boot.js';

const CSS_URL = here('article-reader.css');

/**
 * Builds the shadow root. An element that cannot have one (a <ul>, an
 * <input>, one with a closed root of its own) gets a <div> child that does:
 * the stylesheet must never land in the light DOM, where it would apply to
 * the whole host page.
 */
export function shell(element) {
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
