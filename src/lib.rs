//! kartoteka: a static site generator for bilingual public service directories.
//!
//! The pipeline runs one way: [`load`] reads files, [`validate`] turns them into the typed
//! [`model::Site`] (or every problem in them), and the output stages read that model.

pub mod config;
pub mod diagnostics;
pub mod escape;
pub mod i18n;
pub mod init;
pub mod load;
pub mod model;
pub mod opendata;
pub mod output;
pub mod print;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use diagnostics::{Diagnostic, Severity};
pub use model::{Date, Lang, Site};
pub use validate::Checked;

/// Loads and validates the site at `root`, judging `verified` dates against `today`.
pub fn check(root: &Path, today: Date) -> Checked {
    validate::check_site(root, today)
}

/// What a build wrote.
#[derive(Debug)]
pub struct Built {
    /// HTML pages per language.
    pub pages: BTreeMap<Lang, usize>,
    /// Every file written (pages, assets, sitemap, feeds).
    pub files: usize,
    /// The brochures: how many were typeset and how many came from the cache.
    pub print: print::PrintStats,
}

/// Choices of a build beyond the site itself.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// Leave the PDF brochures out (`--no-pdf`): pages still link to them.
    pub no_pdf: bool,
    /// A folder that keeps typeset brochures between builds, keyed by their inputs.
    pub pdf_cache: Option<PathBuf>,
}

/// Why a checked site could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Rendering failed (theme, template).
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// Writing failed; the previous output folder is as it was.
    #[error(transparent)]
    Write(#[from] output::WriteError),
    /// A brochure could not be typeset.
    #[error(transparent)]
    Print(#[from] print::PrintError),
}

/// Renders a checked site as of `date` and writes it to the folder `output`, replacing that
/// folder only when everything succeeded. `progress` is called once per page rendered.
pub fn build(
    site: &Site,
    output: &Path,
    date: Date,
    progress: &(dyn Fn() + Sync),
    options: &BuildOptions,
) -> Result<Built, BuildError> {
    let staging = output::Staging::new(output)?;
    let renderer = render::Renderer::new(site)?;
    let (rendered, printed) = rayon::join(
        || render::render_into(&renderer, site, date, progress, &staging),
        || match options.no_pdf {
            true => Ok(print::Printed {
                pdfs: Vec::new(),
                stats: print::PrintStats::default(),
            }),
            false => print::brochures(site, date, options.pdf_cache.as_deref()),
        },
    );
    let (pages, _) = rendered?;
    let printed = printed?;
    for pdf in printed.pdfs {
        staging.put(&pdf.planned.path, &pdf.bytes)?;
    }
    let files = staging.count();
    staging.commit()?;
    Ok(Built {
        pages,
        files,
        print: printed.stats,
    })
}

/// The one-line summary `check` ends with:
/// `N services, M providers, … — E errors, W warnings, English coverage P%`.
pub fn summary_line(checked: &Checked) -> String {
    let (errors, warnings) = diagnostics::count(&checked.diagnostics);
    let s = &checked.stats;
    let counts = format!(
        "{} services ({} units), {} providers, {} partnerships, {} pages, {} brochures",
        s.services, s.units, s.providers, s.partnerships, s.pages, s.brochures
    );
    let coverage = format!(", English coverage {:.0}%", s.english_coverage);
    format!(
        "{counts} — {errors} {}, {warnings} {}{coverage}",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
