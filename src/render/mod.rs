//! Rendering: the typed site → the files of the website, in every language (contract §4).
//!
//! Takes a [`Site`] and a build date and hands every output file to a [`Sink`] as soon as it
//! is made (the build runs it beside the other output stages). Pages are rendered in
//! parallel with rayon. The files do not depend on the order they are made in. The files for
//! machines that list the whole site (sitemap, robots.txt, feeds) are made here too.

pub mod env;
pub mod jsonld;
pub mod markdown;
pub mod pages;
pub mod view;

pub mod feed;
pub mod sitemap;

use std::sync::Arc;

use rayon::prelude::*;

use crate::model::strings::Strings;
use crate::model::theme::Theme;
use crate::model::{Date, Lang, Site};
use crate::output::{Collect, OutputFile, Sink, WriteError};
use crate::urls;
pub use env::TemplateError;
use pages::{Assets, PageKind};
use view::{Ctx, SiteIndex};

/// The icon browsers ask for at the site's root.
const FAVICON: &str = "favicon.ico";

/// Why the site could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template does not compile.
    #[error(transparent)]
    Template(#[from] TemplateError),
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

/// A site's theme made ready: templates compiled for every language, so that pages can be
/// rendered all at once (by the build) or a few at a time (`serve`).
///
/// It takes the theme and the strings from the [`Site`]; a change to either (or to
/// `config.toml`'s theme) needs a new `Renderer`, a change to content does not.
pub struct Renderer {
    theme: Theme,
    languages: Vec<Language>,
}

/// The templates compiled for one language.
struct Language {
    lang: Lang,
    strings: Arc<Strings>,
    /// For pages: HTML escaping.
    pages: tera::Tera,
    /// For the `.xml` files (sitemap, feed): XML escaping.
    xml: tera::Tera,
}

impl Renderer {
    /// Reads the site's theme and compiles its templates for every language.
    pub fn new(site: &Site) -> Result<Renderer, RenderError> {
        let theme = site.theme.clone();
        let templates = env::templates(&theme)?;
        let languages = site
            .strings
            .iter()
            .map(|(&lang, strings)| {
                let pages = env::for_language(&templates, Arc::clone(strings));
                let xml = env::for_xml(&pages);
                Language {
                    lang,
                    strings: Arc::clone(strings),
                    pages,
                    xml,
                }
            })
            .collect();
        Ok(Renderer { theme, languages })
    }

    /// What pages link to from the theme: its stylesheet, search script and icons (the open
    /// data export's files are added by the build, for the open data page).
    pub fn theme_assets(&self) -> Assets {
        let asset = |name: &str| {
            self.theme
                .statics
                .contains_key(name)
                .then(|| urls::asset(name))
        };
        Assets {
            stylesheet: urls::asset("style.css"),
            search_script: asset("search.js"),
            icon: asset("favicon.svg"),
            icon_ico: self
                .theme
                .statics
                .contains_key(FAVICON)
                .then(|| urls::home(Lang::DEFAULT) + FAVICON),
            open_data: Vec::new(),
        }
    }

    /// Renders `kinds` in every language, in parallel; `progress` is called once per page.
    /// The files come sorted by path.
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
        Ok(collect.into_files()?)
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
        let language = &self.languages[i];
        let ctx = Ctx {
            site,
            index,
            lang: language.lang,
            strings: &language.strings,
            date,
        };
        let url = kind.url(language.lang);
        let html = pages::render(kind, &ctx, &language.pages, assets).map_err(failed(&url))?;
        Ok(OutputFile {
            path: urls::output_file(&url),
            bytes: html,
        })
    }

    /// The theme's static files (stylesheet, scripts, fonts, images).
    ///
    /// `favicon.ico` is also written at the site's root, where browsers ask for it whatever a
    /// page says.
    pub fn statics(&self) -> Vec<OutputFile> {
        let mut files: Vec<OutputFile> = self
            .theme
            .statics
            .iter()
            .map(|(path, bytes)| OutputFile {
                path: urls::output_file(&urls::asset(path)),
                bytes: bytes.clone(),
            })
            .collect();
        if let Some(icon) = self.theme.statics.get(FAVICON) {
            files.push(OutputFile {
                path: FAVICON.to_string(),
                bytes: icon.clone(),
            });
        }
        files
    }

    /// The files that list the whole site, from the theme's templates, handed to `sink`:
    /// sitemap, robots.txt (both for every language: rendered in the first, the default one)
    /// and a feed per language.
    pub fn indexes(
        &self,
        site: &Site,
        date: Date,
        kinds: &[PageKind<'_>],
        sink: &dyn Sink,
    ) -> Result<(), RenderError> {
        if let Some(first) = self.languages.first() {
            sitemap::sitemap(site, kinds, &first.xml, sink)?;
            sink.put(sitemap::robots(site, &first.xml).map_err(failed(urls::robots()))?)?;
        }
        let index = SiteIndex::new(site);
        for language in &self.languages {
            let ctx = Ctx {
                site,
                index: &index,
                lang: language.lang,
                strings: &language.strings,
                date,
            };
            let url = urls::feed(language.lang);
            sink.put(feed::feed(&ctx, &language.xml).map_err(failed(url))?)?;
        }
        Ok(())
    }
}

/// For `map_err`: Tera's error in rendering the file at `url`, with each of its causes.
fn failed(url: impl Into<String>) -> impl FnOnce(tera::Error) -> RenderError {
    let url = url.into();
    move |e| RenderError::Page {
        url,
        message: causes(&e),
    }
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
