//! Turns `src/settings.json` (the facts Rust, JS and CSS share) into Rust
//! constants, so none of them is written twice. The JS bundles the same
//! file, and `scripts/bundle.mjs` derives the CSS from it.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

fn main() {
    println!("cargo:rerun-if-changed=src/settings.json");
    let text = std::fs::read_to_string("src/settings.json").expect("src/settings.json");
    let s: Value = serde_json::from_str(&text).expect("src/settings.json is JSON");
    let size = &s["textSize"];
    let scales: Vec<f64> = size["scales"]
        .as_array()
        .expect("textSize.scales")
        .iter()
        .map(|v| v.as_f64().expect("a scale is a number"))
        .collect();
    let default_step = size["defaultStep"].as_u64().expect("textSize.defaultStep");
    assert!(
        (default_step as usize) < scales.len(),
        "defaultStep out of range"
    );
    let themes: Vec<&str> = s["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .map(|v| v.as_str().expect("a theme is a string"))
        .collect();

    let mut out = String::new();
    let scale_list: Vec<String> = scales.iter().map(|f| format!("{f:?}")).collect();
    writeln!(
        out,
        "/// Text size steps as multiples of the default size.\npub const SCALES: [f64; {}] = [{}];",
        scales.len(),
        scale_list.join(", ")
    )
    .unwrap();
    let step_classes: Vec<String> = (0..scales.len()).map(|i| format!("ar-step-{i}")).collect();
    writeln!(
        out,
        "/// The class of each step (the stylesheet's rules for it are generated too).\npub const STEP_CLASSES: [&str; {}] = {:?};",
        scales.len(),
        step_classes
    )
    .unwrap();
    writeln!(
        out,
        "/// The default step.\npub const DEFAULT_STEP: usize = {default_step};"
    )
    .unwrap();
    writeln!(
        out,
        "/// The site-wide localStorage key of the text size step.\npub const STEP_KEY: &str = {:?};",
        size["storageKey"].as_str().expect("textSize.storageKey")
    )
    .unwrap();
    writeln!(
        out,
        "/// Theme names, as attributes and options spell them; the first is the default.\npub const THEMES: [&str; {}] = {:?};",
        themes.len(),
        themes
    )
    .unwrap();
    let theme_classes: Vec<String> = themes.iter().map(|t| format!("ar-theme-{t}")).collect();
    writeln!(
        out,
        "/// The class that selects each theme's colours in the stylesheet.\npub const THEME_CLASSES: [&str; {}] = {:?};",
        themes.len(),
        theme_classes
    )
    .unwrap();
    display_consts(&s["display"], &mut out);
    let speech = &s["speech"];
    let rates: Vec<f64> = speech["rates"]
        .as_array()
        .expect("speech.rates")
        .iter()
        .map(|r| r.as_f64().expect("speech.rates: numbers"))
        .collect();
    writeln!(
        out,
        "/// 朗读: the speaking rates offered.\npub const SPEECH_RATES: [f64; {}] = {:?};\n/// The rate before the reader chooses one.\npub const SPEECH_DEFAULT_STEP: usize = {};\n/// The site-wide localStorage key of the chosen rate's step.\npub const SPEECH_RATE_KEY: &str = {:?};",
        rates.len(),
        rates,
        speech["defaultStep"].as_u64().expect("speech.defaultStep"),
        speech["storageKey"].as_str().expect("speech.storageKey")
    )
    .unwrap();
    out.push_str("/// Mount option names (the JS API's spelling).\npub mod option {\n");
    for (name, _) in s["options"].as_object().expect("options") {
        if name.starts_with("//") {
            continue;
        }
        writeln!(
            out,
            "    /// Option `{name}`.\n    pub const {}: &str = {name:?};",
            screaming(name)
        )
        .unwrap();
    }
    out.push_str("}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("settings.rs");
    std::fs::write(dest, out).unwrap();
}

/// The display panel's facts: storage keys, line spacing steps, typefaces.
fn display_consts(d: &Value, out: &mut String) {
    let strs = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("a list")
            .iter()
            .map(|x| x.as_str().expect("a string").to_owned())
            .collect()
    };
    let key = |name: &str| d[name].as_str().expect("a storage key").to_owned();
    let spacing = &d["lineSpacing"];
    let names = strs(&spacing["names"]);
    let heights = spacing["heights"].as_array().expect("lineSpacing.heights");
    assert_eq!(
        names.len(),
        heights.len(),
        "one line height per spacing name"
    );
    let default = spacing["defaultStep"]
        .as_u64()
        .expect("lineSpacing.defaultStep");
    assert!(
        (default as usize) < names.len(),
        "lineSpacing.defaultStep out of range"
    );
    let faces = strs(&d["typefaces"]);
    writeln!(
        out,
        "/// The site-wide localStorage key of the chosen theme (its name).\npub const THEME_KEY: &str = {:?};",
        key("themeKey")
    )
    .unwrap();
    writeln!(
        out,
        "/// Line spacing step names, as attributes and storage spell them.\npub const SPACINGS: [&str; {}] = {names:?};",
        names.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// The default line spacing step.\npub const DEFAULT_SPACING: usize = {default};"
    )
    .unwrap();
    writeln!(
        out,
        "/// The site-wide localStorage key of the line spacing (its name).\npub const SPACING_KEY: &str = {:?};",
        spacing["storageKey"].as_str().expect("lineSpacing.storageKey")
    )
    .unwrap();
    writeln!(
        out,
        "/// Typeface names (system fonts); the first is the default.\npub const TYPEFACES: [&str; {}] = {faces:?};",
        faces.len()
    )
    .unwrap();
    writeln!(
        out,
        "/// The site-wide localStorage key of the typeface (its name).\npub const TYPEFACE_KEY: &str = {:?};",
        key("typefaceKey")
    )
    .unwrap();
    let classes = |prefix: &str, names: &[String]| -> Vec<String> {
        names.iter().map(|n| format!("{prefix}{n}")).collect()
    };
    writeln!(
        out,
        "/// The class of each line spacing step in the stylesheet.\npub const SPACING_CLASSES: [&str; {}] = {:?};\n/// The class of each typeface in the stylesheet.\npub const FACE_CLASSES: [&str; {}] = {:?};",
        names.len(),
        classes("ar-spacing-", &names),
        faces.len(),
        classes("ar-face-", &faces)
    )
    .unwrap();
}

/// `maxBytes` → `MAX_BYTES`.
fn screaming(camel: &str) -> String {
    let mut s = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            s.push('_');
        }
        s.push(c.to_ascii_uppercase());
    }
    s
}
