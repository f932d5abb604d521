// Site search over a static index built by `article-reader index`
// (see src/core/search/site): the manifest is fetched once; each query
// fetches only the files it needs — postings of its characters, then the
// lists of common characters stored apart, then the stored copies of the
// hits shown — with all requests of a round in parallel. Matching, ranking and
// snippets happen in the wasm (`SiteSearch`, src/embed_site.rs); this
// module only fetches.
//
//   const index = await openIndex('/search/', wasm, { loadVariants });
//   const hits = await index.search('高质量 发展', { limit: 20 });
//   hits.total; hits[0];   // { id, url, src, title, published, snippet, marks, titleMarks, score }
//   index.bytesFetched;    // bytes of index fetched so far (manifest included)

/** Rounds of fetching one search may take (it needs three at most). */
const MAX_ROUNDS = 4;

/**
 * Opens the site index at `url` (a directory holding manifest.json).
 * `wasm` is the booted wasm module (it exports `SiteSearch`); options:
 * `fetch` (defaults to the global one), `loadVariants` (called once before
 * the first search when the index folds simplified and traditional forms;
 * it must install variants.bin).
 */
export async function openIndex(url, wasm, options = {}) {
  const where = globalThis.document?.baseURI ?? globalThis.location?.href;
  const base = new URL(String(url).endsWith('/') ? String(url) : `${url}/`, where);
  const fetchImpl = options.fetch ?? ((...a) => globalThis.fetch(...a));
  let bytesFetched = 0;

  async function get(path) {
    const response = await fetchImpl(new URL(path, base).href);
    if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    bytesFetched += bytes.byteLength;
    return bytes;
  }

  // Segment files are stored gzipped (the manifest is not): the platform
  // inflates them, so the wasm carries no decompressor. bytesFetched
  // counts what crossed the network.
  async function getInflated(path) {
    const gz = await get(path);
    const plain = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    try {
      return new Uint8Array(await new Response(plain).arrayBuffer());
    } catch {
      throw new Error(`search index: ${path}: not gzip`);
    }
  }

  const engine = new wasm.SiteSearch(new TextDecoder().decode(await get('manifest.json')));
  let variantsReady = engine.variants && options.loadVariants ? options.loadVariants() : null;

  // One request per file, shared by concurrent searches; a failed request
  // is forgotten so a later search retries it.
  const inFlight = new Map();
  function fetchFile(path) {
    let p = inFlight.get(path);
    if (!p) {
      p = getInflated(path).then((bytes) => engine.addFile(path, bytes));
      p.catch(() => inFlight.delete(path));
      inFlight.set(path, p);
    }
    return p;
  }

  /** The best `limit` hits of `query`, best first, with `total`. */
  async function search(query, { limit = 10 } = {}) {
    if (variantsReady) await variantsReady;
    const max = Math.max(0, Math.floor(Number(limit) || 0));
    for (let round = 0; round <= MAX_ROUNDS; round++) {
      const step = engine.step(String(query ?? ''), max);
      if (step.need) {
        await Promise.all(step.need.map(fetchFile));
        continue;
      }
      const hits = step.hits;
      hits.total = step.total;
      return hits;
    }
    throw new Error('search index: a query kept asking for more files');
  }

  return {
    search,
    /** Bytes of index fetched so far (the manifest counted once). */
    get bytesFetched() {
      return bytesFetched;
    },
    /** Releases the wasm memory of the index. */
    free() {
      engine.free();
    },
  };
}
