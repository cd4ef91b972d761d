//! Whole-program tests of `build` on tests/fixtures/render-site: contract URLs, languages,
//! fallbacks, sanitising, determinism and atomic output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kartoteka::Date;

const FIXTURE: &str = "tests/fixtures/render-site";

fn date() -> Date {
    Date::new(2026, 3, 1).unwrap_or_else(|| unreachable!("a real date"))
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)
}

/// Builds `site` into `out` through the library, panicking on any problem.
fn build(site: &Path, out: &Path) {
    let site = kartoteka::check(site, date())
        .into_site()
        .unwrap_or_else(|failed| panic!("{failed}"));
    kartoteka::build(
        &site,
        out,
        date(),
        &|| {},
        &kartoteka::BuildOptions {
            no_pdf: true,
            pdf_cache: None,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("public");
    build(&fixture(), &out);
    (dir, out)
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Every file under `root` with its bytes, by relative path.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap_or(e.path());
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (rel.to_string_lossy().replace('\\', "/"), bytes)
        })
        .collect()
}

/// The contract pages of every kind, (bg file, en file).
const CONTRACT: &[(&str, &str)] = &[
    ("index.html", "en/index.html"),
    (
        "uslugi/dneven-tsentar/index.html",
        "en/services/dneven-tsentar/index.html",
    ),
    (
        "dostavchitsi/obshtina/index.html",
        "en/providers/obshtina/index.html",
    ),
    (
        "partnyorstva/upravlenie/index.html",
        "en/partnerships/upravlenie/index.html",
    ),
    (
        "kak-da-poluchite-pomosht/index.html",
        "en/kak-da-poluchite-pomosht/index.html",
    ),
    ("tarsene/index.html", "en/search/index.html"),
    ("uslugi/index.html", "en/services/index.html"),
    ("dostavchitsi/index.html", "en/providers/index.html"),
    (
        "tselevi-grupi/elderly/index.html",
        "en/target-groups/elderly/index.html",
    ),
    ("tselevi-grupi/index.html", "en/target-groups/index.html"),
    ("404.html", "en/404.html"),
];

#[test]
fn contract_urls_exist_for_every_kind_in_both_languages() {
    let (_dir, out) = built();
    for (bg, en) in CONTRACT {
        for (file, lang, twin) in [(bg, "bg", en), (en, "en", bg)] {
            let html = read(&out, file);
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{file}");
            assert_eq!(html.matches("<h1").count(), 1, "one h1 in {file}");
            assert!(html.contains("name=\"q\""), "search form in {file}");
            assert!(html.contains("href=\"#main\""), "skip link in {file}");
            if !file.ends_with("404.html") {
                assert!(html.contains("rel=\"alternate\" hreflang=\"bg\""), "{file}");
                assert!(html.contains("rel=\"alternate\" hreflang=\"en\""), "{file}");
            }
            let twin_url = format!("/{}", twin.trim_end_matches("index.html"));
            assert!(
                html.contains(&format!("href=\"{twin_url}\"")),
                "{file} links to its twin {twin_url}"
            );
        }
    }
    for file in [
        "sitemap.xml",
        "robots.txt",
        "feed.xml",
        "en/feed.xml",
        "assets/style.css",
        "assets/favicon.svg",
        "favicon.ico",
    ] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let icon = std::fs::read(out.join("favicon.ico")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&icon[..4], b"\0\0\x01\0", "favicon.ico is an ICO file");
    let home = read(&out, "index.html");
    assert!(home.contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">"));
    assert!(
        home.contains("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">")
    );
    let search = read(&out, "en/search/index.html");
    assert!(search.contains("<ol id=\"search-results\""));
    assert!(search.contains("id=\"search-count\""));
    assert!(search.contains("action=\"/en/search/\""));
}

