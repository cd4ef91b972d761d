//! Vocabulary labels read from the site's Fluent files (`activities-day-care = Дневна грижа`,
//! with an optional `.description` attribute), as plain text.

use std::collections::BTreeMap;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::model::messages::SiteMessages;
use crate::model::{Lang, Vocab};

/// A term's label in one language, and its description when the Fluent file gives one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The label text.
    pub text: String,
    /// The `.description` attribute.
    pub description: Option<String>,
    /// The language the label is written in (Bulgarian when English has none).
    pub lang: Lang,
}

/// Every message of the site's Fluent files, by language and message id.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    messages: BTreeMap<Lang, BTreeMap<String, (String, Option<String>)>>,
}

impl Labels {
    /// Reads the labels of every language's Fluent file of the site.
    pub fn new(messages: &SiteMessages) -> Labels {
        let mut labels = Labels::default();
        for lang in Lang::ALL {
            if let Some(source) = messages.source(lang) {
                labels.messages.insert(lang, parse(source));
            }
        }
        labels
    }

    /// The label of term `id` of `vocab` in `lang`, falling back to Bulgarian and then to the
    /// id itself (validation reports missing labels, so the last should not happen).
    pub fn term(&self, lang: Lang, vocab: Vocab, id: &str) -> Label {
        let key = vocab.label_key(id);
        for candidate in [lang, Lang::DEFAULT] {
            if let Some((text, description)) =
                self.messages.get(&candidate).and_then(|m| m.get(&key))
            {
                return Label {
                    text: text.clone(),
                    description: description.clone(),
                    lang: candidate,
                };
            }
        }
        Label {
            text: id.to_string(),
            description: None,
            lang: Lang::DEFAULT,
        }
    }
}

/// The messages of one Fluent source: id → (value, `.description`). Broken entries are skipped
/// (validation has reported them).
fn parse(source: &str) -> BTreeMap<String, (String, Option<String>)> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let Some(value) = &message.value else {
            continue;
        };
        let description = message
            .attributes
            .iter()
            .find(|a| a.id.name == "description")
            .map(|a| plain(&a.value));
        out.insert(message.id.name.to_string(), (plain(value), description));
    }
    out
}

/// A pattern as plain text: text and string literals kept, other placeables as `{…}`, lines
/// joined by spaces.
fn plain(pattern: &Pattern<&str>) -> String {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => text.push_str(value),
            PatternElement::Placeable { .. } => text.push_str("{…}"),
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_descriptions_are_plain_text() {
        let parsed = parse(
            "activities-day-care = Дневна грижа\n    .description = Грижа\n    през деня.\nx = a {\"b\"} c\n",
        );
        assert_eq!(
            parsed["activities-day-care"],
            (
                "Дневна грижа".to_string(),
                Some("Грижа през деня.".to_string())
            )
        );
        assert_eq!(parsed["x"].0, "a b c");
    }
}
