//! Arbitrary bytes as a content file: the front-matter splitter, the TOML parser and every
//! field reader must answer with diagnostics, never a panic.
#![no_main]

use kartoteka::model::{Date, Vocab, Vocabularies};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut vocabularies = Vocabularies::default();
    for vocab in Vocab::ALL {
        vocabularies.push(vocab, "a");
    }
    let today = Date::new(2026, 11, 25).unwrap_or(Date { year: 2026, month: 1, day: 1 });
    for path in [
        "content/services/x.md",
        "content/services/x.en.md",
        "content/providers/x.md",
        "content/partnerships/x.md",
        "content/brochures/x.md",
        "content/pages/x.md",
    ] {
        let diagnostics = kartoteka::validate::check_text(path, text, &vocabularies, today);
        for d in diagnostics {
            assert!(d.line >= 1 && d.column >= 1);
        }
    }
});
