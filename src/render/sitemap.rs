//! `sitemap.xml` with language alternates, and `robots.txt` pointing to it: the context of
//! the theme's `sitemap.xml`, `sitemap-index.xml` and `robots.txt` templates.
//!
//! A sitemap file may list at most 50,000 URLs (sitemaps.org). A site with more (a national
//! directory lists 100,000 services in two languages) gets a sitemap index at
//! `/sitemap.xml` that points to parts `/sitemap-1.xml`, `/sitemap-2.xml`, …, each made,
//! written and dropped in turn, so that the sitemap never holds the whole site's URLs.

use serde::Serialize;
use tera::{Context, Tera};

use super::{RenderError, failed};
use crate::model::{Date, Lang, Site};
use crate::output::{OutputFile, Sink};
use crate::render::pages::PageKind;
use crate::urls;

/// The most URLs one sitemap file may list (sitemaps.org).
const MOST_URLS: usize = 50_000;

/// How many URLs each part of a split sitemap lists: well below [`MOST_URLS`], so that
/// making one holds about 20 MB of template context rather than 100.
const PART_URLS: usize = 10_000;

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

/// One part of a split sitemap, as the sitemap index lists it.
#[derive(Debug, Serialize)]
struct Part {
    /// The part's absolute URL.
    url: String,
    /// The latest date a page in it was checked, if any was.
    lastmod: Option<Date>,
}

/// The sitemap of every page in every language but "not found", each with its
/// `xhtml:link` alternates and, for listings, the date it was last checked (template
/// `sitemap.xml`), handed to `sink`: one file, or an index (template `sitemap-index.xml`)
/// and its parts when the site has more than 50,000 URLs.
pub fn sitemap(
    site: &Site,
    kinds: &[PageKind<'_>],
    tera: &Tera,
    sink: &dyn Sink,
) -> Result<(), RenderError> {
    split_at(site, kinds, tera, sink, MOST_URLS, PART_URLS)
}

/// [`sitemap`], split when it has more than `most` URLs into parts of `per_part`.
fn split_at(
    site: &Site,
    kinds: &[PageKind<'_>],
    tera: &Tera,
    sink: &dyn Sink,
    most: usize,
    per_part: usize,
) -> Result<(), RenderError> {
    let listed: Vec<PageKind<'_>> = kinds.iter().filter(|k| k.in_sitemap()).copied().collect();
    if listed.len() * Lang::ALL.len() <= most {
        return sink
            .put(urlset(site, &listed, tera, urls::sitemap())?)
            .map_err(Into::into);
    }
    let mut parts = Vec::new();
    for (i, chunk) in listed
        .chunks((per_part / Lang::ALL.len()).max(1))
        .enumerate()
    {
        let url = urls::sitemap_part(i + 1);
        sink.put(urlset(site, chunk, tera, url.clone())?)?;
        parts.push(Part {
            url: urls::absolute(&site.config.base_url, &url),
            lastmod: chunk.iter().filter_map(PageKind::verified).max(),
        });
    }
    let mut context = Context::new();
    context.insert("base_url", &site.config.base_url);
    context.insert("sitemaps", &parts);
    let url = urls::sitemap();
    let bytes = render(tera, "sitemap-index.xml", &context, &url)?;
    sink.put(OutputFile {
        path: urls::output_file(&url),
        bytes,
    })
    .map_err(Into::into)
}

/// The sitemap file at `url` listing `kinds` in every language.
fn urlset(
    site: &Site,
    kinds: &[PageKind<'_>],
    tera: &Tera,
    url: String,
) -> Result<OutputFile, RenderError> {
    let base = &site.config.base_url;
    let mut pages = Vec::with_capacity(kinds.len() * Lang::ALL.len());
    for kind in kinds {
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
    drop(pages);
    let bytes = render(tera, "sitemap.xml", &context, &url)?;
    Ok(OutputFile {
        path: urls::output_file(&url),
        bytes,
    })
}

/// `template` rendered with `context`, as the bytes of the file at `url`.
fn render(
    tera: &Tera,
    template: &str,
    context: &Context,
    url: &str,
) -> Result<Vec<u8>, RenderError> {
    let mut bytes = Vec::new();
    tera.render_to(template, context, &mut bytes)
        .map_err(failed(url))?;
    Ok(bytes)
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::output::Collect;
    use crate::render::Renderer;

    /// The `<loc>`s of an XML file, in order.
    fn locs(xml: &[u8]) -> Vec<String> {
        String::from_utf8_lossy(xml)
            .split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split("</loc>").next())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_sitemap_with_too_many_urls_becomes_an_index_of_parts_that_list_them_all_once() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
        let date = Date::new(2026, 11, 25).expect("a date");
        let site = crate::check(&root, date).into_site().expect("a clean site");
        let renderer = Renderer::new(&site).expect("the theme compiles");
        let tera = &renderer.languages[0].xml;
        let kinds = PageKind::all(&site);
        let files = |most, per_part| {
            let sink = Collect::default();
            split_at(&site, &kinds, tera, &sink, most, per_part).expect("renders");
            sink.into_files().expect("one file per path")
        };
        let whole = files(MOST_URLS, PART_URLS);
        assert_eq!(whole.len(), 1, "a small site has one sitemap");
        let every = locs(&whole[0].bytes);
        assert!(every.len() > 12, "{every:?}");

        let split = files(10, 4);
        let index = split
            .iter()
            .find(|f| f.path == "sitemap.xml")
            .expect("an index");
        let index_xml = String::from_utf8_lossy(&index.bytes);
        assert!(
            index_xml
                .contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        );
        let parts = locs(&index.bytes);
        assert_eq!(parts.len(), every.len().div_ceil(4));
        assert_eq!(parts[0], "https://uslugi.test.bg/sitemap-1.xml");
        let mut listed = Vec::new();
        for (n, url) in parts.iter().enumerate() {
            let path = format!("sitemap-{}.xml", n + 1);
            assert!(url.ends_with(&path));
            let part = split
                .iter()
                .find(|f| f.path == path)
                .expect("each part is written");
            let in_part = locs(&part.bytes);
            assert!(
                !in_part.is_empty() && in_part.len() <= 4,
                "{path}: {in_part:?}"
            );
            listed.extend(in_part);
        }
        assert_eq!(
            listed, every,
            "the parts list every URL once, in the sitemap's order"
        );
        assert_eq!(split.len(), parts.len() + 1);
        let unique: BTreeSet<&String> = listed.iter().collect();
        assert_eq!(unique.len(), listed.len());
    }
}
