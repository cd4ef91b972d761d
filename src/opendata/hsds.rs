//! The HSDS 3.0 objects the export writes: the subset of Open Referral's schema that a
//! kartoteka site has data for, with HSDS's field names and order.
//!
//! Optional fields are left out when empty; arrays are always written, so every object of a
//! kind has the same shape. Foreign keys (`service_id`, `location_id`, …) are filled in nested
//! objects too, so that the tabular form can be made by flattening (see `tabular`).

use serde::Serialize;

/// An organisation (our provider).
#[derive(Clone, Debug, Serialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    pub contacts: Vec<Contact>,
    pub phones: Vec<Phone>,
    pub locations: Vec<Location>,
    pub organization_identifiers: Vec<OrganizationIdentifier>,
    pub attributes: Vec<Attribute>,
}

/// A service, with everything about it nested.
#[derive(Clone, Debug, Serialize)]
pub struct Service {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    pub description: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_process: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fees_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licenses: Option<String>,
    pub phones: Vec<Phone>,
    pub service_at_locations: Vec<ServiceAtLocation>,
    pub languages: Vec<Language>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<Organization>,
    pub funding: Vec<Funding>,
    pub contacts: Vec<Contact>,
    pub attributes: Vec<Attribute>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_areas: Vec<ServiceArea>,
}

/// The geographic area a service is available in.
#[derive(Clone, Debug, Serialize)]
pub struct ServiceArea {
    pub id: String,
    pub service_id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A service at one of its locations.
#[derive(Clone, Debug, Serialize)]
pub struct ServiceAtLocation {
    pub id: String,
    pub service_id: String,
    pub location_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub schedules: Vec<Schedule>,
    pub location: Location,
}

/// A physical place.
#[derive(Clone, Debug, Serialize)]
pub struct Location {
    pub id: String,
    pub location_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    pub addresses: Vec<Address>,
    pub accessibility: Vec<Accessibility>,
    pub schedules: Vec<Schedule>,
    pub attributes: Vec<Attribute>,
}

/// A street address. HSDS requires every field below; unknown ones are empty strings.
#[derive(Clone, Debug, Serialize)]
pub struct Address {
    pub id: String,
    pub location_id: String,
    pub address_1: String,
    pub city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub state_province: String,
    pub postal_code: String,
    pub country: &'static str,
    pub address_type: &'static str,
}

/// Accessibility of a location (from `wheelchair`).
#[derive(Clone, Debug, Serialize)]
pub struct Accessibility {
    pub id: String,
    pub location_id: String,
    pub description: String,
}

/// A phone number.
#[derive(Clone, Debug, Serialize)]
pub struct Phone {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    pub number: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// A person to ask for.
#[derive(Clone, Debug, Serialize)]
pub struct Contact {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Opening times: one weekly recurrence, or a description alone.
#[derive(Clone, Debug, Serialize)]
pub struct Schedule {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_at_location_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// How a service is paid for.
#[derive(Clone, Debug, Serialize)]
pub struct Funding {
    pub id: String,
    pub service_id: String,
    pub source: String,
}

/// A language the service is delivered in.
#[derive(Clone, Debug, Serialize)]
pub struct Language {
    pub id: String,
    pub service_id: String,
    pub name: String,
    pub code: &'static str,
    pub note: String,
}

/// An official identifier of an organisation (ЕИК).
#[derive(Clone, Debug, Serialize)]
pub struct OrganizationIdentifier {
    pub id: String,
    pub organization_id: String,
    pub identifier_scheme: &'static str,
    pub identifier_type: String,
    pub identifier: String,
}

/// A link from a record to a taxonomy term.
#[derive(Clone, Debug, Serialize)]
pub struct Attribute {
    pub id: String,
    pub link_id: String,
    pub taxonomy_term_id: String,
    pub link_type: &'static str,
    pub link_entity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub taxonomy_term: TaxonomyTerm,
}

/// A term of one of our vocabularies.
#[derive(Clone, Debug, Serialize)]
pub struct TaxonomyTerm {
    pub id: String,
    pub code: String,
    pub name: String,
    pub description: String,
    pub taxonomy: String,
    pub language: &'static str,
    pub taxonomy_id: String,
    pub taxonomy_detail: Taxonomy,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_uri: Option<String>,
}

/// One of our vocabularies.
#[derive(Clone, Debug, Serialize)]
pub struct Taxonomy {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}
