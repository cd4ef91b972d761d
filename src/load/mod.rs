//! Loading: the site's files → raw text, split into TOML front matter and a Markdown body.
//!
//! Walks `content/` with walkdir ([`find_content`]) and reads one file at a time
//! ([`read_content`]; validation reads them in parallel batches). Nothing here knows
//! what a field means; every problem with a file as a file (unreadable, not UTF-8, empty, too
//! big, a symlink out of the site, a missing `+++`) becomes a [`Diagnostic`], never a panic.

pub mod control;
mod front_matter;
pub mod nesting;
pub mod theme;
mod walk;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use front_matter::{Split, split};
pub use walk::{ContentPath, classify};

use crate::diagnostics::{Diagnostic, Severity, SourceText, display_path};
use crate::model::{Kind, Lang};

/// A text file of the site, decoded (UTF-8, byte order mark removed).
#[derive(Clone, Debug)]
pub struct TextFile {
    /// Path relative to the site folder, `/`-separated.
    pub path: String,
    /// The whole text.
    pub text: String,
}

impl TextFile {
    /// The text with the means to turn byte offsets into line and column.
    pub fn source(&self) -> SourceText<'_> {
        SourceText::new(&self.path, &self.text)
    }
}

/// A content file: where it sits, and its text split into front matter and body.
#[derive(Clone, Debug)]
pub struct ContentFile {
    /// Kind, id and language, from the file's place and name.
    pub place: ContentPath,
    /// The decoded text.
    pub file: TextFile,
    /// Byte range of the TOML front matter inside `file.text`.
    pub front_matter: Range<usize>,
    /// The Markdown body when normalising its line endings changed it; `None` when it is the
    /// end of `file.text` as it is (LF files), so that a site's bodies are not held twice
    /// while it is checked (477 MB of text at 100,000 services).
    normalised_body: Option<String>,
    /// Where the body starts in `file.text` when it is kept there.
    body_start: usize,
}

impl ContentFile {
    /// A content file from its text and its split ([`split`]).
    pub fn new(place: ContentPath, file: TextFile, parts: Split) -> ContentFile {
        let start = file.text.len().saturating_sub(parts.body.len());
        let kept = file.text.is_char_boundary(start) && file.text[start..] == parts.body;
        ContentFile {
            place,
            front_matter: parts.front_matter,
            normalised_body: (!kept).then_some(parts.body),
            body_start: start,
            file,
        }
    }

    /// The Markdown body, with line endings normalised to `\n`.
    pub fn body(&self) -> &str {
        match &self.normalised_body {
            Some(body) => body,
            None => &self.file.text[self.body_start..],
        }
    }

    /// The front matter's text.
    pub fn front_matter_text(&self) -> &str {
        &self.file.text[self.front_matter.clone()]
    }

    /// Kind of content.
    pub fn kind(&self) -> Kind {
        self.place.kind
    }

    /// The file stem.
    pub fn id(&self) -> &str {
        &self.place.id
    }

    /// The language of the file.
    pub fn lang(&self) -> Lang {
        self.place.lang
    }
}

