//! The search page's own words (result count, "did you mean", facet names), shipped in the
//! manifest so `search.js` holds no language. They are the `search-*` messages of the site's
//! strings.

use fluent_bundle::FluentValue;
use serde_json::{Map, Value};

use crate::model::strings::Strings;
use crate::model::{Vocab, VocabForm};

/// The manifest's keys, each with the message it is read from.
const MESSAGES: [(&str, &str); 15] = [
    ("one", "search-results-one"),
    ("many", "search-results-many"),
    ("partial", "search-partial"),
    ("didYouMean", "search-did-you-mean"),
    ("otherLanguage", "search-other-language"),
    ("otherLanguageLink", "search-other-language-link"),
    ("filters", "search-filters"),
    ("any", "search-any"),
    ("nearest", "search-nearest"),
    ("nearestHelp", "search-nearest-help"),
    ("nearestFailed", "search-nearest-failed"),
    ("km", "search-km"),
    ("more", "search-more"),
    ("loading", "search-loading"),
    ("error", "search-error"),
];

/// The search page's strings. `{n}` is replaced by a number, `{q}` by a query (the page does
/// it: the messages' `$n` and `$q` are given these placeholders); `one` and `many` follow the
/// number of hits, which the page shows in `#search-count`.
pub fn strings(strings: &Strings) -> Value {
    let placeholders = [
        ("n", FluentValue::from("{n}")),
        ("q", FluentValue::from("{q}")),
    ];
    let map: Map<String, Value> = MESSAGES
        .iter()
        .map(|(key, id)| {
            (
                key.to_string(),
                Value::from(strings.get_with(id, &placeholders)),
            )
        })
        .collect();
    Value::Object(map)
}

/// The name of a facet on the search page (`vocab-target-groups.facet`).
pub fn facet_title(vocab: Vocab, strings: &Strings) -> String {
    strings.vocab_name(vocab, VocabForm::Facet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    fn theme(lang: Lang) -> Strings {
        crate::load::theme::built_in_strings(lang)
    }

    #[test]
    fn placeholders_reach_the_page_as_written() {
        let bg = strings(&theme(Lang::Bg));
        assert_eq!(bg["one"], "резултат за „{q}“.");
        assert_eq!(bg["km"], "{n} км");
        let en = strings(&theme(Lang::En));
        assert_eq!(en["many"], "results for “{q}”.");
        assert_eq!(en.as_object().map(Map::len), Some(MESSAGES.len()));
    }

    #[test]
    fn facets_have_their_own_names() {
        assert_eq!(
            facet_title(Vocab::TargetGroups, &theme(Lang::Bg)),
            "За кого"
        );
        assert_eq!(
            facet_title(Vocab::Localities, &theme(Lang::En)),
            "Town or village"
        );
    }
}
