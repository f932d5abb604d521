// Accessibility, part 2: the text size choice persists (and survives a
// storage that throws); reflow at 320 px and the largest step (WCAG 1.4.10,
// 1.4.4); text spacing (1.4.12); target sizes (2.5.8).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, horizontalOverflow, problemsBesidesLoads, storageThrows } from './harness.mjs';

const STEP_KEY = 'article-reader:font-step';
/** A host page whose reader asks for the 大 step when there is no stored choice. */
const LARGE_PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>font-size</title>'
  + '<script type="module" src="/article-reader.js"></script></head>'
  + '<body><article-reader font-size="large"></article-reader></body></html>';

let server, browser;
before(async () => {
  server = await startServer({
    routes: { '/a11y-font-size.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LARGE_PAGE) },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The reader's step: its root's ar-step-N class, and which radio is checked. */
async function step(page) {
  await page.locator('article-reader h1').first().waitFor();
  const cls = await page.locator('.ar-reader').first().getAttribute('class');
  const radios = page.locator('article-reader').first().getByRole('radio');
  const checked = [];
  for (let i = 0; i < await radios.count(); i++) if (await radios.nth(i).isChecked()) checked.push(i);
  return { root: Number(cls.match(/ar-step-(\d)/)[1]), checked };
}

const ok = problemsBesidesLoads;

// ---- Persistence -----------------------------------------------------------

test('the text size persists across reloads and tabs; font-size applies only without a stored choice', async () => {
  const first = await newPage(browser);
  const context = first.context();
  try {
    // No stored choice: the attribute decides.
    await first.goto(`${server.url}/a11y-font-size.html`);
    assert.deepEqual(await step(first), { root: 2, checked: [2] });
    await first.goto(`${server.url}/`);
    assert.deepEqual(await step(first), { root: 1, checked: [1] });
    await first.getByRole('radio', { name: '特大' }).check();
    assert.deepEqual(await step(first), { root: 3, checked: [3] });
    assert.equal(await first.evaluate((k) => localStorage.getItem(k), STEP_KEY), '3');
    await first.reload();
    assert.deepEqual(await step(first), { root: 3, checked: [3] });
    // A second tab of the same site, and a host page asking for 大: the stored 特大 wins.
    const second = await context.newPage();
    await second.goto(`${server.url}/?src=/fixtures/newsarticle.json`);
    assert.deepEqual(await step(second), { root: 3, checked: [3] });
    await second.goto(`${server.url}/a11y-font-size.html`);
    assert.deepEqual(await step(second), { root: 3, checked: [3] });
    assert.deepEqual(ok(first), []);
  } finally {
    await context.close();
  }
});

for (const [name, script] of [
  ['getItem/setItem throw', storageThrows],
  ['window.localStorage throws', () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  }],
]) {
  test(`text size works unpersisted when ${name}`, async () => {
    const page = await newPage(browser);
    try {
      await page.addInitScript(script);
      await page.goto(`${server.url}/`);
      assert.deepEqual(await step(page), { root: 1, checked: [1] });
      await page.getByRole('radio', { name: '超大' }).check();
      assert.deepEqual(await step(page), { root: 4, checked: [4] });
      await page.keyboard.press('ArrowLeft');
      assert.deepEqual(await step(page), { root: 3, checked: [3] });
      await page.reload();
      assert.deepEqual(await step(page), { root: 1, checked: [1] });
      assert.deepEqual(ok(page), []);
    } finally {
      await page.context().close();
    }
  });
}

// ---- Reflow at 320 px, largest step -----------------------------------------

/** Every control of the reader: box, and (when wholly in view) whether it is the topmost element at its centre. */
function controls() {
  const root = document.querySelector('article-reader').shadowRoot;
  return [...root.querySelectorAll('button, a[href], input, summary')].map((el) => {
    const target = el.matches('input[type=radio]') ? el.closest('label') : el;
    const r = target.getBoundingClientRect();
    const inView = r.top >= 0 && r.bottom <= innerHeight;
    const hit = inView ? root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) : null;
    return {
      name: (el.getAttribute('aria-label') || el.textContent || el.value || el.type).trim().slice(0, 12),
      type: el.type ?? el.tagName, left: r.left, right: r.right, width: r.width,
      visible: el.matches('input[type=radio]') ? target.checkVisibility() : el.checkVisibility(),
      reachable: !inView || (hit !== null && (target.contains(hit) || hit === target)),
    };
  });
}

/** At 320 px: no sideways scroll; every visible control inside the view, on top at its centre; searchbox ≥ 44 px. */
async function fits(page, label) {
  // To the top, and staying there (a search scrolls to its current match).
  await page.waitForFunction(() => new Promise((done) => {
    window.scrollTo(0, 0);
    requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY === 0)));
  }));
  assert.equal(await horizontalOverflow(page), 0, `${label}: sideways scroll`);
  const all = await page.evaluate(controls);
  assert.ok(all.length >= 7, `${label}: only ${all.length} controls`);
  for (const c of all.filter((c) => c.visible)) {
    assert.ok(c.left >= 0 && c.right <= 320, `${label}: ${c.name} outside the view (${c.left}–${c.right})`);
    assert.ok(c.reachable, `${label}: ${c.name} is covered at its centre`);
  }
  const box = page.getByRole('searchbox');
  assert.ok((await box.boundingBox()).width >= 44, `${label}: searchbox too narrow`);
}

