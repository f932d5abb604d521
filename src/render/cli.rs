//! `article-reader render`: one article as a server-rendered element or
//! page, for a portal's template pipeline or a static site.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{render_fragment, render_page, RenderOptions};

/// Arguments of `article-reader render`.
#[derive(Args, Debug, Clone)]
#[command(group(clap::ArgGroup::new("kind").args(["page", "fragment"])))]
pub struct RenderArgs {
    /// The document: a file in any accepted format (native JSON, JSON-LD,
    /// JSON Feed…), or `-` for standard input.
    pub input: PathBuf,
    /// Write here instead of standard output (replaced only when rendering
    /// succeeded: no partial file).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// A complete standalone page, like dist/index.html.
    #[arg(long)]
    pub page: bool,
    /// The `<article-reader>` element to paste into a page (the default).
    #[arg(long)]
    pub fragment: bool,
    /// UI language: zh-CN or en (default: the article's, else zh-CN).
    #[arg(long)]
    pub lang: Option<String>,
    /// Colour theme: auto, light, dark or sepia.
    #[arg(long)]
    pub theme: Option<String>,
    /// Text size: a step 0-4 or a name (small, medium, large…).
    #[arg(long = "font-size")]
    pub font_size: Option<String>,
    /// URL prefix of the shipped files (article-reader.css, the scripts).
    #[arg(long, default_value = "")]
    pub base: String,
}

fn read_input(path: &Path) -> io::Result<String> {
    if path == Path::new("-") {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        fs::read_to_string(path)
    }
}

/// Writes `text` to `path` through a temporary file beside it, renamed over
/// it at the end: a reader of `path` sees the old file or the new one.
fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = fs::write(&tmp, text).and_then(|_| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Runs `article-reader render`; errors go to standard error with a
/// non-zero exit, and nothing is written.
pub fn render_command(args: RenderArgs) -> ExitCode {
    let input = args.input.display().to_string();
    let fail = |what: String| {
        eprintln!("article-reader render: {what}");
        ExitCode::FAILURE
    };
    let text = match read_input(&args.input) {
        Ok(t) => t,
        Err(e) => return fail(format!("{input}: {e}")),
    };
    let opts = RenderOptions {
        lang: args.lang,
        theme: args.theme,
        font_size: args.font_size,
        base: args.base,
    };
    let rendered = if args.page {
        render_page(&text, &opts)
    } else {
        render_fragment(&text, &opts)
    };
    let html = match rendered {
        Ok(html) => html,
        Err(e) => return fail(format!("{input}: {e}")),
    };
    let written = match &args.out {
        Some(path) => write_atomically(path, &html).map_err(|e| format!("{}: {e}", path.display())),
        None => io::stdout()
            .write_all(html.as_bytes())
            .map_err(|e| format!("standard output: {e}")),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}
