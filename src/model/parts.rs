//! Parts shared by several content kinds: the common listing fields, locations, contact, licences.

use serde::Serialize;

use super::Provider;
use super::body::Body;
use super::date::Date;
use super::hours::OpeningHours;
use super::id::Id;
use super::lang::Localized;
use super::phone::Phone;
use super::source::{Source, SourceDate};
use super::vocab::{Locality, TermId};

/// Where a content item came from: its default-language file and its translation, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Site-relative path of the default-language file.
    pub path: String,
    /// Site-relative path of the English file, when there is one.
    pub translation: Option<String>,
}

/// Fields common to services, providers and partnerships (contract §2).
#[derive(Clone, Debug, Serialize)]
pub struct Listing {
    /// The name (T, required).
    pub title: Localized<String>,
    /// One plain sentence, at most 300 characters (T, required).
    pub summary: Localized<String>,
    /// The day a person last confirmed the listing with its provider (N); `None` when nobody
    /// ever has, and the facts rest on the sources alone.
    pub verified: Option<Date>,
    /// A short form such as "ЦОП" (T).
    pub abbreviation: Option<Localized<String>>,
    /// The documents the facts come from, in the order written.
    pub sources: Vec<Source>,
    /// The Markdown body (T).
    pub body: Localized<Body>,
    /// The files the listing was read from.
    pub origin: Origin,
}

impl Listing {
    /// The newest day the listing's facts are known to hold on: the day they were confirmed
    /// with the provider, else the newest source's date (the first day of a month or a year
    /// that a source gives alone); `None` when no source is dated.
    pub fn as_of(&self) -> Option<Date> {
        self.verified.or_else(|| {
            self.sources
                .iter()
                .filter_map(|s| s.date)
                .max()
                .map(SourceDate::first_day)
        })
    }
}

/// A place where a service or provider can be found.
#[derive(Clone, Debug, Serialize)]
pub struct Location {
    /// Street address as written locally (T, required).
    pub address: Localized<String>,
    /// The town or village (N, required).
    pub locality: TermId<Locality>,
    /// Postal code (N).
    pub postcode: Option<String>,
    /// WGS84 coordinates (N), both or neither.
    pub coordinates: Option<Coordinates>,
    /// Opening hours (N).
    pub hours: Option<OpeningHours>,
    /// Is the place accessible by wheelchair (N)?
    pub wheelchair: Option<bool>,
    /// A note such as "entrance from the yard" (T).
    pub note: Option<Localized<String>>,
}

/// Where a service works, as `area_served` gives it: one locality, or the whole municipality
/// (which is not any one of its localities).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The whole municipality (`area_served = "municipality"`).
    Municipality,
    /// One town or village of the `localities` vocabulary.
    Locality(TermId<Locality>),
}

impl Area {
    /// The value of `area_served` that means the whole municipality.
    pub const MUNICIPALITY: &'static str = "municipality";

    /// The locality, when the area is one.
    pub fn locality(&self) -> Option<&TermId<Locality>> {
        match self {
            Area::Municipality => None,
            Area::Locality(id) => Some(id),
        }
    }
}

/// A point on the map.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Coordinates {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

/// How to reach a service or provider.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Contact {
    /// Phone numbers, normalised (N).
    pub phones: Vec<Phone>,
    /// E-mail address (N).
    pub email: Option<String>,
    /// Web site, http or https (N).
    pub website: Option<String>,
    /// Facebook page (N).
    pub facebook: Option<String>,
    /// The person to ask for (T).
    pub person: Option<Localized<String>>,
}

impl Contact {
    /// Is there no way at all to get in touch?
    pub fn is_empty(&self) -> bool {
        self.phones.is_empty()
            && self.email.is_none()
            && self.website.is_none()
            && self.facebook.is_none()
    }
}

/// A licence or certificate (e.g. ДАЗД licence № 1277/06.06.2018).
#[derive(Clone, Debug, Serialize)]
pub struct Licence {
    /// Its number (N, required).
    pub number: String,
    /// Date of issue (N).
    pub issued: Option<Date>,
    /// Who issued it: a provider in the directory, or a name (N).
    pub issuer: Option<Issuer>,
    /// What it covers (T).
    pub scope: Option<Localized<String>>,
}

/// The issuer of a licence.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Issuer {
    /// A provider of the directory, by id.
    Provider(Id<Provider>),
    /// A body not in the directory, by name.
    Named(String),
}
