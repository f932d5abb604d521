//! Reading aids: text size steps, reading time and date display.

pub use super::settings::{DEFAULT_STEP, SCALES};

/// Clamps a step from storage or an attribute into range.
pub fn clamp_step(step: i64) -> usize {
    step.clamp(0, SCALES.len() as i64 - 1) as usize
}

/// Reading speeds from Firefox Reader View (toolkit/components/reader/
/// ReaderMode.sys.mjs, `getReadingSpeedForLanguage`): characters per minute
/// and their variance. Chinese 255 ± 29, English 987 ± 118.
const ZH_CPM: (f32, f32) = (255.0, 29.0);
const EN_CPM: (f32, f32) = (987.0, 118.0);

/// Reading time in whole minutes as (fast, slow), at least 1, for `chars`
/// characters of text in a language tag (`zh*` is Chinese, else English).
pub fn reading_minutes(chars: usize, lang: &str) -> (u32, u32) {
    let (cpm, variance) = if lang.to_ascii_lowercase().starts_with("zh") {
        ZH_CPM
    } else {
        EN_CPM
    };
    let c = chars as f32;
    let fast = (c / (cpm + variance)).ceil().max(1.0) as u32;
    let slow = (c / (cpm - variance)).ceil().max(1.0) as u32;
    (fast, slow)
}

/// Shows an ISO 8601 date or date-time as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`;
/// anything else is shown as given.
pub fn display_date(raw: &str) -> String {
    let raw = raw.trim();
    let b = raw.as_bytes();
    let is_date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[8..10].iter().all(u8::is_ascii_digit);
    if !is_date {
        return raw.to_owned();
    }
    let date = &raw[..10];
    let time = raw.get(11..16).filter(|t| {
        let t = t.as_bytes();
        t[2] == b':' && t[..2].iter().chain(&t[3..]).all(u8::is_ascii_digit)
    });
    match time {
        Some(t) if t != "00:00" => format!("{date} {t}"),
        _ => date.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_step_doubles_the_default() {
        assert!(SCALES[SCALES.len() - 1] >= 2.0 * SCALES[DEFAULT_STEP]);
        assert!(SCALES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(clamp_step(99), 4);
        assert_eq!(clamp_step(-3), 0);
    }

    #[test]
    fn reading_time_uses_firefox_speeds() {
        // 2,840 Chinese characters: 2840/284 = 10 fast, 2840/226 = 12.6 → 13 slow.
        assert_eq!(reading_minutes(2840, "zh-CN"), (10, 13));
        assert_eq!(reading_minutes(10, "en"), (1, 1));
    }

    #[test]
    fn dates_display_compactly() {
        assert_eq!(display_date("2024-02-22"), "2024-02-22");
        assert_eq!(
            display_date("2024-02-22T08:30:00+08:00"),
            "2024-02-22 08:30"
        );
        assert_eq!(display_date("2024-02-22T00:00:00Z"), "2024-02-22");
        assert_eq!(display_date("昨天"), "昨天");
    }
}

/// Reads a `font-size` attribute: a step number (0–4) or a step name in
/// English or Chinese.
pub fn parse_step(raw: &str) -> Option<usize> {
    let raw = raw.trim().to_ascii_lowercase();
    if let Ok(n) = raw.parse::<i64>() {
        return Some(clamp_step(n));
    }
    let names: [&[&str]; SCALES.len()] = [
        &["small", "小"],
        &["medium", "中", "default"],
        &["large", "大"],
        &["x-large", "extra-large", "特大"],
        &["xx-large", "huge", "超大"],
    ];
    names.iter().position(|n| n.contains(&raw.as_str()))
}

#[cfg(test)]
mod step_tests {
    use super::*;

    #[test]
    fn parses_step_names() {
        assert_eq!(parse_step("特大"), Some(3));
        assert_eq!(parse_step(" Large "), Some(2));
        assert_eq!(parse_step("7"), Some(4));
        assert_eq!(parse_step("enormous"), None);
    }
}
