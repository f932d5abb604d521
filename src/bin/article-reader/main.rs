//! `article-reader`, the native command line.
//!
//! - `render`: an article as a server-rendered `<article-reader>` element
//!   or a standalone page (see `article_reader::render`).

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::process::ExitCode;

    use article_reader::render::cli::{render_command, RenderArgs};
    use clap::{Parser, Subcommand};

    #[derive(Parser)]
    #[command(name = "article-reader", version, about = "Article reader tools")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Render an article as HTML that reads before any script runs.
        Render(RenderArgs),
    }

    /// Parses the command line and runs the subcommand.
    pub fn main() -> ExitCode {
        match Cli::parse().command {
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
