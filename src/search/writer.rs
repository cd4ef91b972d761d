//! Documents → index files: lexicon, postings chunks, result records, facets, places, manifest.
//!
//! [`postings`](super::postings) computes the scores; this module lays out and names the
//! files. See the module documentation of [`crate::search`] for the format.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::model::strings::Strings;
use crate::model::{Lang, Vocab};

use super::docs::{Document, Field};
use super::hash::{short_hash, short_hash_of_parts};
use super::{lexicon, postings, strings};

/// A postings chunk is closed once its JSON passes this many bytes.
pub const POSTINGS_CHUNK_BYTES: usize = 8 * 1024;
/// Result records per file; the search page loads only the files of the hits it shows.
pub const DOCS_PER_CHUNK: usize = 10;
/// Characters of body text used as the snippet of a page without a summary.
const SNIPPET_CHARS: usize = 240;

/// The facets offered on the search page, in the order shown.
pub const FACETS: [Vocab; 4] = [
    Vocab::TargetGroups,
    Vocab::Activities,
    Vocab::ServiceTypes,
    Vocab::Localities,
];

/// One output file: name (relative to the language's index folder) and bytes.
pub type File = (String, Vec<u8>);

/// Builds the index files from documents handed to it one at a time: each document's texts
/// are inverted and its result record, facet values and places taken, and the document is let
/// go. Nothing holds every document's text at once.
#[derive(Default)]
pub struct Writer {
    inverter: postings::Inverter,
    /// The serialised result record files, [`DOCS_PER_CHUNK`] records each…
    records: Vec<Vec<u8>>,
    /// …and the records of the file not yet full.
    pending: Vec<Value>,
    /// For each of [`FACETS`]: value → the documents having it, in order.
    facets: [BTreeMap<String, Vec<u32>>; FACETS.len()],
    /// `[doc, lat, lon, …]`, see [`add_geo`].
    geo: Vec<f64>,
    /// Documents added.
    count: usize,
}

impl Writer {
    /// Adds the next document (numbered from 0 in the order added).
    pub fn add(&mut self, doc: Document) {
        // Document numbers fit in u32 (see `postings::Inverter::add`).
        let d = self.count as u32;
        self.inverter.add(doc.kind, &doc.fields);
        self.pending.push(record(&doc));
        if self.pending.len() == DOCS_PER_CHUNK {
            let chunk = std::mem::take(&mut self.pending);
            self.records.push(json_bytes(&Value::Array(chunk)));
        }
        for (vocab, by_value) in FACETS.iter().zip(&mut self.facets) {
            for (_, id) in doc.facets.iter().filter(|(v, _)| v == vocab) {
                let list = match by_value.get_mut(id.as_str()) {
                    Some(list) => list,
                    None => by_value.entry(id.clone()).or_default(),
                };
                if list.last() != Some(&d) {
                    list.push(d);
                }
            }
        }
        add_geo(&mut self.geo, self.count, &doc);
        self.count += 1;
    }

    /// The index files of the documents added, in `words`' language; `label` gives each facet
    /// value's label.
    pub fn finish(self, words: &Strings, label: &dyn Fn(Vocab, &str) -> String) -> Vec<File> {
        let Writer {
            inverter,
            mut records,
            pending,
            facets: facet_docs,
            geo,
            count,
        } = self;
        let lang = words.lang();
        let inverted = inverter.finish();
        let mut files: Vec<File> = Vec::new();

        // Each list is turned into its chunk entry and tail bytes and dropped, and each chunk
        // is joined as soon as it is full, so the postings are held about once, as the JSON
        // written.
        let df = postings::frequency_classes(&inverted.postings);
        let terms = inverted.postings.len();
        let mut chunker = Chunker::new(POSTINGS_CHUNK_BYTES, terms);
        let mut bodies: Vec<Vec<u8>> = Vec::new();
        // The tails of long lists, one file each, numbered by term.
        let mut tails: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut entries: Vec<Vec<u8>> = Vec::new();
        for (t, list) in inverted.postings.into_iter().enumerate() {
            let split = postings::split(&list);
            drop(list);
            let entry = json_bytes(&split.entry());
            let closes = chunker.push(entry.len());
            entries.push(entry);
            if closes {
                bodies.push(json_array(&entries));
                entries.clear();
            }
            if let postings::Split::Long { tail, .. } = split {
                tails.push((t, json_bytes(&json!(tail))));
            }
        }
        let chunks = chunker.starts;
        let postings_pattern = add_series(&mut files, "postings", bodies);
        let tails_pattern = add_numbered(&mut files, "tail", tails);

        let lexicon = json!({
            "terms": lexicon::encode(&inverted.terms),
            "df": df,
            "chunks": chunks,
        });
        drop(inverted.terms);
        let lexicon_name = add(&mut files, "lexicon", &lexicon);

        if !pending.is_empty() {
            records.push(json_bytes(&Value::Array(pending)));
        }
        let docs_pattern = add_series(&mut files, "docs", records);

        let facets_name = add(&mut files, "facets", &facets(facet_docs, words, label));
        let geo_name = if geo.is_empty() {
            Value::Null
        } else {
            Value::String(add(&mut files, "geo", &json!(geo)))
        };

        let manifest = json!({
            "version": 1,
            "lang": lang.code(),
            "count": count,
            "lexicon": lexicon_name,
            "postings": postings_pattern,
            "tails": tails_pattern,
            "docs": docs_pattern,
            "docsPerChunk": DOCS_PER_CHUNK,
            "impactLevels": postings::IMPACT_LEVELS,
            "facets": facets_name,
            "geo": geo_name,
            "strings": strings::strings(words),
            "others": others(lang),
        });
        files.push(("manifest.json".to_string(), json_bytes(&manifest)));
        files
    }
}

