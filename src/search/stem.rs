//! Stemming: a word's inflections share one stem, so "центрове", "центъра" and "център" match.
//!
//! Bulgarian words get the light stemmer of J. Savoy ("Searching strategies for the Bulgarian
//! language", 2007) as Lucene's `BulgarianStemmer` implements it: definite articles, plurals
//! and final vowels, in that order, never below a minimum length. A few frequent words of the
//! domain whose forms it cannot join (деца/дете, хора/човек) come first from [`EXCEPTIONS`].
//! Latin words get a light English stemmer (plural, -ing/-ed, final e).
//!
//! The choice is made by script, not by page language: a Bulgarian page may name
//! "Facebook", an English one "ЦОП". The JavaScript twin is `stem` in `search.js`.

use super::text::is_cyrillic;

/// Whole words whose stem the rules would get wrong, with the stem to use.
pub const EXCEPTIONS: [(&str, &str); 26] = [
    ("дете", "дет"),
    ("детето", "дет"),
    ("деца", "дет"),
    ("децата", "дет"),
    ("човек", "човек"),
    ("човека", "човек"),
    ("човекът", "човек"),
    ("хора", "човек"),
    ("хората", "човек"),
    ("домове", "дом"),
    ("домовете", "дом"),
    ("жилища", "жилищ"),
    ("жилищата", "жилищ"),
    ("училища", "училищ"),
    ("училищата", "училищ"),
    ("children", "child"),
    ("people", "person"),
    ("women", "woman"),
    ("men", "man"),
    ("elderly", "old"),
    ("elder", "old"),
    ("older", "old"),
    ("disabled", "disabl"),
    ("disability", "disabl"),
    ("disabilities", "disabl"),
    ("news", "news"),
];

/// The stem of a normalised word, chosen by its script.
pub fn stem(word: &str) -> String {
    if let Some((_, stem)) = EXCEPTIONS.iter().find(|(w, _)| *w == word) {
        return (*stem).to_string();
    }
    if is_cyrillic(word) {
        stem_bulgarian(word)
    } else if word.chars().all(|c| c.is_ascii_lowercase()) {
        stem_english(word)
    } else {
        word.to_string()
    }
}

/// Savoy's light Bulgarian stemmer (the rules of Lucene's `BulgarianStemmer`).
pub fn stem_bulgarian(word: &str) -> String {
    let mut s: Vec<char> = word.chars().collect();
    if s.len() < 4 {
        return word.to_string();
    }
    if s.len() > 5 && ends(&s, "ища") {
        s.truncate(s.len() - 3);
        return s.into_iter().collect();
    }
    remove_article(&mut s);
    remove_plural(&mut s);
    if s.len() > 3 {
        if ends(&s, "я") {
            s.pop();
        }
        if ends(&s, "а") || ends(&s, "о") || ends(&s, "е") {
            s.pop();
        }
    }
    // -ен → -н (the paper lists this rule twice; Savoy's own code applies it once).
    if s.len() > 4 && ends(&s, "ен") {
        let n = s.len();
        s[n - 2] = 'н';
        s.pop();
    }
    // -ъX → -X (център → центр).
    if s.len() > 5 && s[s.len() - 2] == 'ъ' {
        let n = s.len();
        s[n - 2] = s[n - 1];
        s.pop();
    }
    s.into_iter().collect()
}

fn ends(s: &[char], suffix: &str) -> bool {
    let suffix: Vec<char> = suffix.chars().collect();
    s.ends_with(&suffix)
}

fn remove_article(s: &mut Vec<char>) {
    let n = s.len();
    let two_letter = (n > 5 && ["ът", "то", "те", "та", "ия"].iter().any(|a| ends(s, a)))
        || (n > 4 && ends(s, "ят"));
    if n > 6 && ends(s, "ият") {
        s.truncate(n - 3);
    } else if two_letter {
        s.truncate(n - 2);
    }
}

