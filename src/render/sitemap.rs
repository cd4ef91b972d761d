//! `sitemap.xml` with language alternates, and `robots.txt` pointing to it.

use std::fmt::Write;

use crate::escape::xml as escape;
use crate::model::{Lang, Site};
use crate::output::OutputFile;
use crate::render::pages::PageKind;
use crate::urls;

/// The sitemap: every page in every language, each with its `xhtml:link` alternates and,
/// for listings, the date it was last checked.
pub fn sitemap(site: &Site, kinds: &[PageKind<'_>]) -> OutputFile {
    let base = &site.config.base_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for kind in kinds.iter().filter(|k| k.in_sitemap()) {
        for lang in Lang::ALL {
            let loc = urls::absolute(base, &kind.url(lang));
            let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", escape(&loc));
            if let Some(date) = kind.verified() {
                let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
            }
            for alt in Lang::ALL {
                let href = urls::absolute(base, &kind.url(alt));
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    alt.code(),
                    escape(&href)
                );
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: urls::output_file(&urls::sitemap()),
        bytes: xml.into_bytes(),
    }
}

/// `robots.txt`: everything may be crawled; here is the sitemap.
pub fn robots(site: &Site) -> OutputFile {
    let sitemap = urls::absolute(&site.config.base_url, &urls::sitemap());
    OutputFile {
        path: urls::output_file(&urls::robots()),
        bytes: format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n").into_bytes(),
    }
}
