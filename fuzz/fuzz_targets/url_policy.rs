//! Any string as a URL: what the policy keeps is stable (checking it again
//! keeps it) and never carries a script scheme in any decoded form.
#![no_main]
use article_reader::core::url::{safe_image, safe_link};
use libfuzzer_sys::fuzz_target;

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

fuzz_target!(|raw: &str| {
    for kept in [safe_link(raw), safe_image(raw)].into_iter().flatten() {
        let s = squash(&kept);
        assert!(!s.starts_with("javascript:") && !s.starts_with("vbscript:"), "{kept:?}");
        assert!(!s.starts_with("data:text"), "{kept:?}");
    }
    if let Some(l) = safe_link(raw) {
        assert_eq!(safe_link(&l), Some(l.clone()));
    }
});
