// 从上次位置继续 / Continue where you left off: remembers the body block
// being read (per article id, site-wide, at most `maxArticles`, for `days`:
// src/settings.json) and, when the article is opened again, offers to go
// back to it with a small dismissible notice rather than jumping silently.
// Nothing is stored when storage is blocked.
//
// Stored as text, one line per article, newest first: `<day> <block> <id>`
// (days since the Unix epoch, the index of the body block).
// (No `?.` here: esbuild lowers it for Chrome 90, which costs bytes in
// every page's bundle.)
import { resume as settings } from '../../src/settings.json';

const { storageKey, maxArticles, days } = settings;
/** Scrolling settles this long (ms) before the position is written. */
const SETTLE_MS = 400;

/** Reads stored text: malformed lines are skipped (storage is shared with
 * whatever else the site runs) and at most `maxArticles` kept. */
export function parsePositions(raw) {
  const list = [];
  for (const line of String(raw || '').split(/\r?\n/)) {
    const m = /^(\d+) (\d+) (.+)$/.exec(line);
    if (m) list.push({ day: +m[1], block: +m[2], id: m[3] });
  }
  return list.slice(0, maxArticles);
}

/** The block to offer for article `id` on `day`: read less than `days`
 * ago and past the first block; else null. */
export function findPosition(list, id, day) {
  const p = list.find((x) => x.id === id);
  return p && day - p.day < days && p.block > 0 ? p.block : null;
}

/** `list` after article `id` was read up to `block` on `day`: it moves to
 * the front, expired positions go, the oldest beyond `maxArticles` are
 * dropped. Empty ids and ids with line breaks are not recorded. */
export function recordPosition(list, id, block, day) {
  if (!id || /[\r\n]/.test(id)) return list;
  return [{ day, block, id }, ...list.filter((x) => x.id !== id && day - x.day < days)].slice(0, maxArticles);
}

/** The text to store. */
export const positionsText = (list) => list.map((p) => `${p.day} ${p.block} ${p.id}`).join('\n');

const today = () => Math.floor(Date.now() / 86400000);
const load = () => { try { return localStorage.getItem(storageKey); } catch { return null; } };
const save = (text) => { try { localStorage.setItem(storageKey, text); } catch { /* blocked: unstored */ } };

/** The first block not yet scrolled past: its bottom is below the
 * reader's sticky bar (blocks are in document order: a binary search). */
function blockInView(root, blocks) {
  const bar = root.querySelector('.ar-bar');
  const top = bar ? bar.getBoundingClientRect().bottom : 0;
  let [lo, hi] = [0, blocks.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom <= top) lo = mid + 1; else hi = mid;
  }
  return lo < blocks.length ? lo : null;
}

function button(cls, label) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `ar-btn ${cls}`;
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  b.append(icon);
  if (label) b.append(label);
  return [b, icon];
}

/**
 * Wires "continue where you left off" for the reader in `root`: the
 * article on screen (its `data-id`; a collection's items too) is watched,
 * its position offered and the reader's own scrolling recorded. `labels()`
 * gives the UI's labels. Returns `ready()`, to call once the reader shows
 * a document (not before: the notice must not land in a server-rendered
 * reader the wasm is still hydrating), and `destroy()`.
 */
export function resumeAids(root, container, labels) {
  let id = null;
  let notice = null;
  let timer = 0;
  /** The article on screen's `sel`, or the article itself. */
  const inArticle = (sel) => { const a = root.querySelector('.ar-article'); return a && (sel ? a.querySelector(sel) : a); };
  const blocks = () => { const body = inArticle('.ar-body'); return body ? body.children : []; };

  function offer(block) {
    const l = labels();
    notice = document.createElement('div');
    notice.className = 'ar-resume';
    notice.setAttribute('role', 'group');
    notice.setAttribute('aria-label', l.resume);
    const [go, arrow] = button('ar-btn-text ar-resume-go', l.resume);
    arrow.className = 'ar-icon';
    arrow.textContent = '↓';
    const [dismiss, cross] = button('ar-btn-icon ar-resume-dismiss');
    dismiss.setAttribute('aria-label', l.dismiss);
    cross.textContent = '×';
    notice.append(go, dismiss);
    go.addEventListener('click', () => {
      close();
      const target = blocks()[block];
      if (!target) return;
      target.tabIndex = -1;
      // Below the sticky bar (its CSS scroll-margin-top), focus with it.
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    });
    // The notice's buttons go with it: focus moves to the article's title
    // (where it stays in view), not to the page's start.
    dismiss.addEventListener('click', () => {
      close();
      const title = inArticle('h1');
      if (title) title.focus({ preventScroll: true });
    });
    // Under the text size and the display button, above the article.
    const row = root.querySelector('.ar-display-row');
    if (row) row.after(notice);
  }

  function close() {
    if (notice) notice.remove();
    notice = null;
  }

  // The article on screen changed (a new document, an item opened or left).
  const check = () => {
    const a = inArticle();
    const now = a ? a.dataset.id : null;
    if (now === id) return;
    id = now;
    close();
    const block = id && findPosition(parsePositions(load()), id, today());
    if (block) offer(block);
  };
  const watch = new MutationObserver(check);

  // Only the reader's own scrolling is recorded, never the load.
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const b = blocks();
      const at = id ? blockInView(root, b) : null;
      if (at !== null) save(positionsText(recordPosition(parsePositions(load()), id, at, today())));
    }, SETTLE_MS);
  };
  addEventListener('scroll', onScroll, { capture: true, passive: true });
  return {
    ready() {
      check();
      watch.observe(container, { childList: true, subtree: true });
    },
    destroy() {
      watch.disconnect();
      clearTimeout(timer);
      removeEventListener('scroll', onScroll, { capture: true });
    },
  };
}