/// The other languages' searches, for a query this language does not find:
/// `[{lang, manifest, page}]`, `manifest` relative to this one, `page` the search page's URL.
fn others(lang: Lang) -> Value {
    let here = crate::urls::search_index(lang);
    Lang::ALL
        .into_iter()
        .filter(|other| *other != lang)
        .map(|other| {
            json!({
                "lang": other.code(),
                "manifest": relative(&here, &crate::urls::search_manifest(other)),
                "page": crate::urls::search(other),
            })
        })
        .collect()
}

/// The path of site-absolute `to` relative to the site-absolute folder `from` (ending in /).
fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut path = "../".repeat(from.len() - shared);
    path.push_str(&to[shared..].join("/"));
    path
}

/// The result record of a document: `[kind, url, title, snippet, provider, places]`.
fn record(doc: &Document) -> Value {
    let snippet = if doc.summary.trim().is_empty() {
        let body = doc
            .fields
            .iter()
            .find(|(f, _)| *f == Field::Body)
            .map_or("", |(_, t)| t.as_str());
        let text: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
        text.chars()
            .filter(|c| !matches!(c, '#' | '*' | '_' | '`' | '['))
            .take(SNIPPET_CHARS)
            .collect()
    } else {
        doc.summary.clone()
    };
    json!([
        doc.kind.code(),
        doc.url,
        doc.title,
        snippet,
        doc.provider,
        doc.places.join(", ")
    ])
}

/// The facets file: `{labels: [{key, title, values: [[id, label]]}], docs: {vocab: {id:
/// [doc deltas]}}}`, for the values that occur; `docs` holds, for each of [`FACETS`], each
/// value's documents in order.
fn facets(
    docs: [BTreeMap<String, Vec<u32>>; FACETS.len()],
    words: &Strings,
    label: &dyn Fn(Vocab, &str) -> String,
) -> Value {
    let mut postings = serde_json::Map::new();
    let mut labels = Vec::new();
    for (vocab, by_value) in FACETS.into_iter().zip(docs) {
        if by_value.is_empty() {
            continue;
        }
        let values: Vec<Value> = by_value
            .keys()
            .map(|id| json!([id, label(vocab, id)]))
            .collect();
        labels.push(json!({
            "key": vocab.key(),
            "title": strings::facet_title(vocab, words),
            "values": values,
        }));
        let coded: serde_json::Map<String, Value> = by_value
            .into_iter()
            .map(|(id, list)| (id, json!(deltas(&list))))
            .collect();
        postings.insert(vocab.key().to_string(), Value::Object(coded));
    }
    json!({ "labels": labels, "docs": postings })
}

/// Adds document `d`'s places to `geo`, `[doc, lat, lon, …]` for every location with
/// coordinates, to five decimals (about 1 m).
fn add_geo(geo: &mut Vec<f64>, d: usize, doc: &Document) {
    let round = |x: f64| (x * 1e5).round() / 1e5;
    for (lat, lon) in &doc.coordinates {
        geo.extend([d as f64, round(*lat), round(*lon)]);
    }
}

fn deltas(sorted: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    sorted
        .iter()
        .map(|&d| {
            let delta = d - previous;
            previous = d;
            delta
        })
        .collect()
}

