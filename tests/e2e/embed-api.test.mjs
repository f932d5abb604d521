// Embedding (issue 5), the JavaScript side: mount(element, options) with an
// article object, destroy() and element removal leaving no DOM and no
// listeners behind, moves within the page, live attribute changes, requests
// aborted on a new src and on destroy(), max-bytes, and createIndex.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, newPage, guard, problemsBesidesLoads, SEED_TITLE, DIST } from './harness.mjs';

const T = { timeout: 30000 };
const DIST_FILE = (name, type, status = 200) => async (req, res) => {
  res.writeHead(status, { 'content-type': type });
  res.end(status === 200 ? await readFile(join(DIST, name)) : 'gone');
};

/** Per /hang.json URL (path and query): promises that settle when the
 * request arrives and when the client closes it. Call expectHang() first. */
const hanging = new Map();
function expectHang(url) {
  const entry = {};
  entry.arrivedP = new Promise((r) => { entry.arrived = r; });
  entry.closedP = new Promise((r) => { entry.closed = r; });
  hanging.set(url, entry);
  return {
    arrived: () => guard(entry.arrivedP, `the request for ${url} reaching the server`),
    closed: () => guard(entry.closedP, `the client closing the request for ${url}`),
  };
}

/** Records which fetches had their signal aborted, and which had been
 * aborted when each later fetch started (runs in the page). */
function spyOnFetch() {
  window.__aborted = [];
  window.__abortedBefore = {};
  const original = window.fetch;
  window.fetch = function (input, init) {
    const url = new URL(typeof input === 'string' ? input : input.url, location.href);
    const path = url.pathname + url.search;
    window.__abortedBefore[path] = [...window.__aborted];
    init?.signal?.addEventListener('abort', () => window.__aborted.push(path));
    return original.call(this, input, init);
  };
}

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
      // A document that never comes: the reader must abort the request
      // (destroy(), a new src). The server sees the client close it.
      '/hang.json': (req, res) => {
        const entry = hanging.get(req.url) ?? {};
        res.on('close', () => entry.closed?.());
        entry.arrived?.();
      },
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
    await page.addInitScript(spyOnFetch);
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

/** After teardown: the events a live reader reacts to change nothing. The
 * listeners run during dispatch and Yew renders in microtasks, so a reader
 * still listening has rendered by the next task (the setTimeout 0: an
 * ordering, not a wait). */
