//! Documents → index files: lexicon, postings chunks, result records, facets, places, manifest.
//!
//! Scores are mostly computed here. Each posting carries a quantised BM25 "impact" (term
//! frequency saturated and length-normalised per field, summed with field boosts, times a
//! small prior by page kind), so the search page only multiplies impacts by the words' IDF.
//! See `mod.rs` for the file format.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::model::{Lang, Vocab};

use super::docs::{Document, Field};
use super::lexicon;
use super::stem::stem;
use super::strings;
use super::text::tokenize;

/// BM25 saturation: how fast repeated matches stop adding to the score.
pub const K1: f64 = 2.0;
/// BM25 length normalisation: how much long pages are held back.
pub const B: f64 = 0.75;
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

/// Writes the index files of `docs` in `lang`; `labels` gives each facet value's label.
pub fn write(docs: &[Document], lang: Lang, label: &dyn Fn(Vocab, &str) -> String) -> Vec<File> {
    let (terms, postings) = invert(docs);
    let mut files: Vec<File> = Vec::new();

    // Postings, chunked in term order.
    let mut chunk_starts: Vec<usize> = Vec::new();
    let mut postings_names: Vec<String> = Vec::new();
    let mut current: Vec<&Vec<u32>> = Vec::new();
    let mut current_bytes = 0;
    for (i, list) in postings.iter().enumerate() {
        if current.is_empty() {
            chunk_starts.push(i);
        }
        current_bytes += list.len() * 4 + 3;
        current.push(list);
        if current_bytes >= POSTINGS_CHUNK_BYTES || i + 1 == postings.len() {
            let name = add(
                &mut files,
                "postings",
                postings_names.len(),
                &json!(current),
            );
            postings_names.push(name);
            current.clear();
            current_bytes = 0;
        }
    }

    // Lexicon: terms, their stems, document frequencies and the chunk each starts.
    let stems: Vec<String> = terms
        .iter()
        .map(|t| stem(t))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let stem_of: Vec<usize> = terms
        .iter()
        .map(|t| stems.binary_search(&stem(t)).unwrap_or_default())
        .collect();
    let df: Vec<usize> = postings.iter().map(|p| p.len() / 2).collect();
    let lexicon = json!({
        "terms": lexicon::encode(&terms),
        "stems": lexicon::encode(&stems),
        "stem": stem_of,
        "df": df,
        "chunks": chunk_starts,
    });
    let lexicon_name = add(&mut files, "lexicon", usize::MAX, &lexicon);

    // Result records, DOCS_PER_CHUNK to a file.
    let mut docs_names = Vec::new();
    for (i, chunk) in docs.chunks(DOCS_PER_CHUNK).enumerate() {
        let records: Vec<Value> = chunk.iter().map(record).collect();
        docs_names.push(add(&mut files, "docs", i, &json!(records)));
    }

    let (facets, facet_labels) = facets(docs, lang, label);
    let facets_name = add(&mut files, "facets", usize::MAX, &facets);
    let geo = geo(docs);
    let geo_name = if geo.is_empty() {
        Value::Null
    } else {
        Value::String(add(&mut files, "geo", usize::MAX, &json!(geo)))
    };

    let manifest = json!({
        "version": 1,
        "lang": lang.code(),
        "count": docs.len(),
        "lexicon": lexicon_name,
        "postings": postings_names,
        "docs": docs_names,
        "docsPerChunk": DOCS_PER_CHUNK,
        "facets": facets_name,
        "facetLabels": facet_labels,
        "geo": geo_name,
        "strings": strings::strings(lang),
    });
    files.push(("manifest.json".to_string(), json_bytes(&manifest)));
    files
}

