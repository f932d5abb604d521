//! Collection search: every article that contains all terms, ranked, with
//! a snippet around its first match.

use std::ops::Range;

use super::find::find_in_text;
use super::index::{sort_small_by_key, Builder, CharIndex, Plan};
use super::normalize::Normalized;
use super::query::Query;
use super::score::{best, intersect, Acc, Ranked, Ranking, TermDoc};
use crate::core::model::{Article, Block, Field};

/// A search hit in a collection.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedHit {
    /// Index of the article in the indexed list.
    pub index: usize,
    /// The article's id.
    pub id: String,
    /// Higher is better; see [`SearchIndex::search`].
    pub score: f64,
    /// A short extract of the article around its first match.
    pub snippet: String,
    /// Byte ranges of matches in `snippet`.
    pub marks: Vec<Range<usize>>,
    /// Byte ranges of matches in the title.
    pub title_marks: Vec<Range<usize>>,
}

/// The best hits of a search and how many articles matched in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// Number of matching articles.
    pub total: usize,
    /// The best `limit` of them, best first.
    pub hits: Vec<RankedHit>,
}

/// Where one article's texts sit in the index: `start..body` is the title,
/// `body..end` the other texts in reading order, which start at
/// `SearchIndex::starts[fields]` (a heading where `SearchIndex::heading`).
#[derive(Clone, Copy, Debug, Default)]
struct Doc {
    start: u32,
    body: u32,
    end: u32,
    /// Range of the texts after the title in `starts` and `heading`.
    fields: u32,
    fields_end: u32,
    /// Some of them are headings.
    headings: bool,
}

/// An index over many articles, searched with the same matching as the
/// find-in-article highlight: exact substrings of normalised text.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    articles: Vec<Article>,
    variants: bool,
    docs: Vec<Doc>,
    /// Offset of each text after the title, all articles in turn.
    starts: Vec<u32>,
    /// That text is a section heading.
    heading: Vec<bool>,
    chars: CharIndex,
}

impl SearchIndex {
    /// Indexes `articles` (normalises every text once and records where each
    /// character occurs).
    pub fn new(articles: Vec<Article>) -> Self {
        Self::with_variants(articles, false)
    }

    /// [`SearchIndex::new`]; with `variants`, simplified and traditional
    /// forms match each other (for every query).
    pub fn with_variants(articles: Vec<Article>, variants: bool) -> Self {
        let bytes = articles.iter().map(text_bytes).sum();
        let mut b = Builder::new(variants, bytes);
        let (mut starts, mut heading) = (Vec::new(), Vec::new());
        let docs = articles
            .iter()
            .map(|a| index_article(&mut b, a, &mut starts, &mut heading))
            .collect();
        SearchIndex {
            articles,
            variants,
            docs,
            starts,
            heading,
            chars: b.finish(),
        }
    }

    /// The indexed articles.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// True when simplified and traditional forms match each other.
    pub fn variants(&self) -> bool {
        self.variants
    }

    /// Bytes of memory the index holds besides the articles themselves.
    pub fn index_bytes(&self) -> usize {
        self.chars.heap_bytes()
            + self.docs.capacity() * std::mem::size_of::<Doc>()
            + self.starts.capacity() * 4
            + self.heading.capacity()
    }

    /// Every article containing all terms (in any of its texts), best first.
    ///
    /// Score = Σ over terms of 100 × title matches + 20 × heading matches +
    /// 1 × body matches + 10 × 300 ÷ (300 + byte offset of the first match
    /// after the title, counted from the title's end and rounded down to a
    /// power of two: see [`octave`](super::score::octave)), counting
    /// non-overlapping matches in normalised text, in reading order; the
    /// last part is rounded down to a thousandth. So a title match outranks
    /// up to 99 body matches, a heading match 19, and among body matches
    /// more and earlier rank higher. Ties keep collection order.
    pub fn search(&self, query: &Query) -> Vec<RankedHit> {
        let ranking = self.rank(query, None);
        ranking.hits.iter().map(|r| self.hit(r, query)).collect()
    }

    /// The best `limit` hits of [`SearchIndex::search`] and the number of
    /// matching articles; only those hits get snippets.
    pub fn search_top(&self, query: &Query, limit: usize) -> SearchResults {
        let ranking = self.rank(query, Some(limit));
        SearchResults {
            total: ranking.total,
            hits: ranking.hits.iter().map(|r| self.hit(r, query)).collect(),
        }
    }

    /// Number of articles containing all terms.
    pub fn count(&self, query: &Query) -> usize {
        self.matching(query).len()
    }

    /// The order of [`SearchIndex::search`] without snippets: the best
    /// `limit` matches (all when `None`) and how many matched. A caller that
    /// shows a few of many hits asks [`SearchIndex::hit`] for just those, so
    /// a query's cost does not grow with its number of hits.
    pub fn rank(&self, query: &Query, limit: Option<usize>) -> Ranking {
        let matching = self.matching(query);
        Ranking {
            total: matching.len(),
            hits: best(&matching, limit),
        }
    }

