// Reading aids (issue 14): the display panel (显示设置), print, and continue
// where you left off — each used with the keyboard alone, checked with axe,
// and laid out at 320 px at the largest text step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, newPage, horizontalOverflow, problemsBesidesLoads, focused, cspViolations, PAGE_CSP, storageThrows } from './harness.mjs';

const AXE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SEED_ID = 'baoji-2024-02-22-zuofeng';
const KEYS = { theme: 'article-reader:theme', spacing: 'article-reader:line-spacing', face: 'article-reader:typeface' };
const POSITIONS = 'article-reader:positions';

/** A host page whose reader's display defaults come from its attributes. */
const HOST_PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>display</title>'
  + '<script type="module" src="/article-reader.js"></script></head>'
  + '<body><article-reader theme="sepia" line-spacing="compact" typeface="serif"></article-reader></body></html>';

/** Two readers, one in each UI language, served under the strict CSP. */
const TWO_READERS = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>two</title>'
  + '<script type="module" src="/article-reader.js"></script></head>'
  + '<body><article-reader></article-reader><article-reader lang="en"></article-reader></body></html>';

let server, browser;
before(async () => {
  const html = (body, headers = {}) => (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  server = await startServer({
    routes: {
      '/display-host.html': html(HOST_PAGE),
      '/display-two.html': html(TWO_READERS, { 'content-security-policy': PAGE_CSP }),
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });


/** Presses Tab until the focused element is named `name` (at most 30 times). */
async function tabTo(page, name) {
  for (let i = 0; i < 30; i++) {
    if (await focused(page) === name) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${name}; last: ${await focused(page)}`);
}

async function axe(page) {
  await page.evaluate(AXE);
  const { violations } = await page.evaluate((tags) => axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }), TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

const readerClass = (page) => page.locator('.ar-reader').first().getAttribute('class');

// ---- Display panel ---------------------------------------------------------------

test('display panel: keyboard only, Escape returns focus, choices apply and persist; axe clean', async () => {
  const page = await newPage(browser, { bypassCSP: true });
  try {
    await page.goto(`${server.url}/`);
    await page.locator('article h1').waitFor();
    await tabTo(page, '显示设置');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '显示设置' });
    await dialog.waitFor();
    assert.equal(await focused(page), '自动', 'focus starts on the checked theme');
    assert.deepEqual(await axe(page), []);
    // Arrow keys choose within a group; Tab goes to the next group.
    await page.keyboard.press('ArrowRight'); // 浅色
    await page.keyboard.press('ArrowRight'); // 深色
    await page.locator('.ar-reader.ar-theme-dark').waitFor();
    assert.equal(await page.locator('.ar-reader').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(23, 25, 28)');
    assert.deepEqual(await axe(page), [], 'axe, dark dialog');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), '标准');
    const lineHeight = () => page.locator('article .ar-p').first().evaluate((p) => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize));
    const normal = await lineHeight();
    await page.keyboard.press('ArrowRight'); // 宽松
    await page.locator('.ar-reader.ar-spacing-relaxed').waitFor();
    assert.ok(await lineHeight() > normal + 0.2, `relaxed ${await lineHeight()} vs normal ${normal}`);
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), '黑体');
    await page.keyboard.press('ArrowRight'); // 宋体
    await page.locator('.ar-reader.ar-face-serif').waitFor();
    assert.match(await page.locator('article .ar-p').first().evaluate((p) => getComputedStyle(p).fontFamily), /Serif/);
    // Tab wraps inside the dialog: 完成, then back to the first group.
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), '完成');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), '深色');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(page), '完成');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await focused(page), '显示设置', 'Escape returns focus to the Aa button');
    assert.deepEqual(await page.evaluate((k) => Object.values(k).map((x) => localStorage.getItem(x)), KEYS), ['dark', 'relaxed', 'serif']);
    await page.reload();
    await page.locator('article h1').waitFor();
    const cls = await readerClass(page);
    for (const want of ['ar-theme-dark', 'ar-spacing-relaxed', 'ar-face-serif']) assert.ok(cls.includes(want), cls);
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});

test('display panel: the host attributes give defaults; a stored choice wins', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/display-host.html`);
    await page.locator('article-reader h1').waitFor();
    let cls = await readerClass(page);
    for (const want of ['ar-theme-sepia', 'ar-spacing-compact', 'ar-face-serif']) assert.ok(cls.includes(want), cls);
    await page.evaluate((k) => localStorage.setItem(k, 'dark'), KEYS.theme);
    await page.reload();
    await page.locator('article-reader h1').waitFor();
    cls = await readerClass(page);
    for (const want of ['ar-theme-dark', 'ar-spacing-compact', 'ar-face-serif']) assert.ok(cls.includes(want), cls);
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});

test('display panel under the strict CSP: a choice in one reader reaches every reader; 完成 closes; each dialog in its UI language', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/display-two.html`);
    const [zh, en] = [page.locator('article-reader').first(), page.locator('article-reader').nth(1)];
    await en.locator('h1').waitFor();
    const button = zh.locator('.ar-display-btn');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    const dialog = page.getByRole('dialog', { name: '显示设置' });
    await dialog.waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await dialog.locator('legend').allTextContents(), ['主题', '行距', '字体']);
    await dialog.getByRole('radio', { name: '护眼' }).check();
    await dialog.getByRole('radio', { name: '宽松' }).check();
    for (const r of [zh, en]) await r.locator('.ar-reader.ar-theme-sepia.ar-spacing-relaxed').waitFor();
    await dialog.getByRole('button', { name: '完成' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(page), '显示设置', '完成 returns focus to the Aa button');
    // The other reader's dialog speaks English and shows the choices made.
    await en.locator('.ar-display-btn').click();
    const english = page.getByRole('dialog', { name: 'Display' });
    await english.waitFor();
    assert.deepEqual(await english.locator('legend').allTextContents(), ['Theme', 'Line spacing', 'Typeface']);
    assert.deepEqual(await english.locator('input:checked').evaluateAll((l) => l.map((i) => i.parentElement.textContent)), ['Sepia', 'Relaxed', 'Sans serif']);
    await english.getByRole('radio', { name: 'Serif', exact: true }).check();
    for (const r of [zh, en]) await r.locator('.ar-reader.ar-face-serif').waitFor();
    await page.keyboard.press('Escape');
    await english.waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'Display');
    assert.deepEqual(await page.evaluate((k) => Object.values(k).map((x) => localStorage.getItem(x)), KEYS), ['sepia', 'relaxed', 'serif']);
    assert.deepEqual(problemsBesidesLoads(page), []);
    assert.deepEqual(await cspViolations(page), []);
  } finally {
    await page.context().close();
  }
});

test('display panel with storage blocked: a choice still applies to the page, unstored', async () => {
  const page = await newPage(browser);
  try {
    await page.addInitScript(storageThrows);
    await page.goto(`${server.url}/display-two.html`);
    await page.locator('article-reader').nth(1).locator('h1').waitFor();
    await page.locator('.ar-display-btn').first().click();
    await page.getByRole('dialog').getByRole('radio', { name: '深色' }).check();
    for (const i of [0, 1]) await page.locator('article-reader').nth(i).locator('.ar-reader.ar-theme-dark').waitFor();
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});

test('display panel at 320 px and the largest text step: no sideways scroll, every control inside the view', async () => {
  const page = await newPage(browser, { width: 320, height: 640 });
  try {
    await page.goto(`${server.url}/?q=2024`);
    await page.getByRole('radio', { name: '超大' }).check();
    await page.locator('.ar-reader.ar-step-4').waitFor();
    for (const lang of ['zh-CN', 'en']) {
      await page.evaluate((l) => document.querySelector('article-reader').setAttribute('lang', l), lang);
      await page.locator(`.ar-reader[lang="${lang}"]`).waitFor();
      assert.equal(await horizontalOverflow(page), 0, `${lang}: page overflows with the bar`);
      const button = page.locator('.ar-display-btn');
      const box = await button.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 320, `${lang}: display button at ${JSON.stringify(box)}`);
      await button.click();
      await page.getByRole('dialog').waitFor();
      assert.equal(await horizontalOverflow(page), 0);
      const outside = await page.locator('dialog').evaluate((d) => [...d.querySelectorAll('label, button, legend')]
        .map((e) => e.getBoundingClientRect()).filter((r) => r.left < 0 || r.right > innerWidth + 0.5).length);
      assert.equal(outside, 0, `${lang}: controls outside the 320 px view`);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    }
  } finally {
    await page.context().close();
  }
});

test('English text size row at 360 px: the five steps share one row, "Huge" unbroken', async () => {
  const page = await newPage(browser, { width: 360 });
  try {
    await page.goto(`${server.url}/`);
    await page.evaluate(() => document.querySelector('article-reader').setAttribute('lang', 'en'));
    await page.getByRole('radio', { name: 'Huge' }).waitFor({ state: 'attached' });
    const rows = await page.locator('.ar-size-opt').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      const span = e.querySelector('span').getClientRects().length;
      return { top: Math.round(r.top), lines: span, text: e.textContent };
    }));
    assert.equal(new Set(rows.map((r) => r.top)).size, 1, JSON.stringify(rows));
    assert.equal(rows[4].lines, 1, 'Huge on one line');
    assert.equal(await horizontalOverflow(page), 0);
  } finally {
    await page.context().close();
  }
});

// ---- Print -----------------------------------------------------------------------

test('print: the article alone, black on white in the dark theme, web link targets shown', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/?src=/fixtures/feed.json`);
    await page.evaluate(() => document.querySelector('article-reader').setAttribute('theme', 'dark'));
    await page.locator('.ar-item-open', { hasText: '科技特派员' }).first().click();
    await page.locator('article .ar-link').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const seen = await page.locator('.ar-reader').evaluate((r) => {
      const shown = (sel) => [...r.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length);
      const p = r.querySelector('article .ar-p');
      const link = r.querySelector('article .ar-link[href^="http"]');
      return {
        bar: shown('.ar-bar'), size: shown('.ar-size'), article: shown('article'),
        color: getComputedStyle(p).color, background: getComputedStyle(r).backgroundColor,
        after: getComputedStyle(link, '::after').content, href: link.getAttribute('href'),
      };
    });
    assert.deepEqual({ bar: seen.bar, size: seen.size, article: seen.article }, { bar: false, size: false, article: true });
    assert.equal(seen.color, 'rgb(0, 0, 0)');
    assert.equal(seen.background, 'rgb(255, 255, 255)');
    // Chromium reports the rule as written or with the target filled in.
    assert.match(seen.after, /attr\(href\)|example\.gov\.cn/, seen.after);
  } finally {
    await page.context().close();
  }
});

