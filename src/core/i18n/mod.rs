//! Every UI string, in one place per language.

mod errors;
/// The words of each UI language.
mod tables;
use tables::{EN, ZH_CN};

/// The UI languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    ZhCn,
    En,
}

impl Lang {
    /// Picks the UI language for a BCP 47 tag: English for `en*`, Chinese
    /// for `zh*`; `None` for anything else so the caller can fall back.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "en" || tag.starts_with("en-") {
            Some(Lang::En)
        } else if tag == "zh" || tag.starts_with("zh-") {
            Some(Lang::ZhCn)
        } else {
            None
        }
    }

    /// The `lang` attribute value for the UI.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::ZhCn => &ZH_CN,
            Lang::En => &EN,
        }
    }
}

/// The UI strings of one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub no_results: &'static str,
    pub close: &'static str,
    pub back: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub error_title: &'static str,
    pub time: &'static str,
    pub source: &'static str,
    pub views: &'static str,
    pub author: &'static str,
    pub text_size: &'static str,
    pub size_steps: [&'static str; 5],
    pub organiser: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub postcode: &'static str,
    pub articles: &'static str,
    pub contents: &'static str,
    pub progress: &'static str,
    pub back_to_top: &'static str,
    /// Reading time as a range, `{a}` and `{b}` minutes.
    pub reading_range: &'static str,
    /// Reading time when both ends agree, `{a}` minutes.
    pub reading_single: &'static str,
    /// "{n} results" with `{n}` replaced.
    pub result_count: &'static str,
    /// The note under a collection when items were left out (`{n}`).
    pub skipped_count: &'static str,
    pub separator: &'static str,
    /// The heading of the list of linked files.
    pub attachments: &'static str,
    /// What an embed card plays: video, audio, other framed page.
    pub embed_video: &'static str,
    pub embed_audio: &'static str,
    pub embed_page: &'static str,
    /// The label of a table's scroll box when it has no caption.
    pub table: &'static str,
    /// The label of a code block's scroll box.
    pub code: &'static str,
    /// The link to an item's original page when its text is not in the
    /// document.
    pub read_original: &'static str,
    // ---- Display panel (显示设置) ----
    /// The name of the "Aa" button (the dialog's own labels are in
    /// `aid_labels`).
    pub display: &'static str,
    // ---- Site search (`index` set) ----
    /// The search box's placeholder when it searches the whole site.
    pub site_placeholder: &'static str,
    /// The heading and name of the list of site results.
    pub site_results: &'static str,
    /// The status while the first results of a query are on their way.
    pub searching: &'static str,
    pub more_results: &'static str,
    /// The alert when the site index cannot be loaded.
    pub site_error: &'static str,
    // ---- Image viewer, link to a passage, read aloud ----
    /// The name of the button on an article image (the image's own
    /// description follows).
    pub view_image: &'static str,
    /// Offered while text in the article is selected.
    pub copy_link: &'static str,
    pub read_aloud: &'static str,
    /// The labels the on-demand reading aids (js/lib/viewer.js, speech.js,
    /// passage.js, display.js) build their controls with, as one JSON
    /// object the "Aa" button carries (`data-labels`): the viewer dialog's
    /// name (`viewImage`), its buttons, 链接已复制 (`copied`), the
    /// hand-copy field (`byHand`), the player's controls, and the display
    /// panel's title, legends and option names (`themes`, `spacings`,
    /// `typefaces`: lists in the order of `src/settings.json`), and the
    /// notice of "continue where you left off" (js/lib/resume.js).
    pub aid_labels: &'static str,
    lang: Lang,
}

