// The reader's stored choices (text size, theme, line spacing, typeface),
// put on every <article-reader> of the page before its first paint, so a
// server-rendered reader shows them before the wasm hydrates it: the
// stylesheet (article-reader.css, and the rules scripts/bundle.mjs derives
// from src/settings.json) applies `data-ar-stored-<facet>` on the host to
// the server-rendered reader only (`.ar-prerendered`). The hydrated reader
// reads the same storage, renders the same classes, and drops the
// attributes (js/lib/shell.js). Runs in a classic script (no module, no
// inline script): js/article-reader-early.js, js/standalone-early.js.
import { textSize, themes, display } from '../../src/settings.json';

/** The stored step as the wasm reads it (src/ui/storage.rs): an integer, clamped. */
const step = (v) => (/^[+-]?\d+$/.test(v) ? String(Math.min(Math.max(+v, 0), textSize.scales.length - 1)) : null);
/** A stored name as the wasm reads it (core::display::parse_named): a name or its index. */
const named = (names) => (v) => {
  const s = v.toLowerCase();
  return names.includes(s) ? s : /^\d+$/.test(s) && +s < names.length ? names[+s] : null;
};

/** [host attribute, storage key, the stored value as the stylesheet names it].
 * The live reader drops every `data-ar-stored-*` attribute (js/lib/shell.js). */
const FACETS = [
  ['data-ar-stored-step', textSize.storageKey, step],
  ['data-ar-stored-theme', display.themeKey, named(themes)],
  ['data-ar-stored-spacing', display.lineSpacing.storageKey, named(display.lineSpacing.names)],
  ['data-ar-stored-face', display.typefaceKey, named(display.typefaces)],
];

/** [attribute, value] of every valid stored choice (none when storage is blocked). */
function storedChoices() {
  const found = [];
  try {
    for (const [attr, key, read] of FACETS) {
      const raw = localStorage.getItem(key);
      const value = raw === null ? null : read(raw.trim());
      if (value !== null) found.push([attr, value]);
    }
  } catch {
    // Storage can throw (sandboxed frames): the rendered defaults show.
  }
  return found;
}

/**
 * Marks every <article-reader> with the stored choices: those already
 * parsed, and those the parser adds later (a mutation observer's callback
 * runs at the end of the parser's task, before the page can paint).
 */
export function applyStoredChoices(doc = document) {
  const choices = storedChoices();
  if (!choices.length) return;
  const readers = doc.getElementsByTagName('article-reader');
  const mark = () => {
    for (const el of readers) {
      // Marked already, or running (it renders the choices itself).
      if (el.hasAttribute(choices[0][0]) || el.hasAttribute('data-ar-live')) continue;
      for (const [attr, value] of choices) el.setAttribute(attr, value);
    }
  };
  mark();
  if (doc.readyState !== 'loading') return;
  const observer = new MutationObserver(mark);
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', () => { mark(); observer.disconnect(); }, { once: true });
}
