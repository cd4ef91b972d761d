//! The typed site: every content kind as its own type, linked by typed ids, owned by [`Site`].
//!
//! Nothing here reads files or prints; `load` and `validate` build a `Site`, and the output
//! stages (pages, search, brochures, open data) read it.

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
pub mod translit;
pub mod vocab;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use date::Date;
pub use id::Id;
pub use kind::Kind;
pub use kinds::{
    Brochure, BrochureId, Home, Page, PageId, Paper, Partnership, PartnershipId, Provider,
    ProviderId, Selection, Service, ServiceId,
};
pub use lang::{Lang, Localized, Shown};
pub use links::{ContentLink, LinkKind};
pub use parts::{Contact, Coordinates, Issuer, Licence, Listing, Location, Origin};
pub use vocab::{TermId, Vocab, Vocabularies};

use config::Config;
use messages::SiteMessages;

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
    /// `content/_index.md`.
    pub home: Home,
    /// `content/services/`, by id.
    pub services: BTreeMap<ServiceId, Service>,
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
    /// The services that name `provider` as the one running them, in id order.
    pub fn services_of<'a>(
        &'a self,
        provider: &'a ProviderId,
    ) -> impl Iterator<Item = &'a Service> {
        self.services
            .values()
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
            .filter(move |s| brochure.select.matches(s))
    }

    /// The number of facilities the directory stands for: the sum of every service's `units`.
    pub fn total_units(&self) -> u32 {
        self.services.values().map(|s| s.units).sum()
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