/// Splits serialised entries, as they come, into consecutive runs of about `bytes` bytes:
/// a run closes at the entry that brings it to `bytes` or more, and at the last entry.
struct Chunker {
    bytes: usize,
    entries: usize,
    /// The number of entries seen.
    seen: usize,
    /// The size of the run under way.
    size: usize,
    /// The first entry of each run.
    starts: Vec<usize>,
}

impl Chunker {
    /// A chunker for `entries` entries in all.
    fn new(bytes: usize, entries: usize) -> Chunker {
        Chunker {
            bytes,
            entries,
            seen: 0,
            size: 0,
            starts: Vec::new(),
        }
    }

    /// Counts the next entry, `len` bytes long; true when it closes its run.
    fn push(&mut self, len: usize) -> bool {
        if self.size == 0 {
            self.starts.push(self.seen);
        }
        self.seen += 1;
        self.size += len + 1;
        let closes = self.size >= self.bytes || self.seen == self.entries;
        if closes {
            self.size = 0;
        }
        closes
    }
}

/// Serialised values as one JSON array, as `serde_json` would write it.
fn json_array(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(items.iter().map(|i| i.len() + 1).sum::<usize>() + 1);
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item);
    }
    out.push(b']');
    out
}

/// Like [`add_series`], for files numbered `n` (not necessarily every number).
fn add_numbered(files: &mut Vec<File>, kind: &str, bodies: Vec<(usize, Vec<u8>)>) -> String {
    let mut hasher = Vec::new();
    for (n, bytes) in &bodies {
        hasher.extend(n.to_le_bytes());
        hasher.extend(short_hash(bytes).as_bytes());
    }
    let hash = short_hash(&hasher);
    for (n, bytes) in bodies {
        files.push((format!("{kind}-{n}.{hash}.json"), bytes));
    }
    format!("{kind}-{{n}}.{hash}.json")
}

/// Serialises `value` as `<kind>.<hash>.json`, adds it to `files` and returns the name.
fn add(files: &mut Vec<File>, kind: &str, value: &Value) -> String {
    let bytes = json_bytes(value);
    let name = format!("{kind}.{}.json", short_hash(&bytes));
    files.push((name.clone(), bytes));
    name
}

/// Serialises a numbered series as `<kind>-<n>.<hash>.json`, one hash for the whole series
/// (so the manifest names them all with one pattern), and returns the pattern with `{n}`.
fn add_series(files: &mut Vec<File>, kind: &str, bodies: Vec<Vec<u8>>) -> String {
    let hash = short_hash_of_parts(bodies.iter().map(Vec::as_slice));
    for (n, bytes) in bodies.into_iter().enumerate() {
        files.push((format!("{kind}-{n}.{hash}.json"), bytes));
    }
    format!("{kind}-{{n}}.{hash}.json")
}

fn json_bytes(value: &Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail: its keys are strings and it holds no floats that are
    // not finite (coordinates were validated).
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_every_entry_in_order() {
        let lengths: Vec<usize> = (0..10)
            .map(|i| json_bytes(&json!(vec![i * 1000; 3])).len())
            .collect();
        let mut chunker = Chunker::new(40, lengths.len());
        let closes: Vec<bool> = lengths.iter().map(|&len| chunker.push(len)).collect();
        assert_eq!(chunker.starts.first(), Some(&0));
        assert_eq!(closes.last(), Some(&true), "the last entry closes its run");
        // Each run after the first starts right after the entry that closed the one before.
        let after_closes: Vec<usize> = (1..lengths.len()).filter(|&i| closes[i - 1]).collect();
        assert_eq!(chunker.starts[1..], after_closes);
        assert!(chunker.starts.len() > 1);
    }

    #[test]
    fn a_joined_array_is_what_serde_writes() {
        let items = [json!([1, 2]), json!([[3], 4, 5, 6]), json!([])];
        let bytes: Vec<Vec<u8>> = items.iter().map(json_bytes).collect();
        assert_eq!(json_array(&bytes), json_bytes(&json!(items)));
        assert_eq!(json_array(&[]), b"[]");
    }

    #[test]
    fn other_manifests_are_relative_to_this_one() {
        assert_eq!(
            relative("/search/bg/", "/search/en/manifest.json"),
            "../en/manifest.json"
        );
        assert_eq!(relative("/a/", "/a/b.json"), "b.json");
        let others = others(Lang::Bg);
        assert_eq!(others[0]["manifest"], "../en/manifest.json");
        assert_eq!(others[0]["page"], "/en/search/");
    }
}
