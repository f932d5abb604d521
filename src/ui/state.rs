//! The reader's one state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use crate::core::search::{parse_query_with, ArticleMatches, PreparedArticle};
use crate::core::{Article, Document, LoadError};

/// A shared value whose props comparison is by pointer, so a large document
/// is never compared field by field on every render.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared(Rc::new(T::default()))
    }
}

/// How far loading has got.
#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    Ready(Shared<Document>),
    Failed(LoadError),
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
    /// Index of the current match.
    pub current: usize,
    /// Text size step (index into [`crate::core::reading::SCALES`]).
    pub step: usize,
    /// Bumped by Retry so the load effect runs again.
    pub attempt: u32,
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
            current: 0,
            step,
            attempt: 0,
        };
        s.prepare();
        s
    }

    /// The article on screen: the document itself or the open item.
    pub fn article(&self) -> Option<&Article> {
        match &self.phase {
            Phase::Ready(doc) => match &**doc {
                Document::Article(a) => Some(a),
                Document::Collection(c) => self.open_item.and_then(|i| c.items.get(i)),
            },
            _ => None,
        }
    }

    /// Normalises the article on screen (when it or `variants` changed),
    /// then searches it.
    fn prepare(&mut self) {
        let prepared = self
            .article()
            .map(|a| PreparedArticle::new(a, self.variants))
            .unwrap_or_default();
        self.prepared = Shared(Rc::new(prepared));
        self.refresh_matches();
    }

    fn refresh_matches(&mut self) {
        let query = parse_query_with(&self.query, self.variants);
        self.matches = Shared(Rc::new(if self.article().is_some() {
            self.prepared.find(&query)
        } else {
            ArticleMatches::default()
        }));
        self.current = 0;
    }

    fn step_match(&mut self, forward: bool) {
        let n = self.matches.len();
        if n > 0 {
            self.current = if forward {
                (self.current + 1) % n
            } else {
                (self.current + n - 1) % n
            };
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loaded(doc) => {
                s.phase = Phase::Ready(Shared(Rc::new(*doc)));
                s.open_item = None;
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
                s.open_item = None;
                s.prepare();
            }
            Action::SetQuery(q) => {
                if q == s.query {
                    return self;
                }
                s.query = q;
                s.refresh_matches();
            }
            Action::Next => s.step_match(true),
            Action::Previous => s.step_match(false),
            Action::ClearSearch => {
                s.query.clear();
                s.refresh_matches();
            }
            Action::SetVariants(on) => {
                if on == s.variants {
                    return self;
                }
                s.variants = on;
                s.prepare();
            }
            Action::SetStep(step) => {
                if step == s.step {
                    return self;
                }
                s.step = step;
            }
        }
        Rc::new(s)
    }
}
