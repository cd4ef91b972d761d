//! The build: the one place that runs the output stages over a checked [`Site`].
//!
//! Pages ([`crate::render`]) ∥ search index ([`crate::search`]) ∥ open data
//! ([`crate::opendata`]) ∥ brochures ([`crate::print`]) → a [`Sink`]: the staging folder of
//! `build` ([`Staging`], swapped in only when everything succeeded), or memory ([`Collect`])
//! for `serve` and the tests, or only their paths ([`Paths`]) for `check` ([`dry_run`], so that
//! `check` finds whatever would stop `build`). `serve`'s quick rebuilds call the parts below ([`open_data`],
//! [`search`], [`Renderer::indexes`]) instead of writing the sequence again.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Date, Lang, Site};
use crate::output::{Collect, OutputFile, Paths, Sink, Staging, TargetError, WriteError, target};
use crate::render::pages::{Assets, PageKind};
use crate::render::{RenderError, Renderer};
use crate::{links, opendata, print};

/// What a build wrote.
#[derive(Debug)]
pub struct Built {
    /// HTML pages per language.
    pub pages: BTreeMap<Lang, usize>,
    /// Every file written (pages, assets, sitemap, feeds).
    pub files: usize,
    /// The brochures: how many were typeset and how many came from the cache.
    pub print: print::PrintStats,
}

/// Choices of a build beyond the site itself.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Leave the PDF brochures out (`--no-pdf`): pages still link to them.
    pub no_pdf: bool,
    /// A folder that keeps typeset brochures between builds, keyed by their inputs.
    pub pdf_cache: Option<PathBuf>,
}

