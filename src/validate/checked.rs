//! Reading a [`Checked`]: its errors, and its site once there are none — so that `check`,
//! `build`, the publishing hook and the tests ask the same question the same way.

use std::fmt;

use super::Checked;
use crate::diagnostics::Diagnostic;
use crate::model::Site;

impl Checked {
    /// The errors among the diagnostics (warnings left out), in their order.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Does any diagnostic stop the site from being built?
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The site, when it checked without errors; else the whole result, to report.
    pub fn into_site(self) -> Result<Site, CheckFailed> {
        match self.site {
            Some(site) if !self.has_errors() => Ok(site),
            site => Err(CheckFailed(Box::new(Checked { site, ..self }))),
        }
    }
}

/// A check that found errors ([`Checked::into_site`]'s error). It shows as its errors in
/// their plain form, one a line (also in `Debug`, so that a test's `expect` prints them).
pub struct CheckFailed(pub Box<Checked>);

impl fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: Vec<String> = self.0.errors().map(Diagnostic::to_plain).collect();
        match errors.len() {
            1 => writeln!(f, "the site has 1 error:")?,
            n => writeln!(f, "the site has {n} errors:")?,
        }
        f.write_str(&errors.join("\n"))
    }
}

impl fmt::Debug for CheckFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for CheckFailed {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;
    use crate::validate::Stats;

    fn checked(severities: &[Severity]) -> Checked {
        Checked {
            site: None,
            diagnostics: severities
                .iter()
                .map(|&s| Diagnostic::whole_file("content/x.md", s, format!("{s}")))
                .collect(),
            stats: Stats::default(),
        }
    }

    #[test]
    fn errors_leave_warnings_out() {
        let c = checked(&[Severity::Warning, Severity::Error, Severity::Warning]);
        assert_eq!(c.errors().count(), 1);
        assert!(c.has_errors());
        assert!(!checked(&[Severity::Warning]).has_errors());
    }

    #[test]
    fn a_failed_check_shows_its_errors() {
        let failed = checked(&[Severity::Error, Severity::Warning])
            .into_site()
            .expect_err("no site");
        assert_eq!(
            failed.to_string(),
            "the site has 1 error:\ncontent/x.md:1:1: error: error"
        );
    }
}
