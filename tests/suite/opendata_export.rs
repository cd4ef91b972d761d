//! The export as a whole: deterministic, pure, the promised file names; and the text of the
//! open data page in both languages.

use crate::common::{fixed_date, ruse, sites, valid_site};
use kartoteka::model::Lang;
use kartoteka::opendata::{self, page, page_url};

#[test]
fn two_exports_are_byte_identical() {
    for (name, site) in sites() {
        let first = opendata::export(&site, fixed_date());
        let again = opendata::export(&site, fixed_date());
        assert!(first == again, "{name}: same site, same bytes");
    }
    let reloaded = opendata::export(&ruse(), fixed_date());
    assert!(
        reloaded == opendata::export(&ruse(), fixed_date()),
        "a reloaded site gives the same bytes"
    );
}

#[test]
fn a_build_writes_the_same_bytes_as_the_export_and_lists_their_sizes() {
    // The build streams the export into its files (services made as they are written); the
    // bytes must be those of the export made in memory.
    for (name, site) in sites() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("public");
        let options = kartoteka::BuildOptions {
            no_pdf: true,
            pdf_cache: None,
        };
        kartoteka::build(&site, &out, fixed_date(), &|| {}, &options)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for (path, bytes) in opendata::export(&site, fixed_date()) {
            let written = std::fs::read(out.join(&path)).unwrap_or_default();
            assert!(written == bytes, "{name}: {path} differs from the export");
        }
        // The open data page (which shows the sizes) is the one rendered in memory.
        let rendered = kartoteka::build::render_site(&site, fixed_date(), &|| {})
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for lang in Lang::ALL {
            let path = kartoteka::urls::output_file(&page_url(lang));
            let in_memory = rendered.files.iter().find(|f| f.path == path);
            let built = std::fs::read(out.join(&path)).unwrap_or_default();
            assert!(
                in_memory.is_some_and(|f| f.bytes == built),
                "{name}: {path} differs between build and render_site"
            );
        }
    }
}

#[test]
fn the_files_are_where_the_page_says() {
    let files = opendata::export(&ruse(), fixed_date());
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "sorted by path");
    for expected in [
        "opendata/hsds.json",
        "opendata/hsds.en.json",
        "opendata/csv/bg/datapackage.json",
        "opendata/csv/bg/services.csv",
        "opendata/csv/en/datapackage.json",
        "opendata/csv/en/organizations.csv",
    ] {
        assert!(paths.contains(&expected), "{expected}");
    }
    assert_eq!(files.len(), 2 * (1 + 1 + opendata::TABLES.len()));
    for (path, bytes) in &files {
        assert!(!bytes.is_empty(), "{path}");
        assert!(std::str::from_utf8(bytes).is_ok(), "{path} is UTF-8");
    }
}

#[test]
fn only_the_build_date_changes_with_the_build_date() {
    let site = valid_site();
    let later = kartoteka::Date::new(2027, 1, 2).expect("a date");
    let a = opendata::export(&site, fixed_date());
    let b = opendata::export(&site, later);
    for ((path, x), (_, y)) in a.iter().zip(&b) {
        let x = String::from_utf8_lossy(x).replace("2026-11-25", "2027-01-02");
        assert_eq!(x, String::from_utf8_lossy(y), "{path}");
    }
}

/// The paths and sizes of exported files, as the open data page takes them.
fn sizes(files: &[(String, Vec<u8>)]) -> Vec<(String, usize)> {
    files.iter().map(|(p, b)| (p.clone(), b.len())).collect()
}

#[test]
fn the_page_lists_every_file_with_its_size_and_the_licence() {
    let site = ruse();
    let files = opendata::export(&site, fixed_date());
    let sizes = sizes(&files);
    for lang in Lang::ALL {
        let page = page(&site, lang, fixed_date(), &sizes);
        assert_eq!(page.url, page_url(lang));
        assert_ne!(page.twin_url, page.url);
        assert!(!page.title.is_empty());
        assert!(page.paragraphs.len() >= 3);
        assert!(page.paragraphs.iter().any(|p| p.contains("HSDS")));
        assert!(page.paragraphs.iter().any(|p| p.contains("hsds.en.json")));
        assert!(page.licence_sentence.contains("CC BY 4.0"), "{lang}");
        let licence = page.licence.as_ref().expect("Ruse sets a licence");
        assert_eq!(
            licence.url.as_deref(),
            Some("https://creativecommons.org/licenses/by/4.0/")
        );
        assert_eq!(page.files.len(), files.len());
        assert_eq!(page.files[0].name, "hsds.json");
        assert_eq!(page.files[1].name, "hsds.en.json");
        for entry in &page.files {
            let (_, bytes) = files
                .iter()
                .find(|(p, _)| format!("/{p}") == entry.url)
                .expect("the entry is a file");
            assert_eq!(entry.bytes, bytes.len());
            assert!(!entry.description.is_empty());
        }
    }
    assert_eq!(page_url(Lang::Bg), "/otvoreni-danni/");
    assert_eq!(page_url(Lang::En), "/en/open-data/");
}

#[test]
fn without_a_licence_the_page_says_so() {
    let site = valid_site();
    let files = opendata::export(&site, fixed_date());
    let bg = page(&site, Lang::Bg, fixed_date(), &sizes(&files));
    assert!(bg.licence.is_none());
    assert!(bg.licence_sentence.contains("лиценз"));
    let package: serde_json::Value = serde_json::from_slice(
        &files
            .iter()
            .find(|(p, _)| p.ends_with("bg/datapackage.json"))
            .expect("package")
            .1,
    )
    .expect("JSON");
    assert!(package.get("licenses").is_none());
}

/// `hsds.json` is written compact (issue 20: the indentation was a third of its bytes): one
/// line and its newline, no space between tokens, and it still reads as the HSDS document.
#[test]
fn hsds_json_is_compact() {
    let files = opendata::export(&ruse(), fixed_date());
    for name in ["opendata/hsds.json", "opendata/hsds.en.json"] {
        let (_, bytes) = files.iter().find(|(p, _)| p == name).expect(name);
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        assert!(text.ends_with("}\n"), "{name} ends with one newline");
        assert_eq!(text.matches('\n').count(), 1, "{name} is one line");
        assert!(!text.contains("\": "), "{name} has no space after a key");
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        assert!(
            value["services"].as_array().is_some_and(|s| !s.is_empty()),
            "{name}"
        );
    }
}
