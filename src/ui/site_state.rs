//! The part of the reader's state that site search owns (`index` set):
//! the results of the query across the site, how many are asked for, and
//! the result opened in place. The reducer ([`super::state`]) applies the
//! actions; this module only holds the data and its small rules.

use crate::core::search::site::SiteResults;
use crate::ui::shared::Shared;
use crate::ui::state::Phase;

/// Results asked for at first, and added by each "more results".
pub const PAGE: usize = 10;

/// Where the results of the query stand.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteStatus {
    /// Searching; the results shown (if any) are of an earlier query.
    Searching,
    /// The results of `SiteSearch::query`.
    Ready,
    /// The index could not be loaded or read.
    Failed,
}

/// A result opened in place: its `src`, and the document that was on
/// screen before, shown again on Back.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenResult {
    pub src: String,
    pub before: Phase,
}

/// Site search in the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteSearch {
    /// The host gave an index: the search box searches the site.
    pub enabled: bool,
    /// How many results are asked for (grows with "more results").
    pub limit: usize,
    pub status: SiteStatus,
    /// The query the results are for.
    pub query: String,
    pub results: Shared<SiteResults>,
    /// The result open in place, if any.
    pub open: Option<OpenResult>,
    /// The position of the result last opened (focused again on Back).
    pub last_opened: Option<usize>,
}

impl SiteSearch {
    /// Site search, on when the host gave an index.
    pub fn new(enabled: bool) -> Self {
        SiteSearch {
            enabled,
            limit: PAGE,
            status: SiteStatus::Ready,
            query: String::new(),
            results: Shared::default(),
            open: None,
            last_opened: None,
        }
    }

    /// The query to search the site for now: none while a result is open
    /// (the search box then finds in that article) or the box is empty.
    pub fn wanted<'a>(&self, query: &'a str) -> Option<&'a str> {
        let q = query.trim();
        (self.enabled && self.open.is_none() && !q.is_empty()).then_some(q)
    }

    /// The query changed: start again from the first page.
    pub fn on_query(&mut self, query: &str) {
        if self.wanted(query).is_some_and(|q| q != self.query) {
            self.limit = PAGE;
            self.status = SiteStatus::Searching;
            self.last_opened = None;
        }
    }

    /// Results arrived for `query` (ignored when the box says otherwise
    /// by now, or they were for fewer results than now asked for).
    pub fn arrived(&mut self, box_query: &str, query: String, limit: usize, r: SiteResults) {
        if self.wanted(box_query) != Some(query.as_str()) || limit != self.limit {
            return;
        }
        self.query = query;
        self.results = Shared::new(r);
        self.status = SiteStatus::Ready;
    }

    /// The index failed for `query`.
    pub fn failed(&mut self, box_query: &str, query: &str) {
        if self.wanted(box_query) == Some(query) {
            self.query = query.to_owned();
            self.results = Shared::default();
            self.status = SiteStatus::Failed;
        }
    }

    /// Asks for one more page of results.
    pub fn more(&mut self) {
        if self.results.total > self.limit {
            self.limit += PAGE;
            self.status = SiteStatus::Searching;
        }
    }
}
