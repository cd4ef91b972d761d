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

/// An A–Z list in the order of one language.
pub struct AzOrder {
    /// Positions in the list's entries (id order), in the list's order.
    order: Vec<u32>,
    /// Its groups in order: each letter and where its run starts in `order`. Group `g` has
    /// the anchor `az-{g + 1}` on every page it is on.
    groups: Vec<(String, usize)>,
}

impl AzOrder {
    /// The order of `items` in an A–Z list in `lang`: by title in that language, equal
    /// titles in id order.
    pub fn new(items: &[AzItem<'_>], lang: Lang) -> AzOrder {
        let title = |i: usize| items[i].listing().title.get(lang).value.as_str();
        let mut keyed: Vec<((u8, String), u32)> = (0..items.len())
            .map(|i| (sort_key(title(i)), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        keyed.sort();
        let order: Vec<u32> = keyed.into_iter().map(|(_, at)| at).collect();
        let mut groups: Vec<(String, usize)> = Vec::new();
        for (i, at) in order.iter().enumerate() {
            let letter = letter(title(*at as usize));
            if groups.last().is_none_or(|(l, _)| *l != letter) {
                groups.push((letter, i));
            }
        }
        AzOrder { order, groups }
    }

    /// The group of the entry at `i` in the order.
    fn group_of(&self, i: usize) -> usize {
        self.groups.partition_point(|(_, start)| *start <= i) - 1
    }

    /// Where group `g` ends in the order.
    fn group_end(&self, g: usize) -> usize {
        self.groups
            .get(g + 1)
            .map_or(self.order.len(), |(_, next)| *next)
    }
}

/// The page (from 1) of the entry at `i` in a list's order.
fn part_of(i: usize) -> u32 {
    u32::try_from(i / PART_SIZE + 1).unwrap_or(u32::MAX)
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
    let (items, order) = ctx.index.az(list, ctx.lang);
    let item = |i: usize| items[order.order[i] as usize];
    let count = order.order.len();
    let parts = list.parts(site);
    let at = |number: u32| {
        let start = (number as usize - 1) * PART_SIZE;
        start.min(count)..(start + PART_SIZE).min(count)
    };
    let range = at(part);
    let mut groups: Vec<(usize, Group)> = Vec::new();
    for i in range.clone() {
        let e = match item(i) {
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
        let g = order.group_of(i);
        match groups.last_mut() {
            Some((last, group)) if *last == g => group.entries.push(e),
            _ => groups.push((
                g,
                Group {
                    anchor: format!("az-{}", g + 1),
                    letter: order.groups[g].0.clone(),
                    entries: vec![e],
                },
            )),
        }
    }
    let title = |i: usize| ctx.text(&item(i).listing().title).text;
    AzPage {
        list: match list {
            AzList::Services => "services",
            AzList::Providers => "providers",
        },
        groups: groups.into_iter().map(|(_, group)| group).collect(),
        letters: order
            .groups
            .iter()
            .enumerate()
            .map(|(g, (letter, start))| {
                let here = *start < range.end && order.group_end(g) > range.start;
                let page = match here {
                    true => String::new(),
                    false => list.url(ctx.lang, part_of(*start)),
                };
                Link {
                    url: format!("{page}#az-{}", g + 1),
                    label: Text::own(letter.clone(), ctx.lang),
                }
            })
            .collect(),
        count,
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
