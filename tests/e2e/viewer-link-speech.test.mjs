// Reading aids, second part (issue 14): the image viewer, 复制链接 / Copy
// link with `?p=N` and text fragments, and 朗读 / Read aloud — each used
// with the keyboard alone, checked with axe, at 320 px and 200% text, with
// several readers on a page, under the strict CSP (startServer's default).
// Read aloud runs twice: against a fake speechSynthesis that the test
// drives event by event (sequencing, word marks, pause on hidden page and
// on search), and against the real engine (speech-dispatcher + espeak-ng,
// audio to libao's null driver: headless Chromium has no sound card).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, launch, newPage, horizontalOverflow, problemsBesidesLoads, HANG, focused } from './harness.mjs';

const AXE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const IMAGES = '/?src=/fixtures/images.json';
const TITLE = '秦岭山水图集';

const page2 = (body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>aids</title>
<script type="module" src="/article-reader.js"></script></head><body>${body}</body></html>`;
const HOST = page2('<main><h1>门户</h1><article-reader src="/fixtures/images.json"></article-reader>'
  + '<article-reader src="/fixtures/images.json"></article-reader></main>');
const ENGLISH = page2('<article-reader lang="en"><script type="application/json">'
  + '{"format":"article-reader","version":1,"lang":"en","title":"Hills","blocks":[{"type":"paragraph","text":"A walk. Then home."}]}'
  + '</script></article-reader>');

let server, browser;
before(async () => {
  const html = (body) => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  server = await startServer({ routes: { '/two-readers.html': html(HOST), '/english.html': html(ENGLISH) } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });


async function tabTo(page, name, { back = false } = {}) {
  for (let i = 0; i < 40; i++) {
    if (await focused(page) === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`Tab never reached ${name}; last: ${await focused(page)}`);
}

/** axe's violations. axe itself sets inline styles while it checks
 * contrast, which the strict CSP reports: those reports are dropped (only
 * those), so the page's own are still caught. */
async function axe(page) {
  const before = page.problems.length;
  const cspBefore = await page.evaluate(() => window.__cspViolations.length);
  await page.evaluate(AXE);
  const { violations } = await page.evaluate((tags) => axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }), TAGS);
  const during = page.problems.splice(before);
  assert.deepEqual(during.filter((p) => !p.includes('Applying inline style violates')), []);
  const reports = await page.evaluate((n) => window.__cspViolations.splice(n), cspBefore);
  assert.deepEqual(reports.filter((r) => r !== 'style-src-elem inline'), []);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

/** The text of the ranges of highlight `name` (CSS Custom Highlight API). */
const highlighted = (page, name) => page.evaluate((n) => {
  const h = CSS.highlights.get(n);
  return h ? [...h].map((r) => r.toString()).join('|') : null;
}, name);

const clean = async (page) => {
  assert.deepEqual(problemsBesidesLoads(page), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
};

// ---- Image viewer ----------------------------------------------------------

test('image viewer: keyboard only — open, next, zoom, Escape and Back close, focus returns; axe clean', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(server.url + IMAGES);
    // Lazy images with their size kept (space reserved before they load),
    // once the reader has rendered them (evaluateAll does not wait).
    await page.locator('.ar-img').nth(2).waitFor({ state: 'attached', timeout: HANG });
    const imgs = await page.locator('.ar-img').evaluateAll((l) => l.map((i) => [i.loading, i.getAttribute('width'), i.getAttribute('height')]));
    assert.deepEqual(imgs, Array(3).fill(['lazy', '480', '320']));
    await tabTo(page, '查看大图：青山连绵');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.ar-viewer[open]');
    await dialog.waitFor({ timeout: HANG });
    assert.equal(await dialog.getAttribute('aria-label'), '查看大图');
    assert.equal(await page.locator('.ar-viewer-pos').textContent(), '1 / 3');
    assert.equal(await page.locator('.ar-viewer-caption').textContent(), '图一　秦岭的山');
    assert.equal(await page.locator('.ar-viewer-img').getAttribute('alt'), '青山连绵');
    assert.equal(await focused(page), '关闭');
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.ar-viewer-pos').textContent(), '2 / 3');
    assert.equal(await page.locator('.ar-viewer-caption').textContent(), '图二　渭河');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('.ar-viewer-pos').textContent(), '3 / 3', 'wraps around');
    const zoom = () => page.locator('.ar-viewer-img').evaluate((i) => i.style.getPropertyValue('--ar-zoom'));
    await page.keyboard.press('+');
    assert.equal(await zoom(), '1.5');
    await page.keyboard.press('-');
    assert.equal(await zoom(), '1');
    // Tab never reaches the page behind the modal dialog (it is inert).
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const inner = document.querySelector('article-reader').shadowRoot.activeElement;
        return inner ? (inner.closest('dialog') ? 'dialog' : 'page') : document.activeElement === document.body ? 'none' : 'page';
      });
      assert.notEqual(where, 'page');
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: HANG });
    assert.equal(await focused(page), '查看大图：傍晚的城市', 'focus on the image last shown');
    // The browser's Back closes it too, and leaves the reader's page.
    const url = page.url();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ timeout: HANG });
    await page.goBack();
    await dialog.waitFor({ state: 'detached', timeout: HANG });
    assert.equal(page.url(), url);
    assert.equal(await focused(page), '查看大图：傍晚的城市');
    await clean(page);
  } finally { await page.close(); }
});

test('image viewer: pinch, double tap, wheel zoom; swipe to the next image', async () => {
  const page = await newPage(browser, { hasTouch: true });
  try {
    await page.goto(server.url + IMAGES);
    await page.locator('.ar-img-open').first().click();
    await page.locator('dialog.ar-viewer[open]').waitFor({ timeout: HANG });
    const zoom = () => page.locator('.ar-viewer-img').evaluate((i) => Number(i.style.getPropertyValue('--ar-zoom')));
    const pointers = (steps) => page.locator('.ar-viewer-stage').evaluate((stage, list) => {
      let t = performance.now();
      for (const [type, id, x, y] of list) {
        t += 40;
        stage.dispatchEvent(new PointerEvent(type, { pointerId: id, clientX: x, clientY: y, pointerType: 'touch', isPrimary: id === 1, bubbles: true }));
      }
    }, steps);
    // Two fingers moving apart: zoom in by their distance's ratio.
    await pointers([['pointerdown', 1, 150, 300], ['pointerdown', 2, 210, 300], ['pointermove', 2, 270, 300], ['pointerup', 2, 270, 300], ['pointerup', 1, 150, 300]]);
    assert.ok(Math.abs(await zoom() - 2) < 0.01, `pinch: ${await zoom()}`);
    // A double tap toggles back to 1, then to 2.
    await page.touchscreen.tap(180, 300);
    await page.touchscreen.tap(180, 300);
    assert.equal(await zoom(), 1);
    await page.touchscreen.tap(180, 300);
    await page.touchscreen.tap(180, 300);
    assert.equal(await zoom(), 2);
    await page.touchscreen.tap(180, 300);
    await page.touchscreen.tap(180, 300);
    // The wheel zooms on desktop.
    await page.mouse.move(180, 300);
    await page.mouse.wheel(0, -100);
    assert.ok(await zoom() > 1);
    await page.keyboard.press('0');
    // A swipe to the left: the next image.
    await pointers([['pointerdown', 1, 300, 300], ['pointermove', 1, 200, 305], ['pointerup', 1, 120, 305]]);
    assert.equal(await page.locator('.ar-viewer-pos').textContent(), '2 / 3');
    await clean(page);
  } finally { await page.close(); }
});

test('image viewer: at 320 px and 200% text nothing scrolls sideways; each of two readers opens its own images', async () => {
  const page = await newPage(browser, { width: 320 });
  try {
    await page.goto(`${server.url}/two-readers.html`);
    const second = page.locator('article-reader').nth(1);
    await second.locator('.ar-img-open').nth(2).click();
    const dialog = second.locator('dialog.ar-viewer[open]');
    await dialog.waitFor({ timeout: HANG });
    assert.equal(await dialog.locator('.ar-viewer-pos').textContent(), '3 / 3');
    assert.equal(await page.locator('article-reader').first().locator('dialog.ar-viewer').count(), 0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: HANG });
    // The largest text step (200%).
    await page.evaluate(() => localStorage.setItem('article-reader:font-step', '4'));
    await page.goto(server.url + IMAGES);
    await page.locator('.ar-img-open').first().click();
    await page.locator('dialog.ar-viewer[open]').waitFor({ timeout: HANG });
    assert.equal(await horizontalOverflow(page), 0);
    await clean(page);
  } finally { await page.close(); }
});

// ---- Copy link ---------------------------------------------------------------

/** Selects `text` (its `nth` occurrence) in the `reader`th reader's article, as a mouse or finger would,
 * once the reader has rendered the article (page.evaluate does not wait). */
async function select(page, text, nth = 0, reader = 0) {
  await page.locator('article-reader').nth(reader).locator('.ar-article').waitFor({ state: 'attached', timeout: HANG });
  return page.evaluate(([t, n, r]) => {
    const root = document.querySelectorAll('article-reader')[r].shadowRoot;
    const article = root.querySelector('.ar-article');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let at = node.data.indexOf(t);
      while (at >= 0) {
        if (seen++ === n) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + t.length);
          const sel = root.getSelection?.() ?? document.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          return true;
        }
        at = node.data.indexOf(t, at + 1);
      }
    }
    return false;
  }, [text, nth, reader]);
}

test('copy link: keyboard copies a ?p=N + text fragment link, announced; opening it lands on the passage, marked', async () => {
  const page = await newPage(browser);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(server.url + IMAGES);
    assert.equal(await page.locator('.ar-copy-link').isVisible(), false, 'no selection, no button');
    // "渭河是黄河最大的支流。" is in the article twice: the second one, in block 6.
    assert.ok(await select(page, '渭河是黄河最大的支流。', 1));
    await page.locator('.ar-copy-link').waitFor({ state: 'visible', timeout: HANG });
    await tabTo(page, '复制链接', { back: true });
    await page.keyboard.press('Enter');
    const status = page.locator('.ar-aids [role="status"]');
    await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot.querySelector('.ar-aids [role="status"]').textContent === '链接已复制', null, { timeout: HANG });
    assert.equal(await status.getAttribute('role'), 'status');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    assert.equal(url.searchParams.get('p'), '6');
    assert.equal(url.searchParams.get('src'), '/fixtures/images.json');
    // Not unique: a prefix and a suffix pin it down; every term percent-encoded.
    const directive = link.split('#:~:')[1];
    assert.match(directive, /^text=[^,]+-,[^,]+,-[^,]+$/);
    const [prefix, term, suffix] = directive.slice(5).split(',');
    assert.equal(decodeURIComponent(term), '渭河是黄河最大的支流。');
    assert.ok(decodeURIComponent(prefix.slice(0, -1)).endsWith('城市在河的北岸。'));
    assert.ok(decodeURIComponent(suffix.slice(1)).startsWith('傍晚的太阳'));
    assert.doesNotMatch(directive, /[^A-Za-z0-9%=,_.!~*'()-]/);
    assert.deepEqual(await axe(page), []);
    // Opening the link: the reader itself lands on block 6 and marks it.
    const opened = await newPage(browser, { height: 400 });
    try {
      await opened.goto(link);
      await opened.waitForFunction(() => CSS.highlights.has('ar-passage'), null, { timeout: HANG });
      assert.equal(await highlighted(opened, 'ar-passage'), '渭河是黄河最大的支流。');
      // Scrolled into view (smoothly: wait for the scroll to end).
      await opened.waitForFunction(() => {
        const r = [...CSS.highlights.get('ar-passage')][0].getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, null, { timeout: HANG });
      await clean(opened);
    } finally { await opened.close(); }
    // ?p=N alone (a browser or link without text fragments): the whole block.
    const plain = await newPage(browser, { height: 400 });
    try {
      await plain.goto(`${server.url}${IMAGES}&p=3`);
      await plain.waitForFunction(() => CSS.highlights.has('ar-passage'), null, { timeout: HANG });
      assert.match(await highlighted(plain, 'ar-passage'), /^第二段：渭河自西向东/);
    } finally { await plain.close(); }
    await clean(page);
  } finally { await page.close(); }
});

test('copy link: a blocked clipboard shows the link in a field to copy by hand; fits 320 px at 200%', async () => {
  const page = await newPage(browser, { width: 320 });
  try {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')) } });
      localStorage.setItem('article-reader:font-step', '4');
    });
    await page.goto(server.url + IMAGES);
    assert.ok(await select(page, '秦岭山脉横贯东西'));
    await page.locator('.ar-copy-link').waitFor({ state: 'visible', timeout: HANG });
    await tabTo(page, '复制链接', { back: true });
    await page.keyboard.press('Enter');
    const field = page.locator('.ar-link-field input');
    await field.waitFor({ timeout: HANG });
    const value = await field.inputValue();
    assert.match(value, /\?src=%2Ffixtures%2Fimages\.json&p=1#:~:text=/);
    assert.equal(decodeURIComponent(value.split('text=')[1]), '秦岭山脉横贯东西');
    assert.equal(await focused(page), '无法自动复制，请手动复制链接');
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await axe(page), []);
    await tabTo(page, '关闭');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.ar-link-field').count(), 0);
  } finally { await page.close(); }
});

// ---- Read aloud: a fake engine the test drives -------------------------------

/** A fake speechSynthesis: records what is spoken; the test fires events. */
function fakeSpeech(voices) {
  const list = voices.map(([name, lang]) => ({ name, lang, localService: true, default: false, voiceURI: name }));
  const fake = { spoken: [], cancels: 0, current: null };
  window.SpeechSynthesisUtterance = class extends EventTarget {
    constructor(text) { super(); Object.assign(this, { text, lang: '', rate: 1, voice: null }); }
  };
  const synth = new EventTarget();
  Object.assign(synth, {
    getVoices: () => list,
    speak(u) { fake.spoken.push({ text: u.text, rate: u.rate, voice: u.voice?.name, lang: u.lang }); fake.current = u; },
    cancel() { fake.cancels += 1; fake.current = null; },
    pause() {}, resume() {},
    get speaking() { return !!fake.current; },
  });
  fake.fire = (type, init = {}) => {
    const u = fake.current;
    if (!u) return false;
    const e = new Event(type);
    Object.assign(e, { charIndex: 0, charLength: 0, name: 'word', utterance: u }, init);
    u[`on${type}`]?.(e);
    return true;
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.__speech = fake;
}

const spoken = (page) => page.evaluate(() => window.__speech.spoken);
const fire = (page, type, init) => page.evaluate(([t, i]) => window.__speech.fire(t, i), [type, init]);

test('read aloud (fake engine): keyboard only; title, lead, body sentence by sentence, marked; speed and voice; pause on hidden page and on search; stop', async () => {
  const page = await newPage(browser);
  try {
    await page.addInitScript(fakeSpeech, [['Mandarin', 'cmn-CN'], ['Chinese', 'zh_CN'], ['English', 'en-US']]);
    await page.goto(server.url + IMAGES);
    await tabTo(page, '朗读');
    await page.keyboard.press('Enter');
    await page.locator('.ar-player').waitFor({ timeout: HANG });
    assert.equal(await focused(page), '暂停');
    let s = await spoken(page);
    assert.deepEqual(s.at(-1), { text: TITLE, rate: 1, voice: 'Mandarin', lang: 'zh-CN' });
    await fire(page, 'start');
    assert.equal(await highlighted(page, 'ar-speech'), TITLE);
    await fire(page, 'end');
    assert.equal((await spoken(page)).at(-1).text, '三张图片，两段说明。');
    assert.equal(await highlighted(page, 'ar-speech'), '三张图片，两段说明。');
    await fire(page, 'boundary', { charIndex: 2, charLength: 2 });
    assert.equal(await highlighted(page, 'ar-speech-word'), '图片');
    await fire(page, 'end');
    await fire(page, 'end');
    assert.equal((await spoken(page)).at(-1).text, '第一段：秦岭山脉横贯东西。', 'the body follows the lead');
    await fire(page, 'end');
    assert.equal(await highlighted(page, 'ar-speech'), '山下有河流，河边是城市。');
    await fire(page, 'end'); // next: the caption of the first image
    assert.equal(await highlighted(page, 'ar-speech'), '图一　秦岭的山');
    assert.deepEqual(await axe(page), []);
    // Speed, with the keyboard: stored like the text size.
    await tabTo(page, '语速0.75×1×1.25×1.5×');
    await page.keyboard.press('ArrowDown');
    assert.equal((await spoken(page)).at(-1).rate, 1.25);
    assert.equal(await page.evaluate(() => localStorage.getItem('article-reader:speech-rate')), '2');
    // The voices of the article's language only (cmn and zh alike).
    const names = await page.locator('.ar-speak-voice option').allTextContents();
    assert.deepEqual(names, ['Mandarin', 'Chinese']);
    await tabTo(page, '声音MandarinChinese');
    await page.keyboard.press('ArrowDown');
    assert.equal((await spoken(page)).at(-1).voice, 'Chinese');
    // Pause and resume: the same sentence again.
    await tabTo(page, '暂停', { back: true });
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), '继续');
    const count = (await spoken(page)).length;
    assert.equal(await fire(page, 'end'), false, 'nothing is speaking while paused');
    await page.keyboard.press('Enter');
    s = await spoken(page);
    assert.equal(s.length, count + 1);
    assert.equal(s.at(-1).text, '图一　秦岭的山');
    // A hidden page pauses; so does a search.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    assert.equal(await page.locator('.ar-speak-toggle').textContent(), '继续');
    await page.locator('.ar-speak-toggle').press('Enter');
    assert.equal(await page.locator('.ar-speak-toggle').textContent(), '暂停');
    await page.locator('input[type="search"]').fill('渭河');
    assert.equal(await page.locator('.ar-speak-toggle').textContent(), '继续');
    // Stop: the player and the marks go, focus returns to 朗读.
    await tabTo(page, '停止');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.ar-player').count(), 0);
    assert.equal(await highlighted(page, 'ar-speech'), null);
    assert.equal(await focused(page), '朗读');
    // A reload keeps the speed and the voice.
    await page.reload();
    await page.locator('.ar-speak-open').click();
    await page.waitForFunction(() => window.__speech.spoken.length > 0, null, { timeout: HANG });
    assert.deepEqual(await page.evaluate(() => { const u = window.__speech.spoken.at(-1); return [u.rate, u.voice]; }), [1.25, 'Chinese']);
    await clean(page);
  } finally { await page.close(); }
});

test('read aloud (fake engine): one reader at a time; absent without a voice for the language or without the API; 320 px at 200%', async () => {
  const page = await newPage(browser, { width: 320 });
  try {
    await page.addInitScript(fakeSpeech, [['Mandarin', 'zh-CN']]);
    await page.addInitScript(() => localStorage.setItem('article-reader:font-step', '4'));
    await page.goto(`${server.url}/two-readers.html`);
    const [a, b] = [page.locator('article-reader').nth(0), page.locator('article-reader').nth(1)];
    await a.locator('.ar-speak-open').click();
    await a.locator('.ar-player').waitFor({ timeout: HANG });
    assert.equal(await horizontalOverflow(page), 0);
    await b.locator('.ar-speak-open').click();
    await b.locator('.ar-player').waitFor({ timeout: HANG });
    assert.equal(await a.locator('.ar-player').count(), 0, 'the first reader stopped');
    assert.equal(await a.locator('.ar-speak-open').isVisible(), true);
    // An English article with only a Chinese voice: no 朗读.
    await page.goto(`${server.url}/english.html`);
    assert.equal(await page.locator('.ar-speak-open').isVisible(), false);
    await clean(page);
  } finally { await page.close(); }
  const none = await newPage(browser);
  try {
    await none.addInitScript(() => { delete window.speechSynthesis; delete Window.prototype.speechSynthesis; });
    await none.goto(server.url + IMAGES);
    assert.equal(await none.evaluate(() => 'speechSynthesis' in window), false);
    assert.equal(await none.locator('.ar-speak-open').isVisible(), false);
    await clean(none);
  } finally { await none.close(); }
});

// ---- Read aloud: the real engine -----------------------------------------------

/** A speech-dispatcher configuration of our own whose audio goes to
 * libao's null driver (no sound card here), in a temporary home. */
function speechHome() {
  const dir = mkdtempSync(join(tmpdir(), 'ar-speech-'));
  for (const d of ['config', 'home', 'cache', 'run']) mkdirSync(join(dir, d), { mode: 0o700 });
  cpSync('/etc/speech-dispatcher', join(dir, 'config/speech-dispatcher'), { recursive: true });
  const conf = join(dir, 'config/speech-dispatcher/speechd.conf');
  writeFileSync(conf, `${readFileSync(conf, 'utf8')}\nAudioOutputMethod "libao"\n`);
  writeFileSync(join(dir, 'home/.libao'), 'default_driver=null\n');
  return {
    HOME: join(dir, 'home'), XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_RUNTIME_DIR: join(dir, 'run'),
  };
}

test('read aloud (speech-dispatcher + espeak-ng): Mandarin voices are listed and the engine\'s end events move the mark sentence by sentence', async () => {
  const real = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--enable-speech-dispatcher'],
    env: { ...process.env, ...speechHome() },
  });
  try {
    const page = await newPage(real);
    await page.goto(server.url + IMAGES);
    const voices = await page.evaluate(async () => {
      for (let i = 0; i < 100 && !speechSynthesis.getVoices().length; i++) await new Promise((r) => setTimeout(r, 100));
      return speechSynthesis.getVoices().map((v) => v.lang);
    });
    assert.ok(voices.some((l) => /^cmn\b|^zh\b/i.test(l)), `a Mandarin voice among ${voices.length}`);
    await page.locator('.ar-speak-open').waitFor({ state: 'visible', timeout: HANG });
    // Record every sentence marked, in order, as the engine reads (the
    // null audio driver reads faster than frames: record each change).
    await page.evaluate(() => {
      window.__marks = [];
      const set = HighlightRegistry.prototype.set;
      HighlightRegistry.prototype.set = function record(name, h) {
        const t = [...h][0]?.toString();
        if (name === 'ar-speech' && window.__marks.at(-1) !== t) window.__marks.push(t);
        return set.call(this, name, h);
      };
    });
    await page.locator('.ar-speak-open').click();
    // To the end of the article: then the player goes by itself.
    await page.waitForFunction(() => window.__marks.includes('最后一段。')
      && !document.querySelector('article-reader').shadowRoot.querySelector('.ar-player'), null, { timeout: 120000 });
    const marks = await page.evaluate(() => window.__marks);
    assert.deepEqual(marks.slice(0, 4), [TITLE, '三张图片，两段说明。', '图片在正文中依次出现。', '第一段：秦岭山脉横贯东西。']);
    assert.equal(marks.at(-1), '最后一段。');
    assert.equal(await page.evaluate(() => speechSynthesis.speaking), false);
    await clean(page);
  } finally { await real.close(); }
});
