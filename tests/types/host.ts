// A small host of article-reader.js, compiled against the typings in CI
// (`tsc -p tests/types`): what a portal's own code would write.
import { createIndex, mount, openIndex, type ReaderOptions, type SearchHits } from '../../js/article-reader.js';

const options: ReaderOptions = { src: '/news/2024-02-22.json', lang: 'en', theme: 'sepia', lineSpacing: 'relaxed', typeface: 'serif', fontSize: 'large', maxBytes: 2_000_000 };
const handle = mount(document.body, options);
await handle.ready;
handle.update({ ...options, query: '宝鸡', variants: true });
mount(document.body, { index: '/search/', query: '宝鸡' }).destroy();
handle.destroy();

const reader = document.querySelector('article-reader');
reader?.addEventListener('article-reader:fontsize', (e) => console.log(e.detail.step * e.detail.scale));
reader?.addEventListener('article-reader:error', (e) => console.log(e.detail.message.length));

const index = await createIndex([{ title: 'a', blocks: [] }], { variants: false });
const hits: SearchHits = index.search('宝鸡 发展', { limit: 20 });
const first = hits[0];
if (first) {
  const [start, end] = first.marks[0] ?? [0, 0];
  console.log(hits.total, first.title.slice(start, end), first.score.toFixed(2), index.count('x'), index.indexBytes);
}
index.free();

reader?.addEventListener('article-reader:ready', (e) => console.log(e.detail.skipped.map((s) => `${s.index}: ${s.reason}`)));
const site = await openIndex('/search/');
const siteHits = await site.search('宝鸡', { limit: 10 });
console.log(siteHits.total, siteHits[0]?.url, siteHits[0]?.src ?? 'no src', site.bytesFetched);
