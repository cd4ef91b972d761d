//! The typst engine, embedded: a `World` of one template, one JSON data file and the shipped
//! fonts, compiled to a paged document and exported as PDF.
//!
//! Nothing is read from disk or the network: the template and fonts are compiled into the
//! program, so every machine prints the same bytes from the same inputs.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

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

/// Typesets the template with `data` (the brochure as JSON) and exports a PDF whose dates and
/// document id come from `date` and `ident`, so that the same inputs give the same bytes.
pub fn pdf(data: Vec<u8>, date: Date, ident: &str) -> Result<Typeset, String> {
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
