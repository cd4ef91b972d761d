//! The `[opendata]` table of config.toml: read when present, optional, and checked like every
//! other table (unknown fields and bad addresses are errors).

use crate::common::{check_with, ruse};
use kartoteka::model::config::OpenDataConfig;

fn errors(checked: &kartoteka::Checked) -> Vec<String> {
    checked.errors().map(|d| d.to_plain()).collect()
}

#[test]
fn the_table_is_optional() {
    let site = check_with("").into_site().expect("clean site");
    assert_eq!(site.config.opendata, OpenDataConfig::default());
}

#[test]
fn licence_and_its_address_are_read() {
    let checked = check_with(
        "\n[opendata]\nlicence = \"CC BY 4.0\"\nlicence_url = \"https://creativecommons.org/licenses/by/4.0/\"\n",
    );
    let site = checked.into_site().expect("clean site");
    assert_eq!(site.config.opendata.licence.as_deref(), Some("CC BY 4.0"));
    assert_eq!(
        site.config.opendata.licence_url.as_deref(),
        Some("https://creativecommons.org/licenses/by/4.0/")
    );
}

#[test]
fn unknown_fields_and_bad_addresses_are_errors() {
    let checked = check_with("\n[opendata]\nlicense = \"CC BY 4.0\"\nlicence_url = \"ftp://x\"\n");
    let errors = errors(&checked).join("\n");
    assert!(errors.contains("unknown field `license`"), "{errors}");
    assert!(errors.contains("did you mean `licence`?"), "{errors}");
    assert!(
        errors.contains("`licence_url` is not a web address"),
        "{errors}"
    );
}

#[test]
fn the_ruse_site_sets_a_licence() {
    let site = ruse();
    assert_eq!(site.config.opendata.licence.as_deref(), Some("CC BY 4.0"));
}
