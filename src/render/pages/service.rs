//! The service page: what it is, for whom, where, when, how to get in, who runs it, contact,
//! capacity, funding, licences, partnerships, sources and when it was checked — in that order.

use serde::Serialize;

use super::parts::{self, ContactView, LicenceView, LocationView, Provenance};
use crate::model::{Service, Vocab};
use crate::render::view::{Card, Ctx, Link, Term, Text};

/// The context of `service.html`.
#[derive(Debug, Serialize)]
pub struct ServicePage {
    /// The service's title.
    pub title: Text,
    /// A short form such as "ЦОП".
    pub abbreviation: Option<Text>,
    /// One plain sentence: what it is.
    pub summary: Text,
    /// The kind of service.
    pub service_type: Term,
    /// What it offers.
    pub activities: Vec<Term>,
    /// Whom it is for.
    pub target_groups: Vec<Term>,
    /// Youngest age served.
    pub age_min: Option<u32>,
    /// Oldest age served.
    pub age_max: Option<u32>,
    /// Where it is, with hours.
    pub locations: Vec<LocationView>,
    /// Where it works, shown when it has no location: its area ([`Service::area`]).
    pub area: Option<AreaView>,
    /// Does any location have opening hours?
    pub has_hours: bool,
    /// Can a person come without a referral from the social assistance office?
    pub self_referral: Option<bool>,
    /// Does it charge the user?
    pub fee: Option<bool>,
    /// Who runs it; `None`: provider not listed.
    pub provider: Option<Link>,
    /// How to reach it.
    pub contact: ContactView,
    /// Whom to ask instead, when the page gives no phone and no address.
    pub fallback: Option<FallbackView>,
    /// Places.
    pub capacity: Option<u32>,
    /// Facilities this entry stands for, when a source says.
    pub units: Option<u32>,
    /// How it is paid for.
    pub funding: Option<Term>,
    /// Licences and certificates.
    pub licences: Vec<LicenceView>,
    /// Partnerships covering it.
    pub partnerships: Vec<Card>,
    /// Related services.
    pub related: Vec<Card>,
    /// The Markdown body, sanitised.
    pub body: Option<Text>,
    /// Sources and "checked on".
    pub provenance: Provenance,
}

/// config.toml's `[fallback_contact]`, shown on a service page that gives no phone and no
/// address, so that the page is not a dead end.
#[derive(Debug, Serialize)]
pub struct FallbackView {
    /// The office to ask.
    pub name: Text,
    /// Its address.
    pub address: Option<Text>,
    /// Its phone, e-mail, web site.
    pub contact: ContactView,
    /// Where the name and address come from.
    pub source: Option<Text>,
    /// That source's date, in words.
    pub source_date: Option<String>,
    /// That date as YYYY-MM-DD, for `<time datetime>`.
    pub source_date_iso: Option<String>,
}

/// The area a service without an address works in.
#[derive(Debug, Serialize)]
pub struct AreaView {
    /// The locality; `None` for the whole municipality.
    pub locality: Option<Term>,
}

/// Builds the context of a service page.
pub fn context(ctx: &Ctx<'_>, service: &Service) -> ServicePage {
    let site = ctx.site;
    let locations = parts::locations(ctx, &service.locations);
    ServicePage {
        title: ctx.text(&service.listing.title),
        abbreviation: ctx.opt_text(service.listing.abbreviation.as_ref()),
        summary: ctx.text(&service.listing.summary),
        service_type: ctx.term(Vocab::ServiceTypes, service.service_type.as_str()),
        activities: service
            .activities
            .iter()
            .map(|a| ctx.term(Vocab::Activities, a.as_str()))
            .collect(),
        target_groups: service
            .target_groups
            .iter()
            .map(|t| ctx.term(Vocab::TargetGroups, t.as_str()))
            .collect(),
        age_min: service.age_min,
        age_max: service.age_max,
        area: area(ctx, service),
        has_hours: locations.iter().any(|l| !l.hours.is_empty()),
        locations,
        self_referral: service.self_referral,
        fee: service.fee,
        provider: service.provider.as_ref().and_then(|p| ctx.provider_link(p)),
        contact: parts::contact(ctx, &service.contact),
        fallback: fallback(ctx, service),
        capacity: service.capacity,
        units: service.units,
        funding: service
            .funding
            .as_ref()
            .map(|f| ctx.term(Vocab::Funding, f.as_str())),
        licences: parts::licences(ctx, &service.licences),
        partnerships: site
            .partnerships_covering(&service.id)
            .map(|p| ctx.partnership_card(p))
            .collect(),
        related: service
            .related
            .iter()
            .filter_map(|id| site.services.get(id))
            .map(|s| ctx.service_card(s))
            .collect(),
        body: ctx.markdown(&service.listing.body),
        provenance: parts::provenance(ctx, &service.listing),
    }
}

/// The area shown for a service without a location; `None` when it has one or when neither the
/// service nor config.toml names an area.
fn area(ctx: &Ctx<'_>, service: &Service) -> Option<AreaView> {
    if !service.locations.is_empty() {
        return None;
    }
    let area = service.area(ctx.site.config.area_served.as_ref())?;
    Some(AreaView {
        locality: area
            .locality()
            .map(|l| ctx.term(Vocab::Localities, l.as_str())),
    })
}

/// The site's fallback contact, for a service with no phone and no location (every location
/// has an address); `None` when the service has either or config.toml names no fallback.
fn fallback(ctx: &Ctx<'_>, service: &Service) -> Option<FallbackView> {
    if !service.contact.phones.is_empty() || !service.locations.is_empty() {
        return None;
    }
    let f = ctx.site.config.fallback_contact.as_ref()?;
    Some(FallbackView {
        name: ctx.text(&f.name),
        address: ctx.opt_text(f.address.as_ref()),
        contact: parts::contact(ctx, &f.contact),
        source: ctx.opt_text(f.source.as_ref()),
        source_date: f.source_date.map(|d| ctx.date(d)),
        source_date_iso: f.source_date.map(|d| d.to_string()),
    })
}
