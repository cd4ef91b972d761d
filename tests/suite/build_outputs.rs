//! The built sites as a whole: search index, open data, and every internal link and asset
//! reference of the Ruse site and the fixture site resolve.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{fixed_date, fixture, repo};

/// Builds a site without typesetting its brochures (their own tests do that); returns the
/// URLs of the PDFs the build would print, for the link check.
fn build_site(root: &Path, out: &Path) -> BTreeSet<String> {
    let site = kartoteka::check(root, fixed_date())
        .into_site()
        .expect("the site is clean");
    let options = kartoteka::BuildOptions {
        no_pdf: true,
        pdf_cache: None,
    };
    kartoteka::build(&site, out, fixed_date(), &|| {}, &options).expect("the site builds");
    kartoteka::print::plan(&site)
        .into_iter()
        .map(|p| p.url)
        .collect()
}

fn build_ruse(out: &Path) -> BTreeSet<String> {
    build_site(&repo(), out)
}

/// The file a site path is served from: `/uslugi/x/` → `uslugi/x/index.html`.
fn served(out: &Path, path: &str) -> std::path::PathBuf {
    let path = path.split(['#', '?']).next().unwrap_or_default();
    out.join(kartoteka::urls::output_file(path))
}

/// Follows every internal link and asset reference (`href`, `src`, `data-manifest`) of every
/// page in `out`, fragments included (`#main`, `/x/#h`): how many were followed, and the
/// broken ones as "page → target".
fn broken_links(out: &Path, pdfs: &BTreeSet<String>) -> (usize, BTreeSet<String>) {
    let mut broken = BTreeSet::new();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let page = entry
            .path()
            .strip_prefix(out)
            .unwrap()
            .display()
            .to_string();
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for attribute in ["href=\"", "src=\"", "data-manifest=\""] {
            for part in html.split(attribute).skip(1) {
                let target = part.split('"').next().unwrap_or_default();
                let (path, fragment) = match target.split_once('#') {
                    Some((path, fragment)) => (path, Some(fragment)),
                    None => (target, None),
                };
                let file = if path.is_empty() && fragment.is_some() {
                    entry.path().to_path_buf()
                } else if path.starts_with('/') && !path.starts_with("//") {
                    served(out, path)
                } else {
                    continue;
                };
                checked += 1;
                if path.ends_with(".pdf") {
                    if !pdfs.contains(path) {
                        broken.insert(format!("{page} → {target} (no such brochure)"));
                    }
                    continue;
                }
                let found = file.is_file()
                    && fragment.is_none_or(|id| {
                        std::fs::read_to_string(&file)
                            .is_ok_and(|target| target.contains(&format!("id=\"{id}\"")))
                    });
                if !found {
                    broken.insert(format!("{page} → {target}"));
                }
            }
        }
    }
    (checked, broken)
}

fn assert_no_broken_links(out: &Path, pdfs: &BTreeSet<String>, at_least: usize) {
    let (checked, broken) = broken_links(out, pdfs);
    assert!(checked > at_least, "links were found: {checked}");
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_internal_link_and_asset_of_the_ruse_site_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let pdfs = build_ruse(&out);
    assert!(pdfs.len() >= 4, "event and provider brochures are planned");
    assert_no_broken_links(&out, &pdfs, 1000);
}

#[test]
fn every_internal_link_and_asset_of_the_fixture_site_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let pdfs = build_site(&fixture("render-site"), &out);
    assert_no_broken_links(&out, &pdfs, 300);
}

#[test]
fn the_build_writes_search_index_and_open_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_ruse(&out);
    for lang in ["bg", "en"] {
        let manifest =
            std::fs::read_to_string(out.join(format!("search/{lang}/manifest.json"))).unwrap();
        let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
        let lexicon = manifest["lexicon"]
            .as_str()
            .expect("the manifest names the lexicon");
        assert!(
            out.join(format!("search/{lang}/{lexicon}")).is_file(),
            "{lexicon}"
        );
    }
    let search = std::fs::read_to_string(out.join("tarsene/index.html")).unwrap();
    assert!(search.contains(
        r#"<ol id="search-results" class="results" data-manifest="/search/bg/manifest.json">"#
    ));
    let hsds: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("opendata/hsds.json")).unwrap())
            .unwrap();
    assert_eq!(hsds["services"].as_array().unwrap().len(), 22);
    let page = std::fs::read_to_string(out.join("otvoreni-danni/index.html")).unwrap();
    assert!(page.contains(r#"<a href="/opendata/hsds.json" hreflang="bg">hsds.json</a>"#));
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains(r#"<a href="/otvoreni-danni/">Отворени данни</a>"#));
}
