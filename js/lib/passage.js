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
 * it from `location`; the navigation entry keeps the URL as requested). */
function openedText() {
  const url = performance.getEntriesByType?.('navigation')[0]?.name ?? '';
  const m = /:~:(?:.*&)?text=([^&]*)/.exec(url);
  if (!m) return null;
  // prefix-,start,end,-suffix: the start is what we look for.
  try {
    const parts = m[1].split(',').map(decodeURIComponent);
    return parts.find((p) => !p.endsWith('-') && !p.startsWith('-')) ?? null;
  } catch {
    return null; // a malformed link: no passage
  }
}

/** Marks and shows the passage the page was opened on: block `?p=N` of
 * the standalone page, narrowed to the text fragment's text when it is in
 * there; else that text anywhere in the article. */
export function land(article, standalone) {
  const p = standalone ? Number(new URLSearchParams(location.search).get('p')) : 0;
  const text = openedText();
  const block = p > 0 ? article.querySelector('.ar-body')?.children[p - 1] : null;
  const el = block ?? (text ? article : null);
  if (!el) return;
  const at = text ? el.textContent.indexOf(text) : -1;
  const range = at >= 0 ? rangeAt(el, at, at + text.length) : block && rangeAt(el, 0, el.textContent.length);
  if (!range) return;
  highlight('ar-passage', range);
  bringIntoView(range);
}