/// Why a checked site could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Rendering failed (theme, template).
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Writing failed; the previous output folder is as it was.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A brochure could not be typeset.
    #[error(transparent)]
    Print(#[from] print::PrintError),
    /// The brochure template does not parse (also when the brochures are left out: `check`
    /// refuses such a site, so the build does too).
    #[error("{path}:{line}:{column}: the brochure template does not parse: {message}")]
    BrochureTemplate {
        /// The template's file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What typst says.
        message: String,
    },
    /// The output folder may not be replaced.
    #[error(transparent)]
    Target(#[from] TargetError),
    /// Links or images of the content lead to no file of the site.
    #[error("{} links or images lead nowhere:\n{}", .0.len(), plain(.0))]
    Links(Vec<Diagnostic>),
}

fn plain(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(Diagnostic::to_plain).collect();
    lines.join("\n")
}

/// Renders a checked site as of `date` and writes it to the folder `output`, replacing that
/// folder only when everything succeeded. `progress` is called once per page rendered.
///
/// `output` may be a new or empty folder or a previous build (which leaves the file
/// [`target::MARKER`]); never the site, a folder that holds it, or one among its sources.
pub fn build(
    site: &Site,
    output: &Path,
    date: Date,
    progress: &(dyn Fn() + Sync),
    options: &BuildOptions,
) -> Result<Built, BuildError> {
    if let Some(e) = print::typeset::template_syntax_error(&site.theme) {
        return Err(BuildError::BrochureTemplate {
            path: e.path,
            line: e.line,
            column: e.column,
            message: e.message,
        });
    }
    target::check_target(&site.root, output)?;
    let staging = Staging::new(output)?;
    staging.put(target::MARKER, target::MARKER_TEXT.as_bytes())?;
    let renderer = Renderer::new(site)?;
    let (written, printed) = rayon::join(
        || write_site(&renderer, site, date, progress, &staging),
        || match options.no_pdf {
            true => Ok(print::Printed {
                pdfs: Vec::new(),
                stats: print::PrintStats::default(),
            }),
            false => print::brochures(site, date, options.pdf_cache.as_deref()),
        },
    );
    let (pages, _) = written?;
    let printed = printed?;
    for pdf in printed.pdfs {
        staging.put(&pdf.planned.path, &pdf.bytes)?;
    }
    let dead = links::check_links(site, &with_brochures(site, staging.paths()));
    if !dead.is_empty() {
        return Err(BuildError::Links(dead));
    }
    let files = staging.count();
    staging.commit()?;
    Ok(Built {
        pages,
        files,
        print: printed.stats,
    })
}

/// The paths of every file a build of `site` as of `date` writes, relative to the output
/// folder (`uslugi/x/index.html`, `assets/style.css`, `broshuri/x.pdf`): the same stages as
/// [`build`], their files counted and thrown away, and the brochures' paths from their plan
/// without typesetting them.
pub fn dry_run(site: &Site, date: Date) -> Result<BTreeSet<String>, RenderError> {
    let renderer = Renderer::new(site)?;
    let paths = Paths::default();
    write_site(&renderer, site, date, &|| {}, &paths)?;
    Ok(with_brochures(site, paths.into_paths()?))
}

/// `paths` and the brochures' paths: pages link to every planned brochure, also when a
/// build leaves them out (`--no-pdf`).
fn with_brochures(site: &Site, mut paths: BTreeSet<String>) -> BTreeSet<String> {
    paths.extend(print::plan(site).into_iter().map(|p| p.path));
    paths
}

/// What would stop a build of a checked site, as diagnostics: a theme that does not render
/// ([`dry_run`]), and links or images of the content that lead to no file of the site
/// ([`links::check_links`]). `check` runs this after validation.
pub fn check_outputs(site: &Site, date: Date) -> Vec<Diagnostic> {
    match dry_run(site, date) {
        Ok(paths) => links::check_links(site, &paths),
        Err(e) => vec![render_diagnostic(site, &e)],
    }
}

/// A render error as a diagnostic: a template that does not compile at its file, line and
/// column; anything else on the file it most likely comes from.
pub(crate) fn render_diagnostic(site: &Site, error: &RenderError) -> Diagnostic {
    let theme = site.config.theme.as_deref().unwrap_or("default");
    let (path, help) = match error {
        RenderError::Template(e) => {
            let source_line = e
                .template
                .as_ref()
                .and_then(|name| site.theme.templates.get(name))
                .and_then(|text| text.lines().nth(e.line.saturating_sub(1)))
                .map(str::to_string);
            return Diagnostic {
                path: e.path.clone(),
                line: e.line,
                column: e.column,
                severity: Severity::Error,
                message: format!("the template does not compile: {}", e.message),
                help: Some("fix the template, or delete the site's copy to use the built-in one; Tera's syntax: https://keats.github.io/tera/docs/".into()),
                source_line,
            };
        }
        RenderError::Write(_) => (
            "content".to_string(),
            "two items would be published at one address: rename one of them".to_string(),
        ),
        RenderError::Page { .. } => (
            format!("themes/{theme}/templates"),
            format!(
                "correct the template named above in themes/{theme}/templates/, or delete it to use the built-in one"
            ),
        ),
    };
    Diagnostic::whole_file(
        &path,
        Severity::Error,
        format!("the site cannot be rendered: {error}"),
    )
    .with_help(help)
}

/// Every file of a build but the brochures, in memory.
#[derive(Debug)]
pub struct Rendered {
    /// The files, sorted by path.
    pub files: Vec<OutputFile>,
    /// How many HTML pages each language has.
    pub pages: BTreeMap<Lang, usize>,
}

/// How many HTML pages a build makes (for a progress bar).
pub fn page_count(site: &Site) -> usize {
    PageKind::all(site).len() * Lang::ALL.len()
}

/// Renders the whole site as of `date` into memory, without the brochures; `progress` is
/// called once per page.
pub fn render_site(
    site: &Site,
    date: Date,
    progress: &(dyn Fn() + Sync),
) -> Result<Rendered, RenderError> {
    let renderer = Renderer::new(site)?;
    let collect = Collect::default();
    let (pages, _) = write_site(&renderer, site, date, progress, &collect)?;
    Ok(Rendered {
        files: collect.into_files()?,
        pages,
    })
}

/// Writes every file of the site but the brochures as of `date` with a renderer made
/// beforehand, handing each file to `sink` as soon as it is made; `progress` is called once
/// per page. Returns how many pages each language has, and the assets the pages were
/// rendered with (`serve` keeps them).
pub fn write_site(
    renderer: &Renderer,
    site: &Site,
    date: Date,
    progress: &(dyn Fn() + Sync),
    sink: &dyn Sink,
) -> Result<(BTreeMap<Lang, usize>, Assets), RenderError> {
    let kinds = PageKind::all(site);
    // The open data page lists the export's files and sizes: every other page is rendered
    // while the export is made, that page after it. The whole-site stages (the export and
    // the search index, each one language at a time) run one after the other on one thread
    // while the pages take the other threads, so that no two of them hold their tables at
    // once (a national directory's memory); the thread that finishes first renders pages.
    let (later, now): (Vec<PageKind<'_>>, Vec<PageKind<'_>>) =
        kinds.iter().partition(|k| matches!(k, PageKind::OpenData));
    let theme_assets = renderer.theme_assets();
    let (pages, whole_site) = rayon::join(
        || renderer.pages_into(site, date, &theme_assets, &now, progress, sink),
        || {
            let exported = open_data(site, date, sink)?;
            for file in renderer.statics() {
                sink.put(file)?;
            }
            search(site, sink)?;
            renderer.indexes(site, date, &kinds, sink)?;
            Ok::<_, RenderError>(exported)
        },
    );
    pages?;
    let assets = Assets {
        open_data: whole_site?,
        ..theme_assets
    };
    renderer.pages_into(site, date, &assets, &later, progress, sink)?;
    let pages = Lang::ALL.iter().map(|lang| (*lang, kinds.len())).collect();
    Ok((pages, assets))
}

/// The open data export of every language, one language at a time (the export is the one
/// costly part: it holds every listing), handed to `sink`; returns each file's path and size,
/// sorted, for the open data page.
pub fn open_data(
    site: &Site,
    date: Date,
    sink: &dyn Sink,
) -> Result<Vec<(String, usize)>, WriteError> {
    let mut files = Vec::new();
    for lang in Lang::ALL {
        opendata::write_language(site, date, lang, &mut |path, contents| {
            let size = sink.put_with(path.clone(), contents)?;
            files.push((path, size));
            Ok::<(), WriteError>(())
        })?;
    }
    files.sort();
    Ok(files)
}

/// The search index of every language, one language after the other (the pages keep the
/// other threads busy meanwhile, and one index at a time keeps memory down), handed to
/// `sink`.
pub fn search(site: &Site, sink: &dyn Sink) -> Result<(), WriteError> {
    Lang::ALL.iter().try_for_each(|lang| {
        let index = crate::search::build_index(site, *lang);
        for (path, bytes) in index.into_files() {
            sink.put(OutputFile { path, bytes })?;
        }
        Ok(())
    })
}
