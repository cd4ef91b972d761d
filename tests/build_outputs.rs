//! The built Ruse site as a whole: search index, open data and every internal link resolve.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{fixed_date, repo};

fn build_ruse(out: &Path) {
    let checked = kartoteka::check(&repo(), fixed_date());
    let site = checked.site.expect("the Ruse site is clean");
    // Brochures are typeset by their own tests; here their links are checked against the plan.
    let options = kartoteka::BuildOptions {
        no_pdf: true,
        pdf_cache: None,
    };
    kartoteka::build(&site, out, fixed_date(), &|| {}, &options).expect("the Ruse site builds");
}

/// The file a site path is served from: `/uslugi/x/` → `uslugi/x/index.html`.
fn served(out: &Path, path: &str) -> std::path::PathBuf {
    let path = path.split(['#', '?']).next().unwrap_or_default();
    out.join(kartoteka::render::urls::output_file(path))
}

#[test]
fn every_internal_link_and_asset_of_the_ruse_site_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_ruse(&out);
    let site = kartoteka::check(&repo(), fixed_date()).site.unwrap();
    let brochures: BTreeSet<String> = kartoteka::print::plan(&site)
        .into_iter()
        .map(|p| p.url)
        .collect();
    assert!(
        brochures.len() >= 4,
        "event and provider brochures are planned"
    );
    let mut broken = BTreeSet::new();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for attribute in ["href=\"", "src=\"", "data-manifest=\""] {
            for part in html.split(attribute).skip(1) {
                let target = part.split('"').next().unwrap_or_default();
                if !target.starts_with('/') || target.starts_with("//") {
                    continue;
                }
                checked += 1;
                if target.ends_with(".pdf") {
                    if !brochures.contains(target) {
                        broken.insert(format!(
                            "{} → {target} (no such brochure)",
                            entry.path().strip_prefix(&out).unwrap().display()
                        ));
                    }
                } else if !served(&out, target).is_file() {
                    broken.insert(format!(
                        "{} → {target}",
                        entry.path().strip_prefix(&out).unwrap().display()
                    ));
                }
            }
        }
    }
    assert!(checked > 1000, "links were found: {checked}");
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
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
