//! The home page: what the directory is, a search box, and ways to browse by need — target
//! groups with counts, activity groups, service types, towns — and the free pages.

use serde::Serialize;

use super::terms::{self, VocabView};
use crate::model::{Page, Vocab};
use crate::render::view::{Ctx, Link, Text};
use crate::urls;

/// The vocabularies the home page offers for browsing, in this order.
const BROWSE: [Vocab; 4] = [
    Vocab::TargetGroups,
    Vocab::Activities,
    Vocab::ServiceTypes,
    Vocab::Localities,
];

/// The context of `home.html`.
#[derive(Debug, Serialize)]
pub struct HomePage {
    /// The home page's title (the site's title when `_index.md` gives none).
    pub title: Text,
    /// One sentence under the title.
    pub summary: Option<Text>,
    /// The introduction, sanitised HTML.
    pub body: Option<Text>,
    /// Browse by need.
    pub browse: Vec<VocabView>,
    /// The free pages, in menu order then id order.
    pub pages: Vec<Link>,
    /// How many services, providers and partnerships the directory lists.
    pub services: usize,
    /// The providers that run at least one service ("run by N organisations").
    pub providers: usize,
    /// Every provider the directory lists, running services or not.
    pub organisations: usize,
    /// See `services`.
    pub partnerships: usize,
    /// The facilities the services stand for, when every service gives its `units`.
    pub units: Option<u32>,
    /// The "what's new" feed.
    pub feed: String,
    /// The page of printed brochures.
    pub brochures: String,
    /// The page listing every provider kind (a way to all providers).
    pub providers_url: String,
}

/// Builds the context of the home page.
pub fn context(ctx: &Ctx<'_>) -> HomePage {
    let site = ctx.site;
    let home = &site.home;
    HomePage {
        title: home
            .title
            .as_ref()
            .map_or_else(|| ctx.text(&site.config.title), |t| ctx.text(t)),
        summary: ctx
            .opt_text(home.summary.as_ref())
            .or_else(|| ctx.opt_text(site.config.description.as_ref())),
        body: ctx.page_markdown(&home.body),
        browse: BROWSE.iter().map(|v| terms::vocabulary(ctx, *v)).collect(),
        pages: free_pages(ctx, false),
        services: site.services.len(),
        providers: site.running_providers(),
        organisations: site.providers.len(),
        partnerships: site.partnerships.len(),
        units: match site.total_units() {
            (sum, true) => Some(sum),
            (_, false) => None,
        },
        feed: urls::feed(ctx.lang),
        brochures: urls::brochures(ctx.lang),
        providers_url: urls::vocabulary(ctx.lang, Vocab::ProviderKinds),
    }
}

/// Links to the free pages: all of them, or only those in the main menu, in menu order.
pub fn free_pages(ctx: &Ctx<'_>, menu_only: bool) -> Vec<Link> {
    let mut pages: Vec<&Page> = ctx
        .site
        .pages
        .values()
        .filter(|p| !menu_only || p.menu.is_some())
        .collect();
    pages.sort_by_key(|p| (p.menu.unwrap_or(i64::MAX), p.id.clone()));
    pages
        .into_iter()
        .map(|p| Link {
            url: urls::page(ctx.lang, p.id.as_str()),
            label: ctx.text(&p.title),
        })
        .collect()
}
