//! The repository's own site, the Ruse directory: it checks clean, and content edits cannot
//! silently lose the headline numbers of the sources (seed 000, 001, 003).

use crate::common::ruse;
use kartoteka::model::{Issuer, Lang};

/// The 2020 list of seed 000 holds every service but the foster-care project and the
/// emergency-admission sector of the КСУДС Community Support Centre.
fn in_2020_list(type_id: &str) -> bool {
    !matches!(type_id, "foster-care" | "emergency-admission")
}

const CHILD_GROUPS: [&str; 4] = [
    "children",
    "children-disabilities",
    "street-children",
    "mothers-babies",
];

#[test]
fn the_2020_list_counts_42_services_19_for_children_23_for_adults() {
    let site = ruse();
    let listed: Vec<_> = site
        .services
        .values()
        .filter(|s| in_2020_list(s.service_type.as_str()))
        .collect();
    let total: u32 = listed
        .iter()
        .map(|s| s.units.expect("every listed service gives units"))
        .sum();
    assert_eq!(total, 42);
    let children: u32 = listed
        .iter()
        .filter(|s| {
            s.target_groups
                .iter()
                .any(|g| CHILD_GROUPS.contains(&g.as_str()))
        })
        .filter_map(|s| s.units)
        .sum();
    assert_eq!((children, total - children), (19, 23));
    assert!(
        site.services.contains_key("priemna-grizha"),
        "foster care under „Приеми ме 2015“"
    );
}

#[test]
fn eleven_partner_providers_run_services_under_management_contracts() {
    let site = ruse();
    let contracts = site
        .partnerships
        .values()
        .find(|p| p.kind.as_str() == "management-contract")
        .expect("the management contracts");
    let partners: Vec<_> = contracts
        .parties
        .iter()
        .filter(|p| p.as_str() != "obshtina-ruse")
        .collect();
    assert_eq!(partners.len(), 11, "{partners:?}");
    let legal = contracts
        .legal_basis
        .as_ref()
        .expect("legal basis")
        .get(Lang::Bg)
        .value;
    for article in ["37", "38", "39а", "61"] {
        assert!(
            legal.contains(article),
            "legal basis names чл. {article}: {legal}"
        );
    }
}

#[test]
fn institutions_and_local_activities_keep_their_user_counts() {
    let site = ruse();
    for (id, users) in [
        ("dom-vazrazhdane", 234),
        ("dom-milosardie", 82),
        ("dom-prista", 120),
        ("domashen-sotsialen-patronazh", 555),
        ("obshtestvena-trapezaria", 110),
    ] {
        let service = site
            .services
            .get(id)
            .unwrap_or_else(|| panic!("{id} is listed"));
        assert_eq!(service.users, Some(users), "{id}");
    }
}

#[test]
fn equilibrium_keeps_its_licence_and_certificate() {
    let site = ruse();
    let provider = site
        .providers
        .get("ekvilibrium")
        .expect("СНЦ „Еквилибриум“");
    let licence = provider
        .licences
        .iter()
        .find(|l| l.number == "1277")
        .expect("ДАЗД licence № 1277");
    assert_eq!(licence.issued, kartoteka::Date::new(2018, 6, 6));
    assert!(matches!(&licence.issuer, Some(Issuer::Provider(p)) if p.as_str() == "dazd"));
    assert!(
        provider.licences.iter().any(|l| l.number == "00191-0001"),
        "АСП certificate"
    );
}

#[test]
fn every_listing_is_in_both_languages_and_cites_its_sources() {
    let site = ruse();
    assert_eq!(site.english_coverage(), 100.0);
    for service in site.services.values() {
        assert!(
            !service.listing.sources.is_empty(),
            "{} cites sources",
            service.id
        );
        for source in &service.listing.sources {
            assert!(
                source.date.is_some(),
                "{}: every source is dated",
                service.id
            );
            assert!(
                source.title.has(Lang::En),
                "{} has English source titles",
                service.id
            );
        }
        assert_eq!(
            service.listing.verified, None,
            "{}: no listing of the Ruse site was ever confirmed with its provider",
            service.id
        );
    }
    let directorate = site
        .providers
        .get("zdravni-i-sotsialni-deynosti")
        .expect("the directorate");
    assert!(
        directorate.locations[0]
            .address
            .get(Lang::Bg)
            .value
            .contains("Свобода")
    );
    assert_eq!(site.brochures.len(), 2);
    assert_eq!(site.pages.len(), 4);
}
