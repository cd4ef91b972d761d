//! A Markdown body, kept as it is or compressed together with its neighbours.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

/// How hard bodies are compressed (zstd): the fastest level keeps most of the gain (a
/// Bulgarian body to about a third or two fifths of its UTF-8 size, where Cyrillic takes two
/// bytes a letter).
const LEVEL: i32 = 1;

/// Bodies are compressed in blocks of at least this much text, one zstd frame each: a frame
/// of a single body (a few kilobytes) spent about two fifths of its compression on building
/// its own Huffman and FSE tables, and as much again of its decompression on reading them.
const BLOCK_BYTES: usize = 32 * 1024;

/// How many blocks each thread keeps decompressed: the pages of one language and those of the
/// other, or a page and the search index, take their bodies from different blocks in turn.
const CACHED_BLOCKS: usize = 4;

/// A zstd frame (which records the text's length) of several bodies' texts, one after
/// another.
struct Block {
    frame: Box<[u8]>,
}

impl Block {
    fn decompress(&self) -> Vec<u8> {
        // Only `Body::packed` makes the frame, from `&str`s: a frame that records its length.
        let len = zstd::zstd_safe::get_frame_content_size(&self.frame)
            .ok()
            .flatten()
            .and_then(|len| usize::try_from(len).ok())
            .expect("a block compressed by Body::packed");
        let text = with_zstd(|_, decompressor| decompressor.decompress(&self.frame, len));
        text.expect("a block compressed by Body::packed")
    }
}

thread_local! {
    /// Each thread's compressor and decompressor, made once: one-shot calls set up and zeroed
    /// a few hundred kilobytes of state for each block.
    static ZSTD: RefCell<Option<(zstd::bulk::Compressor<'static>, zstd::bulk::Decompressor<'static>)>> =
        const { RefCell::new(None) };
    /// Each thread's last [`CACHED_BLOCKS`] blocks, decompressed, the latest first: bodies are
    /// mostly read in the order of their files, so most reads find their block here.
    static BLOCKS: RefCell<Vec<(Arc<Block>, Vec<u8>)>> = const { RefCell::new(Vec::new()) };
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

/// The text at `range` of `block`, decompressing the block unless this thread has it.
fn read(block: &Arc<Block>, range: std::ops::Range<usize>) -> String {
    BLOCKS.with(|cell| {
        let mut cached = cell.borrow_mut();
        match cached.iter().position(|(b, _)| Arc::ptr_eq(b, block)) {
            Some(at) => cached[..=at].rotate_right(1),
            None => {
                cached.truncate(CACHED_BLOCKS - 1);
                cached.insert(0, (Arc::clone(block), block.decompress()));
            }
        }
        let bytes = cached[0].1[range].to_vec();
        String::from_utf8(bytes).expect("a body packed from a str")
    })
}

/// The Markdown body of an item (a service's description, a page's text).
///
/// Bodies are most of a site's text (about 415 MB for 100,000 services in two languages), and
/// are read only a few times a build: once for each page, once for each search index, and for
/// a brochure. A large site therefore keeps them compressed, several neighbours together
/// ([`Body::packed`]), at about two fifths of their size, and decompresses them where used
/// ([`Body::text`]); a small site keeps them as they are, which costs nothing at all
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
    /// Bytes `start..end` of a block's text.
    Packed {
        block: Arc<Block>,
        start: usize,
        end: usize,
    },
}

impl Body {
    /// The body of `text`, kept as it is.
    pub fn new(text: &str) -> Body {
        Body {
            text: Stored::Plain(text.into()),
            blank: text.trim().is_empty(),
        }
    }

