//! The typst engine, embedded: a `World` of one template, one JSON data file and the theme's
//! fonts, compiled to a paged document and exported as a tagged PDF declaring PDF/UA-1 (the
//! A4 booklet, imposed for folding, as an untagged PDF for printing).
//!
//! Nothing is read from disk or the network: the template and fonts come from the site's
//! [`Theme`] (read when the site is loaded; the built-in theme's are compiled into the
//! program), so every machine prints the same bytes from the same inputs.

use std::panic::AssertUnwindSafe;

use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Content, Datetime, Duration, Smart};
use typst::layout::{Abs, Frame, FrameItem, Point, Size};
use typst::model::Document as _;
use typst::syntax::{
    DiagSpan, DiagSpanKind, FileId, RootedPath, Source, Span, VirtualPath, VirtualRoot,
};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::visualize::{FixedStroke, Geometry};
use typst::{Feature, Library, LibraryExt, World};
use typst_layout::{Page, PagedDocument};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::cache;
use super::plan::Form;
use crate::model::Date;
use crate::model::theme::Theme;

/// The path the template reads its data from, with `json("/data.json")`.
const DATA_PATH: &str = "/data.json";

/// The engine and how it exports, for the PDF cache's keys: a PDF typeset by another typst or
/// exported otherwise is never reused. Keep it equal to Cargo.toml's `typst` (a test checks).
pub const ENGINE: &str = "typst 0.15.1; PDF/UA-1, tagged; booklet untagged";

/// The template's own path in the engine's virtual file system.
const MAIN_PATH: &str = "/brochure.typ";