fn remove_plural(s: &mut Vec<char>) {
    let n = s.len();
    if n > 6 {
        if ends(s, "овци") || ends(s, "ове") {
            // -овци → -о, -ове → (nothing)
            s.truncate(n - 3);
            return;
        }
        if ends(s, "еве") {
            s[n - 3] = 'й';
            s.truncate(n - 2);
            return;
        }
    }
    if n > 5 {
        if ends(s, "ища") {
            s.truncate(n - 3);
            return;
        }
        if ends(s, "та") {
            s.truncate(n - 2);
            return;
        }
        if ends(s, "ци") {
            s[n - 2] = 'к';
            s.truncate(n - 1);
            return;
        }
        if ends(s, "зи") {
            s[n - 2] = 'г';
            s.truncate(n - 1);
            return;
        }
        if s[n - 3] == 'е' && s[n - 1] == 'и' {
            s[n - 3] = 'я';
            s.truncate(n - 1);
            return;
        }
    }
    if n > 4 {
        if ends(s, "си") {
            s[n - 2] = 'х';
            s.truncate(n - 1);
        } else if ends(s, "и") {
            s.truncate(n - 1);
        }
    }
}

/// A light English stemmer: Lucene's minimal plural rules (`EnglishMinimalStemmer`), then
/// -ing/-ed with a doubled consonant undone, then a final -e; never below three letters.
pub fn stem_english(word: &str) -> String {
    let mut w = word.to_string();
    if w.len() < 3 {
        return w;
    }
    // Plurals.
    let b = w.as_bytes();
    let n = b.len();
    if b[n - 1] == b's' && !matches!(b[n - 2], b'u' | b's') {
        if b[n - 2] == b'e' && n > 3 && b[n - 3] == b'i' && !matches!(b[n - 4], b'a' | b'e') {
            w.truncate(n - 3);
            w.push('y');
        } else if !(b[n - 2] == b'e' && matches!(b[n - 3], b'i' | b'a' | b'o' | b'e')) {
            w.truncate(n - 1);
        }
    }
    // -ing, -ed.
    for suffix in ["ing", "ed"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            let b = w.as_bytes();
            let n = b.len();
            if b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'a' | b'e' | b'i' | b'o' | b'u' | b's')
            {
                w.pop();
            }
            break;
        }
    }
    if w.len() >= 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_stem(words: &[&str]) {
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        assert!(
            stems.windows(2).all(|p| p[0] == p[1]),
            "{words:?} → {stems:?}"
        );
    }

    #[test]
    fn bulgarian_inflections_meet() {
        same_stem(&["център", "центъра", "центърът", "центрове", "центровете"]);
        same_stem(&["дневен", "дневни", "дневния", "дневният"]);
        same_stem(&["услуга", "услуги", "услугите", "услугата"]);
        same_stem(&["подкрепа", "подкрепата"]);
        same_stem(&["обществена", "обществено", "обществен"]);
        same_stem(&["дете", "детето", "деца", "децата"]);
        same_stem(&["грижа", "грижи", "грижите"]);
        same_stem(&["увреждания", "увреждане"]);
        same_stem(&["жилище", "жилища", "жилищата"]);
    }

    #[test]
    fn bulgarian_rules_one_by_one() {
        assert_eq!(stem_bulgarian("цоп"), "цоп");
        assert_eq!(stem_bulgarian("центрове"), "центр");
        assert_eq!(stem_bulgarian("лекарите"), "лекар");
        assert_eq!(stem_bulgarian("учебници"), "учебник");
        assert_eq!(stem_bulgarian("подлози"), "подлог");
        assert_eq!(stem_bulgarian("монаси"), "монах");
        assert_eq!(stem_bulgarian("кралеве"), "кралй");
        assert_eq!(stem_bulgarian("пътища"), "път");
    }

    #[test]
    fn english_light_stemming() {
        same_stem(&["centre", "centres"]);
        same_stem(&["family", "families"]);
        same_stem(&["counselling", "counsel", "counselled"]);
        same_stem(&["care", "caring", "cares"]);
        same_stem(&["child", "children"]);
        same_stem(&["elderly", "older", "old"]);
        same_stem(&["disabled", "disability", "disabilities"]);
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("used"), "used");
        assert_eq!(stem("2020"), "2020");
    }
}
