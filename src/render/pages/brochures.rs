//! The brochures page (`/broshuri/`, `/en/brochures/`): every printed brochure of the site, in
//! the page's language — event brochures first, then one per provider.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::Paper;
use crate::print::plan::Form;
use crate::print::{Subject, plan};
use crate::render::view::Ctx;

/// The context of `brochures.html`.
#[derive(Debug, Serialize)]
pub struct BrochuresPage {
    /// Brochures made for events (`content/brochures/`).
    pub events: Vec<BrochureLink>,
    /// One brochure per provider that runs services.
    pub providers: Vec<BrochureLink>,
}

/// One PDF to download.
#[derive(Debug, Serialize)]
pub struct BrochureLink {
    /// Its title.
    pub title: String,
    /// The event, for event brochures.
    pub event: Option<String>,
    /// Where the PDF is.
    pub url: String,
    /// A4 or A5.
    pub paper: Paper,
    /// How many services it presents.
    pub services: usize,
    /// The same brochure laid out two-up on A4 sheets to fold, for A5 brochures.
    pub booklet: Option<String>,
}

/// Lists the brochures that `build` prints, in `ctx.lang`.
pub fn context(ctx: &Ctx<'_>) -> BrochuresPage {
    let mut page = BrochuresPage {
        events: Vec::new(),
        providers: Vec::new(),
    };
    let planned: Vec<_> = plan(ctx.site)
        .into_iter()
        .filter(|p| p.lang == ctx.lang)
        .collect();
    // Each subject's booklet, found in one step: a national directory plans one brochure per
    // provider, and a search through the whole plan for each one took 10,000 × 20,000 steps.
    let mut booklets: HashMap<&Subject, &str> = HashMap::new();
    for p in planned.iter().filter(|p| p.form == Form::Booklet) {
        booklets.entry(&p.subject).or_insert(&p.url);
    }
    let booklet_of = |subject: &Subject| booklets.get(subject).map(|url| url.to_string());
    for planned in planned.iter().filter(|p| p.form == Form::Pages) {
        let (list, event) = match &planned.subject {
            Subject::Event(id) => (
                &mut page.events,
                ctx.site
                    .brochures
                    .get(id.as_str())
                    .and_then(|b| b.event.as_ref())
                    .map(|e| e.get(ctx.lang).value.clone()),
            ),
            Subject::Provider(_) => (&mut page.providers, None),
        };
        list.push(BrochureLink {
            title: planned.title.clone(),
            event,
            url: planned.url.clone(),
            paper: planned.paper,
            services: planned.services,
            booklet: booklet_of(&planned.subject),
        });
    }
    page
}
