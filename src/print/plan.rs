//! Which PDFs a site has: an event brochure per file of `content/brochures/` and a brochure per
//! provider that runs at least one service, each in every language, at its contract URL; an A5
//! event brochure also as an A4 booklet to fold.
//!
//! Cheap and without typesetting, so the HTML renderer can link the PDFs from the same list.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{BrochureId, Lang, Paper, ProviderId, Site};
use crate::urls;

/// What a brochure is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Subject {
    /// An event brochure, from `content/brochures/<id>.md`.
    Event(BrochureId),
    /// A provider and all its services.
    Provider(ProviderId),
}

/// How the pages are put on paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// One page per sheet side, in reading order.
    Pages,
    /// A5 pages two-up on landscape A4 sheets in booklet order: print on both sides (flip on
    /// the short edge), fold the stack in the middle, and staple.
    Booklet,
}

/// One PDF to print: what, in which language, and where it goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Planned {
    /// The brochure's subject.
    pub subject: Subject,
    /// The language it is printed in.
    pub lang: Lang,
    /// Its site-absolute URL (contract §4), e.g. `/broshuri/x.pdf`.
    pub url: String,
    /// The file it is written to, relative to the output folder, e.g. `broshuri/x.pdf`.
    pub path: String,
    /// Its title in `lang` (with the default language's as fallback), for links.
    pub title: String,
    /// The size of its pages (a booklet's sheets are twice as wide).
    pub paper: Paper,
    /// How the pages are put on paper.
    pub form: Form,
    /// How many services it describes.
    pub services: usize,
}

/// Every PDF the site has, event brochures first, each in every language, in id order.
pub fn plan(site: &Site) -> Vec<Planned> {
    let mut planned = Vec::new();
    for brochure in site.brochures.values() {
        let services = site.brochure_services(brochure).count();
        let id = brochure.id.as_str();
        let mut forms = vec![(
            Form::Pages,
            urls::event_brochure as fn(Lang, &str) -> String,
        )];
        if brochure.paper == Paper::A5 {
            forms.push((Form::Booklet, urls::event_booklet));
        }
        for (form, url) in forms {
            for lang in Lang::ALL {
                planned.push(Planned::new(
                    Subject::Event(brochure.id.clone()),
                    lang,
                    url(lang, id),
                    brochure.title.get(lang).value.clone(),
                    (brochure.paper, form),
                    services,
                ));
            }
        }
    }
    // Each provider's services counted in one pass over the services, not one pass per
    // provider (10,000 providers × 100,000 services in a national directory).
    let mut counts: BTreeMap<&ProviderId, usize> = BTreeMap::new();
    for provider in site.services.values().filter_map(|s| s.provider.as_ref()) {
        *counts.entry(provider).or_default() += 1;
    }
    for provider in site.providers.values() {
        let services = counts.get(&provider.id).copied().unwrap_or(0);
        if services == 0 {
            continue;
        }
        for lang in Lang::ALL {
            planned.push(Planned::new(
                Subject::Provider(provider.id.clone()),
                lang,
                urls::provider_brochure(lang, provider.id.as_str()),
                provider.listing.title.get(lang).value.clone(),
                (Paper::A4, Form::Pages),
                services,
            ));
        }
    }
    planned
}

impl Planned {
    /// The plan of one PDF at `url`.
    fn new(
        subject: Subject,
        lang: Lang,
        url: String,
        title: String,
        (paper, form): (Paper, Form),
        services: usize,
    ) -> Planned {
        Planned {
            subject,
            lang,
            path: urls::output_file(&url),
            url,
            title,
            paper,
            form,
            services,
        }
    }
}
