//! The Atom feed of one language: "what's new" — the listings most recently checked.

use std::fmt::Write;

use crate::escape::xml as escape;
use crate::model::{Date, Listing};
use crate::output::OutputFile;
use crate::render::view::Ctx;
use crate::urls;

/// How many entries a feed holds.
const ENTRIES: usize = 30;

/// The Atom feed of `ctx.lang`: services, providers and partnerships, newest
/// [`Listing::as_of`] first. Its `updated` is the newest entry's date, so the feed changes only with content.
pub fn feed(ctx: &Ctx<'_>) -> OutputFile {
    let site = ctx.site;
    let base = &site.config.base_url;
    let lang = ctx.lang;
    let mut entries: Vec<(&Listing, String)> = Vec::new();
    entries.extend(
        site.services
            .values()
            .map(|s| (&s.listing, urls::service(lang, s.id.as_str()))),
    );
    entries.extend(
        site.providers
            .values()
            .map(|p| (&p.listing, urls::provider(lang, p.id.as_str()))),
    );
    entries.extend(
        site.partnerships
            .values()
            .map(|p| (&p.listing, urls::partnership(lang, p.id.as_str()))),
    );
    entries.sort_by(|a, b| b.0.as_of().cmp(&a.0.as_of()).then_with(|| a.1.cmp(&b.1)));
    entries.truncate(ENTRIES);
    let updated = entries
        .first()
        .and_then(|e| e.0.as_of())
        .unwrap_or(ctx.date);
    let home = urls::absolute(base, &urls::home(lang));
    let own = urls::absolute(base, &urls::feed(lang));
    let title = format!(
        "{} — {}",
        ctx.text(&site.config.title).text,
        ctx.strings.get("feed-title")
    );
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{}</updated>\n  <author><name>{}</name></author>\n",
        lang.code(),
        escape(&title),
        escape(&home),
        escape(&own),
        escape(&home),
        timestamp(updated),
        escape(&ctx.text(&site.config.title).text),
    );
    for (listing, url) in entries {
        let link = urls::absolute(base, &url);
        let summary = ctx.text(&listing.summary);
        let _ = write!(
            xml,
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}</updated>\n    <summary xml:lang=\"{}\">{}</summary>\n  </entry>\n",
            escape(&ctx.text(&listing.title).text),
            escape(&link),
            escape(&link),
            timestamp(listing.as_of().unwrap_or(updated)),
            summary.lang.code(),
            escape(&summary.text),
        );
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: urls::output_file(&urls::feed(lang)),
        bytes: xml.into_bytes(),
    }
}

/// An Atom timestamp at midnight UTC of `date`.
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00Z")
}
