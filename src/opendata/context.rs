//! What every mapping function needs: the site, the language of the file being made, the
//! vocabulary labels, and the helpers that turn our values into HSDS text and terms.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::model::strings::{Label, Strings};
use crate::model::translit::transliterate;
use crate::model::{Lang, Localized, Site, Vocab, VocabForm};
use crate::urls;

use super::hsds::{Attribute, Taxonomy, TaxonomyTerm};
use super::ids::Key;

/// The facts about a service that have no HSDS field, kept as attribute values of the
/// `figures` taxonomy, named by the messages `opendata-figure-<code>`.
pub const FIGURES: [&str; 3] = ["units", "capacity", "users"];

/// The mapping context of one language's file.
pub struct Ctx<'a> {
    /// The site.
    pub site: &'a Site,
    /// The language of the file.
    pub lang: Lang,
    /// The words of the language.
    pub strings: &'a Strings,
    /// The ids of records met again and again (taxonomies, terms, the owner of several
    /// attributes), by key: a UUID v5 is a SHA-1 hash, and the export makes thousands.
    ids: RefCell<HashMap<Key, String>>,
}

impl<'a> Ctx<'a> {
    /// The context of `lang`'s file.
    pub fn new(site: &'a Site, lang: Lang) -> Ctx<'a> {
        Ctx {
            site,
            lang,
            strings: site.strings(lang),
            ids: RefCell::default(),
        }
    }

    /// The label of term `id` of `vocab` (the default language's when this one has none), its
    /// text and description on one line each.
    pub fn label(&self, vocab: Vocab, id: &str) -> Label {
        let label = self.site.term_label(self.lang, vocab, id);
        Label {
            text: one_line(&label.text),
            description: label.description.as_deref().map(one_line),
            lang: label.lang,
        }
    }

    /// The message `id`, and its `.description` (the message itself when it has none).
    pub fn described(&self, id: &str) -> (String, String) {
        let text = self.strings.get(id);
        let description = self
            .strings
            .attribute(id, "description")
            .unwrap_or_else(|| text.clone());
        (text, description)
    }

    /// The HSDS id of `key`, remembered for the next time.
    fn id(&self, key: Key) -> String {
        if let Some(id) = self.ids.borrow().get(&key) {
            return id.clone();
        }
        let id = key.uuid();
        self.ids.borrow_mut().insert(key, id.clone());
        id
    }

    /// A text in the file's language (Bulgarian when untranslated).
    pub fn text(&self, value: &Localized<String>) -> String {
        value.get(self.lang).value.clone()
    }

    /// An optional text in the file's language.
    pub fn opt_text(&self, value: &Option<Localized<String>>) -> Option<String> {
        value.as_ref().map(|v| self.text(v))
    }

    /// An address in the file's language: an untranslated one is transliterated, as on the
    /// English pages (contract §2).
    pub fn address(&self, value: &Localized<String>) -> String {
        let shown = value.get(self.lang);
        if shown.is_fallback(self.lang) {
            transliterate(shown.value)
        } else {
            shown.value.clone()
        }
    }

    /// A site path as a full URL.
    pub fn url(&self, path: &str) -> String {
        urls::absolute(&self.site.config.base_url, path)
    }

    /// The attribute linking record `owner` (HSDS id `link_id`, table `entity`) to term `id`
    /// of `vocab`.
    pub fn attribute(
        &self,
        owner: &Key,
        entity: &'static str,
        vocab: Vocab,
        id: &str,
    ) -> Attribute {
        let label = self.label(vocab, id);
        let taxonomy = Taxonomy {
            id: self.id(Key::new("taxonomy", vocab.key())),
            name: self.strings.vocab_name(vocab, VocabForm::Taxonomy),
            description: self.strings.vocab_name(vocab, VocabForm::Description),
            uri: Some(self.url(&urls::vocabulary(self.lang, vocab))),
        };
        let term = TaxonomyTerm {
            id: self.id(Key::new("term", &format!("{}/{id}", vocab.key()))),
            code: id.to_string(),
            description: label.description.unwrap_or_else(|| label.text.clone()),
            name: label.text,
            taxonomy: taxonomy.name.clone(),
            language: label.lang.code(),
            taxonomy_id: taxonomy.id.clone(),
            taxonomy_detail: taxonomy,
            term_uri: Some(self.url(&urls::term(self.lang, vocab, id))),
        };
        self.link(owner, entity, vocab.key(), term, None)
    }

    /// The attribute giving a number that HSDS has no field for (`units`, `capacity`, `users`).
    pub fn figure(
        &self,
        owner: &Key,
        entity: &'static str,
        code: &str,
        value: u32,
    ) -> Option<Attribute> {
        if !FIGURES.contains(&code) {
            return None;
        }
        let name = self.strings.get(&format!("opendata-figure-{code}"));
        let (taxonomy_name, description) = self.described("opendata-figures");
        let taxonomy = Taxonomy {
            id: self.id(Key::new("taxonomy", "figures")),
            name: taxonomy_name,
            description,
            uri: None,
        };
        let term = TaxonomyTerm {
            id: self.id(Key::new("term", &format!("figures/{code}"))),
            code: code.to_string(),
            description: name.clone(),
            name,
            taxonomy: taxonomy.name.clone(),
            language: self.lang.code(),
            taxonomy_id: taxonomy.id.clone(),
            taxonomy_detail: taxonomy,
            term_uri: None,
        };
        Some(self.link(owner, entity, "figures", term, Some(value.to_string())))
    }

    fn link(
        &self,
        owner: &Key,
        entity: &'static str,
        link_type: &'static str,
        term: TaxonomyTerm,
        value: Option<String>,
    ) -> Attribute {
        Attribute {
            id: owner
                .child("attribute", format!("{link_type}/{}", term.code))
                .uuid(),
            link_id: self.id(owner.clone()),
            taxonomy_term_id: term.id.clone(),
            link_type,
            link_entity: entity,
            value,
            taxonomy_term: term,
        }
    }
}

/// `text` with its lines joined by single spaces (a Fluent label may span lines).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
