//! The content kinds of a site: one type per folder of `content/` (contract §2).

use serde::Serialize;

use super::body::Body;
use super::date::Date;
use super::id::Id;
use super::lang::Localized;
use super::parts::{Area, Contact, Licence, Listing, Location, Origin};
use super::vocab::{
    Activity, Funding, Locality, PartnershipKind, ProviderKind, ServiceType, TargetGroup, TermId,
};

/// The id of a service.
pub type ServiceId = Id<Service>;
/// The id of a provider.
pub type ProviderId = Id<Provider>;
/// The id of a partnership.
pub type PartnershipId = Id<Partnership>;
/// The id of a free page.
pub type PageId = Id<Page>;
/// The id of a brochure.
pub type BrochureId = Id<Brochure>;

/// One social service (`content/services/<id>.md`).
#[derive(Clone, Debug, Serialize)]
pub struct Service {
    /// The file stem.
    pub id: ServiceId,
    /// Title, summary, verified date, sources, body.
    pub listing: Listing,
    /// The kind of service (`type`).
    pub service_type: TermId<ServiceType>,
    /// Who runs it; `None` is shown as "provider not listed".
    pub provider: Option<ProviderId>,
    /// How many separate facilities this entry stands for; `None` when no source says.
    pub units: Option<u32>,
    /// What it offers: activity groups of the Social Services Act (non-empty).
    pub activities: Vec<TermId<Activity>>,
    /// Whom it is for (non-empty).
    pub target_groups: Vec<TermId<TargetGroup>>,
    /// How it is paid for.
    pub funding: Option<TermId<Funding>>,
    /// Places.
    pub capacity: Option<u32>,
    /// People served, as last reported (an extension of the contract: reports often give
    /// users rather than places, e.g. 555 users of home social patronage).
    pub users: Option<u32>,
    /// Youngest age served.
    pub age_min: Option<u32>,
    /// Oldest age served.
    pub age_max: Option<u32>,
    /// Can a person come without a referral from the social assistance office?
    pub self_referral: Option<bool>,
    /// Does the service charge the user?
    pub fee: Option<bool>,
    /// Related services.
    pub related: Vec<ServiceId>,
    /// Where it is.
    pub locations: Vec<Location>,
    /// Where it works, as its own `area_served` says; see [`Service::area`] for the area with
    /// the site's default.
    pub area_served: Option<Area>,
    /// How to reach it.
    pub contact: Contact,
    /// Licences and certificates.
    pub licences: Vec<Licence>,
}

impl Service {
    /// The area the service works in: its own `area_served`, else `default` (config.toml's
    /// `area_served`), else `None`.
    pub fn area<'a>(&'a self, default: Option<&'a Area>) -> Option<&'a Area> {
        self.area_served.as_ref().or(default)
    }

