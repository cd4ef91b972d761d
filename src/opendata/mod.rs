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
mod labels;
mod location;
mod organization;
mod page;
mod schedule;
mod service;
mod tabular;
mod words;

use serde::Serialize;

use crate::model::{Date, Lang, Site};

pub use ids::uuid;
pub use page::{FileEntry, LicenceInfo, OpenDataPage, page, page_url};
pub use tabular::{Column, TABLES, TableSpec};

use context::Ctx;
use labels::Labels;

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
#[derive(Serialize)]
struct Document {
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
    organizations: Vec<hsds::Organization>,
    services: Vec<hsds::Service>,
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
/// by path: [`export`] a language at a time, so that a build holds one language's export.
pub fn export_language(site: &Site, build_date: Date, lang: Lang) -> Vec<(String, Vec<u8>)> {
    let labels = Labels::new(&site.messages);
    let ctx = Ctx::new(site, lang, &labels);
    let document = document(&ctx, build_date);
    let mut files = vec![(json_path(lang), json_bytes(&document))];
    let mut tables = tabular::Tables::default();
    // One record at a time as a JSON tree, in the order of the document.
    for organization in &document.organizations {
        tables.add("organizations", &to_value(organization));
    }
    for service in &document.services {
        tables.add("services", &to_value(service));
    }
    drop(document);
    let folder = csv_folder(lang);
    for (name, bytes) in tables.csv_files() {
        files.push((format!("{folder}/{name}"), bytes));
    }
    let package = tabular::datapackage(
        &format!("hsds-{}", lang.code()),
        &ctx.text(&site.config.title),
        ctx.words.package_description,
        &ctx.url(&page_url(lang)),
        site.config
            .opendata
            .licence
            .as_deref()
            .map(|l| (l, site.config.opendata.licence_url.as_deref())),
    );
    files.push((format!("{folder}/datapackage.json"), json_bytes(&package)));
    files.sort();
    files
}

/// A record as a JSON tree, for the tabular form.
fn to_value<T: Serialize>(record: &T) -> serde_json::Value {
    // These plain structs have string keys only, so serialising cannot fail.
    serde_json::to_value(record).unwrap_or_default()
}

/// The HSDS document of one language.
fn document(ctx: &Ctx<'_>, build_date: Date) -> Document {
    let site = ctx.site;
    let organizations = service::organizations(ctx);
    let services = site
        .services
        .values()
        .map(|s| service::service(ctx, s, &organizations))
        .collect();
    // Providers in id order, then "provider not listed" (keyed `None`, which sorts first).
    let (unknown, mut organizations): (Vec<_>, Vec<_>) =
        organizations.into_iter().partition(|(k, _)| k.is_none());
    organizations.extend(unknown);
    Document {
        specification: "Open Referral Human Services Data Specification (HSDS) 3.0",
        title: ctx.text(&site.config.title),
        publisher: publisher(ctx),
        language: ctx.lang.code(),
        build_date: build_date.to_string(),
        licence: site.config.opendata.licence.clone(),
        licence_url: site.config.opendata.licence_url.clone(),
        url: ctx.url(&page_url(ctx.lang)),
        organizations: organizations.into_iter().map(|(_, o)| o).collect(),
        services,
    }
}

/// Who publishes the data: the municipality, or the site's title when config.toml names none.
fn publisher(ctx: &Ctx<'_>) -> String {
    ctx.opt_text(&ctx.site.config.municipality)
        .unwrap_or_else(|| ctx.text(&ctx.site.config.title))
}

/// Pretty JSON with a final newline.
fn json_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising these plain structs and values cannot fail (no maps with non-string keys).
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
