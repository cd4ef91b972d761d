//! Documents → index files: lexicon, postings chunks, result records, facets, places, manifest.
//!
//! [`postings`](super::postings) computes the scores; this module lays out and names the
//! files. See the module documentation of [`crate::search`] for the format.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::model::Vocab;
use crate::model::strings::Strings;

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

/// Writes the index files of `docs` in `words`' language; `label` gives each facet value's
/// label.
pub fn write(
    docs: &[Document],
    words: &Strings,
    label: &dyn Fn(Vocab, &str) -> String,
) -> Vec<File> {
    let lang = words.lang();
    let inverted = postings::invert(docs);
    let mut files: Vec<File> = Vec::new();

    let chunks = postings::chunk(&inverted.postings, POSTINGS_CHUNK_BYTES);
    // Each chunk is serialised as it is made: a JSON tree of every posting at once took
    // gigabytes at 100,000 services.
    let bodies: Vec<Vec<u8>> = chunks
        .iter()
        .map(|range| json_bytes(&json!(inverted.postings[range.clone()])))
        .collect();
    let postings_pattern = add_series(&mut files, "postings", bodies);

    let lexicon = json!({
        "terms": lexicon::encode(&inverted.terms),
        "df": postings::frequency_classes(&inverted.postings),
        "chunks": chunks.iter().map(|r| r.start).collect::<Vec<_>>(),
    });
    let lexicon_name = add(&mut files, "lexicon", &lexicon);

    let records: Vec<Vec<u8>> = docs
        .chunks(DOCS_PER_CHUNK)
        .map(|chunk| json_bytes(&Value::Array(chunk.iter().map(record).collect())))
        .collect();
    let docs_pattern = add_series(&mut files, "docs", records);

    let facets_name = add(&mut files, "facets", &facets(docs, words, label));
    let geo = geo(docs);
    let geo_name = if geo.is_empty() {
        Value::Null
    } else {
        Value::String(add(&mut files, "geo", &json!(geo)))
    };

    let manifest = json!({
        "version": 1,
        "lang": lang.code(),
        "count": docs.len(),
        "lexicon": lexicon_name,
        "postings": postings_pattern,
        "docs": docs_pattern,
        "docsPerChunk": DOCS_PER_CHUNK,
        "impactLevels": postings::IMPACT_LEVELS,
        "facets": facets_name,
        "geo": geo_name,
        "strings": strings::strings(words),
    });
    files.push(("manifest.json".to_string(), json_bytes(&manifest)));
    files
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
/// [doc deltas]}}}`, for the values that occur.
fn facets(docs: &[Document], words: &Strings, label: &dyn Fn(Vocab, &str) -> String) -> Value {
    let mut postings = serde_json::Map::new();
    let mut labels = Vec::new();
    for vocab in FACETS {
        let mut by_value: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (d, doc) in docs.iter().enumerate() {
            for (_, id) in doc.facets.iter().filter(|(v, _)| *v == vocab) {
                let list = by_value.entry(id.as_str()).or_default();
                if list.last() != Some(&d) {
                    list.push(d);
                }
            }
        }
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
            .map(|(id, list)| (id.to_string(), json!(deltas(&list))))
            .collect();
        postings.insert(vocab.key().to_string(), Value::Object(coded));
    }
    json!({ "labels": labels, "docs": postings })
}

/// `[doc, lat, lon, …]` for every location with coordinates, to five decimals (about 1 m).
fn geo(docs: &[Document]) -> Vec<f64> {
    let round = |x: f64| (x * 1e5).round() / 1e5;
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (lat, lon) in &doc.coordinates {
            out.extend([d as f64, round(*lat), round(*lon)]);
        }
    }
    out
}

fn deltas(sorted: &[usize]) -> Vec<usize> {
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
