//! A `[[locations]]` entry as an HSDS location, with its address, accessibility, opening hours
//! and place (a `localities` term).

use crate::model::{Location, Vocab};

use super::context::Ctx;
use super::hsds::{Accessibility, Address, Location as HsdsLocation};
use super::ids::Key;
use super::schedule::{Owner, schedules};

/// The HSDS location of `location`, named `name`; `key` is its record key
/// (`service/<id>/location/<n>`). Opening hours are attached here only when `with_hours`
/// (a service's hours belong to its service_at_location instead).
pub fn location(
    ctx: &Ctx<'_>,
    location: &Location,
    key: &Key,
    name: String,
    organization_id: Option<String>,
    with_hours: bool,
) -> HsdsLocation {
    let id = key.uuid();
    let address = Address {
        id: key.child("address", 1).uuid(),
        location_id: id.clone(),
        address_1: ctx.address(&location.address),
        city: ctx
            .label(Vocab::Localities, location.locality.as_str())
            .text,
        region: ctx.opt_text(&ctx.site.config.municipality),
        state_province: String::new(),
        postal_code: location.postcode.clone().unwrap_or_default(),
        country: "BG",
        address_type: "physical",
    };
    let accessibility = location
        .wheelchair
        .map(|yes| Accessibility {
            id: key.child("accessibility", 1).uuid(),
            location_id: id.clone(),
            description: ctx.strings.get(if yes {
                "opendata-wheelchair-yes"
            } else {
                "opendata-wheelchair-no"
            }),
        })
        .into_iter()
        .collect();
    let schedules = match (&location.hours, with_hours) {
        (Some(hours), true) => {
            let owner = Owner {
                location_id: Some(id.clone()),
                ..Owner::default()
            };
            schedules(hours, ctx.strings, key, &owner)
        }
        _ => Vec::new(),
    };
    HsdsLocation {
        id,
        location_type: "physical",
        url: None,
        organization_id,
        name,
        description: ctx.opt_text(&location.note),
        latitude: location.coordinates.map(|c| c.lat),
        longitude: location.coordinates.map(|c| c.lon),
        addresses: vec![address],
        accessibility,
        schedules,
        attributes: vec![ctx.attribute(
            key,
            "location",
            Vocab::Localities,
            location.locality.as_str(),
        )],
    }
}
