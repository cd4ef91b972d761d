//! The partnership page: parties, legal basis, term, and whether it is in force on the
//! build date.

use serde::Serialize;

use super::parts::{self, Provenance};
use fluent_bundle::FluentValue;

use crate::model::{End, Partnership, Standing, Vocab};
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
    /// First day in force, in words, when known.
    pub start: Option<String>,
    /// Last day in force, in words, when known.
    pub end: Option<String>,
    /// The term in words, saying what the sources do not give ("from … to …").
    pub period: String,
    /// Is it in force on the build date, as far as the sources say (`in-force`, `not-yet`,
    /// `ended`, `unknown`)?
    pub standing: Standing,
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
        start: partnership.start.map(|d| ctx.date(d)),
        end: match partnership.end {
            End::On(d) => Some(ctx.date(d)),
            End::Open | End::Unknown => None,
        },
        period: period(ctx, partnership),
        standing: partnership.standing_on(ctx.date),
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

/// The term in words: the days the sources give, and what they do not.
fn period(ctx: &Ctx<'_>, partnership: &Partnership) -> String {
    let start = partnership.start.map(|d| FluentValue::from(ctx.date(d)));
    let end = match partnership.end {
        End::On(d) => Some(FluentValue::from(ctx.date(d))),
        End::Open | End::Unknown => None,
    };
    let (key, args) = match (start, partnership.end, end) {
        (Some(s), End::On(_), Some(e)) => ("period-from-to", vec![("start", s), ("end", e)]),
        (Some(s), End::Open, _) => ("period-from", vec![("start", s)]),
        (Some(s), _, _) => ("period-from-end-unknown", vec![("start", s)]),
        (None, End::On(_), Some(e)) => ("period-to-start-unknown", vec![("end", e)]),
        (None, End::Open, _) => ("period-open-start-unknown", vec![]),
        (None, _, _) => ("period-unknown", vec![]),
    };
    ctx.strings.get_with(key, &args)
}
