//! The typst engine, embedded: a `World` of one template, one JSON data file and the shipped
//! fonts, compiled to a paged document and exported as PDF.
//!
//! Nothing is read from disk or the network: the template and fonts are compiled into the
//! program, so every machine prints the same bytes from the same inputs.

use std::panic::AssertUnwindSafe;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
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

use super::plan::Form;
use crate::model::Date;

/// The brochure template (`themes/default/print/brochure.typ`).
pub const TEMPLATE: &str = include_str!("../../themes/default/print/brochure.typ");

/// The shipped font family: Noto Sans regular, bold, italic and bold italic (SIL OFL 1.1).
pub const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../themes/default/print/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../themes/default/print/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../themes/default/print/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../themes/default/print/fonts/NotoSans-BoldItalic.ttf"),
];

/// The path the template reads its data from, with `json("/data.json")`.
const DATA_PATH: &str = "/data.json";

/// What is shared by every compilation: the standard library, the fonts and the template.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        let main_id = FileId::new(None, VirtualPath::new("/brochure.typ"));
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(main_id, TEMPLATE.to_string()),
            data_id: FileId::new(None, VirtualPath::new(DATA_PATH)),
        }
    })
}

/// One compilation: the shared parts plus this brochure's data.
struct PrintWorld {
    shared: &'static Shared,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for PrintWorld {
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

/// Typesets the template with `data` (the brochure as JSON) and exports a PDF in `form` whose
/// dates and document id come from `date` and `ident`, so that the same inputs give the same
/// bytes.
///
/// A panic inside the engine (typst-pdf 0.13 panics on an outline title cut inside a
/// character, and content may find others) becomes an error of this brochure, not the end of
/// the build.
pub fn pdf(data: Vec<u8>, form: Form, date: Date, ident: &str) -> Result<Typeset, String> {
    unpanicked(|| typeset(data, form, date, ident))
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

fn typeset(data: Vec<u8>, form: Form, date: Date, ident: &str) -> Result<Typeset, String> {
    let today = datetime(date);
    let world = PrintWorld {
        shared: shared(),
        data: Bytes::new(data),
        today,
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    let warnings = compiled.warnings.iter().map(describe).collect();
    let document = compiled.output.map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(describe).collect();
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
        let messages: Vec<String> = errors.iter().map(describe).collect();
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

fn describe(diagnostic: &SourceDiagnostic) -> String {
    let mut text = diagnostic.message.to_string();
    for hint in &diagnostic.hints {
        text.push_str(&format!(" (hint: {hint})"));
    }
    text
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
