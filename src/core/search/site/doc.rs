//! One document of the site index: what is indexed (its keys and their
//! offsets), its shape (where the title ends, where its headings are),
//! and the stored copy that hits and snippets are made from.
//!
//! Offsets are those of the in-memory index (`SearchIndex`): byte offsets
//! into the document's normalised texts, title first, each text followed by
//! one separator byte; the postings keep them as places
//! ([`Pos`]: title or after it, heading or not), from which scores come
//! out the same in both engines.

use super::alphabet::{Alphabet, Coder};
use super::codec::{bigram_key, put_varint, unigram_key, Corrupt, Reader};
use super::place::Pos;
use crate::core::model::{Article, Block, Field, RichText};
use crate::core::search::normalize::normalize_each;

/// A document to index: an article and the ways to open it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteDoc {
    /// The article (its `id` and `url` are the hit's).
    pub article: Article,
    /// The URL of a JSON document the reader can load in place, if any.
    pub src: Option<String>,
}

/// Where a document's title ends and which byte ranges are section
/// headings (title above headings above body): what turns an offset into
/// a place of the postings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Shape {
    /// Offset of the first text after the title.
    pub body: u32,
    /// `start..next` of each heading text (sorted).
    pub heads: Vec<(u32, u32)>,
}

impl Shape {
    /// True when offset `p` (after the title) lies in a heading.
    fn in_heading(&self, p: u32) -> bool {
        let i = self.heads.partition_point(|h| h.0 <= p);
        i > 0 && p < self.heads[i - 1].1
    }

    /// Where offset `p` of the document's texts lies, as the postings
    /// keep it.
    pub fn place(&self, p: u32) -> Pos {
        if p < self.body {
            Pos::title(p)
        } else {
            Pos::rest(p - self.body, self.in_heading(p))
        }
    }
}

/// A document ready to be written: its (key, offset) pairs in offset
/// order, and its shape.
pub(super) struct Prepared {
    pub keys: Vec<(u64, u32)>,
    pub shape: Shape,
}

/// Normalises every text of `doc` (the one normaliser) and lists the
/// offset of every character (unigram key) and of every pair of adjacent
/// characters within one text (bigram key).
pub(super) fn prepare(doc: &SiteDoc, variants: bool) -> Prepared {
    let a = &doc.article;
    let mut keys = Vec::new();
    let mut shape = Shape::default();
    let mut len = 0u32;
    for (f, text) in a.fields() {
        let start = len;
        let mut prev: Option<(char, u32)> = None;
        normalize_each(&text, variants, |c, _, _| {
            if let Some((p, at)) = prev {
                keys.push((bigram_key(p, c), at));
            }
            keys.push((unigram_key(c), len));
            prev = Some((c, len));
            len += c.len_utf8() as u32;
        });
        len += 1; // the separator
        match f {
            Field::Title => shape.body = len,
            Field::Block(n) if matches!(a.blocks[n], Block::Heading { .. }) => {
                shape.heads.push((start, len))
            }
            _ => {}
        }
    }
    // Unigram and bigram at the same offset were pushed bigram-late;
    // offsets per key are already increasing, which is all that matters.
    Prepared { keys, shape }
}

/// The stored copy of a document: enough to show a hit and make its
/// snippet, and to index it again when segments merge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredDoc {
    pub id: String,
    pub url: Option<String>,
    pub src: Option<String>,
    pub title: String,
    pub published: Option<String>,
    /// The texts after the title, in reading order, and which are headings.
    pub texts: Vec<(String, bool)>,
}

fn put_opt(out: &mut Vec<u8>, a: &Coder, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            a.put_str(out, s);
        }
        None => out.push(0),
    }
}

fn opt(r: &mut Reader<'_>, a: &Alphabet) -> Result<Option<String>, Corrupt> {
    match r.bytes(1)?[0] {
        0 => Ok(None),
        1 => Ok(Some(a.str(r)?)),
        _ => Err(Corrupt),
    }
}

impl StoredDoc {
    /// What is stored of `doc`.
    pub fn of(doc: &SiteDoc) -> StoredDoc {
        let a = &doc.article;
        let texts = a
            .fields()
            .into_iter()
            .filter(|(f, _)| *f != Field::Title)
            .map(|(f, t)| {
                let h =
                    matches!(f, Field::Block(n) if matches!(a.blocks[n], Block::Heading { .. }));
                (t.into_owned(), h)
            })
            .collect();
        StoredDoc {
            id: a.id.clone(),
            url: a.url.clone(),
            src: doc.src.clone(),
            title: a.title.clone(),
            published: a.published.clone(),
            texts,
        }
    }

    /// Every string of the copy, for its segment's [`Alphabet`].
    pub fn strings(&self) -> impl Iterator<Item = &str> {
        let opts = [&self.url, &self.src, &self.published];
        [self.id.as_str(), self.title.as_str()]
            .into_iter()
            .chain(opts.into_iter().flatten().map(String::as_str))
            .chain(self.texts.iter().map(|(t, _)| t.as_str()))
    }

    /// The copy as a pack holds it, its strings in the segment's alphabet.
    pub(super) fn encode(&self, a: &Coder) -> Vec<u8> {
        let mut out = Vec::new();
        a.put_str(&mut out, &self.id);
        put_opt(&mut out, a, self.url.as_deref());
        put_opt(&mut out, a, self.src.as_deref());
        a.put_str(&mut out, &self.title);
        put_opt(&mut out, a, self.published.as_deref());
        put_varint(&mut out, self.texts.len() as u64);
        for (t, h) in &self.texts {
            out.push(u8::from(*h));
            a.put_str(&mut out, t);
        }
        out
    }

    /// Reads what [`encode`](Self::encode) wrote with the same alphabet.
    pub fn decode(bytes: &[u8], a: &Alphabet) -> Result<StoredDoc, Corrupt> {
        let mut r = Reader::new(bytes);
        let id = a.str(&mut r)?;
        let url = opt(&mut r, a)?;
        let src = opt(&mut r, a)?;
        let title = a.str(&mut r)?;
        let published = opt(&mut r, a)?;
        let n = r.varint()?;
        let mut texts = Vec::new();
        for _ in 0..n {
            let h = r.bytes(1)?[0] != 0;
            texts.push((a.str(&mut r)?, h));
        }
        Ok(StoredDoc {
            id,
            url,
            src,
            title,
            published,
            texts,
        })
    }

    /// The document again, with the same texts in the same order (so it
    /// indexes to the same keys, offsets and shape).
    pub fn to_site_doc(&self) -> SiteDoc {
        let blocks = self
            .texts
            .iter()
            .map(|(t, h)| {
                let text = RichText::plain(t.as_str());
                if *h {
                    Block::Heading { level: 2, text }
                } else {
                    Block::Paragraph(text)
                }
            })
            .collect();
        SiteDoc {
            article: Article {
                id: self.id.clone(),
                url: self.url.clone(),
                title: self.title.clone(),
                published: self.published.clone(),
                blocks,
                ..Article::default()
            },
            src: self.src.clone(),
        }
    }
}
