//! Regression guard for the build's hot stages on a 1,000-service corpus: check (load and
//! validate), render (every page, the open data export and the search index, in memory) and
//! the search index alone, per language.
//!
//! `cargo bench --bench stages`. The corpus is made once by `node bench/generate.mjs --for
//! build --services 1000` into target/bench-corpus-1000 (Node must be on PATH), or taken from
//! KARTOTEKA_BENCH_SITE when that names a site folder.

use std::path::PathBuf;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use kartoteka::model::{Date, Lang, Site};

const SERVICES: usize = 1000;

/// The corpus's site folder, generated on first use.
fn corpus() -> PathBuf {
    if let Some(site) = std::env::var_os("KARTOTEKA_BENCH_SITE") {
        return PathBuf::from(site);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = root.join(format!("target/bench-corpus-{SERVICES}"));
    if !out.join("site/config.toml").exists() {
        let status = Command::new("node")
            .arg(root.join("bench/generate.mjs"))
            .args(["--for", "build", "--services", &SERVICES.to_string()])
            .arg(&out)
            .status()
            .unwrap_or_else(|e| panic!("cannot run node to generate the corpus: {e}"));
        assert!(status.success(), "bench/generate.mjs failed");
    }
    out.join("site")
}

fn date() -> Date {
    // A valid date: 2026-01-01 exists.
    Date::new(2026, 1, 1).expect("2026-01-01 is a date")
}

fn checked_site(root: &std::path::Path) -> Site {
    kartoteka::check(root, date())
        .into_site()
        .expect("the corpus has no errors")
}

fn stages(c: &mut Criterion) {
    let root = corpus();
    let site = checked_site(&root);
    let mut group = c.benchmark_group(format!("{SERVICES} services"));
    group.sample_size(10);
    // Load and validate only, as before `check` also rendered (its dry run is the render
    // stage below without the bytes, and the link check is a set lookup per link).
    group.bench_function("check", |b| {
        b.iter(|| kartoteka::validate::check_site(&root, date()))
    });
    group.bench_function("render", |b| {
        b.iter(|| kartoteka::build::render_site(&site, date(), &|| {}).expect("renders"))
    });
    for lang in Lang::ALL {
        group.bench_function(format!("index {lang}"), |b| {
            b.iter(|| kartoteka::search::build_index(&site, lang).into_files())
        });
    }
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