    /// The hit for one ranked article, with its snippet and marks.
    pub fn hit(&self, ranked: &Ranked, query: &Query) -> RankedHit {
        let index = ranked.index;
        let a = &self.articles[index];
        let (title_marks, _) =
            find_in_text(&Normalized::with_variants(&a.title, self.variants), query);
        let at = self.first_field(index, query);
        let (snippet, marks) = super::snippet::snippet(a, query, self.variants, at);
        RankedHit {
            index,
            id: a.id.clone(),
            score: ranked.score,
            snippet,
            marks,
            title_marks,
        }
    }

    /// The articles matching every term, by article, with their scores.
    fn matching(&self, query: &Query) -> Vec<TermDoc> {
        let terms = query.terms_for(self.variants);
        let mut plans: Vec<Plan<'_>> = Vec::with_capacity(terms.len());
        for t in terms.iter() {
            match self.chars.plan(t) {
                Some(p) => plans.push(p),
                None => return Vec::new(),
            }
        }
        if plans.is_empty() {
            return Vec::new();
        }
        // Rarest first; later terms only look inside the articles left.
        sort_small_by_key(&mut plans, Plan::cost);
        let mut acc = self.term_docs(&plans[0], None);
        for plan in &plans[1..] {
            if acc.is_empty() {
                break;
            }
            if acc.len() * 32 < plan.cost() {
                let docs: Vec<u32> = acc.iter().map(|t| t.doc).collect();
                let next = self.term_docs(plan, Some(&docs));
                acc = intersect(&acc, &next);
            } else {
                let next = self.term_docs(plan, None);
                acc = intersect(&acc, &next);
            }
        }
        acc
    }

    /// One term's score in every article it occurs in (or in `only` those
    /// articles), by article.
    fn term_docs(&self, plan: &Plan<'_>, only: Option<&[u32]>) -> Vec<TermDoc> {
        let mut out = Vec::new();
        // The article being counted; none before the first match.
        let mut acc: Option<Acc> = None;
        let term_len = plan.term_len();
        let mut visit = |p: u32, doc: u32, d: &Doc| {
            let a = match &mut acc {
                Some(a) if a.doc == doc => a,
                _ => {
                    if let Some(done) = acc.take() {
                        out.push(done.finish());
                    }
                    acc.insert(Acc::new(doc))
                }
            };
            if p < a.next_free {
                return; // overlaps the previous match
            }
            a.next_free = p + term_len;
            if p < d.body {
                a.title += 1;
                return;
            }
            if a.heads + a.body == 0 {
                a.first_body = p - d.body;
            }
            if d.headings && self.heading[self.field_at(d, p)] {
                a.heads += 1;
            } else {
                a.body += 1;
            }
        };
        match only {
            Some(docs) => {
                for &doc in docs {
                    let d = &self.docs[doc as usize];
                    self.chars.run(plan, d.start..d.end, |p| {
                        visit(p, doc, d);
                        true
                    });
                }
            }
            None => {
                let mut doc = 0usize;
                self.chars.run(plan, 0..self.chars.len(), |p| {
                    if p >= self.docs[doc].end {
                        doc += self.docs[doc..].partition_point(|d| d.end <= p);
                    }
                    visit(p, doc as u32, &self.docs[doc]);
                    true
                });
            }
        }
        if let Some(done) = acc {
            out.push(done.finish());
        }
        out
    }

    /// Index in `starts` of the text of `d` that holds offset `p` (after
    /// the title).
    fn field_at(&self, d: &Doc, p: u32) -> usize {
        let fields = &self.starts[d.fields as usize..d.fields_end as usize];
        d.fields as usize + fields.partition_point(|&s| s <= p).saturating_sub(1)
    }

    /// Which text after the title (counted in reading order) holds the
    /// first match of any term: where the snippet goes.
    fn first_field(&self, index: usize, query: &Query) -> Option<usize> {
        let d = &self.docs[index];
        let mut first: Option<u32> = None;
        for t in query.terms_for(self.variants).iter() {
            if let Some(plan) = self.chars.plan(t) {
                let end = first.unwrap_or(d.end);
                self.chars.run(&plan, d.body..end, |p| {
                    first = Some(p);
                    false
                });
            }
        }
        Some(self.field_at(d, first?) - d.fields as usize)
    }
}

/// Bytes of an article's texts and separators in the index.
///
/// This and [`index_article`] run once per article, not inlined: short
/// calls let a wasm engine switch to optimised code early.
#[inline(never)]
fn text_bytes(a: &Article) -> usize {
    a.fields().iter().map(|(_, t)| t.len() + 1).sum()
}

/// Adds an article's texts: the title, then the others in reading order,
/// noting where each starts and which are headings.
#[inline(never)]
fn index_article(
    b: &mut Builder,
    a: &Article,
    starts: &mut Vec<u32>,
    heading: &mut Vec<bool>,
) -> Doc {
    let start = b.offset();
    let fields_start = starts.len() as u32;
    let mut body = start;
    let mut headings = false;
    for (f, t) in a.fields() {
        if f == Field::Title {
            b.push_field(&t);
            body = b.offset();
            continue;
        }
        let h = matches!(f, Field::Block(n) if matches!(a.blocks[n], Block::Heading { .. }));
        headings |= h;
        starts.push(b.offset());
        heading.push(h);
        b.push_field(&t);
    }
    Doc {
        start,
        body,
        end: b.offset(),
        fields: fields_start,
        fields_end: starts.len() as u32,
        headings,
    }
}
