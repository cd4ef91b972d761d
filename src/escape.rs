//! Escaping text for the formats the site is written in: HTML (pages, templates, `serve`'s
//! error overlay), XML (sitemap, feeds) and JSON inside a `<script>` element.
//!
//! Every escaper here copies the runs between the characters it replaces whole, instead of
//! pushing one character at a time: most text has nothing to escape, and escaping runs for
//! every value of every page of a build.

/// Escapes text for HTML text and quoted attribute values: `& < > " '`. Unlike Tera's own,
/// it leaves `/` alone, so that `href="/uslugi/x/"` reads as written.
pub fn html(text: &str) -> String {
    replace_ascii(text, text.len() / 8, |byte| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    })
}

/// Escapes text for XML text and attribute values: the same five characters as [`html`],
/// with XML's own name for the apostrophe (`&apos;`).
pub fn xml(text: &str) -> String {
    replace_ascii(text, text.len() / 8, |byte| match byte {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        _ => None,
    })
}

/// `text` with each ASCII byte that `replacement` gives a replacement for replaced by it
/// (`extra` is a guess of how many bytes the replacements add). Scanning bytes rather than
/// characters is what makes this the fast one; it is right only because an ASCII byte of UTF-8
/// is always a whole character, so `replacement` must return `None` for every byte ≥ 0x80.
fn replace_ascii(
    text: &str,
    extra: usize,
    replacement: impl Fn(u8) -> Option<&'static str>,
) -> String {
    let mut out = String::with_capacity(text.len() + extra);
    let mut copied = 0;
    for (i, byte) in text.bytes().enumerate() {
        if let Some(with) = replacement(byte) {
            out.push_str(&text[copied..i]);
            out.push_str(with);
            copied = i + 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// `text` with each character that `replacement` gives a replacement for replaced by it; the
/// runs between them are copied whole (`extra` is a guess of how many bytes the
/// replacements add). For replacements of non-ASCII characters; [`html`] and [`xml`] use the
/// faster byte scan.
pub fn replace_chars(
    text: &str,
    extra: usize,
    replacement: impl Fn(char) -> Option<&'static str>,
) -> String {
    let mut out = String::with_capacity(text.len() + extra);
    let mut copied = 0;
    for (i, c) in text.char_indices() {
        if let Some(with) = replacement(c) {
            out.push_str(&text[copied..i]);
            out.push_str(with);
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_the_five_characters_and_nothing_else() {
        assert_eq!(
            html("<a href=\"/x/\">Том & 'Джери'</a> – ѝ"),
            "&lt;a href=&quot;/x/&quot;&gt;Том &amp; &#39;Джери&#39;&lt;/a&gt; – ѝ"
        );
        assert_eq!(html(""), "");
        assert_eq!(html("&"), "&amp;");
        assert_eq!(html("без знаци"), "без знаци");
    }

    #[test]
    fn xml_names_the_apostrophe_its_own_way() {
        assert_eq!(xml("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(xml("'Джери'>"), "&apos;Джери&apos;&gt;");
        assert_eq!(xml("без знаци"), "без знаци");
    }

    #[test]
    fn replace_chars_replaces_characters_of_any_width() {
        let out = replace_chars("a\u{2028}б<", 0, |c| match c {
            '\u{2028}' => Some("\\u2028"),
            '<' => Some("\\u003c"),
            _ => None,
        });
        assert_eq!(out, "a\\u2028б\\u003c");
    }
}
