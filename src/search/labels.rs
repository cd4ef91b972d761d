//! Vocabulary labels in a language, read from the site's Fluent files (contract §3).
//!
//! Labels are plain text (`target-groups-children = Деца и младежи`); a label missing from a
//! language's file falls back to the default language's, then to the id itself.

use std::collections::HashMap;

use fluent_syntax::ast::{Entry, PatternElement};

use crate::model::{Lang, Site, Vocab};

/// The vocabulary labels of one language.
#[derive(Debug, Default)]
pub struct Labels {
    own: HashMap<String, String>,
    fallback: HashMap<String, String>,
}

impl Labels {
    /// The labels of `lang` from the site's Fluent files.
    pub fn new(site: &Site, lang: Lang) -> Self {
        let read = |l: Lang| {
            site.messages
                .source(l)
                .map(plain_messages)
                .unwrap_or_default()
        };
        Labels {
            own: read(lang),
            fallback: if lang.is_default() {
                HashMap::new()
            } else {
                read(Lang::DEFAULT)
            },
        }
    }

    /// The label of term `id` of `vocab`.
    pub fn get(&self, vocab: Vocab, id: &str) -> String {
        let key = vocab.label_key(id);
        self.own
            .get(&key)
            .or_else(|| self.fallback.get(&key))
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}

/// The text of every message of a Fluent source whose value is plain text (placeables, which
/// labels do not use, are left out).
fn plain_messages(source: &str) -> HashMap<String, String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut messages = HashMap::new();
    for entry in &resource.body {
        if let Entry::Message(message) = entry
            && let Some(pattern) = &message.value
        {
            let text: String = pattern
                .elements
                .iter()
                .filter_map(|e| match e {
                    PatternElement::TextElement { value } => Some(*value),
                    PatternElement::Placeable { .. } => None,
                })
                .collect();
            messages.insert(message.id.name.to_string(), text.trim().to_string());
        }
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_labels_are_read() {
        let m = plain_messages("a-b = Деца и младежи\n    .description = x\nc = { $n } d\n");
        assert_eq!(m["a-b"], "Деца и младежи");
        assert_eq!(m["c"], "d");
    }
}
