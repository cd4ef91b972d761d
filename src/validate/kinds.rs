//! Readers for each content kind: a front matter table → the kind's model type.
//!
//! Each reader serves both roles: for a translation, neutral fields are refused by the table
//! and the translatable ones are collected; the model it returns is then not used.

use toml::Spanned;

use super::fields::{Need, Role, Table};
use super::known::Known;
use super::parts;
use crate::model::Kind;
use crate::model::eik::check_eik;
use crate::model::vocab::{
    Activity, Funding, Locality, PartnershipKind, ProviderKind, ServiceType, TargetGroup,
};
use crate::model::{
    Body, Brochure, End, Home, Id, Localized, Origin, Page, Paper, Partnership, Provider,
    Selection, Service,
};

/// Reads a service.
pub fn service(
    t: &mut Table<'_, '_>,
    known: &Known<'_>,
    id: &str,
    body: Body,
    origin: Origin,
) -> Option<Service> {
    let listing = parts::listing(t, known, body, origin);
    let service_type = known.term::<ServiceType>(t, "type", Need::Required);
    let provider = known.reference(t, "provider", Kind::Provider, Need::Optional);
    let units = t.neutral_count("units", 1).map(Spanned::into_inner);
    let activities = known.terms::<Activity>(t, "activities", Need::Required);
    let target_groups = known.terms::<TargetGroup>(t, "target_groups", Need::Required);
    let funding = known.term::<Funding>(t, "funding", Need::Optional);
    let capacity = t.neutral_count("capacity", 0).map(Spanned::into_inner);
    let users = t.neutral_count("users", 0).map(Spanned::into_inner);
    let age_min = t.neutral_count("age_min", 0);
    let age_max = t.neutral_count("age_max", 0);
    if let (Some(min), Some(max)) = (&age_min, &age_max)
        && min.get_ref() > max.get_ref()
    {
        t.ctx().error(
            min.span(),
            format!(
                "`age_min` ({}) is greater than `age_max` ({})",
                min.get_ref(),
                max.get_ref()
            ),
            "swap the two numbers, or correct the one that is wrong",
        );
    }
    let self_referral = t.neutral_bool("self_referral");
    let fee = t.neutral_bool("fee");
    let related = known
        .references(t, "related", Kind::Service, Need::Optional)
        .unwrap_or_default();
    if related.iter().any(|r| r.as_str() == id) {
        t.ctx().error(
            t.span(),
            format!("`related` lists the service itself (`{id}`)"),
            "remove its own id from `related`",
        );
    }
    let locations = parts::locations(t, known);
    let area_served = parts::area_served(t, known.vocabularies);
    let contact = parts::contact(t);
    let licences = parts::licences(t, known);
    if t.ctx().role == Role::Default {
        missing_warnings(t, provider.is_none(), &locations, &contact);
    }
    Some(Service {
        id: Id::new(id),
        listing: listing?,
        service_type: service_type?,
        provider,
        units,
        activities: non_empty(activities?)?,
        target_groups: non_empty(target_groups?)?,
        funding,
        capacity,
        users,
        age_min: age_min.map(Spanned::into_inner),
        age_max: age_max.map(Spanned::into_inner),
        self_referral,
        fee,
        related,
        locations,
        area_served,
        contact,
        licences,
    })
}

fn non_empty<T>(list: Vec<T>) -> Option<Vec<T>> {
    (!list.is_empty()).then_some(list)
}

fn missing_warnings(
    t: &Table<'_, '_>,
    no_provider: bool,
    locations: &[crate::model::Location],
    contact: &crate::model::Contact,
) {
    let ctx = t.ctx();
    if no_provider && !ctx.has_errors() {
        ctx.warning(0..0, "no provider: the page will say \"provider not listed\"", "add provider = \"…\" with the id of a file in content/providers/, once a source names who runs it");
    }
    if locations.is_empty() {
        ctx.warning(
            0..0,
            "no address: citizens cannot see where the service is",
            "add a [[locations]] table with address and locality, once a source gives them",
        );
    }
    if contact.phones.is_empty() {
        ctx.warning(
            0..0,
            "no phone number: citizens cannot call",
            "add [contact] with phone = [\"…\"], once a source gives one",
        );
    }
}

/// Reads a provider.
pub fn provider(
    t: &mut Table<'_, '_>,
    known: &Known<'_>,
    id: &str,
    body: Body,
    origin: Origin,
) -> Option<Provider> {
    let listing = parts::listing(t, known, body, origin);
    let kind = known.term::<ProviderKind>(t, "kind", Need::Required);
    let eik = t
        .neutral_str("eik", Need::Optional, "\"123456789\"")
        .and_then(|e| match check_eik(e.get_ref()) {
            Ok(()) => Some(e.into_inner()),
            Err(problem) => {
                t.ctx().error(
                    e.span(),
                    format!("`eik` is not valid: {problem}"),
                    "copy the ЕИК from the Commercial Register (9 or 13 digits)",
                );
                None
            }
        });
    let licences = parts::licences(t, known);
    let locations = parts::locations(t, known);
    let contact = parts::contact(t);
    Some(Provider {
        id: Id::new(id),
        listing: listing?,
        kind: kind?,
        eik,
        licences,
        locations,
        contact,
    })
}

