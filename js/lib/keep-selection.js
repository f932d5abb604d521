// Keeps the text a reader selected in a server-rendered reader through
// hydration: Yew's hydration writes every text node's value again (its
// btext.rs), and writing a text node's data collapses a selection in it.

/** The selection inside shadow root `root` as nodes and offsets, or null.
 * Chromium keeps a shadow root's selection on the root; Firefox and Safari
 * hand it out through getComposedRanges (older Firefox: the document's). */
function selectionIn(root) {
  const sel = document.getSelection();
  if (!sel || !sel.rangeCount) return null;
  let s;
  if (root.getSelection) {
    const r = root.getSelection();
    s = r && r.rangeCount ? [r.anchorNode, r.anchorOffset, r.focusNode, r.focusOffset] : null;
  } else if (sel.getComposedRanges) {
    const [r] = sel.getComposedRanges({ shadowRoots: [root] });
    s = r ? [r.startContainer, r.startOffset, r.endContainer, r.endOffset] : null;
  } else {
    s = [sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset];
  }
  if (!s || (s[0] === s[2] && s[1] === s[3]) || !root.contains(s[0]) || !root.contains(s[2])) return null;
  return { s, text: [s[0].nodeValue, s[2].nodeValue] };
}

/**
 * Call before hydrating the reader in `root`; call what it returns once
 * hydrated: it selects the same text again when its nodes are still in
 * the reader with the same text.
 */
export function keepSelection(root) {
  const saved = selectionIn(root);
  return () => {
    if (!saved) return;
    const [a, ao, f, fo] = saved.s;
    if (!root.contains(a) || !root.contains(f) || a.nodeValue !== saved.text[0] || f.nodeValue !== saved.text[1]) return;
    document.getSelection()?.setBaseAndExtent(a, ao, f, fo);
  };
}
