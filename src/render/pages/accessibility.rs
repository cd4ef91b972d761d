//! The accessibility statement's page: what config.toml `[accessibility]` says (the last
//! evaluation, its result, whom to tell about barriers), in the page's language.

use serde::Serialize;

use super::parts::{ContactView, contact};
use crate::render::view::{Ctx, Text};

/// The context of `accessibility.html`.
#[derive(Debug, Serialize)]
pub struct AccessibilityPage {
    /// The body responsible for the site: the municipality, else the site's name.
    pub publisher: Text,
    /// The date of the last evaluation, in words.
    pub evaluated: Option<String>,
    /// The same date for `<time datetime>`.
    pub evaluated_iso: Option<String>,
    /// What the evaluation found.
    pub result: Option<Text>,
    /// Whom to tell about barriers (`empty` when the site has not said).
    pub contact: ContactView,
}

/// The statement of the site in `ctx.lang`.
pub fn context(ctx: &Ctx<'_>) -> AccessibilityPage {
    let config = &ctx.site.config;
    let a = &config.accessibility;
    AccessibilityPage {
        publisher: ctx.text(config.municipality.as_ref().unwrap_or(&config.title)),
        evaluated: a.evaluated.map(|d| ctx.date(d)),
        evaluated_iso: a.evaluated.map(|d| d.to_string()),
        result: ctx.opt_text(a.result.as_ref()),
        contact: contact(ctx, &a.contact),
    }
}
