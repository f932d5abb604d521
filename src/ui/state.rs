//! The reader's one state and the actions that change it. Everything the
//! reader shows is worked out here, once per change: the article on screen,
//! its search matches, and a collection's search index and hits.

use std::rc::Rc;

use yew::Reducible;

use crate::core::search::{
    parse_query_with, ArticleMatches, PreparedArticle, RankedHit, SearchIndex,
};
use crate::core::{Article, Document, LoadError, Publisher, Site};
use crate::ui::display::{Choice, Display};
use crate::ui::shared::Shared;
#[cfg(feature = "site-search")]
use crate::ui::site_state::{OpenResult, SiteSearch};

/// How far loading has got.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    Ready(Shared<Document>),
    Failed(LoadError),
}

/// The article on screen with the site and publisher it is shown under (an
/// item without its own falls back to its collection's).
pub struct OnScreen<'a> {
    pub article: &'a Article,
    pub site: Option<&'a Site>,
    pub publisher: Option<&'a Publisher>,
}

/// The article on screen in `doc`: the document itself, or the open item of
/// a collection. The one place that decides it.
pub fn on_screen(doc: &Document, item: Option<usize>) -> Option<OnScreen<'_>> {
    match (doc, item) {
        (Document::Article(a), _) => Some(OnScreen {
            article: a,
            site: a.site.as_ref(),
            publisher: a.publisher.as_ref(),
        }),
        (Document::Collection(c), Some(i)) => c.items.get(i).map(|a| OnScreen {
            article: a,
            site: a.site.as_ref().or(c.site.as_ref()),
            publisher: a.publisher.as_ref().or(c.publisher.as_ref()),
        }),
        (Document::Collection(_), None) => None,
    }
}

/// Everything the reader shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub phase: Phase,
    /// Which collection item is open, if any.
    pub open_item: Option<usize>,
    /// The search box text.
    pub query: String,
    /// The article on screen, normalised once for searching.
    pub prepared: Shared<PreparedArticle>,
    /// Simplified and traditional forms match each other.
    pub variants: bool,
    /// Matches of `query` in the article on screen.
    pub matches: Shared<ArticleMatches>,
    /// Index of the current match, when there are matches.
    pub current: Option<usize>,
    /// The collection's search index (empty for an article).
    pub index: Shared<SearchIndex>,
    /// Ranked hits of `query` in the collection's list.
    pub list_hits: Shared<Vec<RankedHit>>,
    /// Text size step (index into [`crate::core::reading::SCALES`]).
    pub step: usize,
    /// Bumped by Retry so the load effect runs again.
    pub attempt: u32,
    /// Theme, line spacing and typeface (显示设置).
    pub display: Display,
    /// Site search (the host gave an `index`).
    #[cfg(feature = "site-search")]
    pub site: SiteSearch,
}

/// Everything that can happen to the state.
pub enum Action {
    Loaded(Box<Document>),
    Failed(LoadError),
    Retry,
    OpenItem(usize),
    Back,
    SetQuery(String),
    Next,
    Previous,
    ClearSearch,
    SetStep(usize),
    SetVariants(bool),
    /// The reader chose one display option (here, in another reader, or tab).
    Choose(Choice),
    /// The whole display, from storage over the host's defaults.
    SetDisplay(Display),
    /// The host gave (or took away) a site index.
    #[cfg(feature = "site-search")]
    SetSiteIndex(bool),
    /// Site results for (query, limit).
    #[cfg(feature = "site-search")]
    SiteResults(String, usize, crate::core::search::site::SiteResults),
    /// The site index failed for this query.
    #[cfg(feature = "site-search")]
    SiteFailed(String),
    /// "More results".
    #[cfg(feature = "site-search")]
    SiteMore,
    /// Opens the site result at this position in place (it has a `src`).
    #[cfg(feature = "site-search")]
    SiteOpen(usize),
}

impl State {
    /// A fresh state in `phase` with text size `step`.
    pub fn new(phase: Phase, query: String, step: usize, variants: bool) -> Self {
        let mut s = State {
            phase,
            open_item: None,
            query,
            prepared: Shared::default(),
            variants,
            matches: Shared::default(),
            current: None,
            index: Shared::default(),
            list_hits: Shared::default(),
            step,
            attempt: 0,
            display: Display::default(),
            #[cfg(feature = "site-search")]
            site: SiteSearch::new(false),
        };
        s.index_collection();
        s.prepare();
        s
    }

    /// This state with `display`.
    pub fn with_display(mut self, display: Display) -> Self {
        self.display = display;
        self
    }

    /// The document, once loaded.
    pub fn document(&self) -> Option<&Shared<Document>> {
        match &self.phase {
            Phase::Ready(doc) => Some(doc),
            _ => None,
        }
    }

