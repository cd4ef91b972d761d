//! Open data: the site as Open Referral's Human Services Data Specification (HSDS) 3.0, for
//! reuse by the social assistance agency, helplines, journalists and the open data portal.
//!
//! [`export`] turns a [`Site`] into files (it writes nothing itself: the build writes them):
//!
//! - `opendata/hsds.json` — one object with the arrays `organizations` and `services`, each
//!   service a complete HSDS service object; Bulgarian text;
//! - `opendata/hsds.en.json` — the same records, same ids, English text (Bulgarian where a
//!   translation is missing, addresses transliterated);
//! - `opendata/csv/<lang>/` — the HSDS tabular form of each: one CSV per HSDS table and a
//!   Frictionless `datapackage.json`.
//!
//! [`page`] gives the text of the human page `/otvoreni-danni/` (`/en/open-data/`) that lists
//! the files and their licence, for the renderer to show with one template.
//!
//! HSDS ids are UUIDs made from our ids (see `ids`). Everything is sorted and the only date is
//! the build date, so the same site gives byte-identical files.

mod context;
mod hsds;
mod ids;
mod location;
mod organization;
mod page;
mod rows;
mod schedule;
mod service;
mod tabular;

use std::cell::RefCell;
use std::io;

use serde::Serialize;

use crate::model::{Date, Lang, Site};
use crate::output::Contents;

pub use ids::uuid;
pub use page::{FileEntry, LicenceInfo, OpenDataPage, page, page_url};
pub use tabular::{Column, TABLES, TableSpec};

use context::Ctx;

/// The output folder of the open data files.
pub const FOLDER: &str = "opendata";

/// The HSDS JSON file of `lang`, relative to the output root: `opendata/hsds.json`,
/// `opendata/hsds.en.json`.
pub fn json_path(lang: Lang) -> String {
    if lang.is_default() {
        format!("{FOLDER}/hsds.json")
    } else {
        format!("{FOLDER}/hsds.{}.json", lang.code())
    }
}

/// The folder of `lang`'s CSV files and data package: `opendata/csv/bg`.
pub fn csv_folder(lang: Lang) -> String {
    format!("{FOLDER}/csv/{}", lang.code())
}

/// The top-level object of `hsds.json`: a few words about the data set, then the HSDS arrays.
/// The services are made as they are written ([`Lazy`]), so that a large site's export never
/// holds them all.
#[derive(Serialize)]
struct Document<'a, S: Serialize> {
    specification: &'static str,
    title: String,
    publisher: String,
    language: &'static str,
    build_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    licence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    licence_url: Option<String>,
    url: String,
    organizations: Vec<&'a hsds::Organization>,
    services: S,
}

/// Every open data file of the site: `(path relative to the output root, bytes)`, sorted by
/// path. Pure: reads nothing, writes nothing.
pub fn export(site: &Site, build_date: Date) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = Lang::ALL
        .iter()
        .flat_map(|&lang| export_language(site, build_date, lang))
        .collect();
    files.sort();
    files
}

/// The open data files of one language (its HSDS JSON, CSV tables and data package), sorted
/// by path: [`export`] a language at a time.
pub fn export_language(site: &Site, build_date: Date, lang: Lang) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let written: Result<(), io::Error> =
        write_language(site, build_date, lang, &mut |path, contents| {
            let mut bytes = Vec::new();
            contents(&mut bytes)?;
            files.push((path, bytes));
            Ok(())
        });
    // Writing to memory cannot fail.
    debug_assert!(written.is_ok());
    files.sort();
    files
}

