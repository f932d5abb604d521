// Accessibility, part 3: keyboard order and focus rings, Close, reading time
// and the contents with the current section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, problemsBesidesLoads } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ok = problemsBesidesLoads;

/** The focused element inside the reader, as a short name, with its focus ring. */
function focused() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const root = document.querySelector('article-reader').shadowRoot;
  const name = el.matches('.ar-close') ? 'close'
    : el.matches('input[type=search]') ? 'search'
    : el.matches('input[type=radio]') ? `radio ${el.value}`
    : el.matches('summary') ? 'summary'
    : el.matches('.ar-toc-link') ? `contents ${[...root.querySelectorAll('.ar-toc-link')].indexOf(el)}`
    : el.matches('h2') ? `h2 ${el.textContent.trim()}`
    : `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') || el.textContent).trim()}`;
  // A radio is invisible over its label: the label shows the ring (an
  // outline: the checked label always has a box-shadow).
  const radio = el.matches('input[type=radio]');
  const cs = getComputedStyle(radio ? el.closest('label') : el);
  const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || (!radio && cs.boxShadow !== 'none');
  const r = el.getBoundingClientRect();
  return { name, ring, top: r.top, bar: root.querySelector('.ar-bar').getBoundingClientRect().bottom };
}

test('keyboard: Tab order, arrow keys on the text size, contents links move focus; visible focus rings', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/?q=${encodeURIComponent('干部')}`);
    await page.locator('mark[aria-current="true"]').waitFor();
    const h2s = (await page.locator('article h2').allTextContents()).map((t) => t.trim());
    assert.equal(h2s.length, 3);
    const stops = [];
    const tab = async (key = 'Tab') => {
      await page.keyboard.press(key);
      const f = await page.evaluate(focused);
      assert.ok(f.ring, `no visible focus ring on ${f.name}`);
      stops.push(f.name);
      return f.name;
    };
    for (let i = 0; i < 5; i++) await tab();
    assert.deepEqual(stops, ['close', 'search', 'button 上一个', 'button 下一个', 'radio 1']);
    // Arrow keys change the step and keep focus in the group.
    await page.keyboard.press('ArrowRight');
    await page.locator('.ar-reader.ar-step-2').waitFor();
    assert.equal((await page.evaluate(focused)).name, 'radio 2');
    await page.keyboard.press('ArrowLeft');
    await page.locator('.ar-reader.ar-step-1').waitFor();
    assert.equal((await page.evaluate(focused)).name, 'radio 1');
    assert.equal(await tab(), 'button Aa显示设置'); // the display panel (issue 14)
    assert.equal(await tab(), 'summary');
    await page.keyboard.press('Enter'); // opens the contents
    assert.equal(await page.locator('details.ar-toc-box').getAttribute('open'), '');
    for (let i = 0; i < 4; i++) await tab();
    assert.deepEqual(stops.slice(7), ['contents 0', 'contents 1', 'contents 2', 'button ↑回到顶部']);
    // Enter on the second contents link: its section heading is focused, below the bar.
    await tab('Shift+Tab');
    assert.equal(await tab('Shift+Tab'), 'contents 1');
    await page.keyboard.press('Enter');
    // Focused, and scrolled to just below the bar (however the scroll runs).
    await page.waitForFunction(() => {
      const root = document.querySelector('article-reader').shadowRoot;
      const h = root.activeElement;
      if (h?.tagName !== 'H2') return false;
      const top = h.getBoundingClientRect().top;
      const bar = root.querySelector('.ar-bar').getBoundingClientRect().bottom;
      return top >= bar && top < bar + 120;
    }).catch(async (err) => {
      throw new Error(`hung: the section heading never came to rest below the bar (${JSON.stringify(await page.evaluate(focused))}): ${err.message}`);
    });
    const h2 = await page.evaluate(focused);
    assert.equal(h2.name, `h2 ${h2s[1]}`);
    assert.ok(h2.top >= h2.bar && h2.top < h2.bar + 120, `heading at ${h2.top}, bar ends at ${h2.bar}`);
    assert.deepEqual(ok(page), []);
  } finally {
    await page.context().close();
  }
});

// ---- Close -----------------------------------------------------------------

/** Records article-reader:close events in sessionStorage (it survives going
 * back), and every call that would leave or close the page in
 * window.__leaving: the close handler runs during the click, so once the
 * close is recorded any such call has been made. */
function recordClose() {
  document.addEventListener('article-reader:close', (e) => {
    sessionStorage.setItem('closes', `${sessionStorage.getItem('closes') ?? ''}${e.bubbles && e.composed ? 'close' : 'bad'};`);
  });
  window.__leaving = [];
  for (const name of ['back', 'go', 'forward', 'pushState', 'replaceState']) {
    const original = History.prototype[name];
    History.prototype[name] = function (...args) { window.__leaving.push(`history.${name}`); return original.apply(this, args); };
  }
  const close = window.close;
  window.close = function () { window.__leaving.push('window.close'); return close.call(this); };
}

test('关闭 fires article-reader:close and, standalone, goes back when there is history', async () => {
  const page = await newPage(browser);
  try {
    await page.addInitScript(recordClose);
    const from = `${server.url}/?src=/fixtures/feed.json`;
    await page.goto(from);
    await page.locator('.ar-item-open').first().waitFor();
    await page.goto(`${server.url}/?src=/fixtures/newsarticle.json`);
    await page.locator('article h1').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    await page.waitForURL(from);
    await page.locator('.ar-item-open').first().waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('closes')), 'close;');
  } finally {
    await page.context().close();
  }
  // Opened in a new tab (window.open: no history): the event fires, the page stays.
  const opener = await newPage(browser);
  try {
    await opener.goto(`${server.url}/fixtures/feed.json`);
    const url = `${server.url}/?src=/fixtures/newsarticle.json`;
    const [alone] = await Promise.all([
      opener.context().waitForEvent('page'),
      opener.evaluate((u) => { window.open(u, '_blank', 'noopener'); }, url),
    ]);
    await alone.addInitScript(recordClose);
    await alone.reload(); // the init script is in from the start
    await alone.locator('article h1').waitFor();
    assert.equal(await alone.evaluate(() => history.length), 1);
    await alone.getByRole('button', { name: '关闭' }).click();
    await alone.waitForFunction(() => sessionStorage.getItem('closes') !== null);
    assert.equal(await alone.evaluate(() => sessionStorage.getItem('closes')), 'close;');
    assert.deepEqual(await alone.evaluate(() => window.__leaving), [], 'the page tried to leave');
    assert.equal(alone.url(), url);
    assert.ok(await alone.locator('article h1').isVisible());
  } finally {
    await opener.context().close();
  }
});

// ---- Reading time and contents ----------------------------------------------------

test('reading time at Firefox Reader View speeds; contents lists the sections and marks the one being read', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/`);
    await page.locator('article h1').waitFor();
    // Characters read: title, lead and every block (Chinese: 255 ± 29 a minute).
    const chars = await page.evaluate(() => {
      const a = document.querySelector('article-reader').shadowRoot.querySelector('article');
      const els = a.querySelectorAll('h1, .ar-lead, .ar-body p, .ar-body h2, .ar-body h3, .ar-body h4, .ar-body li');
      return [...els].reduce((n, el) => n + [...el.textContent].length, 0);
    });
    assert.ok(chars > 2000, `${chars} characters`);
    const [fast, slow] = [Math.ceil(chars / (255 + 29)), Math.ceil(chars / (255 - 29))];
    assert.ok(fast < slow);
    assert.equal((await page.locator('.ar-reading-time').textContent()).trim(), `阅读约 ${fast}–${slow} 分钟`);
    assert.match(await page.locator('.ar-meta').textContent(), /阅读约 \d+–\d+ 分钟/);

    const h2s = (await page.locator('article h2').allTextContents()).map((t) => t.trim());
    const nav = page.getByRole('navigation', { name: '目录' });
    const links = nav.getByRole('link', { includeHidden: true });
    assert.deepEqual((await links.allTextContents()).map((t) => t.trim()), h2s);
    assert.equal(await nav.locator('[aria-current]').count(), 0);
    // Scroll the second section to just below the bar.
    await page.locator('article h2').nth(1).evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - 70));
    await page.waitForFunction(() => document.querySelector('article-reader').shadowRoot
      .querySelectorAll('.ar-toc-link')[1].getAttribute('aria-current') === 'location');
    assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('aria-current'))), [null, 'location', null]);
    assert.deepEqual(ok(page), []);
  } finally {
    await page.context().close();
  }
});
