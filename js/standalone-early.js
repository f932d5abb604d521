// The standalone page's first script: a classic one that runs before the
// body is parsed (no inline scripts under a strict CSP). Bundled into an
// IIFE by scripts/bundle.mjs.
import { applyStoredChoices } from './lib/stored-choices.js';

//
// 1. It tells page.css whether the prerendered seed article may show: not
//    when ?src= asks for another document; and it shows the reader's stored
//    text size and display choices from the first paint (as
//    article-reader-early.js does on a portal page).
// 2. It starts the app only after the first paint. The prerendered article
//    paints like a static page; fetching, compiling and rendering the live
//    reader before that paint delays it (bench/first-render.mjs). The
//    preloads go out together with the module, so its imports and the wasm
//    do not wait for each other.
(function () {
  var root = document.documentElement;
  var otherDocument = false;
  var renderedAnew = false;
  try {
    var params = new URLSearchParams(location.search);
    otherDocument = !!params.get('src');
    // A query renders the reader anew rather than hydrating it (js/lib/mount.js).
    renderedAnew = otherDocument || !!params.get('q');
    if (otherDocument) root.setAttribute('data-ar-src', '');
  } catch (e) {
    // No URL parsing: the prerendered article shows.
  }
  applyStoredChoices();

  // The app's files sit next to this script (`render --page --base URL`).
  var script = document.currentScript;
  var here = function (name) { return script ? new URL(name, script.src).href : name; };
  var started = false;
  function add(tag, attrs) {
    var el = document.createElement(tag);
    for (var k in attrs) el.setAttribute(k, attrs[k]);
    document.head.appendChild(el);
  }
  function start() {
    if (started) return;
    started = true;
    // The prerendered reader is hydrated, which only the full wasm does;
    // one rendered anew runs on the lean one (js/lib/boot.js).
    var wasm = renderedAnew ? 'article-reader-wasm' : 'article-reader-full';
    add('link', { rel: 'modulepreload', href: here('article-reader.js') });
    add('link', { rel: 'modulepreload', href: here(wasm + '.js') });
    add('link', { rel: 'preload', href: here(wasm + '_bg.wasm'), as: 'fetch', type: 'application/wasm', crossorigin: '' });
    add('script', { type: 'module', src: here('standalone.js') });
  }
  // Nothing prerendered will show (another document, a hidden tab): start
  // now. Otherwise start when the first contentful paint is done.
  if (otherDocument || document.visibilityState === 'hidden') return start();
  try {
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      setTimeout(start, 0);
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {
    // No paint timing: the frame callback runs just before a paint, the
    // task it queues just after.
    requestAnimationFrame(function () { setTimeout(start, 0); });
  }
  // Whatever happens to painting, the reader must come up.
  setTimeout(start, 1500);
  document.addEventListener('visibilitychange', start, { once: true });
})();
