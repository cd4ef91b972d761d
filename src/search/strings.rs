//! The search page's own words (result count, "did you mean", facet names), shipped in the
//! manifest so `search.js` holds no language.
//!
//! These belong with the built-in UI strings of the default theme's Fluent files; they move
//! there once the rendering stage provides them, and the manifest keeps carrying them.

use serde_json::{Value, json};

use crate::model::{Lang, Vocab};

/// The search page's strings in `lang`. `{n}` is replaced by a number, `{q}` by a query;
/// `one` and `many` follow the number of hits, which the page shows in `#search-count`.
pub fn strings(lang: Lang) -> Value {
    match lang {
        Lang::Bg => json!({
            "one": "резултат за „{q}“.",
            "many": "резултата за „{q}“.",
            "partial": "Няма страница с всички думи; показани са най-близките.",
            "didYouMean": "Може би търсите:",
            "filters": "Филтри",
            "any": "Всички",
            "nearest": "Най-близо до мен",
            "nearestHelp": "Местоположението ви остава в браузъра и не се изпраща никъде.",
            "nearestFailed": "Местоположението не е достъпно.",
            "km": "{n} км",
            "more": "Покажи още",
            "loading": "Търсене…",
            "error": "Търсенето не можа да се зареди.",
        }),
        Lang::En => json!({
            "one": "result for “{q}”.",
            "many": "results for “{q}”.",
            "partial": "No page has every word; the closest are shown.",
            "didYouMean": "Did you mean:",
            "filters": "Filters",
            "any": "All",
            "nearest": "Nearest to me",
            "nearestHelp": "Your location stays in your browser and is sent nowhere.",
            "nearestFailed": "Your location is not available.",
            "km": "{n} km",
            "more": "Show more",
            "loading": "Searching…",
            "error": "Search could not be loaded.",
        }),
    }
}

/// The name of a facet on the search page.
pub fn facet_title(vocab: Vocab, lang: Lang) -> &'static str {
    match (vocab, lang) {
        (Vocab::TargetGroups, Lang::Bg) => "За кого",
        (Vocab::TargetGroups, Lang::En) => "For whom",
        (Vocab::Activities, Lang::Bg) => "Дейност",
        (Vocab::Activities, Lang::En) => "Activity",
        (Vocab::ServiceTypes, Lang::Bg) => "Вид услуга",
        (Vocab::ServiceTypes, Lang::En) => "Type of service",
        (Vocab::Localities, Lang::Bg) => "Населено място",
        (Vocab::Localities, Lang::En) => "Town or village",
        (Vocab::Funding, Lang::Bg) => "Финансиране",
        (Vocab::Funding, Lang::En) => "Funding",
        (Vocab::ProviderKinds, Lang::Bg) => "Вид организация",
        (Vocab::ProviderKinds, Lang::En) => "Kind of organisation",
        (Vocab::PartnershipKinds, Lang::Bg) => "Вид споразумение",
        (Vocab::PartnershipKinds, Lang::En) => "Kind of agreement",
    }
}
