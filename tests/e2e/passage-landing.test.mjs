// Landing on a linked passage (issue 14) in an embedded reader: a host page
// opened with a text fragment (`#:~:text=`) in its address — the reader
// lower down the page marks the passage in its article and scrolls the page
// to it. The reader reads the directive from the navigation entry itself,
// so this does not depend on the browser's own text-fragment support; the
// mark checked is the reader's own (`ar-passage`). (`?p=N` on the
// standalone page is tested in viewer-link-speech.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, newPage, problemsBesidesLoads, HANG, PAGE_CSP } from './harness.mjs';

/** A portal page: a long text of its own, then the reader, under the strict CSP. */
const FILLER = Array.from({ length: 60 }, (_, i) => `<p>门户新闻第${i + 1}条。</p>`).join('');
const HOST = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title>'
  + `<script type="module" src="/article-reader.js"></script></head><body><h1>门户</h1>${FILLER}`
  + '<article-reader src="/fixtures/images.json"></article-reader></body></html>';

let server, browser;
before(async () => {
  server = await startServer({
    routes: { '/portal.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP }).end(HOST) },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const term = (s) => encodeURIComponent(s).replace(/-/g, '%2D');

/** Opens the portal on `directive`; returns the marked text, the index of
 * the body block it starts in, and whether it lies inside the view. */
async function land(directive) {
  const page = await newPage(browser, { height: 600 });
  try {
    await page.goto(`${server.url}/portal.html#:~:${directive}`);
    await page.waitForFunction(() => CSS.highlights.has('ar-passage'), null, { timeout: HANG });
    // Scrolled into view (smoothly unless reduced motion: wait for it).
    await page.waitForFunction(() => {
      const r = [...CSS.highlights.get('ar-passage')][0].getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }, null, { timeout: HANG });
    const seen = await page.evaluate(() => {
      const range = [...CSS.highlights.get('ar-passage')][0];
      const block = range.startContainer.parentElement.closest('.ar-body > *');
      return { text: range.toString(), block: [...block.parentElement.children].indexOf(block), scrollY };
    });
    assert.deepEqual(problemsBesidesLoads(page), []);
    return seen;
  } finally {
    await page.close();
  }
}

test('embedded reader: the text fragment of the host page\'s address is marked and scrolled to', async () => {
  const seen = await land(`text=${term('傍晚的太阳照在楼上')}`);
  assert.equal(seen.text, '傍晚的太阳照在楼上');
  assert.equal(seen.block, 5);
  assert.ok(seen.scrollY > 600, `the page scrolled down to the reader (scrollY ${seen.scrollY})`);
});

test('embedded reader: a prefix and a suffix pick the second of two equal passages', async () => {
  // "渭河是黄河最大的支流。" ends block 2 and sits in the middle of block 5;
  // the link made from the second one (passage.js) carries the text around it.
  const seen = await land(`text=${term('城市在河的北岸。')}-,${term('渭河是黄河最大的支流。')},-${term('傍晚的太阳')}`);
  assert.equal(seen.text, '渭河是黄河最大的支流。');
  assert.equal(seen.block, 5, 'the occurrence the prefix and suffix name, not the first');
});

test('embedded reader: a long passage linked by its start and end is marked whole', async () => {
  const seen = await land(`text=${term('第二段：渭河自西向东')},${term('黄河最大的支流。')}`);
  assert.equal(seen.text, '第二段：渭河自西向东流过关中平原。沿河两岸，村庄和农田相连。渭河是黄河最大的支流。');
  assert.equal(seen.block, 2);
});
