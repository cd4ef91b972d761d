//! `check` on valid sites: the fixture that uses every field, and the site `init` writes.

use crate::common::{copy_tree, fixed_date, fixture};
use kartoteka::model::{Issuer, Lang, Paper};

#[test]
fn the_full_fixture_loads_every_field() {
    let site = kartoteka::check(&fixture("valid"), fixed_date())
        .into_site()
        .unwrap_or_else(|failed| panic!("{failed}"));

    let dc = site.services.get("dneven-tsentar").expect("the day centre");
    assert_eq!(
        dc.listing.title.get(Lang::Bg).value,
        "Дневен център „Слънце“"
    );
    assert_eq!(dc.listing.title.get(Lang::En).value, "Day centre “Slantse”");
    assert_eq!(
        dc.listing.body.get(Lang::En).value.text().trim(),
        "## What we offer\n\nCare during the day."
    );
    assert_eq!(dc.units, Some(2));
    assert_eq!(dc.capacity, Some(30));
    assert_eq!((dc.age_min, dc.age_max), (Some(18), Some(99)));
    assert_eq!((dc.self_referral, dc.fee), (Some(false), Some(true)));
    assert_eq!(dc.provider.as_ref().map(|p| p.as_str()), Some("sdruzhenie"));
    assert_eq!(
        dc.related.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        ["tsop"]
    );
    let phones: Vec<String> = dc.contact.phones.iter().map(|p| p.e164()).collect();
    assert_eq!(phones, ["+35982123456", "+359888123456"]);
    assert_eq!(
        dc.contact.person.as_ref().unwrap().get(Lang::En).value,
        "Maria Ivanova"
    );

    let first = &dc.locations[0];
    assert_eq!(first.address.get(Lang::En).value, "5 Shtastie Street");
    assert_eq!(
        first.note.as_ref().unwrap().get(Lang::En).value,
        "The entrance is from the yard."
    );
    assert_eq!(
        first
            .hours
            .as_ref()
            .unwrap()
            .render(site.strings(Lang::Bg).hours()),
        ["пон.–пет. 08:30–17:00", "съб. 09:00–13:00"]
    );
    assert_eq!(first.coordinates.unwrap().lat, 43.8356);
    assert_eq!(first.wheelchair, Some(true));
    let second = &dc.locations[1];
    assert!(
        !second.address.has(Lang::En),
        "the second address is not translated"
    );
    assert_eq!(second.address.get(Lang::En).lang, Lang::Bg);

    let licence = &dc.licences[0];
    assert_eq!(licence.number, "1234");
    assert!(
        matches!(&licence.issuer, Some(Issuer::Named(n)) if n == "Агенция за социално подпомагане")
    );
    assert_eq!(
        licence.scope.as_ref().unwrap().get(Lang::En).value,
        "Day care"
    );

    let tsop = site.services.get("tsop").expect("the untranslated service");
    assert_eq!(
        tsop.listing.title.get(Lang::En).lang,
        Lang::Bg,
        "falls back to Bulgarian"
    );
    assert_eq!(tsop.units, None, "no `units`: not known");

    let provider = site.providers.get("obshtina").unwrap();
    assert_eq!(provider.eik.as_deref(), Some("000530632"));
    let association = site.providers.get("sdruzhenie").unwrap();
    assert_eq!(site.services_of(&association.id).count(), 1);
    assert_eq!(site.partnerships_of(&association.id).count(), 1);

    let contract = site.partnerships.get("upravlenie").unwrap();
    assert_eq!(contract.parties.len(), 2);
    assert!(contract.in_force_on(kartoteka::Date::new(2020, 1, 1).unwrap()));
    assert!(!contract.in_force_on(fixed_date()));

    let brochure = site.brochures.get("sreshta").unwrap();
    assert_eq!(brochure.paper, Paper::A5);
    let selected: Vec<_> = site
        .brochure_services(brochure)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(selected, ["tsop"]);

    assert_eq!(site.pages.get("pomosht").unwrap().menu, Some(1));
    assert_eq!(
        site.home.body.get(Lang::En).value.text().trim(),
        "Introduction."
    );
    assert_eq!(site.config.stale_after_days, 400);
    assert_eq!(site.total_units(), (2, false));
}

