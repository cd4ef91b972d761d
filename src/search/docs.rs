//! The searchable documents of a site in one language: what each page says, field by field.
//!
//! Services, providers, partnerships and free pages are documents; each knows its URL (from
//! [`crate::urls`]), the text of each weighted [`Field`], and its facet values.

use crate::model::vocab::Locality;
use crate::model::{
    Lang, Listing, Localized, Location, Page, Partnership, Provider, Service, Site, TermId, Vocab,
};
use crate::urls;

use super::abbreviations::implied_abbreviations;
use super::text::markdown_text;

/// A part of a document, weighted by how much a match in it says about the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The title.
    Title,
    /// The short form ("ЦОП"), given or implied by the title.
    Abbreviation,
    /// The one-sentence summary.
    Summary,
    /// The provider's name (for a service) or the parties (for a partnership).
    Provider,
    /// Vocabulary labels: service type, activities, target groups, provider kind.
    Labels,
    /// Localities and addresses.
    Place,
    /// The Markdown body.
    Body,
}

impl Field {
    /// Every field, in order.
    pub const ALL: [Field; 7] = [
        Field::Title,
        Field::Abbreviation,
        Field::Summary,
        Field::Provider,
        Field::Labels,
        Field::Place,
        Field::Body,
    ];

    /// How much one occurrence of a word in this field counts, against 1 in the body.
    pub fn boost(self) -> u32 {
        match self {
            Field::Title | Field::Abbreviation => 8,
            Field::Summary => 3,
            Field::Provider | Field::Labels | Field::Place => 2,
            Field::Body => 1,
        }
    }
}

/// What kind of page a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A service page.
    Service,
    /// A provider page.
    Provider,
    /// A partnership page.
    Partnership,
    /// A free page.
    Page,
}

impl Kind {
    /// A small prior: a citizen looking for help most often wants a service.
    pub fn prior(self) -> f64 {
        match self {
            Kind::Service => 1.0,
            Kind::Provider => 0.9,
            Kind::Partnership | Kind::Page => 0.8,
        }
    }

    /// The one-letter code of the kind in result records.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Service => "s",
            Kind::Provider => "o",
            Kind::Partnership => "p",
            Kind::Page => "g",
        }
    }
}

/// One searchable page.
#[derive(Clone, Debug)]
pub struct Document {
    /// What kind of page it is.
    pub kind: Kind,
    /// Its URL in the language indexed.
    pub url: String,
    /// Its title, as shown in results.
    pub title: String,
    /// The summary, shown as the result's snippet.
    pub summary: String,
    /// The provider's name, shown under the title.
    pub provider: String,
    /// Locality labels, shown under the title.
    pub places: Vec<String>,
    /// The text of each field.
    pub fields: Vec<(Field, String)>,
    /// Facet values: (vocabulary, term id).
    pub facets: Vec<(Vocab, String)>,
    /// Coordinates of its locations.
    pub coordinates: Vec<(f64, f64)>,
}

/// Hands `each` the documents of `site` in `lang` one at a time, services first, each kind in
/// id order: a document's texts are made when it is its turn, so the caller can index them and
/// let them go.
pub fn for_each_document(site: &Site, lang: Lang, mut each: impl FnMut(Document)) {
    let labels = Labels::new(site, lang);
    for s in site.services.values() {
        each(service(site, s, lang, &labels));
    }
    for p in site.providers.values() {
        each(provider(p, lang, &labels));
    }
    for p in site.partnerships.values() {
        each(partnership(site, p, lang, &labels));
    }
    for p in site.pages.values() {
        each(page(p, lang));
    }
}

fn text(value: &Localized<String>, lang: Lang) -> String {
    value.get(lang).value.clone()
}

fn opt_text(value: &Option<Localized<String>>, lang: Lang) -> String {
    value.as_ref().map(|v| text(v, lang)).unwrap_or_default()
}

/// A document with the common listing fields filled in.
fn listed(kind: Kind, url: String, listing: &Listing, lang: Lang) -> Document {
    let title = text(&listing.title, lang);
    let summary = text(&listing.summary, lang);
    let mut abbreviation = opt_text(&listing.abbreviation, lang);
    for implied in implied_abbreviations(&title) {
        abbreviation.push(' ');
        abbreviation.push_str(implied);
    }
    let fields = vec![
        (Field::Title, title.clone()),
        (Field::Abbreviation, abbreviation),
        (Field::Summary, summary.clone()),
        (
            Field::Body,
            markdown_text(&listing.body.get(lang).value.text()),
        ),
    ];
    Document::new(kind, url, title, summary, fields)
}

impl Document {
    /// A document with its weighted fields and no provider, places, facets or coordinates
    /// yet.
    fn new(
        kind: Kind,
        url: String,
        title: String,
        summary: String,
        fields: Vec<(Field, String)>,
    ) -> Document {
        Document {
            kind,
            url,
            fields,
            title,
            summary,
            provider: String::new(),
            places: Vec::new(),
            facets: Vec::new(),
            coordinates: Vec::new(),
        }
    }
}

