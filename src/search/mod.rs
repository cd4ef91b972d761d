//! Site search without a server: per language, a chunked index of static files that
//! `themes/default/static/search.js` queries in the browser.
//!
//! The pipeline: [`docs`] turns the site into weighted documents; [`text`] normalises and
//! splits text; [`stem`] joins inflections; [`latin`] holds the Latin spellings of Cyrillic
//! words; [`writer`] inverts and writes. The page matches words exactly, by prefix, by stem,
//! from Latin letters and with typos, all against the lexicon.
//!
//! # Files (under `search/<lang>/` of the output folder)
//!
//! - `manifest.json` — the only fixed name; everything else is named by content hash:
//!   `{version, lang, count, lexicon, postings: [file], docs: [file], docsPerChunk, facets,
//!   facetLabels: [{key, title, values: [[id, label]]}], geo: file|null, strings: {…}}`.
//!   File names are relative to the manifest.
//! - `lexicon.<hash>.json` — `{terms, stems, stem, df, chunks}`: `terms` and `stems` are
//!   sorted and front-coded ([`lexicon`]); `stem[i]` is the stem number of term `i`, `df[i]` its
//!   document count; `chunks[c]` is the first term number in postings file `c`.
//! - `postings-<c>.<hash>.json` — one array per term of the chunk:
//!   `[docDelta, impact, docDelta, impact, …]`, impact 1–255 (see [`writer`]).
//! - `docs-<c>.<hash>.json` — result records `[kind, url, title, snippet, provider, places]`
//!   of documents `c × docsPerChunk …`; `kind` is s(ervice), o(rganisation), p(artnership),
//!   g (free page).
//! - `facets.<hash>.json` — `{vocabulary: {term id: [docDelta, …]}}`, loaded when a facet is
//!   chosen.
//! - `geo.<hash>.json` — `[doc, lat, lon, …]`, loaded when "nearest first" is chosen.

pub mod abbreviations;
pub mod docs;
pub mod hash;
pub mod labels;
pub mod latin;
pub mod lexicon;
pub mod stem;
pub mod strings;
pub mod text;
pub mod writer;

use crate::model::{Lang, Site};

/// The search index of one language, ready to write.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    lang: Lang,
    files: Vec<writer::File>,
}

/// Builds the search index of `site` in `lang`. Pure: the caller writes [`SearchIndex::files`].
pub fn build_index(site: &Site, lang: Lang) -> SearchIndex {
    let documents = docs::documents(site, lang);
    let labels = labels::Labels::new(site, lang);
    let files = writer::write(&documents, lang, &|vocab, id| labels.get(vocab, id));
    SearchIndex { lang, files }
}

impl SearchIndex {
    /// The folder of a language's index, relative to the output root: `search/bg/`.
    pub fn folder(lang: Lang) -> String {
        format!("search/{}/", lang.code())
    }

    /// The language indexed.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every file of the index: path relative to the output root, and content.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let folder = Self::folder(self.lang);
        self.files
            .iter()
            .map(|(name, bytes)| (format!("{folder}{name}"), bytes.clone()))
            .collect()
    }

    /// The site-absolute URL of the manifest the search page starts from:
    /// `/search/bg/manifest.json`.
    pub fn manifest_url(&self) -> String {
        format!("/{}manifest.json", Self::folder(self.lang))
    }

    /// Total size of the index files in bytes (before compression).
    pub fn total_bytes(&self) -> usize {
        self.files.iter().map(|(_, b)| b.len()).sum()
    }
}
