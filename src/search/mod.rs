//! Site search without a server: per language, a chunked index of static files that
//! `themes/default/static/search.js` queries in the browser.
//!
//! The pipeline: [`docs`] turns the site into weighted documents, one at a time; [`text`]
//! normalises and splits text; [`stem`] joins inflections; [`latin`] holds the Latin spellings
//! of Cyrillic words; [`writer`] takes each document's postings ([`postings`], packed), result
//! record, facets and places, lets its text go, and writes. So memory grows with the postings
//! and the output, never with every page's text at once. The page matches words exactly, by
//! prefix, by stem, from Latin letters and with typos, all against the lexicon.
//!
//! # Files (under `search/<lang>/` of the output folder)
//!
//! - `manifest.json` — the only fixed name, fetched fresh; everything else is named by content
//!   hash and may be cached forever: `{version, lang, count, lexicon, postings, tails, docs,
//!   docsPerChunk, impactLevels, facets, geo, strings, others}`. `lexicon`, `facets` and `geo`
//!   (or null) are file names; `postings`, `tails` and `docs` are name patterns with `{n}`
//!   for the chunk or term number. Names are relative to the manifest. `others` lists the
//!   other languages' searches, `[{lang, manifest, page}]`, which the page tries when a query
//!   is not found here (English words on the Bulgarian page).
//! - `lexicon.<hash>.json` — `{terms, df, chunks}`: `terms` sorted and front-coded
//!   ([`lexicon`]); `df` one base-36 digit per term, ⌊log₂ document frequency⌋; `chunks[c]`
//!   the number of the first term in postings chunk `c`. Stems and Latin keys are not
//!   shipped: the page derives them from the terms with the twins of [`stem`] and [`latin`].
//! - `postings-<c>.<hash>.json` — one entry per term of the chunk. A term in at most
//!   [`postings::TOP`] documents has its whole list: one number per posting, `docDelta ×
//!   impactLevels + impact`, in document order ([`postings`]). A commoner term has `[top, df,
//!   minLevel, lastDoc]`: its [`postings::TOP`] strongest postings (by impact, then document)
//!   as such a list, its document frequency, and the bound on the rest: none is stronger than
//!   `minLevel`, and those as strong are of documents after `lastDoc`.
//! - `tail-<t>.<hash>.json` — the rest of term `t`'s list (a commoner term's), in document
//!   order. A one-word query shows its first page once no posting in a tail could change it
//!   (so a common word costs the same on any size of site), then loads the tails for the
//!   count, the next pages and the filters; other queries load the tails first.
//! - `docs-<c>.<hash>.json` — result records `[kind, url, title, snippet, provider, places]`
//!   of documents `c × docsPerChunk …`; `kind` is s(ervice), o(rganisation), p(artnership),
//!   g (free page).
//! - `facets.<hash>.json` — `{labels: [{key, title, values: [[id, label]]}], docs:
//!   {vocabulary: {term id: [docDelta, …]}}}`, loaded when the visitor opens the filters.
//! - `geo.<hash>.json` — `[doc, lat, lon, …]`, loaded when "nearest first" is chosen.

pub mod abbreviations;
pub mod docs;
pub mod hash;
pub mod latin;
pub mod lexicon;
pub mod postings;
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
    let mut writer = writer::Writer::default();
    docs::for_each_document(site, lang, |doc| writer.add(doc));
    let labels = docs::Labels::new(site, lang);
    let files = writer.finish(site.strings(lang), &|vocab, id| labels.get(vocab, id));
    SearchIndex { lang, files }
}

impl SearchIndex {
    /// The folder of a language's index, relative to the output root: `search/bg/`.
    pub fn folder(lang: Lang) -> String {
        crate::urls::search_index(lang)
            .trim_start_matches('/')
            .to_string()
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

    /// [`SearchIndex::files`], without copying the contents.
    pub fn into_files(self) -> Vec<(String, Vec<u8>)> {
        let folder = Self::folder(self.lang);
        self.files
            .into_iter()
            .map(|(name, bytes)| (format!("{folder}{name}"), bytes))
            .collect()
    }

    /// The site-absolute URL of the manifest the search page starts from:
    /// `/search/bg/manifest.json`.
    pub fn manifest_url(&self) -> String {
        crate::urls::search_manifest(self.lang)
    }

    /// Total size of the index files in bytes (before compression).
    pub fn total_bytes(&self) -> usize {
        self.files.iter().map(|(_, b)| b.len()).sum()
    }
}
