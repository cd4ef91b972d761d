//! `area_served`: a service without an address belongs to the locality it serves (its own
//! `area_served`, else config.toml's), and one serving the whole municipality to no one town.

use std::path::Path;

use crate::common::{
    copy_tree, document, errors_of, export, fixed_date, fixture, service_schema, site_at, strict,
    validator,
};
use kartoteka::model::Lang;

/// A service file of the valid fixture's vocabularies, without a location.
fn service(title: &str, area: Option<&str>) -> String {
    let area = area.map_or(String::new(), |a| format!("area_served = \"{a}\"\n"));
    format!(
        "+++\ntitle = \"{title}\"\nsummary = \"Услуга без адрес.\"\nverified = 2026-06-01\ntype = \"tsop\"\nprovider = \"obshtina\"\nactivities = [\"information-counselling\"]\ntarget_groups = [\"children\"]\n{area}\n[contact]\nphone = [\"+359 82 500 500\"]\n+++\nБез превод.\n"
    )
}

/// The valid fixture with config.toml's `area_served = "municipality"`, a service serving
/// `selo` and one with no area of its own.
fn site(root: &Path) -> kartoteka::model::Site {
    copy_tree(&fixture("valid"), root);
    let config = root.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("area_served = \"municipality\"\n{text}")).unwrap();
    let services = root.join("content/services");
    std::fs::write(
        services.join("v-seloto.md"),
        service("В селото", Some("selo")),
    )
    .unwrap();
    std::fs::write(
        services.join("v-obshtinata.md"),
        service("В общината", None),
    )
    .unwrap();
    site_at(root)
}

fn page(files: &[kartoteka::output::OutputFile], path: &str) -> String {
    let file = files.iter().find(|f| f.path == path);
    String::from_utf8(
        file.unwrap_or_else(|| panic!("{path} is built"))
            .bytes
            .clone(),
    )
    .unwrap()
}

#[test]
fn a_service_without_an_address_is_listed_and_counted_under_the_locality_it_serves() {
    let dir = tempfile::tempdir().unwrap();
    let site = site(&dir.path().join("site"));
    let area = site.config.area_served.as_ref();
    let localities = |id: &str| -> Vec<String> {
        let s = &site.services[id];
        s.localities(area).iter().map(|l| l.to_string()).collect()
    };
    assert_eq!(localities("v-seloto"), ["selo"]);
    assert!(
        localities("v-obshtinata").is_empty(),
        "the whole municipality is no one town"
    );
    assert_eq!(localities("tsop"), ["testovo"], "an address wins");

    let files = kartoteka::build::render_site(&site, fixed_date(), &|| {})
        .unwrap()
        .files;
    let selo = page(&files, "naseleni-mesta/selo/index.html");
    assert!(
        selo.contains("/uslugi/v-seloto/"),
        "listed on its town's page"
    );
    assert!(!selo.contains("/uslugi/v-obshtinata/"));
    let testovo = page(&files, "naseleni-mesta/testovo/index.html");
    assert!(
        !testovo.contains("/uslugi/v-obshtinata/"),
        "not counted under a town"
    );
    let vocabulary = page(&files, "naseleni-mesta/index.html");
    assert!(
        vocabulary.contains("/naseleni-mesta/selo/"),
        "selo now lists a service"
    );

    let seloto = page(&files, "uslugi/v-seloto/index.html");
    assert!(seloto.contains("Обслужва:"), "{seloto}");
    assert!(seloto.contains("/naseleni-mesta/selo/"));
    let whole = page(&files, "en/services/v-obshtinata/index.html");
    assert!(whole.contains("Serves the whole municipality."), "{whole}");
}

#[test]
fn the_open_data_give_the_area_as_an_hsds_service_area() {
    let dir = tempfile::tempdir().unwrap();
    let site = site(&dir.path().join("site"));
    let doc = document(&export(&site), Lang::Bg);
    let services = doc["services"].as_array().expect("services");
    let area = |name: &str| {
        let s = services.iter().find(|s| s["name"] == name).expect(name);
        s["service_areas"].clone()
    };
    assert_eq!(area("В селото")[0]["name"], "Село");
    assert_eq!(area("В общината")[0]["name"], "Община Тестово");
    assert_eq!(area("В общината")[0]["description"], "Цялата община");
    assert_eq!(
        area("Център за обществена подкрепа")[0]["name"],
        "Община Тестово",
        "the site's default"
    );
    let strict = validator(&strict(service_schema()));
    for service in services {
        let errors = errors_of(&strict, service);
        assert!(errors.is_empty(), "{}: {errors:#?}", service["name"]);
    }
}
