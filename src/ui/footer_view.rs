//! The publisher footer (a `contentinfo` landmark): organiser, address,
//! phone as `tel:`, email as `mailto:`, postcode, ICP number, extra links.

use yew::prelude::*;

use crate::core::url::{mailto_href, tel_href};
use crate::core::{Publisher, Strings};

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub publisher: Option<Publisher>,
    pub site_name: Option<AttrValue>,
    pub strings: &'static Strings,
}

fn row(label: &str, value: Html) -> Html {
    html! {
        <div class="ar-footer-row">
            <dt>{ label.to_owned() }</dt>
            <dd>{ value }</dd>
        </div>
    }
}

/// The page footer.
#[component]
pub fn FooterView(props: &FooterProps) -> Html {
    let s = props.strings;
    let Some(p) = props.publisher.as_ref().filter(|p| !p.is_empty()) else {
        return match &props.site_name {
            Some(name) => html! {
                <footer class="ar-footer" role="contentinfo">
                    <p class="ar-footer-site">{ name.clone() }</p>
                </footer>
            },
            None => Html::default(),
        };
    };
    let text = |v: &str| html! { { v.to_owned() } };
    let mut rows = Vec::new();
    if let Some(v) = &p.organiser {
        rows.push(row(s.organiser, text(v)));
    }
    if let Some(v) = &p.address {
        rows.push(row(s.address, text(v)));
    }
    if let Some(v) = &p.phone {
        let value = match tel_href(v) {
            Some(href) => {
                html! { <a class="ar-link" {href} rel="noopener noreferrer">{ v.clone() }</a> }
            }
            None => text(v),
        };
        rows.push(row(s.phone, value));
    }
    if let Some(v) = &p.email {
        let value = match mailto_href(v) {
            Some(href) => {
                html! { <a class="ar-link" {href} rel="noopener noreferrer">{ v.clone() }</a> }
            }
            None => text(v),
        };
        rows.push(row(s.email, value));
    }
    if let Some(v) = &p.postcode {
        rows.push(row(s.postcode, text(v)));
    }
    html! {
        <footer class="ar-footer" role="contentinfo">
            if let Some(name) = &props.site_name {
                <p class="ar-footer-site">{ name.clone() }</p>
            }
            <dl class="ar-footer-list">{ for rows }</dl>
            if !p.links.is_empty() {
                <ul class="ar-footer-links">
                    { for p.links.iter().enumerate().map(|(i, l)| html! {
                        <li key={i}>
                            if let Some(href) = &l.href {
                                <a class="ar-link" href={href.clone()} rel="noopener noreferrer">{ l.text.clone() }</a>
                            } else {
                                <span class="ar-footer-link-text">{ l.text.clone() }</span>
                            }
                            if let Some(t) = &l.title {
                                <span class="ar-footer-note">{ t.clone() }</span>
                            }
                        </li>
                    }) }
                </ul>
            }
            if let Some(icp) = &p.icp {
                <p class="ar-icp">{ icp.clone() }</p>
            }
        </footer>
    }
}
