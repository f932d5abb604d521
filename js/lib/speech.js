// 朗读 / Read aloud (loaded on first use by js/lib/aids.js): reads the
// title, lead and body sentence by sentence with the Web Speech API,
// marking the sentence being read (and the word, where the engine reports
// word boundaries) with the CSS Custom Highlight API, so the DOM the wasm
// manages is never touched. One reader on the page reads at a time.
//
// Pausing cancels the engine and resumes from the start of the sentence:
// speechSynthesis.pause()/resume() are unreliable across engines (Chrome
// on Linux and Android ignores or drops them).
import { bringIntoView, highlight, rangeAt } from './marks.js';

/** The reader now reading (one at a time on the whole page). */
let active = null;

/** The elements read, in reading order: title, lead, then every block's
 * text (a list item, a caption, a table cell each on its own). */
const READ = '.ar-title, .ar-lead, .ar-body :is(p, h2, h3, h4, li, figcaption, blockquote footer, dt, dd, pre, caption, th, td)';

function sentencesOf(article, bounds) {
  const out = [];
  const els = [...article.querySelectorAll(READ)];
  for (const el of els) {
    // An element inside another one read (a <p> in a list item) is read with it.
    if (els.some((o) => o !== el && o.contains(el))) continue;
    const text = el.textContent;
    const b = bounds(text);
    for (let i = 0; i + 1 < b.length; i += 2) out.push({ el, start: b[i], end: b[i + 1], text: text.slice(b[i], b[i + 1]) });
  }
  return out;
}

/** The voices that read `lang`, best first: the exact tag, then a local one. */
function voicesFor(lang, voiceSpeaks) {
  const norm = (t) => String(t).toLowerCase().replace('_', '-').replace(/^cmn/, 'zh');
  const want = norm(lang);
  const rank = (v) => (norm(v.lang) === want ? 0 : 2) + (v.localService ? 0 : 1);
  return speechSynthesis.getVoices().filter((v) => voiceSpeaks(v.lang, lang))
    .sort((a, b) => rank(a) - rank(b));
}

const stored = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
const store = (key, value) => { try { localStorage.setItem(key, value); } catch { /* blocked: unstored */ } };

function option(value, text, selected) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

function labelled(cls, text, control) {
  const label = document.createElement('label');
  label.className = cls;
  const span = document.createElement('span');
  span.textContent = text;
  label.append(span, control);
  return label;
}

function button(cls, text) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `ar-btn ar-btn-text ${cls}`;
  b.textContent = text;
  return b;
}

/** Starts reading the article of the reader in `root` from its title. */
export function startSpeech(root, container, lang, tools) {
  const { labels: l, speech, sentences, voiceSpeaks } = tools;
  const { rates, defaultStep, storageKey, voiceKey } = speech;
  const article = root.querySelector('.ar-article');
  const dock = root.querySelector('.ar-dock');
  const voices = voicesFor(lang, voiceSpeaks);
  if (!article || !dock || !voices.length) return;
  active?.stop(false);

  const list = sentencesOf(article, sentences);
  let at = 0;
  let playing = false;
  let step = parseInt(stored(storageKey), 10);
  if (!(step >= 0 && step < rates.length)) step = defaultStep;
  let voice = voices.find((v) => v.name === stored(voiceKey)) ?? voices[0];

  // The player: 暂停/继续, 停止, 语速 and (when there is a choice) 声音.
  const player = document.createElement('div');
  player.className = 'ar-player';
  player.setAttribute('role', 'group');
  player.setAttribute('aria-label', l.readAloud);
  const toggle = button('ar-speak-toggle', l.pause);
  const stopButton = button('ar-speak-stop', l.stop);
  const speed = document.createElement('select');
  speed.className = 'ar-select';
  rates.forEach((r, i) => speed.append(option(i, `${r}×`, i === step)));
  player.append(toggle, stopButton, labelled('ar-speak-speed', l.speed, speed));
  if (voices.length > 1) {
    const chooser = document.createElement('select');
    chooser.className = 'ar-select';
    voices.forEach((v) => chooser.append(option(v.name, v.name, v === voice)));
    chooser.addEventListener('change', () => {
      voice = voices.find((v) => v.name === chooser.value) ?? voice;
      store(voiceKey, voice.name);
      if (playing) speak(); // the new voice from this sentence on
    });
    player.append(labelled('ar-speak-voice', l.voice, chooser));
  }
  dock.append(player);
  container.classList.add('ar-speaking');

  function mark(i) {
    const s = list[i];
    const range = s && rangeAt(s.el, s.start, s.end);
    highlight('ar-speech', range);
    highlight('ar-speech-word', null);
    if (!range) return;
    const r = range.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight) bringIntoView(range);
  }

  let utterance = null;
  /** Speaks sentence `at`; `next` when the last one has just ended
   * (nothing to cancel then). */
  function speak(next = false) {
    if (at >= list.length) { stop(true); return; }
    const s = list[at];
    const u = new SpeechSynthesisUtterance(s.text);
    utterance = u;
    u.lang = lang;
    u.voice = voice;
    u.rate = rates[step];
    // Events of a cancelled utterance must not move the reader on.
    u.onstart = () => { if (utterance === u) mark(at); };
    u.onboundary = (e) => {
      if (utterance !== u || e.name === 'sentence') return;
      const len = e.charLength || 1;
      highlight('ar-speech-word', rangeAt(s.el, s.start + e.charIndex, Math.min(s.end, s.start + e.charIndex + len)));
    };
    u.onend = () => { if (utterance === u) { at += 1; speak(true); } };
    u.onerror = (e) => { if (utterance === u && e.error !== 'interrupted' && e.error !== 'canceled') { at += 1; speak(true); } };
    mark(at);
    playing = true;
    if (!next) speechSynthesis.cancel();
    speechSynthesis.speak(u);
  }

  function pause() {
    if (!playing) return;
    playing = false;
    utterance = null;
    speechSynthesis.cancel();
    toggle.textContent = l.play;
    player.classList.add('ar-paused');
  }

  function resume() {
    active?.reader !== root && active?.stop(false);
    active = controller;
    toggle.textContent = l.pause;
    player.classList.remove('ar-paused');
    speak();
  }

  function stop(focusBack) {
    playing = false;
    utterance = null;
    speechSynthesis.cancel();
    highlight('ar-speech', null);
    highlight('ar-speech-word', null);
    player.remove();
    container.classList.remove('ar-speaking');
    document.removeEventListener('visibilitychange', onHidden);
    root.removeEventListener('input', onSearch, true);
    if (active === controller) active = null;
    if (focusBack) root.querySelector('.ar-speak-open')?.focus();
  }

  const onHidden = () => { if (document.hidden) pause(); };
  // A search takes over the reader's attention (and its marks).
  const onSearch = (e) => { if (e.target.matches?.('input[type="search"]')) pause(); };
  document.addEventListener('visibilitychange', onHidden);
  root.addEventListener('input', onSearch, true);

  toggle.addEventListener('click', () => (playing ? pause() : resume()));
  stopButton.addEventListener('click', () => stop(true));
  speed.addEventListener('change', () => {
    step = Number(speed.value);
    store(storageKey, String(step));
    if (playing) speak();
  });

  const controller = { reader: root, stop, pause };
  active = controller;
  toggle.focus();
  speak();
}

/** Stops the reader in `root` if it is reading (the reader is going away). */
export function stopSpeechIn(root) {
  if (active?.reader === root) active.stop(false);
}
