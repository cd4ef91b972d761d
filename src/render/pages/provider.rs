//! The provider page: what the organisation is, where and how to reach it, and — found
//! without being told — every service it runs and every partnership it is a party to.

use serde::Serialize;

use super::parts::{self, ContactView, LicenceView, LocationView, Provenance};
use crate::model::{Provider, Vocab};
use crate::render::view::{Card, Ctx, Term, Text};
use crate::urls;

/// The context of `provider.html`.
#[derive(Debug, Serialize)]
pub struct ProviderPage {
    /// The organisation's name.
    pub title: Text,
    /// A short form.
    pub abbreviation: Option<Text>,
    /// One plain sentence.
    pub summary: Text,
    /// What kind of organisation it is.
    pub kind: Term,
    /// Bulgarian company id (ЕИК).
    pub eik: Option<String>,
    /// Offices.
    pub locations: Vec<LocationView>,
    /// How to reach it.
    pub contact: ContactView,
    /// Licences and certificates.
    pub licences: Vec<LicenceView>,
    /// The services it runs.
    pub services: Vec<Card>,
    /// The partnerships it is a party to.
    pub partnerships: Vec<Card>,
    /// Its printed brochure (PDF), when it runs services.
    pub brochure: Option<String>,
    /// The Markdown body, sanitised.
    pub body: Option<Text>,
    /// Sources and "checked on".
    pub provenance: Provenance,
}

/// Builds the context of a provider page.
pub fn context(ctx: &Ctx<'_>, provider: &Provider) -> ProviderPage {
    ProviderPage {
        title: ctx.text(&provider.listing.title),
        abbreviation: ctx.opt_text(provider.listing.abbreviation.as_ref()),
        summary: ctx.text(&provider.listing.summary),
        kind: ctx.term(Vocab::ProviderKinds, provider.kind.as_str()),
        eik: provider.eik.clone(),
        locations: parts::locations(ctx, &provider.locations),
        contact: parts::contact(ctx, &provider.contact),
        licences: parts::licences(ctx, &provider.licences),
        services: ctx
            .index
            .services_of(provider.id.as_str())
            .iter()
            .map(|s| ctx.service_card(s))
            .collect(),
        partnerships: ctx
            .site
            .partnerships_of(&provider.id)
            .map(|p| ctx.partnership_card(p))
            .collect(),
        brochure: ctx
            .index
            .services_of(provider.id.as_str())
            .first()
            .map(|_| urls::provider_brochure(ctx.lang, provider.id.as_str())),
        body: ctx.markdown(&provider.listing.body),
        provenance: parts::provenance(ctx, &provider.listing),
    }
}