impl Strings {
    /// English strings (used for developer-facing messages too).
    pub fn en() -> &'static Strings {
        &EN
    }

    /// The reading time line for (fast, slow) minutes.
    pub fn reading_time(&self, (fast, slow): (u32, u32)) -> String {
        let t = if fast == slow {
            self.reading_single
        } else {
            self.reading_range
        };
        t.replace("{a}", &fast.to_string())
            .replace("{b}", &slow.to_string())
    }

    /// The result count line for `n` hits.
    pub fn results(&self, n: usize) -> String {
        self.result_count.replace("{n}", &n.to_string())
    }

    /// The language of these strings.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The note for `n` items left out of a collection.
    pub fn skipped(&self, n: usize) -> String {
        self.skipped_count.replace("{n}", &n.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::errors::{size_text, ZH_PHRASES};
    use super::*;
    use crate::core::error::LoadError;

    #[test]
    fn sizes_read_in_megabytes() {
        assert_eq!(size_text(5_000_000, "字节"), "5 MB");
        assert_eq!(size_text(6_291_456, "bytes"), "6.2 MB");
        assert_eq!(size_text(99_999, "bytes"), "99999 bytes");
        assert_eq!(size_text(100_000, "字节"), "0.1 MB");
        let e = LoadError::TooLarge {
            size: 6_291_456,
            limit: 5_000_000,
        };
        assert_eq!(
            Lang::ZhCn.strings().error(&e),
            "文档太大(至少 6.2 MB),上限为 5 MB。"
        );
    }

    #[test]
    fn picks_language_from_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn reading_time_reads_as_a_range() {
        assert_eq!(
            Lang::ZhCn.strings().reading_time((8, 10)),
            "阅读约 8–10 分钟"
        );
        assert_eq!(Lang::En.strings().reading_time((1, 1)), "1 min read");
    }

    #[test]
    fn error_messages_name_the_field_in_both_languages() {
        let e = LoadError::MissingField {
            path: "blocks[3].text".into(),
        };
        assert!(Lang::ZhCn.strings().error(&e).contains("blocks[3].text"));
        assert!(Lang::En.strings().error(&e).contains("blocks[3].text"));
        assert_eq!(
            e.to_string(),
            "The required field \"blocks[3].text\" is missing."
        );
    }

    #[test]
    fn chinese_error_messages_have_no_english_phrases() {
        let zh = Lang::ZhCn.strings();
        let mut errors = vec![
            LoadError::Syntax {
                line: 1,
                column: 2,
                detail: "unknown block type \"x\" (expected paragraph, heading)".into(),
            },
            LoadError::Network {
                url: "u".into(),
                detail: "Failed to fetch".into(),
            },
        ];
        for (en, _) in ZH_PHRASES {
            errors.push(LoadError::Syntax {
                line: 1,
                column: 2,
                detail: (*en).into(),
            });
            errors.push(LoadError::InvalidValue {
                path: "p".into(),
                detail: (*en).into(),
            });
        }
        // The parser's own details are the ones in the table.
        for bad in ["\"a\u{1}\"", "[1,]", "{\"a\" 1}", "[1", "nul", "\"\\q\""] {
            let e = crate::core::json::from_str(bad).unwrap_err();
            assert!(
                ZH_PHRASES.iter().any(|(en, _)| *en == e.detail),
                "{bad}: {}",
                e.detail
            );
        }
        for expected in ["a string", "a number", "an object", "true or false"] {
            errors.push(LoadError::WrongType {
                path: "p".into(),
                expected,
            });
        }
        for e in errors {
            let m = zh.error(&e);
            // English words of three letters or more, other than the JSON
            // and schema.org names a message may quote.
            let english: Vec<&str> = m
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 3)
                .filter(|w| {
                    ![
                        "JSON",
                        "true",
                        "false",
                        "video",
                        "audio",
                        "page",
                        "row",
                        "col",
                        "rowgroup",
                        "colgroup",
                        "article",
                        "reader",
                        "schema",
                        "org",
                        "LD",
                        "paragraph",
                        "heading",
                        "list",
                        "quote",
                        "image",
                        "code",
                        "rule",
                        "table",
                        "definitions",
                        "embed",
                        "attachments",
                    ]
                    .contains(w)
                })
                .collect();
            assert!(english.is_empty(), "{m}: {english:?}");
        }
    }

    #[test]
    fn aid_labels_are_the_same_json_object_in_every_language() {
        use crate::core::settings::{SPACINGS, THEMES, TYPEFACES};
        let keys = |s: &Strings| -> Vec<String> {
            let v: serde_json::Value = serde_json::from_str(s.aid_labels).unwrap();
            let o = v.as_object().unwrap();
            let label = |l: &serde_json::Value| l.as_str().is_some_and(|l| !l.is_empty());
            // Every label is text, or a list of one per option of a facet.
            for (key, names) in [
                ("themes", &THEMES[..]),
                ("spacings", &SPACINGS),
                ("typefaces", &TYPEFACES),
            ] {
                let list = v[key].as_array().unwrap_or_else(|| panic!("{key}"));
                assert_eq!(list.len(), names.len(), "{key}");
                assert!(list.iter().all(label), "{key}");
            }
            assert!(o.values().filter(|l| !l.is_array()).all(label));
            // The names the wasm renders itself agree with the JSON's.
            assert_eq!(v["viewImage"], s.view_image);
            assert_eq!(v["readAloud"], s.read_aloud);
            assert_eq!(v["close"], s.close);
            assert_eq!(v["display"], s.display);
            o.keys().cloned().collect()
        };
        let zh = keys(Lang::ZhCn.strings());
        assert_eq!(zh.len(), 24);
        assert_eq!(zh, keys(Lang::En.strings()));
        let v: serde_json::Value = serde_json::from_str(Lang::ZhCn.strings().aid_labels).unwrap();
        assert_eq!(v["copied"], "链接已复制");
        assert_eq!(v["themes"][3], "护眼");
        assert_eq!(v["resume"], "从上次位置继续");
    }
}
