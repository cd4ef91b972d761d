//! Text to search terms: normalising, splitting into words, and dropping stop words.
//!
//! The JavaScript twin is `normalize`/`tokenize` in `themes/default/static/search.js`; the
//! shared vectors in `tests/fixtures/search/vectors.json` hold both to the same answers.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Words longer than this many characters are not indexed (they are ids, hashes, URLs).
pub const MAX_TERM_CHARS: usize = 40;

/// Puts text in the one form terms are compared in: NFC, lower case, combining marks (stress
/// marks, stray accents) dropped, and the letters
/// outside the Bulgarian alphabet that stand for its own folded in (ё→е, ѝ→и, ѐ→е).
///
/// "Дне́вен ЦЕНТЪР" → "дневен център". A "й" stays a "й": NFC composes it first.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`], appended to `out` (which a caller may reuse for many texts).
///
/// Most text is plain (ASCII, Cyrillic, common punctuation: see `is_plain`) and needs no
/// composing: it is lower-cased and folded in one pass, ASCII and basic Cyrillic without
/// table lookups. At the first other character it starts again the long way (the NFC quick
/// check, then composing if needed). Either way the result is that of composing,
/// lower-casing, dropping marks and folding every character in turn.
pub fn normalize_into(text: &str, out: &mut String) {
    let start = out.len();
    for c in text.chars() {
        if !is_plain(c) {
            // Something NFC may change: start again the long way.
            out.truncate(start);
            if is_nfc_quick(text.chars()) == IsNormalized::Yes {
                push_folded(text.chars(), out);
            } else {
                push_folded(text.nfc(), out);
            }
            return;
        }
        push_folded(std::iter::once(c), out);
    }
}

/// A character that no text containing it needs composing for: ASCII, Latin-1 and Latin
/// Extended letters, Cyrillic (but its combining marks) and the common punctuation of
/// U+2010–U+205E. Each has canonical combining class 0 and is NFC-stable (a test checks).
fn is_plain(c: char) -> bool {
    matches!(c,
        '\0'..='\u{2ff}' | '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// Lower-cases NFC characters onto `out`, dropping combining marks and folding ё, ѐ and ѝ.
fn push_folded(chars: impl Iterator<Item = char>, out: &mut String) {
    for c in chars {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\x7f' | 'а'..='я' => out.push(c),
            // А–Я and а–я are 32 code points apart.
            'А'..='Я' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            _ => {
                for lower in c.to_lowercase() {
                    if !is_combining_mark(lower) {
                        out.push(match lower {
                            'ё' | 'ѐ' => 'е',
                            'ѝ' => 'и',
                            other => other,
                        });
                    }
                }
            }
        }
    }
}

/// Splits text into normalised words: runs of letters and digits. Stop words, one-letter
/// words (but not one-digit ones) and words over [`MAX_TERM_CHARS`] are left out.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for_each_token(text, &mut String::new(), |w| tokens.push(w.to_string()));
    tokens
}

/// Calls `f` with each word [`tokenize`] would return, in order, without allocating a string
/// per word; `buffer` holds the normalised text (it is cleared first, and may be reused).
pub fn for_each_token(text: &str, buffer: &mut String, mut f: impl FnMut(&str)) {
    buffer.clear();
    normalize_into(text, buffer);
    for word in words(buffer) {
        if keep(word) {
            f(word);
        }
    }
}

/// The runs of letters and digits of already normalised text, stop words included.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// A letter or digit (`char::is_alphabetic` or `char::is_numeric`), quick for ASCII and the
/// lower-case Cyrillic letters.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | 'а'..='я' => true,
        '\0'..='\x7f' => false,
        _ => c.is_alphabetic() || c.is_numeric(),
    }
}

/// Is a normalised word worth indexing?
pub fn keep(word: &str) -> bool {
    // Cheap for the common case: a word of 2 to 40 bytes has at least 2 characters and at most
    // 40, and no stop word is longer than 8 bytes.
    if (9..=MAX_TERM_CHARS).contains(&word.len()) {
        return true;
    }
    let chars = word.chars().count();
    let one_letter = chars == 1 && !word.chars().all(|c| c.is_numeric());
    !one_letter && chars <= MAX_TERM_CHARS && !is_stop_word(word)
}

/// Words too common to help find anything, in Bulgarian and English.
pub const STOP_WORDS: [&str; 58] = [
    // Bulgarian
    "а", "в", "във", "да", "до", "е", "за", "и", "или", "из", "като", "към", "на", "над", "не",
    "но", "от", "по", "под", "при", "са", "се", "си", "с", "със", "те", "то", "той", "тя", "че",
    "ще", // English
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of",
    "on", "or", "s", "that", "the", "their", "they", "this", "to", "was", "were", "with",
];

