//! The Atom feed of one language: "what's new" — the listings most recently checked. The
//! context of the theme's `feed.xml` template.

use serde::Serialize;
use tera::{Context, Tera};

use crate::model::{Date, Listing};
use crate::output::OutputFile;
use crate::render::view::{Ctx, Text};
use crate::urls;

/// How many entries a feed holds.
const ENTRIES: usize = 30;

/// One listing in the feed.
#[derive(Debug, Serialize)]
struct Entry {
    /// Its title in the feed's language (or the fallback).
    title: String,
    /// Its page's absolute URL, also the entry's id.
    url: String,
    /// When its facts date from (`verified`, else its newest source), as an Atom timestamp.
    updated: String,
    /// Its summary, with the language it is written in.
    summary: Text,
}

/// The Atom feed of `ctx.lang` (template `feed.xml`, rendered by `tera`, which speaks that
/// language): services, providers and partnerships, newest [`Listing::as_of`] first. Its `updated` is
/// the newest entry's date, so the feed changes only with content.
pub fn feed(ctx: &Ctx<'_>, tera: &Tera) -> tera::Result<OutputFile> {
    let site = ctx.site;
    let base = &site.config.base_url;
    let lang = ctx.lang;
    let mut listings: Vec<(&Listing, String)> = Vec::new();
    listings.extend(
        site.services
            .values()
            .map(|s| (&s.listing, urls::service(lang, s.id.as_str()))),
    );
    listings.extend(
        site.providers
            .values()
            .map(|p| (&p.listing, urls::provider(lang, p.id.as_str()))),
    );
    listings.extend(
        site.partnerships
            .values()
            .map(|p| (&p.listing, urls::partnership(lang, p.id.as_str()))),
    );
    listings.sort_by(|a, b| b.0.as_of().cmp(&a.0.as_of()).then_with(|| a.1.cmp(&b.1)));
    listings.truncate(ENTRIES);
    let updated = listings
        .first()
        .and_then(|e| e.0.as_of())
        .unwrap_or(ctx.date);
    let entries: Vec<Entry> = listings
        .into_iter()
        .map(|(listing, url)| Entry {
            title: ctx.text(&listing.title).text,
            url: urls::absolute(base, &url),
            updated: timestamp(listing.as_of().unwrap_or(updated)),
            summary: ctx.text(&listing.summary),
        })
        .collect();
    let mut context = Context::new();
    context.insert("lang", &lang);
    context.insert("site_title", &ctx.text(&site.config.title).text);
    context.insert("url", &urls::absolute(base, &urls::feed(lang)));
    context.insert("home", &urls::absolute(base, &urls::home(lang)));
    context.insert("updated", &timestamp(updated));
    context.insert("entries", &entries);
    Ok(OutputFile {
        path: urls::output_file(&urls::feed(lang)),
        bytes: tera.render("feed.xml", &context)?.into_bytes(),
    })
}

/// An Atom timestamp at midnight UTC of `date`.
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}
