//! The typst engine, embedded: a `World` of one template, one JSON data file and the theme's
//! fonts, compiled to a paged document and exported as PDF.
//!
//! Nothing is read from disk or the network: the template and fonts come from the site's
//! [`Theme`] (read when the site is loaded; the built-in theme's are compiled into the
//! program), so every machine prints the same bytes from the same inputs.

use std::panic::AssertUnwindSafe;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Content, Datetime, Smart};
use typst::introspection::Introspector;
use typst::layout::{Abs, Frame, FrameItem, Page, PagedDocument, Point, Size};
use typst::syntax::Span;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::visualize::{FixedStroke, Geometry};
use typst::{Library, World};
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use super::cache;
use super::plan::Form;
use crate::model::Date;
use crate::model::theme::Theme;

/// The path the template reads its data from, with `json("/data.json")`.
const DATA_PATH: &str = "/data.json";

/// A theme's brochure template and fonts made ready, shared by every brochure of a build:
/// the standard library, the font book and the parsed template.
pub struct Engine {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
    /// Where the template came from, for messages (`themes/default/print/brochure.typ`).
    origin: String,
    /// The hash of the template and fonts, for the PDF cache's keys.
    digest: Vec<u8>,
}

impl Engine {
    /// The engine of `theme`: its `print/brochure.typ` and every font in `print/fonts/`.
    pub fn new(theme: &Theme) -> Engine {
        let fonts: Vec<Font> = theme
            .print_fonts
            .values()
            .flat_map(|bytes| Font::iter(Bytes::new(bytes.clone())))
            .collect();
        let main_id = FileId::new(None, VirtualPath::new("/brochure.typ"));
        Engine {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(main_id, theme.brochure_template.clone()),
            data_id: FileId::new(None, VirtualPath::new(DATA_PATH)),
            origin: theme.origin(Theme::BROCHURE_TEMPLATE),
            digest: cache::engine_digest(
                &theme.brochure_template,
                theme
                    .print_fonts
                    .iter()
                    .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
            ),
        }
    }

    /// The hash of what every brochure shares: program version, template and fonts.
    pub fn digest(&self) -> &[u8] {
        &self.digest
    }

    /// 1-based line and column of `span` when it is in the template.
    fn line_column(&self, span: Span) -> Option<(usize, usize)> {
        line_column(&self.main, span)
    }

    /// `path:line:column` of `span` when it is in the template, else the template's path.
    fn position(&self, span: Span) -> String {
        match self.line_column(span) {
            Some((line, column)) => format!("{}:{line}:{column}", self.origin),
            None => self.origin.clone(),
        }
    }

    /// An engine's message, placed in the template when it can be.
    fn describe(&self, diagnostic: &SourceDiagnostic) -> String {
        let mut text = diagnostic.message.to_string();
        for hint in &diagnostic.hints {
            text.push_str(&format!(" (hint: {hint})"));
        }
        match diagnostic.severity {
            Severity::Error => format!("{}: {text}", self.position(diagnostic.span)),
            Severity::Warning => text,
        }
    }
}

/// The theme's brochure template's first syntax error, if any, found by parsing it alone
/// (no fonts, no standard library: `check` and `build` ask this before anything is typeset;
/// compiling needs a brochure's data and may still fail). Only the first: one unclosed
/// bracket makes dozens more.
pub fn template_syntax_error(theme: &Theme) -> Option<TemplateSyntaxError> {
    let main = Source::new(
        FileId::new(None, VirtualPath::new("/brochure.typ")),
        theme.brochure_template.clone(),
    );
    let error = main.root().errors().into_iter().next()?;
    let (line, column) = line_column(&main, error.span).unwrap_or((1, 1));
    Some(TemplateSyntaxError {
        path: theme.origin(Theme::BROCHURE_TEMPLATE),
        line,
        column,
        message: error.message.to_string(),
    })
}

/// 1-based line and column of `span` when it is in `source`.
fn line_column(source: &Source, span: Span) -> Option<(usize, usize)> {
    let start = source.range(span)?.start;
    let line = source.byte_to_line(start)?;
    let column = source.byte_to_column(start)?;
    Some((line + 1, column + 1))
}

/// A syntax error in the brochure template.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct TemplateSyntaxError {
    /// The template's file: the site's (`themes/default/print/brochure.typ`) or the built-in
    /// theme's.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What typst says.
    pub message: String,
}

/// One compilation: the shared parts plus this brochure's data.
struct PrintWorld<'a> {
    shared: &'a Engine,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main.id() {
            Ok(self.shared.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        self.today
    }
}

/// A typeset brochure.
pub struct Typeset {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
    /// The engine's warnings (e.g. a character no shipped font has).
    pub warnings: Vec<String>,
}