test('320 px wide at the largest step: no sideways scroll, every control inside the view and usable', async () => {
  const page = await newPage(browser, { width: 320, height: 640, reducedMotion: 'reduce' });
  try {
    await page.goto(`${server.url}/`);
    await page.getByRole('radio', { name: '超大' }).check();
    for (const [path, ready] of [
      ['/', 'article h1'], ['/?src=/fixtures/feed.json', '.ar-item-open'], ['/?src=/status/404.json', '[role=alert]'],
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await page.locator('.ar-reader.ar-step-4').waitFor();
      await fits(page, path);
      assert.ok(await page.getByRole('button', { name: /关闭|返回/ }).isVisible());
    }
    // Still usable: search the seed article at this size.
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: '搜索' }).fill('干部');
    await page.getByRole('status').filter({ hasText: /^1\/\d+$/ }).waitFor();
    await page.getByRole('button', { name: '下一个' }).click();
    await page.getByRole('status').filter({ hasText: /^2\/\d+$/ }).waitFor();
    await fits(page, 'searching');
    // English has the widest toolbar: Close, a count or "No results", Previous, Next.
    for (const [q, status] of [['2024', /^1\/\d+$/], ['zzzz', /^No results$/]]) {
      await page.goto(`${server.url}/?q=${q}`);
      await page.evaluate(() => document.querySelector('article-reader').setAttribute('lang', 'en'));
      await page.getByRole('status').filter({ hasText: status }).waitFor();
      await fits(page, `English, ${q}`);
    }
    assert.deepEqual(ok(page), []);
  } finally {
    await page.context().close();
  }
});

// ---- Text spacing (WCAG 1.4.12) ------------------------------------------------

const SPACING = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important }'
  + ' p { margin-bottom: 2em !important }';

/** Adds the text spacing sheet to the reader's shadow root; lists clipped elements. */
function spaced(css) {
  const root = document.querySelector('article-reader').shadowRoot;
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  root.querySelectorAll('details').forEach((d) => { d.open = true; });
  const clipped = [];
  for (const el of root.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    const x = /hidden|clip/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const y = /hidden|clip/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const out = el.getBoundingClientRect().right > innerWidth + 1;
    if (x || y || out) clipped.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth}/${el.clientWidth} × ${el.scrollHeight}/${el.clientHeight}`);
  }
  const p = root.querySelector('p');
  return { clipped, letterSpacing: getComputedStyle(p).letterSpacing, fontSize: getComputedStyle(p).fontSize };
}

test('text spacing overrides at 360 px: nothing clipped, no sideways scroll', async () => {
  // A <style> in the shadow root is what a reader's spacing bookmarklet adds;
  // the page's strict CSP would block it, so bypass CSP for this test.
  const page = await newPage(browser, { width: 360, bypassCSP: true });
  try {
    for (const [path, ready, size] of [
      [`/?q=${encodeURIComponent('干部')}`, 'mark', null], ['/', 'article h1', '超大'],
      ['/?src=/fixtures/feed.json', '.ar-item-open', null], ['/?src=/status/404.json', '[role=alert]', null],
    ]) {
      await page.evaluate(() => { try { localStorage.clear(); } catch { /* about:blank */ } });
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      if (size) await page.getByRole('radio', { name: size }).check();
      const { clipped, letterSpacing, fontSize } = await page.evaluate(spaced, SPACING);
      // The overrides took effect (0.12em of the paragraph's font size).
      assert.ok(Math.abs(parseFloat(letterSpacing) - 0.12 * parseFloat(fontSize)) < 0.1, `${path}: spacing not applied (${letterSpacing})`);
      assert.deepEqual(clipped, [], path);
      assert.equal(await horizontalOverflow(page), 0, `${path}: sideways scroll`);
    }
    assert.deepEqual(ok(page), []);
  } finally {
    await page.context().close();
  }
});

// ---- Target size (WCAG 2.5.8) ---------------------------------------------------

/** Boxes of every target in the reader (radios by their label); inline links in running text are exempt. */
function targets() {
  const root = document.querySelector('article-reader').shadowRoot;
  root.querySelectorAll('details').forEach((d) => { d.open = true; });
  return [...root.querySelectorAll('button, a[href], input, summary, label')]
    .filter((el) => !el.closest('.ar-body p, .ar-body li, .ar-lead') && !el.matches('input[type=radio]'))
    .filter((el) => el.checkVisibility())
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { name: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 12)}`, w: r.width, h: r.height };
    });
}

test('every target is at least 24×24 CSS px at the smallest and largest steps', async () => {
  const page = await newPage(browser);
  try {
    for (const size of ['小', '超大']) {
      for (const [path, ready] of [
        [`/?q=${encodeURIComponent('干部')}`, 'mark'], ['/?src=/fixtures/feed.json', '.ar-item-open'], ['/?src=/status/404.json', '[role=alert]'],
      ]) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        await page.getByRole('radio', { name: size }).check();
        const all = await page.evaluate(targets);
        const kinds = new Set(all.map((t) => t.name.split(' ')[0]));
        for (const k of path.includes('q=') ? ['button', 'a', 'input', 'summary', 'label'] : ['button', 'input', 'label']) {
          assert.ok(kinds.has(k), `${path}: no ${k} measured`);
        }
        const small = all.filter((t) => t.w < 24 || t.h < 24).map((t) => `${t.name}: ${t.w.toFixed(1)}×${t.h.toFixed(1)}`);
        assert.deepEqual(small, [], `${path} at ${size}`);
      }
    }
  } finally {
    await page.context().close();
  }
});
