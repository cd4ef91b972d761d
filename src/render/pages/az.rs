//! The A–Z lists: every service at `/uslugi/` (`/en/services/`) and every organisation at
//! `/dostavchitsi/` (`/en/providers/`), the parents of their pages' URLs, grouped by the first
//! letter of the title in the page's language. They work without JavaScript: a citizen whose
//! search does not run can still find every listing.

use serde::Serialize;

use crate::model::{Lang, Listing, Provider, Service, Site, Vocab};
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

/// The most entries one page of an A–Z list shows. A longer list (a national directory's
/// 100,000 services) is split into parts of this many, in order, each its own page: one
/// page would weigh tens of megabytes, more than an old phone opens, and so would the
/// memory it takes to make.
pub const PART_SIZE: usize = 1_000;

impl AzList {
    /// How many entries the list has in `site`.
    pub fn len(self, site: &Site) -> usize {
        match self {
            AzList::Services => site.services.len(),
            AzList::Providers => site.providers.len(),
        }
    }

    /// How many pages the list takes in `site` (at least one, which may be empty).
    pub fn parts(self, site: &Site) -> u32 {
        u32::try_from(self.len(site).div_ceil(PART_SIZE).max(1)).unwrap_or(u32::MAX)
    }

    /// The URL of its part `part` (from 1) in `lang`.
    pub fn url(self, lang: Lang, part: u32) -> String {
        let first = match self {
            AzList::Services => urls::all_services(lang),
            AzList::Providers => urls::all_providers(lang),
        };
        urls::list_part(lang, &first, part)
    }
}

/// A listing in an A–Z list.
#[derive(Clone, Copy, Debug)]
pub enum AzItem<'a> {
    /// A service.
    Service(&'a Service),
    /// An organisation.
    Provider(&'a Provider),
}

impl AzItem<'_> {
    fn listing(&self) -> &Listing {
        match self {
            AzItem::Service(s) => &s.listing,
            AzItem::Provider(p) => &p.listing,
        }
    }
}

/// Every entry of `list` in `site`, in id order.
pub fn items(site: &Site, list: AzList) -> Vec<AzItem<'_>> {
    match list {
        AzList::Services => site.services.values().map(|s| AzItem::Service(s)).collect(),
        AzList::Providers => site.providers.values().map(AzItem::Provider).collect(),
    }
}

/// The order of `items` in an A–Z list in `lang` (by title in that language; equal titles
/// in id order), as positions in `items`, each with its letter.
pub fn sorted(items: &[AzItem<'_>], lang: Lang) -> Vec<(u32, String)> {
    let title = |i: usize| items[i].listing().title.get(lang).value.as_str();
    let mut keyed: Vec<((u8, String), u32)> = (0..items.len())
        .map(|i| (sort_key(title(i)), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    keyed.sort();
    keyed
        .into_iter()
        .map(|(_, at)| (at, letter(title(at as usize))))
        .collect()
}

/// The context of `a-z.html`.
#[derive(Debug, Serialize)]
pub struct AzPage {
    /// `services` or `providers` (the template's strings depend on it).
    pub list: &'static str,
    /// The groups on this page, in alphabetical order (a group split between two pages
    /// starts again on the second).
    pub groups: Vec<Group>,
    /// Every letter of the whole list, each linking to its group: on this page when the
    /// group is on it (`#az-3`), else to the page where the group starts.
    pub letters: Vec<Link>,
    /// How many entries in all.
    pub count: usize,
    /// This page's number in the list, from 1.
    pub part: u32,
    /// The list's pages, when there is more than one; else empty.
    pub parts: Vec<PartLink>,
    /// The previous page's URL, if this is not the first.
    pub previous: Option<String>,
    /// The next page's URL, if this is not the last.
    pub next: Option<String>,
}

/// One page of a list that takes several.
#[derive(Debug, Serialize)]
pub struct PartLink {
    /// Its number, from 1.
    pub number: u32,
    /// Its URL.
    pub url: String,
    /// Is it the page shown?
    pub current: bool,
    /// The first and last entries' titles, to say what it holds.
    pub from: String,
    /// See `from`.
    pub to: String,
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

/// Builds the context of part `part` (from 1) of an A–Z list in `ctx.lang`, from the list
/// in order (`ctx.index` keeps it, made once per language).
pub fn context(ctx: &Ctx<'_>, list: AzList, part: u32) -> AzPage {
    let site = ctx.site;
    let default_area = site.config.area_served.as_ref();
    let all = ctx.index.az(list, ctx.lang);
    let parts = list.parts(site);
    let at = |number: u32| {
        let start = (number as usize - 1) * PART_SIZE;
        start.min(all.len())..(start + PART_SIZE).min(all.len())
    };
    // The runs of one letter in the whole list (a letter's group), each with where it
    // starts: group `g` has the anchor `az-{g + 1}` on every page it is on.
    let mut runs: Vec<(&str, usize)> = Vec::new();
    for (i, (_, letter)) in all.iter().enumerate() {
        if runs.last().is_none_or(|(l, _)| l != letter) {
            runs.push((letter, i));
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let range = at(part);
    for (i, (item, letter)) in all[range.clone()].iter().enumerate() {
        let e = match item {
            AzItem::Service(s) => Entry {
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
            },
            AzItem::Provider(p) => entry(
                ctx,
                &p.listing,
                urls::provider(ctx.lang, p.id.as_str()),
                ctx.strings.label(Vocab::ProviderKinds, p.kind.as_str()),
            ),
        };
        match groups.last_mut() {
            Some(group) if &group.letter == letter => group.entries.push(e),
            _ => {
                let run = runs.partition_point(|(_, start)| *start <= range.start + i);
                groups.push(Group {
                    anchor: format!("az-{run}"),
                    letter: letter.to_string(),
                    entries: vec![e],
                });
            }
        }
    }
    let title = |i: usize| {
        let (item, _) = &all[i];
        ctx.text(&item.listing().title).text
    };
    AzPage {
        list: match list {
            AzList::Services => "services",
            AzList::Providers => "providers",
        },
        groups,
        letters: runs
            .iter()
            .enumerate()
            .map(|(g, (letter, start))| {
                let end = runs.get(g + 1).map_or(all.len(), |(_, next)| *next);
                let here = *start < range.end && end > range.start;
                let page = if here {
                    String::new()
                } else {
                    list.url(
                        ctx.lang,
                        u32::try_from(start / PART_SIZE + 1).unwrap_or(u32::MAX),
                    )
                };
                Link {
                    url: format!("{page}#az-{}", g + 1),
                    label: Text::own(*letter, ctx.lang),
                }
            })
            .collect(),
        count: all.len(),
        part,
        parts: if parts > 1 {
            (1..=parts)
                .map(|number| {
                    let range = at(number);
                    PartLink {
                        number,
                        url: list.url(ctx.lang, number),
                        current: number == part,
                        from: title(range.start),
                        to: title(range.end - 1),
                    }
                })
                .collect()
        } else {
            Vec::new()
        },
        previous: (part > 1).then(|| list.url(ctx.lang, part - 1)),
        next: (part < parts).then(|| list.url(ctx.lang, part + 1)),
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
