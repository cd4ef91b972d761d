//! The site's Fluent files (`i18n/<lang>.ftl`): the vocabulary labels, and overrides of any
//! built-in UI string.

use std::collections::BTreeMap;

use super::Lang;

/// One language's Fluent file of the site.
#[derive(Clone, Debug)]
pub struct MessageFile {
    /// Path relative to the site folder, `/`-separated.
    pub path: String,
    /// The whole text.
    pub text: String,
    /// Ids of the messages it defines, with the byte offset of each definition.
    pub ids: BTreeMap<String, usize>,
}

/// The site's Fluent files, by language (a language may have none).
#[derive(Clone, Debug, Default)]
pub struct SiteMessages {
    /// The files that exist.
    pub files: BTreeMap<Lang, MessageFile>,
}

impl SiteMessages {
    /// Does the site's file for `lang` define message `id`?
    pub fn defines(&self, lang: Lang, id: &str) -> bool {
        self.files
            .get(&lang)
            .is_some_and(|f| f.ids.contains_key(id))
    }

    /// The Fluent source of the site's file for `lang`, if it has one.
    pub fn source(&self, lang: Lang) -> Option<&str> {
        self.files.get(&lang).map(|f| f.text.as_str())
    }
}
