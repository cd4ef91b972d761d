//! Rendering: the typed site → the files of the website, in every language (contract §4).
//!
//! Takes a [`Site`] and a build date and hands every output file to a [`Sink`] as soon as it
//! is made: `build` writes them into a staging folder ([`crate::output::Staging`]), `serve`
//! and the tests keep them in memory ([`Collect`]). Pages are rendered in parallel with
//! rayon. The files do not depend on the order they are made in.

pub mod env;
pub mod jsonld;
pub mod markdown;
pub mod pages;
pub mod theme;
pub mod urls;
pub mod view;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::i18n::Strings;
use crate::model::{Date, Lang, Site};
use crate::opendata;
use crate::output::{Staging, WriteError, feed, sitemap};
use pages::{Assets, PageKind};
use theme::{Theme, ThemeError};
use view::{Ctx, SiteIndex};

/// One file of the built site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/` separators (`uslugi/x/index.html`).
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// Everything a build writes.
#[derive(Debug)]
pub struct Rendered {
    /// The files, sorted by path.
    pub files: Vec<OutputFile>,
    /// How many HTML pages each language has.
    pub pages: BTreeMap<Lang, usize>,
}

/// Why the site could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The site's theme could not be read.
    #[error(transparent)]
    Theme(#[from] ThemeError),
    /// A template does not compile.
    #[error("the theme's templates do not compile: {0}")]
    Templates(String),
    /// A file could not be handed on: written to disk, or a second file for one path.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A page failed to render.
    #[error("cannot render {url}: {message}")]
    Page {
        /// The page's URL.
        url: String,
        /// What went wrong, with its causes.
        message: String,
    },
}

/// How many HTML pages [`render_site`] makes (for a progress bar).
pub fn page_count(site: &Site) -> usize {
    PageKind::all(site).len() * Lang::ALL.len()
}

/// Where rendered files go, as they are made (from several threads at once).
pub trait Sink: Sync {
    /// Takes one file; an error stops the rendering.
    fn put(&self, file: OutputFile) -> Result<(), RenderError>;

    /// Takes one file written by `contents` (for large files, which a sink that writes to
    /// disk need not hold in memory); returns its size in bytes.
    fn put_with(
        &self,
        path: String,
        contents: opendata::Contents<'_>,
    ) -> Result<usize, RenderError> {
        let mut bytes = Vec::new();
        contents(&mut bytes).map_err(|e| WriteError::Io(path.clone().into(), e))?;
        let size = bytes.len();
        self.put(OutputFile { path, bytes })?;
        Ok(size)
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), RenderError> {
        Ok(Staging::put(self, &file.path, &file.bytes)?)
    }

    fn put_with(
        &self,
        path: String,
        contents: opendata::Contents<'_>,
    ) -> Result<usize, RenderError> {
        let size = Staging::put_with(self, &path, contents)?;
        Ok(usize::try_from(size).unwrap_or(usize::MAX))
    }
}

/// A [`Sink`] that keeps the files in memory.
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), RenderError> {
        // A panic elsewhere cannot leave a half-pushed Vec: take the list even if poisoned.
        let mut files = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.push(file);
        Ok(())
    }
}

impl Collect {
    /// The files, sorted by path; two files for one path are an error, as in a build.
    pub fn into_files(self) -> Result<Vec<OutputFile>, RenderError> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        if let Some(pair) = files.windows(2).find(|w| w[0].path == w[1].path) {
            return Err(WriteError::Twice(pair[0].path.clone()).into());
        }
        Ok(files)
    }
}

/// Renders the whole site as of `date` into memory; `progress` is called once per page.
pub fn render_site(
    site: &Site,
    date: Date,
    progress: &(dyn Fn() + Sync),
) -> Result<Rendered, RenderError> {
    let renderer = Renderer::new(site)?;
    let collect = Collect::default();
    let (pages, _) = render_into(&renderer, site, date, progress, &collect)?;
    Ok(Rendered {
        files: collect.into_files()?,
        pages,
    })
}

