//! Latin spellings of Cyrillic words, so "dneven tsentar", "dneven centar" and "6kola" find
//! "дневен център" and "школа".
//!
//! A Cyrillic term gets the official transliteration (Закон за транслитерацията, via
//! [`crate::model::translit`]) plus the spellings people type by hand: ъ as a/u/y and й as y/i.
//! Both these and a typed Latin word then go through [`fold`], which merges the informal
//! letters that always mean the same thing (4→ch, 6→sh, 6t→sht, w→v, x→h, q→ya, j→zh or y,
//! c→ts, iu→yu, iya→ia). Two spellings match when their folded keys are equal (or, for typos, close).
//!
//! The index does not ship these keys: the search page derives them from the lexicon with the
//! JavaScript twins of these functions (`latinKeys`, `fold`), which saves a third of the
//! lexicon's size. The shared test vectors hold both sides to the same output.

use crate::model::translit::transliterate;

/// How many of a word's ambiguous letters (ъ, й) get their informal spellings too; the rest
/// keep the official one. Keeps the number of keys per word at most 3 × 3 = 9.
const AMBIGUOUS_LETTERS: usize = 2;

/// Merges the informal spellings of Bulgarian in Latin letters into one key.
///
/// `word` is a normalised word (lower case). The steps run in order:
/// 1. 4→ch, 6→sh (so 6t→sht), w→v, x→h, q→ya; j→zh before a vowel (jena → zhena), else
///    j→y (majka → mayka);
/// 2. c→ts unless followed by h;
/// 3. tz→ts, iya→ia, iu→yu.
pub fn fold(word: &str) -> String {
    let mut step1 = String::with_capacity(word.len() + 4);
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'j' if chars.peek().is_some_and(|n| "aeiouy".contains(*n)) => step1.push_str("zh"),
            'j' => step1.push('y'),
            '4' => step1.push_str("ch"),
            '6' => step1.push_str("sh"),
            'w' => step1.push('v'),
            'x' => step1.push('h'),
            'q' => step1.push_str("ya"),
            other => step1.push(other),
        }
    }
    let mut step2 = String::with_capacity(step1.len() + 4);
    let mut chars = step1.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'c' && chars.peek() != Some(&'h') {
            step2.push_str("ts");
        } else {
            step2.push(c);
        }
    }
    step2
        .replace("tz", "ts")
        .replace("iya", "ia")
        .replace("iu", "yu")
}

/// The folded Latin keys of a normalised Cyrillic word, the official spelling's first.
/// A word without Cyrillic letters has none.
pub fn latin_keys(word: &str) -> Vec<String> {
    if !super::text::is_cyrillic(word) {
        return Vec::new();
    }
    let chars: Vec<char> = word.chars().collect();
    let mut spellings = vec![String::new()];
    let mut ambiguous = 0;
    for (i, &c) in chars.iter().enumerate() {
        let options: Vec<String> = match c {
            'ъ' | 'й' if ambiguous < AMBIGUOUS_LETTERS => {
                ambiguous += 1;
                let informal: &[&str] = if c == 'ъ' {
                    &["a", "u", "y"]
                } else {
                    &["y", "i"]
                };
                informal.iter().map(|s| s.to_string()).collect()
            }
            // The law writes a word-final "ия" as "ia".
            'я' if i + 1 == chars.len() && i > 0 && chars[i - 1] == 'и' => vec!["a".to_string()],
            _ => vec![transliterate(&c.to_string())],
        };
        spellings = spellings
            .iter()
            .flat_map(|s| options.iter().map(move |o| format!("{s}{o}")))
            .collect();
    }
    let mut keys: Vec<String> = Vec::with_capacity(spellings.len());
    for key in spellings.iter().map(|s| fold(s)) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The most likely Cyrillic spelling of a Latin word, for stemming it: "tsentrove" →
/// "центрове". Ambiguous letters take their usual reading (a→а, y→й, u→у); the keys of
/// [`latin_keys`] cover the rest.
pub fn to_cyrillic(word: &str) -> String {
    const GROUPS: [(&str, &str); 8] = [
        ("sht", "щ"),
        ("sh", "ш"),
        ("ch", "ч"),
        ("zh", "ж"),
        ("ts", "ц"),
        ("yu", "ю"),
        ("ya", "я"),
        ("ia", "ия"),
    ];
    let folded = fold(word);
    let mut out = String::with_capacity(folded.len() * 2);
    let mut rest = folded.as_str();
    'outer: while let Some(c) = rest.chars().next() {
        for (latin, cyrillic) in GROUPS {
            // "ia" is "ия" only at the end of a word; elsewhere it is "иа" (специалист).
            if rest.starts_with(latin) && (latin != "ia" || rest.len() == 2) {
                out.push_str(cyrillic);
                rest = &rest[latin.len()..];
                continue 'outer;
            }
        }
        out.push(cyrillic_letter(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn cyrillic_letter(c: char) -> char {
    const LATIN: &str = "abvgdezijklmnoprstufhy";
    const CYRILLIC: [char; 22] = [
        'а', 'б', 'в', 'г', 'д', 'е', 'з', 'и', 'ж', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т',
        'у', 'ф', 'х', 'й',
    ];
    LATIN
        .chars()
        .position(|l| l == c)
        .map_or(c, |i| CYRILLIC[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn informal_spellings_fold_together() {
        for (a, b) in [
            ("6kola", "shkola"),
            ("centar", "tsentar"),
            ("4ovek", "chovek"),
            ("6tastie", "shtastie"),
            ("jena", "zhena"),
            ("majka", "mayka"),
            ("qbalka", "yabalka"),
            ("iulia", "yulia"),
            ("istoriya", "istoria"),
            ("wreme", "vreme"),
            ("xora", "hora"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
        assert_eq!(fold("chovek"), "chovek");
    }

    #[test]
    fn cyrillic_words_have_official_and_informal_keys() {
        assert_eq!(latin_keys("център"), ["tsentar", "tsentur", "tsentyr"]);
        assert_eq!(latin_keys("дейности"), ["deynosti", "deinosti"]);
        assert_eq!(latin_keys("история"), ["istoria"]);
        assert_eq!(latin_keys("цоп"), ["tsop"]);
        assert!(latin_keys("ruse").is_empty());
        assert!(latin_keys("център").contains(&fold("centar")));
        assert!(latin_keys("училище").contains(&fold("u4ili6te")));
    }

    #[test]
    fn latin_back_to_cyrillic() {
        assert_eq!(to_cyrillic("tsentrove"), "центрове");
        assert_eq!(to_cyrillic("dnevni"), "дневни");
        assert_eq!(to_cyrillic("6kola"), "школа");
        assert_eq!(to_cyrillic("sofia"), "софия");
        assert_eq!(to_cyrillic("spetsialist"), "специалист");
        assert_eq!(to_cyrillic("zhilishta"), "жилища");
        assert_eq!(to_cyrillic("detsata"), "децата");
    }
}