/// Writes the open data files of one language through `file`, which is given each file's
/// path and a function that writes its contents. The HSDS JSON is written as its services
/// are made, so that neither the services nor the file's bytes need be held at once.
pub fn write_language<E>(
    site: &Site,
    build_date: Date,
    lang: Lang,
    file: &mut dyn FnMut(String, Contents<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let ctx = Ctx::new(site, lang);
    let organizations = service::organizations(&ctx);
    // Providers in id order, then "provider not listed" (keyed `None`, which sorts first).
    let (unknown, known): (Vec<_>, Vec<_>) = organizations.iter().partition(|(k, _)| k.is_none());
    let listed: Vec<&hsds::Organization> =
        known.into_iter().chain(unknown).map(|(_, o)| o).collect();

    let mut tables = tabular::Tables::default();
    for organization in &listed {
        tables.add("organizations", organization);
    }
    // Each service is made, added to the tables and written, then dropped.
    let services = site
        .services
        .values()
        .map(|s| service::service(&ctx, s, &organizations));
    let services = Lazy::new(services, |service: &hsds::Service| {
        tables.add("services", service);
    });
    let document = document(&ctx, build_date, listed, services);
    file(json_path(lang), &mut |w| write_compact_json(w, &document))?;
    drop(document);

    let folder = csv_folder(lang);
    // Each file is written from the rows' lines, without a copy of the whole table.
    for table in TABLES {
        file(format!("{folder}/{}", table.path), &mut |w| {
            tables.write_csv(&table, w)
        })?;
    }
    let package = tabular::datapackage(
        &format!("hsds-{}", lang.code()),
        &ctx.text(&site.config.title),
        &ctx.strings.get("opendata-package-description"),
        &ctx.url(&page_url(lang)),
        site.config
            .opendata
            .licence
            .as_deref()
            .map(|l| (l, site.config.opendata.licence_url.as_deref())),
    );
    file(format!("{folder}/datapackage.json"), &mut |w| {
        write_json(w, &package)
    })
}

/// A sequence serialised as its items are made: each item is shown to `tap` and written, and
/// none is kept. It can be serialised once; serde sees the same array as from a `Vec`.
struct Lazy<I, F>(RefCell<Option<(I, F)>>);

impl<I, F> Lazy<I, F> {
    fn new(items: I, tap: F) -> Lazy<I, F> {
        Lazy(RefCell::new(Some((items, tap))))
    }
}

impl<T, I, F> Serialize for Lazy<I, F>
where
    T: Serialize,
    I: ExactSizeIterator<Item = T>,
    F: FnMut(&T),
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let (items, mut tap) = self
            .0
            .borrow_mut()
            .take()
            .ok_or_else(|| S::Error::custom("a lazy sequence is serialised once"))?;
        let mut seq = serializer.serialize_seq(Some(items.len()))?;
        for item in items {
            tap(&item);
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

/// The HSDS document of one language, around its organisations and services.
fn document<'a, S: Serialize>(
    ctx: &Ctx<'_>,
    build_date: Date,
    organizations: Vec<&'a hsds::Organization>,
    services: S,
) -> Document<'a, S> {
    let site = ctx.site;
    Document {
        specification: "Open Referral Human Services Data Specification (HSDS) 3.0",
        title: ctx.text(&site.config.title),
        publisher: publisher(ctx),
        language: ctx.lang.code(),
        build_date: build_date.to_string(),
        licence: site.config.opendata.licence.clone(),
        licence_url: site.config.opendata.licence_url.clone(),
        url: ctx.url(&page_url(ctx.lang)),
        organizations,
        services,
    }
}

/// Who publishes the data: the municipality, or the site's title when config.toml names none.
fn publisher(ctx: &Ctx<'_>) -> String {
    ctx.opt_text(&ctx.site.config.municipality)
        .unwrap_or_else(|| ctx.text(&ctx.site.config.title))
}

/// Pretty JSON with a final newline, for the small data package a person may read. The JSON
/// writer makes a write per token; a buffer of a known type takes them without a call through
/// `dyn Write` each.
fn write_json<T: Serialize>(writer: &mut dyn io::Write, value: &T) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, writer);
    serde_json::to_writer_pretty(&mut buffered, value)?;
    io::Write::write_all(&mut buffered, b"\n")?;
    io::Write::flush(&mut buffered)
}

/// Compact JSON (no indentation, one line) with a final newline: the HSDS documents, whose
/// indentation was a third of their bytes; `jq . hsds.json` shows them indented.
fn write_compact_json<T: Serialize>(writer: &mut dyn io::Write, value: &T) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, writer);
    serde_json::to_writer(&mut buffered, value)?;
    io::Write::write_all(&mut buffered, b"\n")?;
    io::Write::flush(&mut buffered)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables filled straight from the records equal those filled from JSON trees of them.
    #[test]
    fn rows_from_records_equal_rows_from_json_trees() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let date = Date::new(2026, 1, 1).expect("a date");
        for site_root in [root.to_path_buf(), root.join("tests/fixtures/render-site")] {
            let checked = crate::check(&site_root, date);
            let site = checked.site.expect("the site has no errors");
            for lang in Lang::ALL {
                let ctx = Ctx::new(&site, lang);
                let organizations = service::organizations(&ctx);
                let (mut quick, mut reference) =
                    (tabular::Tables::default(), tabular::Tables::default());
                for organization in organizations.values() {
                    quick.add("organizations", organization);
                    let value = serde_json::to_value(organization).expect("serialises");
                    reference.add_value("organizations", &value);
                }
                for s in site.services.values() {
                    let record = service::service(&ctx, s, &organizations);
                    quick.add("services", &record);
                    let value = serde_json::to_value(&record).expect("serialises");
                    reference.add_value("services", &value);
                }
                let rows = quick.csv_files();
                assert!(
                    rows.iter()
                        .any(|(name, bytes)| *name == "services.csv" && bytes.len() > 1000)
                );
                assert_eq!(
                    rows,
                    reference.csv_files(),
                    "{lang:?} of {}",
                    site_root.display()
                );
            }
        }
    }
}
