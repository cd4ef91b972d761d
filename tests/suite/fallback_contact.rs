//! The fallback contact: `[fallback_contact]` of config.toml is optional and checked like every
//! other table, and a service page that gives no phone and no address shows it as a block of
//! its own ("Whom to ask"), so that the page is not a dead end; a page with either does not.

use crate::common::{built_pages as pages, check_with, fixture, repo};

fn errors(checked: &kartoteka::Checked) -> String {
    let lines: Vec<String> = checked.errors().map(|d| d.to_plain()).collect();
    lines.join("\n")
}

#[test]
fn the_table_is_optional() {
    let site = check_with("").into_site().expect("clean site");
    assert!(site.config.fallback_contact.is_none());
}

#[test]
fn name_address_source_and_contact_are_read() {
    let checked = check_with(concat!(
        "\n[fallback_contact]\nsource_date = 2018-05-30\nemail = \"info@example.org\"\n",
        "[fallback_contact.bg]\nname = \"Дирекция\"\naddress = \"пл. „Свобода“ № 6\"\nsource = \"презентация\"\n",
        "[fallback_contact.en]\nname = \"Directorate\"\n",
    ));
    let f = checked
        .into_site()
        .expect("clean site")
        .config
        .fallback_contact
        .expect("a fallback contact");
    assert_eq!(f.name.get(kartoteka::Lang::En).value, "Directorate");
    assert_eq!(
        f.address
            .expect("an address")
            .get(kartoteka::Lang::Bg)
            .value,
        "пл. „Свобода“ № 6"
    );
    assert_eq!(
        f.source_date.map(|d| d.to_string()).as_deref(),
        Some("2018-05-30")
    );
    assert_eq!(f.contact.email.as_deref(), Some("info@example.org"));
}

#[test]
fn a_missing_name_unknown_fields_and_bad_values_are_errors() {
    let found = errors(&check_with(concat!(
        "\n[fallback_contact]\nsource_date = \"2018\"\nphone = [\"12\"]\nadress = \"x\"\n",
        "[fallback_contact.bg]\naddress = \"пл. „Свобода“ № 6\"\n",
    )));
    assert!(found.contains("unknown field `adress`"), "{found}");
    assert!(
        found.contains("`source_date` must be a date, not text"),
        "{found}"
    );
    assert!(
        found.contains("is not a phone number we can read"),
        "{found}"
    );
    assert!(found.contains("`name`"), "{found}");
    let missing = errors(&check_with(
        "\n[fallback_contact]\nsource_date = 2018-05-30\n",
    ));
    assert!(
        missing.contains("[fallback_contact] needs a [fallback_contact.bg] table"),
        "{missing}"
    );
}

#[test]
fn a_service_without_phone_or_address_says_whom_to_ask() {
    let [bare, bare_en, with_phone] = <[String; 3]>::try_from(pages(
        &fixture("render-site"),
        &[
            "uslugi/opasna/index.html",
            "en/services/opasna/index.html",
            "uslugi/dneven-tsentar/index.html",
        ],
    ))
    .expect("three pages");
    assert!(bare.contains(r#"<div class="ask-instead">"#), "{bare}");
    assert!(bare.contains("<h3>Кого да попитате</h3>"), "{bare}");
    assert!(
        bare.contains("Дирекция „Социални дейности“, Тестова община<br>гр. Тестово"),
        "{bare}"
    );
    assert!(bare.contains(r#"<a href="tel:+35982500200">"#), "{bare}");
    assert!(
        bare.contains(r#"<time datetime="2025-06-30">30.06.2025 г.</time>"#),
        "{bare}"
    );
    assert!(
        bare_en.contains("Directorate of Social Activities, Test Municipality<br>1 Main Square"),
        "{bare_en}"
    );
    assert!(
        !with_phone.contains("ask-instead"),
        "a page with a phone or an address shows its own contact only"
    );
}

#[test]
fn ruse_names_the_directorate_the_sources_give() {
    let [page] = <[String; 1]>::try_from(pages(
        &repo(),
        &["uslugi/dnevni-tsentrove-uvrezhdania/index.html"],
    ))
    .expect("one page");
    assert!(
        page.contains(
            "Дирекция „Здравни и социални дейности“, Община Русе<br>гр. Русе, пл. „Свобода“ № 6"
        ),
        "{page}"
    );
    assert!(
        page.contains(r#"<time datetime="2018-05-30">30.05.2018 г.</time>"#),
        "{page}"
    );
}
