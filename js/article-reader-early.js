// article-reader-early.js — for a page with a server-rendered reader
// (`article-reader render --fragment`): a classic script right before the
// (first) reader, not in the <head>, where it would hold back the first
// paint of the whole page; it shows the reader's stored text size,
// theme, line spacing and typeface from the first paint instead of from
// hydration on. No inline script, no inline style (strict CSP).
//   <script src="/article-reader/article-reader-early.js"></script>
// Bundled into an IIFE by scripts/bundle.mjs.
import { applyStoredChoices } from './lib/stored-choices.js';

applyStoredChoices();
