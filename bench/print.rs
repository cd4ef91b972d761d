//! Brochure timings: a 40-service A4 brochure (goal: ≤ 2 s), a whole site from an empty cache,
//! and a rebuild with no change (goal: no PDF typeset).
//!
//! `cargo bench --bench print`. The site is the Ruse directory with its services copied until
//! there are 40, and a brochure `all` that selects every one of them.

use std::path::Path;
use std::time::Instant;

use kartoteka::Date;
use kartoteka::model::Lang;
use kartoteka::print::{self, Subject, document, strings::PrintStrings, typeset};

const SERVICES: usize = 40;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("site");
    make_site(Path::new(env!("CARGO_MANIFEST_DIR")), &root);
    let date = Date::new(2026, 11, 25).expect("a real date");
    let site = kartoteka::check(&root, date)
        .site
        .expect("the bench site is valid");
    assert_eq!(site.services.len(), SERVICES);

    let planned = print::plan(&site)
        .into_iter()
        .find(|p| {
            p.lang == Lang::Bg && p.subject == Subject::Event(kartoteka::model::Id::new("all"))
        })
        .expect("the `all` brochure");
    let strings = PrintStrings::new(&site, Lang::Bg);
    let engine = typeset::Engine::new(&site.theme);
    for (run, date) in [
        ("cold", date),
        ("again, new date", Date::new(2026, 11, 26).expect("real")),
    ] {
        let start = Instant::now();
        let doc = document::document(&site, &planned, date, &strings).expect("a document");
        let data = serde_json::to_vec(&doc).expect("JSON");
        let pdf = typeset::pdf(&engine, data, planned.form, date, &planned.url).expect("typeset");
        println!(
            "40-service A4 brochure ({run}): {:.2} s, {} pages, {} KiB",
            start.elapsed().as_secs_f64(),
            pdf.pages,
            pdf.pdf.len() / 1024
        );
    }

    let cache = dir.path().join("cache");
    for run in ["empty cache", "no change"] {
        let start = Instant::now();
        let printed = print::brochures(&site, date, Some(&cache)).expect("printed");
        println!(
            "whole site, {run}: {} PDFs, {} typeset, {} from the cache, {:.2} s",
            printed.pdfs.len(),
            printed.stats.rendered,
            printed.stats.cached,
            start.elapsed().as_secs_f64()
        );
    }
}

/// The Ruse site with its services copied up to [`SERVICES`] and a brochure of all of them.
fn make_site(from: &Path, to: &Path) {
    for item in ["config.toml", "vocabularies.toml", "i18n", "content"] {
        for entry in walkdir::WalkDir::new(from.join(item)) {
            let entry = entry.expect("readable");
            let target = to.join(entry.path().strip_prefix(from).expect("inside"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("folder");
            } else {
                std::fs::create_dir_all(target.parent().expect("in the site")).expect("folder");
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
    }
    let services = to.join("content/services");
    let mut originals: Vec<String> = std::fs::read_dir(&services)
        .expect("services")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".md")?;
            (!stem.ends_with(".en")).then(|| stem.to_string())
        })
        .collect();
    originals.sort();
    let copies = SERVICES.saturating_sub(originals.len());
    for (copy, stem) in originals.iter().cycle().take(copies).enumerate() {
        for suffix in [".md", ".en.md"] {
            let source = services.join(format!("{stem}{suffix}"));
            if let Ok(text) = std::fs::read_to_string(&source) {
                let text = text.replacen("title = \"", &format!("title = \"{} – ", copy + 2), 1);
                std::fs::write(services.join(format!("{stem}-{}{suffix}", copy + 2)), text)
                    .expect("write");
            }
        }
    }
    std::fs::write(
        to.join("content/brochures/all.md"),
        "+++\ntitle = \"Всички услуги\"\nevent = \"Тест на скоростта\"\n+++\n\nВсички услуги от указателя.\n",
    )
    .expect("brochure");
}
