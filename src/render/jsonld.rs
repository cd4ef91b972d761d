//! schema.org JSON-LD for service pages (GovernmentService or Service) and provider pages
//! (Organization), written so that no content can close the `<script>` element it sits in.

use serde_json::{Value, json};

use super::view::Ctx;
use crate::model::{Contact, Location, Provider, Service, Vocab};
use crate::urls;

/// The JSON-LD of a service page.
///
/// A service with public funding (`funding` set) is a `GovernmentService`: in the directory's
/// sense it is a public social service, whoever runs it; the others are plain `Service`s.
pub fn service(ctx: &Ctx<'_>, service: &Service) -> String {
    let base = &ctx.site.config.base_url;
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": if service.funding.is_some() { "GovernmentService" } else { "Service" },
        "name": ctx.text(&service.listing.title).text,
        "description": ctx.text(&service.listing.summary).text,
        "url": urls::absolute(base, &urls::service(ctx.lang, service.id.as_str())),
        "inLanguage": ctx.lang.code(),
        "serviceType": ctx.strings.label(Vocab::ServiceTypes, service.service_type.as_str()),
        "audience": service.target_groups.iter().map(|t| json!({
            "@type": "Audience",
            "audienceType": ctx.strings.label(Vocab::TargetGroups, t.as_str()),
        })).collect::<Vec<_>>(),
        "isAccessibleForFree": service.fee.map(|fee| !fee),
    });
    if let Some(municipality) = &ctx.site.config.municipality {
        doc["areaServed"] = json!({
            "@type": "AdministrativeArea",
            "name": ctx.text(municipality).text,
        });
    }
    if let Some(provider) = service
        .provider
        .as_ref()
        .and_then(|id| ctx.site.providers.get(id))
    {
        doc["provider"] = organization(ctx, provider, false);
    }
    let places = places(ctx, &service.locations);
    if !places.is_empty() || !service.contact.is_empty() {
        let mut channel = json!({ "@type": "ServiceChannel", "serviceLocation": places });
        add_contact(&mut channel, &service.contact, "servicePhone");
        doc["availableChannel"] = channel;
    }
    script_safe(&strip_nulls(doc))
}

/// The JSON-LD of a provider page.
pub fn provider(ctx: &Ctx<'_>, provider: &Provider) -> String {
    script_safe(&strip_nulls(organization(ctx, provider, true)))
}

fn organization(ctx: &Ctx<'_>, provider: &Provider, full: bool) -> Value {
    let base = &ctx.site.config.base_url;
    let mut doc = json!({
        "@type": "Organization",
        "name": ctx.text(&provider.listing.title).text,
        "url": urls::absolute(base, &urls::provider(ctx.lang, provider.id.as_str())),
    });
    if full {
        doc["@context"] = json!("https://schema.org");
        doc["description"] = json!(ctx.text(&provider.listing.summary).text);
        doc["taxID"] = json!(provider.eik);
        let places = places(ctx, &provider.locations);
        if let Some(first) = places.first() {
            doc["address"] = first["address"].clone();
        }
        add_contact(&mut doc, &provider.contact, "telephone");
        let same_as: Vec<&String> = [&provider.contact.website, &provider.contact.facebook]
            .into_iter()
            .flatten()
            .collect();
        if !same_as.is_empty() {
            doc["sameAs"] = json!(same_as);
        }
    }
    doc
}

fn places(ctx: &Ctx<'_>, locations: &[Location]) -> Vec<Value> {
    locations
        .iter()
        .map(|l| {
            let mut place = json!({
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": ctx.address(&l.address).text,
                    "addressLocality": ctx.strings.label(Vocab::Localities, l.locality.as_str()),
                    "postalCode": l.postcode,
                    "addressCountry": "BG",
                },
            });
            if let Some(c) = l.coordinates {
                place["geo"] =
                    json!({ "@type": "GeoCoordinates", "latitude": c.lat, "longitude": c.lon });
            }
            if let Some(hours) = &l.hours {
                place["openingHours"] = json!(hours.to_string());
            }
            place
        })
        .collect()
}

fn add_contact(doc: &mut Value, contact: &Contact, phone_key: &str) {
    if let Some(phone) = contact.phones.first() {
        doc[phone_key] = json!(phone.e164());
    }
    if let Some(email) = &contact.email {
        doc["email"] = json!(email);
    }
}

/// Drops `null` members, so absent facts are left out rather than stated as unknown.
fn strip_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// Serialises JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are
/// written as `\u003c`, `\u003e`, `\u0026` (still the same JSON strings), so no title can
/// write `</script>` or `<!--` into the page.
pub fn script_safe(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    crate::escape::replace_chars(&text, 0, |c| match c {
        '<' => Some("\\u003c"),
        '>' => Some("\\u003e"),
        '&' => Some("\\u0026"),
        '\u{2028}' => Some("\\u2028"),
        '\u{2029}' => Some("\\u2029"),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_end_cannot_escape_the_element() {
        let doc = json!({ "name": "</script><script>alert(1)</script> <!-- & -->" });
        let text = script_safe(&doc);
        assert!(!text.contains('<'), "{text}");
        assert!(!text.contains('>'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, doc, "the JSON still means the same");
    }
}
