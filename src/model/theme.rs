//! A site's theme as read: Tera templates, static files, built-in UI strings and the
//! brochure's typst template and fonts (read by `load::theme`, the built-in theme with the
//! site's files on top).

use std::collections::BTreeMap;

use super::Lang;

/// A theme: every file by its path inside `templates/`, `static/`, `i18n/` and `print/`.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    /// Tera templates by name (`service.html`, `macros.html`).
    pub templates: BTreeMap<String, String>,
    /// Static files by path (`style.css`), copied under `/assets/`.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Built-in UI strings by language (`i18n/bg.ftl`).
    pub strings: BTreeMap<Lang, String>,
    /// The brochure's typst template (`print/brochure.typ`).
    pub brochure_template: String,
    /// The brochure's font files by name (`print/fonts/NotoSans-Regular.ttf` →
    /// `NotoSans-Regular.ttf`): `.ttf` and `.otf`, every one available to the template.
    pub print_fonts: BTreeMap<String, Vec<u8>>,
    /// Where each file that the site brings came from, by its path inside the theme
    /// (`templates/service.html` → `themes/default/templates/service.html`); files of the
    /// built-in theme have none.
    pub from_site: BTreeMap<String, String>,
}

impl Theme {
    /// The brochure template's path inside the theme.
    pub const BROCHURE_TEMPLATE: &str = "print/brochure.typ";

    /// Where the theme file at `path` (inside the theme, e.g. `templates/service.html`) came
    /// from, for messages: the site's file, or the built-in theme.
    pub fn origin(&self, path: &str) -> String {
        match self.from_site.get(path) {
            Some(site_path) => site_path.clone(),
            None => format!("(built-in theme) {path}"),
        }
    }
}
