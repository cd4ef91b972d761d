//! A brochure as data: everything the print template shows, already in the brochure's language.
//!
//! The template receives this as JSON and only lays it out; all wording, fallbacks and URLs are
//! decided here. Content text is always data, never markup.

use serde::Serialize;

use super::markdown::{self, Block};
use super::plan::{Form, Planned, Subject};
use super::qr;
use super::service::{self, ServiceBlock};
use super::strings::PrintStrings;
use crate::model::config::is_placeholder;
use crate::model::{
    Body, Date, Issuer, Lang, Licence, Localized, Paper, Provider, Service, Shown, Site, Vocab,
};
use crate::urls;

/// A piece of text with the language it is written in (it differs on fallback).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Text {
    /// The text.
    pub t: String,
    /// Its BCP 47 language code, for hyphenation and the PDF's language tags.
    pub l: &'static str,
}

impl Text {
    /// Text written in `lang`.
    pub fn new(text: impl Into<String>, lang: Lang) -> Text {
        Text {
            t: text.into(),
            l: lang.code(),
        }
    }

    /// A value as shown, in the language it really is in.
    pub fn shown(shown: Shown<'_, String>) -> Text {
        Text::new(shown.value.clone(), shown.lang)
    }

    /// The same text cut for a heading (see [`for_outline`]).
    pub fn for_outline(self) -> Text {
        Text {
            t: for_outline(self.t),
            ..self
        }
    }
}

/// The most characters of a heading's text: headings become the PDF's outline, whose titles
/// the PDF writer cuts at byte 32,767 without regard to character boundaries (typst-pdf 0.13
/// panics on 16,400 Cyrillic letters). Validation keeps titles far shorter; this is the
/// guarantee for whatever else becomes a heading (vocabulary labels, strings).
pub const OUTLINE_MAX_CHARS: usize = 1000;

/// `text` cut to at most [`OUTLINE_MAX_CHARS`] characters, on a character boundary, with `…`.
pub fn for_outline(mut text: String) -> String {
    if let Some((cut, _)) = text.char_indices().nth(OUTLINE_MAX_CHARS - 1) {
        text.truncate(cut);
        text.push('…');
    }
    text
}

/// A labelled fact of a service or provider: "For whom" → lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The label.
    pub label: String,
    /// Its lines.
    pub lines: Vec<Text>,
}

impl Row {
    /// A row.
    pub fn new(label: String, lines: Vec<Text>) -> Row {
        Row { label, lines }
    }
}

/// A whole brochure for the template.
#[derive(Clone, Debug, Serialize)]
pub struct Document {
    /// The brochure's language code.
    pub lang: &'static str,
    /// Paper size.
    pub paper: Paper,
    /// The title for the PDF's metadata (an A4 booklet's says it is the version for printing).
    pub title: String,
    /// The PDF's subject: for an A4 booklet, where the brochure to read on screen is.
    pub description: Option<String>,
    /// The first page.
    pub cover: Cover,
    /// The introduction (an event brochure's body, a provider's description).
    pub intro: Vec<Block>,
    /// The language of the introduction.
    pub intro_lang: &'static str,
    /// For a provider brochure: the provider's facts and licences.
    pub provider: Option<ProviderCard>,
    /// The heading above the services.
    pub services_title: String,
    /// The services, grouped.
    pub groups: Vec<Group>,
    /// The last panel: where to find the full directory.
    pub closing: Closing,
    /// Words the template prints around the content.
    pub words: Words,
    /// While the site's address is a placeholder: the line every page prints
    /// ("ПРОБЕН ОТПЕЧАТЪК – …"), and the brochure carries no QR codes or web addresses.
    pub draft: Option<String>,
}

/// The cover page.
#[derive(Clone, Debug, Serialize)]
pub struct Cover {
    /// "Brochure" or "Social service provider".
    pub kind: String,
    /// The brochure's title.
    pub title: Text,
    /// Name, date and place of the event.
    pub event: Option<Text>,
    /// The municipality whose directory this is.
    pub municipality: Option<Text>,
    /// The site's name.
    pub site: Text,
    /// "Printed on 28 January 2020".
    pub printed: String,
}

/// A provider's own facts, for its brochure.
#[derive(Clone, Debug, Serialize)]
pub struct ProviderCard {
    /// The heading of the card.
    pub heading: String,
    /// Kind of organisation, company id, offices, contact, licences.
    pub rows: Vec<Row>,
    /// Its page on the live site; `None` while the site's address is a placeholder.
    pub url: Option<String>,
    /// The QR code of `url`, with its text alternative.
    pub qr: Option<qr::Code>,
}

/// Services under one heading.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// The heading: a target group's label.
    pub title: String,
    /// The services, by name.
    pub services: Vec<ServiceBlock>,
}

