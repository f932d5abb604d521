// Accessibility, part 1: axe-core (WCAG 2.0/2.1/2.2 A and AA, plus best
// practices) on every view of the standalone reader in every theme, and the
// WCAG contrast ratio of body text, muted text, links and search marks.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, newPage, problemsBesidesLoads } from './harness.mjs';

const AXE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Theme attribute value (null: none, `auto`) and the browser's colour scheme. */
const THEMES = {
  light: ['light', 'light'], dark: ['dark', 'light'], sepia: ['sepia', 'light'], 'auto (dark scheme)': [null, 'dark'],
};
/** The reader's background in each theme: proves the theme is applied. */
const BACKGROUND = { light: 'rgb(253, 253, 251)', dark: 'rgb(23, 25, 28)', sepia: 'rgb(245, 237, 220)', 'auto (dark scheme)': 'rgb(23, 25, 28)' };

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const Q = encodeURIComponent('干部');
/** name → [path, wait until ready]. The largest step comes last: it is remembered. */
const VIEWS = {
  'seed article': ['/', (p) => p.locator('article h1').waitFor()],
  collection: ['/?src=/fixtures/feed.json', (p) => p.locator('.ar-item-open').first().waitFor()],
  'opened collection item': ['/?src=/fixtures/feed.json', async (p) => {
    await p.locator('.ar-item-open').first().click();
    await p.locator('article h1').waitFor();
  }],
  'error view': ['/?src=/status/404.json', (p) => p.getByRole('alert').waitFor()],
  'search active': [`/?q=${Q}`, (p) => p.locator('mark[aria-current="true"]').waitFor()],
  'largest text step': ['/', async (p) => {
    await p.locator('article h1').waitFor();
    await p.getByRole('radio').nth(4).check();
    await p.locator('.ar-reader.ar-step-4').waitFor();
  }],
};

/** Loads `path` with the theme applied and waits for the view. */
async function open(page, theme, path, ready) {
  await page.goto(`${server.url}${path}`);
  const [attr] = THEMES[theme];
  if (attr) await page.evaluate((t) => document.querySelector('article-reader').setAttribute('theme', t), attr);
  await page.locator(`.ar-reader.ar-theme-${attr ?? 'auto'}`).waitFor();
  await ready(page);
  assert.equal(await page.locator('.ar-reader').evaluate((el) => getComputedStyle(el).backgroundColor), BACKGROUND[theme]);
}

for (const theme of Object.keys(THEMES)) {
  describe(`axe, ${theme} theme`, () => {
    let page;
    // axe injects style while it measures: let it (CSP is tested elsewhere).
    before(async () => { page = await newPage(browser, { colorScheme: THEMES[theme][1], bypassCSP: true }); });
    after(() => page?.context().close());

    for (const [view, [path, ready]] of Object.entries(VIEWS)) {
      test(`${view}: no axe violation`, async () => {
        await open(page, theme, path, ready);
        await page.evaluate(AXE); // DevTools evaluation: not subject to the page's CSP
        const { violations, passes } = await page.evaluate((tags) => axe.run(document, {
          runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
        }), TAGS);
        // axe saw the shadow root: it checked the reader's own elements.
        assert.ok(passes.some((r) => r.nodes.some((n) => Array.isArray(n.target[0]))), 'axe did not reach into the shadow root');
        const report = violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
        assert.deepEqual(report, []);
        assert.deepEqual(problemsBesidesLoads(page), []);
      });
    }
  });
}

// ---- Contrast --------------------------------------------------------------

/**
 * For every visible element matching each selector in the reader: the WCAG
 * contrast ratio of its text colour against its effective background (the
 * background colours of it and its ancestors, across the shadow root,
 * composited until opaque), and the ratio it needs (3 for large text).
 * Runs in the page. Returns { selector: [{ ratio, need, text }] }.
 */
function contrasts(selectors) {
  const parse = (c) => {
    const m = c.match(/^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/);
    if (!m) throw new Error(`unparsed colour ${c}`);
    return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
  };
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
  const parent = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = parent(e)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const lum = (rgb) => rgb.slice(0, 3).map((v) => v / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const root = document.querySelector('article-reader').shadowRoot;
  const out = {};
  for (const sel of selectors) {
    out[sel] = [...root.querySelectorAll(sel)]
      .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && el.textContent.trim())
      .map((el) => {
        const cs = getComputedStyle(el);
        const bg = background(el);
        const fg = over(parse(cs.color), bg);
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
        const size = parseFloat(cs.fontSize);
        const large = size >= 24 || (parseInt(cs.fontWeight, 10) >= 700 && size >= 18.66);
        return { ratio: (hi + 0.05) / (lo + 0.05), need: large ? 3 : 4.5, text: el.textContent.trim().slice(0, 16) };
      });
  }
  return out;
}

const CONTRAST_PAGES = [
  [`/?q=${Q}`, ['p.ar-p', '.ar-lead', '.ar-meta', '.ar-site', '.ar-search-status', '.ar-size-label', '.ar-size-opt span',
    '.ar-toc-summary', '.ar-toc-link', '.ar-footer dt', '.ar-footer dd', '.ar-footer-note', '.ar-icp', 'a[href]',
    'mark', 'mark[aria-current="true"]'], (p) => p.locator('mark[aria-current="true"]').waitFor()],
  ['/?src=/fixtures/feed.json', ['.ar-count', '.ar-item-open', '.ar-item-date', '.ar-item-snippet'],
    (p) => p.locator('.ar-item-snippet').first().waitFor()],
];

for (const theme of Object.keys(THEMES)) {
  test(`contrast ≥ 4.5:1 (3:1 for large text) of text, links and marks, ${theme} theme`, async (t) => {
    const page = await newPage(browser, { colorScheme: THEMES[theme][1] });
    try {
      const failures = [];
      for (const [path, selectors, ready] of CONTRAST_PAGES) {
        await open(page, theme, path, ready);
        // Open the contents so its links are measured too.
        await page.locator('details.ar-toc-box').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
        const found = await page.evaluate(contrasts, selectors);
        const figures = [];
        for (const sel of selectors) {
          assert.ok(found[sel].length > 0, `${path}: nothing visible matches ${sel}`);
          const worst = found[sel].reduce((a, b) => (a.ratio - a.need < b.ratio - b.need ? a : b));
          figures.push(`${sel} ${worst.ratio.toFixed(2)}`);
          for (const f of found[sel]) {
            if (f.ratio < f.need) failures.push(`${sel} "${f.text}": ${f.ratio.toFixed(2)} < ${f.need}`);
          }
        }
        t.diagnostic(`${theme} ${path}: ${figures.join(', ')}`);
      }
      assert.deepEqual(failures, []);
    } finally {
      await page.context().close();
    }
  });
}
