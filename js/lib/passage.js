// 复制链接 / Copy link (loaded on first use by js/lib/aids.js): the URL of
// the article with a text fragment (#:~:text=) for the selected text and,
// on the standalone page, `?p=N` (the body block, from 1), which the
// reader itself scrolls to and marks on load (js/lib/aids.js), so browsers
// without text fragments land on the passage too.
import { bringIntoView, highlight, rangeAt } from './marks.js';

/** Text longer than this is linked by its start and end (textStart,textEnd). */
const LONG = 60;
/** Characters of a start or end, and of a prefix or suffix. */
const EDGE = 12;

/** A text directive term: percent-encoded, with `-`, `,` and `&` too
 * (they are the directive's own syntax). */
export const encodeTerm = (s) => encodeURIComponent(s).replace(/-/g, '%2D');

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** The `text=` directive for `text` in an article whose whole text is
 * `whole`, starting at `at` in it (or -1). When the text is not unique,
 * the words just before and after it (prefix-, -suffix) pin it down. */
export function textDirective(text, whole, at) {
  const t = squash(text);
  const long = [...t].length > LONG;
  const chars = [...t];
  let terms = long ? [encodeTerm(chars.slice(0, EDGE).join('')), encodeTerm(chars.slice(-EDGE).join(''))]
    : [encodeTerm(t)];
  const first = whole.indexOf(text);
  const unique = first >= 0 && whole.indexOf(text, first + 1) < 0;
  if (!unique && at >= 0) {
    const before = squash(whole.slice(Math.max(0, at - EDGE), at));
    const after = squash(whole.slice(at + text.length, at + text.length + EDGE));
    if (before) terms = [`${encodeTerm(before)}-`, ...terms];
    if (after) terms = [...terms, `-${encodeTerm(after)}`];
  }
  return `text=${terms.join(',')}`;
}

/** The link to the passage `range` selects. */
export function passageLink(article, range, standalone, href = location.href) {
  const url = new URL(href);
  url.hash = '';
  const blocks = [...(article.querySelector('.ar-body')?.children ?? [])];
  const block = blocks.findIndex((b) => b.contains(range.startContainer));
  if (standalone) {
    url.searchParams.delete('p');
    if (block >= 0) url.searchParams.set('p', String(block + 1));
  }
  // Where the selection starts in the article's text.
  const before = document.createRange();
  before.selectNodeContents(article);
  before.setEnd(range.startContainer, range.startOffset);
  const whole = article.textContent;
  return `${url.href}#:~:${textDirective(range.toString(), whole, before.toString().length)}`;
}

/** Copies the link of `range`; says so politely, or shows it in a field to
 * copy by hand when the clipboard is blocked. */
export async function copyLink(root, range, standalone, { labels: l }) {
  const article = root.querySelector('.ar-article');
  const slot = root.querySelector('.ar-aids');
  if (!article || !slot) return;
  const link = passageLink(article, range, standalone);
  const status = slot.querySelector('[role="status"]');
  root.querySelectorAll('.ar-link-field').forEach((f) => f.remove());
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = '';
    // A new text node each time, so a second copy is announced again.
    requestAnimationFrame(() => { status.textContent = l.copied; });
  } catch {
    const box = document.createElement('div');
    box.className = 'ar-link-field';
    const label = document.createElement('label');
    label.textContent = l.byHand;
    const field = document.createElement('input');
    field.type = 'url';
    field.readOnly = true;
    field.value = link;
    label.append(field);
    const done = document.createElement('button');
    done.type = 'button';
    done.className = 'ar-btn ar-btn-icon';
    done.setAttribute('aria-label', l.close);
    done.textContent = '×';
    done.addEventListener('click', () => { box.remove(); root.querySelector('.ar-copy-link')?.focus(); });
    box.append(label, done);
    root.querySelector('.ar-dock').append(box);
    field.focus();
    field.select();
  }
}

/** The `text=` directive the page was opened with, if any (browsers hide
 * it from `location`; the navigation entry keeps the URL as requested),
 * as {prefix, start, end, suffix} (`prefix-,start,end,-suffix`, all but
 * `start` optional). */
function openedText() {
  const url = performance.getEntriesByType?.('navigation')[0]?.name ?? '';
  const m = /:~:(?:.*&)?text=([^&]*)/.exec(url);
  if (!m) return null;
  try {
    const parts = m[1].split(',').map(decodeURIComponent);
    const prefix = parts[0]?.endsWith('-') ? parts.shift().slice(0, -1) : '';
    const suffix = parts.length > 1 && parts[parts.length - 1].startsWith('-') ? parts.pop().slice(1) : '';
    const [start, end = ''] = parts;
    return start ? { prefix, start, end, suffix } : null;
  } catch {
    return null; // a malformed link: no passage
  }
}

/** Where the passage of directive `d` is in `whole`, as [from, to), among
 * the places that start in [min, max): the first whose start (and end)
 * are there, with the prefix just before and the suffix just after
 * (white space aside, as the link was made). */
export function findPassage(whole, d, min = 0, max = whole.length) {
  const near = (a, b) => squash(whole.slice(Math.max(0, a), Math.max(0, b)));
  for (let at = whole.indexOf(d.start, min); at >= 0 && at < max; at = whole.indexOf(d.start, at + 1)) {
    let to = at + d.start.length;
    if (d.end) {
      const e = whole.indexOf(d.end, to);
      if (e < 0) break;
      to = e + d.end.length;
    }
    const pad = 2 * EDGE;
    if (d.prefix && !near(at - d.prefix.length - pad, at).endsWith(squash(d.prefix))) continue;
    if (d.suffix && !near(to, to + d.suffix.length + pad).startsWith(squash(d.suffix))) continue;
    return [at, to];
  }
  return null;
}

/** Marks and shows the passage the page was opened on: the text fragment's
 * passage in the article (an embedded reader's links carry only that),
 * within block `?p=N` on the standalone page, else that whole block. */
export function land(article, standalone) {
  const p = standalone ? Number(new URLSearchParams(location.search).get('p')) : 0;
  const d = openedText();
  const block = p > 0 ? article.querySelector('.ar-body')?.children[p - 1] : null;
  let found = null;
  if (d) {
    // Searched in the whole article's text, so a prefix or suffix may
    // reach into the blocks around the passage.
    const before = document.createRange();
    before.selectNodeContents(article);
    if (block) before.setEndBefore(block);
    const min = block ? before.toString().length : 0;
    const whole = article.textContent;
    found = findPassage(whole, d, min, block ? min + block.textContent.length : whole.length);
  }
  const range = found ? rangeAt(article, ...found) : block && rangeAt(block, 0, block.textContent.length);
  if (!range) return;
  highlight('ar-passage', range);
  bringIntoView(range);
}
