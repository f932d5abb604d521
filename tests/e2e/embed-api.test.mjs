// Embedding (issue 5), the JavaScript side: mount(element, options) with an
// article object, destroy() and element removal leaving no DOM and no
// listeners behind, moves within the page, and live attribute changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, newPage, SEED_TITLE, DIST } from './harness.mjs';

const T = { timeout: 30000 };
const DIST_FILE = (name, type, status = 200) => async (req, res) => {
  res.writeHead(status, { 'content-type': type });
  res.end(status === 200 ? await readFile(join(DIST, name)) : 'gone');
};

let server, browser;
before(async () => {
  server = await startServer({
    routes: {
      // A copy of dist/ whose wasm is missing.
      '/broken/article-reader.js': DIST_FILE('article-reader.js', 'text/javascript'),
      '/broken/article-reader-wasm.js': DIST_FILE('article-reader-wasm.js', 'text/javascript'),
      '/broken/article-reader.css': DIST_FILE('article-reader.css', 'text/css'),
      '/broken/article-reader-wasm_bg.wasm': DIST_FILE('', 'text/plain', 404),
      // A page whose inline JSON arrives a second after the element opened,
      // with an async loader that upgrades the element in between.
      '/late-inline.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>late</title>'
          + '<link rel="icon" href="/favicon.svg"><script type="module" async src="/article-reader.js"></script>'
          + `</head><body><article-reader id="late">${' '.repeat(4096)}`);
        setTimeout(() => res.end('<script type="application/json">'
          + JSON.stringify({ format: 'article-reader', version: 1, title: '迟到的内联文档', blocks: [] })
          + '</script></article-reader></body></html>'), 1000);
      },
      // A document that takes a while: destroy() must abort it.
      '/slow.json': (req, res) => setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ format: 'article-reader', version: 1, title: '迟到的文章', blocks: [] }));
      }, 800),
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const ARTICLE = {
  format: 'article-reader', version: 1, id: 'api-1', title: '挂载接口测试',
  source: '宝鸡先锋', lead: '用 mount() 挂载。',
  blocks: [
    { type: 'paragraph', text: '干部作风能力提升年活动取得积极成效。' },
    { type: 'heading', text: '小标题' },
    { type: 'list', items: ['第一项', '第二项'] },
  ],
  publisher: { organiser: '中共宝鸡市委组织部', phone: '0917-3260651' },
};

async function withPage(fn) {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/pages/blank.html`);
    await page.evaluate(async () => { window.__ar = await import('/article-reader.js'); });
    return await fn(page);
  } finally {
    await page.context().close();
  }
}

/** Event listener types on window and document, through the DevTools protocol. */
async function listeners(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const out = {};
    for (const target of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: target });
      const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      out[target] = found.map((l) => l.type).sort();
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Reader nodes left in the page (light DOM, shadow roots, window.__live). */
function leftovers() {
  const found = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if ([...el.classList].some((c) => c.startsWith('ar-'))) found.push(`${el.localName}.${el.className}`);
      if (el.localName === 'link' && el.href.includes('article-reader.css')) found.push('link');
      if (el.shadowRoot) {
        if (el.shadowRoot.childNodes.length) found.push(`${el.localName}#shadow-root(${el.shadowRoot.childNodes.length})`);
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  if (window.__live?.shadowRoot?.childNodes.length) found.push('removed element still has a shadow tree');
  return found;
}

/** After teardown: the events a live reader reacts to change nothing. */
async function pokeAfterTeardown(page) {
  await page.evaluate(async () => {
    window.dispatchEvent(new CustomEvent('article-reader:fontsize', { detail: { step: 4, scale: 2 } }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'article-reader:font-step', newValue: '4' }));
    await new Promise((r) => setTimeout(r, 100));
  });
}

