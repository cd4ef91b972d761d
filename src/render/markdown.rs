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

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_SMART_PUNCTUATION)
    .union(Options::ENABLE_FOOTNOTES);

/// Renders Markdown to sanitised HTML.
/// Every heading goes one level down (`#` becomes `<h2>`): the page's title is its `<h1>`.
pub fn to_html(markdown: &str) -> String {
    shifted_html(markdown, 1)
}

/// Renders Markdown to sanitised HTML for a place right below a heading one level above
/// `top`: the body's highest heading becomes `top` and the others keep their distance to it,
/// so that the page's outline skips no level however the editor began (`#`, `##`, `###`).
pub fn to_html_at(markdown: &str, top: HeadingLevel) -> String {
    let highest = Parser::new_ext(markdown, OPTIONS)
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(level as i32),
            _ => None,
        })
        .min();
    shifted_html(markdown, highest.map_or(0, |highest| top as i32 - highest))
}

/// Sanitised HTML of `markdown` with every heading `shift` levels down (up when negative),
/// kept between `<h1>` and `<h6>`.
fn shifted_html(markdown: &str, shift: i32) -> String {
    let events = Parser::new_ext(markdown, OPTIONS).map(|event| shift_headings(event, shift));
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitize(&html)
}

/// Sanitises HTML from any source with the site's rules. A link whose address was unsafe
/// loses it and stays plain text (`<a>` without `href`, valid HTML), not a link with `rel`.
pub fn sanitize(html: &str) -> String {
    CLEANER
        .clean(html)
        .to_string()
        .replace("<a rel=\"noopener noreferrer\">", "<a>")
}

fn shift_headings(event: Event<'_>, shift: i32) -> Event<'_> {
    let moved = |level: HeadingLevel| {
        let n = (level as i32 + shift).clamp(1, 6);
        HeadingLevel::try_from(n as usize).unwrap_or(HeadingLevel::H6)
    };
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: moved(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(moved(level))),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_start_at_the_level_asked_for() {
        let html = to_html_at("### A\n\ntext\n\n#### B\n\n### C", HeadingLevel::H2);
        assert_eq!(html, "<h2>A</h2>\n<p>text</p>\n<h3>B</h3>\n<h2>C</h2>\n");
        let html = to_html_at("# A\n\n## B", HeadingLevel::H3);
        assert_eq!(html, "<h3>A</h3>\n<h4>B</h4>\n");
        assert_eq!(
            to_html_at("no headings", HeadingLevel::H2),
            "<p>no headings</p>\n"
        );
    }

    #[test]
    fn unsafe_links_become_plain_text() {
        let html = to_html("[click](javascript:alert(1)) and <a href=\"data:x\">raw</a>");
        assert_eq!(html, "<p><a>click</a> and <a>raw</a></p>\n");
    }

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
