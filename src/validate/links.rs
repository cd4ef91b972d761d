//! The links and images of a content file's Markdown body: every image needs alt text
//! (WCAG 1.1.1), and every target on the site itself is kept, with its place in the file, for
//! the link check that runs once the build's files are known (`crate::links`).
//!
//! Markdown links and images (inline, reference-style, autolinks) come from pulldown-cmark;
//! `href` and `src` of raw HTML (`<a>`, `<area>`, `<img>`) from a small attribute scan.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::load::ContentFile;
use crate::model::{ContentLink, LinkKind};

use super::fields::FileCtx;

/// The Markdown extensions the pages are rendered with that change where links are.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_FOOTNOTES);

/// One link or image found in a body.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Reference {
    /// Byte offset of its start (`[`, `!`, `<`) in the text scanned.
    at: usize,
    /// The target as written.
    target: String,
    /// Link or image.
    what: LinkKind,
    /// An image's alt text (`None` for links; for raw HTML, `None` also when there is none).
    alt: Option<String>,
    /// Written as raw HTML rather than Markdown (for the wording of the help).
    html: bool,
}

/// Reports every image of `file`'s body without alt text into `ctx`, and returns the body's
/// internal links and images.
pub(crate) fn scan(file: &ContentFile, ctx: &FileCtx<'_>) -> Vec<ContentLink> {
    let text = file.file.text.as_str();
    // The body starts on the line after the closing `+++`, which starts where the front
    // matter ends. The file's own text is scanned (not the normalised body) so that offsets
    // are the file's.
    let fence = file.front_matter.end.min(text.len());
    let start = text[fence..]
        .find('\n')
        .map_or(text.len(), |i| fence + i + 1);
    let mut links = Vec::new();
    for r in references(&text[start..]) {
        let at = start + r.at;
        if r.what == LinkKind::Image && r.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
            let help = if r.html {
                "describe what the image shows: <img src=\"…\" alt=\"Сградата на центъра\">; an image that only decorates is not content and belongs in the theme"
            } else {
                "describe what the image shows: ![Сградата на центъра](…); an image that only decorates is not content and belongs in the theme"
            };
            ctx.push(
                ctx.source
                    .error(at..at, "this image has no alt text")
                    .with_help(help),
            );
        }
        if is_internal(&r.target) {
            let (line, column) = ctx.source.line_column(at);
            links.push(ContentLink {
                target: r.target.trim().to_string(),
                what: r.what,
                kind: file.kind(),
                id: file.id().to_string(),
                lang: file.lang(),
                path: file.file.path.clone(),
                line,
                column,
                source_line: ctx.source.line_text(at).unwrap_or_default(),
            });
        }
    }
    links
}

