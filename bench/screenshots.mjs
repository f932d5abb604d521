// The README screenshots: the standalone reader at 360×740 CSS px (one
// phone screen, not the full page), light / dark / sepia, the largest text
// step, a collection and an open search; the reading aids (display panel,
// continue notice, image viewer, read aloud, copy link). A command, not a test.
//   node bench/screenshots.mjs            (needs a built dist/)
//   node bench/screenshots.mjs NAME…      (only those shots)
//   make screenshots
// Writes docs/screenshots/*.png.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, newPage } from '../tests/e2e/harness.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const OUT = join(ROOT, 'docs', 'screenshots');

const setTheme = (page, theme) =>
  page.evaluate((t) => document.querySelector('article-reader').setAttribute('theme', t), theme);

/** A speech engine with one Mandarin voice that speaks only when told
 * (`window.__speech.fire('end')`): headless Chromium has no sound card, and
 * a shot needs the reader stopped at a known sentence. */
function fakeSpeech() {
  const voice = { name: '普通话', lang: 'zh-CN', localService: true, default: true, voiceURI: 'zh' };
  let current = null;
  window.SpeechSynthesisUtterance = class extends EventTarget {
    constructor(text) { super(); this.text = text; }
  };
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => [voice], speak(u) { current = u; }, cancel() { current = null; }, pause() {}, resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.__speech = { fire: (type, init = {}) => current && current[`on${type}`](Object.assign(new Event(type), init)) };
}

/** name → [path, prepare(page), init (before the page loads)]; every shot
 * starts in a fresh context. */
const SHOTS = {
  'standalone-360': ['/', async (page) => setTheme(page, 'light')],
  'dark-360': ['/', async (page) => setTheme(page, 'dark')],
  'sepia-360': ['/', async (page) => setTheme(page, 'sepia')],
  'largest-step-360': ['/', async (page) => {
    await setTheme(page, 'light');
    await page.getByRole('radio').nth(4).check();
  }],
  'collection-360': ['/?src=/fixtures/feed.json', async (page) => setTheme(page, 'light')],
  'search-360': [`/?q=${encodeURIComponent('干部')}`, async (page) => {
    await setTheme(page, 'light');
    await page.getByRole('status').filter({ hasText: /\d+\/\d+/ }).waitFor();
  }],
  // ---- Reading aids (issue 14) ----
  'display-panel-360': ['/', async (page) => {
    await setTheme(page, 'light');
    await page.locator('.ar-display-btn').click();
    await page.getByRole('dialog').waitFor();
  }],
  'display-panel-en-360': ['/', async (page) => {
    await setTheme(page, 'sepia');
    await page.evaluate(() => document.querySelector('article-reader').setAttribute('lang', 'en'));
    await page.getByRole('radio', { name: 'Huge' }).waitFor({ state: 'attached' });
    await page.locator('.ar-display-btn').click();
    await page.getByRole('dialog').waitFor();
  }],
  'english-text-size-360': ['/', async (page) => {
    await setTheme(page, 'light');
    await page.evaluate(() => document.querySelector('article-reader').setAttribute('lang', 'en'));
    await page.getByRole('radio', { name: 'Huge' }).waitFor({ state: 'attached' });
  }],
  'resume-360': ['/', async (page) => {
    await setTheme(page, 'light');
    const day = Math.floor(Date.now() / 86400000);
    await page.evaluate((d) => localStorage.setItem('article-reader:positions', `${d} 12 baoji-2024-02-22-zuofeng`), day);
    await page.goto(page.url().replace(/\/?$/, '/?visit=2'));
    await setTheme(page, 'light');
    await page.locator('.ar-resume').waitFor();
  }],
  'image-viewer-360': ['/?src=/fixtures/images.json', async (page) => {
    await setTheme(page, 'light');
    await page.locator('.ar-img-open').nth(1).click();
    await page.locator('dialog.ar-viewer[open]').waitFor();
    await page.keyboard.press('+');
  }],
  'read-aloud-360': ['/?src=/fixtures/images.json', async (page) => {
    await setTheme(page, 'light');
    await page.locator('.ar-speak-open').click();
    await page.locator('.ar-player').waitFor();
    // Title, the lead's two sentences: now in the first paragraph, a word marked.
    for (let i = 0; i < 4; i++) await page.evaluate(() => window.__speech.fire('end'));
    await page.evaluate(() => window.__speech.fire('boundary', { charIndex: 4, charLength: 4, name: 'word' }));
  }, fakeSpeech],
  'copy-link-360': ['/?src=/fixtures/images.json', async (page) => {
    await setTheme(page, 'light');
    await page.evaluate(() => {
      const root = document.querySelector('article-reader').shadowRoot;
      const text = root.querySelectorAll('.ar-p')[0].firstChild;
      const range = document.createRange();
      range.setStart(text, 4);
      range.setEnd(text, 13);
      const sel = root.getSelection ? root.getSelection() : document.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await page.locator('.ar-copy-link').waitFor();
  }],
};

await mkdir(OUT, { recursive: true });
const server = await startServer();
const browser = await launch();
try {
  const only = process.argv.slice(2);
  for (const [name, [path, prepare, init]] of Object.entries(SHOTS).filter(([n]) => !only.length || only.includes(n))) {
    const page = await newPage(browser, { width: 360, height: 740, colorScheme: 'light' });
    try {
      if (init) await page.addInitScript(init);
      await page.goto(`${server.url}${path}`);
      await page.locator('article-reader h1').first().waitFor();
      await prepare(page);
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300); // smooth scrolling to the current match
      const file = join(OUT, `${name}.png`);
      await page.screenshot({ path: file });
      if (page.problems.length) throw new Error(`${name}: ${page.problems.join('; ')}`);
      console.log(file);
    } finally {
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