async function pokeAfterTeardown(page) {
  await page.evaluate(async () => {
    window.dispatchEvent(new CustomEvent('article-reader:fontsize', { detail: { step: 4, scale: 2 } }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'article-reader:font-step', newValue: '4' }));
    await new Promise((r) => setTimeout(r, 0));
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
      await h.ready; // settles after the point where it would have mounted
      await new Promise((r) => setTimeout(r, 0)); // and Yew's microtasks
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

test('destroy() while a document is loading aborts the request: the server sees it closed', T, async () => {
  await withPage(async (page) => {
    const baseline = await listeners(page);
    const hang = expectHang('/hang.json?destroy');
    const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/hang.json?destroy') });
    failed.catch(() => {}); // awaited below; a failure before that must not surface as this rejection
    await page.evaluate(async () => {
      window.__h = window.__ar.mount(document.getElementById('box'), { src: '/hang.json?destroy' });
      await window.__h.ready;
    });
    await page.locator('#box').getByRole('status').filter({ hasText: '正在加载' }).waitFor();
    await hang.arrived();
    // The abort comes from destroy() (Yew tears down in its scheduler's
    // microtasks: done by the next task), not from the loader's timeout.
    const aborted = await page.evaluate(async () => {
      window.__h.destroy();
      await new Promise((r) => setTimeout(r, 0));
      return window.__aborted;
    });
    assert.deepEqual(aborted, ['/hang.json?destroy'], 'destroy() did not abort the request');
    assert.equal((await guard(failed, 'requestfailed for the destroyed load')).failure().errorText, 'net::ERR_ABORTED');
    await hang.closed();
    assert.deepEqual(await page.evaluate(leftovers), []);
    assert.deepEqual(await listeners(page), baseline);
    assert.deepEqual(page.problems, []);
  });
});

test('a new src aborts the request for the old one before it asks for the new', T, async () => {
  await withPage(async (page) => {
    const hang = expectHang('/hang.json?old');
    const failed = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/hang.json?old') });
    failed.catch(() => {}); // awaited below; a failure before that must not surface as this rejection
    await page.evaluate(() => {
      const el = document.createElement('article-reader');
      el.id = 'live';
      el.setAttribute('src', '/hang.json?old');
      document.getElementById('box').append(el);
    });
    await hang.arrived();
    await page.evaluate(() => document.getElementById('live').setAttribute('src', '/fixtures/newsarticle.json'));
    const headline = JSON.parse(await (await fetch(`${server.url}/fixtures/newsarticle.json`)).text()).headline;
    await page.locator('#live h1', { hasText: headline }).waitFor();
    const before = await page.evaluate(() => window.__abortedBefore['/fixtures/newsarticle.json']);
    assert.deepEqual(before, ['/hang.json?old'], 'the old request was still open when the new one started');
    assert.equal((await guard(failed, 'requestfailed for the old src')).failure().errorText, 'net::ERR_ABORTED');
    await hang.closed();
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
    // The element decides on teardown in a microtask: done by the next task.
    await page.evaluate(async () => {
      document.body.prepend(document.getElementById('live'));
      await new Promise((r) => setTimeout(r, 0));
    });
    assert.equal(await page.locator('#live mark').count(), 1);
    assert.equal(await page.locator('#live').getByRole('searchbox').inputValue(), '干部');
    assert.deepEqual(await listeners(page), mounted);

    await page.evaluate(async () => {
      document.getElementById('live').remove();
      await new Promise((r) => setTimeout(r, 0));
    });
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
    await live.locator('.ar-reader.ar-step-3').waitFor();

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

// ---- max-bytes / maxBytes ----------------------------------------------------

test('max-bytes (attribute, with src) and maxBytes (option, with json): one byte short fails, the exact size loads', T, async () => {
  await withPage(async (page) => {
    const text = await (await fetch(`${server.url}/fixtures/newsarticle.json`)).text();
    const size = Buffer.byteLength(text);
    const { headline } = JSON.parse(text);
    const results = await page.evaluate(async ({ size, text }) => {
      /** The first ready/error of a reader set up by `make`, and its h1. */
      const first = (el, make) => {
        const got = new Promise((resolve) => {
          el.addEventListener('article-reader:ready', () => resolve('ready'), { once: true });
          el.addEventListener('article-reader:error', (e) => resolve(e.detail.message), { once: true });
        });
        make();
        return got.then((event) => ({ event, h1: el.shadowRoot.querySelector('article h1')?.textContent.trim() ?? null }));
      };
      const out = {};
      for (const max of [size - 1, size]) {
        const el = document.createElement('article-reader');
        el.setAttribute('src', '/fixtures/newsarticle.json');
        el.setAttribute('max-bytes', String(max));
        out[`attribute ${max - size}`] = await first(el, () => document.getElementById('box').append(el));
        const box = document.createElement('section');
        document.body.append(box);
        out[`option ${max - size}`] = await first(box, () => window.__ar.mount(box, { json: text, maxBytes: max }));
      }
      return out;
    }, { size, text });
    for (const how of ['attribute', 'option']) {
      const short = results[`${how} -1`];
      assert.match(short.event, /^文档太大/, `${how}, one byte short: ${JSON.stringify(short)}`);
      assert.ok(short.event.includes(`${size - 1}`) || short.event.includes('上限'), short.event);
      assert.equal(short.h1, null);
      assert.deepEqual(results[`${how} 0`], { event: 'ready', h1: headline }, `${how}, exact size`);
    }
    assert.deepEqual(problemsBesidesLoads(page), []);
  });
});

// ---- createIndex ---------------------------------------------------------------

/** Articles whose matches sit after astral characters (emoji with
 * modifiers and joiners, CJK Extension B, math letters): each takes two
 * UTF-16 code units, so offsets counted in bytes or code points would not
 * land on the match. */
const INDEXED = [
  { format: 'article-reader', version: 1, id: 'a0', title: '😀𠀀干部作风', blocks: [{ type: 'paragraph', text: '开头😀👍🏽𠀋：干部作风建设，再说一次干部。' }] },
  { format: 'article-reader', version: 1, id: 'a1', title: '👨‍👩‍👧 家庭', blocks: [{ type: 'paragraph', text: '𝒜𝒷𝒸 基层干部打卡 ＡＰＰ上线。' }] },
  { format: 'article-reader', version: 1, id: 'a2', title: '无关的文章', blocks: [{ type: 'paragraph', text: '这里没有那个词。' }] },
  { format: 'article-reader', version: 1, id: 'a3', title: '🎉 APP 打卡', blocks: [{ type: 'paragraph', text: '𩸽🐟 干部们用app打卡。' }] },
  { format: 'article-reader', version: 1, id: 'a4', title: '第四篇', blocks: [{ type: 'heading', text: '🚀 干部' }, { type: 'paragraph', text: '干部，干部，干部。' }] },
];

test('createIndex: hits with total, limit, snippets and UTF-16 marks past astral characters; count; text and feed input; indexBytes; free', T, async () => {
  await withPage(async (page) => {
    const feedText = await (await fetch(`${server.url}/fixtures/feed.json`)).text();
    const feed = JSON.parse(feedText);
    const r = await page.evaluate(async ({ docs, feedText }) => {
      const { createIndex } = window.__ar;
      const plain = (hits) => ({ total: hits.total, hits: [...hits] });
      const index = await createIndex(docs);
      const fromText = await createIndex(JSON.stringify(docs));
      const out = {
        size: index.size,
        all: plain(index.search('干部')),
        top2: plain(index.search('干部', { limit: 2 })),
        none: plain(index.search('干部', { limit: 0 })),
        app: plain(index.search('app')),
        missing: plain(index.search('不存在的词')),
        count: index.count('干部'),
        countBoth: index.count('干部 app'),
        countMissing: index.count('不存在的词'),
        textAll: plain(fromText.search('干部')),
        textApp: plain(fromText.search('app')),
        indexBytes: index.indexBytes,
      };
      // Twenty times the articles: a bigger index.
      const many = docs.flatMap((d, k) => Array.from({ length: 20 }, (_, i) => ({ ...d, id: `${d.id}-${i}`, title: `${d.title}${k}${i}` })));
      const big = await createIndex(many);
      out.bigBytes = big.indexBytes;
      out.bigTotal = big.search('干部', { limit: 1 }).total;
      big.free();
      // A feed, as text and as an object.
      const feedIndex = await createIndex(feedText);
      const feedObject = await createIndex(JSON.parse(feedText));
      const titles = JSON.parse(feedText).items.map((i) => i.title);
      out.feed = titles.map((t) => plain(feedIndex.search(t)));
      out.feedObject = titles.map((t) => plain(feedObject.search(t)));
      out.feedSize = feedIndex.size;
      // After free(), the index is gone.
      index.free();
      try { index.search('干部'); out.afterFree = 'no error'; } catch (err) { out.afterFree = String(err.message || err); }
      for (const i of [fromText, feedIndex, feedObject]) i.free();
      return out;
    }, { docs: INDEXED, feedText });

    // The truth, from the plain text (the queries need no normalising
    // beyond ASCII case and full width, written out here).
    const textOf = (d) => [d.title, ...d.blocks.map((b) => b.text)].join('\n');
    const fold = (s) => s.replace(/[Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
    const matching = (q) => INDEXED.map((d, i) => [d, i]).filter(([d]) => fold(textOf(d)).includes(q)).map(([, i]) => i);
    const withDaBu = matching('干部');
    assert.deepEqual(withDaBu, [0, 1, 3, 4]);
    assert.equal(r.size, INDEXED.length);
    assert.equal(r.all.total, withDaBu.length);
    assert.deepEqual(r.all.hits.map((h) => h.index).sort(), withDaBu);
    assert.equal(r.count, withDaBu.length);
    assert.equal(r.countBoth, matching('干部').filter((i) => matching('app').includes(i)).length);
    assert.equal(r.countMissing, 0);
    assert.deepEqual(r.missing, { total: 0, hits: [] });

    // [query, its results, what a mark may cover in the original text]
    for (const [q, res, original] of [['干部', r.all, (s) => s === '干部'], ['app', r.app, (s) => /^(app|APP|ＡＰＰ)$/.test(s)]]) {
      const want = matching(q);
      assert.equal(res.total, want.length, q);
      assert.deepEqual(res.hits.map((h) => h.index).sort(), want, q);
      const scores = res.hits.map((h) => h.score);
      assert.deepEqual([...scores].sort((a, b) => b - a), scores, `${q}: not best first`);
      for (const h of res.hits) {
        const doc = INDEXED[h.index];
        assert.equal(h.id, doc.id);
        assert.equal(h.title, doc.title);
        assert.ok(h.score > 0);
        assert.equal(typeof h.snippet, 'string');
        const check = (text, marks, where) => {
          for (const [s, e] of marks) {
            assert.ok(s >= 0 && s < e && e <= text.length, `${q} ${doc.id} ${where}: [${s}, ${e}] outside ${text.length}`);
            const marked = text.slice(s, e);
            assert.ok(original(marked),
              `${q} ${doc.id} ${where}: [${s}, ${e}] marks ${JSON.stringify(marked)} in ${JSON.stringify(text)}`);
          }
        };
        check(h.snippet, h.marks, 'snippet');
        check(h.title, h.titleMarks, 'title');
        assert.equal(h.titleMarks.length > 0, fold(doc.title).includes(q), `${q} ${doc.id}: title marks`);
        // The snippet comes from the text after the title and shows a match there.
        const bodyHasIt = doc.blocks.some((b) => fold(b.text).includes(q));
        assert.equal(h.marks.length > 0, bodyHasIt, `${q} ${doc.id}: snippet marks`);
        if (bodyHasIt) assert.ok(fold(h.snippet).includes(q), `${q} ${doc.id}: snippet ${h.snippet}`);
      }
    }
    // The astral cases really are in what was checked.
    const a0 = r.all.hits.find((h) => h.id === 'a0');
    assert.deepEqual(a0.titleMarks, [[4, 6]]);
    assert.equal(a0.snippet, INDEXED[0].blocks[0].text, 'a short paragraph is its own snippet');
    const body = INDEXED[0].blocks[0].text;
    const first = body.indexOf('干部');
    const second = body.indexOf('干部', first + 1);
    assert.deepEqual(a0.marks, [[first, first + 2], [second, second + 2]]);

    // limit: the best `limit` of the same ranking, total unchanged.
    assert.deepEqual(r.top2, { total: r.all.total, hits: r.all.hits.slice(0, 2) });
    assert.deepEqual(r.none, { total: r.all.total, hits: [] });
    // JSON text gives the same as objects.
    assert.deepEqual(r.textAll, r.all);
    assert.deepEqual(r.textApp, r.app);
    // indexBytes: a number that grows with the index.
    assert.ok(Number.isInteger(r.indexBytes) && r.indexBytes > 0, `indexBytes ${r.indexBytes}`);
    assert.ok(r.bigBytes > r.indexBytes, `indexBytes ${r.indexBytes}, twenty times the articles ${r.bigBytes}`);
    assert.equal(r.bigTotal, withDaBu.length * 20);
    // A feed: every item, found by its title, first.
    assert.equal(r.feedSize, feed.items.length);
    r.feed.forEach((res, i) => {
      assert.equal(res.hits[0]?.id, feed.items[i].id, `feed item ${i}`);
      assert.equal(res.hits[0].title, feed.items[i].title);
      assert.ok(res.hits[0].titleMarks.length > 0, `feed item ${i}: no title marks`);
    });
    assert.deepEqual(r.feedObject, r.feed);
    // free(): the index cannot be used any more.
    assert.notEqual(r.afterFree, 'no error');
    assert.deepEqual(page.problems, []);
  });
});
