//! The search index of a whole site: built from the site `kartoteka init` writes, in both
//! languages, without touching the disk after loading.

use kartoteka::model::{Date, Lang};
use kartoteka::search::{SearchIndex, build_index};
use serde_json::Value;

fn site() -> (tempfile::TempDir, kartoteka::Site) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("site");
    kartoteka::init::init(&root).expect("init writes a site");
    let today = Date::new(2026, 1, 20).expect("a valid date");
    let site = kartoteka::check(&root, today)
        .into_site()
        .expect("the init site is valid");
    (dir, site)
}

fn json(index: &SearchIndex, name: &str) -> Value {
    let (_, bytes) = index
        .files()
        .into_iter()
        .find(|(path, _)| path.ends_with(name))
        .unwrap_or_else(|| panic!("no file {name}"));
    serde_json::from_slice(&bytes).expect("index files are JSON")
}

#[test]
fn both_languages_get_a_manifest_and_hashed_files() {
    let (_dir, site) = site();
    for lang in Lang::ALL {
        let index = build_index(&site, lang);
        let folder = format!("search/{}/", lang.code());
        assert_eq!(index.manifest_url(), format!("/{folder}manifest.json"));
        let files = index.files();
        assert!(files.iter().all(|(path, _)| path.starts_with(&folder)));
        let manifest = json(&index, "manifest.json");
        assert_eq!(manifest["lang"], lang.code());
        let lexicon = manifest["lexicon"].as_str().expect("a lexicon name");
        assert!(files.iter().any(|(p, _)| p.ends_with(lexicon)));
        let first_docs = manifest["docs"]
            .as_str()
            .expect("a docs pattern")
            .replace("{n}", "0");
        let records = json(&index, &first_docs);
        let url = records[0][1].as_str().expect("a URL");
        let expected = match lang {
            Lang::Bg => "/uslugi/dneven-tsentar/",
            Lang::En => "/en/services/dneven-tsentar/",
        };
        assert_eq!(url, expected);
    }
}

#[test]
fn the_same_site_gives_the_same_files() {
    let (_dir, site) = site();
    assert_eq!(
        build_index(&site, Lang::Bg).files(),
        build_index(&site, Lang::Bg).files()
    );
}

#[test]
fn lexicon_holds_abbreviations_implied_by_titles() {
    let (_dir, site) = site();
    let index = build_index(&site, Lang::Bg);
    let manifest = json(&index, "manifest.json");
    let lexicon = json(&index, manifest["lexicon"].as_str().unwrap_or_default());
    let terms = kartoteka::search::lexicon::decode(lexicon["terms"].as_str().unwrap_or_default());
    // "Дневен център за възрастни хора" implies ДЦ.
    assert!(terms.iter().any(|t| t == "дц"), "{terms:?}");
    assert!(terms.windows(2).all(|w| w[0] < w[1]), "terms are sorted");
}
