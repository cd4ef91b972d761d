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

    // Each list is turned into its chunk entry and tail bytes and dropped, so the postings
    // are held once, as the JSON written.
    let df = postings::frequency_classes(&inverted.postings);
    let mut entries: Vec<Vec<u8>> = Vec::with_capacity(inverted.postings.len());
    // The tails of long lists, one file each, numbered by term.
    let mut tails: Vec<(usize, Vec<u8>)> = Vec::new();
    for (t, list) in inverted.postings.into_iter().enumerate() {
        let split = postings::split(&list);
        entries.push(json_bytes(&split.entry()));
        if let postings::Split::Long { tail, .. } = split {
            tails.push((t, json_bytes(&json!(tail))));
        }
    }
    let chunks = chunk(&entries, POSTINGS_CHUNK_BYTES);
    let bodies: Vec<Vec<u8>> = chunks
        .iter()
        .map(|range| json_array(&entries[range.clone()]))
        .collect();
    drop(entries);
    let postings_pattern = add_series(&mut files, "postings", bodies);
    let tails_pattern = add_numbered(&mut files, "tail", tails);

    let lexicon = json!({
        "terms": lexicon::encode(&inverted.terms),
        "df": df,
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

/// Splits serialised entries into consecutive runs of about `bytes` bytes.
fn chunk(entries: &[Vec<u8>], bytes: usize) -> Vec<std::ops::Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut size = 0;
    for (i, entry) in entries.iter().enumerate() {
        size += entry.len() + 1;
        if size >= bytes || i + 1 == entries.len() {
            chunks.push(start..i + 1);
            start = i + 1;
            size = 0;
        }
    }
    chunks
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
        let entries: Vec<Vec<u8>> = (0..10)
            .map(|i| json_bytes(&json!(vec![i * 1000; 3])))
            .collect();
        let chunks = chunk(&entries, 40);
        assert_eq!(chunks.first().map(|r| r.start), Some(0));
        assert_eq!(chunks.last().map(|r| r.end), Some(10));
        assert!(chunks.windows(2).all(|w| w[0].end == w[1].start));
        assert!(chunks.len() > 1);
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
