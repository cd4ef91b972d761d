//! Diagnostics: every problem found in a site, with where it is, what is wrong and how to fix it.
//!
//! Each stage returns its problems as [`Diagnostic`] values instead of stopping at the first one.
//! Printing follows the contract: every message starts with `path:LINE:COLUMN: error:` (or
//! `warning:`), relative to the site folder; on a terminal the offending line is shown with a caret.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

/// How bad a problem is: errors fail `check` and `build`, warnings are the editors' to-do list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built as it is.
    Error,
    /// The site builds, but something is missing or out of date.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in one place of one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Path of the file, relative to the site folder, with `/` separators.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
    /// The text of the offending line, for the caret display.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A problem that concerns a whole file (or a file that could not be read): line 1, column 1.
    pub fn whole_file(path: &str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_string(),
            line: 1,
            column: 1,
            severity,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// Adds the "how to fix it" part.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Is this an error (as opposed to a warning)?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The first line of the plain form: `path:LINE:COLUMN: severity: message`.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}: {}",
            escape_controls(&self.path, false),
            self.line,
            self.column,
            self.severity,
            escape_controls(&self.message, false)
        )
    }

    /// The full plain form: the headline, then `  help: …` when there is help.
    pub fn to_plain(&self) -> String {
        match &self.help {
            Some(help) => format!("{}\n  help: {}", self.headline(), escape_help(help)),
            None => self.headline(),
        }
    }

    /// The form for a terminal: the headline, the offending line with a caret, then the help.
    pub fn to_annotated(&self) -> String {
        let mut out = self.headline();
        if let Some(text) = &self.source_line {
            let number = self.line.to_string();
            let gutter = " ".repeat(number.len());
            let before: String = text.chars().take(self.column.saturating_sub(1)).collect();
            let caret_pad: String = escape_controls(&before, true)
                .chars()
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let text = escape_controls(text, true);
            out.push_str(&format!(
                "\n{gutter} |\n{number} | {text}\n{gutter} | {caret_pad}^"
            ));
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("\n  help: {}", escape_help(help)));
        }
        out
    }
}

/// A help text for printing: its own line breaks kept (a help may show several lines of
/// TOML to write), every other control character escaped as by [`escape_controls`].
fn escape_help(help: &str) -> String {
    let lines: Vec<_> = help
        .split('\n')
        .map(|l| escape_controls(l, false))
        .collect();
    lines.join("\n")
}

/// `text` with its control characters written as Rust escapes (`\u{1b}`), so that printing
/// a message never hands a terminal the escape sequences a file or a TOML key may hold (a
/// quoted key `"\u001b]0;…"` could retitle the editor's window). Tab is kept when `keep_tab`.
pub fn escape_controls(text: &str, keep_tab: bool) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| c.is_control() && !(keep_tab && c == '\t');
    if !text.chars().any(escaped) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// A file's text with the means to turn byte offsets into line and column.
///
/// Spans from the TOML parser are relative to the front matter; `offset` moves them to the file.
/// Line starts and character counts are indexed once, so that each position costs a binary
/// search and a short count, not a scan from the top: a file with 100,000 problems is checked
/// in linear time.
#[derive(Clone, Debug)]
pub struct SourceText<'a> {
    path: &'a str,
    text: &'a str,
    /// Made at the first diagnostic: most files have none.
    index: OnceLock<Index>,
}

/// Where lines and characters start in a text.
#[derive(Clone, Debug)]
struct Index {
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Characters before each [`BLOCK`]-byte block of the text.
    chars_before_block: Vec<usize>,
}

/// The bytes per entry of the character-count index.
const BLOCK: usize = 256;

/// Lines longer than this (in bytes) are not copied into diagnostics for the caret display.
const MAX_SHOWN_LINE: usize = 1000;