test('mount(element, { article }) renders; destroy() leaves no DOM and no listeners', T, async () => {
  await withPage(async (page) => {
    const baseline = await listeners(page);
    await page.evaluate(async (article) => {
      window.__h = window.__ar.mount(document.getElementById('box'), { article, theme: 'sepia', lang: 'en' });
      await window.__h.ready;
    }, ARTICLE);
    const h1 = page.locator('#box h1');
    await h1.waitFor();
    assert.equal((await h1.textContent()).trim(), ARTICLE.title);
    assert.equal(await page.locator('#box h2').textContent(), '小标题');
    assert.equal(await page.locator('#box li').count(), 2);
    assert.ok(await page.locator('#box .ar-reader.ar-theme-sepia').isVisible());
    assert.ok(await page.locator('#box').getByRole('searchbox', { name: 'Search' }).isVisible());
    assert.equal(await page.locator('#box').getByRole('contentinfo').getByRole('link', { name: '0917-3260651' })
      .getAttribute('href'), 'tel:0917-3260651');

    const mounted = await listeners(page);
    assert.ok(mounted.window.includes('article-reader:fontsize'), `window: ${mounted.window}`);
    assert.ok(mounted.window.includes('storage'), `window: ${mounted.window}`);

    await page.evaluate(() => { window.__h.destroy(); window.__h.destroy(); });
    assert.deepEqual(await page.evaluate(leftovers), []);
    assert.equal(await page.evaluate(() => document.getElementById('box').shadowRoot.childNodes.length), 0);
    assert.deepEqual(await listeners(page), baseline);
    await pokeAfterTeardown(page);
    assert.equal(await page.evaluate(() => document.getElementById('box').shadowRoot.childNodes.length), 0);
    assert.deepEqual(page.problems, []);
  });
});

test('mount() with json text, update() to another document, and destroy() before the wasm is ready', T, async () => {
  await withPage(async (page) => {
    const baseline = await listeners(page);
    // Destroyed at once: nothing may render later.
    await page.evaluate(async (article) => {
      const h = window.__ar.mount(document.getElementById('box'), { article });
      h.destroy();
      await h.ready;
      await new Promise((r) => setTimeout(r, 100));
    }, ARTICLE);
    assert.deepEqual(await page.evaluate(leftovers), []);
    assert.deepEqual(await listeners(page), baseline);

    await page.evaluate(async (json) => {
      window.__h = window.__ar.mount(document.getElementById('box'), { json });
      await window.__h.ready;
    }, JSON.stringify(ARTICLE));
    await page.locator('#box h1', { hasText: ARTICLE.title }).waitFor();
    await page.evaluate(() => window.__h.update({ src: '/fixtures/newsarticle.json' }));
    const headline = JSON.parse(await (await fetch(`${server.url}/fixtures/newsarticle.json`)).text()).headline;
    await page.locator('#box h1', { hasText: headline }).waitFor();
    await page.evaluate(() => window.__h.destroy());
    assert.deepEqual(await page.evaluate(leftovers), []);
    assert.deepEqual(await listeners(page), baseline);
    assert.deepEqual(page.problems, []);
  });
});

test('destroy() while a document is loading: no late render, no error', T, async () => {
  await withPage(async (page) => {
    const baseline = await listeners(page);
    await page.evaluate(async () => {
      window.__h = window.__ar.mount(document.getElementById('box'), { src: '/slow.json' });
      await window.__h.ready;
    });
    await page.locator('#box').getByRole('status').filter({ hasText: '正在加载' }).waitFor();
    await page.evaluate(() => window.__h.destroy());
    await page.waitForTimeout(1200);
    assert.deepEqual(await page.evaluate(leftovers), []);
    assert.deepEqual(await listeners(page), baseline);
    assert.deepEqual(page.problems, []);
  });
});

