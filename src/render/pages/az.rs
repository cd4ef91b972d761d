//! The A–Z lists: every service at `/uslugi/` (`/en/services/`) and every organisation at
//! `/dostavchitsi/` (`/en/providers/`), the parents of their pages' URLs, grouped by the first
//! letter of the title in the page's language. They work without JavaScript: a citizen whose
//! search does not run can still find every listing.

use serde::Serialize;

use crate::model::{Listing, Vocab};
use crate::render::view::{Ctx, Link, Text};
use crate::urls;

/// Which list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AzList {
    /// Every service.
    Services,
    /// Every organisation.
    Providers,
}

/// The context of `a-z.html`.
#[derive(Debug, Serialize)]
pub struct AzPage {
    /// `services` or `providers` (the template's strings depend on it).
    pub list: &'static str,
    /// The groups, in alphabetical order.
    pub groups: Vec<Group>,
    /// How many entries in all.
    pub count: usize,
}

/// The entries whose title starts with one letter.
#[derive(Debug, Serialize)]
pub struct Group {
    /// The letter as shown ("А", "B"; "0–9" for titles that start with a digit, "…" for
    /// anything else).
    pub letter: String,
    /// The group's anchor on the page.
    pub anchor: String,
    /// Its entries, by title.
    pub entries: Vec<Entry>,
}

/// One listing in an A–Z list.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// Its page, by its title.
    pub link: Link,
    /// Its summary.
    pub summary: Text,
    /// Its type: the service type, or the kind of organisation.
    pub kind: String,
    /// Where: the localities of a service; none for organisations.
    pub places: Vec<String>,
}

/// Builds the context of one A–Z list in `ctx.lang`.
pub fn context(ctx: &Ctx<'_>, list: AzList) -> AzPage {
    let site = ctx.site;
    let default_area = site.config.area_served.as_ref();
    let mut entries: Vec<Entry> = match list {
        AzList::Services => site
            .services
            .values()
            .map(|s| Entry {
                places: s
                    .localities(default_area)
                    .into_iter()
                    .map(|l| ctx.strings.label(Vocab::Localities, l.as_str()))
                    .collect(),
                ..entry(
                    ctx,
                    &s.listing,
                    urls::service(ctx.lang, s.id.as_str()),
                    ctx.strings
                        .label(Vocab::ServiceTypes, s.service_type.as_str()),
                )
            })
            .collect(),
        AzList::Providers => site
            .providers
            .values()
            .map(|p| {
                entry(
                    ctx,
                    &p.listing,
                    urls::provider(ctx.lang, p.id.as_str()),
                    ctx.strings.label(Vocab::ProviderKinds, p.kind.as_str()),
                )
            })
            .collect(),
    };
    let count = entries.len();
    entries.sort_by_cached_key(|e| sort_key(&e.link.label.text));
    let mut groups: Vec<Group> = Vec::new();
    for e in entries {
        let letter = letter(&e.link.label.text);
        match groups.last_mut() {
            Some(group) if group.letter == letter => group.entries.push(e),
            _ => groups.push(Group {
                anchor: format!("az-{}", groups.len() + 1),
                letter,
                entries: vec![e],
            }),
        }
    }
    AzPage {
        list: match list {
            AzList::Services => "services",
            AzList::Providers => "providers",
        },
        groups,
        count,
    }
}

fn entry(ctx: &Ctx<'_>, listing: &Listing, url: String, kind: String) -> Entry {
    Entry {
        link: Link {
            url,
            label: ctx.text(&listing.title),
        },
        summary: ctx.text(&listing.summary),
        kind,
        places: Vec::new(),
    }
}

/// The first letter or digit of a title (quotes and other marks before it skipped).
fn first_alphanumeric(title: &str) -> Option<char> {
    title.chars().find(|c| c.is_alphanumeric())
}

/// The group a title belongs in: its first letter in capitals, "0–9", or "…".
fn letter(title: &str) -> String {
    match first_alphanumeric(title) {
        Some(c) if c.is_numeric() => "0–9".to_string(),
        Some(c) => c.to_uppercase().collect(),
        None => "…".to_string(),
    }
}

/// How titles are ordered: digits first, then letters (Latin before Cyrillic, each in the
/// order of its alphabet, which for Bulgarian is the order of the Unicode block), then
/// anything else; case and the marks before the first letter do not count.
fn sort_key(title: &str) -> (u8, String) {
    let class = match first_alphanumeric(title) {
        Some(c) if c.is_numeric() => 0,
        Some(_) => 1,
        None => 2,
    };
    let start = title
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(i, _)| i);
    (class, title[start..].to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_group_by_their_first_letter_after_quotes() {
        assert_eq!(letter("„Майка и бебе“"), "М");
        assert_eq!(letter("дневен център"), "Д");
        assert_eq!(letter("112 и други"), "0–9");
        assert_eq!(letter("—"), "…");
    }

    #[test]
    fn bulgarian_titles_sort_in_the_alphabet_s_order() {
        let mut titles = vec!["Юлия", "Ъгъл", "Ангел", "„Щит“", "Жива", "Ябълка", "Бор"];
        titles.sort_by_cached_key(|t| sort_key(t));
        assert_eq!(
            titles,
            ["Ангел", "Бор", "Жива", "„Щит“", "Ъгъл", "Юлия", "Ябълка"]
        );
    }
}
