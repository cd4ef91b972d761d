//! Vocabulary pages: one listing page per term (the services of a target group, the providers
//! of a kind, …) and one page per vocabulary listing its terms with counts.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Site, Vocab};
use crate::render::view::{Card, Ctx, Term};
use crate::urls;

/// A term with the number of entries it lists.
#[derive(Debug, Serialize)]
pub struct TermCount {
    /// The term.
    pub term: Term,
    /// How many services (providers, partnerships) it lists.
    pub count: usize,
}

/// A vocabulary with its terms, for the home page and the vocabulary page.
#[derive(Debug, Serialize)]
pub struct VocabView {
    /// The Fluent id of the vocabulary's heading (`vocab-target-groups`).
    pub heading: String,
    /// What its terms list: `services`, `providers` or `partnerships` (for the count's words).
    pub lists: &'static str,
    /// The page listing every term.
    pub url: String,
    /// The terms, in the order of vocabularies.toml, with counts.
    pub terms: Vec<TermCount>,
}

/// The context of `term.html`.
#[derive(Debug, Serialize)]
pub struct TermPage {
    /// The term.
    pub term: Term,
    /// Its vocabulary.
    pub vocabulary: VocabLink,
    /// The services (providers, partnerships) it lists.
    pub entries: Vec<Card>,
}

/// A link to a vocabulary page.
#[derive(Debug, Serialize)]
pub struct VocabLink {
    /// The Fluent id of the vocabulary's heading.
    pub heading: String,
    /// What its terms list.
    pub lists: &'static str,
    /// Its page.
    pub url: String,
}

/// What the terms of `vocab` list.
fn lists(vocab: Vocab) -> &'static str {
    match vocab {
        Vocab::ProviderKinds => "providers",
        Vocab::PartnershipKinds => "partnerships",
        _ => "services",
    }
}

/// The entries of term `id` of `vocab`, as cards in id order.
pub fn entries(ctx: &Ctx<'_>, vocab: Vocab, id: &str) -> Vec<Card> {
    let site = ctx.site;
    match vocab {
        Vocab::ProviderKinds => site
            .providers
            .values()
            .filter(|p| p.kind.as_str() == id)
            .map(|p| ctx.provider_card(p))
            .collect(),
        Vocab::PartnershipKinds => site
            .partnerships
            .values()
            .filter(|p| p.kind.as_str() == id)
            .map(|p| ctx.partnership_card(p))
            .collect(),
        _ => ctx
            .index
            .services_with(vocab, id)
            .iter()
            .map(|s| ctx.service_card(s))
            .collect(),
    }
}

/// How many entries each term of `vocab` lists, by term id (terms listing nothing are
/// absent): one pass over the site, not one per term.
pub fn counts(site: &Site, vocab: Vocab) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    let mut add = |id| *counts.entry(id).or_insert(0) += 1;
    match vocab {
        Vocab::ProviderKinds => site.providers.values().for_each(|p| add(p.kind.as_str())),
        Vocab::PartnershipKinds => site
            .partnerships
            .values()
            .for_each(|p| add(p.kind.as_str())),
        _ => site.services.values().for_each(|s| {
            s.term_ids(vocab, site.config.area_served.as_ref())
                .into_iter()
                .for_each(&mut add)
        }),
    }
    counts
}

/// A vocabulary with every term that lists something, and its count.
pub fn vocabulary(ctx: &Ctx<'_>, vocab: Vocab) -> VocabView {
    let counts = counts(ctx.site, vocab);
    VocabView {
        heading: vocab.name_key(),
        lists: lists(vocab),
        url: urls::vocabulary(ctx.lang, vocab),
        terms: ctx
            .site
            .vocabularies
            .ids(vocab)
            .iter()
            .filter_map(|id| {
                // A term nothing uses is not offered: "0 services" is a dead end.
                let count = counts.get(id.as_str()).copied()?;
                Some(TermCount {
                    term: ctx.term(vocab, id),
                    count,
                })
            })
            .collect(),
    }
}

/// Builds the context of a term's listing page.
pub fn term_page(ctx: &Ctx<'_>, vocab: Vocab, id: &str) -> TermPage {
    TermPage {
        term: ctx.term(vocab, id),
        vocabulary: VocabLink {
            heading: vocab.name_key(),
            lists: lists(vocab),
            url: urls::vocabulary(ctx.lang, vocab),
        },
        entries: entries(ctx, vocab, id),
    }
}
