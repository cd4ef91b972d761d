//! The shared test vectors of search: the same inputs and expected outputs are run against
//! `search.js` by `tests/js/vectors.test.mjs`, so the index and the page agree on every word.
//!
//! To regenerate the expected outputs after a deliberate change, run
//! `KARTOTEKA_BLESS=1 cargo test --test suite search_vectors` and review the diff.

use std::path::Path;

use kartoteka::search::{latin, lexicon, stem, text};
use serde_json::{Value, json};

const VECTORS: &str = "tests/fixtures/search/vectors.json";

/// A section of the vectors: its name and the function it tests, from input to output.
type Section = (&'static str, fn(&Value) -> Value);

/// Every section.
fn sections() -> Vec<Section> {
    vec![
        ("normalize", |v| {
            json!(text::normalize(v.as_str().unwrap_or_default()))
        }),
        ("tokenize", |v| {
            json!(text::tokenize(v.as_str().unwrap_or_default()))
        }),
        ("stem", |v| {
            json!(stem::stem(v.as_str().unwrap_or_default()))
        }),
        ("fold", |v| {
            json!(latin::fold(v.as_str().unwrap_or_default()))
        }),
        ("latinKeys", |v| {
            json!(latin::latin_keys(v.as_str().unwrap_or_default()))
        }),
        ("toCyrillic", |v| {
            json!(latin::to_cyrillic(v.as_str().unwrap_or_default()))
        }),
        ("frontCode", |v| {
            let words: Vec<String> = serde_json::from_value(v.clone()).unwrap_or_default();
            json!(lexicon::encode(&words))
        }),
    ]
}

#[test]
fn rust_agrees_with_the_shared_vectors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(VECTORS);
    let source = std::fs::read_to_string(&path).expect("the vectors file is part of the repo");
    let mut vectors: Value = serde_json::from_str(&source).expect("vectors.json is valid JSON");
    let bless = std::env::var_os("KARTOTEKA_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, function) in sections() {
        let cases = vectors[name]
            .as_array_mut()
            .unwrap_or_else(|| panic!("vectors.json has no section `{name}`"));
        for case in cases.iter_mut() {
            let got = function(&case[0]);
            if bless {
                case[1] = got;
            } else if case[1] != got {
                failures.push(format!("{name}({}) = {got}, expected {}", case[0], case[1]));
            }
        }
    }
    if bless {
        let mut out = serde_json::to_string_pretty(&vectors).expect("JSON values serialise");
        out.push('\n');
        std::fs::write(&path, out).expect("the vectors file is writable");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