/// Renders the whole site as of `date` with a renderer made beforehand, handing each file to
/// `sink` as soon as it is made; `progress` is called once per page. Returns how many pages
/// each language has, and the assets the pages were rendered with (`serve` keeps them).
pub fn render_into(
    renderer: &Renderer,
    site: &Site,
    date: Date,
    progress: &(dyn Fn() + Sync),
    sink: &dyn Sink,
) -> Result<(BTreeMap<Lang, usize>, Assets), RenderError> {
    let kinds = PageKind::all(site);
    // The open data page lists the export's files and sizes: every other page is rendered
    // while the export is made (one language at a time, on one thread), that page after it.
    let (later, now): (Vec<PageKind<'_>>, Vec<PageKind<'_>>) =
        kinds.iter().partition(|k| matches!(k, PageKind::OpenData));
    let theme_assets = renderer.theme_assets();
    let (assets, rest) = rayon::join(
        || renderer.assets_into(site, date, sink),
        || {
            rayon::join(
                || renderer.pages_into(site, date, &theme_assets, &now, progress, sink),
                || {
                    for file in renderer.statics() {
                        sink.put(file)?;
                    }
                    search_into(site, sink)?;
                    for file in renderer.indexes(site, date, &kinds) {
                        sink.put(file)?;
                    }
                    Ok::<(), RenderError>(())
                },
            )
        },
    );
    let (pages, others) = rest;
    pages?;
    others?;
    let assets = assets?;
    renderer.pages_into(site, date, &assets, &later, progress, sink)?;
    let pages = renderer
        .languages
        .iter()
        .map(|(lang, _, _)| (*lang, kinds.len()))
        .collect();
    Ok((pages, assets))
}

/// A site's theme made ready: templates compiled and strings loaded for every language, so
/// that pages can be rendered all at once ([`render_site`]) or a few at a time (`serve`).
///
/// It reads the theme from disk and the site's Fluent files from the [`Site`]; a change to
/// either (or to `config.toml`'s theme) needs a new `Renderer`, a change to content does not.
pub struct Renderer {
    theme: Theme,
    languages: Vec<(Lang, Arc<Strings>, tera::Tera)>,
}

impl Renderer {
    /// Reads the site's theme and compiles its templates for every language.
    pub fn new(site: &Site) -> Result<Renderer, RenderError> {
        let theme = Theme::for_site(&site.root, site.config.theme.as_deref())?;
        let templates = env::templates(&theme).map_err(|e| RenderError::Templates(causes(&e)))?;
        let languages = Lang::ALL
            .iter()
            .map(|&lang| {
                let sources = theme.strings.get(&lang).map(String::as_str);
                let site_source = site.messages.source(lang);
                let strings = Arc::new(Strings::new(lang, sources.into_iter().chain(site_source)));
                let tera = env::for_language(&templates, Arc::clone(&strings));
                (lang, strings, tera)
            })
            .collect();
        Ok(Renderer { theme, languages })
    }

    /// What pages link to: the theme's stylesheet and search script, and the open data export,
    /// whose files go to `sink` one language at a time (the export is the one costly part: it
    /// holds every listing).
    pub fn assets_into(
        &self,
        site: &Site,
        date: Date,
        sink: &dyn Sink,
    ) -> Result<Assets, RenderError> {
        let mut open_data = Vec::new();
        for lang in Lang::ALL {
            opendata::write_language(site, date, lang, &mut |path, contents| {
                let size = sink.put_with(path.clone(), contents)?;
                open_data.push((path, size));
                Ok::<(), RenderError>(())
            })?;
        }
        open_data.sort();
        Ok(Assets {
            open_data,
            ..self.theme_assets()
        })
    }

