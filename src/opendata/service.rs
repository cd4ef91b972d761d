//! A service as a complete HSDS service object: its organisation nested, phones, contacts,
//! locations with opening hours, language, funding, licences and classifications.

use std::collections::BTreeMap;

use crate::model::{Issuer, Licence, ProviderId, Service, Vocab};
use crate::urls;

use super::context::Ctx;
use super::hsds::{
    Attribute, Funding, Language, Organization, Service as HsdsService, ServiceAtLocation,
};
use super::ids::Key;
use super::location::location;
use super::organization::{self, Owner, contacts, phones};
use super::schedule::{self, schedules};

/// The record key of a service: `service/<id>`.
pub fn key(service: &str) -> Key {
    Key::new("service", service)
}

/// The HSDS service of `service`; `organizations` holds every provider's organisation (and the
/// "provider not listed" one under no id).
pub fn service(
    ctx: &Ctx<'_>,
    service: &Service,
    organizations: &BTreeMap<Option<ProviderId>, Organization>,
) -> HsdsService {
    let key = key(service.id.as_str());
    let id = key.uuid();
    let organization = organizations.get(&service.provider).cloned();
    let organization_id = organization.as_ref().map(|o| o.id.clone());
    let name = ctx.text(&service.listing.title);
    let service_at_locations = service
        .locations
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let at = key.child("location", i + 1);
            let at_id = at.child("service_at_location", 1).uuid();
            let place = location(ctx, l, &at, name.clone(), organization_id.clone(), false);
            let owner = schedule::Owner {
                service_id: Some(id.clone()),
                location_id: Some(place.id.clone()),
                service_at_location_id: Some(at_id.clone()),
            };
            ServiceAtLocation {
                schedules: l
                    .hours
                    .as_ref()
                    .map(|h| schedules(h, ctx.lang, &at, &owner))
                    .unwrap_or_default(),
                id: at_id,
                service_id: id.clone(),
                location_id: place.id.clone(),
                description: None,
                location: place,
            }
        })
        .collect();
    HsdsService {
        id: id.clone(),
        organization_id,
        name,
        alternate_name: ctx.opt_text(&service.listing.abbreviation),
        description: ctx.text(&service.listing.summary),
        url: ctx.url(&urls::service(ctx.lang, service.id.as_str())),
        email: service.contact.email.clone(),
        status: "active",
        application_process: service.self_referral.map(|yes| {
            if yes {
                ctx.words.self_referral
            } else {
                ctx.words.needs_referral
            }
            .to_string()
        }),
        fees_description: service.fee.map(|yes| {
            if yes {
                ctx.words.charges
            } else {
                ctx.words.free_of_charge
            }
            .to_string()
        }),
        eligibility_description: Some(eligibility(ctx, service)),
        minimum_age: service.age_min,
        maximum_age: service.age_max,
        // Assured only by a person who confirmed it with the provider, never by a source's date.
        assured_date: service.listing.verified.map(|d| d.to_string()),
        licenses: licences(ctx, &service.licences),
        phones: phones(&service.contact, &key, Owner::Service(&id)),
        service_at_locations,
        languages: vec![Language {
            id: key.child("language", "bg").uuid(),
            service_id: id.clone(),
            name: ctx.words.bulgarian.to_string(),
            code: "bg",
            note: ctx.words.language_note.to_string(),
        }],
        organization,
        funding: service
            .funding
            .iter()
            .map(|f| Funding {
                id: key.child("funding", 1).uuid(),
                service_id: id.clone(),
                source: ctx.label(Vocab::Funding, f.as_str()).text,
            })
            .collect(),
        contacts: contacts(ctx, &service.contact, &key, Owner::Service(&id)),
        attributes: attributes(ctx, service, &key),
    }
}

/// Whom the service is for, in words: target groups, then ages.
fn eligibility(ctx: &Ctx<'_>, service: &Service) -> String {
    let groups: Vec<String> = service
        .target_groups
        .iter()
        .map(|g| ctx.label(Vocab::TargetGroups, g.as_str()).text)
        .collect();
    let mut text = format!("{}: {}.", ctx.words.target_groups, groups.join(", "));
    if let Some(ages) = (ctx.words.ages)(service.age_min, service.age_max) {
        text.push(' ');
        text.push_str(&ages);
    }
    text
}

/// Licences in words, separated by `; `.
fn licences(ctx: &Ctx<'_>, licences: &[Licence]) -> Option<String> {
    let texts: Vec<String> = licences
        .iter()
        .map(|l| {
            let issuer = l.issuer.as_ref().map(|issuer| match issuer {
                Issuer::Provider(id) => ctx
                    .site
                    .providers
                    .get(id)
                    .map_or_else(|| id.to_string(), |p| ctx.text(&p.listing.title)),
                Issuer::Named(name) => name.clone(),
            });
            (ctx.words.licence)(
                &l.number,
                l.issued.map(|d| d.to_string()).as_deref(),
                issuer.as_deref(),
                ctx.opt_text(&l.scope).as_deref(),
            )
        })
        .collect();
    (!texts.is_empty()).then(|| texts.join("; "))
}

/// The service's classifications and figures as attributes.
fn attributes(ctx: &Ctx<'_>, service: &Service, key: &Key) -> Vec<Attribute> {
    let mut terms: Vec<(Vocab, &str)> = vec![(Vocab::ServiceTypes, service.service_type.as_str())];
    terms.extend(
        service
            .activities
            .iter()
            .map(|a| (Vocab::Activities, a.as_str())),
    );
    terms.extend(
        service
            .target_groups
            .iter()
            .map(|g| (Vocab::TargetGroups, g.as_str())),
    );
    terms.extend(service.funding.iter().map(|f| (Vocab::Funding, f.as_str())));
    let mut out: Vec<Attribute> = terms
        .into_iter()
        .map(|(vocab, id)| ctx.attribute(key, "service", vocab, id))
        .collect();
    let figures = [
        ("units", service.units),
        ("capacity", service.capacity),
        ("users", service.users),
    ];
    out.extend(
        figures
            .into_iter()
            .filter_map(|(code, value)| ctx.figure(key, "service", code, value?)),
    );
    out
}

/// Every organisation of the site by provider id, plus the "provider not listed" one under
/// `None` when some service names no provider.
pub fn organizations(ctx: &Ctx<'_>) -> BTreeMap<Option<ProviderId>, Organization> {
    let mut out: BTreeMap<Option<ProviderId>, Organization> = ctx
        .site
        .providers
        .values()
        .map(|p| (Some(p.id.clone()), organization::organization(ctx, p)))
        .collect();
    if ctx.site.services.values().any(|s| s.provider.is_none()) {
        out.insert(None, organization::unknown(ctx));
    }
    out
}
