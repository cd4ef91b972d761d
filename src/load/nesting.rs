//! How deep a body's structure goes: block quotes, lists and raw HTML elements inside each other.
//!
//! The HTML sanitiser takes time quadratic in the nesting depth (40,000 `>` took 7.5 s to
//! build, 300,000 took over nine minutes), and no directory page needs more than a few levels.
//! So depth is capped as a content rule, found with one linear pass of the Markdown parser.

use pulldown_cmark::{Event, Options, Parser, Tag};

/// The deepest nesting of block quotes, lists and HTML elements a body may have.
pub const MAX_DEPTH: usize = 20;

/// HTML elements that have no end tag, so do not nest.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The byte offset in `markdown` of the first block quote, list or HTML element nested deeper
/// than [`MAX_DEPTH`], or `None`.
pub fn too_deep(markdown: &str) -> Option<usize> {
    let mut markdown_depth = 0usize;
    let mut html_depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, Options::all()).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => markdown_depth += 1,
            Event::End(end) if is_nesting_end(end) => {
                markdown_depth = markdown_depth.saturating_sub(1)
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for (at, change) in html_tags(&html) {
                    if change > 0 {
                        html_depth += 1;
                        if markdown_depth + html_depth > MAX_DEPTH {
                            return Some(range.start + at);
                        }
                    } else {
                        html_depth = html_depth.saturating_sub(1);
                    }
                }
                continue;
            }
            _ => continue,
        }
        if markdown_depth + html_depth > MAX_DEPTH {
            return Some(range.start);
        }
    }
    None
}

fn is_nesting_end(end: pulldown_cmark::TagEnd) -> bool {
    matches!(
        end,
        pulldown_cmark::TagEnd::BlockQuote(_) | pulldown_cmark::TagEnd::List(_)
    )
}

/// The start and end tags in a piece of raw HTML: each tag's offset and +1 (start tag of an
/// element that nests) or -1 (end tag). Self-closing and void elements count as neither.
fn html_tags(html: &str) -> impl Iterator<Item = (usize, i8)> + '_ {
    let bytes = html.as_bytes();
    html.match_indices('<').filter_map(move |(at, _)| {
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            return None;
        }
        if closing {
            return Some((at, -1));
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = html[at..].find('>').map_or(html.len(), |i| at + i);
        let self_closing = html[..tag_end].ends_with('/');
        (!self_closing && !VOID.contains(&name.as_str())).then_some((at, 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_bodies_are_not_too_deep() {
        let body =
            "> Цитат\n>\n> - точка\n>   - подточка\n\n<div><p>Текст<br>и <img src=x /></p></div>\n";
        assert_eq!(too_deep(body), None);
    }

    #[test]
    fn the_first_level_over_the_limit_is_found() {
        let quotes = ">".repeat(MAX_DEPTH) + " text\n";
        assert_eq!(too_deep(&quotes), None);
        let quotes = ">".repeat(MAX_DEPTH + 1) + " text\n";
        assert_eq!(too_deep(&quotes), Some(MAX_DEPTH));
        let lists: String = (0..=MAX_DEPTH)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        assert!(too_deep(&lists).is_some());
        let divs = "<div>".repeat(MAX_DEPTH + 1) + "\n";
        assert_eq!(too_deep(&divs), Some(5 * MAX_DEPTH));
        let inline = "text ".to_string() + &"<b>".repeat(MAX_DEPTH + 5);
        assert!(too_deep(&inline).is_some());
        let closed = "<span></span>".repeat(100);
        assert_eq!(too_deep(&closed), None);
    }
}
