//! Diagnostics: every problem found in a site, with where it is, what is wrong and how to fix it.
//!
//! Each stage returns its problems as [`Diagnostic`] values instead of stopping at the first one.
//! Printing follows the contract: every message starts with `path:LINE:COLUMN: error:` (or
//! `warning:`), relative to the site folder; on a terminal the offending line is shown with a caret.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

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
            self.path, self.line, self.column, self.severity, self.message
        )
    }

    /// The full plain form: the headline, then `  help: …` when there is help.
    pub fn to_plain(&self) -> String {
        match &self.help {
            Some(help) => format!("{}\n  help: {}", self.headline(), help),
            None => self.headline(),
        }
    }

    /// The form for a terminal: the headline, the offending line with a caret, then the help.
    pub fn to_annotated(&self) -> String {
        let mut out = self.headline();
        if let Some(text) = &self.source_line {
            let number = self.line.to_string();
            let gutter = " ".repeat(number.len());
            let caret_pad: String = text
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out.push_str(&format!(
                "\n{gutter} |\n{number} | {text}\n{gutter} | {caret_pad}^"
            ));
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("\n  help: {help}"));
        }
        out
    }
}

/// A file's text with the means to turn byte offsets into line and column.
///
/// Spans from the TOML parser are relative to the front matter; `offset` moves them to the file.
#[derive(Clone, Debug)]
pub struct SourceText<'a> {
    path: &'a str,
    text: &'a str,
}

impl<'a> SourceText<'a> {
    /// Wraps a file's full text (after decoding) and its site-relative path.
    pub fn new(path: &'a str, text: &'a str) -> Self {
        SourceText { path, text }
    }

    /// The site-relative path this text came from.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// The text of the line holding `offset`, without its line ending.
    pub fn line_text(&self, offset: usize) -> String {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        self.text[start..end].trim_end_matches('\r').to_string()
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
            source_line: Some(self.line_text(span.start)),
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

/// Sorts diagnostics by file, line and column (errors before warnings at the same place),
/// and drops exact duplicates.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
    });
    diagnostics.dedup();
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
