//! The pieces page contexts are made of: text that knows its language, links, terms, cards.
//!
//! Templates never see the model: they see these, already in the page's language, with a
//! fallback to Bulgarian marked so the template can add `lang="bg"` and a visible note.

use std::collections::HashMap;
use std::sync::OnceLock;

use pulldown_cmark::HeadingLevel;
use serde::Serialize;

use super::markdown;
use super::pages::az::{self, AzItem, AzList, AzOrder};
use crate::model::strings::Strings;
use crate::model::translit;
use crate::model::{
    Body, Date, Lang, Localized, Partnership, Provider, ProviderId, Service, Shown, Site, Vocab,
};
use crate::urls;

/// A text as shown on a page of some language.
#[derive(Clone, Debug, Serialize)]
pub struct Text {
    /// The text itself (for `html`, already sanitised HTML).
    pub text: String,
    /// The language it is written in.
    pub lang: Lang,
    /// Is it in another language than the page (not yet translated)?
    pub fallback: bool,
    /// Was it transliterated from Bulgarian (addresses)?
    pub transliterated: bool,
}

impl Text {
    /// A text in the page's own language.
    pub fn own(text: impl Into<String>, lang: Lang) -> Text {
        Text {
            text: text.into(),
            lang,
            fallback: false,
            transliterated: false,
        }
    }

    fn shown<T>(shown: &Shown<'_, T>, page: Lang, text: String) -> Text {
        Text {
            text,
            lang: shown.lang,
            fallback: shown.is_fallback(page),
            transliterated: false,
        }
    }
}

/// A link with a label.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// Where it goes (a site path or a full URL).
    pub url: String,
    /// What it says.
    pub label: Text,
}

/// A vocabulary term as shown on a page: its label, description and listing page.
#[derive(Clone, Debug, Serialize)]
pub struct Term {
    /// The id from vocabularies.toml.
    pub id: String,
    /// The label in the page's language.
    pub label: String,
    /// The label's `.description`, if it has one.
    pub description: Option<String>,
    /// The term's listing page.
    pub url: String,
}

/// A service, provider or partnership in a list: title, summary and a few facts.
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    /// The listing's page.
    pub url: String,
    /// Its title.
    pub title: Text,
    /// Its one-sentence summary.
    pub summary: Text,
    /// A short fact shown above the title (service type, provider kind).
    pub kind: Option<String>,
}

/// Who lists what, made in one pass over the services: the services of each provider and
/// under each term, in id order. A page asks for one list; scanning every service for it on
/// every provider and term page cost more than linear time at large sizes (each service
/// visited is a cache miss).
pub struct SiteIndex<'a> {
    by_provider: HashMap<&'a str, Vec<&'a Service>>,
    by_term: HashMap<Vocab, HashMap<&'a str, Vec<&'a Service>>>,
    /// The entries of each A–Z list, in id order.
    az_items: [Vec<AzItem<'a>>; 2],
    /// Each A–Z list's order in each language, made when a page first asks for it: each of
    /// the list's pages shows a part of it.
    az: [[OnceLock<AzOrder>; Lang::ALL.len()]; 2],
}

impl<'a> SiteIndex<'a> {
    /// Indexes `site`'s services.
    pub fn new(site: &'a Site) -> SiteIndex<'a> {
        let mut index = SiteIndex {
            by_provider: HashMap::new(),
            by_term: HashMap::new(),
            az_items: [AzList::Services, AzList::Providers].map(|list| az::items(site, list)),
            az: Default::default(),
        };
        for service in site.services.values() {
            if let Some(provider) = &service.provider {
                let list = index.by_provider.entry(provider.as_str()).or_default();
                list.push(service);
            }
            for vocab in Vocab::ALL {
                for id in service.term_ids(vocab, site.config.area_served.as_ref()) {
                    let terms = index.by_term.entry(vocab).or_default();
                    terms.entry(id).or_default().push(service);
                }
            }
        }
        index
    }

    /// The services `provider` runs ([`Site::services_of`]).
    pub fn services_of(&self, provider: &str) -> &[&'a Service] {
        self.by_provider.get(provider).map_or(&[], Vec::as_slice)
    }

    /// The entries of an A–Z list (in id order), and their order in `lang`.
    pub fn az(&self, list: AzList, lang: Lang) -> (&[AzItem<'a>], &AzOrder) {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        let items = &self.az_items[list as usize];
        let order = self.az[list as usize][i].get_or_init(|| AzOrder::new(items, lang));
        (items, order)
    }

    /// The services classified under term `id` of `vocab` ([`Service::has_term`]).
    pub fn services_with(&self, vocab: Vocab, id: &str) -> &[&'a Service] {
        let services = self.by_term.get(&vocab).and_then(|terms| terms.get(id));
        services.map_or(&[], Vec::as_slice)
    }
}

/// What every page context is built from: the site, the page's language and its strings.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The site.
    pub site: &'a Site,
    /// Who lists what in it.
    pub index: &'a SiteIndex<'a>,
    /// The page's language.
    pub lang: Lang,
    /// The page language's strings.
    pub strings: &'a Strings,
    /// The build date.
    pub date: Date,
}

impl<'a> Ctx<'a> {
    /// A translatable text in the page's language, or the Bulgarian one marked as such.
    pub fn text(&self, value: &Localized<String>) -> Text {
        let shown = value.get(self.lang);
        Text::shown(&shown, self.lang, shown.value.clone())
    }

