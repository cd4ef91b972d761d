//! Writes a site's search index to a folder, as `kartoteka build` will: `search/<lang>/…`.
//!
//! `cargo run --example search-index -- SITE OUT` — used by the Node tests (which query the
//! index with the real `search.js`) and by the benchmark. Prints each language's file count
//! and size.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kartoteka::model::{Date, Lang};
use kartoteka::search::build_index;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [site, out] = args.as_slice() else {
        eprintln!("usage: search-index SITE OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(site), &PathBuf::from(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("search-index: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(site: &Path, out: &Path) -> Result<(), String> {
    let today = Date::new(2026, 1, 1).ok_or("bad date")?;
    let checked = kartoteka::check(site, today);
    let site = checked.site.ok_or_else(|| {
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == kartoteka::Severity::Error)
            .take(5)
            .map(|d| format!("{}:{}: {}", d.path, d.line, d.message))
            .collect();
        format!("the site has errors:\n{}", errors.join("\n"))
    })?;
    for lang in Lang::ALL {
        let index = build_index(&site, lang);
        let files = index.files();
        for (path, bytes) in &files {
            let target = out.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
        }
        println!(
            "{}: {} files, {} bytes, manifest {}",
            lang,
            files.len(),
            index.total_bytes(),
            index.manifest_url()
        );
    }
    Ok(())
}
