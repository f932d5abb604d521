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
