//! `sitemap.xml` with language alternates, and `robots.txt` pointing to it: the context of
//! the theme's `sitemap.xml` and `robots.txt` templates.

use serde::Serialize;
use tera::{Context, Tera};

use crate::model::{Date, Lang, Site};
use crate::output::OutputFile;
use crate::render::pages::PageKind;
use crate::urls;

/// One page in one language, as the sitemap lists it.
#[derive(Debug, Serialize)]
struct Entry {
    /// The page's absolute URL.
    url: String,
    /// For listings, the date a person last checked it.
    lastmod: Option<Date>,
    /// The page in every language, this one included.
    alternates: Vec<Alternate>,
}

/// The page in one language.
#[derive(Debug, Serialize)]
struct Alternate {
    lang: Lang,
    url: String,
}

/// The sitemap: every page in every language, each with its `xhtml:link` alternates and,
/// for listings, the date it was last checked (template `sitemap.xml`).
pub fn sitemap(site: &Site, kinds: &[PageKind<'_>], tera: &Tera) -> tera::Result<OutputFile> {
    let base = &site.config.base_url;
    let mut pages = Vec::new();
    for kind in kinds.iter().filter(|k| k.in_sitemap()) {
        for lang in Lang::ALL {
            pages.push(Entry {
                url: urls::absolute(base, &kind.url(lang)),
                lastmod: kind.verified(),
                alternates: Lang::ALL
                    .into_iter()
                    .map(|alt| Alternate {
                        lang: alt,
                        url: urls::absolute(base, &kind.url(alt)),
                    })
                    .collect(),
            });
        }
    }
    let mut context = Context::new();
    context.insert("base_url", base);
    context.insert("pages", &pages);
    Ok(OutputFile {
        path: urls::output_file(&urls::sitemap()),
        bytes: tera.render("sitemap.xml", &context)?.into_bytes(),
    })
}

/// `robots.txt` (template `robots.txt`): by default, everything may be crawled; here is the
/// sitemap.
pub fn robots(site: &Site, tera: &Tera) -> tera::Result<OutputFile> {
    let base = &site.config.base_url;
    let mut context = Context::new();
    context.insert("base_url", base);
    context.insert("sitemap", &urls::absolute(base, &urls::sitemap()));
    Ok(OutputFile {
        path: urls::output_file(&urls::robots()),
        bytes: tera.render("robots.txt", &context)?.into_bytes(),
    })
}
