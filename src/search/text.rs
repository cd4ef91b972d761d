//! Text to search terms: normalising, splitting into words, and dropping stop words.
//!
//! The JavaScript twin is `normalize`/`tokenize` in `themes/default/static/search.js`; the
//! shared vectors in `tests/fixtures/search/vectors.json` hold both to the same answers.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Words longer than this many characters are not indexed (they are ids, hashes, URLs).
pub const MAX_TERM_CHARS: usize = 40;

/// Puts text in the one form terms are compared in: NFC, lower case, combining marks (stress
/// marks, stray accents) dropped, and the letters
/// outside the Bulgarian alphabet that stand for its own folded in (ё→е, ѝ→и, ѐ→е).
///
/// "Дне́вен ЦЕНТЪР" → "дневен център". A "й" stays a "й": NFC composes it first.
pub fn normalize(text: &str) -> String {
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

/// Splits text into normalised words: runs of letters and digits. Stop words, one-letter
/// words (but not one-digit ones) and words over [`MAX_TERM_CHARS`] are left out.
pub fn tokenize(text: &str) -> Vec<String> {
    words(&normalize(text))
        .filter(|w| keep(w))
        .map(str::to_string)
        .collect()
}

/// The runs of letters and digits of already normalised text, stop words included.
pub fn words(normalized: &str) -> impl Iterator<Item = &str> {
    normalized
        .split(|c: char| !(c.is_alphabetic() || c.is_numeric()))
        .filter(|w| !w.is_empty())
}

/// Is a normalised word worth indexing?
pub fn keep(word: &str) -> bool {
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
    STOP_WORDS.contains(&word)
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

/// Markdown to the plain words a reader sees: link targets, HTML tags and code fences dropped.
/// Good enough for indexing; the pages themselves are rendered elsewhere.
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

    #[test]
    fn normalises_case_accents_and_letters() {
        assert_eq!(normalize("Дне\u{301}вен ЦЕНТЪР"), "дневен център");
        assert_eq!(normalize("Ёлка ѝ ѐ"), "елка и е");
        assert_eq!(normalize("и\u{306}"), "й");
        assert_eq!(normalize("Café"), "café");
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
