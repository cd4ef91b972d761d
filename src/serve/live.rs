//! The last good site and its quick rebuilds: `serve` re-runs the pipeline for what changed.
//!
//! A change to one content item is checked on its own ([`crate::validate::recheck_item`])
//! and renders only the pages that show it ([`super::affected`]), in two steps: the item's
//! own pages first (what the editor is looking at), published before [`Live::update`]
//! returns; then, on a thread of its own ([`super::second`]), every other page that shows
//! it, the search index, the open data export, the sitemap and the feeds — each a whole,
//! since each lists the whole site. Settings, vocabularies, strings, the theme, and files
//! that appear or disappear are checked and rendered whole. With errors nothing is rendered
//! and the last good files stay; the items changed meanwhile are rendered once all is clean.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::affected::{Affected, Change, resolve, touched};
use super::second::{Edit, Job, Owed, Sink, Worker};
use crate::build;
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::model::Kind;
use crate::model::{Date, Lang, Site};
use crate::output::{Collect, OutputFile};
use crate::render::pages::PageKind;
use crate::render::{RenderError, Renderer};
use crate::validate::{Recheck, recheck_item};

/// Files to put in place of the served ones.
#[derive(Debug)]
pub enum Patch {
    /// The whole site, replacing everything.
    Whole(Vec<OutputFile>),
    /// Some files new or changed, some gone (paths relative to the output root).
    Part {
        /// New or changed files.
        files: Vec<OutputFile>,
        /// Paths no longer in the site.
        removed: Vec<String>,
    },
}

/// How a (re)build went.
#[derive(Debug)]
pub enum Outcome {
    /// The site was rendered (`whole`) or its changed items' own pages were: `pages` HTML
    /// pages. After a quick rebuild the rest follows in a second step ([`super::second`]).
    Built {
        /// HTML pages rendered.
        pages: usize,
        /// Was everything rendered?
        whole: bool,
        /// When the files were published (the rest of a quick rebuild comes later).
        published: Instant,
    },
    /// Nothing that the site is made of changed.
    Unchanged,
    /// The content has errors: every diagnostic, sorted; the served files stay as they were.
    Failed(Vec<Diagnostic>),
}

/// A site being served: the last good [`Site`], what renders it, and the diagnostics of
/// every file as of the last change.
pub struct Live {
    root: PathBuf,
    date: Date,
    good: Option<Good>,
    diagnostics: BTreeMap<String, Vec<Diagnostic>>,
    /// Items changed since the site was last rendered.
    pending: BTreeSet<(Kind, String)>,
    /// Pages that showed those items in the site as it was rendered.
    shown: Affected,
    /// The next rebuild checks and renders everything.
    whole: bool,
    /// Where the files go.
    sink: Arc<dyn Sink>,
    /// Runs the second steps.
    second: Worker,
}

/// The last site that checked and rendered without errors.
struct Good {
    site: Site,
    renderer: Arc<Renderer>,
}

impl Live {
    /// Checks and renders the site at `root` as of `date`, and hands the files to `sink`.
    pub fn start(root: &Path, date: Date, sink: Arc<dyn Sink>) -> (Live, Outcome) {
        let mut live = Live {
            root: root.to_path_buf(),
            date,
            good: None,
            diagnostics: BTreeMap::new(),
            pending: BTreeSet::new(),
            shown: Affected::default(),
            whole: true,
            second: Worker::start(Arc::clone(&sink)),
            sink,
        };
        let outcome = live.rebuild_whole();
        (live, outcome)
    }

    /// The site as last rendered, if any rendering succeeded.
    pub fn site(&self) -> Option<&Site> {
        self.good.as_ref().map(|g| &g.site)
    }

    /// Takes in `changes` and hands what they change to the sink: the changed items' own
    /// pages before returning, the rest from the second step's thread.
    pub fn update(&mut self, changes: &[Change]) -> Outcome {
        if self.second.failed() {
            self.whole = true;
        }
        let Some(good) = self.good.as_mut().filter(|_| !self.whole) else {
            return self.rebuild_whole();
        };
        for change in changes {
            let Change::Item(kind, id) = change else {
                self.whole = true;
                break;
            };
            let item = BTreeSet::from([(*kind, id.clone())]);
            touched(&good.site, &item, &mut self.shown);
            match recheck_item(&mut good.site, *kind, id, self.date) {
                Recheck::WholeSite => {
                    self.whole = true;
                    break;
                }
                Recheck::Read { paths, diagnostics } => {
                    for path in paths {
                        self.diagnostics.remove(&path);
                    }
                    for d in diagnostics {
                        self.diagnostics.entry(d.path.clone()).or_default().push(d);
                    }
                }
            }
            self.pending.extend(item);
        }
        if self.whole {
            return self.rebuild_whole();
        }
        if self
            .diagnostics
            .values()
            .flatten()
            .any(Diagnostic::is_error)
        {
            return Outcome::Failed(self.all_diagnostics());
        }
        if self.pending.is_empty() {
            return Outcome::Unchanged;
        }
        match self.render_pending() {
            Ok((pages, published)) => Outcome::Built {
                pages,
                whole: false,
                published,
            },
            Err(e) => {
                self.whole = true;
                Outcome::Failed(vec![render_diagnostic(&e)])
            }
        }
    }