/// Reads a partnership.
pub fn partnership(
    t: &mut Table<'_, '_>,
    known: &Known<'_>,
    id: &str,
    body: Body,
    origin: Origin,
) -> Option<Partnership> {
    let listing = parts::listing(t, known, body, origin);
    let parties = known.references(t, "parties", Kind::Provider, Need::Required);
    if let Some(parties) = &parties
        && parties.len() < 2
        && !t.ctx().has_errors()
    {
        t.ctx().error(t.span(), format!("a partnership needs two or more `parties`, found {}", parties.len()), "list the ids of every provider that signed it, e.g. parties = [\"obshtina-ruse\", \"…\"]");
    }
    let kind = known.term::<PartnershipKind>(t, "kind", Need::Required);
    let legal_basis = t
        .text("legal_basis", Need::Optional)
        .map(|l| Localized::new(l.into_inner()));
    let start = t.neutral_date("start", Need::Optional);
    let open = t.neutral_word("end", "open");
    let end = if open {
        None
    } else {
        t.neutral_date("end", Need::Optional)
    };
    if let (Some(start), Some(end)) = (&start, &end)
        && end.get_ref() < start.get_ref()
    {
        t.ctx().error(
            end.span(),
            format!(
                "`end` ({}) is before `start` ({})",
                end.get_ref(),
                start.get_ref()
            ),
            "correct the dates; `end` is the last day the agreement is in force",
        );
    }
    let services = known
        .references(t, "services", Kind::Service, Need::Optional)
        .unwrap_or_default();
    let parties = parties.filter(|p| p.len() >= 2);
    Some(Partnership {
        id: Id::new(id),
        listing: listing?,
        parties: parties?,
        kind: kind?,
        legal_basis,
        start: start.map(Spanned::into_inner),
        end: match (open, end) {
            (true, _) => End::Open,
            (false, Some(end)) => End::On(end.into_inner()),
            (false, None) => End::Unknown,
        },
        services,
    })
    .inspect(|p| unknown_term(t, p))
}

/// The editors' to-do: an agreement whose start or end no source gives, so no page can say
/// whether it is in force.
fn unknown_term(t: &Table<'_, '_>, partnership: &Partnership) {
    if t.ctx().role != Role::Default {
        return;
    }
    let missing = match (partnership.start, partnership.end) {
        (None, End::Unknown) => "its start and end are",
        (None, _) => "its start is",
        (Some(_), End::Unknown) => "its end is",
        (Some(_), _) => return,
    };
    t.ctx().warning(
        t.key_span("title").unwrap_or(t.span()),
        format!("{missing} not known: the page says it is not known whether the agreement is in force"),
        "once a source gives them, add start = YYYY-MM-DD and end = YYYY-MM-DD (its last day), or end = \"open\" if a source says it has no end date",
    );
}

/// Reads a free page.
pub fn page(t: &mut Table<'_, '_>, id: &str, body: Body, origin: Origin) -> Option<Page> {
    let title = parts::title(t, Need::Required);
    let summary = parts::summary(t, Need::Optional);
    let menu = t
        .neutral_int("menu", Need::Optional)
        .map(Spanned::into_inner);
    Some(Page {
        id: Id::new(id),
        title: Localized::new(title?.into_inner()),
        summary: summary.map(Localized::new),
        menu,
        body: Localized::new(body),
        origin,
    })
}

/// Reads the home page's text.
pub fn home(t: &mut Table<'_, '_>, body: Body, origin: Origin) -> Home {
    let title = parts::title(t, Need::Optional);
    let summary = parts::summary(t, Need::Optional);
    Home {
        title: title.map(|s| Localized::new(s.into_inner())),
        summary: summary.map(Localized::new),
        body: Localized::new(body),
        origin: Some(origin),
    }
}

/// Reads a brochure.
pub fn brochure(
    t: &mut Table<'_, '_>,
    known: &Known<'_>,
    id: &str,
    body: Body,
    origin: Origin,
) -> Option<Brochure> {
    let title = parts::title(t, Need::Required);
    let event = t.text("event", Need::Optional);
    let paper =
        t.neutral_str("paper", Need::Optional, "\"a4\"")
            .map_or(Some(Paper::A4), |p| {
                match p.get_ref().to_ascii_lowercase().as_str() {
                    "a4" => Some(Paper::A4),
                    "a5" => Some(Paper::A5),
                    other => {
                        t.ctx().error(
                            p.span(),
                            format!("`paper` must be \"a4\" or \"a5\", not \"{other}\""),
                            "write paper = \"a4\" or paper = \"a5\"",
                        );
                        None
                    }
                }
            });
    let select = match t.table("select", "[select]") {
        Some(mut s) => {
            let select = Selection {
                services: known.references(&mut s, "services", Kind::Service, Need::Optional),
                providers: known.references(&mut s, "providers", Kind::Provider, Need::Optional),
                target_groups: known.terms::<TargetGroup>(&mut s, "target_groups", Need::Optional),
                activities: known.terms::<Activity>(&mut s, "activities", Need::Optional),
                service_types: known.terms::<ServiceType>(&mut s, "service_types", Need::Optional),
                localities: known.terms::<Locality>(&mut s, "localities", Need::Optional),
            };
            s.finish();
            select
        }
        None => Selection::default(),
    };
    Some(Brochure {
        id: Id::new(id),
        title: Localized::new(title?.into_inner()),
        event: event.map(|e| Localized::new(e.into_inner())),
        paper: paper?,
        select,
        body: Localized::new(body),
        origin,
    })
}
