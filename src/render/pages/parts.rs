//! Views of the parts services and providers share: locations, contact, licences, and the
//! listing facts every entry ends with (sources, "checked on").

use serde::Serialize;

use crate::model::{Contact, Issuer, Licence, Listing, Location, Vocab};
use crate::render::view::{Ctx, Link, Term, Text};
use crate::urls;

/// A place, with its hours in words and a map link.
#[derive(Debug, Serialize)]
pub struct LocationView {
    /// Street address (transliterated on English pages when it has no English text).
    pub address: Text,
    /// The town or village.
    pub locality: Term,
    /// Postal code.
    pub postcode: Option<String>,
    /// OpenStreetMap link at the coordinates.
    pub map: Option<String>,
    /// Coordinates, for the page's data.
    pub lat: Option<f64>,
    /// Coordinates, for the page's data.
    pub lon: Option<f64>,
    /// Opening hours, one line per rule, in words.
    pub hours: Vec<String>,
    /// Wheelchair access, when known.
    pub wheelchair: Option<bool>,
    /// A note such as "entrance from the yard".
    pub note: Option<Text>,
}

/// Phone numbers, e-mail, web and the person to ask for.
#[derive(Debug, Serialize)]
pub struct ContactView {
    /// `tel:` links with the number as people read it.
    pub phones: Vec<Link>,
    /// A `mailto:` link.
    pub email: Option<Link>,
    /// The web site.
    pub website: Option<Link>,
    /// The Facebook page.
    pub facebook: Option<Link>,
    /// The person to ask for.
    pub person: Option<Text>,
    /// Is there nothing at all?
    pub empty: bool,
}

/// A licence or certificate.
#[derive(Debug, Serialize)]
pub struct LicenceView {
    /// Its number.
    pub number: String,
    /// Date of issue, in words.
    pub issued: Option<String>,
    /// The issuer: a link when it is a provider of the directory.
    pub issuer: Option<Link>,
    /// What it covers.
    pub scope: Option<Text>,
}

/// The facts at the end of every listing: where they come from, and when a person confirmed
/// them with the provider (if anyone has).
#[derive(Debug, Serialize)]
pub struct Provenance {
    /// The source documents.
    pub sources: Vec<SourceView>,
    /// The day the listing was confirmed with its provider, in words; `None` if never.
    pub verified: Option<String>,
    /// The same date as YYYY-MM-DD, for `<time datetime>`.
    pub verified_iso: Option<String>,
}

/// A source document as a listing cites it.
#[derive(Debug, Serialize)]
pub struct SourceView {
    /// The document's title.
    pub title: Text,
    /// Its date in words, at the precision the document gives ("2020 г.").
    pub date: Option<String>,
    /// The same as ISO 8601 (`2020`, `2020-01`, `2020-01-28`), for `<time datetime>`.
    pub date_iso: Option<String>,
    /// Where in the document the facts stand.
    pub reference: Option<Text>,
    /// The document on the sources page.
    pub url: String,
}

/// The views of a list of locations.
pub fn locations(ctx: &Ctx<'_>, locations: &[Location]) -> Vec<LocationView> {
    locations
        .iter()
        .map(|l| LocationView {
            address: ctx.address(&l.address),
            locality: ctx.term(Vocab::Localities, l.locality.as_str()),
            postcode: l.postcode.clone(),
            map: l.coordinates.map(|c| urls::map(c.lat, c.lon)),
            lat: l.coordinates.map(|c| c.lat),
            lon: l.coordinates.map(|c| c.lon),
            hours: l
                .hours
                .as_ref()
                .map_or(Vec::new(), |h| h.render(ctx.strings.hours())),
            wheelchair: l.wheelchair,
            note: ctx.opt_text(l.note.as_ref()),
        })
        .collect()
}

/// The view of a contact table.
pub fn contact(ctx: &Ctx<'_>, contact: &Contact) -> ContactView {
    let plain = |url: &str, label: &str| Link {
        url: url.to_string(),
        label: Text::own(label, ctx.lang),
    };
    ContactView {
        phones: contact
            .phones
            .iter()
            .map(|p| plain(&p.tel_uri(), &p.display()))
            .collect(),
        email: contact
            .email
            .as_ref()
            .map(|e| plain(&format!("mailto:{e}"), e)),
        website: contact.website.as_ref().map(|w| plain(w, &display_url(w))),
        facebook: contact.facebook.as_ref().map(|f| plain(f, &display_url(f))),
        person: ctx.opt_text(contact.person.as_ref()),
        empty: contact.is_empty() && contact.person.is_none(),
    }
}

/// The views of a list of licences.
pub fn licences(ctx: &Ctx<'_>, licences: &[Licence]) -> Vec<LicenceView> {
    licences
        .iter()
        .map(|l| LicenceView {
            number: l.number.clone(),
            issued: l.issued.map(|d| ctx.date(d)),
            issuer: l.issuer.as_ref().and_then(|issuer| match issuer {
                Issuer::Provider(id) => ctx.provider_link(id),
                Issuer::Named(name) => Some(Link {
                    url: String::new(),
                    label: Text::own(name.clone(), crate::model::Lang::DEFAULT),
                }),
            }),
            scope: ctx.opt_text(l.scope.as_ref()),
        })
        .collect()
}

/// Sources and the date the listing was confirmed with its provider.
pub fn provenance(ctx: &Ctx<'_>, listing: &Listing) -> Provenance {
    Provenance {
        sources: listing
            .sources
            .iter()
            .map(|s| SourceView {
                title: ctx.text(&s.title),
                date: s.date.map(|d| ctx.strings.source_date(d)),
                date_iso: s.date.map(|d| d.to_string()),
                reference: ctx.opt_text(s.reference.as_ref()),
                url: urls::source(ctx.lang, &s.anchor()),
            })
            .collect(),
        verified: listing.verified.map(|d| ctx.date(d)),
        verified_iso: listing.verified.map(|d| d.to_string()),
    }
}

/// A web address as people read it: without the scheme and the trailing `/`.
fn display_url(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::display_url;

    #[test]
    fn web_addresses_read_short() {
        assert_eq!(display_url("https://www.ruse.bg/"), "ruse.bg");
        assert_eq!(
            display_url("http://facebook.com/dc.ruse"),
            "facebook.com/dc.ruse"
        );
    }
}
