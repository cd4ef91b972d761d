//! `kartoteka serve`: the site built into memory, served over HTTP on the loopback address,
//! rebuilt when a file changes and reloaded in open browser tabs.
//!
//! The parts: [`live`] keeps the last good site and re-runs the pipeline for what changed
//! ([`affected`] says which pages a change touches, [`second`] renders all but the changed
//! items' own pages on a thread of its own); [`store`] holds the files being served
//! and the browsers listening for reloads; [`http`] answers requests from the store;
//! [`watch`] turns file events into changes. Nothing here writes to the site folder.

pub mod affected;
#[cfg(unix)]
mod gate;
pub mod http;
pub mod live;
pub mod second;
pub mod store;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostics::Diagnostic;
use crate::model::Date;
use live::{Live, Outcome, Patch};
use second::{Second, Sink};
use store::Store;

/// Prints a line on standard error, ignoring a closed terminal (serving goes on).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// How to serve a site.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site folder.
    pub root: PathBuf,
    /// The address to listen on (the loopback address unless asked otherwise).
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The build date.
    pub date: Date,
}

/// Why serving stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be listened on.
    #[error("cannot listen on {addr}: {message}")]
    Listen {
        /// The address.
        addr: SocketAddr,
        /// Why.
        message: String,
    },
    /// The site folder could not be watched.
    #[error("cannot watch {path} for changes: {source}")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: notify::Error,
    },
}

/// Builds the site, serves it and rebuilds on every change until the process is stopped.
///
/// Prints the address (`serving … at http://127.0.0.1:1111/`) once the site can be fetched,
/// and every rebuild or content error after that, on standard error.
pub fn run(options: &Options) -> Result<(), ServeError> {
    let started = Instant::now();
    let store = Arc::new(Store::default());
    let sink = Arc::new(Served(Arc::clone(&store)));
    let (mut live, outcome) = Live::start(&options.root, options.date, sink);
    report(&store, &outcome, started);
    let addr = SocketAddr::new(options.bind, options.port);
    let server = http::Server::bind(addr, Arc::clone(&store)).map_err(|e| ServeError::Listen {
        addr,
        message: e.to_string(),
    })?;
    let mut changes = watch::watch(&options.root).map_err(|source| ServeError::Watch {
        path: options.root.clone(),
        source,
    })?;
    say!(
        "serving {} at http://{}/ (Ctrl+C to stop)",
        options.root.display(),
        server.addr()
    );
    while let Some(batch) = changes.next_batch() {
        let started = Instant::now();
        let outcome = live.update(&batch);
        report(&store, &outcome, started);
    }
    Ok(())
}

/// Tells the terminal and the browsers how a (re)build went.
fn report(store: &Store, outcome: &Outcome, started: Instant) {
    match outcome {
        Outcome::Built {
            pages,
            whole,
            published,
        } => {
            let ms = published.duration_since(started).as_secs_f64() * 1000.0;
            if *whole {
                say!("built {pages} pages in {ms:.0} ms");
            } else {
                say!("rebuilt the {pages} changed pages in {ms:.0} ms; the rest follows");
            }
            store.set_errors(Vec::new());
        }
        Outcome::Unchanged => {}
        Outcome::Failed(diagnostics) => {
            let errors: Vec<Diagnostic> = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect();
            print_errors(&errors, diagnostics.len() - errors.len());
            say!("still serving the last good site; fix the errors above and save");
            store.set_errors(errors);
        }
    }
}

/// The store as a [`Sink`]: second steps publish to it and report on the terminal.
struct Served(Arc<Store>);

impl Sink for Served {
    fn publish(&self, patch: Patch) {
        self.0.apply(patch);
    }

    fn finished(&self, second: Second) {
        match second {
            Second::Published { pages, took } => say!(
                "rebuilt {pages} pages that show the change, search, open data, sitemap and feeds in {:.0} ms",
                took.as_secs_f64() * 1000.0
            ),
            // The newer change's second step follows.
            Second::Dropped => {}
            Second::Failed(diagnostic) => {
                print_errors(std::slice::from_ref(&diagnostic), 0);
                say!("the next save rebuilds everything");
                self.0.set_errors(vec![diagnostic]);
            }
        }
    }
}

/// Prints errors as `check` does (grouped by file), then the counts; warnings are only
/// counted (`kartoteka check` lists them).
fn print_errors(errors: &[Diagnostic], warnings: usize) {
    let rich = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut previous: Option<&str> = None;
    for d in errors {
        if previous.is_some_and(|p| p != d.path) {
            say!();
        }
        previous = Some(&d.path);
        say!("{}", if rich { d.to_annotated() } else { d.to_plain() });
    }
    say!(
        "\n{} errors, {warnings} warnings (`kartoteka check` lists the warnings)",
        errors.len()
    );
}
