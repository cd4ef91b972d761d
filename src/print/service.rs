//! One service as a printed block: name, for whom, what it offers, where and when, how to get
//! in, who runs it, contact, and the QR code of its page.

use fluent_bundle::FluentValue;

use super::document::{Row, Text};
use super::qr;
use super::strings::PrintStrings;
use crate::model::config::is_placeholder;
use crate::model::translit::transliterate;
use crate::model::{Contact, Localized, Location, Service, Site, Vocab};
use crate::urls;

/// A service as the template prints it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ServiceBlock {
    /// The service's name.
    pub title: Text,
    /// Its short form, e.g. "ЦОП".
    pub abbreviation: Option<Text>,
    /// The label of its type, e.g. "Дневен център".
    pub kind: String,
    /// Its one-sentence summary.
    pub summary: Text,
    /// "Not yet translated", when the name or summary is shown in the default language.
    pub note: Option<String>,
    /// The labelled facts.
    pub rows: Vec<Row>,
    /// The address of its page on the live site, printed under the QR code; `None` while the
    /// site's address is a placeholder.
    pub url: Option<String>,
    /// The QR code of `url`, with its text alternative.
    pub qr: Option<qr::Code>,
}

/// Builds the block of `service` in the language of `strings`.
pub fn block(site: &Site, service: &Service, strings: &PrintStrings) -> ServiceBlock {
    let lang = strings.lang();
    let title = service.listing.title.get(lang);
    let name = title.value.clone();
    let summary = service.listing.summary.get(lang);
    let untranslated = title.is_fallback(lang) || summary.is_fallback(lang);
    let url = live_url(site, &urls::service(lang, service.id.as_str()));
    let rows = [
        for_whom(service, strings),
        offers(service, strings),
        where_and_when(&service.locations, strings),
        access(service, strings),
        runs(site, service, strings),
        contact(&service.contact, strings),
    ];
    ServiceBlock {
        title: Text::shown(title).for_outline(),
        abbreviation: service
            .listing
            .abbreviation
            .as_ref()
            .map(|a| Text::of(a, lang)),
        kind: strings.label(Vocab::ServiceTypes, service.service_type.as_str()),
        summary: Text::shown(summary),
        note: untranslated.then(|| strings.get("print-not-translated")),
        rows: rows.into_iter().flatten().collect(),
        qr: url
            .as_deref()
            .and_then(|url| page_code(url, &name, strings)),
        url,
    }
}

/// The QR code of the page at `url` whose name is `name`, read out as "QR code: opens the page
/// of “name” in the online directory, url".
pub fn page_code(url: &str, name: &str, strings: &PrintStrings) -> Option<qr::Code> {
    let alt = strings.get_with(
        "print-qr-page",
        &[
            ("name", FluentValue::from(name)),
            ("url", FluentValue::from(url)),
        ],
    );
    qr::code(url, alt)
}

/// The address of `path` on the live site, or `None` while the site's address is a placeholder:
/// a draft brochure must not send a citizen to an address that does not exist.
pub fn live_url(site: &Site, path: &str) -> Option<String> {
    (!is_placeholder(&site.config.base_url)).then(|| urls::absolute(&site.config.base_url, path))
}

fn for_whom(service: &Service, strings: &PrintStrings) -> Option<Row> {
    let groups: Vec<String> = service
        .target_groups
        .iter()
        .map(|g| strings.label(Vocab::TargetGroups, g.as_str()))
        .collect();
    let mut lines = vec![strings.plain(groups.join("; "))];
    let age = |n: u32| FluentValue::from(n.to_string());
    let ages = match (service.age_min, service.age_max) {
        (Some(min), Some(max)) => {
            Some(strings.get_with("print-ages", &[("min", age(min)), ("max", age(max))]))
        }
        (Some(min), None) => Some(strings.get_with("print-ages-from", &[("min", age(min))])),
        (None, Some(max)) => Some(strings.get_with("print-ages-to", &[("max", age(max))])),
        (None, None) => None,
    };
    lines.extend(ages.map(|a| strings.plain(a)));
    Some(Row::new(strings.get("print-for-whom"), lines))
}

