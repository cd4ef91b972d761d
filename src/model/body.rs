//! A Markdown body, kept deflated in memory.

use std::fmt;

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec;

/// How hard bodies are deflated: the fastest level keeps most of the gain (a Bulgarian body
/// to about a third of its UTF-8 size, where Cyrillic takes two bytes a letter) for a small
/// part of a build's time.
const LEVEL: u8 = 1;

/// The Markdown body of an item (a service's description, a page's text), deflated.
///
/// Bodies are most of a site's text (about 415 MB for 100,000 services in two languages) and
/// are read only a few times a build: once for each page, once for each search index, and for
/// a brochure. So the site keeps them at about a third of their size and inflates one where
/// it is used ([`Body::text`]). The same text always deflates to the same bytes, so two bodies
/// are equal exactly when their texts are.
#[derive(Clone, PartialEq, Eq)]
pub struct Body {
    /// The text, deflated; empty for the empty text.
    deflated: Box<[u8]>,
    /// The text holds only white space (or nothing).
    blank: bool,
}

impl Body {
    /// The body of `text`.
    pub fn new(text: &str) -> Body {
        Body {
            deflated: match text.is_empty() {
                true => Box::default(),
                false => compress_to_vec(text.as_bytes(), LEVEL).into_boxed_slice(),
            },
            blank: text.trim().is_empty(),
        }
    }

    /// The Markdown text.
    pub fn text(&self) -> String {
        if self.deflated.is_empty() {
            return String::new();
        }
        // Only `new` makes the bytes, from a `&str`: they inflate, and to UTF-8.
        let bytes = decompress_to_vec(&self.deflated).expect("a body deflated by Body::new");
        String::from_utf8(bytes).expect("a body deflated from a str")
    }

    /// Whether the text holds only white space (or nothing): such a body is not shown.
    pub fn is_blank(&self) -> bool {
        self.blank
    }
}

/// The empty body.
impl Default for Body {
    fn default() -> Body {
        Body {
            deflated: Box::default(),
            blank: true,
        }
    }
}

/// As its text, like the `String` it stands for.
impl serde::Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_gives_back_its_text_and_takes_less_room() {
        let text = "Дневният център за деца с увреждания предлага рехабилитация, \
                    социално-педагогическа подкрепа и занимания по интереси. "
            .repeat(20);
        let body = Body::new(&text);
        assert_eq!(body.text(), text);
        assert!(
            body.deflated.len() * 3 < text.len(),
            "{}",
            body.deflated.len()
        );
        assert!(!body.is_blank());
        assert_eq!(Body::new(&text), body);
        assert_ne!(Body::new("друг текст"), body);
    }

    #[test]
    fn empty_and_blank_bodies() {
        assert_eq!(Body::new("").text(), "");
        assert_eq!(Body::default(), Body::new(""));
        assert!(Body::new("").is_blank());
        assert!(Body::new(" \n\t\n").is_blank());
        assert_eq!(Body::new(" \n").text(), " \n");
    }
}
