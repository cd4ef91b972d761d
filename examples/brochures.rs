//! Prints a site's brochures into a folder, for checking them by eye and for benchmarks.
//!
//! `cargo run --release --example brochures -- SITE OUTDIR [--date YYYY-MM-DD] [--cache DIR]`
//!
//! Without `--date` the date comes from `SOURCE_DATE_EPOCH`, else today in Sofia. The `build` command
//! is the real user of `kartoteka::print`; this only writes what it returns.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use kartoteka::Date;
use kartoteka::model::date::DEFAULT_TIME_ZONE;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut date = None;
    let mut cache = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--date" => date = args.next().and_then(|d| Date::parse_iso(&d)),
            "--cache" => cache = args.next().map(PathBuf::from),
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    let [site_dir, out_dir] = positional.as_slice() else {
        eprintln!("usage: brochures SITE OUTDIR [--date YYYY-MM-DD] [--cache DIR]");
        return ExitCode::from(2);
    };
    let date = date
        .or_else(|| {
            let epoch = std::env::var("SOURCE_DATE_EPOCH").ok()?.parse().ok()?;
            Some(Date::from_unix_seconds(epoch))
        })
        .map_or_else(|| Date::today_in(DEFAULT_TIME_ZONE), Ok);
    let date = match date {
        Ok(date) => date,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let site = match kartoteka::check(site_dir, date).into_site() {
        Ok(site) => site,
        Err(failed) => {
            eprintln!("{failed}\nrun `kartoteka check` for the whole report");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let printed = match kartoteka::print::brochures(&site, date, cache.as_deref()) {
        Ok(printed) => printed,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let elapsed = start.elapsed();
    for pdf in &printed.pdfs {
        let path = out_dir.join(&pdf.planned.path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &pdf.bytes));
        if let Err(e) = written {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!(
            "{:>8} bytes  {}{}",
            pdf.bytes.len(),
            pdf.planned.path,
            if pdf.from_cache { "  (cached)" } else { "" }
        );
    }
    for warning in &printed.stats.warnings {
        eprintln!("warning: {warning}");
    }
    println!(
        "{} PDFs: {} typeset, {} from the cache, in {:.2} s",
        printed.pdfs.len(),
        printed.stats.rendered,
        printed.stats.cached,
        elapsed.as_secs_f64()
    );
    ExitCode::SUCCESS
}
