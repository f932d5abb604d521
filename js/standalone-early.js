// The standalone page's first script: a classic one that runs before the
// body is parsed (no inline scripts under a strict CSP). It tells page.css
// whether the prerendered seed article may show: not when ?src= asks for
// another document, and at the reader's stored text size.
(function () {
  var root = document.documentElement;
  try {
    if (new URLSearchParams(location.search).get('src')) root.setAttribute('data-ar-src', '');
    var step = localStorage.getItem('article-reader:font-step');
    if (step !== null && /^[0-4]$/.test(step)) root.setAttribute('data-ar-step', step);
  } catch (e) {
    // Storage can throw (sandboxed frames); the default size is fine.
  }
})();
