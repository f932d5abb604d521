//! Exact, CJK-aware search: substring matching on normalised text, never
//! word segmentation, so any run of Chinese characters is found.
//!
//! - [`normalize`](normalize_str): one normalisation for text and queries
//!   (width, case, spaces; optionally simplified/traditional variants), with
//!   a map back to the original text ([`Normalized`]).
//! - [`parse_query`]: space-separated terms, all required; quoted phrases.
//! - [`find_in_article`]: every match in one article, for highlighting.
//! - [`SearchIndex`]: ranked search over a collection, through a positional
//!   character index (exact: found matches are the substring matches).

mod find;
mod index;
mod normalize;
mod query;
mod rank;
mod score;
pub mod site;
mod snippet;
mod variants;

pub use find::{find_in_article, find_in_text, occurrences, ArticleMatches, Hit, PreparedArticle};
pub use normalize::{fold_char, normalize_str, normalize_with, Folded, Normalized};
pub use query::{parse_query, parse_query_with, Query};
pub use rank::{RankedHit, SearchIndex, SearchResults};
pub use score::{Ranked, Ranking};
pub use variants::{
    fold_variant, install as install_variants, is_installed as variants_installed, variant_pairs,
};
