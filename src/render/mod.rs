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
    let theme = Theme::for_site(&site.root, site.config.theme.as_deref())?;
    let templates = env::templates(&theme).map_err(|e| RenderError::Templates(causes(&e)))?;
    let assets = Assets {
        stylesheet: urls::asset("style.css"),
        search_script: theme
            .statics
            .contains_key("search.js")
            .then(|| urls::asset("search.js")),
        open_data: crate::opendata::export(site, date),
    };
    let languages: Vec<(Lang, Arc<Strings>, tera::Tera)> = Lang::ALL
        .iter()
        .map(|&lang| {
            let sources = theme.strings.get(&lang).map(String::as_str);
            let site_source = site.messages.source(lang);
            let strings = Arc::new(Strings::new(lang, sources.into_iter().chain(site_source)));
            let tera = env::for_language(&templates, Arc::clone(&strings));
            (lang, strings, tera)
        })
        .collect();

    let kinds = PageKind::all(site);
    let jobs: Vec<(PageKind<'_>, usize)> = kinds
        .iter()
        .flat_map(|k| (0..languages.len()).map(move |i| (*k, i)))
        .collect();
    let mut files: Vec<OutputFile> = jobs
        .par_iter()
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
                pages::render(*kind, &ctx, tera, &assets).map_err(|e| RenderError::Page {
                    url: url.clone(),
                    message: causes(&e),
                })?;
            progress();
            Ok(OutputFile {
                path: urls::output_file(&url),
                bytes: html.into_bytes(),
            })
        })
        .collect::<Result<_, RenderError>>()?;

    let mut pages = BTreeMap::new();
    for (_, i) in &jobs {
        *pages.entry(languages[*i].0).or_insert(0) += 1;
    }
    for (path, bytes) in &theme.statics {
        files.push(OutputFile {
            path: urls::output_file(&urls::asset(path)),
            bytes: bytes.clone(),
        });
    }
    let indexes: Vec<Vec<(String, Vec<u8>)>> = Lang::ALL
        .par_iter()
        .map(|lang| crate::search::build_index(site, *lang).files())
        .collect();
    files.extend(
        indexes
            .into_iter()
            .flatten()
            .map(|(path, bytes)| OutputFile { path, bytes }),
    );
    files.extend(assets.open_data.iter().map(|(path, bytes)| OutputFile {
        path: path.clone(),
        bytes: bytes.clone(),
    }));
    files.push(sitemap::sitemap(site, &kinds));
    files.push(sitemap::robots(site));
    for (lang, strings, _) in &languages {
        let ctx = Ctx {
            site,
            lang: *lang,
            strings,
            date,
        };
        files.push(feed::feed(&ctx));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(pair) = files.windows(2).find(|w| w[0].path == w[1].path) {
        return Err(RenderError::Collision(pair[0].path.clone()));
    }
    Ok(Rendered { files, pages })
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
