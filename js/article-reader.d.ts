// Typings for hosts of article-reader.js (the embed loader). The option
// names are those of src/settings.json; tests/types/host.ts compiles
// against this file in CI (`tsc --noEmit`).

/** A text size step: an index (0 = 小/Small … 4 = 超大/Huge) or a name. */
export type FontSize = number | `${number}` | 'small' | 'medium' | 'large' | 'x-large' | 'xx-large' | '小' | '中' | '大' | '特大' | '超大';

/** Colour theme; `auto` follows `prefers-color-scheme`. */
export type Theme = 'auto' | 'light' | 'dark' | 'sepia';

/** Line spacing of the article body (display panel). */
export type LineSpacing = 'compact' | 'normal' | 'relaxed' | 0 | 1 | 2;

/** Typeface (display panel): the system's CJK sans serif or serif fonts. */
export type Typeface = 'sans' | 'serif';

/** Options of `mount()`; the element's attributes set the same ones. */
export interface ReaderOptions {
  /** URL of an article JSON document or of a collection (JSON Feed). */
  src?: string;
  /** The document as an object (any accepted format); wins over `src`. */
  article?: unknown;
  /** The document as JSON text; wins over `article` and `src`. */
  json?: string;
  /** UI language: `zh-CN` (default) or `en`. */
  lang?: string;
  /** Default theme when the reader has not chosen one in 显示设置 / Display. */
  theme?: Theme;
  /** Default line spacing when the reader has not chosen one (an index or a name). */
  lineSpacing?: LineSpacing;
  /** Default typeface when the reader has not chosen one: system fonts only. */
  typeface?: Typeface;
  /** Initial text size when the reader has no stored preference. */
  fontSize?: FontSize;
  /** Initial search query. */
  query?: string;
  /** Largest document accepted, in bytes (default 5 MB). */
  maxBytes?: number | string;
  /** Simplified and traditional characters match each other in search. */
  variants?: boolean;
  /** The reader is the whole page (banner, main and contentinfo landmarks). */
  standalone?: boolean;
  /** URL of a site index (`article-reader index`, the directory holding
   * manifest.json): the search box then searches the whole site. */
  index?: string;
}

/** A mounted reader. */
export interface ReaderHandle {
  /** Settles once the reader runs, fails or is destroyed. */
  readonly ready: Promise<void>;
  /** Applies changed options without losing the reader's state. */
  update(options: ReaderOptions): void;
  /** Unmounts the reader and removes its DOM and listeners. */
  destroy(): void;
}

/** A [start, end) range in UTF-16 code units (JS string indexes). */
export type Range = [start: number, end: number];

/** One ranked hit of `createIndex(...).search()`. */
export interface SearchHit {
  id: string;
  /** Position of the article in the indexed list. */
  index: number;
  title: string;
  /** Higher is better. */
  score: number;
  /** A short extract around the first match. */
  snippet: string;
  /** Matches in `snippet`. */
  marks: Range[];
  /** Matches in `title`. */
  titleMarks: Range[];
}

/** Hits best first, with the number of matching articles. */
export type SearchHits = SearchHit[] & { total: number };

/** A headless search index (the widget's own engine). */
export interface SearchIndex {
  /** Number of indexed articles. */
  readonly size: number;
  /** Bytes the index holds in wasm memory besides the articles. */
  readonly indexBytes: number;
  /** The best `limit` hits (all by default). */
  search(query: string, options?: { limit?: number }): SearchHits;
  /** Number of articles matching `query`. */
  count(query: string): number;
  /** Releases the index's wasm memory. */
  free(): void;
}

/** Mounts a reader into `element` (inside a shadow root). */
export function mount(element: Element, options?: ReaderOptions): ReaderHandle;

/** Builds a search index over an array of articles, a JSON Feed, or one
 * article (objects or JSON text). */
export function createIndex(docs: unknown, options?: { variants?: boolean }): Promise<SearchIndex>;

/** An item of a collection left out because nothing in it could be shown. */
export interface SkippedItem {
  /** Its position in the document's item list. */
  index: number;
  /** Why, in the UI language. */
  reason: string;
}

/** One hit of a site search (`openIndex(url).search()`). */
export interface SiteHit {
  id: string;
  /** The article's page. */
  url: string;
  /** A JSON document the reader can load, when the index has one. */
  src?: string;
  title: string;
  published?: string;
  snippet: string;
  marks: Range[];
  titleMarks: Range[];
  score: number;
}

/** A static site index built by `article-reader index`. */
export interface SiteIndex {
  /** The best `limit` hits, best first, with the number of matches as `total`. */
  search(query: string, options?: { limit?: number }): Promise<SiteHit[] & { total: number }>;
  /** Bytes of index fetched so far (the manifest included). */
  readonly bytesFetched: number;
}

/** Opens the site index in the folder at `url` (it holds manifest.json). */
export function openIndex(url: string): Promise<SiteIndex>;

/** `detail` of the events the element dispatches (bubbling, composed). */
export interface ReaderEventMap {
  'article-reader:ready': CustomEvent<{ skipped: SkippedItem[] }>;
  'article-reader:error': CustomEvent<{ message: string }>;
  'article-reader:close': CustomEvent<Record<string, never>>;
  'article-reader:fontsize': CustomEvent<{ step: number; scale: number }>;
}

/** The `<article-reader>` element. */
export interface ArticleReaderElement extends HTMLElement {
  addEventListener<K extends keyof ReaderEventMap>(type: K, listener: (this: ArticleReaderElement, ev: ReaderEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-reader': ArticleReaderElement;
  }
}