    /// The localities the service belongs to, each once: those of its locations; a service
    /// with no location belongs to its area ([`Service::area`]) when that is a locality, and
    /// to no locality when it is the whole municipality or unknown. `default` is config.toml's
    /// `area_served`. Every count and list of services by locality goes through here.
    pub fn localities<'a>(&'a self, default: Option<&'a Area>) -> Vec<&'a TermId<Locality>> {
        let mut ids: Vec<&TermId<Locality>> = if self.locations.is_empty() {
            self.area(default)
                .and_then(Area::locality)
                .into_iter()
                .collect()
        } else {
            self.locations.iter().map(|l| &l.locality).collect()
        };
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Is the service classified under term `id` of `vocab` (for localities: does it belong
    /// there, [`Service::localities`] with `area` as the site's default)? Provider and
    /// partnership kinds never classify a service.
    pub fn has_term(&self, vocab: super::Vocab, id: &str, area: Option<&Area>) -> bool {
        use super::Vocab;
        match vocab {
            Vocab::ServiceTypes => self.service_type.as_str() == id,
            Vocab::Activities => self.activities.iter().any(|a| a.as_str() == id),
            Vocab::TargetGroups => self.target_groups.iter().any(|t| t.as_str() == id),
            Vocab::Funding => self.funding.as_ref().is_some_and(|f| f.as_str() == id),
            Vocab::Localities => self.localities(area).iter().any(|l| l.as_str() == id),
            Vocab::ProviderKinds | Vocab::PartnershipKinds => false,
        }
    }

    /// The ids of the terms of `vocab` the service is classified under, each once: the `id`s
    /// for which [`Service::has_term`] holds.
    pub fn term_ids<'a>(&'a self, vocab: super::Vocab, area: Option<&'a Area>) -> Vec<&'a str> {
        use super::Vocab;
        let mut ids: Vec<&str> = match vocab {
            Vocab::ServiceTypes => vec![self.service_type.as_str()],
            Vocab::Activities => self.activities.iter().map(|a| a.as_str()).collect(),
            Vocab::TargetGroups => self.target_groups.iter().map(|t| t.as_str()).collect(),
            Vocab::Funding => self.funding.iter().map(|f| f.as_str()).collect(),
            Vocab::Localities => self
                .localities(area)
                .into_iter()
                .map(|l| l.as_str())
                .collect(),
            Vocab::ProviderKinds | Vocab::PartnershipKinds => Vec::new(),
        };
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// An organisation that runs services or takes part in partnerships (`content/providers/`).
#[derive(Clone, Debug, Serialize)]
pub struct Provider {
    /// The file stem.
    pub id: ProviderId,
    /// Title, summary, verified date, sources, body.
    pub listing: Listing,
    /// What kind of organisation it is.
    pub kind: TermId<ProviderKind>,
    /// Bulgarian company id (ЕИК), checksum-validated.
    pub eik: Option<String>,
    /// Licences and certificates.
    pub licences: Vec<Licence>,
    /// Offices.
    pub locations: Vec<Location>,
    /// How to reach it.
    pub contact: Contact,
}

/// An agreement between two or more providers (`content/partnerships/`).
#[derive(Clone, Debug, Serialize)]
pub struct Partnership {
    /// The file stem.
    pub id: PartnershipId,
    /// Title, summary, verified date, sources, body.
    pub listing: Listing,
    /// The parties (two or more providers).
    pub parties: Vec<ProviderId>,
    /// What kind of agreement it is.
    pub kind: TermId<PartnershipKind>,
    /// The law or decision it rests on.
    pub legal_basis: Option<Localized<String>>,
    /// First day in force; `None` when no source gives it.
    pub start: Option<Date>,
    /// Whether and when it ends, as far as the sources say.
    pub end: End,
    /// Services it covers.
    pub services: Vec<ServiceId>,
}

/// The end of an agreement's term, as the sources give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum End {
    /// No source says when or whether it ends (no `end` field).
    Unknown,
    /// A source states that it has no end date (`end = "open"`).
    Open,
    /// Its last day in force.
    On(Date),
}

/// Whether an agreement is in force on a day, as far as the sources tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// A known start on or before the day, and an end that is open or not yet past.
    InForce,
    /// A known start after the day.
    NotYet,
    /// A known end before the day.
    Ended,
    /// The sources do not tell (an unknown start or end).
    Unknown,
}

impl Partnership {
    /// Is the agreement in force on `date`, as far as the sources say?
    pub fn standing_on(&self, date: Date) -> Standing {
        match (self.start, self.end) {
            (Some(start), _) if date < start => Standing::NotYet,
            (_, End::On(end)) if end < date => Standing::Ended,
            (Some(_), End::Open | End::On(_)) => Standing::InForce,
            (None, _) | (Some(_), End::Unknown) => Standing::Unknown,
        }
    }

    /// Do the sources say the agreement is in force on `date`?
    pub fn in_force_on(&self, date: Date) -> bool {
        self.standing_on(date) == Standing::InForce
    }
}

/// A free page such as "how to get help" (`content/pages/`).
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    /// The file stem, also its URL.
    pub id: PageId,
    /// The page title.
    pub title: Localized<String>,
    /// A one-sentence description.
    pub summary: Option<Localized<String>>,
    /// Position in the main menu; `None` = not in the menu.
    pub menu: Option<i64>,
    /// The Markdown body.
    pub body: Localized<Body>,
    /// The files the page was read from.
    pub origin: Origin,
}

/// The home page's text (`content/_index.md`).
#[derive(Clone, Debug, Serialize)]
pub struct Home {
    /// A title for the home page, when the site's title is not enough.
    pub title: Option<Localized<String>>,
    /// A one-sentence description.
    pub summary: Option<Localized<String>>,
    /// The introduction, Markdown.
    pub body: Localized<Body>,
    /// The files it was read from, if any.
    pub origin: Option<Origin>,
}

/// Paper sizes for brochures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// ISO A5, 148 × 210 mm.
    A5,
}

/// Which services a brochure holds: those that match every key given (empty = all).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Selection {
    /// Only these services.
    pub services: Option<Vec<ServiceId>>,
    /// Only services run by these providers.
    pub providers: Option<Vec<ProviderId>>,
    /// Only services for one of these target groups.
    pub target_groups: Option<Vec<TermId<TargetGroup>>>,
    /// Only services offering one of these activities.
    pub activities: Option<Vec<TermId<Activity>>>,
    /// Only services of these types.
    pub service_types: Option<Vec<TermId<ServiceType>>>,
    /// Only services that belong to one of these places ([`Service::localities`]).
    pub localities: Option<Vec<TermId<Locality>>>,
}

impl Selection {
    /// Does `service` match every key of the selection? `area` is config.toml's
    /// `area_served`, for services without a location.
    pub fn matches(&self, service: &Service, area: Option<&Area>) -> bool {
        fn any<T: PartialEq>(wanted: &Option<Vec<T>>, has: &[T]) -> bool {
            wanted
                .as_ref()
                .is_none_or(|w| w.iter().any(|x| has.contains(x)))
        }
        let localities: Vec<_> = service.localities(area).into_iter().cloned().collect();
        any(&self.services, std::slice::from_ref(&service.id))
            && any(&self.providers, service.provider.as_slice())
            && any(&self.target_groups, &service.target_groups)
            && any(&self.activities, &service.activities)
            && any(
                &self.service_types,
                std::slice::from_ref(&service.service_type),
            )
            && any(&self.localities, &localities)
    }
}

/// A printed brochure for an event (`content/brochures/`).
#[derive(Clone, Debug, Serialize)]
pub struct Brochure {
    /// The file stem.
    pub id: BrochureId,
    /// The brochure's title.
    pub title: Localized<String>,
    /// Name, date and place of the event.
    pub event: Option<Localized<String>>,
    /// Paper size.
    pub paper: Paper,
    /// Which services it holds.
    pub select: Selection,
    /// The introduction, Markdown.
    pub body: Localized<Body>,
    /// The files it was read from.
    pub origin: Origin,
}
