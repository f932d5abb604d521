//! Exact, CJK-aware search: substring matching on normalised text, never
//! word segmentation, so any run of Chinese characters is found.

mod find;
mod normalize;
mod query;
mod rank;

pub use find::{find_in_article, find_in_text, ArticleMatches, Hit};
pub use normalize::{fold_char, normalize_str, Normalized};
pub use query::{parse_query, Query};
pub use rank::{RankedHit, SearchIndex};
