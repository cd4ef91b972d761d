//! The sources page: every document the listings' facts come from, with its date and the
//! listings that cite it (each listing's "По данни от" links here).

use serde::Serialize;

use crate::model::{Kind, Lang, SourceDocument};
use crate::render::view::{Ctx, Link, Text};
use crate::urls;

/// The context of `sources.html`.
#[derive(Debug, Serialize)]
pub struct SourcesPage {
    /// The documents, newest first.
    pub documents: Vec<DocumentView>,
}

/// One source document.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    /// Its anchor on this page (each listing links to it).
    pub anchor: String,
    /// Its title.
    pub title: Text,
    /// Its date in words, at its precision.
    pub date: Option<String>,
    /// The same in ISO 8601, for `<time datetime>`.
    pub date_iso: Option<String>,
    /// What it covers: the listings that cite it, each with where in the document it stands.
    pub citations: Vec<CitationView>,
}

/// A listing that cites a document.
#[derive(Debug, Serialize)]
pub struct CitationView {
    /// The listing's page, by its title.
    pub link: Link,
    /// Where in the document.
    pub reference: Option<Text>,
}

/// Builds the context of the sources page.
pub fn context(ctx: &Ctx<'_>) -> SourcesPage {
    SourcesPage {
        documents: ctx
            .site
            .source_documents()
            .iter()
            .map(|d| document(ctx, d))
            .collect(),
    }
}

fn document(ctx: &Ctx<'_>, d: &SourceDocument<'_>) -> DocumentView {
    DocumentView {
        anchor: d.source.anchor(),
        title: ctx.text(&d.source.title),
        date: d.source.date.map(|date| ctx.strings.source_date(date)),
        date_iso: d.source.date.map(|date| date.to_string()),
        citations: d
            .citations
            .iter()
            .map(|c| CitationView {
                link: Link {
                    url: listing_url(ctx.lang, c.kind, c.id),
                    label: ctx.text(&c.listing.title),
                },
                reference: ctx.opt_text(c.reference),
            })
            .collect(),
    }
}

fn listing_url(lang: Lang, kind: Kind, id: &str) -> String {
    match kind {
        Kind::Provider => urls::provider(lang, id),
        Kind::Partnership => urls::partnership(lang, id),
        _ => urls::service(lang, id),
    }
}