/// Characters in `bytes` (valid UTF-8 cut anywhere): the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl<'a> SourceText<'a> {
    /// Wraps a file's full text (after decoding) and its site-relative path.
    pub fn new(path: &'a str, text: &'a str) -> Self {
        SourceText {
            path,
            text,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let text = self.text;
            let line_starts = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 1);
            let mut total = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                chars_before_block.push(total);
                total += count_chars(block);
            }
            chars_before_block.push(total);
            Index {
                line_starts,
                chars_before_block,
            }
        })
    }

    /// The site-relative path this text came from.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// `offset` clamped to the text and moved back to a character boundary.
    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Characters in the text before `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.index().chars_before_block[block]
            + count_chars(&self.text.as_bytes()[block * BLOCK..offset])
    }

    /// Index (0-based) of the line holding `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.index()
            .line_starts
            .partition_point(|&start| start <= offset)
            - 1
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.index().line_starts[line];
        let column = self.chars_before(offset) - self.chars_before(start) + 1;
        (line + 1, column)
    }

    /// The text of the line holding `offset`, without its line ending; `None` for a line too
    /// long to be worth showing.
    pub fn line_text(&self, offset: usize) -> Option<String> {
        let line = self.line_index(self.clamp(offset));
        let start = self.index().line_starts[line];
        let end = self
            .index()
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        (end - start <= MAX_SHOWN_LINE)
            .then(|| self.text[start..end].trim_end_matches('\r').to_string())
    }

    /// A diagnostic at the start of `span` (a byte range of this text).
    pub fn at(
        &self,
        span: Range<usize>,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = self.line_column(span.start);
        Diagnostic {
            path: self.path.to_string(),
            line,
            column,
            severity,
            message: message.into(),
            help: None,
            source_line: self.line_text(span.start),
        }
    }

    /// An error at the start of `span`.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(span, Severity::Error, message)
    }

    /// A warning at the start of `span`.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(span, Severity::Warning, message)
    }
}

/// Turns a path under the site folder into the `/`-separated form used in messages.
pub fn display_path(site: &Path, path: &Path) -> String {
    let relative: PathBuf = path.strip_prefix(site).unwrap_or(path).to_path_buf();
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// At most this many diagnostics are kept for one file; the rest become one "and N more".
///
/// A careless or hostile file (a pasted list of 100,000 unknown fields) would otherwise bury
/// the terminal under megabytes of messages that all say the same thing.
pub const MAX_PER_FILE: usize = 50;

/// Sorts diagnostics by file, line and column (errors before warnings at the same place),
/// drops exact duplicates, and keeps the first [`MAX_PER_FILE`] of each file, followed by one
/// diagnostic that counts the rest.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
    });
    diagnostics.dedup();
    cap_per_file(diagnostics);
}

/// Replaces the diagnostics of a file after the first [`MAX_PER_FILE`] (in sorted order) by one
/// at the first left out, which counts them; it is an error when any of them is.
fn cap_per_file(diagnostics: &mut Vec<Diagnostic>) {
    let too_many = diagnostics
        .chunk_by(|a, b| a.path == b.path)
        .any(|file| file.len() > MAX_PER_FILE);
    if !too_many {
        return;
    }
    let all = std::mem::take(diagnostics);
    let mut file_start = 0;
    for (i, d) in all.into_iter().enumerate() {
        let same_file = diagnostics.last().is_some_and(|last| last.path == d.path);
        if !same_file {
            file_start = i;
        }
        let kept = i - file_start;
        if kept < MAX_PER_FILE {
            diagnostics.push(d);
        } else if kept == MAX_PER_FILE {
            diagnostics.push(Diagnostic {
                severity: d.severity,
                message: "and 1 more problem in this file".to_string(),
                help: Some(
                    "fix the problems above, then run `kartoteka check` again to see the rest"
                        .to_string(),
                ),
                source_line: None,
                ..d
            });
        } else if let Some(more) = diagnostics.last_mut() {
            let left_out = kept - MAX_PER_FILE + 1;
            more.message = format!("and {left_out} more problems in this file");
            more.severity = more.severity.min(d.severity);
        }
    }
}

