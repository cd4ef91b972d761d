//! The partnership page: parties, legal basis, term, and whether it is in force on the
//! build date.

use serde::Serialize;

use super::parts::{self, Provenance};
use crate::model::{Partnership, Vocab};
use crate::render::view::{Card, Ctx, Link, Term, Text};

/// The context of `partnership.html`.
#[derive(Debug, Serialize)]
pub struct PartnershipPage {
    /// The agreement's title.
    pub title: Text,
    /// A short form.
    pub abbreviation: Option<Text>,
    /// One plain sentence.
    pub summary: Text,
    /// What kind of agreement it is.
    pub kind: Term,
    /// The parties, linked.
    pub parties: Vec<Link>,
    /// The law or decision it rests on.
    pub legal_basis: Option<Text>,
    /// First day in force, in words.
    pub start: String,
    /// Last day in force, in words, if it ends.
    pub end: Option<String>,
    /// Is it in force on the build date?
    pub in_force: bool,
    /// Has it not started yet on the build date?
    pub upcoming: bool,
    /// The build date, in words.
    pub today: String,
    /// The services it covers.
    pub services: Vec<Card>,
    /// The Markdown body, sanitised.
    pub body: Option<Text>,
    /// Sources and "checked on".
    pub provenance: Provenance,
}

/// Builds the context of a partnership page.
pub fn context(ctx: &Ctx<'_>, partnership: &Partnership) -> PartnershipPage {
    PartnershipPage {
        title: ctx.text(&partnership.listing.title),
        abbreviation: ctx.opt_text(partnership.listing.abbreviation.as_ref()),
        summary: ctx.text(&partnership.listing.summary),
        kind: ctx.term(Vocab::PartnershipKinds, partnership.kind.as_str()),
        parties: partnership
            .parties
            .iter()
            .filter_map(|p| ctx.provider_link(p))
            .collect(),
        legal_basis: ctx.opt_text(partnership.legal_basis.as_ref()),
        start: ctx.date(partnership.start),
        end: partnership.end.map(|d| ctx.date(d)),
        in_force: partnership.in_force_on(ctx.date),
        upcoming: ctx.date < partnership.start,
        today: ctx.date(ctx.date),
        services: partnership
            .services
            .iter()
            .filter_map(|id| ctx.site.services.get(id))
            .map(|s| ctx.service_card(s))
            .collect(),
        body: ctx.markdown(&partnership.listing.body),
        provenance: parts::provenance(ctx, &partnership.listing),
    }
}
