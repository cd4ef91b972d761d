//! Bulgarian Cyrillic → Latin transliteration (official 2009 "Streamlined System") and URL slugs.
//!
//! The table follows the Transliteration Act (Закон за транслитерацията, 2009):
//! а a, б b, в v, г g, д d, е e, ж zh, з z, и i, й y, к k, л l, м m, н n, о o,
//! п p, р r, с s, т t, у u, ф f, х h, ц ts, ч ch, ш sh, щ sht, ъ a, ь y, ю yu, я ya,
//! and "ия" at the end of a word is written "ia" (София → Sofia). The name of the
//! state is the one exception the law allows: България → Bulgaria, not "Balgaria"
//! (only that word; "български" is still "balgarski").
//!
//! Letters outside the Bulgarian alphabet that still turn up in Bulgarian text:
//! ѝ → i (the stressed pronoun "ѝ" is an и with a grave accent), ѐ → e,
//! and the Russian letters ё → yo, ы → y, э → e. Any other character,
//! Cyrillic or not, passes through unchanged.
//!
//! Case: a capital Cyrillic letter becomes a capitalised Latin group (Щ → Sht),
//! unless its word is written in capitals (two or more letters, none lower
//! case), in which case the whole group is capitals (ЩАСТИЕ → SHTASTIE).
//! A word is a run of letters and combining marks.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Transliterates Bulgarian Cyrillic text into Latin letters; other characters pass through.
///
/// The input is first put into Unicode NFC form, so a "й" typed as "и" plus a
/// combining breve is treated as "й".
pub fn transliterate(text: &str) -> String {
    let chars: Vec<char> = text.nfc().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut i = 0;
    while i < chars.len() {
        if is_word_char(chars[i]) {
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            transliterate_word(&chars[start..i], &mut out);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Makes a URL slug: transliterate, drop accents, lower-case, and join the
/// runs of `[a-z0-9]` with single hyphens.
///
/// "Деца и младежи" → "detsa-i-mladezhi". Returns an empty string when the
/// text has no letters or digits at all; the caller decides what to do then.
pub fn slugify(text: &str) -> String {
    let latin = transliterate(text);
    let mut slug = String::with_capacity(latin.len());
    let mut pending_dash = false;
    for c in latin.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else {
            pending_dash = true;
        }
    }
    slug
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

/// Transliterates one word (a run of letters and combining marks).
fn transliterate_word(word: &[char], out: &mut String) {
    let all_caps = is_all_caps(word);
    let country = is_country_name(word);
    let last_letter = word.iter().rposition(|c| c.is_alphabetic());
    for (i, &c) in word.iter().enumerate() {
        let lower = to_lower(c);
        let latin = match lower {
            // "ия" at the end of a word: и → i as usual, я → a instead of ya.
            'я' if Some(i) == last_letter && i > 0 && to_lower(word[i - 1]) == 'и' => Some("a"),
            'ъ' if country => Some("u"),
            _ => latin_for(lower),
        };
        match latin {
            Some(latin) => push_cased(latin, c.is_uppercase(), all_caps, out),
            None => out.push(c),
        }
    }
}

/// True for "България" in any letter case: the law's exception, written "Bulgaria".
fn is_country_name(word: &[char]) -> bool {
    word.iter().map(|&c| to_lower(c)).eq("българия".chars())
}

/// True when a word has at least two letters and none of them is lower case.
fn is_all_caps(word: &[char]) -> bool {
    let upper = word.iter().filter(|c| c.is_uppercase()).count();
    let lower = word.iter().filter(|c| c.is_lowercase()).count();
    upper >= 2 && lower == 0
}

fn to_lower(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Appends a lower-case Latin group in the case its Cyrillic letter had.
fn push_cased(latin: &str, upper: bool, all_caps: bool, out: &mut String) {
    if !upper {
        out.push_str(latin);
    } else if all_caps {
        out.push_str(&latin.to_ascii_uppercase());
    } else {
        let mut chars = latin.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
    }
}

/// The Latin group for a lower-case Cyrillic letter, or None if it has none.
fn latin_for(lower: char) -> Option<&'static str> {
    let latin = match lower {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sht",
        'ъ' => "a",
        'ь' => "y",
        'ю' => "yu",
        'я' => "ya",
        // Outside the official table; see the module documentation.
        'ѝ' => "i",
        'ѐ' => "e",
        'ё' => "yo",
        'ы' => "y",
        'э' => "e",
        _ => return None,
    };
    Some(latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_examples() {
        let cases = [
            ("България", "Bulgaria"),
            ("Щастие", "Shtastie"),
            ("Център", "Tsentar"),
            ("София", "Sofia"),
            ("Русе", "Ruse"),
            ("пл. „Свобода“ 6", "pl. „Svoboda“ 6"),
            ("Юлия", "Yulia"),
            ("ЦОП", "TSOP"),
            ("ЩАСТИЕ", "SHTASTIE"),
        ];
        for (cyr, lat) in cases {
            assert_eq!(transliterate(cyr), lat, "input {cyr}");
        }
    }

    const TABLE: [(char, &str); 30] = [
        ('а', "a"),
        ('б', "b"),
        ('в', "v"),
        ('г', "g"),
        ('д', "d"),
        ('е', "e"),
        ('ж', "zh"),
        ('з', "z"),
        ('и', "i"),
        ('й', "y"),
        ('к', "k"),
        ('л', "l"),
        ('м', "m"),
        ('н', "n"),
        ('о', "o"),
        ('п', "p"),
        ('р', "r"),
        ('с', "s"),
        ('т', "t"),
        ('у', "u"),
        ('ф', "f"),
        ('х', "h"),
        ('ц', "ts"),
        ('ч', "ch"),
        ('ш', "sh"),
        ('щ', "sht"),
        ('ъ', "a"),
        ('ь', "y"),
        ('ю', "yu"),
        ('я', "ya"),
    ];

    #[test]
    fn full_table_lower_and_upper() {
        for (cyr, lat) in TABLE {
            let upper = cyr.to_uppercase().collect::<String>();
            let mut capitalised = lat.to_string();
            capitalised[..1].make_ascii_uppercase();
            assert_eq!(transliterate(&cyr.to_string()), lat, "lower {cyr}");
            // A lone capital is a capitalised word, not an all-caps one.
            assert_eq!(transliterate(&upper), capitalised, "upper {upper}");
            // Between capitals it is all caps; between lower case, capitalised.
            let caps_word = format!("Б{upper}Б");
            assert_eq!(
                transliterate(&caps_word),
                format!("B{}B", lat.to_uppercase())
            );
            let mixed = format!("б{upper}б");
            assert_eq!(transliterate(&mixed), format!("b{capitalised}b"));
        }
    }

    #[test]
    fn whole_alphabet_in_one_word() {
        let lower: String = TABLE.iter().map(|(c, _)| *c).collect();
        let expected: String = TABLE.iter().map(|(_, l)| *l).collect();
        assert_eq!(transliterate(&lower), expected);
        assert_eq!(
            transliterate(&lower.to_uppercase()),
            expected.to_uppercase()
        );
    }

    #[test]
    fn ia_only_at_end_of_word() {
        assert_eq!(transliterate("Ямбол"), "Yambol");
        assert_eq!(transliterate("Ия"), "Ia");
        assert_eq!(transliterate("ия"), "ia");
        assert_eq!(transliterate("БЪЛГАРИЯ"), "BULGARIA");
        assert_eq!(transliterate("Република България"), "Republika Bulgaria");
        assert_eq!(transliterate("българска"), "balgarska");
        assert_eq!(transliterate("Българията"), "Balgariyata");
        assert_eq!(transliterate("Мария-Луиза"), "Maria-Luiza");
        assert_eq!(transliterate("Мариян"), "Mariyan");
        assert_eq!(transliterate("история, химия."), "istoria, himia.");
        // A lone я is not "ия", even after a word ending in и.
        assert_eq!(transliterate("и я"), "i ya");
        assert_eq!(transliterate("я"), "ya");
    }

    #[test]
    fn case_rules() {
        assert_eq!(transliterate("Жеравна"), "Zheravna");
        assert_eq!(transliterate("ЖК Люлин"), "ZHK Lyulin");
        assert_eq!(transliterate("Ж.к. Люлин"), "Zh.k. Lyulin");
        assert_eq!(transliterate("ДСП „Щастие“"), "DSP „Shtastie“");
        assert_eq!(transliterate("ЦСРИ-Русе"), "TSSRI-Ruse");
        assert_eq!(transliterate("ЮЛИЯ"), "YULIA");
    }

    #[test]
    fn extra_letters_and_pass_through() {
        assert_eq!(transliterate("ѝ"), "i");
        assert_eq!(transliterate("Ѝ"), "I");
        assert_eq!(transliterate("ё"), "yo");
        assert_eq!(transliterate("ы э ѐ"), "y e e");
        assert_eq!(transliterate("Київ"), "Kiїv");
        assert_eq!(
            transliterate("SOS Детски селища 2024 €"),
            "SOS Detski selishta 2024 €"
        );
        assert_eq!(transliterate(""), "");
        assert_eq!(transliterate("Café № 5\n"), "Café № 5\n");
    }

    #[test]
    fn decomposed_input_is_normalised() {
        // "й" written as и + combining breve, "ѝ" as и + combining grave.
        assert_eq!(transliterate("Чавдар Йовков и\u{306}"), "Chavdar Yovkov y");
        assert_eq!(transliterate("на не\u{301}я и\u{300}"), "na ne\u{301}ya i");
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Деца и младежи"), "detsa-i-mladezhi");
        assert_eq!(slugify("Дневен център „Слънце“"), "dneven-tsentar-slantse");
        assert_eq!(slugify("  ЦОП – Русе!! "), "tsop-ruse");
        assert_eq!(slugify("Café Ünïcode"), "cafe-unicode");
        assert_eq!(slugify("ул. „Раковски“ № 12"), "ul-rakovski-12");
        assert_eq!(slugify("България"), "bulgaria");
        assert_eq!(slugify("---"), "");
        assert_eq!(slugify(""), "");
        assert_eq!(slugify("日本"), "");
    }

    #[test]
    fn slugs_are_clean() {
        let inputs = ["  a  ", "-a-b-", "Ж--Щ", "1 2 3", "ъ ь", "ё!", "é\u{301}"];
        for input in inputs {
            let slug = slugify(input);
            assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{slug}");
            assert!(!slug.contains("--"), "{slug}");
            assert!(
                slug.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            );
        }
    }
}
