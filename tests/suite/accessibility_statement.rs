//! The accessibility statement: `[accessibility]` of config.toml is optional and checked like
//! every other table, and the page `/dostapnost/` (`/en/accessibility/`) says what it holds —
//! or, for the Ruse site, that no contact has been set yet — and every footer links to it.

use crate::common::{built_pages, check_with, fixture, repo};

fn errors(checked: &kartoteka::Checked) -> String {
    let lines: Vec<String> = checked.errors().map(|d| d.to_plain()).collect();
    lines.join("\n")
}

/// Builds `site_dir` and returns the statement's page in Bulgarian and English.
fn statement(site_dir: &std::path::Path) -> (String, String) {
    let footers = [
        "index.html",
        "en/index.html",
        "404.html",
        "en/open-data/index.html",
    ];
    let pages = ["dostapnost/index.html", "en/accessibility/index.html"];
    let mut read = built_pages(site_dir, &[&footers[..], &pages[..]].concat()).into_iter();
    for (page, html) in footers.iter().zip(read.by_ref()) {
        assert!(
            html.contains(r#"<a href="/dostapnost/">Достъпност</a>"#)
                || html.contains(r#"<a href="/en/accessibility/">Accessibility</a>"#),
            "{page} links to the statement from its footer"
        );
    }
    let bg = read.next().expect("the Bulgarian statement");
    let en = read.next().expect("the English statement");
    (bg, en)
}

#[test]
fn the_table_is_optional() {
    let site = check_with("").into_site().expect("clean site");
    assert!(site.config.accessibility.evaluated.is_none());
    assert!(site.config.accessibility.contact.is_empty());
}

#[test]
fn date_result_and_contact_are_read() {
    let checked = check_with(concat!(
        "\n[accessibility]\nevaluated = 2026-11-20\n",
        "[accessibility.bg]\nresult = \"Без нарушения.\"\n",
        "[accessibility.en]\nresult = \"No violations.\"\n",
        "[accessibility.contact]\nemail = \"a11y@example.org\"\nphone = [\"082 500 100\"]\n",
    ));
    let a = checked
        .into_site()
        .expect("clean site")
        .config
        .accessibility;
    assert_eq!(
        a.evaluated.map(|d| d.to_string()).as_deref(),
        Some("2026-11-20")
    );
    let result = a.result.expect("a result");
    assert_eq!(result.get(kartoteka::Lang::En).value, "No violations.");
    assert_eq!(a.contact.email.as_deref(), Some("a11y@example.org"));
    assert_eq!(a.contact.phones.len(), 1);
}

#[test]
fn unknown_fields_and_bad_values_are_errors() {
    let checked = check_with(concat!(
        "\n[accessibility]\nevaluated = \"2026-11-20\"\nreslut = \"x\"\n",
        "[accessibility.contact]\nemail = \"not an address\"\n",
    ));
    let errors = errors(&checked);
    assert!(errors.contains("unknown field `reslut`"), "{errors}");
    assert!(
        errors.contains("`evaluated` must be a date, not text"),
        "{errors}"
    );
    assert!(errors.contains("`email` is not valid"), "{errors}");
}

#[test]
fn the_fixture_statement_shows_date_result_and_contact() {
    let (bg, en) = statement(&fixture("render-site"));
    assert!(bg.contains("<h1>Декларация за достъпност</h1>"), "{bg}");
    assert!(
        bg.contains(r#"<time datetime="2026-02-20">20.02.2026 г.</time>"#),
        "{bg}"
    );
    assert!(bg.contains("Частично съответствие"), "{bg}");
    assert!(
        bg.contains(r#"<a href="mailto:dostapnost@example.org">"#),
        "{bg}"
    );
    assert!(en.contains("<h1>Accessibility statement</h1>"), "{en}");
    assert!(en.contains("Partially compliant"), "{en}");
    assert!(en.contains("Test Municipality"), "{en}");
}

#[test]
fn the_ruse_statement_says_no_contact_is_set() {
    let (bg, en) = statement(&repo());
    assert!(
        bg.contains(
            "Начинът, по който да съобщите на Община Русе за пречки в сайта, още не е определен."
        ),
        "{bg}"
    );
    assert!(
        en.contains(
            "How to tell Ruse Municipality about barriers on this site has not been set yet."
        ),
        "{en}"
    );
    assert!(!bg.contains("mailto:"), "no contact is invented");
}
