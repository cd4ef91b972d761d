//! Readers for the parts several kinds share: the listing fields, locations, contact, licences.

use toml::Spanned;

use super::fields::{Need, Role, Table};
use super::known::Known;
use crate::model::Kind;
use crate::model::contact::{check_email, check_web_url};
use crate::model::hours;
use crate::model::phone::parse_phone;
use crate::model::vocab::Locality;
use crate::model::{
    Area, Body, Contact, Coordinates, Date, Id, Issuer, Licence, Listing, Localized, Location,
    Origin, Source, Vocab, Vocabularies,
};

/// The most characters a `summary` may have.
pub const SUMMARY_MAX_CHARS: usize = 300;

/// The most characters a `title` may have: a name, not a paragraph (and the PDF outline's
/// writer once failed on very long headings).
pub const TITLE_MAX_CHARS: usize = 200;

/// Reads the optional `area_served` (a service's, or config.toml's default): `"municipality"`
/// for the whole municipality, else an id of the `localities` vocabulary.
pub fn area_served(t: &mut Table<'_, '_>, vocabularies: &Vocabularies) -> Option<Area> {
    let value = t.neutral_str("area_served", Need::Optional, "\"municipality\"")?;
    let id = value.get_ref().as_str();
    if id == Area::MUNICIPALITY {
        return Some(Area::Municipality);
    }
    if vocabularies.contains(Vocab::Localities, id) {
        return Some(Area::Locality(Id::new(id)));
    }
    let localities = vocabularies.ids(Vocab::Localities);
    let choices = std::iter::once(Area::MUNICIPALITY).chain(localities.iter().map(String::as_str));
    let help = match crate::diagnostics::suggest(id, choices) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!(
            "write `{}` for the whole municipality, or a town or village: one of {}; add a new one to `localities` in vocabularies.toml (and its labels to i18n/*.ftl)",
            Area::MUNICIPALITY,
            if localities.is_empty() {
                "none yet".to_string()
            } else {
                localities.join(", ")
            }
        ),
    };
    t.ctx().error(
        value.span(),
        format!("`{id}` in `area_served` is neither `{}` nor an id of `localities` in vocabularies.toml", Area::MUNICIPALITY),
        help,
    );
    None
}

/// Reads `title`: a text of at most [`TITLE_MAX_CHARS`] characters on one line.
pub fn title(t: &mut Table<'_, '_>, need: Need) -> Option<Spanned<String>> {
    let title = t.text("title", need)?;
    let chars = title.get_ref().chars().count();
    if chars > TITLE_MAX_CHARS {
        t.ctx().error(
            title.span(),
            format!("`title` has {chars} characters; at most {TITLE_MAX_CHARS} are allowed"),
            "keep the title to the name; put the rest into `summary` or the text below the second +++",
        );
        return None;
    }
    Some(title)
}

/// Reads `title`, `summary`, `verified`, `abbreviation` and `sources`.
pub fn listing(
    t: &mut Table<'_, '_>,
    known: &Known<'_>,
    body: Body,
    origin: Origin,
) -> Option<Listing> {
    let title = title(t, Need::Required);
    let summary = summary(t, Need::Required);
    let verified = verified(t, known);
    let abbreviation = t.text("abbreviation", Need::Optional);
    let sources = sources(t);
    if verified.is_none() && t.ctx().role == Role::Default && !t.ctx().has_errors() {
        never_checked(t, known);
    }
    Some(Listing {
        title: Localized::new(title?.into_inner()),
        summary: Localized::new(summary?),
        verified,
        abbreviation: abbreviation.map(|a| Localized::new(a.into_inner())),
        sources,
        body: Localized::new(body),
        origin,
    })
}

/// Reads `[[sources]]`, or the deprecated list of citation strings (with a warning that shows
/// the new form).
fn sources(t: &mut Table<'_, '_>) -> Vec<Source> {
    if t.holds_tables("sources") != Some(false) {
        let mut out = Vec::new();
        for mut s in t.tables("sources", "a source ([[sources]])") {
            let title = s.text("title", Need::Required);
            let date = s.neutral_source_date("date", Need::Required);
            let reference = s.text("ref", Need::Optional);
            s.finish();
            if let Some(title) = title {
                out.push(Source {
                    title: Localized::new(title.into_inner()),
                    date,
                    reference: reference.map(|r| Localized::new(r.into_inner())),
                });
            }
        }
        out.shrink_to_fit();
        return out;
    }
    let citations = t.text_list("sources").unwrap_or_default();
    if let Some(span) = t.key_span("sources") {
        let first = citations.first().map_or("…", String::as_str);
        let date = if t.ctx().role == Role::Default {
            "\ndate = 2020-01-28          # the document's date (or \"2020-01\", \"2020\")"
        } else {
            ""
        };
        t.ctx().warning(
            span,
            "`sources` as a list of texts is deprecated: each source is now a document with its date and the place in it",
            format!(
                "write each source as its own table, and keep `verified` only for the day someone confirmed the listing with the provider:\n[[sources]]\ntitle = \"{first}\"{date}\nref = \"с. 3, т. 2\"         # where in it the facts stand (optional)"
            ),
        );
    }
    citations
        .into_iter()
        .map(|c| Source {
            title: Localized::new(c),
            date: None,
            reference: None,
        })
        .collect()
}

