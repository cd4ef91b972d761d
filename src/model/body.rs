//! A Markdown body, kept as it is or compressed.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

/// How hard bodies are compressed (zstd): the fastest level keeps most of the gain (a
/// Bulgarian body to about a third or two fifths of its UTF-8 size, where Cyrillic takes two
/// bytes a letter).
const LEVEL: i32 = 1;

thread_local! {
    /// Each thread's compressor and decompressor, made once: a body is a few kilobytes, and
    /// one-shot calls (miniz_oxide's, before) set up and zeroed a few hundred kilobytes of
    /// state for each body. zstd also decompresses about six times faster than inflating.
    static ZSTD: RefCell<Option<(zstd::bulk::Compressor<'static>, zstd::bulk::Decompressor<'static>)>> =
        const { RefCell::new(None) };
}

/// Runs `f` with this thread's compressor and decompressor.
fn with_zstd<T>(
    f: impl FnOnce(&mut zstd::bulk::Compressor<'static>, &mut zstd::bulk::Decompressor<'static>) -> T,
) -> T {
    ZSTD.with(|cell| {
        let mut cell = cell.borrow_mut();
        let (compressor, decompressor) = cell.get_or_insert_with(|| {
            (
                zstd::bulk::Compressor::new(LEVEL).expect("zstd makes a compressor"),
                zstd::bulk::Decompressor::new().expect("zstd makes a decompressor"),
            )
        });
        f(compressor, decompressor)
    })
}

/// The Markdown body of an item (a service's description, a page's text).
///
/// Bodies are most of a site's text (about 415 MB for 100,000 services in two languages), and
/// are read only a few times a build: once for each page, once for each search index, and for
/// a brochure. A large site therefore keeps them compressed, at about two fifths of their size,
/// and decompresses one where it is used ([`Body::text`]); a small site keeps them as they
/// are, which costs nothing at all (`validate` decides, by the number of content files).
#[derive(Clone)]
pub struct Body {
    text: Stored,
    /// The text holds only white space (or nothing).
    blank: bool,
}

#[derive(Clone)]
enum Stored {
    Plain(Box<str>),
    /// A zstd frame (which records the text's length); empty for the empty text.
    Compressed(Box<[u8]>),
}

impl Body {
    /// The body of `text`, kept as it is.
    pub fn new(text: &str) -> Body {
        Body {
            text: Stored::Plain(text.into()),
            blank: text.trim().is_empty(),
        }
    }

    /// The body of `text`, kept compressed.
    pub fn compressed(text: &str) -> Body {
        Body {
            text: Stored::Compressed(match text.is_empty() {
                true => Box::default(),
                false => with_zstd(|compressor, _| {
                    let bytes = compressor.compress(text.as_bytes());
                    bytes.expect("zstd compresses any bytes").into_boxed_slice()
                }),
            }),
            blank: text.trim().is_empty(),
        }
    }

    /// The Markdown text.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.text {
            Stored::Plain(text) => Cow::Borrowed(text),
            Stored::Compressed(bytes) if bytes.is_empty() => Cow::Borrowed(""),
            Stored::Compressed(bytes) => {
                // Only `compressed` makes the bytes, from a `&str`: a frame that records its
                // length, and decompresses to UTF-8.
                let len = zstd::zstd_safe::get_frame_content_size(bytes)
                    .ok()
                    .flatten()
                    .and_then(|len| usize::try_from(len).ok())
                    .expect("a body compressed by Body::compressed");
                let text = with_zstd(|_, decompressor| decompressor.decompress(bytes, len));
                let text = text.expect("a body compressed by Body::compressed");
                Cow::Owned(String::from_utf8(text).expect("a body compressed from a str"))
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
            // The same text always compresses to the same bytes.
            (Stored::Compressed(a), Stored::Compressed(b)) => a == b,
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
    fn a_compressed_body_gives_back_its_text_and_takes_less_room() {
        let text = "Дневният център за деца с увреждания предлага рехабилитация, \
                    социално-педагогическа подкрепа и занимания по интереси. "
            .repeat(20);
        let body = Body::compressed(&text);
        assert_eq!(body.text(), text);
        let Stored::Compressed(bytes) = &body.text else {
            panic!("compressed")
        };
        assert!(bytes.len() * 3 < text.len(), "{}", bytes.len());
        assert!(!body.is_blank());
        assert_eq!(Body::compressed(&text), body);
        assert_eq!(Body::new(&text), body, "equal however kept");
        assert_ne!(Body::compressed("друг текст"), body);
        assert_ne!(Body::new("друг текст"), body);
    }

    #[test]
    fn empty_and_blank_bodies() {
        for body in [Body::new(""), Body::compressed(""), Body::default()] {
            assert_eq!(body.text(), "");
            assert!(body.is_blank());
        }
        assert!(Body::compressed(" \n\t\n").is_blank());
        assert_eq!(Body::compressed(" \n").text(), " \n");
        assert!(!Body::new("x").is_blank());
    }
}
