//! What a file may refer to: the ids of every content kind and of every vocabulary.
//!
//! References are checked while a file is read, against the ids known from the file list,
//! so that every file can be read on its own (and in parallel).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::fields::{Need, Table};
use crate::diagnostics::suggest;
use crate::model::Kind;
use crate::model::vocab::Vocabulary;
use crate::model::{Body, Date, Id, TermId, Vocabularies};

/// The ids a file may refer to, and the dates warnings are judged by.
pub struct Known<'a> {
    /// The vocabularies.
    pub vocabularies: &'a Vocabularies,
    /// Ids of the default-language files of each kind.
    pub ids: BTreeMap<Kind, BTreeSet<String>>,
    /// The date `verified` is judged against.
    pub today: Date,
    /// How old `verified` may be before a warning.
    pub stale_after_days: u32,
    /// Keep bodies compressed (a large site: see [`COMPRESS_BODIES_ABOVE`]).
    pub compress_bodies: bool,
}

/// A site with more items (default-language content files) than this keeps its Markdown
/// bodies compressed ([`Body::packed`]): 100,000 services' bodies are 415 MB of text, where
/// memory is what limits a build (compressed one by one they took about 160 MB; in blocks of
/// neighbours the bench's build of that size peaks 123 MB lower still). A smaller site's
/// bodies fit easily (10,000 services: 42 MB) and are kept as they are.
pub const COMPRESS_BODIES_ABOVE: usize = 25_000;

/// How many neighbouring bodies one thread packs ([`Known::bodies`]): a few blocks' worth.
const PACKED_TOGETHER: usize = 64;

/// Whether a site with these `ids` keeps its bodies compressed.
pub fn compress_bodies(ids: &BTreeMap<Kind, BTreeSet<String>>) -> bool {
    ids.values().map(BTreeSet::len).sum::<usize>() > COMPRESS_BODIES_ABOVE
}

impl Known<'_> {
    /// The bodies of `texts`, in order, as this site keeps them: compressed in blocks of
    /// neighbours (each thread a run of them) or as they are.
    pub fn bodies(&self, texts: &[&str]) -> Vec<Body> {
        match self.compress_bodies {
            true => texts
                .par_chunks(PACKED_TOGETHER)
                .flat_map_iter(Body::packed)
                .collect(),
            false => texts.iter().map(|text| Body::new(text)).collect(),
        }
    }
}

impl Known<'_> {
    /// Is there a default-language file of `kind` with `id`?
    pub fn has(&self, kind: Kind, id: &str) -> bool {
        self.ids.get(&kind).is_some_and(|ids| ids.contains(id))
    }

    fn ids_of(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.ids
            .get(&kind)
            .into_iter()
            .flatten()
            .map(String::as_str)
    }

    /// A vocabulary id field.
    pub fn term<V: Vocabulary>(
        &self,
        t: &mut Table<'_, '_>,
        key: &'static str,
        need: Need,
    ) -> Option<TermId<V>> {
        let value = t.neutral_str(key, need, "\"…\"")?;
        self.check_term::<V>(t, key, value.get_ref(), value.span())
    }

    /// A list of vocabulary ids.
    pub fn terms<V: Vocabulary>(
        &self,
        t: &mut Table<'_, '_>,
        key: &'static str,
        need: Need,
    ) -> Option<Vec<TermId<V>>> {
        let values = t.neutral_str_list(key, need)?;
        let mut out: Vec<TermId<V>> = Vec::new();
        for value in values {
            if let Some(term) = self.check_term::<V>(t, key, value.get_ref(), value.span()) {
                if out.contains(&term) {
                    t.ctx().warning(
                        value.span(),
                        format!("`{term}` is listed twice in `{key}`"),
                        "remove the repeated id",
                    );
                } else {
                    out.push(term);
                }
            }
        }
        // Kept for the whole build, by every service: no room for terms that never come.
        out.shrink_to_fit();
        Some(out)
    }

    fn check_term<V: Vocabulary>(
        &self,
        t: &Table<'_, '_>,
        key: &str,
        id: &str,
        span: std::ops::Range<usize>,
    ) -> Option<TermId<V>> {
        let list = V::VOCAB.key();
        if self.vocabularies.contains(V::VOCAB, id) {
            return Some(Id::new(id));
        }
        let ids = self.vocabularies.ids(V::VOCAB);
        let help = match suggest(id, ids.iter().map(String::as_str)) {
            Some(s) => format!("did you mean `{s}`?"),
            None if ids.is_empty() => format!(
                "add `{list} = [\"{id}\"]` to vocabularies.toml, with its labels in i18n/bg.ftl and i18n/en.ftl"
            ),
            None => format!(
                "use one of {} or add `{id}` to `{list}` in vocabularies.toml (and its labels to i18n/*.ftl)",
                ids.join(", ")
            ),
        };
        t.ctx().error(
            span,
            format!("`{id}` in `{key}` is not an id of `{list}` in vocabularies.toml"),
            help,
        );
        None
    }

    /// A reference to a content file of `kind`.
    pub fn reference<K>(
        &self,
        t: &mut Table<'_, '_>,
        key: &'static str,
        kind: Kind,
        need: Need,
    ) -> Option<Id<K>> {
        let value = t.neutral_str(key, need, "\"…\"")?;
        self.check_reference(t, key, kind, value.get_ref(), value.span())
    }

    /// A list of references to content files of `kind`.
    pub fn references<K>(
        &self,
        t: &mut Table<'_, '_>,
        key: &'static str,
        kind: Kind,
        need: Need,
    ) -> Option<Vec<Id<K>>> {
        let values = t.neutral_str_list(key, need)?;
        let mut out: Vec<Id<K>> = Vec::new();
        for value in values {
            if let Some(id) = self.check_reference::<K>(t, key, kind, value.get_ref(), value.span())
            {
                if out.contains(&id) {
                    t.ctx().warning(
                        value.span(),
                        format!("`{id}` is listed twice in `{key}`"),
                        "remove the repeated id",
                    );
                } else {
                    out.push(id);
                }
            }
        }
        Some(out)
    }

    fn check_reference<K>(
        &self,
        t: &Table<'_, '_>,
        key: &str,
        kind: Kind,
        id: &str,
        span: std::ops::Range<usize>,
    ) -> Option<Id<K>> {
        if self.has(kind, id) {
            return Some(Id::new(id));
        }
        let folder = kind.folder();
        let help = match suggest(id, self.ids_of(kind)) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "create content/{folder}/{id}.md, or use the id (file name without .md) of a file in content/{folder}/"
            ),
        };
        t.ctx().error(
            span,
            format!("`{key}` refers to `{id}`, but there is no content/{folder}/{id}.md"),
            help,
        );
        None
    }
}