/// Terms in sorted order and, for each, its postings: `[doc, impact, doc, impact, …]` with
/// each doc number given as the difference from the one before.
///
/// A term's impact on a document is BM25's saturated, length-normalised term frequency,
/// computed per field and summed with the fields' boosts (so a word in the title outweighs
/// the same word repeated in the body), times the kind's prior, scaled to 1–255.
fn invert(docs: &[Document]) -> (Vec<String>, Vec<Vec<u32>>) {
    // term → doc → field → term frequency
    let mut tf: BTreeMap<String, BTreeMap<usize, BTreeMap<Field, u32>>> = BTreeMap::new();
    // doc → field → length in words
    let mut lengths: Vec<BTreeMap<Field, f64>> = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        let mut doc_lengths = BTreeMap::new();
        for (field, text) in &doc.fields {
            for token in tokenize(text) {
                *doc_lengths.entry(*field).or_insert(0.0) += 1.0;
                *tf.entry(token)
                    .or_default()
                    .entry(d)
                    .or_default()
                    .entry(*field)
                    .or_default() += 1;
            }
        }
        lengths.push(doc_lengths);
    }
    let mut totals: BTreeMap<Field, (f64, f64)> = BTreeMap::new();
    for doc_lengths in &lengths {
        for (field, length) in doc_lengths {
            let total = totals.entry(*field).or_default();
            total.0 += length;
            total.1 += 1.0;
        }
    }
    let impact = |d: usize, fields: &BTreeMap<Field, u32>| -> f64 {
        let sum: f64 = fields
            .iter()
            .map(|(field, &count)| {
                let tf = f64::from(count);
                let (total, n) = totals.get(field).copied().unwrap_or((1.0, 1.0));
                let length = lengths[d].get(field).copied().unwrap_or(1.0);
                let norm = 1.0 - B + B * length / (total / n).max(1.0);
                f64::from(field.boost()) * tf * (K1 + 1.0) / (tf + K1 * norm)
            })
            .sum();
        sum * docs[d].kind.prior()
    };
    let max = tf
        .values()
        .flat_map(|by_doc| by_doc.iter().map(|(d, fields)| impact(*d, fields)))
        .fold(f64::MIN_POSITIVE, f64::max);
    let mut terms = Vec::with_capacity(tf.len());
    let mut postings = Vec::with_capacity(tf.len());
    for (term, by_doc) in &tf {
        let mut list = Vec::with_capacity(by_doc.len() * 2);
        let mut previous = 0;
        for (d, fields) in by_doc {
            let quantised = (impact(*d, fields) / max * 255.0).round().clamp(1.0, 255.0);
            list.push((d - previous) as u32);
            list.push(quantised as u32);
            previous = *d;
        }
        terms.push(term.clone());
        postings.push(list);
    }
    (terms, postings)
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

/// Facet postings (`{vocab: {id: [doc deltas]}}`) and the labels of the values that occur.
fn facets(docs: &[Document], lang: Lang, label: &dyn Fn(Vocab, &str) -> String) -> (Value, Value) {
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
            "title": strings::facet_title(vocab, lang),
            "values": values,
        }));
        let coded: serde_json::Map<String, Value> = by_value
            .into_iter()
            .map(|(id, list)| (id.to_string(), json!(deltas(&list))))
            .collect();
        postings.insert(vocab.key().to_string(), Value::Object(coded));
    }
    (Value::Object(postings), Value::Array(labels))
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

/// Serialises `value`, names the file `<kind>[-<n>].<hash>.json` and adds it to `files`.
fn add(files: &mut Vec<File>, kind: &str, n: usize, value: &Value) -> String {
    let bytes = json_bytes(value);
    let hash = super::hash::short_hash(&bytes);
    let name = if n == usize::MAX {
        format!("{kind}.{hash}.json")
    } else {
        format!("{kind}-{n}.{hash}.json")
    };
    files.push((name.clone(), bytes));
    name
}

fn json_bytes(value: &Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail: its keys are strings and it holds no floats that are
    // not finite (coordinates were validated).
    serde_json::to_vec(value).unwrap_or_default()
}