/// Where to find the full directory.
#[derive(Clone, Debug, Serialize)]
pub struct Closing {
    /// Its heading.
    pub title: String,
    /// A sentence on what the directory holds.
    pub text: String,
    /// The site's name.
    pub site: Text,
    /// The site's home page in the brochure's language; `None` while it is a placeholder.
    pub url: Option<String>,
    /// The QR code of `url`, with its text alternative.
    pub qr: Option<qr::Code>,
    /// How to use the codes; `None` when there are none.
    pub scan: Option<String>,
}

/// Fixed words of the layout.
#[derive(Clone, Debug, Serialize)]
pub struct Words {
    /// "Contents".
    pub contents: String,
    /// "Introduction".
    pub introduction: String,
    /// "{page} of {total}", with those two placeholders.
    pub page_of: String,
    /// "Notes", the heading of the pages that fill out an A5 booklet.
    pub notes: String,
}

/// What differs between an event brochure and a provider brochure.
struct Parts<'a> {
    kind: String,
    title: &'a Localized<String>,
    event: Option<Text>,
    intro: &'a Localized<Body>,
    provider: Option<ProviderCard>,
    services: Vec<&'a Service>,
    selected_groups: Vec<String>,
}

fn parts<'a>(site: &'a Site, subject: &'a Subject, strings: &PrintStrings) -> Option<Parts<'a>> {
    let lang = strings.lang();
    Some(match subject {
        Subject::Event(id) => {
            let brochure = site.brochures.get(id)?;
            let selected = brochure.select.target_groups.as_deref().unwrap_or_default();
            Parts {
                kind: strings.get("print-kind-event"),
                title: &brochure.title,
                event: brochure.event.as_ref().map(|e| Text::of(e, lang)),
                intro: &brochure.body,
                provider: None,
                services: site.brochure_services(brochure).collect(),
                selected_groups: selected.iter().map(|g| g.as_str().to_string()).collect(),
            }
        }
        Subject::Provider(id) => {
            let provider = site.providers.get(id)?;
            Parts {
                kind: strings.get("print-kind-provider"),
                title: &provider.listing.title,
                event: Some(Text::of(&provider.listing.summary, lang)),
                intro: &provider.listing.body,
                provider: Some(provider_card(site, provider, strings)),
                services: site.services_of(id).collect(),
                selected_groups: Vec::new(),
            }
        }
    })
}

/// Everything the template needs for `planned`, printed on `date`; `None` if its subject is gone.
pub fn document(
    site: &Site,
    planned: &Planned,
    date: Date,
    strings: &PrintStrings,
) -> Option<Document> {
    let lang = planned.lang;
    let Parts {
        kind,
        title,
        event,
        intro,
        provider,
        services,
        selected_groups,
    } = parts(site, &planned.subject, strings)?;
    let body = intro.get(lang);
    let home = service::live_url(site, &urls::home(lang));
    let services_title = match provider {
        Some(_) => strings.get("print-services-of"),
        None => strings.get("print-services"),
    };
    Some(Document {
        lang: lang.code(),
        paper: planned.paper,
        title: for_outline(pdf_title(title.get(lang).value, planned.form, strings)),
        description: booklet_description(site, planned, strings),
        cover: Cover {
            kind,
            title: Text::of(title, lang),
            event,
            municipality: site.config.municipality.as_ref().map(|m| Text::of(m, lang)),
            site: Text::of(&site.config.title, lang),
            printed: strings.get1("print-printed-on", "date", &strings.date(date)),
        },
        intro: markdown::blocks(&body.value.text()),
        intro_lang: body.lang.code(),
        provider,
        services_title,
        groups: groups(site, &services, &selected_groups, strings),
        closing: Closing {
            title: strings.get("print-closing-title"),
            text: strings.get("print-closing-text"),
            site: Text::of(&site.config.title, lang),
            qr: home
                .as_deref()
                .and_then(|url| qr::code(url, strings.get1("print-qr-home", "url", url))),
            scan: home.is_some().then(|| strings.get("print-scan")),
            url: home,
        },
        words: Words {
            contents: strings.get("print-contents"),
            introduction: strings.get("print-introduction"),
            notes: strings.get("print-notes"),
            page_of: strings.get_with(
                "print-page-of",
                &[("page", "{page}".into()), ("total", "{total}".into())],
            ),
        },
        draft: is_placeholder(&site.config.base_url).then(|| strings.get("print-draft")),
    })
}

/// The PDF's title: the brochure's, and for an A4 booklet, "… – A4 booklet for printing".
fn pdf_title(title: &str, form: Form, strings: &PrintStrings) -> String {
    match form {
        Form::Pages => title.to_string(),
        Form::Booklet => strings.get1("print-booklet-title", "title", title),
    }
}

