//! Rendering: the typed site → the files of the website, in every language (contract §4).
//!
//! Pure: takes a [`Site`] and a build date and returns every output file in memory, in a
//! fixed order; `output` writes them. Pages are rendered in parallel with rayon.

pub mod env;
pub mod jsonld;
pub mod markdown;
pub mod pages;
pub mod theme;
pub mod urls;
pub mod view;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::i18n::Strings;
use crate::model::{Date, Lang, Site};
use crate::output::{feed, sitemap};
use pages::{Assets, PageKind};
use theme::{Theme, ThemeError};
use view::Ctx;

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
    /// Two outputs would be written to the same file (e.g. a free page named like a section).
    #[error(
        "two pages would be written to {0}; rename the free page (content/pages/) whose id is a section name"
    )]
    Collision(String),
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

/// Renders the whole site as of `date`; `progress` is called once per page rendered.
pub fn render_site(
    site: &Site,
    date: Date,
    progress: &(dyn Fn() + Sync),
) -> Result<Rendered, RenderError> {
    let renderer = Renderer::new(site)?;
    let assets = renderer.assets(site, date);
    render_with(&renderer, &assets, site, date, progress)
}

/// [`render_site`] with a renderer and assets made beforehand (`serve` keeps them).
pub fn render_with(
    renderer: &Renderer,
    assets: &Assets,
    site: &Site,
    date: Date,
    progress: &(dyn Fn() + Sync),
) -> Result<Rendered, RenderError> {
    let kinds = PageKind::all(site);
    let mut files = renderer.pages(site, date, assets, &kinds, progress)?;
    let mut pages = BTreeMap::new();
    for (lang, _, _) in &renderer.languages {
        pages.insert(*lang, kinds.len());
    }
    files.extend(renderer.statics());
    files.extend(search_files(site));
    files.extend(open_data_files(assets));
    files.extend(renderer.indexes(site, date, &kinds));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(pair) = files.windows(2).find(|w| w[0].path == w[1].path) {
        return Err(RenderError::Collision(pair[0].path.clone()));
    }
    Ok(Rendered { files, pages })
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

    /// What pages link to: the theme's stylesheet and search script, and the open data export
    /// (the one costly part: it holds every listing).
    pub fn assets(&self, site: &Site, date: Date) -> Assets {
        Assets {
            open_data: crate::opendata::export(site, date),
            ..self.theme_assets()
        }
    }

    /// The theme's part of [`Renderer::assets`], without the open data export (enough for every
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
        let languages = &self.languages;
        let jobs: Vec<(PageKind<'_>, usize)> = kinds
            .iter()
            .flat_map(|k| (0..languages.len()).map(move |i| (*k, i)))
            .collect();
        jobs.par_iter()
            .map(|(kind, i)| {
                let (lang, strings, tera) = &languages[*i];
                let ctx = Ctx {
                    site,
                    lang: *lang,
                    strings,
                    date,
                };
                let url = kind.url(*lang);
                let html =
                    pages::render(*kind, &ctx, tera, assets).map_err(|e| RenderError::Page {
                        url: url.clone(),
                        message: causes(&e),
                    })?;
                progress();
                Ok(OutputFile {
                    path: urls::output_file(&url),
                    bytes: html.into_bytes(),
                })
            })
            .collect()
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
        for (lang, strings, _) in &self.languages {
            let ctx = Ctx {
                site,
                lang: *lang,
                strings,
                date,
            };
            files.push(feed::feed(&ctx));
        }
        files
    }
}

/// The search index of every language, built in parallel.
pub fn search_files(site: &Site) -> Vec<OutputFile> {
    let indexes: Vec<Vec<(String, Vec<u8>)>> = Lang::ALL
        .par_iter()
        .map(|lang| crate::search::build_index(site, *lang).files())
        .collect();
    indexes
        .into_iter()
        .flatten()
        .map(|(path, bytes)| OutputFile { path, bytes })
        .collect()
}

/// The open data export's files, from [`Renderer::assets`].
pub fn open_data_files(assets: &Assets) -> Vec<OutputFile> {
    assets
        .open_data
        .iter()
        .map(|(path, bytes)| OutputFile {
            path: path.clone(),
            bytes: bytes.clone(),
        })
        .collect()
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
