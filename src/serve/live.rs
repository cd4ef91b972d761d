//! The last good site and its quick rebuilds: `serve` re-runs the pipeline for what changed.
//!
//! A change to one content item is checked on its own ([`crate::validate::recheck_item`])
//! and renders only the pages that show it ([`super::affected`]), in two steps: the item's
//! own pages first (what the editor is looking at), then every other page that shows it,
//! the search index, the open data export, the sitemap and the feeds — each a whole, since
//! each lists the whole site. Settings, vocabularies, strings, the theme, and files that
//! appear or disappear are checked and rendered whole. With errors nothing is rendered and
//! the last good files stay; the items changed meanwhile are rendered once all is clean.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::affected::{Affected, Change, PageKey, touched};
use crate::diagnostics::{self, Diagnostic, Severity};
use crate::load::Kind;
use crate::model::{Date, Lang, Site};
use crate::render::pages::{Assets, PageKind};
use crate::render::{self, OutputFile, RenderError, Renderer};
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
    /// The site was rendered (`whole`) or updated; `pages` HTML pages were rendered.
    Built {
        /// HTML pages rendered.
        pages: usize,
        /// Was everything rendered?
        whole: bool,
        /// For a quick rebuild: when the changed items' own pages were published.
        first: Option<Instant>,
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
}

/// The last site that checked and rendered without errors.
struct Good {
    site: Site,
    renderer: Renderer,
    assets: Assets,
    /// Paths of the files made from the whole site (search index, open data, sitemap, feeds).
    whole_site_files: BTreeSet<String>,
}

impl Live {
    /// Checks and renders the site at `root` as of `date`, and hands the files to `publish`.
    pub fn start(root: &Path, date: Date, publish: &mut dyn FnMut(Patch)) -> (Live, Outcome) {
        let mut live = Live {
            root: root.to_path_buf(),
            date,
            good: None,
            diagnostics: BTreeMap::new(),
            pending: BTreeSet::new(),
            shown: Affected::default(),
            whole: true,
        };
        let outcome = live.rebuild_whole(publish);
        (live, outcome)
    }

    /// The site as last rendered, if any rendering succeeded.
    pub fn site(&self) -> Option<&Site> {
        self.good.as_ref().map(|g| &g.site)
    }

