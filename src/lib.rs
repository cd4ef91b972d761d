//! kartoteka: a static site generator for bilingual public service directories.
//!
//! The pipeline runs one way: [`load`] reads files, [`validate`] turns them into the typed
//! [`model::Site`] (or every problem in them), and the output stages read that model.

pub mod build;
pub mod diagnostics;
pub mod escape;
pub mod init;
pub mod links;
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
pub mod urls;
pub mod validate;

use std::path::Path;

pub use build::{BuildError, BuildOptions, Built, build};
pub use diagnostics::{Diagnostic, Severity};
pub use model::{Date, Lang, Site};
pub use validate::Checked;

/// Loads and validates the site at `root`, judging `verified` dates against `today`; when
/// that finds no error, compiles the theme's templates (errors at their `path:LINE:COL`),
/// then renders the site without writing anything and follows the content's links and images
/// ([`build::check_outputs`]), so that a site `check` passes also builds.
pub fn check(root: &Path, today: Date) -> Checked {
    let mut checked = check_sources(root, today);
    if let Some(site) = &checked.site {
        let found = build::check_outputs(site, today);
        if found.iter().any(Diagnostic::is_error) {
            checked.site = None;
        }
        checked.diagnostics.extend(found);
        diagnostics::sort(&mut checked.diagnostics);
    }
    checked
}

/// The part of [`check`] that reads no output: validation, the theme's templates and the
/// brochure template. `kartoteka build` runs this and then [`build()`], which follows the
/// links on what it renders ([`BuildError::Links`]), so that a build renders the site once.
pub fn check_sources(root: &Path, today: Date) -> Checked {
    let mut checked = validate::check_site(root, today);
    if let Some(site) = &checked.site {
        let mut problems = Vec::new();
        if let Err(e) = render::Renderer::new(site) {
            problems.push(build::render_diagnostic(site, &e));
        }
        problems.extend(brochure_template_diagnostic(site));
        if !problems.is_empty() {
            checked.site = None;
            checked.diagnostics.extend(problems);
            diagnostics::sort(&mut checked.diagnostics);
        }
    }
    checked
}

/// The brochure template's first syntax error, at its file, line and column (compiling it
/// needs a brochure's data: `build` reports the rest).
fn brochure_template_diagnostic(site: &Site) -> Option<Diagnostic> {
    print::typeset::template_syntax_error(&site.theme).map(|e| Diagnostic {
            source_line: site
                .theme
                .brochure_template
                .lines()
                .nth(e.line.saturating_sub(1))
                .map(str::to_string),
            path: e.path,
            line: e.line,
            column: e.column,
            severity: Severity::Error,
            message: format!("the brochure template does not parse: {}", e.message),
            help: Some("fix the template, or delete the site's copy to use the built-in one; typst's syntax: https://typst.app/docs/reference/syntax/".into()),
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