    /// Waits until the last change's second step is published (or dropped for a newer one).
    pub fn settle(&self) {
        self.second.settle();
    }

    /// Renders and publishes the own pages of the pending items, and queues the rest.
    fn render_pending(&mut self) -> Result<(usize, Instant), RenderError> {
        let Some(good) = self.good.as_mut() else {
            return Ok((0, Instant::now()));
        };
        let (site, date) = (&good.site, self.date);
        let mut affected = std::mem::take(&mut self.shown);
        touched(site, &self.pending, &mut affected);
        let edits = std::mem::take(&mut self.pending)
            .into_iter()
            .map(|(kind, id)| Edit::of(site, kind, &id))
            .collect();

        let (own, gone) = resolve(site, &affected.own);
        // An item's own pages do not list the open data files: the theme's part is enough.
        let assets = good.renderer.theme_assets();
        let files = good.renderer.pages(site, date, &assets, &own, &|| {})?;
        let pages = files.len();
        self.second.supersede();
        self.sink.publish(Patch::Part {
            files,
            removed: gone,
        });
        let published = Instant::now();
        let owed = Owed {
            pages: affected.others,
            all: affected.all,
        };
        let job = Job {
            edits,
            renderer: Arc::clone(&good.renderer),
            date,
            since: published,
        };
        self.second.queue(owed, job);
        Ok((pages, published))
    }

    /// Checks the whole site and, when it is clean, renders all of it.
    fn rebuild_whole(&mut self) -> Outcome {
        let checked = crate::check(&self.root, self.date);
        self.diagnostics.clear();
        for d in checked.diagnostics {
            self.diagnostics.entry(d.path.clone()).or_default().push(d);
        }
        let Some(site) = checked.site else {
            return Outcome::Failed(self.all_diagnostics());
        };
        let rendered = Renderer::new(&site).and_then(|renderer| {
            let collect = Collect::default();
            let (pages, _) = build::write_site(&renderer, &site, self.date, &|| {}, &collect)?;
            Ok((renderer, pages, collect.into_files()?))
        });
        let (renderer, pages, files) = match rendered {
            Ok(all) => all,
            Err(e) => return Outcome::Failed(vec![render_diagnostic(&e)]),
        };
        let pages = pages.values().sum();
        // The one copy of the whole site: later changes reach the second steps' copy item
        // by item.
        self.second
            .reset(site.clone(), whole_site_paths(&files, &renderer, &site));
        self.sink.publish(Patch::Whole(files));
        let published = Instant::now();
        self.good = Some(Good {
            site,
            renderer: Arc::new(renderer),
        });
        self.whole = false;
        self.pending.clear();
        self.shown = Affected::default();
        Outcome::Built {
            pages,
            whole: true,
            published,
        }
    }

    fn all_diagnostics(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self.diagnostics.values().flatten().cloned().collect();
        diagnostics::sort(&mut all);
        all
    }
}

/// The paths among a whole build's `files` that are made from the whole site: neither a
/// page nor a theme file.
fn whole_site_paths(files: &[OutputFile], renderer: &Renderer, site: &Site) -> BTreeSet<String> {
    let mut other: BTreeSet<String> = renderer.statics().into_iter().map(|f| f.path).collect();
    for kind in PageKind::all(site) {
        for lang in Lang::ALL {
            other.insert(crate::urls::output_file(&kind.url(lang)));
        }
    }
    files
        .iter()
        .filter(|f| !other.contains(&f.path))
        .map(|f| f.path.clone())
        .collect()
}

/// A rendering error (a theme's template) as a diagnostic for the terminal and the overlay.
pub(super) fn render_diagnostic(error: &RenderError) -> Diagnostic {
    Diagnostic::whole_file("themes", Severity::Error, error.to_string())
}
