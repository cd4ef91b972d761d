//! The `kartoteka` command: parses arguments, calls the library, maps results to exit codes.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kartoteka::model::date::{DEFAULT_TIME_ZONE, TimeZoneError};
use kartoteka::{Checked, Date};

/// mimalloc in place of the system allocator: rendering, indexing and the open data export
/// make and drop many small allocations from every thread (see bench/README.md). Without the
/// `mimalloc` feature the system allocator stays, for heap profilers that follow malloc.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A static site generator for bilingual public service directories.
#[derive(Parser)]
#[command(name = "kartoteka", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a site: every error and warning with file:line:column, and a summary. Writes nothing.
    Check {
        /// The site folder (default: the current folder).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Judge `verified` dates as of this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// Start a new content file: content/KIND/ID.md and ID.en.md with every field in place.
    New {
        /// What to create.
        #[arg(value_enum)]
        kind: NewKind,
        /// The id: lowercase Latin letters, digits and `-` (it becomes the file name and URL).
        id: String,
        /// The site folder.
        #[arg(long, default_value = ".")]
        site: PathBuf,
    },
    /// Publish by `git push` to a bare repository on your own server (see docs/publishing.md).
    Publish {
        #[command(subcommand)]
        action: Publish,
    },
    /// Build the website of a site into a folder (default: SITE/public), replacing it only
    /// when the whole build succeeded.
    Build {
        /// The site folder (default: the current folder).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// Where to write the website (default: public/ in the site folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The build date (YYYY-MM-DD), e.g. for "in force" and `verified` checks; default:
        /// SOURCE_DATE_EPOCH, else today.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Leave out the PDF brochures (pages still link to them).
        #[arg(long)]
        no_pdf: bool,
        /// Where typeset brochures are kept between builds (default: SITE/.kartoteka-cache/pdf).
        #[arg(long)]
        pdf_cache: Option<PathBuf>,
        /// The address the site will be published at, in place of config.toml's `base_url`
        /// (for preview deployments).
        #[arg(long, value_parser = kartoteka::model::config::base_url)]
        base_url: Option<String>,
    },
    /// Build the site into memory and serve it at http://127.0.0.1:1111/, rebuilding and
    /// reloading open pages on every save; content errors show over the last good pages.
    Serve {
        /// The site folder (default: the current folder).
        #[arg(default_value = ".")]
        site: PathBuf,
        /// The port; 0 picks a free one.
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; only this computer can connect unless you give another.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The build date (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else today.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// Write a small working site to start from into DIR (which must be new or empty).
    Init {
        /// The folder to create.
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum Publish {
    /// Write pre-receive and post-receive hooks into a bare repository.
    Install {
        /// The bare git repository editors push to.
        #[arg(long)]
        repo: PathBuf,
        /// The live path the web server serves (a symlink to the current release).
        #[arg(long)]
        live: PathBuf,
        /// The branch that is published.
        #[arg(long, default_value = "main")]
        branch: String,
        /// How many releases to keep for rollback.
        #[arg(long, default_value_t = 5)]
        keep: usize,
        /// Replace hooks that kartoteka did not write.
        #[arg(long)]
        force: bool,
    },
    /// Point the live path back at the previous release (or at --to COMMIT), atomically.
    Rollback {
        /// The live path.
        #[arg(long)]
        live: PathBuf,
        /// A kept release's commit (or its first letters).
        #[arg(long)]
        to: Option<String>,
    },
    /// Exit with an error unless the site can be published: no content errors and a real
    /// `base_url` (not a placeholder such as example.org). CI runs it before deploying.
    Ready {
        /// The site folder.
        #[arg(default_value = ".")]
        site: PathBuf,
    },
    /// The pre-receive hook (run by git): refuses a push with content errors.
    #[command(hide = true)]
    PreReceive {
        #[arg(long)]
        repo: PathBuf,
        #[arg(long)]
        branch: String,
    },
    /// The post-receive hook (run by git): builds the pushed commit and makes it live.
    #[command(hide = true)]
    PostReceive {
        #[arg(long)]
        repo: PathBuf,
        #[arg(long)]
        live: PathBuf,
        #[arg(long)]
        branch: String,
        #[arg(long)]
        keep: usize,
    },
}

/// Content kinds `new` can create.
#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    /// content/services/
    Service,
    /// content/providers/
    Provider,
    /// content/partnerships/
    Partnership,
    /// content/pages/
    Page,
    /// content/brochures/
    Brochure,
}

impl NewKind {
    fn kind(self) -> kartoteka::model::Kind {
        use kartoteka::model::Kind;
        match self {
            NewKind::Service => Kind::Service,
            NewKind::Provider => Kind::Provider,
            NewKind::Partnership => Kind::Partnership,
            NewKind::Page => Kind::Page,
            NewKind::Brochure => Kind::Brochure,
        }
    }
}

/// Output formats for diagnostics.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// `path:line:column: error: message`, for people.
    Text,
    /// One JSON document, for CI annotations.
    Json,
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_iso(text).ok_or_else(|| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

/// The build date: `--date`, else SOURCE_DATE_EPOCH, else today where the site is.
fn build_date(given: Option<Date>) -> Result<Date, TimeZoneError> {
    let epoch = || {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map(Date::from_unix_seconds)
    };
    match given.or_else(epoch) {
        Some(date) => Ok(date),
        None => Date::today_in(DEFAULT_TIME_ZONE),
    }
}

fn main() -> ExitCode {
    run(Cli::parse().command).unwrap_or_else(fail)
}

/// Runs one command: its exit code, or the error that stopped it.
fn run(command: Command) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match command {
        Command::Check { site, format, date } => {
            let checked = kartoteka::check(&site, build_date(date)?);
            report(&checked, format);
            Ok(exit_code(&checked))
        }
        Command::New { kind, id, site } => {
            let vocabularies = kartoteka::validate::load_vocabularies(&site);
            let paths = kartoteka::scaffold::write_new(&site, kind.kind(), &id, &vocabularies)?;
            for path in paths {
                println!("wrote {}", path.display());
            }
            println!(
                "replace every „{}…“, then run: kartoteka check",
                kartoteka::model::PLACEHOLDER
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish { action } => {
            publish(action)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Build {
            site,
            output,
            date,
            no_pdf,
            pdf_cache,
            base_url,
        } => {
            let output = output.unwrap_or_else(|| site.join("public"));
            let options = kartoteka::BuildOptions {
                no_pdf,
                pdf_cache: Some(pdf_cache.unwrap_or_else(|| site.join(PDF_CACHE))),
            };
            Ok(build(&site, &output, build_date(date)?, &options, base_url))
        }
        Command::Serve {
            site,
            port,
            bind,
            date,
        } => {
            let options = kartoteka::serve::Options {
                root: site,
                bind,
                port,
                date: build_date(date)?,
            };
            kartoteka::serve::run(&options)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir } => {
            kartoteka::init::init(&dir)?;
            println!(
                "wrote a new site in {}; try: kartoteka check {}",
                dir.display(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints `error: …` for a failed command and gives the failure exit code.
fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::FAILURE
}

fn publish(action: Publish) -> Result<(), Box<dyn std::error::Error>> {
    use kartoteka::publish::{self as p, RefUpdate};
    let program = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("kartoteka"));
    match action {
        Publish::Install {
            repo,
            live,
            branch,
            keep,
            force,
        } => {
            let options = p::InstallOptions {
                repo,
                live,
                branch,
                keep,
                force,
                program,
            };
            for path in p::install(&options)? {
                println!("wrote {}", path.display());
            }
            Ok(())
        }
        Publish::Rollback { live, to } => {
            let commit = p::rollback(&live, to.as_deref())?;
            println!("{} now shows release {commit}", live.display());
            Ok(())
        }
        Publish::Ready { site } => {
            let checked = kartoteka::check(&site, build_date(None)?);
            let site = checked.into_site()?;
            p::ready(&site)?;
            println!("ready to publish at {}", site.config.base_url);
            Ok(())
        }
        Publish::PreReceive { repo, branch } => {
            let updates = RefUpdate::read_all(std::io::stdin().lock());
            Ok(p::pre_receive(&repo, &branch, &updates, build_date(None)?)?)
        }
        Publish::PostReceive {
            repo,
            live,
            branch,
            keep,
        } => {
            let updates = RefUpdate::read_all(std::io::stdin().lock());
            let target = p::Target {
                git_dir: repo,
                branch,
                live,
                keep,
                program,
            };
            Ok(p::post_receive(&target, &updates)?)
        }
    }
}

/// Where typeset brochures are kept between builds, inside the site folder.
const PDF_CACHE: &str = ".kartoteka-cache/pdf";

/// `build`: check, print errors like `check` does and stop, or render and write the site.
/// `base_url` replaces config.toml's (`--base-url`).
fn build(
    site: &std::path::Path,
    output: &std::path::Path,
    date: Date,
    options: &kartoteka::BuildOptions,
    base_url: Option<String>,
) -> ExitCode {
    let started = std::time::Instant::now();
    // On a terminal, a large site's minute of reading and checking shows that it is working;
    // in a log nothing is printed until the summary line.
    let reading = std::io::stderr().is_terminal().then(|| {
        let spinner = indicatif::ProgressBar::new_spinner();
        spinner.set_message("reading and checking the content");
        spinner.enable_steady_tick(std::time::Duration::from_millis(120));
        spinner
    });
    // The build follows the links itself, on the pages it renders: check the sources only.
    let checked = kartoteka::check_sources(site, date);
    if let Some(spinner) = reading {
        spinner.finish_and_clear();
    }
    let mut site = match checked.into_site() {
        Ok(site) => site,
        Err(failed) => {
            report(&failed.0, Format::Text);
            eprintln!("nothing was written; {} is as it was", output.display());
            return ExitCode::FAILURE;
        }
    };
    if let Some(url) = base_url {
        site.config.base_url = url;
    }
    let site = &site;
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(kartoteka::build::page_count(site) as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let tick = || {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let result = kartoteka::build(site, output, date, &tick, options);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(built) => {
            let total: usize = built.pages.values().sum();
            let per_lang: Vec<String> = built
                .pages
                .iter()
                .map(|(lang, n)| format!("{lang} {n}"))
                .collect();
            for warning in &built.print.warnings {
                eprintln!("warning: {warning}");
            }
            eprintln!(
                "built {total} pages ({}) and {} brochures ({} typeset, {} from cache) in {:.2} s",
                per_lang.join(", "),
                built.print.rendered + built.print.cached,
                built.print.rendered,
                built.print.cached,
                started.elapsed().as_secs_f64(),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let code = fail(e);
            eprintln!("nothing was written; {} is as it was", output.display());
            code
        }
    }
}

fn exit_code(checked: &Checked) -> ExitCode {
    if checked.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints diagnostics grouped by file (a blank line between files), then the summary line.
fn report(checked: &Checked, format: Format) {
    match format {
        Format::Json => {
            let (errors, warnings) = kartoteka::diagnostics::count(&checked.diagnostics);
            let doc = serde_json::json!({
                "diagnostics": checked.diagnostics,
                "errors": errors,
                "warnings": warnings,
                "summary": kartoteka::summary_line(checked),
            });
            println!("{doc:#}");
        }
        Format::Text => {
            let rich = std::io::stderr().is_terminal();
            let mut previous: Option<&str> = None;
            for d in &checked.diagnostics {
                if previous.is_some_and(|p| p != d.path) {
                    eprintln!();
                }
                previous = Some(&d.path);
                eprintln!("{}", if rich { d.to_annotated() } else { d.to_plain() });
            }
            if !checked.diagnostics.is_empty() {
                eprintln!();
            }
            eprintln!("{}", kartoteka::summary_line(checked));
        }
    }
}
