// The reading aids of one reader: the image viewer, 复制链接 / Copy link
// and 朗读 / Read aloud. The wasm renders their controls; what they do is
// loaded on first use (dynamic import(): chunks of their own, see
// scripts/bundle.mjs), so readers who never use them do not download it.
// What stays here: which control was pressed, whether a voice exists for
// the article's language, whether text is selected, and landing on a
// linked passage (`?p=N`, `#:~:text=`) when the page opens.
import settings from '../../src/settings.json';

/** The primary language of a BCP 47 tag, Mandarin's `cmn` read as `zh`
 * (voices report `zh-CN`, `cmn`, `cmn-CN`, `zh_CN`…). */
export const primaryLang = (tag) => {
  const p = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return p === 'cmn' ? 'zh' : p;
};

/** Whether a voice of language `voiceLang` can read text in `lang`. */
export const voiceSpeaks = (voiceLang, lang) => primaryLang(voiceLang) === primaryLang(lang);

/** The UTF-16 range [start, end) of `el`'s text as a DOM Range, across the
 * text nodes (and search marks) inside it. */
export function rangeAt(el, start, end) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let at = 0;
  let begun = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!begun && start <= at + len) { range.setStart(node, start - at); begun = true; }
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

/** The `text=` directive the page was opened with, if any (browsers hide
 * it from `location`; the navigation entry keeps the URL as requested). */
function textDirective() {
  const url = performance.getEntriesByType?.('navigation')[0]?.name ?? '';
  const m = /:~:(?:.*&)?text=([^&]*)/.exec(url);
  if (!m) return null;
  // prefix-,start,end,-suffix: the start is what we look for.
  const parts = m[1].split(',').map(decodeURIComponent);
  return parts.find((p) => !p.endsWith('-') && !p.startsWith('-')) ?? null;
}

/**
 * Wires the reading aids of the reader in `root` (its `container` gets the
 * classes the controls' CSS follows); `element` dispatches the reader's
 * events. Returns `destroy()`.
 */
export function readingAids(element, root, container, { standalone, sentences }) {
  const labels = () => JSON.parse(root.querySelector('.ar-aids')?.dataset.labels ?? '{}');
  const article = () => root.querySelector('.ar-article');
  let selected = null; // the last selection inside the article
  let speech = null; // js/lib/speech.js, once loaded

  const onClick = (e) => {
    const control = e.target.closest?.('.ar-img-open, .ar-speak-open, .ar-copy-link');
    if (!control || !container.contains(control)) return;
    const tools = { labels: labels(), rangeAt, highlight, bringIntoView, voiceSpeaks, settings, sentences };
    if (control.matches('.ar-img-open')) {
      import('./viewer.js').then((m) => m.openViewer(root, control, tools));
    } else if (control.matches('.ar-speak-open')) {
      const lang = control.closest('.ar-aids').dataset.lang;
      speech ??= import('./speech.js');
      speech.then((m) => m.startSpeech(root, container, lang, tools));
    } else if (selected) {
      import('./passage.js').then((m) => m.copyLink(root, selected, standalone(), tools));
    }
  };
  root.addEventListener('click', onClick);

  // 朗读 shows only where the browser has a voice for the article's
  // language; voices often arrive after the page (voiceschanged).
  const synth = globalThis.speechSynthesis;
  const checkVoices = () => {
    const lang = root.querySelector('.ar-aids')?.dataset.lang;
    const can = !!lang && synth.getVoices().some((v) => voiceSpeaks(v.lang, lang));
    container.classList.toggle('ar-can-speak', can);
  };
  if (synth && globalThis.SpeechSynthesisUtterance) {
    synth.addEventListener('voiceschanged', checkVoices);
  }

  // 复制链接 shows while text inside the article is selected.
  const onSelection = () => {
    const sel = root.getSelection?.() ?? document.getSelection();
    const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
    const a = article();
    if (range && !range.collapsed && a?.contains(range.commonAncestorContainer) && range.toString().trim()) {
      selected = range.cloneRange();
      container.classList.add('ar-has-selection');
    } else if (!root.activeElement?.matches('.ar-copy-link')) {
      container.classList.remove('ar-has-selection');
    }
  };
  document.addEventListener('selectionchange', onSelection);

  // The passage the page was opened on: block `?p=N` of the standalone
  // page, narrowed to the text fragment's text when it is in there.
  const land = (a) => {
    const p = standalone() ? Number(new URLSearchParams(location.search).get('p')) : 0;
    const text = textDirective();
    const block = p > 0 ? a.querySelector('.ar-body')?.children[p - 1] : null;
    const el = block ?? (text ? a : null);
    if (!el) return;
    const at = text ? el.textContent.indexOf(text) : -1;
    const range = at >= 0 ? rangeAt(el, at, at + text.length) : block && rangeAt(el, 0, el.textContent.length);
    if (!range) return;
    highlight('ar-passage', range);
    bringIntoView(range);
  };

  // Once a document is on screen: 朗读 if a voice can read it; the first
  // time, the passage the page was opened on.
  let landed = false;
  const onReady = () => {
    if (synth && globalThis.SpeechSynthesisUtterance) checkVoices();
    const a = article();
    if (landed || !a) return;
    landed = true;
    land(a);
  };
  element.addEventListener('article-reader:ready', onReady);

  return {
    destroy() {
      element.removeEventListener('article-reader:ready', onReady);
      root.removeEventListener('click', onClick);
      document.removeEventListener('selectionchange', onSelection);
      synth?.removeEventListener?.('voiceschanged', checkVoices);
      speech?.then((m) => m.stopSpeechIn(root));
    },
  };
}
