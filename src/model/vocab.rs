//! Vocabularies: the ids that classify services and organisations (`vocabularies.toml`).
//!
//! Ids live here; their labels, in every language, live in the Fluent files as
//! `<list-with-dashes>-<id>` (contract §3).

use std::collections::BTreeSet;

use super::id::Id;

/// One of the lists of `vocabularies.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vocab {
    /// `service_types`: day centre, family-type placement centre, …
    ServiceTypes,
    /// `activities`: the 10 groups of activities of the Social Services Act.
    Activities,
    /// `target_groups`: children, elderly people, people with disabilities, …
    TargetGroups,
    /// `funding`: state-delegated, local, project, …
    Funding,
    /// `localities`: towns and villages.
    Localities,
    /// `provider_kinds`: municipality, NGO, company, …
    ProviderKinds,
    /// `partnership_kinds`: management contract, cooperation agreement, …
    PartnershipKinds,
}

impl Vocab {
    /// Every list, in the order of the contract.
    pub const ALL: [Vocab; 7] = [
        Vocab::ServiceTypes,
        Vocab::Activities,
        Vocab::TargetGroups,
        Vocab::Funding,
        Vocab::Localities,
        Vocab::ProviderKinds,
        Vocab::PartnershipKinds,
    ];

    /// The list's key in `vocabularies.toml` (`service_types`).
    pub fn key(self) -> &'static str {
        match self {
            Vocab::ServiceTypes => "service_types",
            Vocab::Activities => "activities",
            Vocab::TargetGroups => "target_groups",
            Vocab::Funding => "funding",
            Vocab::Localities => "localities",
            Vocab::ProviderKinds => "provider_kinds",
            Vocab::PartnershipKinds => "partnership_kinds",
        }
    }

    /// The Fluent message id of the vocabulary's name: `vocab-target-groups`. Its value heads
    /// the vocabulary's pages; its attributes name it elsewhere (see [`VocabForm`]).
    pub fn name_key(self) -> String {
        format!("vocab-{}", self.key().replace('_', "-"))
    }

    /// The Fluent message id of a term's label: `activities-day-care`.
    pub fn label_key(self, id: &str) -> String {
        format!("{}-{}", self.key().replace('_', "-"), id)
    }

    /// The list whose key is `key`.
    pub fn from_key(key: &str) -> Option<Vocab> {
        Vocab::ALL.into_iter().find(|v| v.key() == key)
    }

    fn index(self) -> usize {
        Vocab::ALL
            .iter()
            .position(|v| *v == self)
            .unwrap_or_default()
    }
}

/// A marker type for one vocabulary, so that term ids of different lists cannot be mixed up.
pub trait Vocabulary {
    /// The list this marker stands for.
    const VOCAB: Vocab;
}

macro_rules! vocabulary_markers {
    ($($(#[$doc:meta])* $name:ident => $vocab:ident,)*) => {$(
        $(#[$doc])*
        #[derive(Debug)]
        pub enum $name {}
        impl Vocabulary for $name {
            const VOCAB: Vocab = Vocab::$vocab;
        }
    )*};
}

vocabulary_markers! {
    /// Marker of `service_types` ids.
    ServiceType => ServiceTypes,
    /// Marker of `activities` ids.
    Activity => Activities,
    /// Marker of `target_groups` ids.
    TargetGroup => TargetGroups,
    /// Marker of `funding` ids.
    Funding => Funding,
    /// Marker of `localities` ids.
    Locality => Localities,
    /// Marker of `provider_kinds` ids.
    ProviderKind => ProviderKinds,
    /// Marker of `partnership_kinds` ids.
    PartnershipKind => PartnershipKinds,
}

/// The id of a term of the vocabulary `V`.
pub type TermId<V> = Id<V>;

/// All lists of `vocabularies.toml`, each in the order the file gives.
#[derive(Clone, Debug, Default)]
pub struct Vocabularies {
    lists: [Vec<String>; 7],
    sets: [BTreeSet<String>; 7],
}

impl Vocabularies {
    /// Adds an id to a list (validation has checked it and its uniqueness).
    pub fn push(&mut self, vocab: Vocab, id: &str) {
        let i = vocab.index();
        if self.sets[i].insert(id.to_string()) {
            self.lists[i].push(id.to_string());
        }
    }

    /// The ids of a list, in file order.
    pub fn ids(&self, vocab: Vocab) -> &[String] {
        &self.lists[vocab.index()]
    }

    /// Is `id` in the list?
    pub fn contains(&self, vocab: Vocab, id: &str) -> bool {
        self.sets[vocab.index()].contains(id)
    }

    /// The terms of list `V` as typed ids, in file order.
    pub fn terms<V: Vocabulary>(&self) -> Vec<TermId<V>> {
        self.ids(V::VOCAB).iter().map(|id| Id::new(id)).collect()
    }
}

/// Where a vocabulary's name is shown: each place has its own form of it, an attribute of
/// the vocabulary's message ([`Vocab::name_key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VocabForm {
    /// A filter on the search page (`.facet`): "За кого".
    Facet,
    /// A taxonomy of the open data (`.taxonomy`): "Целеви групи".
    Taxonomy,
    /// What the taxonomy classifies, in the open data (`.description`).
    Description,
}

impl VocabForm {
    /// The attribute holding this form.
    pub fn attribute(self) -> &'static str {
        match self {
            VocabForm::Facet => "facet",
            VocabForm::Taxonomy => "taxonomy",
            VocabForm::Description => "description",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_keys_use_dashes() {
        assert_eq!(
            Vocab::Activities.label_key("day-care"),
            "activities-day-care"
        );
        assert_eq!(
            Vocab::ServiceTypes.label_key("day-centre"),
            "service-types-day-centre"
        );
        assert_eq!(Vocab::from_key("target_groups"), Some(Vocab::TargetGroups));
    }
}