    /// Takes in `changes` and hands what they change to `publish`: the changed items' own
    /// pages first, then the rest.
    pub fn update(&mut self, changes: &[Change], publish: &mut dyn FnMut(Patch)) -> Outcome {
        let Some(good) = self.good.as_mut().filter(|_| !self.whole) else {
            return self.rebuild_whole(publish);
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
            return self.rebuild_whole(publish);
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
        match self.render_pending(publish) {
            Ok((pages, first)) => Outcome::Built {
                pages,
                whole: false,
                first: Some(first),
            },
            Err(e) => {
                self.whole = true;
                Outcome::Failed(vec![render_diagnostic(&e)])
            }
        }
    }

    /// Renders the pages of the pending items, in two steps.
    fn render_pending(
        &mut self,
        publish: &mut dyn FnMut(Patch),
    ) -> Result<(usize, Instant), RenderError> {
        let Some(good) = self.good.as_mut() else {
            return Ok((0, Instant::now()));
        };
        let (site, date) = (&good.site, self.date);
        let mut affected = std::mem::take(&mut self.shown);
        touched(site, &self.pending, &mut affected);
        self.pending.clear();

        let (own, gone) = resolve(site, &affected.own);
        let first = good
            .renderer
            .pages(site, date, &good.assets, &own, &|| {})?;
        let mut pages = first.len();
        publish(Patch::Part {
            files: first,
            removed: gone,
        });
        let published = Instant::now();

        let open_data = render::Collect::default();
        let assets = good.renderer.assets_into(site, date, &open_data)?;
        let all = PageKind::all(site);
        let (others, gone) = if affected.all {
            (all.clone(), Vec::new())
        } else {
            let mut keys = affected.others;
            keys.insert(PageKey::OpenData);
            // The brochures page lists titles and service counts of brochures and providers.
            keys.insert(PageKey::Brochures);
            resolve(site, &keys)
        };
        let mut files = good.renderer.pages(site, date, &assets, &others, &|| {})?;
        pages += files.len();
        let whole_site =
            whole_site_files(&good.renderer, open_data.into_files()?, site, date, &all)?;
        let paths: BTreeSet<String> = whole_site.iter().map(|f| f.path.clone()).collect();
        let mut removed = gone;
        removed.extend(good.whole_site_files.difference(&paths).cloned());
        files.extend(whole_site);
        publish(Patch::Part { files, removed });
        good.assets = assets;
        good.whole_site_files = paths;
        Ok((pages, published))
    }

    /// Checks the whole site and, when it is clean, renders all of it.
    fn rebuild_whole(&mut self, publish: &mut dyn FnMut(Patch)) -> Outcome {
        let checked = crate::check(&self.root, self.date);
        self.diagnostics.clear();
        for d in checked.diagnostics {
            self.diagnostics.entry(d.path.clone()).or_default().push(d);
        }
        let Some(site) = checked.site else {
            return Outcome::Failed(self.all_diagnostics());
        };
        let rendered = Renderer::new(&site).and_then(|renderer| {
            let collect = render::Collect::default();
            let (pages, assets) =
                render::render_into(&renderer, &site, self.date, &|| {}, &collect)?;
            Ok((renderer, assets, pages, collect.into_files()?))
        });
        let (renderer, assets, pages, files) = match rendered {
            Ok(all) => all,
            Err(e) => return Outcome::Failed(vec![render_diagnostic(&e)]),
        };
        let whole_site_files = whole_site_paths(&files, &renderer, &site);
        let pages = pages.values().sum();
        publish(Patch::Whole(files));
        self.good = Some(Good {
            site,
            renderer,
            assets,
            whole_site_files,
        });
        self.whole = false;
        self.pending.clear();
        self.shown = Affected::default();
        Outcome::Built {
            pages,
            whole: true,
            first: None,
        }
    }

    fn all_diagnostics(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self.diagnostics.values().flatten().cloned().collect();
        diagnostics::sort(&mut all);
        all
    }
}

/// The pages of `keys` that `site` has, and the output paths of those it no longer has.
fn resolve<'a>(site: &'a Site, keys: &BTreeSet<PageKey>) -> (Vec<PageKind<'a>>, Vec<String>) {
    let mut found = Vec::new();
    let mut gone = Vec::new();
    for key in keys {
        match key.find(site) {
            Some(kind) => found.push(kind),
            None => gone.extend(
                Lang::ALL
                    .iter()
                    .map(|lang| render::urls::output_file(&key.url(*lang))),
            ),
        }
    }
    (found, gone)
}

/// The files made from the whole site: search index, open data, sitemap, robots.txt, feeds.
fn whole_site_files(
    renderer: &Renderer,
    open_data: Vec<OutputFile>,
    site: &Site,
    date: Date,
    all: &[PageKind<'_>],
) -> Result<Vec<OutputFile>, RenderError> {
    let mut files = render::search_files(site)?;
    files.extend(open_data);
    files.extend(renderer.indexes(site, date, all));
    Ok(files)
}

/// The paths among a whole build's `files` that are made from the whole site: neither a
/// page nor a theme file.
fn whole_site_paths(files: &[OutputFile], renderer: &Renderer, site: &Site) -> BTreeSet<String> {
    let mut other: BTreeSet<String> = renderer.statics().into_iter().map(|f| f.path).collect();
    for kind in PageKind::all(site) {
        for lang in Lang::ALL {
            other.insert(render::urls::output_file(&kind.url(lang)));
        }
    }
    files
        .iter()
        .filter(|f| !other.contains(&f.path))
        .map(|f| f.path.clone())
        .collect()
}

/// A rendering error (a theme's template) as a diagnostic for the terminal and the overlay.
fn render_diagnostic(error: &RenderError) -> Diagnostic {
    Diagnostic::whole_file("themes", Severity::Error, error.to_string())
}
