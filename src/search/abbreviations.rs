//! Abbreviations of the field (seed glossary §0): a page titled "Дневен център за деца с
//! увреждания" is also found by "ДЦДУ" and "ДЦ", even when its editor did not write them.
//!
//! An expansion matches when its words, stemmed and without stop words, appear in a row in the
//! text — so "Дневния център" implies "ДЦ" too.

use std::sync::LazyLock;

use super::stem::stem;
use super::text::tokenize;

/// Abbreviation, then its expansions in Bulgarian and English.
const TABLE: [(&str, &[&str]); 24] = [
    (
        "ЦОП",
        &["център за обществена подкрепа", "community support centre"],
    ),
    (
        "ЦСРИ",
        &[
            "център за социална рехабилитация и интеграция",
            "centre for social rehabilitation and integration",
        ],
    ),
    (
        "ЦНСТ",
        &[
            "център за настаняване от семеен тип",
            "family-type placement centre",
        ],
    ),
    ("ДЦ", &["дневен център", "day centre"]),
    (
        "ДЦДУ",
        &[
            "дневен център за деца с увреждания",
            "day centre for children with disabilities",
        ],
    ),
    (
        "ДЦВХУ",
        &[
            "дневен център за възрастни хора с увреждания",
            "day centre for adults with disabilities",
        ],
    ),
    (
        "ЗЖ",
        &["защитено жилище", "protected home", "sheltered home"],
    ),
    ("ЗМБ", &["звено майка и бебе", "mother and baby unit"]),
    (
        "ДСХ",
        &[
            "дом за стари хора",
            "home for elderly people",
            "home for the elderly",
        ],
    ),
    (
        "КСУДС",
        &[
            "комплекс за социални услуги за деца и семейства",
            "complex of social services for children and families",
        ],
    ),
    (
        "КСУ",
        &["комплекс за социални услуги", "complex of social services"],
    ),
    (
        "ЦРДУ",
        &[
            "център за работа с деца на улицата",
            "centre for work with street children",
        ],
    ),
    (
        "ДСП",
        &[
            "дирекция социално подпомагане",
            "social assistance directorate",
        ],
    ),
    (
        "РДСП",
        &[
            "регионална дирекция за социално подпомагане",
            "регионална дирекция социално подпомагане",
            "regional social assistance directorate",
        ],
    ),
    (
        "АСП",
        &[
            "агенция за социално подпомагане",
            "social assistance agency",
        ],
    ),
    (
        "ДАЗД",
        &[
            "държавна агенция за закрила на детето",
            "state agency for child protection",
        ],
    ),
    (
        "ОЗД",
        &["отдел закрила на детето", "child protection department"],
    ),
    (
        "ЦПЗ",
        &["център за психично здраве", "mental health centre"],
    ),
    (
        "УМБАЛ",
        &[
            "университетска многопрофилна болница за активно лечение",
            "university hospital",
        ],
    ),
    (
        "НПО",
        &[
            "неправителствена организация",
            "non-governmental organisation",
        ],
    ),
    (
        "СНЦ",
        &["сдружение с нестопанска цел", "non-profit association"],
    ),
    (
        "МТСП",
        &[
            "министерство на труда и социалната политика",
            "ministry of labour and social policy",
        ],
    ),
    ("РУ", &["русенски университет", "university of ruse"]),
    ("ЗМБ", &["звено за майка и бебе"]),
];

/// Each abbreviation with its expansions as stem sequences.
/// An abbreviation and its expansions, each as a sequence of stems.
type Stemmed = (&'static str, Vec<Vec<String>>);

static STEMMED: LazyLock<Vec<Stemmed>> = LazyLock::new(|| {
    TABLE
        .iter()
        .map(|(abbr, expansions)| {
            let stems = expansions.iter().map(|e| stems(e)).collect();
            (*abbr, stems)
        })
        .collect()
});

fn stems(text: &str) -> Vec<String> {
    tokenize(text).iter().map(|t| stem(t)).collect()
}

/// The abbreviations whose expansion appears in `text`, each once.
pub fn implied_abbreviations(text: &str) -> Vec<&'static str> {
    let words = stems(text);
    let mut found: Vec<&'static str> = Vec::new();
    for (abbr, expansions) in STEMMED.iter() {
        let hit = expansions
            .iter()
            .any(|e| !e.is_empty() && words.windows(e.len()).any(|w| w == e.as_slice()));
        if hit && !found.contains(abbr) {
            found.push(abbr);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansions_imply_abbreviations() {
        assert_eq!(
            implied_abbreviations("Дневен център за деца с увреждания „Слънце“"),
            ["ДЦ", "ДЦДУ"]
        );
        assert_eq!(implied_abbreviations("Дневния център"), ["ДЦ"]);
        assert_eq!(
            implied_abbreviations("Community Support Centre at КСУДС Ruse"),
            ["ЦОП"]
        );
        assert!(implied_abbreviations("Обществена трапезария").is_empty());
    }
}
