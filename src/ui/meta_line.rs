//! The meta line under the title: 时间 / 来源 / 点击数 / 作者.

use yew::prelude::*;

use crate::core::reading::display_date;
use crate::core::{Article, Strings};

#[derive(Properties, PartialEq)]
pub struct MetaLineProps {
    pub published: Option<AttrValue>,
    pub source: Option<AttrValue>,
    pub views: Option<u64>,
    pub author: Option<AttrValue>,
    /// Reading time in minutes (fast, slow).
    pub minutes: (u32, u32),
    pub strings: &'static Strings,
}

impl MetaLineProps {
    /// The meta line of `a`, which takes `minutes` to read.
    pub fn of(a: &Article, minutes: (u32, u32), strings: &'static Strings) -> Self {
        let attr = |s: &Option<String>| s.as_deref().map(|s| AttrValue::from(s.to_owned()));
        MetaLineProps {
            published: attr(&a.published),
            source: attr(&a.source),
            views: a.views,
            author: attr(&a.author),
            minutes,
            strings,
        }
    }
}

/// Publish time, source, view count and author, where present.
#[component]
pub fn MetaLine(props: &MetaLineProps) -> Html {
    let s = props.strings;
    let mut items: Vec<(&'static str, String)> = Vec::new();
    if let Some(p) = &props.published {
        items.push((s.time, display_date(p)));
    }
    if let Some(src) = &props.source {
        items.push((s.source, src.to_string()));
    }
    if let Some(v) = props.views {
        items.push((s.views, v.to_string()));
    }
    if let Some(author) = &props.author {
        items.push((s.author, author.to_string()));
    }
    html! {
        <p class="ar-meta">
            { for items.into_iter().map(|(label, value)| html! {
                <span class="ar-meta-item">
                    <span class="ar-meta-label">{ label }{ s.separator }</span>{ value }
                </span>
            }) }
            <span class="ar-meta-item ar-reading-time">{ s.reading_time(props.minutes) }</span>
        </p>
    }
}
