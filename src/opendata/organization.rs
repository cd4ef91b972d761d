//! A provider as an HSDS organization, with its offices, phones, contact person, ЕИК and kind.

use crate::model::{Contact, Provider, Vocab};
use crate::urls;

use super::context::Ctx;
use super::hsds::{Contact as HsdsContact, Organization, OrganizationIdentifier, Phone};
use super::ids::Key;
use super::location::location;

/// The record key of a provider: `provider/<id>`.
pub fn key(provider: &str) -> Key {
    Key::new("provider", provider)
}

/// The key of the organisation that stands for "provider not listed": `provider/`, which no
/// provider id can give (ids are never empty).
pub fn unknown_key() -> Key {
    Key::new("provider", "")
}

/// The HSDS organization of `provider`.
pub fn organization(ctx: &Ctx<'_>, provider: &Provider) -> Organization {
    let key = key(provider.id.as_str());
    let id = key.uuid();
    let name = ctx.text(&provider.listing.title);
    let locations = provider
        .locations
        .iter()
        .enumerate()
        .map(|(i, l)| {
            location(
                ctx,
                l,
                &key.child("location", i + 1),
                name.clone(),
                Some(id.clone()),
                true,
            )
        })
        .collect();
    let identifiers = provider
        .eik
        .iter()
        .map(|eik| OrganizationIdentifier {
            id: key.child("identifier", "eik").uuid(),
            organization_id: id.clone(),
            identifier_scheme: "BG-EIK",
            identifier_type: ctx.strings.get("opendata-eik"),
            identifier: eik.clone(),
        })
        .collect();
    let kind = provider.kind.as_str();
    Organization {
        id: id.clone(),
        alternate_name: ctx.opt_text(&provider.listing.abbreviation),
        description: ctx.text(&provider.listing.summary),
        email: provider.contact.email.clone(),
        website: provider.contact.website.clone(),
        tax_id: provider.eik.clone(),
        legal_status: Some(ctx.label(Vocab::ProviderKinds, kind).text),
        uri: Some(ctx.url(&urls::provider(ctx.lang, provider.id.as_str()))),
        contacts: contacts(ctx, &provider.contact, &key, Owner::Organization(&id)),
        phones: phones(&provider.contact, &key, Owner::Organization(&id)),
        locations,
        organization_identifiers: identifiers,
        attributes: vec![ctx.attribute(&key, "organization", Vocab::ProviderKinds, kind)],
        name,
    }
}

/// The organisation that stands for "provider not listed", for services whose provider the
/// sources do not name (HSDS's tabular form requires every service to have one).
pub fn unknown(ctx: &Ctx<'_>) -> Organization {
    let (name, description) = ctx.described("no-provider");
    Organization {
        id: unknown_key().uuid(),
        name,
        alternate_name: None,
        description,
        email: None,
        website: None,
        tax_id: None,
        legal_status: None,
        uri: None,
        contacts: Vec::new(),
        phones: Vec::new(),
        locations: Vec::new(),
        organization_identifiers: Vec::new(),
        attributes: Vec::new(),
    }
}

/// Whose phones and contacts they are.
#[derive(Clone, Copy, Debug)]
pub enum Owner<'a> {
    /// A service, by HSDS id.
    Service(&'a str),
    /// An organisation, by HSDS id.
    Organization(&'a str),
}

impl Owner<'_> {
    fn ids(self) -> (Option<String>, Option<String>) {
        match self {
            Owner::Service(id) => (Some(id.to_string()), None),
            Owner::Organization(id) => (None, Some(id.to_string())),
        }
    }
}

/// The phones of a `[contact]`, in the order written.
pub fn phones(contact: &Contact, key: &Key, owner: Owner<'_>) -> Vec<Phone> {
    let (service_id, organization_id) = owner.ids();
    contact
        .phones
        .iter()
        .enumerate()
        .map(|(i, phone)| Phone {
            id: key.child("phone", i + 1).uuid(),
            service_id: service_id.clone(),
            organization_id: organization_id.clone(),
            number: phone.display(),
            kind: if phone.is_mobile() { "cell" } else { "voice" },
        })
        .collect()
}

/// The contact person of a `[contact]`, if one is named.
pub fn contacts(ctx: &Ctx<'_>, contact: &Contact, key: &Key, owner: Owner<'_>) -> Vec<HsdsContact> {
    let (service_id, organization_id) = owner.ids();
    contact
        .person
        .as_ref()
        .map(|person| HsdsContact {
            id: key.child("contact", 1).uuid(),
            organization_id,
            service_id,
            name: Some(ctx.text(person)),
            email: contact.email.clone(),
        })
        .into_iter()
        .collect()
}