    /// The bodies of `texts`, in order, kept compressed: neighbours share a block of at least
    /// [`BLOCK_BYTES`] (an empty text is kept as it is).
    pub fn packed(texts: &[&str]) -> Vec<Body> {
        let mut bodies = Vec::with_capacity(texts.len());
        let mut rest = texts;
        while let Some(first) = rest.first() {
            if first.is_empty() {
                bodies.push(Body::new(first));
                rest = &rest[1..];
                continue;
            }
            // The block: texts up to the one that brings it to BLOCK_BYTES, stopping before
            // an empty one.
            let mut size = 0;
            let taken = rest
                .iter()
                .take_while(|text| {
                    let more = size < BLOCK_BYTES && !text.is_empty();
                    size += text.len();
                    more
                })
                .count();
            let (these, others) = rest.split_at(taken);
            let joined = these.concat();
            let frame = with_zstd(|compressor, _| compressor.compress(joined.as_bytes()));
            let block = Arc::new(Block {
                frame: frame.expect("zstd compresses any bytes").into_boxed_slice(),
            });
            let mut start = 0;
            for text in these {
                bodies.push(Body {
                    text: Stored::Packed {
                        block: Arc::clone(&block),
                        start,
                        end: start + text.len(),
                    },
                    blank: text.trim().is_empty(),
                });
                start += text.len();
            }
            rest = others;
        }
        bodies
    }

    /// The Markdown text.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.text {
            Stored::Plain(text) => Cow::Borrowed(text),
            Stored::Packed { block, start, end } => Cow::Owned(read(block, *start..*end)),
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

    /// The blocks `bodies` are packed in, each once.
    fn blocks(bodies: &[Body]) -> Vec<&Arc<Block>> {
        let mut blocks: Vec<&Arc<Block>> = Vec::new();
        for body in bodies {
            if let Stored::Packed { block, .. } = &body.text
                && !blocks.iter().any(|b| Arc::ptr_eq(b, block))
            {
                blocks.push(block);
            }
        }
        blocks
    }

    #[test]
    fn packed_bodies_give_back_their_texts_and_take_less_room() {
        let text = "Дневният център за деца с увреждания предлага рехабилитация, \
                    социално-педагогическа подкрепа и занимания по интереси. "
            .repeat(20);
        let body = Body::packed(&[&text]).remove(0);
        assert_eq!(body.text(), text);
        assert!(blocks(std::slice::from_ref(&body))[0].frame.len() * 3 < text.len());
        assert!(!body.is_blank());
        assert_eq!(Body::packed(&[&text])[0], body);
        assert_eq!(Body::new(&text), body, "equal however kept");
        assert_ne!(Body::packed(&["друг текст"])[0], body);
        assert_ne!(Body::new("друг текст"), body);
    }

    #[test]
    fn neighbours_share_blocks_and_each_reads_back_its_own_text() {
        // 200 texts of about 1.7 KB: several blocks of BLOCK_BYTES, some bodies empty or
        // blank, each text different from the others.
        let texts: Vec<String> = (0..200)
            .map(|i| match i % 50 {
                7 => String::new(),
                8 => " \n".to_string(),
                _ => format!("Услуга {i}: ") + &"подкрепа в общността; ".repeat(40 + i % 13),
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let bodies = Body::packed(&refs);
        assert_eq!(bodies.len(), texts.len());
        let total: usize = texts.iter().map(String::len).sum();
        let blocks = blocks(&bodies).len();
        assert!(
            blocks > 1 && blocks <= total / BLOCK_BYTES + 5,
            "{blocks} blocks"
        );
        // In order, backwards, and jumping between blocks (more than the cache holds).
        for (body, text) in bodies.iter().zip(&texts) {
            assert_eq!(body.text(), *text);
        }
        for (body, text) in bodies.iter().zip(&texts).rev() {
            assert_eq!(body.text(), *text);
        }
        for i in (0..200).step_by(37).chain((0..200).step_by(11)) {
            assert_eq!(bodies[i].text(), texts[i]);
            assert_eq!(bodies[i].is_blank(), texts[i].trim().is_empty());
        }
        assert!(
            matches!(bodies[7].text, Stored::Plain(_)),
            "an empty text is not packed"
        );
    }

    #[test]
    fn empty_and_blank_bodies() {
        for body in [
            Body::new(""),
            Body::packed(&[""]).remove(0),
            Body::default(),
        ] {
            assert_eq!(body.text(), "");
            assert!(body.is_blank());
        }
        assert!(Body::packed(&[" \n\t\n"])[0].is_blank());
        assert_eq!(Body::packed(&[" \n"])[0].text(), " \n");
        assert!(!Body::new("x").is_blank());
    }
}