fn offers(service: &Service, strings: &PrintStrings) -> Option<Row> {
    let activities: Vec<String> = service
        .activities
        .iter()
        .map(|a| strings.label(Vocab::Activities, a.as_str()))
        .collect();
    Some(Row::new(
        strings.get("print-offers"),
        vec![strings.plain(activities.join("; "))],
    ))
}

/// The "where and when" row: each location's address, hours, access and note.
pub fn where_and_when(locations: &[Location], strings: &PrintStrings) -> Option<Row> {
    let lines = if locations.is_empty() {
        vec![strings.plain(strings.get("print-no-location"))]
    } else {
        locations
            .iter()
            .flat_map(|l| location(l, strings))
            .collect()
    };
    Some(Row::new(strings.get("print-where"), lines))
}

fn location(location: &Location, strings: &PrintStrings) -> Vec<Text> {
    let lang = strings.lang();
    let shown = location.address.get(lang);
    // A missing English address is shown transliterated (contract §2).
    let (street, street_lang) = if shown.is_fallback(lang) {
        (transliterate(shown.value), lang)
    } else {
        (shown.value.clone(), shown.lang)
    };
    let place = strings.label(Vocab::Localities, location.locality.as_str());
    let place = match &location.postcode {
        Some(code) => format!("{code} {place}"),
        None => place,
    };
    let mut lines = vec![Text::new(format!("{street}, {place}"), street_lang)];
    if let Some(hours) = &location.hours {
        lines.push(strings.plain(hours.render(strings.hours()).join("; ")));
    }
    let wheelchair = location.wheelchair.map(|w| match w {
        true => strings.get("print-wheelchair-yes"),
        false => strings.get("print-wheelchair-no"),
    });
    lines.extend(wheelchair.map(|w| strings.plain(w)));
    lines.extend(location.note.as_ref().map(|n| Text::of(n, lang)));
    lines
}

fn access(service: &Service, strings: &PrintStrings) -> Option<Row> {
    let mut lines = Vec::new();
    if let Some(own) = service.self_referral {
        let id = if own {
            "print-self-referral-yes"
        } else {
            "print-self-referral-no"
        };
        lines.push(strings.plain(strings.get(id)));
    }
    if let Some(fee) = service.fee {
        let id = if fee { "fee-yes" } else { "print-fee-no" };
        lines.push(strings.plain(strings.get(id)));
    }
    if let Some(places) = service.capacity {
        lines.push(strings.plain(strings.get1("print-capacity", "count", &places.to_string())));
    }
    (!lines.is_empty()).then(|| Row::new(strings.get("print-access"), lines))
}

fn runs(site: &Site, service: &Service, strings: &PrintStrings) -> Option<Row> {
    let provider = service
        .provider
        .as_ref()
        .and_then(|id| site.providers.get(id));
    let line = match provider {
        Some(p) => Text::of(&p.listing.title, strings.lang()),
        None => strings.plain(strings.get("no-provider")),
    };
    Some(Row::new(strings.get("print-runs"), vec![line]))
}

/// The "contact" row, or `None` when there is no way to get in touch.
pub fn contact(contact: &Contact, strings: &PrintStrings) -> Option<Row> {
    let mut lines = Vec::new();
    if !contact.phones.is_empty() {
        let phones: Vec<String> = contact.phones.iter().map(|p| p.display()).collect();
        lines.push(strings.plain(phones.join(", ")));
    }
    for address in [&contact.email, &contact.website, &contact.facebook]
        .into_iter()
        .flatten()
    {
        lines.push(strings.plain(address.clone()));
    }
    if let Some(person) = &contact.person {
        let shown = person.get(strings.lang());
        let text = strings.get1("print-person", "name", shown.value);
        lines.push(Text::new(text, shown.lang));
    }
    (!lines.is_empty()).then(|| Row::new(strings.get("print-contact"), lines))
}

impl Text {
    /// A localized value in `lang`, marked with the language it is really in.
    pub fn of(value: &Localized<String>, lang: crate::model::Lang) -> Text {
        Text::shown(value.get(lang))
    }
}