    /// The theme's part of [`Renderer::assets_into`], without the open data export (enough for every
    /// page but the open data page).
    pub fn theme_assets(&self) -> Assets {
        Assets {
            stylesheet: urls::asset("style.css"),
            search_script: self
                .theme
                .statics
                .contains_key("search.js")
                .then(|| urls::asset("search.js")),
            open_data: Vec::new(),
        }
    }

    /// Renders `kinds` in every language, in parallel; `progress` is called once per page.
    /// The files come in no particular order.
    pub fn pages(
        &self,
        site: &Site,
        date: Date,
        assets: &Assets,
        kinds: &[PageKind<'_>],
        progress: &(dyn Fn() + Sync),
    ) -> Result<Vec<OutputFile>, RenderError> {
        let collect = Collect::default();
        self.pages_into(site, date, assets, kinds, progress, &collect)?;
        Ok(collect
            .0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Renders `kinds` in every language, in parallel, handing each page to `sink` as soon as
    /// it is made; `progress` is called once per page.
    pub fn pages_into(
        &self,
        site: &Site,
        date: Date,
        assets: &Assets,
        kinds: &[PageKind<'_>],
        progress: &(dyn Fn() + Sync),
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
        let languages = &self.languages;
        let index = SiteIndex::new(site);
        kinds
            .par_iter()
            .flat_map_iter(|k| (0..languages.len()).map(move |i| (*k, i)))
            .try_for_each(|(kind, i)| {
                sink.put(self.page(site, &index, date, assets, kind, i)?)?;
                progress();
                Ok(())
            })
    }

    /// One page of `kind` in the language at `languages[i]`.
    fn page(
        &self,
        site: &Site,
        index: &SiteIndex<'_>,
        date: Date,
        assets: &Assets,
        kind: PageKind<'_>,
        i: usize,
    ) -> Result<OutputFile, RenderError> {
        let (lang, strings, tera) = &self.languages[i];
        let ctx = Ctx {
            site,
            index,
            lang: *lang,
            strings,
            date,
        };
        let url = kind.url(*lang);
        let html = pages::render(kind, &ctx, tera, assets).map_err(|e| RenderError::Page {
            url: url.clone(),
            message: causes(&e),
        })?;
        Ok(OutputFile {
            path: urls::output_file(&url),
            bytes: html.into_bytes(),
        })
    }

    /// The theme's static files (stylesheet, scripts, fonts, images).
    pub fn statics(&self) -> Vec<OutputFile> {
        self.theme
            .statics
            .iter()
            .map(|(path, bytes)| OutputFile {
                path: urls::output_file(&urls::asset(path)),
                bytes: bytes.clone(),
            })
            .collect()
    }

    /// The files that list the whole site: sitemap, robots.txt and a feed per language.
    pub fn indexes(&self, site: &Site, date: Date, kinds: &[PageKind<'_>]) -> Vec<OutputFile> {
        let mut files = vec![sitemap::sitemap(site, kinds), sitemap::robots(site)];
        let index = SiteIndex::new(site);
        for (lang, strings, _) in &self.languages {
            let ctx = Ctx {
                site,
                index: &index,
                lang: *lang,
                strings,
                date,
            };
            files.push(feed::feed(&ctx));
        }
        files
    }
}

/// The search index of every language.
pub fn search_files(site: &Site) -> Result<Vec<OutputFile>, RenderError> {
    let collect = Collect::default();
    search_into(site, &collect)?;
    collect.into_files()
}

/// The search index of every language, one language after the other (the pages and the
/// open data keep the other threads busy meanwhile, and one index at a time keeps memory
/// down), handed to `sink`.
pub fn search_into(site: &Site, sink: &dyn Sink) -> Result<(), RenderError> {
    Lang::ALL.iter().try_for_each(|lang| {
        let index = crate::search::build_index(site, *lang);
        for (path, bytes) in index.into_files() {
            sink.put(OutputFile { path, bytes })?;
        }
        Ok(())
    })
}

/// An error with each of its causes, joined: Tera puts the useful part in the sources.
fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
