//! Markdown bodies → safe HTML: pulldown-cmark, then the ammonia sanitiser.
//!
//! Content is written by editors, but a page must never run what a file smuggles in: no
//! `<script>`, no event handlers, no `javascript:` or `data:` URLs survive. Tables, lists,
//! headings, links and images do. Headings are moved one level down, so that the page's
//! title stays its only `<h1>`.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The sanitiser, configured once.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer"))
        .add_tag_attributes("th", ["scope"])
        .add_tag_attributes("td", ["colspan", "rowspan"]);
    builder
});

/// Renders Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_FOOTNOTES;
    let events = Parser::new_ext(markdown, options).map(demote_headings);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitize(&html)
}

/// Sanitises HTML from any source with the site's rules.
pub fn sanitize(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

fn demote_headings(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
        other => other,
    }
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_html("Hello <script>alert(1)</script>\n\n<img src=x onerror=\"alert(1)\">");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert(1)</"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(html.contains("<img src=\"x\">"), "{html}");
    }

    #[test]
    fn dangerous_urls_are_removed() {
        let html = to_html(
            "[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) <a href=\"JaVaScRiPt:x\">c</a>",
        );
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        let ok = to_html(
            "[web](https://ruse.bg) [mail](mailto:a@b.bg) [tel](tel:+35982) [page](/uslugi/x/)",
        );
        for href in [
            "https://ruse.bg",
            "mailto:a@b.bg",
            "tel:+35982",
            "/uslugi/x/",
        ] {
            assert!(ok.contains(&format!("href=\"{href}\"")), "{href} in {ok}");
        }
    }

    #[test]
    fn tables_lists_headings_and_images_survive() {
        let html = to_html(
            "# Big\n\n## Small\n\n- a\n- b\n\n1. x\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Map](/map.png)\n",
        );
        for needle in [
            "<h2>Big</h2>",
            "<h3>Small</h3>",
            "<ul>",
            "<ol>",
            "<table>",
            "<td>1</td>",
            "<img src=\"/map.png\" alt=\"Map\">",
        ] {
            assert!(html.contains(needle), "{needle} in {html}");
        }
        assert!(!html.contains("<h1"));
    }
}