/// Adds the places of `locations`: locality labels, addresses, facets and coordinates; and
/// `others`, localities the item belongs to without an address (a service's area served,
/// from [`Service::localities`]).
fn add_locations(
    doc: &mut Document,
    locations: &[Location],
    others: &[&TermId<Locality>],
    lang: Lang,
    labels: &Labels,
) {
    let mut place_text = String::new();
    let add_place = |doc: &mut Document, id: &str| {
        let locality = labels.get(Vocab::Localities, id);
        if !doc.places.contains(&locality) {
            doc.places.push(locality.clone());
            doc.facets.push((Vocab::Localities, id.to_string()));
        }
        locality
    };
    for location in locations {
        let locality = add_place(doc, location.locality.as_str());
        place_text.push_str(&format!("{locality} {} ", text(&location.address, lang)));
        if let Some(c) = location.coordinates {
            doc.coordinates.push((c.lat, c.lon));
        }
    }
    for id in others {
        let locality = add_place(doc, id.as_str());
        place_text.push_str(&format!("{locality} "));
    }
    doc.fields.push((Field::Place, place_text));
}

fn service(site: &Site, s: &Service, lang: Lang, labels: &Labels) -> Document {
    let mut doc = listed(
        Kind::Service,
        urls::service(lang, s.id.as_str()),
        &s.listing,
        lang,
    );
    let mut label_text = labels.get(Vocab::ServiceTypes, s.service_type.as_str());
    doc.facets
        .push((Vocab::ServiceTypes, s.service_type.as_str().to_string()));
    for a in &s.activities {
        label_text.push_str(&format!(" {}", labels.get(Vocab::Activities, a.as_str())));
        doc.facets.push((Vocab::Activities, a.as_str().to_string()));
    }
    for t in &s.target_groups {
        label_text.push_str(&format!(" {}", labels.get(Vocab::TargetGroups, t.as_str())));
        doc.facets
            .push((Vocab::TargetGroups, t.as_str().to_string()));
    }
    for implied in implied_abbreviations(&label_text) {
        label_text.push_str(&format!(" {implied}"));
    }
    doc.fields.push((Field::Labels, label_text));
    if let Some(p) = s.provider.as_ref().and_then(|id| site.providers.get(id)) {
        doc.provider = text(&p.listing.title, lang);
        let abbreviation = opt_text(&p.listing.abbreviation, lang);
        doc.fields
            .push((Field::Provider, format!("{} {abbreviation}", doc.provider)));
    }
    let area = if s.locations.is_empty() {
        s.localities(site.config.area_served.as_ref())
    } else {
        Vec::new()
    };
    add_locations(&mut doc, &s.locations, &area, lang, labels);
    doc
}

fn provider(p: &Provider, lang: Lang, labels: &Labels) -> Document {
    let mut doc = listed(
        Kind::Provider,
        urls::provider(lang, p.id.as_str()),
        &p.listing,
        lang,
    );
    doc.fields.push((
        Field::Labels,
        labels.get(Vocab::ProviderKinds, p.kind.as_str()),
    ));
    add_locations(&mut doc, &p.locations, &[], lang, labels);
    doc
}

fn partnership(site: &Site, p: &Partnership, lang: Lang, labels: &Labels) -> Document {
    let url = urls::partnership(lang, p.id.as_str());
    let mut doc = listed(Kind::Partnership, url, &p.listing, lang);
    let parties: Vec<String> = p
        .parties
        .iter()
        .filter_map(|id| site.providers.get(id))
        .map(|party| text(&party.listing.title, lang))
        .collect();
    doc.provider = parties.join(", ");
    doc.fields.push((Field::Provider, doc.provider.clone()));
    doc.fields.push((
        Field::Labels,
        format!(
            "{} {}",
            labels.get(Vocab::PartnershipKinds, p.kind.as_str()),
            opt_text(&p.legal_basis, lang)
        ),
    ));
    doc
}

fn page(p: &Page, lang: Lang) -> Document {
    let title = text(&p.title, lang);
    let summary = opt_text(&p.summary, lang);
    let fields = vec![
        (Field::Title, title.clone()),
        (Field::Summary, summary.clone()),
        (Field::Body, markdown_text(&p.body.get(lang).value.text())),
    ];
    Document::new(
        Kind::Page,
        urls::page(lang, p.id.as_str()),
        title,
        summary,
        fields,
    )
}

/// Vocabulary labels in the index's language, from the site's strings (the default
/// language's where this one has none).
pub(super) struct Labels<'a> {
    site: &'a Site,
    lang: Lang,
}

impl<'a> Labels<'a> {
    /// The labels of `lang`.
    pub(super) fn new(site: &'a Site, lang: Lang) -> Labels<'a> {
        Labels { site, lang }
    }

    /// The label of term `id` of `vocab`.
    pub(super) fn get(&self, vocab: Vocab, id: &str) -> String {
        self.site.term_label(self.lang, vocab, id).text
    }
}
