//! Printed brochures (PDF): an event brochure per `content/brochures/` file and a brochure per
//! provider, in every language, typeset by the embedded typst engine.
//!
//! The stage reads the typed [`Site`] and returns the PDFs as bytes with the paths they go to;
//! it never writes the output folder (the `build` command does, atomically). Brochures are
//! typeset in parallel, and a cache folder given by the caller skips those whose inputs did not
//! change (see [`cache`]).
//!
//! Pipeline per brochure: [`plan`] (what and where) → [`document`] (the brochure as data, in
//! its language) → JSON → [`typeset`] (template + fonts → PDF).

pub mod cache;
pub mod document;
pub mod markdown;
pub mod plan;
pub mod qr;
pub mod service;
pub mod strings;
pub mod typeset;

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;

pub use plan::{Form, Planned, Subject, plan};

use crate::model::{Date, Lang, Site};
use cache::{Cache, Key};
use strings::PrintStrings;

/// One printed brochure.
#[derive(Clone, Debug)]
pub struct Pdf {
    /// What it is and where it goes (`planned.path` is relative to the output folder).
    pub planned: Planned,
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Was it taken from the cache rather than typeset?
    pub from_cache: bool,
}

/// What a print run did, for the build summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrintStats {
    /// Brochures typeset in this run.
    pub rendered: usize,
    /// Brochures taken unchanged from the cache.
    pub cached: usize,
    /// Things worth telling the editor that did not stop the build (engine warnings, a cache
    /// folder that could not be written), each starting with the brochure's URL.
    pub warnings: Vec<String>,
}

/// Every brochure of a site, printed.
#[derive(Clone, Debug)]
pub struct Printed {
    /// The PDFs, in [`plan`] order.
    pub pdfs: Vec<Pdf>,
    /// What was typeset and what came from the cache.
    pub stats: PrintStats,
}

/// Why brochures could not be printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The engine refused one or more brochures (a template error, or content it cannot lay out).
    #[error("{} brochure(s) could not be typeset:\n{}", .0.len(), describe(.0))]
    Typeset(Vec<(String, String)>),
}

fn describe(failures: &[(String, String)]) -> String {
    let lines: Vec<String> = failures
        .iter()
        .map(|(url, message)| format!("  {url}: {message}"))
        .collect();
    lines.join("\n")
}

/// Prints every brochure of `site`, dated `build_date` (the "printed on" date of the cover and
/// the PDF's creation date: pass a fixed date, e.g. from `--date` or `SOURCE_DATE_EPOCH`, for
/// reproducible files). With a `cache` folder, unchanged brochures are reused from it, new ones
/// stored in it, and entries no longer used are deleted.
pub fn brochures(
    site: &Site,
    build_date: Date,
    cache: Option<&Path>,
) -> Result<Printed, PrintError> {
    let strings: Vec<(Lang, PrintStrings)> = Lang::ALL
        .into_iter()
        .map(|lang| (lang, PrintStrings::new(site, lang)))
        .collect();
    let cache = cache.map(Cache::new);
    let engine = typeset::Engine::new(&site.theme);
    let results: Vec<Result<Outcome, (String, String)>> = plan(site)
        .into_par_iter()
        .filter_map(|planned| {
            let strings = strings.iter().find(|(l, _)| *l == planned.lang)?;
            Some(print_one(
                site,
                &engine,
                planned,
                build_date,
                &strings.1,
                cache.as_ref(),
            ))
        })
        .collect();
    typeset::evict_caches();
    let mut printed = Printed {
        pdfs: Vec::new(),
        stats: PrintStats::default(),
    };
    let mut failures = Vec::new();
    let mut keys = BTreeSet::new();
    for result in results {
        match result {
            Ok(outcome) => {
                match outcome.pdf.from_cache {
                    true => printed.stats.cached += 1,
                    false => printed.stats.rendered += 1,
                }
                printed.stats.warnings.extend(outcome.warnings);
                keys.insert(outcome.key);
                printed.pdfs.push(outcome.pdf);
            }
            Err(failure) => failures.push(failure),
        }
    }
    if !failures.is_empty() {
        return Err(PrintError::Typeset(failures));
    }
    if let Some(cache) = &cache
        && let Err(e) = cache.prune(&keys)
    {
        printed
            .stats
            .warnings
            .push(format!("the PDF cache could not be pruned: {e}"));
    }
    Ok(printed)
}

/// A brochure printed or found in the cache, with its key and warnings.
struct Outcome {
    pdf: Pdf,
    key: Key,
    warnings: Vec<String>,
}

fn print_one(
    site: &Site,
    engine: &typeset::Engine,
    planned: Planned,
    date: Date,
    strings: &PrintStrings,
    cache: Option<&Cache>,
) -> Result<Outcome, (String, String)> {
    let fail = |message: String| (planned.url.clone(), message);
    let document = document::document(site, &planned, date, strings)
        .ok_or_else(|| fail("its brochure or provider is not in the site".into()))?;
    let data = serde_json::to_vec(&document).map_err(|e| fail(e.to_string()))?;
    let key = Key::new(engine.digest(), &data, date, &planned.url);
    if let Some(bytes) = cache.and_then(|c| c.get(&key)) {
        let pdf = Pdf {
            planned,
            bytes,
            from_cache: true,
        };
        return Ok(Outcome {
            pdf,
            key,
            warnings: Vec::new(),
        });
    }
    let typeset = typeset::pdf(engine, data, planned.form, date, &planned.url).map_err(fail)?;
    let mut warnings: Vec<String> = typeset
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", planned.url))
        .collect();
    if let Some(cache) = cache
        && let Err(e) = cache.put(&key, &typeset.pdf)
    {
        warnings.push(format!("{}: not stored in the PDF cache: {e}", planned.url));
    }
    let pdf = Pdf {
        planned,
        bytes: typeset.pdf,
        from_cache: false,
    };
    Ok(Outcome { pdf, key, warnings })
}
