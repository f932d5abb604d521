// article-reader.js — the embed loader: defines <article-reader> and exports
// mount(), createIndex() and openIndex(). Bundled by esbuild into one minified module
// (scripts/bundle.mjs), so the modules below cost no extra request. No
// globals besides the element; no eval; CSP-safe (the stylesheet is a
// <link> to a file next to this module). Typings: article-reader.d.ts.
import './lib/element.js';

export { mount } from './lib/mount.js';
export { createIndex } from './lib/create-index.js';
export { openIndex } from './lib/open-index.js';