/// The id of a file of the project root (both paths above are valid virtual paths).
fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("{path} is a valid path"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

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
        // `a11y-extras` gives the template `pdf.header-cell`: the labels of a service's facts
        // are the headers of their rows.
        let library = Library::builder()
            .with_features([Feature::A11yExtras].into_iter().collect())
            .build();
        Engine {
            library: LazyHash::new(library),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(file_id(MAIN_PATH), theme.brochure_template.clone()),
            data_id: file_id(DATA_PATH),
            origin: theme.origin(Theme::BROCHURE_TEMPLATE),
            digest: cache::engine_digest(
                ENGINE,
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
    fn line_column(&self, span: DiagSpan) -> Option<(usize, usize)> {
        line_column(&self.main, span)
    }

    /// `path:line:column` of `span` when it is in the template, else the template's path.
    fn position(&self, span: DiagSpan) -> String {
        match self.line_column(span) {
            Some((line, column)) => format!("{}:{line}:{column}", self.origin),
            None => self.origin.clone(),
        }
    }

    /// An engine's message, placed in the template when it can be.
    fn describe(&self, diagnostic: &SourceDiagnostic) -> String {
        let mut text = diagnostic.message.to_string();
        for hint in &diagnostic.hints {
            text.push_str(&format!(" (hint: {})", hint.v));
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
    let main = Source::new(file_id(MAIN_PATH), theme.brochure_template.clone());
    let error = main.root().errors_and_warnings().0.into_iter().next()?;
    let (line, column) = line_column(&main, error.span).unwrap_or((1, 1));
    Some(TemplateSyntaxError {
        path: theme.origin(Theme::BROCHURE_TEMPLATE),
        line,
        column,
        message: error.message.to_string(),
    })
}

/// 1-based line and column of `span` when it is in `source`.
fn line_column(source: &Source, span: DiagSpan) -> Option<(usize, usize)> {
    let range = match span.get() {
        DiagSpanKind::Number { id, num, sub_range } if id == source.id() => {
            source.range(num, sub_range)?
        }
        DiagSpanKind::Range { id, range } if id == source.id() => range,
        _ => return None,
    };
    let (line, column) = source.lines().byte_to_line_column(range.start)?;
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
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            Ok(self.data.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// The error for a file the template may not read (it has only its data).
fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
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
/// give the same bytes. A panic inside the engine (typst-pdf 0.13 panicked on an outline title
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
    let (document, options) = match form {
        Form::Pages => (document, reading_options(ident, today)),
        Form::Booklet => (impose(&document), printing_options(ident, today)),
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| engine.describe(e)).collect();
        messages.join("; ")
    })?;
    Ok(Typeset {
        pdf,
        pages: document.pages().len(),
        warnings,
    })
}

/// The brochure to read, on paper or on screen: a tagged PDF that declares PDF/UA-1 (its
/// structure, language, title, outline and alt texts; the engine refuses a document that
/// breaks the standard's rules it can check, e.g. an image without alt text or a skipped
/// heading level).
fn reading_options(ident: &str, today: Option<Datetime>) -> PdfOptions {
    let standards = PdfStandards::new(&[PdfStandard::Ua_1])
        .unwrap_or_else(|_| unreachable!("PDF/UA-1 alone is a valid set of standards"));
    PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: today.map(Timestamp::new_utc),
        standards,
        tagged: true,
        ..PdfOptions::default()
    }
}

/// The imposed booklet, for the printer only: its pages are in folding order, two to a side,
/// so a reading order cannot exist. It is left untagged, and its title says it is for
/// printing (the template's `booklet` words, see `document::Document::title`).
fn printing_options(ident: &str, today: Option<Datetime>) -> PdfOptions {
    PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: today.map(Timestamp::new_utc),
        tagged: false,
        ..PdfOptions::default()
    }
}

/// Lays the pages out two-up on landscape sheets in booklet order: printed on both sides
/// (flip on the short edge), the stack of sheets folds in the middle into the brochure.
///
/// Pages are padded with blank ones to a multiple of four. A short mark at the top and bottom
/// of each side shows the fold. Links, bookmarks and the structure's tags are left out: the
/// file is for printing.
fn impose(document: &PagedDocument) -> PagedDocument {
    let mut pages: Vec<Option<&Page>> = document.pages().iter().map(Some).collect();
    while !pages.len().is_multiple_of(4) {
        pages.push(None);
    }
    let first = document.pages().first();
    let page_size = first.map_or(Size::zero(), |p| p.frame.size());
    let bleed = first.map(|p| p.bleed).unwrap_or_default();
    let n = pages.len();
    let mut sides = Vec::with_capacity(n / 2);
    for sheet in 0..n / 4 {
        let front = (n - 1 - 2 * sheet, 2 * sheet);
        let back = (2 * sheet + 1, n - 2 - 2 * sheet);
        for (left, right) in [front, back] {
            let frame = side(
                page_size,
                pages[left].map(|p| &p.frame),
                pages[right].map(|p| &p.frame),
            );
            sides.push(Page {
                frame,
                bleed,
                fill: Smart::Auto,
                numbering: None,
                supplement: Content::empty(),
                number: sides.len() as u64 + 1,
            });
        }
    }
    PagedDocument::new(sides.into_iter().collect(), document.info().clone())
}

/// One side of a sheet: two pages next to each other, with fold marks between them.
fn side(page: Size, left: Option<&Frame>, right: Option<&Frame>) -> Frame {
    let mut sheet = Frame::hard(Size::new(page.x * 2.0, page.y));
    for (x, frame) in [(Abs::zero(), left), (page.x, right)] {
        if let Some(frame) = frame {
            sheet.push_frame(Point::with_x(x), for_print(frame.clone()));
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

/// A frame without its link areas (their targets are pages of the unimposed brochure) and
/// its introspection tags (the imposed pages are in folding order: no structure follows it).
fn for_print(mut frame: Frame) -> Frame {
    let items: Vec<(Point, FrameItem)> = frame
        .items()
        .filter(|(_, item)| !matches!(item, FrameItem::Link(..) | FrameItem::Tag(..)))
        .map(|(point, item)| {
            let item = match item {
                FrameItem::Group(group) => {
                    let mut group = group.clone();
                    group.frame = for_print(group.frame);
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
    fn the_cache_names_the_typst_that_cargo_builds() {
        let manifest = include_str!("../../Cargo.toml");
        let pinned = manifest
            .lines()
            .find_map(|l| l.strip_prefix("typst = \""))
            .and_then(|l| l.strip_suffix('"'))
            .expect("Cargo.toml pins typst");
        assert!(ENGINE.starts_with(&format!("typst {pinned};")), "{ENGINE}");
    }

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
