//! Round trip: hsds.json and hsds.en.json, read back, hold every service, provider and
//! location of the site with its key fields, under the ids the scheme promises.

use std::collections::BTreeMap;

use crate::common::{document, export, sites};
use kartoteka::model::{Lang, Location, Site, Vocab};
use kartoteka::opendata::uuid;
use serde_json::Value;

/// The objects of `array` by id.
fn by_id(array: &Value) -> BTreeMap<String, Value> {
    array
        .as_array()
        .expect("an array")
        .iter()
        .map(|o| (o["id"].as_str().expect("an id").to_string(), o.clone()))
        .collect()
}

fn codes(object: &Value, link_type: &str) -> Vec<String> {
    object["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .filter(|a| a["link_type"] == link_type)
        .map(|a| {
            a["taxonomy_term"]["code"]
                .as_str()
                .expect("code")
                .to_string()
        })
        .collect()
}

fn check_location(context: &str, location: &Location, hsds: &Value, lang: Lang) {
    let address = &hsds["addresses"][0];
    let expected = location.address.get(lang).value;
    if location.address.has(lang) {
        assert_eq!(address["address_1"], *expected, "{context}");
    } else {
        assert!(
            address["address_1"].as_str().is_some_and(|a| !a.is_empty()),
            "{context}"
        );
    }
    assert_eq!(address["country"], "BG", "{context}");
    assert_eq!(
        address["postal_code"],
        location.postcode.clone().unwrap_or_default(),
        "{context}"
    );
    assert_eq!(
        codes(hsds, "localities"),
        [location.locality.as_str()],
        "{context}"
    );
    match location.coordinates {
        Some(c) => {
            assert_eq!(hsds["latitude"].as_f64(), Some(c.lat), "{context}");
            assert_eq!(hsds["longitude"].as_f64(), Some(c.lon), "{context}");
        }
        None => assert!(hsds.get("latitude").is_none(), "{context}"),
    }
}

fn round_trip(name: &str, site: &Site) {
    let files = export(site);
    for lang in Lang::ALL {
        let doc = document(&files, lang);
        assert_eq!(doc["language"], lang.code());
        let services = by_id(&doc["services"]);
        let organizations = by_id(&doc["organizations"]);
        assert_eq!(
            services.len(),
            site.services.len(),
            "{name}: no extra services"
        );
        for provider in site.providers.values() {
            let context = format!("{name} {lang} provider {}", provider.id);
            let org = organizations
                .get(&uuid(&format!("provider/{}", provider.id)))
                .unwrap_or_else(|| panic!("{context} is present"));
            assert_eq!(
                org["name"],
                *provider.listing.title.get(lang).value,
                "{context}"
            );
            assert_eq!(
                org["description"],
                *provider.listing.summary.get(lang).value,
                "{context}"
            );
            assert!(
                org["uri"]
                    .as_str()
                    .is_some_and(|u| u.ends_with(&format!("/{}/", provider.id))),
                "{context}: uri is the provider's page"
            );
            assert_eq!(
                codes(org, "provider_kinds"),
                [provider.kind.as_str()],
                "{context}"
            );
            assert_eq!(org["tax_id"].as_str(), provider.eik.as_deref(), "{context}");
            let locations = org["locations"].as_array().expect("locations");
            assert_eq!(locations.len(), provider.locations.len(), "{context}");
            for (i, (location, hsds)) in provider.locations.iter().zip(locations).enumerate() {
                assert_eq!(
                    hsds["id"],
                    uuid(&format!("provider/{}/location/{}", provider.id, i + 1)),
                    "{context}"
                );
                check_location(&context, location, hsds, lang);
            }
        }
        for service in site.services.values() {
            let context = format!("{name} {lang} service {}", service.id);
            let hsds = services
                .get(&uuid(&format!("service/{}", service.id)))
                .unwrap_or_else(|| panic!("{context} is present"));
            assert_eq!(
                hsds["name"],
                *service.listing.title.get(lang).value,
                "{context}"
            );
            assert_eq!(
                hsds["description"],
                *service.listing.summary.get(lang).value,
                "{context}"
            );
            // Assured only when a person confirmed it with the provider; never a source's date.
            match service.listing.verified {
                Some(date) => assert_eq!(hsds["assured_date"], date.to_string(), "{context}"),
                None => assert!(hsds.get("assured_date").is_none(), "{context}"),
            }
            assert!(
                hsds["url"]
                    .as_str()
                    .is_some_and(|u| u.ends_with(&format!("/{}/", service.id))),
                "{context}: url is the service's page"
            );
            let provider_key = match &service.provider {
                Some(p) => format!("provider/{p}"),
                None => "provider/".to_string(),
            };
            assert_eq!(hsds["organization_id"], uuid(&provider_key), "{context}");
            assert_eq!(hsds["organization"]["id"], uuid(&provider_key), "{context}");
            assert!(
                organizations.contains_key(&uuid(&provider_key)),
                "{context}"
            );
            assert_eq!(
                codes(hsds, Vocab::ServiceTypes.key()),
                [service.service_type.as_str()]
            );
            let activities: Vec<&str> = service.activities.iter().map(|a| a.as_str()).collect();
            assert_eq!(
                codes(hsds, Vocab::Activities.key()),
                activities,
                "{context}"
            );
            let groups: Vec<&str> = service.target_groups.iter().map(|g| g.as_str()).collect();
            assert_eq!(codes(hsds, Vocab::TargetGroups.key()), groups, "{context}");
            let funding: Vec<&str> = service.funding.iter().map(|f| f.as_str()).collect();
            assert_eq!(codes(hsds, Vocab::Funding.key()), funding, "{context}");
            assert_eq!(
                hsds["minimum_age"].as_u64(),
                service.age_min.map(u64::from),
                "{context}"
            );
            assert_eq!(
                hsds["maximum_age"].as_u64(),
                service.age_max.map(u64::from),
                "{context}"
            );
            let phones: Vec<String> = service.contact.phones.iter().map(|p| p.display()).collect();
            let hsds_phones: Vec<&str> = hsds["phones"]
                .as_array()
                .expect("phones")
                .iter()
                .filter_map(|p| p["number"].as_str())
                .collect();
            assert_eq!(hsds_phones, phones, "{context}");
            let at = hsds["service_at_locations"]
                .as_array()
                .expect("service_at_locations");
            assert_eq!(at.len(), service.locations.len(), "{context}");
            for (location, at) in service.locations.iter().zip(at) {
                check_location(&context, location, &at["location"], lang);
                assert_eq!(
                    at["schedules"].as_array().map(|s| !s.is_empty()),
                    Some(location.hours.is_some()),
                    "{context}: schedules come from hours"
                );
            }
            if let Some(users) = service.users {
                let figure = hsds["attributes"]
                    .as_array()
                    .expect("attributes")
                    .iter()
                    .find(|a| a["taxonomy_term"]["code"] == "users")
                    .unwrap_or_else(|| panic!("{context}: users figure"));
                assert_eq!(figure["value"], users.to_string(), "{context}");
            }
        }
    }
}

#[test]
fn every_service_provider_and_location_comes_back() {
    for (name, site) in sites() {
        round_trip(name, &site);
    }
}

#[test]
fn both_languages_have_the_same_records() {
    for (name, site) in sites() {
        let files = export(&site);
        let ids = |lang| {
            let doc = document(&files, lang);
            let services: Vec<_> = by_id(&doc["services"]).into_keys().collect();
            let organizations: Vec<_> = by_id(&doc["organizations"]).into_keys().collect();
            (services, organizations)
        };
        assert_eq!(ids(Lang::Bg), ids(Lang::En), "{name}");
    }
}

#[test]
fn the_ruse_numbers_survive() {
    let site = crate::common::ruse();
    let doc = document(&export(&site), Lang::Bg);
    let services = by_id(&doc["services"]);
    let patronage = &services[&uuid("service/domashen-sotsialen-patronazh")];
    let users = patronage["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .find(|a| a["taxonomy_term"]["code"] == "users")
        .expect("users figure");
    assert_eq!(users["value"], "555");
    // A service whose sources give no `units` has no units figure.
    let units: u64 = services
        .values()
        .flat_map(|s| s["attributes"].as_array().cloned().unwrap_or_default())
        .filter(|a| a["taxonomy_term"]["code"] == "units")
        .filter_map(|a| a["value"].as_str()?.parse::<u64>().ok())
        .sum();
    assert_eq!(units, u64::from(site.total_units().0));
}