/// The content files of a site, found but not yet read.
#[derive(Debug, Default)]
pub struct Found {
    /// Each file and what its place says of it, sorted by the path shown in diagnostics.
    pub files: Vec<(PathBuf, ContentPath)>,
    /// Problems with names and places.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds every content file of the site at `root` without reading any: the caller reads
/// them ([`read_content`]) a batch at a time, so that a large site's texts are never all in
/// memory at once.
pub fn find_content(root: &Path) -> Found {
    let walked = walk::content_files(root);
    let mut files: Vec<(String, PathBuf, ContentPath)> = walked
        .paths
        .into_iter()
        .map(|(path, place)| (display_path(root, &path), path, place))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Found {
        files: files
            .into_iter()
            .map(|(_, path, place)| (path, place))
            .collect(),
        diagnostics: walked.diagnostics,
    }
}

/// Reads and splits one content file found by [`find_content`]; `max_file_size` is the
/// largest file, in bytes, that is read at all. The file is `None` when it cannot be read or
/// split; the diagnostics say why, and hold its other problems as a text.
pub fn read_content(
    root: &Path,
    path: &Path,
    place: &ContentPath,
    max_file_size: u64,
) -> (Option<ContentFile>, Vec<Diagnostic>) {
    let file = match read_text(root, path, max_file_size) {
        Ok(file) => file,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let parts = match split(&file) {
        Ok(parts) => parts,
        Err(diagnostic) => return (None, vec![*diagnostic]),
    };
    // Text rules: the file is still read, its other problems are worth reporting too.
    let problems = [
        control_characters(&file),
        too_deep(&file, parts.front_matter.end),
    ];
    let file = ContentFile::new(place.clone(), file, parts);
    (Some(file), problems.into_iter().flatten().collect())
}

/// An error at the first control character of a content file (see [`control`]), counting
/// the others, or `None` when there is none.
fn control_characters(file: &TextFile) -> Option<Diagnostic> {
    let mut found = control::find(&file.text);
    let (at, c) = found.next()?;
    let more = match found.count() {
        0 => String::new(),
        1 => " (and 1 more in this file)".to_string(),
        n => format!(" (and {n} more in this file)"),
    };
    Some(
        file.source()
            .error(
                at..at,
                format!("the text holds the control character {}{more}", control::name(c)),
            )
            .with_help("control characters are invisible and break pages, feeds and spreadsheets; delete it (it usually comes with text pasted from another program)"),
    )
}

/// An error at the first block quote, list or HTML element of the body nested deeper than
/// [`nesting::MAX_DEPTH`] (the body starts on the line after the closing `+++` at `fence`).
fn too_deep(file: &TextFile, fence: usize) -> Option<Diagnostic> {
    let body_start = file.text[fence..]
        .find('\n')
        .map_or(file.text.len(), |i| fence + i + 1);
    let at = body_start + nesting::too_deep(&file.text[body_start..])?;
    Some(
        file.source()
            .error(
                at..at,
                format!(
                    "the text nests block quotes, lists or HTML elements more than {} deep",
                    nesting::MAX_DEPTH
                ),
            )
            .with_help("flatten the structure: a few levels of quotes or lists are all a reader can follow"),
    )
}

/// Does `path`, with every symbolic link on its way followed, lie inside the site folder
/// `root`? (A file that does not exist is not outside: reading it reports that it is missing.)
pub fn inside_site(root: &Path, path: &Path) -> bool {
    if plainly_inside(root, path) {
        return true;
    }
    let Ok(site) = root.canonicalize() else {
        return true;
    };
    match path.canonicalize() {
        Ok(target) => target.starts_with(&site),
        Err(_) => std::fs::symlink_metadata(path).is_err(),
    }
}

/// Is `path` `root` joined with plain names (no `..`), none of them a symbolic link? Then it
/// is inside the site without resolving every link from `/` (`canonicalize` makes a
/// `readlink` per part of both paths: eleven system calls per content file of a site in
/// `/tmp/bench/10000/site`, where this makes one `lstat` per part below the site folder).
fn plainly_inside(root: &Path, path: &Path) -> bool {
    use std::path::Component;
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut at = root.to_path_buf();
    for part in relative.components() {
        let Component::Normal(name) = part else {
            return false;
        };
        at.push(name);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if !meta.file_type().is_symlink() => {}
            _ => return false,
        }
    }
    true
}

/// Reads one text file of the site: inside the site folder, size limit, UTF-8, byte order
/// mark.
pub fn read_text(root: &Path, path: &Path, max_file_size: u64) -> Result<TextFile, Diagnostic> {
    let shown = display_path(root, path);
    let error = |message: String| Diagnostic::whole_file(&shown, Severity::Error, message);
    if !inside_site(root, path) {
        return Err(error(
            "this file is a symbolic link to a place outside the site folder; kartoteka reads only files inside the site".into(),
        )
        .with_help("copy the file into the site instead of linking to it"));
    }
    let size = std::fs::metadata(path)
        .map_err(|e| error(format!("cannot read the file: {e}")))?
        .len();
    if size > max_file_size {
        return Err(error(format!(
            "the file is {size} bytes, over the limit of {max_file_size} bytes"
        ))
        .with_help(
            "split the text, move large material elsewhere, or raise `max_file_size` in config.toml",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read the file: {e}")))?;
    let text = decode_utf8(&shown, bytes)?;
    Ok(TextFile { path: shown, text })
}

fn decode_utf8(shown: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let (line, column) = SourceText::new(shown, &prefix).line_column(valid);
            Err(Diagnostic {
                line,
                column,
                ..Diagnostic::whole_file(
                    shown,
                    Severity::Error,
                    format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[valid]),
                )
            }
            .with_help("save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(text: &str) -> ContentFile {
        let file = TextFile {
            path: "content/services/x.md".into(),
            text: text.into(),
        };
        let parts = split(&file).expect("splits");
        let place = ContentPath {
            kind: Kind::Service,
            id: "x".into(),
            lang: Lang::ALL[0],
        };
        ContentFile::new(place, file, parts)
    }

    /// An LF file's body is read from its text, not held a second time; a CRLF file's body
    /// is the normalised copy.
    #[test]
    fn the_body_is_kept_once_unless_normalised() {
        let lf = content("+++\ntitle = \"А\"\n+++\nПърви ред.\n\nВтори.\n");
        assert_eq!(lf.body(), "Първи ред.\n\nВтори.\n");
        assert!(lf.normalised_body.is_none());
        let crlf = content("+++\r\ntitle = \"А\"\r\n+++\r\nПърви ред.\r\nВтори.\r\n");
        assert_eq!(crlf.body(), "Първи ред.\nВтори.\n");
        assert!(crlf.normalised_body.is_some());
        assert_eq!(content("+++\ntitle = \"А\"\n+++\n").body(), "");
    }
}
