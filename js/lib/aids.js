// The reading aids of one reader: the image viewer, 复制链接 / Copy link
// and 朗读 / Read aloud. The wasm renders their controls; what they do is
// loaded on first use (dynamic import(): chunks of their own, see
// scripts/bundle.mjs), so readers who never use them do not download it.
// What stays here: which control was pressed, whether a voice exists for
// the article's language, whether text is selected, and whether the page
// was opened on a linked passage (`?p=N`, `#:~:text=`).
import settings from '../../src/settings.json';

/** The primary language of a BCP 47 tag, Mandarin's `cmn` read as `zh`
 * (voices report `zh-CN`, `cmn`, `cmn-CN`, `zh_CN`…). */
export const primaryLang = (tag) => {
  const p = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return p === 'cmn' ? 'zh' : p;
};

/** Whether a voice of language `voiceLang` can read text in `lang`. */
export const voiceSpeaks = (voiceLang, lang) => primaryLang(voiceLang) === primaryLang(lang);

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
    const tools = { labels: labels(), voiceSpeaks, speech: settings.speech, sentences };
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

  // Once a document is on screen: 朗读 if a voice can read it; the first
  // time, the passage the page was opened on.
  let landed = false;
  const onReady = () => {
    if (synth && globalThis.SpeechSynthesisUtterance) checkVoices();
    const a = article();
    if (landed || !a) return;
    landed = true;
    // Only a page opened on a passage loads what lands on it.
    const nav = performance.getEntriesByType?.('navigation')[0]?.name ?? '';
    if ((standalone() && /[?&]p=\d/.test(location.search)) || nav.includes(':~:text=')) {
      import('./passage.js').then((m) => m.land(a, standalone()));
    }
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
