//! The internal links and images of the content's Markdown bodies, kept with their place in
//! the file, so that the link check after rendering can tell which of them lead nowhere once it
//! knows every file a build writes.

use super::{Kind, Lang};

/// Whether a reference shows an image or leads to a page or file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkKind {
    /// `[text](target)`, `<a href="target">`.
    Link,
    /// `![alt](target)`, `<img src="target">`.
    Image,
}

/// One link or image of a content body whose target is on the site itself: an absolute path
/// (`/uslugi/x/`) or a path relative to the page the body is shown on (`../x/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentLink {
    /// The target as written (`/uslugi/x/#kontakti`, `snimka.png`).
    pub target: String,
    /// Link or image.
    pub what: LinkKind,
    /// The kind of item whose body holds it.
    pub kind: Kind,
    /// The item's id (`_index` for the home page).
    pub id: String,
    /// The language of the file it is written in.
    pub lang: Lang,
    /// The file, relative to the site folder (`content/services/x.en.md`).
    pub path: String,
    /// 1-based line of the link's start in that file.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text of that line, for the caret display of a diagnostic.
    pub source_line: String,
}
