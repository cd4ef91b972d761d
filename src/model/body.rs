//! A Markdown body, kept as it is or deflated.

use std::borrow::Cow;
use std::fmt;

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec;

/// How hard bodies are deflated: the fastest level keeps most of the gain (a Bulgarian body
/// to about a third of its UTF-8 size, where Cyrillic takes two bytes a letter).
const LEVEL: u8 = 1;

/// The Markdown body of an item (a service's description, a page's text).
///
/// Bodies are most of a site's text (about 415 MB for 100,000 services in two languages), and
/// are read only a few times a build: once for each page, once for each search index, and for
/// a brochure. A large site therefore keeps them deflated, at about a third of their size,
/// and inflates one where it is used ([`Body::text`]); a small site keeps them as they are,
/// since inflating every body again costs a few percent of a build's time
/// (`validate` decides, by the number of content files).
#[derive(Clone)]
pub struct Body {
    text: Stored,
    /// The text holds only white space (or nothing).
    blank: bool,
}

#[derive(Clone)]
enum Stored {
    Plain(Box<str>),
    /// Deflated; empty for the empty text.
    Deflated(Box<[u8]>),
}

impl Body {
    /// The body of `text`, kept as it is.
    pub fn new(text: &str) -> Body {
        Body {
            text: Stored::Plain(text.into()),
            blank: text.trim().is_empty(),
        }
    }

    /// The body of `text`, kept deflated.
    pub fn deflated(text: &str) -> Body {
        Body {
            text: Stored::Deflated(match text.is_empty() {
                true => Box::default(),
                false => compress_to_vec(text.as_bytes(), LEVEL).into_boxed_slice(),
            }),
            blank: text.trim().is_empty(),
        }
    }

    /// The Markdown text.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.text {
            Stored::Plain(text) => Cow::Borrowed(text),
            Stored::Deflated(bytes) if bytes.is_empty() => Cow::Borrowed(""),
            Stored::Deflated(bytes) => {
                // Only `deflated` makes the bytes, from a `&str`: they inflate, and to UTF-8.
                let bytes = decompress_to_vec(bytes).expect("a body deflated by Body::deflated");
                Cow::Owned(String::from_utf8(bytes).expect("a body deflated from a str"))
            }
        }
    }

    /// Whether the text holds only white space (or nothing): such a body is not shown.
    pub fn is_blank(&self) -> bool {
        self.blank
    }
}

/// Equal when the texts are, however each is kept.
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        match (&self.text, &other.text) {
            (Stored::Plain(a), Stored::Plain(b)) => a == b,
            // The same text always deflates to the same bytes.
            (Stored::Deflated(a), Stored::Deflated(b)) => a == b,
            _ => self.text() == other.text(),
        }
    }
}

impl Eq for Body {}

/// The empty body.
impl Default for Body {
    fn default() -> Body {
        Body::new("")
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
    fn a_deflated_body_gives_back_its_text_and_takes_less_room() {
        let text = "Дневният център за деца с увреждания предлага рехабилитация, \
                    социално-педагогическа подкрепа и занимания по интереси. "
            .repeat(20);
        let body = Body::deflated(&text);
        assert_eq!(body.text(), text);
        let Stored::Deflated(bytes) = &body.text else {
            panic!("deflated")
        };
        assert!(bytes.len() * 3 < text.len(), "{}", bytes.len());
        assert!(!body.is_blank());
        assert_eq!(Body::deflated(&text), body);
        assert_eq!(Body::new(&text), body, "equal however kept");
        assert_ne!(Body::deflated("друг текст"), body);
        assert_ne!(Body::new("друг текст"), body);
    }

    #[test]
    fn empty_and_blank_bodies() {
        for body in [Body::new(""), Body::deflated(""), Body::default()] {
            assert_eq!(body.text(), "");
            assert!(body.is_blank());
        }
        assert!(Body::deflated(" \n\t\n").is_blank());
        assert_eq!(Body::deflated(" \n").text(), " \n");
        assert!(!Body::new("x").is_blank());
    }
}
