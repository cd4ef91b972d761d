//! The kinds of content a site has, one per folder of `content/`.

/// The folders of `content/`, one per content kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `content/_index.md`: the home page's text.
    Home,
    /// `content/services/`.
    Service,
    /// `content/providers/`.
    Provider,
    /// `content/partnerships/`.
    Partnership,
    /// `content/pages/`.
    Page,
    /// `content/brochures/`.
    Brochure,
}

impl Kind {
    /// The kinds that live in a folder of their own.
    pub const FOLDERS: [Kind; 5] = [
        Kind::Service,
        Kind::Provider,
        Kind::Partnership,
        Kind::Page,
        Kind::Brochure,
    ];

    /// The folder under `content/` (empty for the home page).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Home => "",
            Kind::Service => "services",
            Kind::Provider => "providers",
            Kind::Partnership => "partnerships",
            Kind::Page => "pages",
            Kind::Brochure => "brochures",
        }
    }
}