/// Is `word` (normalised) a stop word?
pub fn is_stop_word(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| STOP_WORDS.into_iter().collect());
    // No stop word is longer than 8 bytes ("като", "their"): longer words need no search.
    word.len() <= 8 && SET.contains(word)
}

/// Is the word written in Latin letters and digits only (a possible transliteration)?
pub fn is_latin(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_lowercase())
        && word
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// Does the word hold a Cyrillic letter?
pub fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Markdown to the words a reader sees, roughly: the `(url)` of each `[text](url)` and every
/// `<…>` (an HTML tag, or an autolink with its address) are dropped, and a `]` becomes a
/// space. Everything else stays, code blocks and Markdown's marks included, for the tokenizer
/// to split. Good enough for indexing; the pages themselves are rendered elsewhere.
pub fn markdown_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(pos) = rest.find(['<', ']']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix("](") {
            // `[text](url)`: keep the text (already copied), skip the URL.
            rest = after.find(')').map_or("", |end| &after[end + 1..]);
        } else if tail.starts_with('<') {
            // An HTML tag or autolink: skip to its end.
            rest = tail.find('>').map_or("", |end| &tail[end + 1..]);
        } else {
            out.push(' ');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;

    #[test]
    fn normalises_case_accents_and_letters() {
        assert_eq!(normalize("Дне\u{301}вен ЦЕНТЪР"), "дневен център");
        assert_eq!(normalize("Ёлка ѝ ѐ"), "елка и е");
        assert_eq!(normalize("и\u{306}"), "й");
        assert_eq!(normalize("Café"), "café");
    }

    /// The definition `normalize` is quick for: compose, lower-case, drop marks, fold.
    fn normalize_slowly(text: &str) -> String {
        text.nfc()
            .flat_map(char::to_lowercase)
            .filter(|c| !is_combining_mark(*c))
            .map(|c| match c {
                'ё' | 'ѐ' => 'е',
                'ѝ' => 'и',
                other => other,
            })
            .collect()
    }

    #[test]
    fn quick_normalising_matches_the_definition() {
        let texts = [
            "Дневен ЦЕНТЪР за деца – Русе, ул. „Плиска“ 2",
            "ЁЛКА Ѝ Ѐ Ѓ Ї Ђ ђ ѓ",
            "Дне\u{301}вен и\u{306} и\u{306}й И\u{306}",
            "Straße İstanbul ΣΊΣΥΦΟΣ Ǆemal ﬁne ǅ",
            "e\u{301} \u{212b} \u{2126} Å Ω",
            "\u{301}leading mark, tab\tand 2020",
        ];
        for text in texts {
            assert_eq!(normalize(text), normalize_slowly(text), "{text}");
        }
        for c in (0..0x3000).filter_map(char::from_u32) {
            let text = format!("a{c}Б{c}");
            assert_eq!(
                normalize(&text),
                normalize_slowly(&text),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn plain_characters_are_nfc_stable_and_never_combine() {
        for c in (0..0x3000)
            .filter_map(char::from_u32)
            .filter(|c| is_plain(*c))
        {
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn quick_word_test_matches_the_definition() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                c.is_alphabetic() || c.is_numeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn stop_words_fit_the_quick_length_test() {
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 8));
        assert!(!keep("а") && keep("ab") && !keep("като") && keep("центърът"));
        assert!(keep(&"я".repeat(40)) && !keep(&"я".repeat(41)) && !keep(&"a".repeat(41)));
    }

    #[test]
    fn tokenises_and_drops_stop_words() {
        assert_eq!(
            tokenize("Център за обществена подкрепа (ЦОП) – Русе, ул. „Плиска“ 2"),
            [
                "център",
                "обществена",
                "подкрепа",
                "цоп",
                "русе",
                "ул",
                "плиска",
                "2"
            ]
        );
        assert_eq!(
            tokenize("Children's day-care, in Ruse"),
            ["children", "day", "care", "ruse"]
        );
        assert!(tokenize("и в на за").is_empty());
    }

    #[test]
    fn scripts() {
        assert!(is_latin("6kola"));
        assert!(!is_latin("2020"));
        assert!(!is_latin("цоп"));
        assert!(is_cyrillic("bg-цоп"));
    }

    #[test]
    fn markdown_is_stripped_of_links_and_tags() {
        let text = markdown_text("## Как\n[ЦОП](https://x.bg/a) и <b>това</b>");
        assert_eq!(tokenize(&text), ["как", "цоп", "това"]);
    }
}
