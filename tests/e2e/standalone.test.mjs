// The standalone reader (dist/index.html) in real Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, newPage, horizontalOverflow, problemsBesidesLoads, SEED_TITLE, SHOTS } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const width of [320, 360, 768]) {
  test(`seed article at ${width} px: h1, no sideways scroll, no console error`, async () => {
    const page = await newPage(browser, { width });
    try {
      await page.goto(`${server.url}/`);
      const h1 = page.locator('h1');
      await h1.waitFor();
      assert.equal(await h1.count(), 1);
      assert.equal((await h1.textContent()).trim(), SEED_TITLE);
      assert.equal(await page.getByRole('heading', { level: 2 }).count(), 3);
      await page.getByRole('contentinfo').waitFor();
      assert.ok(await page.getByRole('searchbox', { name: '搜索' }).isVisible());
      assert.ok(await page.getByRole('radiogroup', { name: '字号' }).isVisible());
      assert.equal(await horizontalOverflow(page), 0);
      await page.screenshot({ path: join(SHOTS, `standalone-${width}.png`), fullPage: width === 360 });
      assert.deepEqual(page.problems, []);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    } finally {
      await page.context().close();
    }
  });
}

test('the prerendered article paints before the app is even requested, then the live reader takes over', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/`);
    await page.locator('article-reader[data-ar-live]').waitFor({ state: 'attached' });
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      app: performance.getEntriesByType('resource').find((r) => r.name.endsWith('/standalone.js'))?.startTime,
      wasm: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.startTime,
    }));
    assert.ok(t.fcp > 0, 'first contentful paint recorded');
    assert.ok(t.app >= t.fcp, `standalone.js requested at ${t.app} ms, before the first paint at ${t.fcp} ms`);
    assert.ok(t.wasm >= t.fcp, `wasm requested at ${t.wasm} ms, before the first paint at ${t.fcp} ms`);
    // Exactly one reader remains, and it is the live one.
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.locator('.ar-prerendered').count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a JSON Feed via ?src= lists its articles, opens one and goes back', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/?src=/fixtures/feed.json`);
    const items = page.locator('.ar-item-open');
    await items.first().waitFor();
    assert.ok(await items.count() >= 3);
    await page.screenshot({ path: join(SHOTS, 'feed-list-360.png') });
    const title = (await items.first().textContent()).trim();
    await items.first().click();
    assert.equal((await page.locator('article h1').textContent()).trim(), title);
    await page.getByRole('button', { name: '返回' }).click();
    await items.first().waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

test('a schema.org NewsArticle via ?src= renders its headline', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/?src=/fixtures/newsarticle.json`);
    const h1 = page.locator('article h1');
    await h1.waitFor();
    const expected = JSON.parse(await (await fetch(`${server.url}/fixtures/newsarticle.json`)).text()).headline;
    assert.equal((await h1.textContent()).trim(), expected);
    assert.ok(await page.locator('article p').count() >= 2);
    await page.screenshot({ path: join(SHOTS, 'newsarticle-360.png') });
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});

for (const [name, src, needle] of [
  ['a 404', '/status/404.json', '404'],
  ['a broken document', '/broken.json', 'JSON'],
  ['a document in no known format', '/not-json.json', 'JSON'],
]) {
  test(`${name} shows the alert and fires article-reader:error`, async () => {
    const page = await newPage(browser);
    try {
      await page.addInitScript(() => {
        window.__errors = [];
        document.addEventListener('article-reader:error', (e) => window.__errors.push(e.detail.message));
      });
      await page.goto(`${server.url}/?src=${src}`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.textContent(), new RegExp(needle));
      assert.ok(await page.getByRole('button', { name: '重试' }).isVisible());
      const errors = await page.evaluate(() => window.__errors);
      assert.equal(errors.length, 1);
      assert.match(errors[0], new RegExp(needle));
      if (name === 'a 404') await page.screenshot({ path: join(SHOTS, 'error-404-360.png') });
      // The page's own console shows the failed request; nothing else may fail.
      assert.deepEqual(problemsBesidesLoads(page), []);
    } finally {
      await page.context().close();
    }
  });
}

test('keyboard search: ?q= opens with matches, Enter / Shift+Enter step, Escape clears', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/?q=${encodeURIComponent('干部')}`);
    const status = page.getByRole('status').filter({ hasText: /\d+\/\d+/ });
    await status.waitFor();
    const total = Number((await status.textContent()).split('/')[1]);
    assert.ok(total > 10, `only ${total} matches`);
    assert.equal(await page.locator('mark').count() >= total, true);
    const box = page.getByRole('searchbox', { name: '搜索' });
    await box.press('Enter');
    assert.equal((await status.textContent()).trim(), `2/${total}`);
    await box.press('Shift+Enter');
    await box.press('Shift+Enter');
    assert.equal((await status.textContent()).trim(), `${total}/${total}`);
    const current = page.locator('mark[aria-current="true"]');
    assert.equal(await current.count(), 1);
    assert.ok(await current.isVisible());
    await page.screenshot({ path: join(SHOTS, 'search-360.png') });
    await box.press('Escape');
    assert.equal(await page.locator('mark').count(), 0);
    assert.equal(await box.inputValue(), '');
  } finally {
    await page.context().close();
  }
});