// ---- Continue where you left off -------------------------------------------------

/** Scrolls block `n` of the body to the top, as a reader would, and waits for the save. */
async function readUpTo(page, n) {
  await page.locator('.ar-body > *').nth(n).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, 1);
  await page.waitForFunction(([k, id]) => (localStorage.getItem(k) ?? '').includes(id), [POSITIONS, SEED_ID]);
}

test('continue where you left off: offered on reopening, keyboard only; dismissible; axe clean', async () => {
  const page = await newPage(browser, { reducedMotion: 'reduce', bypassCSP: true });
  try {
    await page.goto(`${server.url}/`);
    await page.locator('article h1').waitFor();
    assert.equal(await page.getByRole('button', { name: '从上次位置继续' }).count(), 0, 'nothing offered the first time');
    await readUpTo(page, 12);
    const stored = await page.evaluate((k) => localStorage.getItem(k), POSITIONS);
    assert.match(stored, new RegExp(`^\\d+ 1[12] ${SEED_ID}$`));
    // A new visit (a reload would have the browser restore the scroll itself).
    await page.goto(`${server.url}/?visit=2`);
    await page.locator('article h1').waitFor();
    await page.getByRole('button', { name: '从上次位置继续' }).waitFor();
    assert.equal(await page.evaluate(() => scrollY), 0, 'no silent jump');
    assert.deepEqual(await axe(page), []);
    await tabTo(page, '从上次位置继续');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '从上次位置继续' }).waitFor({ state: 'detached' });
    const landed = await page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      const blocks = [...a.parentElement.children];
      return { index: blocks.indexOf(a), top: a.getBoundingClientRect().top };
    });
    assert.ok(landed.index === 11 || landed.index === 12, `focus on block ${landed.index}`);
    assert.ok(landed.top > 0 && landed.top < 200, `block top at ${landed.top}`);
    // Dismissed, it goes away and focus stays in the article.
    await page.goto(`${server.url}/?visit=3`);
    await tabTo(page, '关闭提示');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '从上次位置继续' }).waitFor({ state: 'detached' });
    assert.equal(await focused(page), '锤炼作风 夯实高质量发展“硬保障”');
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});

test('continue where you left off: nothing stored or offered when storage is blocked', async () => {
  const page = await newPage(browser);
  try {
    await page.addInitScript(storageThrows);
    await page.goto(`${server.url}/`);
    await page.locator('article h1').waitFor();
    await page.locator('.ar-body > *').nth(12).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, 1);
    await page.waitForTimeout(800);
    await page.reload();
    await page.locator('article h1').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole('button', { name: '从上次位置继续' }).count(), 0);
    assert.deepEqual(problemsBesidesLoads(page), []);
  } finally {
    await page.context().close();
  }
});
