//! Splitting a content file into its TOML front matter (between two `+++` lines) and body.

use std::ops::Range;

use super::TextFile;
use crate::diagnostics::Diagnostic;

/// The two parts of a content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the front matter (the lines between the `+++` lines).
    pub front_matter: Range<usize>,
    /// The body after the closing `+++`, line endings normalised to `\n`.
    pub body: String,
}

/// Splits a file. Accepts LF and CRLF line endings and trailing blanks after `+++`.
pub fn split(file: &TextFile) -> Result<Split, Box<Diagnostic>> {
    let text = file.text.as_str();
    let source = file.source();
    if text.trim().is_empty() {
        return Err(Box::new(
            source
                .error(0..0, "the file is empty")
                .with_help("a content file starts with a line `+++`, its fields, a line `+++`, then the text; or delete the file"),
        ));
    }
    let mut lines = LineIter { text, pos: 0 };
    let first = lines.next().unwrap_or(0..0);
    if !is_fence(&text[first.clone()]) {
        return Err(Box::new(
            source
                .error(first.start..first.start, "the file does not start with a line `+++`")
                .with_help("put a line `+++` first, then the fields (title = \"…\"), then another `+++` line, then the text"),
        ));
    }
    let start = lines.pos;
    for line in lines.by_ref() {
        if is_fence(&text[line.clone()]) {
            let body = text[lines.pos..].replace("\r\n", "\n");
            return Ok(Split {
                front_matter: start..line.start,
                body,
            });
        }
    }
    Err(Box::new(
        source
            .error(
                first.start..first.start,
                "the `+++` that opens the fields is never closed",
            )
            .with_help("add a line `+++` after the last field, before the text"),
    ))
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Iterates over line ranges (without the line ending), remembering where the next line starts.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for LineIter<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        self.pos = if end < self.text.len() { end + 1 } else { end };
        let content_end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        Some(start..content_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> TextFile {
        TextFile {
            path: "content/services/a.md".into(),
            text: text.into(),
        }
    }

    #[test]
    fn splits_lf_and_crlf_alike() {
        for text in [
            "+++\ntitle = \"A\"\n+++\nBody\n",
            "+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n",
            "+++  \ntitle = \"A\"\n+++\t\nBody\n",
        ] {
            let f = file(text);
            let split = split(&f).unwrap();
            assert_eq!(
                f.text[split.front_matter.clone()].trim_end(),
                "title = \"A\""
            );
            assert_eq!(split.body, "Body\n");
        }
    }

    #[test]
    fn empty_front_matter_and_no_body_are_fine() {
        let split = split(&file("+++\n+++")).unwrap();
        assert_eq!(split.front_matter, 4..4);
        assert_eq!(split.body, "");
    }

    #[test]
    fn structural_problems_are_errors_with_positions() {
        let e = split(&file("")).unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        assert!(e.message.contains("empty"));
        let e = split(&file("title = 1\n")).unwrap_err();
        assert!(e.message.contains("does not start"));
        let e = split(&file("+++\ntitle = \"A\"\nBody\n")).unwrap_err();
        assert!(e.message.contains("never closed"));
        let e = split(&file("\n+++\n+++\n")).unwrap_err();
        assert!(e.message.contains("does not start"));
    }
}
