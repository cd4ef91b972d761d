//! The text of the human open data page (`/otvoreni-danni/`, `/en/open-data/`): what the
//! files are, how languages and ids work, the licence, and the list of files with their sizes.
//! Data only: the renderer shows it with one template.

use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::model::strings::Strings;
use crate::model::{Date, Lang, Site};

use super::tabular::TABLES;
use super::{csv_folder, json_path};

/// The page's URL: `/otvoreni-danni/`, `/en/open-data/`.
pub fn page_url(lang: Lang) -> String {
    crate::urls::open_data(lang)
}

/// The page's paragraphs after the first (which gives the facts of this build).
const PARAGRAPHS: [&str; 3] = [
    "opendata-page-standard",
    "opendata-page-languages",
    "opendata-page-ids",
];

/// Everything the open data page shows, in one language.
#[derive(Clone, Debug, Serialize)]
pub struct OpenDataPage {
    /// The page's language.
    pub lang: Lang,
    /// The page's own URL (site path).
    pub url: String,
    /// Its twin in the other language.
    pub twin_url: String,
    /// The title.
    pub title: String,
    /// The explanation, paragraph by paragraph (plain text).
    pub paragraphs: Vec<String>,
    /// The licence set in config.toml `[opendata]`, if any.
    pub licence: Option<LicenceInfo>,
    /// The licence in one sentence (says so when none is set).
    pub licence_sentence: String,
    /// The files: HSDS JSON first, then each language's data package and CSV tables.
    pub files: Vec<FileEntry>,
}

/// The data licence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LicenceInfo {
    /// Its short name, e.g. "CC BY 4.0".
    pub name: String,
    /// Where its text is.
    pub url: Option<String>,
}

/// One downloadable file.
#[derive(Clone, Debug, Serialize)]
pub struct FileEntry {
    /// Its name below `/opendata/`, e.g. `hsds.json`, `csv/bg/services.csv`.
    pub name: String,
    /// Its URL (site path), e.g. `/opendata/hsds.json`.
    pub url: String,
    /// What it holds.
    pub description: String,
    /// The language of its text.
    pub lang: Lang,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its size as a reader takes it in: "72,4 MB", "850 KB", "512 байта".
    pub size: String,
}

/// The open data page in `lang`, for the files `export` made on `build_date`.
pub fn page(site: &Site, lang: Lang, build_date: Date, files: &[(String, usize)]) -> OpenDataPage {
    let strings = site.strings(lang);
    // The municipality publishes the data; the site's title stands in when none is named.
    let publisher = site
        .config
        .municipality
        .as_ref()
        .unwrap_or(&site.config.title)
        .get(lang)
        .value
        .clone();
    let intro = strings.get_with(
        "opendata-page-intro",
        &[
            ("services", FluentValue::from(site.services.len())),
            ("organizations", FluentValue::from(site.providers.len())),
            ("date", FluentValue::from(build_date.to_string())),
            ("publisher", FluentValue::from(publisher)),
        ],
    );
    let paragraphs = std::iter::once(intro)
        .chain(PARAGRAPHS.iter().map(|id| strings.get(id)))
        .collect();
    let licence = site
        .config
        .opendata
        .licence
        .as_ref()
        .map(|name| LicenceInfo {
            name: name.clone(),
            url: site.config.opendata.licence_url.clone(),
        });
    let mut entries: Vec<(usize, FileEntry)> = files
        .iter()
        .filter_map(|(path, bytes)| entry(path, *bytes, strings))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let other = Lang::ALL.into_iter().find(|l| *l != lang).unwrap_or(lang);
    OpenDataPage {
        lang,
        url: page_url(lang),
        twin_url: page_url(other),
        title: strings.get("open-data-link"),
        paragraphs,
        licence_sentence: match &licence {
            Some(l) => strings.get1("opendata-data-licence", "name", &l.name),
            None => strings.get("opendata-data-licence-none"),
        },
        licence,
        files: entries.into_iter().map(|(_, e)| e).collect(),
    }
}

/// The page entry of one exported file, described in the page's `strings`, with its sort rank
/// (JSON first, then data packages, then tables); `None` for a path that is not an open data
/// file.
fn entry(path: &str, bytes: usize, strings: &Strings) -> Option<(usize, FileEntry)> {
    let name = path
        .strip_prefix(&format!("{}/", super::FOLDER))?
        .to_string();
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        let make = |rank: usize, description: String| {
            Some((
                rank,
                FileEntry {
                    url: format!("/{path}"),
                    name: name.clone(),
                    description,
                    lang,
                    bytes,
                    size: size(bytes, strings),
                },
            ))
        };
        if path == json_path(lang) {
            return make(i, strings.get("opendata-file-json"));
        }
        let Some(file) = path.strip_prefix(&format!("{}/", csv_folder(lang))) else {
            continue;
        };
        if file == "datapackage.json" {
            return make(10 + 10 * i, strings.get("opendata-file-datapackage"));
        }
        let table = TABLES.iter().find(|t| t.path == file)?;
        return make(
            11 + 10 * i,
            strings.get1("opendata-file-table", "name", table.name),
        );
    }
    None
}

/// `bytes` in decimal units (1 KB = 1,000 bytes), with one decimal below ten units and whole
/// units above, in the words and decimal separator of `strings`.
fn size(bytes: usize, strings: &Strings) -> String {
    if bytes < 1_000 {
        return strings.get_with("open-data-bytes", &[("count", FluentValue::from(bytes))]);
    }
    // What would round to 1000 KB is written 1,0 MB.
    let (unit, scale) = if bytes < 999_500 {
        ("kb", 1_000)
    } else {
        ("mb", 1_000_000)
    };
    // Tenths of the unit, rounded half up.
    let tenths = (bytes * 10 + scale / 2) / scale;
    let number = if tenths < 100 {
        format!(
            "{}{}{}",
            tenths / 10,
            strings.get("decimal-separator"),
            tenths % 10
        )
    } else {
        ((bytes + scale / 2) / scale).to_string()
    };
    strings.get_with(
        "open-data-size",
        &[
            ("unit", FluentValue::from(unit)),
            ("number", FluentValue::from(number)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_says_them() {
        let bg = Strings::default_theme(Lang::Bg);
        let en = Strings::default_theme(Lang::En);
        assert_eq!(size(512, &bg), "512 байта");
        assert_eq!(size(512, &en), "512 bytes");
        assert_eq!(size(1_449, &bg), "1,4 KB");
        assert_eq!(size(9_960, &en), "10 KB");
        assert_eq!(size(849_600, &en), "850 KB");
        assert_eq!(size(999_499, &en), "999 KB");
        assert_eq!(size(999_999, &en), "1.0 MB");
        assert_eq!(size(7_254_000, &bg), "7,3 MB");
        assert_eq!(size(75_432_743, &bg), "75 MB");
        assert_eq!(size(75_432_743, &en), "75 MB");
    }
}
