//! Golden snapshots (insta) of one page of every kind in both languages, built from
//! tests/fixtures/render-site. Review changes with `cargo insta review` like code.

use std::path::Path;

use kartoteka::Date;

/// One page of every kind: (snapshot name, file in the output).
const PAGES: &[(&str, &str)] = &[
    ("home_bg", "index.html"),
    ("home_en", "en/index.html"),
    ("service_bg", "uslugi/dneven-tsentar/index.html"),
    ("service_en", "en/services/dneven-tsentar/index.html"),
    ("service_untranslated_en", "en/services/tsop/index.html"),
    ("provider_bg", "dostavchitsi/obshtina/index.html"),
    ("provider_en", "en/providers/obshtina/index.html"),
    ("partnership_bg", "partnyorstva/upravlenie/index.html"),
    ("partnership_en", "en/partnerships/upravlenie/index.html"),
    ("page_bg", "kak-da-poluchite-pomosht/index.html"),
    ("page_en", "en/kak-da-poluchite-pomosht/index.html"),
    ("term_bg", "tselevi-grupi/elderly/index.html"),
    ("term_en", "en/target-groups/elderly/index.html"),
    ("vocabulary_bg", "deynosti/index.html"),
    ("vocabulary_en", "en/activity-groups/index.html"),
    ("search_bg", "tarsene/index.html"),
    ("search_en", "en/search/index.html"),
    ("not_found_bg", "404.html"),
    ("not_found_en", "en/404.html"),
    ("feed_en", "en/feed.xml"),
];

#[test]
fn one_page_of_every_kind_in_both_languages() {
    let site_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render-site");
    let date = Date::new(2026, 3, 1).unwrap_or_else(|| unreachable!("a real date"));
    let site = kartoteka::check(&site_dir, date)
        .into_site()
        .unwrap_or_else(|failed| panic!("{failed}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("public");
    kartoteka::build(
        &site,
        &out,
        date,
        &|| {},
        &kartoteka::BuildOptions {
            no_pdf: true,
            pdf_cache: None,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Snapshot files are named by page alone (tests/suite/snapshots/NAME.snap), whatever
    // module of the test binary this is.
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, file) in PAGES {
            let text =
                std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            insta::assert_snapshot!(*name, text);
        }
    });
}
