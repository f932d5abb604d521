//! `article-reader`, the native command line of the reader.
//!
//! - `index`: builds or updates the static site-search index that
//!   `openIndex(url)` and `<article-reader index>` query.
//! - `search`: queries such an index on disk with the same engine.
//! - `render`: an article as a server-rendered `<article-reader>` element
//!   or a standalone page (see `article_reader::render`).

#[cfg(not(target_arch = "wasm32"))]
mod gz;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod search;
#[cfg(not(target_arch = "wasm32"))]
mod write;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::PathBuf;
    use std::process::ExitCode;

    use article_reader::render::cli::{render_command, RenderArgs};
    use clap::{Parser, Subcommand};

    #[derive(Parser)]
    #[command(name = "article-reader", version, about = "Tools for article-reader")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Build (or update) the static search index of a set of documents.
        ///
        /// INPUT: JSON Feeds, JSON files holding one article or an array of
        /// articles (native or schema.org), .jsonl files (one document a
        /// line), or directories searched recursively for those. Every
        /// document needs an id and a `url`; a `src` (a JSON document the
        /// reader can load) is optional. Bad documents are reported and
        /// skipped.
        Index(IndexArgs),
        /// Query an index written by `index`, with the engine the browser
        /// runs: prints how many documents match and the best hits (id,
        /// URL, title, snippet).
        Search(SearchArgs),
        /// Render an article as HTML that reads before any script runs.
        Render(RenderArgs),
    }

    /// Options of `article-reader index`.
    #[derive(clap::Args)]
    pub struct IndexArgs {
        /// Where to write the index (a new index replaces the manifest there).
        #[arg(long, default_value = "dist/search", conflicts_with = "update")]
        pub out: PathBuf,
        /// Simplified and traditional characters match each other.
        #[arg(long)]
        pub variants: bool,
        /// Stop at the first bad document (exit 1, nothing written).
        #[arg(long)]
        pub strict: bool,
        /// Update the index in DIR: add the inputs' documents, replacing
        /// those with the same id, and rewrite as few files as possible.
        #[arg(long, value_name = "DIR")]
        pub update: Option<PathBuf>,
        /// Delete the document with this id (with --update; repeatable).
        #[arg(long, value_name = "ID", requires = "update")]
        pub delete: Vec<String>,
        /// Then remove the segment directories that neither the new
        /// manifest nor the one it replaces names: the previous generation
        /// stays, as a CDN may still serve the old manifest for a while.
        #[arg(long)]
        pub prune: bool,
        /// Documents to index.
        #[arg(value_name = "INPUT")]
        pub inputs: Vec<PathBuf>,
    }

    /// Options of `article-reader search`.
    #[derive(clap::Args)]
    pub struct SearchArgs {
        /// The index directory (holding manifest.json).
        #[arg(value_name = "DIR")]
        pub dir: PathBuf,
        /// The query: space-separated terms must all match; "quoted
        /// phrases" match as they are. Several arguments are one query.
        #[arg(value_name = "QUERY", required = true)]
        pub query: Vec<String>,
        /// How many of the best hits to print.
        #[arg(long, default_value_t = 10)]
        pub limit: usize,
        /// Print every hit.
        #[arg(long, conflicts_with = "limit")]
        pub all: bool,
        /// JSON Lines: {"query", "total", "shown"}, then one object per hit
        /// (id, url, src, title, published, snippet).
        #[arg(long)]
        pub json: bool,
    }

    /// Parses the command line and runs the subcommand.
    pub fn main() -> ExitCode {
        match Cli::parse().command {
            Command::Index(args) => super::write::run(&args),
            Command::Search(args) => super::search::run(&args),
            Command::Render(args) => render_command(args),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command line is native; a wasm build of the package (Trunk's)
/// gets an empty binary.
#[cfg(target_arch = "wasm32")]
fn main() {}