#[test]
fn the_sitemap_has_language_alternates_and_robots_points_to_it() {
    let (_dir, out) = built();
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://uslugi.example.org/en/services/dneven-tsentar/</loc>"));
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"bg\" href=\"https://uslugi.example.org/uslugi/dneven-tsentar/\"/>"
    ));
    assert!(!sitemap.contains("404"));
    assert!(read(&out, "robots.txt").contains("Sitemap: https://uslugi.example.org/sitemap.xml"));
    let feed = read(&out, "en/feed.xml");
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
    // The newest listing date: the provider confirmed on 2026-01-10 (the day centre rests on a
    // 2020 source alone).
    assert!(feed.contains("<updated>2026-01-10T00:00:00Z</updated>"));
    assert!(read(&out, "en/index.html").contains("href=\"/en/feed.xml\""));
}

#[test]
fn service_page_answers_the_questions_in_words() {
    let (_dir, out) = built();
    let bg = read(&out, "uslugi/dneven-tsentar/index.html");
    let en = read(&out, "en/services/dneven-tsentar/index.html");
    assert!(bg.contains("пон.–пет. 08:30–17:00"), "hours in words");
    assert!(en.contains("Mon–Fri 08:30–17:00"));
    assert!(en.contains("href=\"tel:+35982123456\">+359 82 123 456</a>"));
    assert!(en.contains("href=\"mailto:dc@example.org\""));
    assert!(en.contains("https://www.openstreetmap.org/?mlat=43.835600&amp;mlon=25.965700"));
    assert!(en.contains("Wheelchair accessible"));
    assert!(en.contains("href=\"/en/providers/obshtina/\""));
    assert!(en.contains("You can come without a referral"));
    assert!(en.contains("free of charge"));
    assert!(bg.contains("30 места"));
    // Only sources, never confirmed with the provider: the page says where the facts come from
    // and claims no check.
    assert!(bg.contains("По данни от"), "sources are named");
    assert!(bg.contains("Работна среща на Тестова община с доставчиците</a></cite> (<time datetime=\"2020-01-28\">28.01.2020 г.</time>), с. 2"));
    assert!(
        !bg.contains("Проверено"),
        "nobody checked it, so no date of checking"
    );
    assert!(en.contains("According to"));
    assert!(!en.contains("Checked"), "nobody checked it");
    // A listing that was confirmed with its provider says so, with the day.
    let provider = read(&out, "en/providers/obshtina/index.html");
    assert!(provider.contains(
        "Checked with the provider on <time datetime=\"2026-01-10\">10 January 2026</time>"
    ));
    // The order of the issue: for whom, where, when, how, who, contact, sources.
    let at = |needle: &str| {
        en.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    let order = [
        at("id=\"whom-h\""),
        at("id=\"where-h\""),
        at("id=\"when-h\""),
        at("id=\"how-h\""),
        at("id=\"who-h\""),
        at("id=\"contact-h\""),
        at("id=\"size-h\""),
        at("id=\"lic-h\""),
        at("id=\"sources-h\""),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Markdown headings sit under the section's h2 ("More about it"), skipping no level.
    assert!(en.contains("<h3>What we do</h3>"));
}

#[test]
fn missing_english_falls_back_to_bulgarian_marked_and_addresses_are_transliterated() {
    let (_dir, out) = built();
    let en = read(&out, "en/services/tsop/index.html");
    assert!(en.contains("<span lang=\"bg\">Център за обществена подкрепа</span>"));
    assert!(en.contains("not yet translated"));
    assert!(en.contains("<div class=\"prose\" lang=\"bg\">"));
    assert!(
        en.contains("ul. „Tsar Osvoboditel“ 12"),
        "transliterated address"
    );
    assert!(en.contains("You need a referral"));
    let dc = read(&out, "en/services/dneven-tsentar/index.html");
    assert!(
        dc.contains("bul. „Bulgaria“ 5"),
        "the one exception of the law"
    );
    assert!(
        !read(&out, "uslugi/tsop/index.html").contains("все още не е преведено"),
        "no note on Bulgarian pages"
    );
}

#[test]
fn plurals_providers_partnerships_and_overrides() {
    let (_dir, out) = built();
    let home = read(&out, "index.html");
    assert!(home.contains("2 услуги"), "elderly: two services");
    assert!(home.contains("1 услуга"), "children: one service");
    let en_home = read(&out, "en/index.html");
    assert!(en_home.contains("2 services") && en_home.contains("1 service<"));
    assert!(
        en_home.contains("News feed"),
        "the site's en.ftl overrides a string"
    );
    let provider = read(&out, "en/providers/obshtina/index.html");
    assert!(provider.contains("href=\"/en/services/dneven-tsentar/\""));
    assert!(provider.contains("href=\"/en/partnerships/upravlenie/\""));
    let partnership = read(&out, "en/partnerships/upravlenie/index.html");
    assert!(partnership.contains("In force on 1 March 2026."));
    assert!(partnership.contains("Social Services Act, Art. 52"));
    assert!(partnership.contains("1 July 2020 to 30 June 2030"));
    let old = read(&out, "partnyorstva/staro/index.html");
    assert!(old.contains("Не е в сила към 01.03.2026 г."));
}

#[test]
fn the_sources_page_lists_each_document_with_the_listings_that_cite_it() {
    let (_dir, out) = built();
    let bg = read(&out, "iztochnitsi/index.html");
    let anchor = "rabotna-sreshta-na-testova-obshtina-s-dostavchitsite-2020-01-28";
    assert!(bg.contains(&format!("<section id=\"{anchor}\"")), "{bg}");
    assert!(bg.contains("<cite>Работна среща на Тестова община с доставчиците</cite> (<time datetime=\"2020-01-28\">28.01.2020 г.</time>)"));
    assert!(bg.contains(
        "<a href=\"/uslugi/dneven-tsentar/\">Дневен център за възрастни хора „Център“</a> — с. 2"
    ));
    // The old form's citation has no date, and is still listed.
    assert!(bg.contains("<cite>Сайт на общината</cite></h2>"));
    assert!(bg.contains("<a href=\"/dostavchitsi/obshtina/\">"));
    // Each listing's "По данни от" links to its document there.
    let service = read(&out, "uslugi/dneven-tsentar/index.html");
    assert!(service.contains(&format!("<cite><a href=\"/iztochnitsi/#{anchor}\">")));
    let en = read(&out, "en/sources/index.html");
    assert!(en.contains("<cite>Working meeting of the Test Municipality with the providers</cite> (<time datetime=\"2020-01-28\">28 January 2020</time>)"));
    assert!(en.contains("<a href=\"/en/services/dneven-tsentar/\">"));
    let english_service = read(&out, "en/services/dneven-tsentar/index.html");
    assert!(english_service.contains(&format!("<a href=\"/en/sources/#{anchor}\">")));
}

#[test]
fn home_page_counts_are_the_linked_data() {
    let site = kartoteka::check(&fixture(), date())
        .into_site()
        .unwrap_or_else(|failed| panic!("{failed}"));
    let services = site.services.len();
    let running: std::collections::BTreeSet<_> = site
        .services
        .values()
        .filter_map(|s| s.provider.as_ref())
        .collect();
    // A service without `units` is not one unit: the sum is not known, so it is not shown.
    assert!(site.services.values().any(|s| s.units.is_none()));
    assert_eq!((services, running.len()), (3, 2));
    let (_dir, out) = built();
    let bg = read(&out, "index.html");
    assert!(
        bg.contains(&format!(
            "В указателя има {services} услуги, предоставяни от {} организации.",
            running.len()
        )),
        "{bg}"
    );
    assert!(
        !bg.contains("звена"),
        "no unit count when some services give none"
    );
    let en = read(&out, "en/index.html");
    assert!(en.contains("The directory lists 3 services, run by 2 organisations."));
    // A term no service uses is not offered with "0".
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("site");
    crate::common::copy_tree(&fixture(), &site);
    let vocabularies = site.join("vocabularies.toml");
    let text = read(&site, "vocabularies.toml");
    let unused = "target_groups = [\"elderly\", \"children\", \"homeless\"]";
    std::fs::write(
        &vocabularies,
        text.replace("target_groups = [\"elderly\", \"children\"]", unused),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(read(&site, "vocabularies.toml").contains(unused));
    for (lang, label) in [("bg", "Хора без подслон"), ("en", "Homeless people")] {
        let ftl = site.join(format!("i18n/{lang}.ftl"));
        let text = std::fs::read_to_string(&ftl).unwrap_or_default();
        std::fs::write(&ftl, format!("{text}\ntarget-groups-homeless = {label}\n"))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let out = dir.path().join("public");
    build(&site, &out);
    for page in ["index.html", "tselevi-grupi/index.html"] {
        let html = read(&out, page);
        assert!(html.contains("/tselevi-grupi/elderly/"), "{page}");
        assert!(
            !html.contains("/tselevi-grupi/homeless/"),
            "{page}: no empty term"
        );
        assert!(!html.contains(">0 услуги<"), "{page}");
    }
}

#[test]
fn an_unknown_start_or_end_is_never_in_force() {
    use kartoteka::model::{End, Standing};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("site");
    crate::common::copy_tree(&fixture(), &site);
    let staro = site.join("content/partnerships/staro.md");
    let text = read(&site, "content/partnerships/staro.md");
    let term = "start = 2015-01-01\nend = 2019-12-31\n";
    assert!(text.contains(term));
    let standing = |term_now: &str| {
        std::fs::write(&staro, text.replace(term, term_now)).unwrap_or_else(|e| panic!("{e}"));
        let checked = kartoteka::check(&site, date());
        let site = checked
            .into_site()
            .unwrap_or_else(|failed| panic!("{failed}"));
        let p = site.partnerships.get("staro").cloned().expect("staro");
        (p.end, p.standing_on(date()))
    };
    // No `end`: unknown, not "in force".
    assert_eq!(
        standing("start = 2015-01-01\n"),
        (End::Unknown, Standing::Unknown)
    );
    // A source says it has no end date.
    assert_eq!(
        standing("start = 2015-01-01\nend = \"open\"\n"),
        (End::Open, Standing::InForce)
    );
    // An end in the future but no known start: unknown.
    assert_eq!(
        standing("end = 2030-01-01\n"),
        (End::On(Date::new(2030, 1, 1).unwrap()), Standing::Unknown)
    );
    // Known and past: ended, whatever the start.
    assert_eq!(
        standing("end = 2019-12-31\n"),
        (End::On(Date::new(2019, 12, 31).unwrap()), Standing::Ended)
    );
    // Nothing known: the page says so and never "в сила".
    std::fs::write(&staro, text.replace(term, "")).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("public");
    build(&site, &out);
    let bg = read(&out, "partnyorstva/staro/index.html");
    assert!(
        bg.contains("Източниците не казват дали е в сила към 01.03.2026 г."),
        "{bg}"
    );
    assert!(!bg.contains("В сила"));
    assert!(bg.contains("<dd>не е известен</dd>"));
    let en = read(&out, "en/partnerships/staro/index.html");
    assert!(en.contains("The sources do not say whether it is in force on 1 March 2026."));
    assert!(!en.contains("In force"));
}

#[test]
fn hostile_content_is_sanitised_everywhere() {
    let (_dir, out) = built();
    for file in ["uslugi/opasna/index.html", "en/services/opasna/index.html"] {
        let html = read(&out, file);
        let lower = html.to_lowercase();
        assert!(!lower.contains("alert(\"body\")"), "{file}: script body");
        assert!(!lower.contains("onerror"), "{file}: event handler");
        assert!(!lower.contains("onclick"), "{file}: event handler");
        assert!(!lower.contains("javascript:"), "{file}: javascript: URL");
        assert!(!lower.contains("data:text"), "{file}: data: URL");
        // Exactly one script element (the JSON-LD), closed once: the title cannot close it.
        assert_eq!(lower.matches("<script").count(), 1, "{file}");
        assert_eq!(lower.matches("</script").count(), 1, "{file}");
        assert!(
            html.contains("\\u003c/script\\u003e"),
            "{file}: escaped in JSON-LD"
        );
        assert!(html.contains("&lt;&#x2F;script&gt;") || html.contains("&lt;/script&gt;"));
    }
    // The same title in lists and feeds is escaped, too.
    for file in [
        "tselevi-grupi/elderly/index.html",
        "feed.xml",
        "sitemap.xml",
    ] {
        assert!(!read(&out, file).contains("<script>alert"), "{file}");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, first) = built();
    let (_b, second) = built();
    let (one, two) = (tree(&first), tree(&second));
    assert!(one.len() > 40, "{} files", one.len());
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(two[path] == *bytes, "{path} differs between builds");
    }
}

/// Copies the fixture site into a new folder, to spoil it.
fn copy_fixture(to: &Path) {
    for entry in walkdir::WalkDir::new(fixture()).into_iter().flatten() {
        let rel = entry.path().strip_prefix(fixture()).unwrap_or(entry.path());
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap_or_else(|e| panic!("{e}"));
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

fn run_build(site: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kartoteka"))
        .args(["build", "--date", "2026-03-01", "--output"])
        .arg(out)
        .arg(site)
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("site");
    let out = dir.path().join("public");
    copy_fixture(&site);
    let first = run_build(&site, &out);
    assert!(first.status.success(), "{first:?}");
    let summary = String::from_utf8_lossy(&first.stderr);
    assert!(
        summary.starts_with("built ") && summary.contains(" pages (bg ") && summary.contains(" s"),
        "one summary line off a terminal: {summary}"
    );
    let before = tree(&out);

    // A bad content file: check fails, nothing is written.
    std::fs::write(
        site.join("content/services/bad.md"),
        "+++\ntitle = \"x\"\ncolour = 1\n+++\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let failed = run_build(&site, &out);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("content/services/bad.md:"));
    assert!(
        tree(&out) == before,
        "output unchanged after a content error"
    );
    std::fs::remove_file(site.join("content/services/bad.md")).unwrap_or_else(|e| panic!("{e}"));

    // A broken template of the site's own theme: rendering fails, nothing is written.
    let templates = site.join("themes/default/templates");
    std::fs::create_dir_all(&templates).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(templates.join("service.html"), "{% if %}").unwrap_or_else(|e| panic!("{e}"));
    let failed = run_build(&site, &out);
    assert_eq!(failed.status.code(), Some(1), "{failed:?}");
    assert!(
        tree(&out) == before,
        "output unchanged after a template error"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .map(|d| d.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert_eq!(
        leftovers.len(),
        2,
        "no temporary folders left: {leftovers:?}"
    );
}

#[test]
fn a_site_theme_replaces_the_built_in_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("site");
    copy_fixture(&site);
    let static_dir = site.join("themes/default/static");
    std::fs::create_dir_all(&static_dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(static_dir.join("style.css"), "body{color:#000}")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("public");
    build(&site, &out);
    assert_eq!(read(&out, "assets/style.css"), "body{color:#000}");
    assert!(out.join("uslugi/dneven-tsentar/index.html").is_file());
}

/// The A–Z lists at the parents of the service and provider URLs list every listing once,
/// grouped under letters in alphabetical order.
#[test]
fn the_a_to_z_lists_hold_every_service_and_organisation_once() {
    let (_dir, out) = built();
    let ids = |kind: &str| -> Vec<String> {
        let mut ids: Vec<String> = std::fs::read_dir(fixture().join("content").join(kind))
            .unwrap_or_else(|e| panic!("{e}"))
            .filter_map(|e| {
                let name = e.ok()?.file_name().to_string_lossy().into_owned();
                let id = name.strip_suffix(".md")?;
                (!id.ends_with(".en")).then(|| id.to_string())
            })
            .collect();
        ids.sort();
        ids
    };
    for (file, prefix, kind) in [
        ("uslugi/index.html", "/uslugi/", "services"),
        ("en/services/index.html", "/en/services/", "services"),
        ("dostavchitsi/index.html", "/dostavchitsi/", "providers"),
        ("en/providers/index.html", "/en/providers/", "providers"),
    ] {
        let html = read(&out, file);
        for id in ids(kind) {
            let link = format!("<h3><a href=\"{prefix}{id}/\">");
            assert_eq!(html.matches(&link).count(), 1, "{file} lists {id} once");
        }
        let letters: Vec<&str> = html
            .split("<h2 id=\"az-")
            .skip(1)
            .filter_map(|part| part.split_once("\">")?.1.split_once("</h2>"))
            .map(|(letter, _)| letter)
            .collect();
        assert!(!letters.is_empty(), "{file} has letter groups");
        let mut sorted = letters.clone();
        sorted.sort_by_key(|l| l.to_lowercase());
        assert_eq!(letters, sorted, "{file}: letters in order");
    }
}