    /// The article on screen, with its site and publisher.
    pub fn on_screen(&self) -> Option<OnScreen<'_>> {
        self.document().and_then(|d| on_screen(d, self.open_item))
    }

    /// The collection's list is on screen (no item open).
    pub fn showing_list(&self) -> bool {
        !self.showing_site_results()
            && self
                .document()
                .is_some_and(|d| matches!(**d, Document::Collection(_)))
            && self.open_item.is_none()
    }

    /// An item of a collection, or a site result, is open (Back returns to
    /// the list).
    pub fn in_item(&self) -> bool {
        let in_collection = self
            .document()
            .is_some_and(|d| matches!(**d, Document::Collection(_)))
            && self.open_item.is_some();
        in_collection || self.site_result_open()
    }

    /// The site's results are on screen instead of the document.
    #[cfg(feature = "site-search")]
    pub fn showing_site_results(&self) -> bool {
        self.site.wanted(&self.query).is_some()
    }

    /// The site's results are on screen instead of the document.
    #[cfg(not(feature = "site-search"))]
    pub fn showing_site_results(&self) -> bool {
        false
    }

    /// A site result is open in place.
    #[cfg(feature = "site-search")]
    pub fn site_result_open(&self) -> bool {
        self.site.open.is_some()
    }

    /// A site result is open in place.
    #[cfg(not(feature = "site-search"))]
    pub fn site_result_open(&self) -> bool {
        false
    }

    /// Indexes a collection's items for the list search (when the document
    /// or `variants` changed).
    fn index_collection(&mut self) {
        self.index = Shared::new(match self.document().map(|d| &**d) {
            Some(Document::Collection(c)) => {
                SearchIndex::with_variants(c.items.clone(), self.variants)
            }
            _ => SearchIndex::default(),
        });
    }

    /// Normalises the article on screen (when it or `variants` changed),
    /// then searches it.
    fn prepare(&mut self) {
        let prepared = self
            .on_screen()
            .map(|s| PreparedArticle::new(s.article, self.variants))
            .unwrap_or_default();
        self.prepared = Shared::new(prepared);
        self.refresh_matches();
    }

    /// Searches what is on screen: the article, or the collection's list.
    fn refresh_matches(&mut self) {
        let query = parse_query_with(&self.query, self.variants);
        let in_article = self.on_screen().is_some();
        self.matches = Shared::new(if in_article {
            self.prepared.find(&query)
        } else {
            ArticleMatches::default()
        });
        self.list_hits = Shared::new(if self.showing_list() && !query.is_empty() {
            self.index.search(&query)
        } else {
            Vec::new()
        });
        self.current = (!self.matches.is_empty()).then_some(0);
    }

    fn step_match(&mut self, forward: bool) {
        let n = self.matches.len();
        if let Some(c) = self.current {
            self.current = Some(if forward {
                (c + 1) % n
            } else {
                (c + n - 1) % n
            });
        }
    }
}

#[cfg(feature = "site-search")]
impl State {
    /// This state with site search on when the host gave an index.
    pub fn with_site_index(mut self, on: bool) -> Self {
        self.site = SiteSearch::new(on);
        self.site.on_query(&self.query);
        self
    }

    /// Closes the site result open in place, if any: the document shown
    /// before comes back and the results with it. False when none was open.
    fn close_site_result(&mut self) -> bool {
        let Some(open) = self.site.open.take() else {
            return false;
        };
        self.phase = open.before;
        self.open_item = None;
        self.index_collection();
        self.prepare();
        // The query may have changed while the result was open.
        self.site.on_query(&self.query);
        true
    }
}

impl State {
    /// This state showing `display` (itself when nothing changes).
    fn show(self: Rc<Self>, display: Display) -> Rc<Self> {
        if display == self.display {
            return self;
        }
        let mut s = (*self).clone();
        s.display = display;
        Rc::new(s)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loaded(doc) => {
                s.phase = Phase::Ready(Shared::new(*doc));
                s.open_item = None;
                s.index_collection();
                s.prepare();
            }
            Action::Failed(e) => s.phase = Phase::Failed(e),
            Action::Retry => {
                s.phase = Phase::Loading;
                s.attempt += 1;
            }
            Action::OpenItem(i) => {
                s.open_item = Some(i);
                s.prepare();
            }
            Action::Back => {
                #[cfg(feature = "site-search")]
                if s.close_site_result() {
                    return Rc::new(s);
                }
                s.open_item = None;
                s.prepare();
            }
            Action::SetQuery(q) => {
                if q == s.query {
                    return self;
                }
                s.query = q;
                #[cfg(feature = "site-search")]
                s.site.on_query(&s.query);
                s.refresh_matches();
            }
            Action::Next => s.step_match(true),
            Action::Previous => s.step_match(false),
            Action::ClearSearch => {
                // Escape in an open site result goes back to the results,
                // the query kept.
                #[cfg(feature = "site-search")]
                if s.close_site_result() {
                    return Rc::new(s);
                }
                s.query.clear();
                s.refresh_matches();
            }
            Action::SetVariants(on) => {
                if on == s.variants {
                    return self;
                }
                s.variants = on;
                s.index_collection();
                s.prepare();
            }
            Action::SetStep(step) => {
                if step == s.step {
                    return self;
                }
                s.step = step;
            }
            Action::Choose(choice) => return self.show(s.display.with(choice)),
            Action::SetDisplay(display) => return self.show(display),
            #[cfg(feature = "site-search")]
            Action::SetSiteIndex(on) => {
                if on == s.site.enabled {
                    return self;
                }
                s.site = SiteSearch::new(on);
                s.site.on_query(&s.query);
            }
            #[cfg(feature = "site-search")]
            Action::SiteResults(query, limit, results) => {
                s.site.arrived(&self.query, query, limit, results)
            }
            #[cfg(feature = "site-search")]
            Action::SiteFailed(query) => s.site.failed(&self.query, &query),
            #[cfg(feature = "site-search")]
            Action::SiteMore => s.site.more(),
            #[cfg(feature = "site-search")]
            Action::SiteOpen(i) => {
                let Some(src) = s.site.results.hits.get(i).and_then(|h| h.src.clone()) else {
                    return self;
                };
                s.site.open = Some(OpenResult {
                    src,
                    before: std::mem::replace(&mut s.phase, Phase::Loading),
                });
                s.site.last_opened = Some(i);
            }
        }
        Rc::new(s)
    }
}