/// The editors' to-do: a listing whose facts nobody has yet confirmed with its provider.
fn never_checked(t: &mut Table<'_, '_>, known: &Known<'_>) {
    let at = t.key_span("title").unwrap_or(t.span());
    t.ctx().warning(
        at,
        "never checked with the provider: the page shows only what the sources say",
        format!(
            "confirm the facts with the provider, then add verified = {}",
            known.today
        ),
    );
}

/// Reads `summary`: one plain sentence of at most 300 characters.
pub fn summary(t: &mut Table<'_, '_>, need: Need) -> Option<String> {
    let summary = t.text("summary", need)?;
    let chars = summary.get_ref().chars().count();
    if chars > SUMMARY_MAX_CHARS {
        t.ctx().error(
            summary.span(),
            format!("`summary` has {chars} characters; at most {SUMMARY_MAX_CHARS} are allowed"),
            "keep the summary to one plain sentence; move the rest into the text below the second +++",
        );
    } else if summary.get_ref().contains('\n') {
        t.ctx().error(
            summary.span(),
            "`summary` must be one line of plain text",
            "write it as one sentence; put longer text below the second +++",
        );
    }
    Some(summary.into_inner())
}

fn verified(t: &mut Table<'_, '_>, known: &Known<'_>) -> Option<Date> {
    let verified = t.neutral_date("verified", Need::Optional)?;
    let date = *verified.get_ref();
    let age = date.days_until(known.today);
    if age < 0 {
        t.ctx().warning(
            verified.span(),
            format!(
                "`verified` is {date}, which is after today ({})",
                known.today
            ),
            "set it to the day a person last checked the listing",
        );
    } else if age > i64::from(known.stale_after_days) {
        t.ctx().warning(
            verified.span(),
            format!(
                "last checked on {date}, {age} days ago (more than stale_after_days = {})",
                known.stale_after_days
            ),
            format!(
                "check the facts with the provider, then set verified = {}",
                known.today
            ),
        );
    }
    Some(date)
}

/// Reads `[[locations]]`.
pub fn locations(t: &mut Table<'_, '_>, known: &Known<'_>) -> Vec<Location> {
    let mut out = Vec::new();
    for mut table in t.tables("locations", "a location ([[locations]])") {
        if let Some(location) = location(&mut table, known) {
            out.push(location);
        }
        table.finish();
    }
    // Kept for the whole build: a pushed-to Vec has room for four locations (720 bytes a
    // service where one is usual).
    out.shrink_to_fit();
    out
}

fn location(t: &mut Table<'_, '_>, known: &Known<'_>) -> Option<Location> {
    let address = t.text("address", Need::Required);
    let locality = known.term::<Locality>(t, "locality", Need::Required);
    let postcode = postcode(t);
    let coordinates = coordinates(t);
    let hours = t
        .neutral_str("hours", Need::Optional, "\"Mo-Fr 08:30-17:00\"")
        .and_then(|h| {
            hours::parse(h.get_ref())
                .map_err(|e| {
                    // +1 skips the opening quote; exact for strings without escapes.
                    let at = h.span().start + 1 + e.offset;
                    t.ctx().error(
                        at..at,
                        format!("`hours` cannot be read: {}", e.message),
                        e.help,
                    );
                })
                .ok()
        });
    let wheelchair = t.neutral_bool("wheelchair");
    let note = t.text("note", Need::Optional);
    Some(Location {
        address: Localized::new(address?.into_inner()),
        locality: locality?,
        postcode,
        coordinates,
        hours,
        wheelchair,
        note: note.map(|n| Localized::new(n.into_inner())),
    })
}

