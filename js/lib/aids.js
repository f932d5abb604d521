// The reading aids of one reader: the image viewer, 复制链接 / Copy link,
// 朗读 / Read aloud and the dialog of 显示设置 / Display, and 从上次位置继续
// / Continue where you left off (js/lib/resume.js, which every reader
// runs). The wasm renders their controls (and the labels, on the "Aa"
// button); what they do is
// loaded on first use (dynamic import(): chunks of their own, see
// scripts/bundle.mjs), so readers who never use them do not download it.
// What stays here: which control was pressed, whether a voice exists for
// the article's language, whether text is selected, and whether the page
// was opened on a linked passage (`?p=N`, `#:~:text=`).
// (No `?.` here: esbuild lowers it for Chrome 90, which costs bytes in
// every page's bundle.)
// The chunks get the facts they need from here: a chunk importing
// settings.json itself would move the part the loader shares into a chunk
// of its own, one more file every page fetches.
import { speech as speechSettings, themes, display } from '../../src/settings.json';
import { resumeAids } from './resume.js';

/** The primary language of a BCP 47 tag, Mandarin's `cmn` read as `zh`
 * (voices report `zh-CN`, `cmn`, `cmn-CN`, `zh_CN`…). */
const primaryLang = (tag) => {
  const p = String(tag).toLowerCase().split(/[-_]/)[0];
  return p === 'cmn' ? 'zh' : p;
};

/** Whether a voice of language `voiceLang` can read text in `lang`. */
const voiceSpeaks = (voiceLang, lang) => primaryLang(voiceLang) === primaryLang(lang);

/**
 * Wires the reading aids of the reader in `root` (its `container` gets the
 * classes the controls' CSS follows); `element` dispatches the reader's
 * events. Returns `destroy()`.
 */
export function readingAids(element, root, container, { standalone, sentences }) {
  const slot = () => root.querySelector('.ar-aids');
  const article = () => root.querySelector('.ar-article');
  const synth = window.speechSynthesis;
  const canSpeak = synth && window.SpeechSynthesisUtterance;
  let selected = null; // the last selection inside the article
  let speech = null; // js/lib/speech.js, once loaded
  // The labels of every aid, in the UI language, on the "Aa" button.
  const labels = () => JSON.parse(root.querySelector('.ar-display-btn').dataset.labels);
  const resume = resumeAids(root, container, labels);

  const onClick = (e) => {
    const control = e.target.closest('.ar-img-open, .ar-speak-open, .ar-copy-link, .ar-display-btn');
    if (!control || !container.contains(control)) return;
    const tools = { labels: labels(), voiceSpeaks, speech: speechSettings, themes, display, sentences };
    if (control.matches('.ar-display-btn')) {
      import('./display.js').then((m) => m.openDisplay(control, tools));
    } else if (control.matches('.ar-img-open')) {
      import('./viewer.js').then((m) => m.openViewer(root, control, tools));
    } else if (control.matches('.ar-speak-open')) {
      speech = speech || import('./speech.js');
      speech.then((m) => m.startSpeech(root, container, slot().dataset.lang, tools));
    } else if (selected) {
      import('./passage.js').then((m) => m.copyLink(root, selected, standalone(), tools));
    }
  };

  // 朗读 shows only where the browser has a voice for the article's
  // language; voices often arrive after the page (voiceschanged).
  const checkVoices = () => {
    const s = slot();
    container.classList.toggle('ar-can-speak', !!s && synth.getVoices().some((v) => voiceSpeaks(v.lang, s.dataset.lang)));
  };

  // 复制链接 shows while text inside the article is selected.
  const onSelection = () => {
    const sel = root.getSelection ? root.getSelection() : document.getSelection();
    const range = sel && sel.rangeCount && sel.getRangeAt(0);
    const a = article();
    if (range && !range.collapsed && a && a.contains(range.commonAncestorContainer) && range.toString().trim()) {
      selected = range.cloneRange();
      container.classList.add('ar-has-selection');
    } else if (!(root.activeElement && root.activeElement.matches('.ar-copy-link'))) {
      container.classList.remove('ar-has-selection');
    }
  };

  // Once a document is on screen: 朗读 if a voice can read it; the first
  // time, the passage the page was opened on (only such a page loads
  // what lands on it).
  let landed = false;
  const onReady = () => {
    resume.ready();
    if (canSpeak) checkVoices();
    const a = article();
    if (landed || !a) return;
    landed = true;
    const nav = performance.getEntriesByType('navigation')[0];
    if ((standalone() && /[?&]p=\d/.test(location.search)) || (nav && nav.name.includes(':~:text='))) {
      import('./passage.js').then((m) => m.land(a, standalone()));
    }
  };

  const listen = (on) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    element[method]('article-reader:ready', onReady);
    root[method]('click', onClick);
    document[method]('selectionchange', onSelection);
    if (canSpeak) synth[method]('voiceschanged', checkVoices);
  };
  listen(true);
  return {
    destroy() {
      listen(false);
      resume.destroy();
      if (speech) speech.then((m) => m.stopSpeechIn(root));
    },
  };
}
