//! The typed site: every content kind as its own type, linked by typed ids, owned by [`Site`].
//!
//! Nothing here reads files or prints; `load` and `validate` build a `Site`, and the output
//! stages (pages, search, brochures, open data) read it.

pub mod body;
pub mod config;
pub mod contact;
pub mod date;
pub mod eik;
pub mod hours;
pub mod id;
pub mod kind;
pub mod kinds;
pub mod lang;
pub mod links;
pub mod messages;
pub mod parts;
pub mod phone;
pub mod source;
pub mod strings;
pub mod theme;
pub mod translit;
pub mod vocab;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use body::Body;
pub use date::Date;
pub use id::Id;
pub use kind::Kind;
pub use kinds::{
    Brochure, BrochureId, End, Home, Page, PageId, Paper, Partnership, PartnershipId, Provider,
    ProviderId, Selection, Service, ServiceId, Standing,
};
pub use lang::{Lang, Localized, Shown};
pub use links::{ContentLink, LinkKind};
pub use parts::{Area, Contact, Coordinates, Issuer, Licence, Listing, Location, Origin};
pub use source::{Citation, Source, SourceDate, SourceDocument};
pub use vocab::{TermId, Vocab, VocabForm, Vocabularies};

use config::Config;
use messages::SiteMessages;
use strings::Strings;
use theme::Theme;

/// The word a field holds until an editor fills it in: `kartoteka new` writes it into every
/// required field, and `check` reports every place that still holds it.
pub const PLACEHOLDER: &str = "ПОПЪЛНЕТЕ";

/// A whole directory site, validated and linked: every reference in it resolves.
#[derive(Clone, Debug)]
pub struct Site {
    /// The site folder.
    pub root: PathBuf,
    /// `config.toml`.
    pub config: Config,
    /// `vocabularies.toml`.
    pub vocabularies: Vocabularies,
    /// The site's own Fluent files (`i18n/*.ftl`): vocabulary labels and string overrides.
    pub messages: SiteMessages,
    /// The theme: the built-in one with the site's files on top.
    pub theme: Theme,
    /// Every word of the interface, by language: the theme's Fluent files with the site's
    /// `i18n/<lang>.ftl` over them, parsed once. Pages, brochures, search and open data all
    /// take their words from here.
    pub strings: BTreeMap<Lang, Arc<Strings>>,
    /// `content/_index.md`.
    pub home: Home,
    /// `content/services/`, by id; each boxed, so that the map's nodes (about half full) hold
    /// a pointer rather than a whole service.
    pub services: BTreeMap<ServiceId, Box<Service>>,
    /// `content/providers/`, by id.
    pub providers: BTreeMap<ProviderId, Provider>,
    /// `content/partnerships/`, by id.
    pub partnerships: BTreeMap<PartnershipId, Partnership>,
    /// `content/pages/`, by id.
    pub pages: BTreeMap<PageId, Page>,
    /// `content/brochures/`, by id.
    pub brochures: BTreeMap<BrochureId, Brochure>,
    /// The internal links and images of every body, in both languages, for the link check.
    pub links: Vec<ContentLink>,
}

impl Site {
    /// The words of the interface in `lang`.
    pub fn strings(&self, lang: Lang) -> &Strings {
        // Cannot fail: validation, the only maker of a `Site`, makes strings for every
        // language of `Lang::ALL`.
        &self.strings[&lang]
    }

    /// The label of term `id` of `vocab` in `lang`: the default language's when `lang` has
    /// none, else the id itself (validation reports missing labels).
    pub fn term_label(&self, lang: Lang, vocab: Vocab, id: &str) -> strings::Label {
        for candidate in [lang, Lang::DEFAULT] {
            let strings = self.strings(candidate);
            let key = vocab.label_key(id);
            if strings.has(&key) {
                return strings::Label {
                    text: strings.get(&key),
                    description: strings.attribute(&key, "description"),
                    lang: candidate,
                };
            }
        }
        strings::Label {
            text: id.to_string(),
            description: None,
            lang: Lang::DEFAULT,
        }
    }

    /// The services that name `provider` as the one running them, in id order.
    pub fn services_of<'a>(
        &'a self,
        provider: &'a ProviderId,
    ) -> impl Iterator<Item = &'a Service> {
        self.services
            .values()
            .map(|s| &**s)
            .filter(move |s| s.provider.as_ref() == Some(provider))
    }

    /// The partnerships `provider` is a party to, in id order.
    pub fn partnerships_of<'a>(
        &'a self,
        provider: &'a ProviderId,
    ) -> impl Iterator<Item = &'a Partnership> {
        self.partnerships
            .values()
            .filter(move |p| p.parties.contains(provider))
    }

    /// The partnerships that cover `service`, in id order.
    pub fn partnerships_covering<'a>(
        &'a self,
        service: &'a ServiceId,
    ) -> impl Iterator<Item = &'a Partnership> {
        self.partnerships
            .values()
            .filter(move |p| p.services.contains(service))
    }

    /// The services a brochure holds, in id order.
    pub fn brochure_services<'a>(
        &'a self,
        brochure: &'a Brochure,
    ) -> impl Iterator<Item = &'a Service> {
        self.services
            .values()
            .map(|s| &**s)
            .filter(move |s| brochure.select.matches(s, self.config.area_served.as_ref()))
    }

    /// The number of facilities the services stand for: the sum of the `units` given, and
    /// whether every service gives them (otherwise the sum is only a lower bound).
    pub fn total_units(&self) -> (u32, bool) {
        let given = self.services.values().filter_map(|s| s.units);
        let all = self.services.values().all(|s| s.units.is_some());
        (given.sum(), all)
    }

    /// The providers that run at least one of the services (by the services' `provider`).
    pub fn running_providers(&self) -> usize {
        let running: std::collections::BTreeSet<&ProviderId> = self
            .services
            .values()
            .filter_map(|s| s.provider.as_ref())
            .collect();
        running.len()
    }

    /// Share of content files (services, providers, partnerships, pages, brochures) that have an
    /// English translation, 0–100.
    pub fn english_coverage(&self) -> f64 {
        let origins: Vec<&Origin> = self
            .services
            .values()
            .map(|s| &s.listing.origin)
            .chain(self.providers.values().map(|p| &p.listing.origin))
            .chain(self.partnerships.values().map(|p| &p.listing.origin))
            .chain(self.pages.values().map(|p| &p.origin))
            .chain(self.brochures.values().map(|b| &b.origin))
            .collect();
        if origins.is_empty() {
            return 100.0;
        }
        let translated = origins.iter().filter(|o| o.translation.is_some()).count();
        100.0 * translated as f64 / origins.len() as f64
    }
}