fn postcode(t: &mut Table<'_, '_>) -> Option<String> {
    let code = t.neutral_str("postcode", Need::Optional, "\"7000\"")?;
    let valid = code.get_ref().len() == 4 && code.get_ref().bytes().all(|b| b.is_ascii_digit());
    if !valid {
        t.ctx().error(
            code.span(),
            format!(
                "`{}` is not a Bulgarian postcode (four digits)",
                code.get_ref()
            ),
            "write it like this: postcode = \"7000\"",
        );
        return None;
    }
    Some(code.into_inner())
}

fn coordinates(t: &mut Table<'_, '_>) -> Option<Coordinates> {
    let lat = in_range(t, "lat", 90.0);
    let lon = in_range(t, "lon", 180.0);
    match (lat, lon) {
        (Some(lat), Some(lon)) => Some(Coordinates { lat, lon }),
        (None, None) => None,
        (Some(_), None) | (None, Some(_)) => {
            if t.ctx().role == Role::Default && !t.ctx().has_errors() {
                t.ctx().error(
                    t.span(),
                    "a location needs both `lat` and `lon`, or neither",
                    "copy both numbers from the map, e.g. lat = 43.8356 and lon = 25.9657",
                );
            }
            None
        }
    }
}

fn in_range(t: &mut Table<'_, '_>, key: &'static str, limit: f64) -> Option<f64> {
    let value = t.neutral_float(key)?;
    let v = *value.get_ref();
    if !(-limit..=limit).contains(&v) {
        t.ctx().error(value.span(), format!("`{key}` = {v} is outside −{limit}…{limit}"), "use WGS84 degrees as shown on OpenStreetMap (Ruse is near lat = 43.85, lon = 25.97); check that lat and lon are not swapped");
        return None;
    }
    Some(v)
}

/// Reads `[contact]`.
pub fn contact(t: &mut Table<'_, '_>) -> Contact {
    let Some(mut c) = t.table("contact", "[contact]") else {
        return Contact::default();
    };
    let contact = contact_fields(&mut c);
    c.finish();
    contact
}

/// Reads the fields of a `[contact]` (phone, email, website, facebook, person) from table `c`,
/// which may hold other fields too (config.toml's `[fallback_contact]`).
pub fn contact_fields(c: &mut Table<'_, '_>) -> Contact {
    let mut phones = Vec::new();
    for phone in c
        .neutral_str_list("phone", Need::Optional)
        .unwrap_or_default()
    {
        match parse_phone(phone.get_ref()) {
            Ok(p) => phones.push(p),
            Err(problem) => c.ctx().error(phone.span(), format!("`{}` is not a phone number we can read: {problem}", phone.get_ref()), "write a Bulgarian number with its area code, e.g. \"082 123 456\" or \"+359 88 812 3456\""),
        }
    }
    let email = checked(c, "email", "\"info@example.org\"", check_email);
    let website = checked(c, "website", "\"https://example.org\"", check_web_url);
    let facebook = checked(
        c,
        "facebook",
        "\"https://www.facebook.com/…\"",
        check_web_url,
    );
    let person = c
        .text("person", Need::Optional)
        .map(|p| Localized::new(p.into_inner()));
    Contact {
        phones,
        email,
        website,
        facebook,
        person,
    }
}

fn checked(
    t: &mut Table<'_, '_>,
    key: &'static str,
    example: &str,
    rule: fn(&str) -> Result<(), String>,
) -> Option<String> {
    let value: Spanned<String> = t.neutral_str(key, Need::Optional, example)?;
    match rule(value.get_ref()) {
        Ok(()) => Some(value.into_inner()),
        Err(problem) => {
            t.ctx().error(
                value.span(),
                format!("`{key}` is not valid: {problem}"),
                format!("write it like this: {key} = {example}"),
            );
            None
        }
    }
}

/// Reads `[[licences]]`.
pub fn licences(t: &mut Table<'_, '_>, known: &Known<'_>) -> Vec<Licence> {
    let mut out = Vec::new();
    for mut l in t.tables("licences", "a licence ([[licences]])") {
        let number = l.neutral_str("number", Need::Required, "\"1277\"");
        let issued = l
            .neutral_date("issued", Need::Optional)
            .map(Spanned::into_inner);
        let issuer = l
            .neutral_str("issuer", Need::Optional, "\"dazd\"")
            .map(|i| {
                if known.has(Kind::Provider, i.get_ref()) {
                    Issuer::Provider(Id::new(i.get_ref()))
                } else {
                    Issuer::Named(i.into_inner())
                }
            });
        let scope = l
            .text("scope", Need::Optional)
            .map(|s| Localized::new(s.into_inner()));
        l.finish();
        if let Some(number) = number {
            out.push(Licence {
                number: number.into_inner(),
                issued,
                issuer,
                scope,
            });
        }
    }
    out.shrink_to_fit();
    out
}