test('removing the element tears the reader down; moving it keeps the reader', T, async () => {
  await withPage(async (page) => {
    const baseline = await listeners(page);
    await page.evaluate((article) => {
      const el = document.createElement('article-reader');
      el.id = 'live';
      window.__live = el;
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = JSON.stringify(article);
      el.append(data);
      document.getElementById('box').append(el);
    }, ARTICLE);
    await page.locator('#live h1').waitFor();
    const mounted = await listeners(page);
    assert.ok(mounted.window.length > baseline.window.length);

    // A move (remove + insert in one task) keeps the same reader and state.
    await page.locator('#live').getByRole('searchbox').fill('干部');
    await page.locator('#live mark').first().waitFor();
    await page.evaluate(() => document.body.prepend(document.getElementById('live')));
    await page.waitForTimeout(100);
    assert.equal(await page.locator('#live mark').count(), 1);
    assert.equal(await page.locator('#live').getByRole('searchbox').inputValue(), '干部');
    assert.deepEqual(await listeners(page), mounted);

    await page.evaluate(() => document.getElementById('live').remove());
    await page.waitForTimeout(100);
    assert.deepEqual(await page.evaluate(leftovers), []);
    assert.deepEqual(await listeners(page), baseline);
    await pokeAfterTeardown(page);
    assert.deepEqual(await page.evaluate(leftovers), []);

    // Inserted again later, it mounts afresh.
    await page.evaluate(() => {
      const el = document.createElement('article-reader');
      el.id = 'again';
      document.getElementById('box').append(el);
    });
    assert.equal((await page.locator('#again h1').textContent()).trim(), SEED_TITLE);
    assert.deepEqual(page.problems, []);
  });
});

test('attribute changes update a live element: lang, theme, font-size, src', T, async () => {
  await withPage(async (page) => {
    await page.evaluate(() => {
      window.__ready = 0;
      const el = document.createElement('article-reader');
      el.id = 'live';
      el.setAttribute('src', '/seed-article.json');
      el.addEventListener('article-reader:ready', () => { window.__ready += 1; });
      document.getElementById('box').append(el);
    });
    const live = page.locator('#live');
    await live.locator('h1', { hasText: SEED_TITLE }).waitFor();
    assert.ok(await live.getByRole('searchbox', { name: '搜索' }).isVisible());

    await page.evaluate(() => document.getElementById('live').setAttribute('lang', 'en'));
    await live.getByRole('searchbox', { name: 'Search' }).waitFor();
    assert.ok(await live.getByRole('button', { name: 'Close' }).isVisible());
    assert.ok(await live.getByRole('radiogroup', { name: 'Text size' }).isVisible());

    await page.evaluate(() => document.getElementById('live').setAttribute('theme', 'dark'));
    await live.locator('.ar-reader.ar-theme-dark').waitFor();
    await page.evaluate(() => document.getElementById('live').setAttribute('theme', 'sepia'));
    await live.locator('.ar-reader.ar-theme-sepia').waitFor();
    assert.equal(await live.locator('.ar-theme-dark').count(), 0);

    // No stored preference on this site yet: font-size sets the step.
    assert.equal(await page.evaluate(() => localStorage.getItem('article-reader:font-step')), null);
    await page.evaluate(() => document.getElementById('live').setAttribute('font-size', 'x-large'));
    await live.locator('.ar-reader.ar-step-3').waitFor({ timeout: 2000 });

    const headline = JSON.parse(await (await fetch(`${server.url}/fixtures/newsarticle.json`)).text()).headline;
    await page.evaluate(() => document.getElementById('live').setAttribute('src', '/fixtures/newsarticle.json'));
    await live.locator('h1', { hasText: headline }).waitFor();
    await page.waitForFunction(() => window.__ready >= 2);
    // The other attributes still hold after the new document.
    assert.ok(await live.getByRole('searchbox', { name: 'Search' }).isVisible());
    assert.equal(await live.locator('.ar-reader.ar-theme-sepia').count(), 1);
    assert.deepEqual(page.problems, []);
  });
});