#[test]
fn warnings_are_the_editors_to_do_list() {
    let checked = kartoteka::check(&fixture("valid"), fixed_date());
    let warnings: Vec<String> = checked.diagnostics.iter().map(|d| d.headline()).collect();
    assert_eq!(
        warnings,
        [
            "content/services/tsop.md:1:1: warning: no English translation (content/services/tsop.en.md)"
        ]
    );
    let summary = kartoteka::summary_line(&checked);
    assert_eq!(
        summary,
        "2 services (2 units), 2 providers, 1 partnerships, 1 pages, 1 brochures — 0 errors, 1 warning, English coverage 86%"
    );
}

#[test]
fn the_old_list_of_sources_still_works_with_a_deprecation_warning() {
    // render-site keeps the old form in providers/obshtina.md: `sources = ["…"]` and `verified`.
    let checked = kartoteka::check(&fixture("render-site"), fixed_date());
    let site = checked.site.as_ref().expect("the old form still checks");
    let provider = site.providers.get("obshtina").expect("obshtina");
    assert_eq!(provider.listing.sources.len(), 1);
    assert_eq!(
        provider.listing.sources[0].title.get(Lang::Bg).value,
        "Сайт на общината"
    );
    assert_eq!(
        provider.listing.sources[0].date, None,
        "the old form has no dates"
    );
    assert!(
        provider.listing.verified.is_some(),
        "`verified` keeps its meaning"
    );
    let deprecation = checked
        .diagnostics
        .iter()
        .find(|d| d.path.ends_with("providers/obshtina.md") && d.message.contains("deprecated"))
        .expect("a deprecation warning");
    assert!(!deprecation.is_error());
    let help = deprecation.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("[[sources]]\ntitle = \"Сайт на общината\"\ndate = "),
        "{help}"
    );
}

#[test]
fn a_listing_nobody_checked_is_on_the_to_do_list() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    let path = dir.path().join("content/services/tsop.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("verified = 2026-06-01\n", "")).unwrap();
    let checked = kartoteka::check(dir.path(), fixed_date());
    assert!(checked.site.is_some(), "`verified` is optional");
    let todo: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("never checked"))
        .map(|d| d.headline())
        .collect();
    assert_eq!(
        todo,
        [
            "content/services/tsop.md:2:1: warning: never checked with the provider: the page shows only what the sources say"
        ]
    );
}

#[test]
fn a_source_is_dated_as_precisely_as_the_document_is() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    let path = dir.path().join("content/services/dneven-tsentar.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let wrong = text.replace("date = \"2026\"", "date = \"2026-1\"");
    std::fs::write(&path, wrong).unwrap();
    let checked = kartoteka::check(dir.path(), fixed_date());
    let errors: Vec<String> = checked.errors().map(|d| d.headline()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("neither a month (YYYY-MM) nor a year (YYYY)"),
        "{errors:?}"
    );
    let month = text.replace("date = \"2026\"", "date = \"2026-05\"");
    std::fs::write(&path, month).unwrap();
    let site = kartoteka::check(dir.path(), fixed_date())
        .into_site()
        .unwrap();
    assert_eq!(
        site.services.get("dneven-tsentar").unwrap().listing.sources[0].date,
        Some(kartoteka::model::SourceDate::Month(2026, 5))
    );
}

#[test]
fn stale_verified_dates_are_warned_about() {
    let later = kartoteka::Date::new(2027, 8, 1).unwrap();
    let checked = kartoteka::check(&fixture("valid"), later);
    assert!(checked.site.is_some(), "warnings do not fail the check");
    let stale: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| {
            d.message
                .starts_with("last checked on 2026-06-01, 426 days ago")
        })
        .map(|d| (d.path.as_str(), d.line, d.column))
        .collect();
    assert!(
        stale.contains(&("content/services/dneven-tsentar.md", 4, 12)),
        "{stale:?}"
    );
    assert_eq!(stale.len(), 5, "every listing with verified: {stale:?}");
}

#[test]
fn the_site_init_writes_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    kartoteka::init::init(&site).unwrap();
    let checked = kartoteka::check(&site, fixed_date());
    let problems: Vec<String> = checked.diagnostics.iter().map(|d| d.headline()).collect();
    assert_eq!(
        problems,
        ["config.toml:2:12: warning: `base_url` is still a placeholder address"]
    );
    let site = checked.site.expect("init's site is clean");
    assert_eq!(site.services.len(), 1);
    assert_eq!(site.english_coverage(), 100.0);
    assert!(
        kartoteka::init::init(&dir.path().join("site")).is_err(),
        "init refuses a non-empty folder"
    );
}