/// Is `target` a place on the site itself: a path, absolute (`/x/`) or relative (`x.png`,
/// `../x/`)? Not an address with a scheme (`https:`, `mailto:`, `tel:`), not `//host/…`, not
/// a bare `#fragment` of the page itself, not empty.
pub(crate) fn is_internal(target: &str) -> bool {
    let target = target.trim();
    if target.is_empty() || target.starts_with('#') || target.starts_with("//") {
        return false;
    }
    let scheme = target
        .find([':', '/', '?', '#'])
        .filter(|&i| target.as_bytes()[i] == b':')
        .map(|i| &target[..i]);
    let has_scheme = scheme.is_some_and(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    !has_scheme
}

/// Every link and image of a Markdown text, in order.
fn references(body: &str) -> Vec<Reference> {
    let mut found = Vec::new();
    // Images being read: where each starts, its target, and its alt text so far.
    let mut images: Vec<(usize, String, String)> = Vec::new();
    let mut in_html_block = false;
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        match event {
            // Autolinks (`<https://…>`, `<a@b.bg>`) always have a scheme.
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if !matches!(link_type, LinkType::Autolink | LinkType::Email) => {
                found.push(Reference {
                    at: range.start,
                    target: dest_url.into_string(),
                    what: LinkKind::Link,
                    alt: None,
                    html: false,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                images.push((range.start, dest_url.into_string(), String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((at, target, alt)) = images.pop() {
                    if let Some(outer) = images.last_mut() {
                        outer.2.push_str(&alt);
                    }
                    found.push(Reference {
                        at,
                        target,
                        what: LinkKind::Image,
                        alt: Some(alt),
                        html: false,
                    });
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(image) = images.last_mut() {
                    image.2.push_str(&text);
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                in_html_block = true;
                html_references(&body[range.clone()], range.start, &mut found);
            }
            Event::End(TagEnd::HtmlBlock) => in_html_block = false,
            Event::InlineHtml(_) if !in_html_block && images.is_empty() => {
                html_references(&body[range.clone()], range.start, &mut found);
            }
            _ => {}
        }
    }
    found.sort_by_key(|r| r.at);
    found
}

/// The `href` of `<a>` and `<area>` and the `src` (with `alt`) of `<img>` in raw HTML, at
/// `offset` in the body; comments are skipped.
fn html_references(html: &str, offset: usize, out: &mut Vec<Reference>) {
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        let start = i + lt;
        if html[start..].starts_with("<!--") {
            i = html[start + 4..]
                .find("-->")
                .map_or(html.len(), |end| start + 4 + end + 3);
            continue;
        }
        let name_end = start
            + 1
            + html[start + 1..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(html.len() - start - 1);
        if name_end == start + 1 {
            i = start + 1;
            continue;
        }
        let name = html[start + 1..name_end].to_ascii_lowercase();
        let (attributes, end) = attributes(html, name_end);
        i = end;
        let get = |wanted: &str| {
            attributes
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
                .map(|(_, value)| value.clone().unwrap_or_default())
        };
        let (what, attribute) = match name.as_str() {
            "a" | "area" => (LinkKind::Link, "href"),
            "img" => (LinkKind::Image, "src"),
            _ => continue,
        };
        let target = get(attribute);
        if target.is_none() && what == LinkKind::Link {
            continue;
        }
        out.push(Reference {
            at: offset + start,
            target: target.unwrap_or_default(),
            what,
            alt: if what == LinkKind::Image {
                get("alt")
            } else {
                None
            },
            html: true,
        });
    }
}

/// The attributes of a tag whose name ends at `from`, as (name, value), and where the tag
/// ends (after its `>`, or at the end of the text). Values are unquoted and `&amp;` decoded.
#[allow(clippy::type_complexity)]
fn attributes(html: &str, from: usize) -> (Vec<(String, Option<String>)>, usize) {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut j = from;
    let skip_space = |j: &mut usize| {
        while *j < bytes.len() && (bytes[*j].is_ascii_whitespace() || bytes[*j] == b'/') {
            *j += 1;
        }
    };
    loop {
        skip_space(&mut j);
        if j >= bytes.len() {
            return (out, bytes.len());
        }
        if bytes[j] == b'>' {
            return (out, j + 1);
        }
        let name_start = j;
        while j < bytes.len() && !matches!(bytes[j], b'=' | b'>' | b'/') {
            if bytes[j].is_ascii_whitespace() {
                break;
            }
            j += 1;
        }
        let name = html[name_start..j].to_string();
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = None;
        if j < bytes.len() && bytes[j] == b'=' {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let (start, end, next) = match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = html[j + 1..]
                        .find(quote as char)
                        .map_or(html.len(), |e| j + 1 + e);
                    (j + 1, end, (end + 1).min(html.len()))
                }
                _ => {
                    let end = html[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |e| j + e);
                    (j, end, end)
                }
            };
            value = Some(html[start..end].replace("&amp;", "&"));
            j = next;
        }
        if name.is_empty() {
            // A stray `=`: step over it rather than loop.
            j += 1;
            continue;
        }
        out.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(body: &str) -> Vec<(usize, String, LinkKind, Option<String>)> {
        references(body)
            .into_iter()
            .map(|r| (r.at, r.target, r.what, r.alt))
            .collect()
    }

    #[test]
    fn markdown_links_images_and_references_with_their_offsets() {
        let body = "Виж [услугата](/uslugi/a/) и ![Сграда](/assets/a.png).\n\n\
                    [отпратка][r] <https://x.org>\n\n[r]: ../b/\n";
        let found = targets(body);
        assert_eq!(
            found,
            [
                (7, "/uslugi/a/".into(), LinkKind::Link, None),
                (
                    body.find('!').unwrap(),
                    "/assets/a.png".into(),
                    LinkKind::Image,
                    Some("Сграда".into())
                ),
                (
                    body.find("[отпратка]").unwrap(),
                    "../b/".into(),
                    LinkKind::Link,
                    None
                ),
            ]
        );
    }

    #[test]
    fn raw_html_in_blocks_and_inline() {
        let body = "<div>\n<img src=\"/a.png\">\n<!-- <a href=\"/no/\"> -->\n</div>\n\ntext <a class=x href='/b/'>b</a> <IMG SRC=/c.png alt=\"C\"/>\n";
        let found = targets(body);
        assert_eq!(
            found,
            [
                (
                    body.find("<img").unwrap(),
                    "/a.png".into(),
                    LinkKind::Image,
                    None
                ),
                (
                    body.find("<a class").unwrap(),
                    "/b/".into(),
                    LinkKind::Link,
                    None
                ),
                (
                    body.find("<IMG").unwrap(),
                    "/c.png".into(),
                    LinkKind::Image,
                    Some("C".into())
                ),
            ]
        );
    }

    #[test]
    fn broken_html_does_not_panic() {
        for body in [
            "<a href=",
            "<img src='x",
            "<a =x href=\"y\">",
            "<img\nsrc=x alt= >",
            "<",
            "<!--",
            "x <a href=\"é\"",
        ] {
            let _ = references(body);
        }
        assert_eq!(targets("<img src=x alt=\"\">")[0].3, Some(String::new()));
        assert_eq!(targets("a <img src=x> b")[0].3, None);
    }

    #[test]
    fn internal_targets_are_paths_without_a_scheme() {
        for target in ["/uslugi/a/", "snimka.png", "../a/", "./x?y#z", "x/a:b"] {
            assert!(is_internal(target), "{target}");
        }
        for target in [
            "https://x.org",
            "mailto:a@b.bg",
            "tel:+359",
            "#kontakti",
            "",
            "//cdn.org/x",
            "HTTP://X.ORG",
        ] {
            assert!(!is_internal(target), "{target}");
        }
    }
}