/// Counts errors and warnings.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// "Did you mean …?": the known name closest to `given`, if it is close enough to be a typo.
pub fn suggest<'k>(given: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(given, k), k))
        .filter(|(distance, k)| {
            *distance <= (k.chars().count().max(given.chars().count()) / 3).max(1)
        })
        .min_by_key(|(distance, k)| (*distance, *k))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let text = "+++\ntitle = \"Дневен\"\nx = 1\n";
        let src = SourceText::new("a.md", text);
        let offset = text.find("x =").unwrap();
        assert_eq!(src.line_column(offset), (3, 1));
        let quote = text.find('"').unwrap();
        assert_eq!(src.line_column(quote), (2, 9));
        let after_cyrillic = text.find("\"\nx").unwrap();
        assert_eq!(src.line_column(after_cyrillic), (2, 16));
    }

    #[test]
    fn positions_agree_with_a_plain_count_across_index_blocks() {
        let text: String = (0..400)
            .map(|i| format!("ред {i} = \"{}\"\n", "щ".repeat(i % 7)))
            .collect();
        let src = SourceText::new("a.md", &text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before[start..].chars().count() + 1;
            assert_eq!(src.line_column(offset), (line, column), "at {offset}");
        }
    }

    #[test]
    fn a_file_keeps_fifty_diagnostics_and_counts_the_rest() {
        let text: String = (0..120).map(|i| format!("k{i} = 1\n")).collect();
        let src = SourceText::new("a.md", &text);
        let mut all: Vec<Diagnostic> = (0..120)
            .map(|i| {
                let at = text.find(&format!("k{i} ")).unwrap();
                src.at(
                    at..at,
                    if i == 100 {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    "x",
                )
            })
            .collect();
        all.push(Diagnostic::whole_file("b.md", Severity::Warning, "y"));
        sort(&mut all);
        assert_eq!(all.len(), MAX_PER_FILE + 2);
        let more = &all[MAX_PER_FILE];
        assert_eq!(
            (more.path.as_str(), more.line, more.severity),
            ("a.md", 51, Severity::Error)
        );
        assert_eq!(more.message, "and 70 more problems in this file");
        assert_eq!(all[MAX_PER_FILE + 1].path, "b.md");
    }

    #[test]
    fn headline_has_the_contract_prefix() {
        let src = SourceText::new("content/services/a.md", "+++\ntype = 3\n+++\n");
        let d = src
            .error(11..12, "`type` must be text")
            .with_help("write type = \"day-centre\"");
        assert_eq!(
            d.to_plain(),
            "content/services/a.md:2:8: error: `type` must be text\n  help: write type = \"day-centre\""
        );
        let annotated = d.to_annotated();
        assert!(
            annotated.contains("2 | type = 3\n  |        ^"),
            "{annotated}"
        );
    }

    #[test]
    fn control_characters_are_escaped_when_printed() {
        let text = "+++\n\"\u{1b}]0;x\u{7}\" = 1\n+++\n";
        let src = SourceText::new("a\u{1b}.md", text);
        let d = src
            .error(5..6, "unknown field `\u{1b}]0;x\u{7}`")
            .with_help("\u{9b}2J");
        let plain = d.to_plain();
        assert_eq!(
            plain,
            "a\\u{1b}.md:2:2: error: unknown field `\\u{1b}]0;x\\u{7}`\n  help: \\u{9b}2J"
        );
        let annotated = d.to_annotated();
        assert!(
            !annotated.chars().any(|c| c.is_control() && c != '\n'),
            "{annotated}"
        );
        assert!(
            annotated.contains("2 | \"\\u{1b}]0;x\\u{7}\" = 1\n  |  ^"),
            "{annotated}"
        );
    }

    #[test]
    fn suggestions_catch_typos_only() {
        let known = ["title", "summary", "verified", "target_groups"];
        assert_eq!(suggest("titel", known), Some("title"));
        assert_eq!(suggest("target_group", known), Some("target_groups"));
        assert_eq!(suggest("colour", known), None);
    }

    #[test]
    fn sorting_orders_by_file_then_line() {
        let mut all = vec![
            Diagnostic::whole_file("b.md", Severity::Error, "x"),
            Diagnostic {
                line: 5,
                ..Diagnostic::whole_file("a.md", Severity::Warning, "y")
            },
            Diagnostic {
                line: 2,
                ..Diagnostic::whole_file("a.md", Severity::Error, "z")
            },
        ];
        sort(&mut all);
        let order: Vec<_> = all.iter().map(|d| (d.path.as_str(), d.line)).collect();
        assert_eq!(order, [("a.md", 2), ("a.md", 5), ("b.md", 1)]);
    }
}