    /// An optional translatable text.
    pub fn opt_text(&self, value: Option<&Localized<String>>) -> Option<Text> {
        value.map(|v| self.text(v))
    }

    /// A Markdown body rendered to sanitised HTML, marked like [`Ctx::text`], for a place
    /// under a section's `<h2>` (its headings start at `<h3>`).
    pub fn markdown(&self, value: &Localized<Body>) -> Option<Text> {
        self.markdown_at(value, HeadingLevel::H3)
    }

    /// A Markdown body right below the page's `<h1>` (its headings start at `<h2>`).
    pub fn page_markdown(&self, value: &Localized<Body>) -> Option<Text> {
        self.markdown_at(value, HeadingLevel::H2)
    }

    fn markdown_at(&self, value: &Localized<Body>, top: HeadingLevel) -> Option<Text> {
        let shown = value.get(self.lang);
        if shown.value.is_blank() {
            return None;
        }
        Some(Text::shown(
            &shown,
            self.lang,
            markdown::to_html_at(&shown.value.text(), top),
        ))
    }

    /// An address: where the page's language has none, the Bulgarian one transliterated by
    /// the official system (so it reads in Latin letters and is no longer a fallback).
    pub fn address(&self, value: &Localized<String>) -> Text {
        let shown = value.get(self.lang);
        if shown.is_fallback(self.lang) {
            Text {
                text: translit::transliterate(shown.value),
                lang: self.lang,
                fallback: false,
                transliterated: true,
            }
        } else {
            self.text(value)
        }
    }

    /// A list of texts (sources) in the page's language, or the Bulgarian list.
    pub fn texts(&self, value: &Localized<Vec<String>>) -> Vec<Text> {
        let shown = value.get(self.lang);
        shown
            .value
            .iter()
            .map(|s| Text {
                text: s.clone(),
                lang: shown.lang,
                fallback: shown.is_fallback(self.lang),
                transliterated: false,
            })
            .collect()
    }

    /// A vocabulary term with its label and listing page.
    pub fn term(&self, vocab: Vocab, id: &str) -> Term {
        Term {
            id: id.to_string(),
            label: self.strings.label(vocab, id),
            description: self.strings.description(vocab, id),
            url: urls::term(self.lang, vocab, id),
        }
    }

    /// A date in the page's language.
    pub fn date(&self, date: Date) -> String {
        self.strings.date(date)
    }

    /// A service as a card.
    pub fn service_card(&self, service: &Service) -> Card {
        Card {
            url: urls::service(self.lang, service.id.as_str()),
            title: self.text(&service.listing.title),
            summary: self.text(&service.listing.summary),
            kind: Some(
                self.strings
                    .label(Vocab::ServiceTypes, service.service_type.as_str()),
            ),
        }
    }

    /// A provider as a card.
    pub fn provider_card(&self, provider: &Provider) -> Card {
        Card {
            url: urls::provider(self.lang, provider.id.as_str()),
            title: self.text(&provider.listing.title),
            summary: self.text(&provider.listing.summary),
            kind: Some(
                self.strings
                    .label(Vocab::ProviderKinds, provider.kind.as_str()),
            ),
        }
    }

    /// A partnership as a card.
    pub fn partnership_card(&self, partnership: &Partnership) -> Card {
        Card {
            url: urls::partnership(self.lang, partnership.id.as_str()),
            title: self.text(&partnership.listing.title),
            summary: self.text(&partnership.listing.summary),
            kind: Some(
                self.strings
                    .label(Vocab::PartnershipKinds, partnership.kind.as_str()),
            ),
        }
    }

    /// A link to a provider's page, by its title.
    pub fn provider_link(&self, id: &ProviderId) -> Option<Link> {
        let provider = self.site.providers.get(id)?;
        Some(Link {
            url: urls::provider(self.lang, id.as_str()),
            label: self.text(&provider.listing.title),
        })
    }
}