/// Typesets `engine`'s template with `data` (the brochure as JSON) and exports a PDF in
/// `form` whose dates and document id come from `date` and `ident`, so that the same inputs
/// give the same bytes. A panic inside the engine (typst-pdf 0.13 panics on an outline title
/// cut inside a character, and content may find others) becomes an error of this brochure, not
/// the end of the build. An error names the template (the site's or the built-in one) and,
/// when the engine gives one, the line and column in it.
pub fn pdf(
    engine: &Engine,
    data: Vec<u8>,
    form: Form,
    date: Date,
    ident: &str,
) -> Result<Typeset, String> {
    unpanicked(|| typeset(engine, data, form, date, ident))
}

/// What `f` returns, or its panic as an error message.
fn unpanicked<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no reason given".to_string());
        Err(format!("the typesetting engine failed ({reason})"))
    })
}

fn typeset(
    engine: &Engine,
    data: Vec<u8>,
    form: Form,
    date: Date,
    ident: &str,
) -> Result<Typeset, String> {
    let today = datetime(date);
    let world = PrintWorld {
        shared: engine,
        data: Bytes::new(data),
        today,
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    let warnings = compiled
        .warnings
        .iter()
        .map(|w| engine.describe(w))
        .collect();
    let document = compiled.output.map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| engine.describe(e)).collect();
        messages.join("; ")
    })?;
    let document = match form {
        Form::Pages => document,
        Form::Booklet => impose(&document),
    };
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        timestamp: today.map(Timestamp::new_utc),
        page_ranges: None,
        standards: PdfStandards::default(),
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| engine.describe(e)).collect();
        messages.join("; ")
    })?;
    Ok(Typeset {
        pdf,
        pages: document.pages.len(),
        warnings,
    })
}

/// Lays the pages out two-up on landscape sheets in booklet order: printed on both sides
/// (flip on the short edge), the stack of sheets folds in the middle into the brochure.
///
/// Pages are padded with blank ones to a multiple of four. A short mark at the top and bottom
/// of each side shows the fold. Links and bookmarks are left out: the file is for printing.
fn impose(document: &PagedDocument) -> PagedDocument {
    let mut pages: Vec<Option<&Frame>> = document.pages.iter().map(|p| Some(&p.frame)).collect();
    while !pages.len().is_multiple_of(4) {
        pages.push(None);
    }
    let page_size = document
        .pages
        .first()
        .map_or(Size::zero(), |p| p.frame.size());
    let n = pages.len();
    let mut sides = Vec::with_capacity(n / 2);
    for sheet in 0..n / 4 {
        let front = (n - 1 - 2 * sheet, 2 * sheet);
        let back = (2 * sheet + 1, n - 2 - 2 * sheet);
        for (left, right) in [front, back] {
            let frame = side(page_size, pages[left], pages[right]);
            sides.push(Page {
                frame,
                fill: Smart::Auto,
                numbering: None,
                supplement: Content::empty(),
                number: sides.len() + 1,
            });
        }
    }
    PagedDocument {
        pages: sides,
        info: document.info.clone(),
        introspector: Introspector::default(),
    }
}

/// One side of a sheet: two pages next to each other, with fold marks between them.
fn side(page: Size, left: Option<&Frame>, right: Option<&Frame>) -> Frame {
    let mut sheet = Frame::hard(Size::new(page.x * 2.0, page.y));
    for (x, frame) in [(Abs::zero(), left), (page.x, right)] {
        if let Some(frame) = frame {
            sheet.push_frame(Point::with_x(x), without_links(frame.clone()));
        }
    }
    let stroke = FixedStroke {
        thickness: Abs::pt(0.3),
        ..FixedStroke::default()
    };
    let mark = Abs::mm(4.0);
    for y in [Abs::zero(), page.y - mark] {
        let line = Geometry::Line(Point::with_y(mark)).stroked(stroke.clone());
        sheet.push(
            Point::new(page.x, y),
            FrameItem::Shape(line, Span::detached()),
        );
    }
    sheet
}

/// A frame without its link areas (their targets are pages of the unimposed brochure).
fn without_links(mut frame: Frame) -> Frame {
    let items: Vec<(Point, FrameItem)> = frame
        .items()
        .filter(|(_, item)| !matches!(item, FrameItem::Link(..)))
        .map(|(point, item)| {
            let item = match item {
                FrameItem::Group(group) => {
                    let mut group = group.clone();
                    group.frame = without_links(group.frame);
                    FrameItem::Group(group)
                }
                other => other.clone(),
            };
            (*point, item)
        })
        .collect();
    frame.clear();
    for (point, item) in items {
        frame.push(point, item);
    }
    frame
}

fn datetime(date: Date) -> Option<Datetime> {
    let month = u8::try_from(date.month).ok()?;
    let day = u8::try_from(date.day).ok()?;
    Datetime::from_ymd_hms(date.year, month, day, 0, 0, 0)
}

/// Frees memory the engine keeps between compilations (its caches hold recent layouts).
pub fn evict_caches() {
    typst::comemo::evict(10);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_engine_becomes_an_error() {
        let failed: Result<(), String> =
            unpanicked(|| panic!("byte index 32767 is not a char boundary"));
        assert_eq!(
            failed,
            Err("the typesetting engine failed (byte index 32767 is not a char boundary)".into())
        );
    }
}
