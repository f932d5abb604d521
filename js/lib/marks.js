// Marking text without touching the DOM the wasm manages: DOM Ranges over
// an element's text, shown with the CSS Custom Highlight API. Shared by the
// on-demand reading aids (speech.js, passage.js): a chunk of its own.

/** The UTF-16 range [start, end) of `el`'s text as a DOM Range, across the
 * text nodes (and search marks) inside it. */
export function rangeAt(el, start, end) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let begun = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    // A start at the end of a node starts in the next one (the element
    // the passage is in).
    if (!begun && start < at + len) { range.setStart(node, start - at); begun = true; }
    if (begun && end <= at + len) { range.setEnd(node, end - at); return range; }
    at += len;
  }
  return begun ? range : null;
}

/** Marks `range` with the highlight `name` (CSS Custom Highlight API: no
 * change to the DOM the wasm manages); none clears it. Browsers without
 * the API show no mark. */
export function highlight(name, range) {
  const registry = globalThis.CSS?.highlights;
  if (!registry) return;
  if (range) registry.set(name, new Highlight(range)); else registry.delete(name);
}

/** Scrolls `target` (an element or a Range) to the middle of the view,
 * instantly under reduced motion. */
export function bringIntoView(target) {
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const el = target instanceof Range ? target.startContainer.parentElement : target;
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'instant' : 'smooth' });
}