test('mount() into an element without a shadow root of its own keeps the stylesheet out of the page', T, async () => {
  await withPage(async (page) => {
    const sheets = await page.evaluate(() => document.styleSheets.length);
    await page.evaluate(async (article) => {
      const list = document.createElement('ul');
      list.id = 'list';
      document.getElementById('box').append(list);
      window.__h = window.__ar.mount(list, { article });
      await window.__h.ready;
    }, ARTICLE);
    await page.locator('#list h1').waitFor();
    assert.equal(await page.evaluate(() => document.styleSheets.length), sheets, 'stylesheet in the light DOM');
    assert.equal(await page.locator('#list .ar-bar').evaluate((el) => getComputedStyle(el).display), 'flex');
    await page.evaluate(() => window.__h.destroy());
    assert.equal(await page.evaluate(() => document.getElementById('list').childNodes.length), 0);
    assert.deepEqual(await page.evaluate(leftovers), []);
    assert.deepEqual(page.problems, []);
  });
});

test('mount() twice into one element replaces the first reader (no leaked listeners)', T, async () => {
  await withPage(async (page) => {
    const baseline = await listeners(page);
    await page.evaluate(async (article) => {
      const box = document.getElementById('box');
      const first = window.__ar.mount(box, { article });
      await first.ready;
      window.__h = window.__ar.mount(box, { article: { ...article, title: '第二次挂载' } });
      await window.__h.ready;
    }, ARTICLE);
    await page.locator('#box h1', { hasText: '第二次挂载' }).waitFor();
    assert.equal(await page.locator('#box h1').count(), 1);
    const once = await listeners(page);
    assert.equal(once.window.filter((t) => t === 'article-reader:fontsize').length, 1, `window: ${once.window}`);
    await page.evaluate(() => window.__h.destroy());
    assert.deepEqual(await listeners(page), baseline);
    assert.deepEqual(page.problems, []);
  });
});

test('a reader that cannot start (wasm missing, cyclic article) shows an alert and fires error', T, async () => {
  await withPage(async (page) => {
    await page.evaluate(() => {
      window.__errors = [];
      document.addEventListener('article-reader:error', (e) => window.__errors.push(e.detail.message));
    });
    await page.evaluate(async () => {
      const cyclic = { format: 'article-reader', version: 1, title: 't', blocks: [] };
      cyclic.self = cyclic;
      const h = window.__ar.mount(document.getElementById('box'), { article: cyclic });
      await h.ready;
    });
    const alert = page.locator('#box').getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /阅读器无法启动/);
    await page.evaluate(async () => {
      const broken = await import('/broken/article-reader.js');
      const el = document.createElement('section');
      el.id = 'broken';
      el.lang = 'en';
      document.body.append(el);
      await broken.mount(el, {}).ready;
    });
    const alert2 = page.locator('#broken').getByRole('alert');
    await alert2.waitFor();
    assert.match(await alert2.textContent(), /could not start/);
    // A failed load is not remembered: the next mount asks again.
    const wasmRequests = [];
    page.on('request', (r) => { if (r.url().endsWith('/broken/article-reader-wasm_bg.wasm')) wasmRequests.push(r.url()); });
    await page.evaluate(async () => {
      const broken = await import('/broken/article-reader.js');
      await broken.mount(document.getElementById('broken'), {}).ready;
    });
    assert.equal(wasmRequests.length, 1, 'the failed wasm load was cached');
    const errors = await page.evaluate(() => window.__errors);
    assert.equal(errors.length, 3, errors.join('\n'));
    assert.ok(errors.every((m) => m.length > 10), errors.join('\n'));
  });
});

test('a reader upgraded before its inline JSON has arrived waits for it', T, async () => {
  const page = await newPage(browser);
  try {
    await page.goto(`${server.url}/late-inline.html`);
    const h1 = page.locator('#late h1');
    await h1.waitFor();
    assert.equal((await h1.textContent()).trim(), '迟到的内联文档');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
  }
});