/// For an A4 booklet: "For printing and folding. To read on screen …: <the A5 brochure>", with
/// the A5 file's address on the live site (its site path while the address is a placeholder).
fn booklet_description(site: &Site, planned: &Planned, strings: &PrintStrings) -> Option<String> {
    let (Form::Booklet, Subject::Event(id)) = (planned.form, &planned.subject) else {
        return None;
    };
    let path = urls::event_brochure(planned.lang, id.as_str());
    let url = service::live_url(site, &path).unwrap_or(path);
    Some(strings.get1("print-booklet-description", "url", &url))
}

/// Groups services under their main target group: the first one the service lists that the
/// brochure selects (or simply its first). Groups follow the vocabulary's order; services within
/// a group go by name.
fn groups(
    site: &Site,
    services: &[&Service],
    selected: &[String],
    strings: &PrintStrings,
) -> Vec<Group> {
    let order = site.vocabularies.ids(Vocab::TargetGroups);
    let main_group = |s: &Service| -> String {
        let listed = s.target_groups.iter().map(|g| g.as_str());
        let wanted = listed.clone().find(|g| selected.iter().any(|w| w == g));
        wanted
            .or_else(|| listed.clone().next())
            .unwrap_or_default()
            .to_string()
    };
    let mut keyed: Vec<(usize, String, &Service)> = services
        .iter()
        .map(|s| {
            let group = main_group(s);
            let rank = order
                .iter()
                .position(|g| *g == group)
                .unwrap_or(order.len());
            (rank, group, *s)
        })
        .collect();
    let lang = strings.lang();
    keyed.sort_by_cached_key(|(rank, _, s)| {
        (
            *rank,
            s.listing.title.get(lang).value.to_lowercase(),
            s.id.clone(),
        )
    });
    let mut groups: Vec<Group> = Vec::new();
    let mut current: Option<String> = None;
    for (_, group, service) in keyed {
        if current.as_deref() != Some(group.as_str()) {
            groups.push(Group {
                title: for_outline(strings.label(Vocab::TargetGroups, &group)),
                services: Vec::new(),
            });
            current = Some(group);
        }
        if let Some(g) = groups.last_mut() {
            g.services.push(service::block(site, service, strings));
        }
    }
    groups
}

fn provider_card(site: &Site, provider: &Provider, strings: &PrintStrings) -> ProviderCard {
    let lang = strings.lang();
    let mut about =
        vec![strings.plain(strings.label(Vocab::ProviderKinds, provider.kind.as_str()))];
    if let Some(eik) = &provider.eik {
        about.push(strings.plain(strings.get1("print-provider-eik", "eik", eik)));
    }
    let mut rows = vec![Row::new(strings.get("print-provider-about"), about)];
    if !provider.locations.is_empty() {
        rows.extend(service::where_and_when(&provider.locations, strings));
    }
    rows.extend(service::contact(&provider.contact, strings));
    if !provider.licences.is_empty() {
        let lines = provider
            .licences
            .iter()
            .map(|l| licence(site, l, strings))
            .collect();
        rows.push(Row::new(strings.get("print-licences"), lines));
    }
    let url = service::live_url(site, &urls::provider(lang, provider.id.as_str()));
    let name = provider.listing.title.get(lang).value.clone();
    ProviderCard {
        qr: url
            .as_deref()
            .and_then(|url| service::page_code(url, &name, strings)),
        heading: for_outline(name),
        rows,
        url,
    }
}

/// "№ 1277 от 06.06.2018 г., ДАЗД: Лиценз за …".
fn licence(site: &Site, licence: &Licence, strings: &PrintStrings) -> Text {
    let lang = strings.lang();
    let mut text = strings.get1("licence-number", "number", &licence.number);
    if let Some(issued) = licence.issued {
        text = format!(
            "{text} {}",
            strings.get1("print-licence-issued", "date", &strings.date(issued))
        );
    }
    let issuer = licence.issuer.as_ref().map(|issuer| match issuer {
        Issuer::Provider(id) => site
            .providers
            .get(id)
            .map_or_else(|| id.as_str().to_string(), |p| short_name(p, lang)),
        Issuer::Named(name) => name.clone(),
    });
    if let Some(issuer) = issuer {
        text = format!("{text}, {issuer}");
    }
    let scope = licence.scope.as_ref().map(|s| s.get(lang));
    match scope {
        Some(scope) => Text::new(format!("{text}: {}", scope.value), scope.lang),
        None => Text::new(text, lang),
    }
}

/// A provider's abbreviation if it has one, else its name.
fn short_name(provider: &Provider, lang: Lang) -> String {
    let name: &Localized<String> = provider
        .listing
        .abbreviation
        .as_ref()
        .unwrap_or(&provider.listing.title);
    name.get(lang).value.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_texts_are_cut_on_a_character_boundary() {
        assert_eq!(for_outline("Кратко".into()), "Кратко");
        let cut = for_outline("Щ".repeat(16_400));
        assert_eq!(cut.chars().count(), OUTLINE_MAX_CHARS);
        assert!(cut.ends_with("Щ…"));
    }
}
