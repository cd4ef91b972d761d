//! A service as a complete HSDS service object: its organisation nested, phones, contacts,
//! locations with opening hours, language, funding, licences and classifications.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;

use crate::model::strings::Strings;
use crate::model::{Area, Issuer, Licence, ProviderId, Service, Vocab, VocabForm};
use crate::urls;

use super::context::Ctx;
use super::hsds::{
    Attribute, Funding, Language, Organization, Service as HsdsService, ServiceArea,
    ServiceAtLocation,
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
                    .map(|h| schedules(h, ctx.strings, &at, &owner))
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
            ctx.strings.get(if yes {
                "opendata-self-referral"
            } else {
                "opendata-needs-referral"
            })
        }),
        fees_description: service.fee.map(|yes| {
            ctx.strings.get(if yes {
                "opendata-charges"
            } else {
                "opendata-free-of-charge"
            })
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
            name: ctx.strings.get("opendata-bulgarian"),
            code: "bg",
            note: ctx.strings.get("opendata-language-note"),
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
        service_areas: service_area(ctx, service, &key).into_iter().collect(),
    }
}

/// Where the service is available: its area ([`Service::area`]) as an HSDS service area, named
/// by the locality, or by the municipality for the whole of it.
fn service_area(ctx: &Ctx<'_>, service: &Service, key: &Key) -> Option<ServiceArea> {
    let area = service.area(ctx.site.config.area_served.as_ref())?;
    let (name, description) = match area {
        Area::Locality(id) => (ctx.label(Vocab::Localities, id.as_str()).text, None),
        Area::Municipality => {
            let whole = ctx.strings.get("opendata-area-municipality");
            match ctx.opt_text(&ctx.site.config.municipality) {
                Some(name) => (name, Some(whole)),
                None => (whole, None),
            }
        }
    };
    Some(ServiceArea {
        id: key.child("service_area", 1).uuid(),
        service_id: key.uuid(),
        name,
        description,
    })
}

/// Whom the service is for, in words: target groups, then ages.
fn eligibility(ctx: &Ctx<'_>, service: &Service) -> String {
    let groups: Vec<String> = service
        .target_groups
        .iter()
        .map(|g| ctx.label(Vocab::TargetGroups, g.as_str()).text)
        .collect();
    let heading = ctx
        .strings
        .vocab_name(Vocab::TargetGroups, VocabForm::Taxonomy);
    let mut text = format!("{heading}: {}.", groups.join(", "));
    if let Some(ages) = ages(ctx, service.age_min, service.age_max) {
        text.push(' ');
        text.push_str(&ages);
    }
    text
}

/// The age range in words, if the service has one.
fn ages(ctx: &Ctx<'_>, min: Option<u32>, max: Option<u32>) -> Option<String> {
    let id = match (min, max) {
        (Some(_), Some(_)) => "opendata-ages-range",
        (Some(_), None) => "opendata-ages-from",
        (None, Some(_)) => "opendata-ages-to",
        (None, None) => return None,
    };
    let mut args = Vec::new();
    args.extend(min.map(|min| ("min", FluentValue::from(min))));
    args.extend(max.map(|max| ("max", FluentValue::from(max))));
    Some(ctx.strings.get_with(id, &args))
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
            licence(
                ctx.strings,
                &l.number,
                l.issued.map(|d| d.to_string()),
                issuer,
                ctx.opt_text(&l.scope),
            )
        })
        .collect();
    (!texts.is_empty()).then(|| texts.join("; "))
}

/// One licence in words: its number, then the date of issue, issuer and scope when known.
fn licence(
    strings: &Strings,
    number: &str,
    issued: Option<String>,
    issuer: Option<String>,
    scope: Option<String>,
) -> String {
    // `none` picks the message's variant for a part that is not known.
    let part = |value: Option<String>| FluentValue::from(value.unwrap_or("none".into()));
    strings.get_with(
        "opendata-service-licence",
        &[
            ("number", FluentValue::from(number)),
            ("issued", part(issued)),
            ("issuer", part(issuer)),
            ("scope", part(scope)),
        ],
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn theme(lang: Lang) -> Strings {
        crate::load::theme::built_in_strings(lang)
    }

    #[test]
    fn licences_leave_out_the_parts_not_known() {
        let bg = theme(Lang::Bg);
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            licence(
                &bg,
                "12",
                some("2020-01-28"),
                some("АСП"),
                some("дневна грижа")
            ),
            "№ 12 от 2020-01-28, издаден от АСП (дневна грижа)"
        );
        assert_eq!(licence(&bg, "12", None, None, None), "№ 12");
        let en = theme(Lang::En);
        assert_eq!(
            licence(&en, "7", None, some("ASA"), None),
            "No. 7, issued by ASA"
        );
        assert_eq!(
            licence(&en, "7", some("2021-02-03"), None, some("day care")),
            "No. 7 of 2021-02-03 (day care)"
        );
    }
}
