//! Checking one content item again — its default-language file and its translation — inside
//! a site that was checked whole before, for `serve`'s quick rebuilds.
//!
//! A file is read against the ids and vocabularies of that site. This gives what a whole
//! check gives as long as the set of content files is the same; when a file appears or
//! disappears, [`recheck_item`] says so and the caller checks the whole site.

use std::collections::{BTreeMap, BTreeSet};

use super::{Assembly, Item, read_files};
use crate::diagnostics::{self, Diagnostic};
use crate::load::{self, ContentFile};
use crate::model::Kind;
use crate::model::{Date, Lang, Site};

use super::known::Known;

/// What checking one item again found.
#[derive(Debug)]
pub enum Recheck {
    /// The item was read. Without errors it has replaced its old version in the site;
    /// with errors the site is as it was. Either way, these are the diagnostics of its files
    /// (`paths`), sorted, to replace the ones they had.
    Read {
        /// The item's files, relative to the site folder (`content/services/x.md`, `….en.md`).
        paths: Vec<String>,
        /// Their diagnostics now.
        diagnostics: Vec<Diagnostic>,
    },
    /// The item's default-language file appeared or disappeared (or cannot be read on its
    /// own): other files' references may change, so check the whole site.
    WholeSite,
}

/// Reads the item `id` of `kind` again from disk and, when it has no errors, puts it into
/// `site` in place of its old version.
pub fn recheck_item(site: &mut Site, kind: Kind, id: &str, today: Date) -> Recheck {
    let folder = match kind {
        Kind::Home => "content".to_string(),
        kind => format!("content/{}", kind.folder()),
    };
    let paths: Vec<String> = Lang::ALL
        .iter()
        .map(|lang| match lang.is_default() {
            true => format!("{folder}/{id}.md"),
            false => format!("{folder}/{id}.{}.md", lang.code()),
        })
        .collect();
    let exists = |relative: &str| {
        std::fs::symlink_metadata(site.root.join(relative)).is_ok_and(|m| m.file_type().is_file())
    };
    if exists(&paths[0]) != has_item(site, kind, id) {
        return Recheck::WholeSite;
    }
    let max = site.config.max_file_size;
    let mut files: Vec<ContentFile> = Vec::new();
    let mut out: Vec<Diagnostic> = Vec::new();
    for relative in &paths {
        let Ok(Some(place)) = load::classify(relative) else {
            return Recheck::WholeSite;
        };
        let full = site.root.join(relative);
        if !exists(relative) {
            if full.exists() {
                // A symlink or a folder: the whole check says what is wrong with it.
                return Recheck::WholeSite;
            }
            continue;
        }
        // The same reading as the whole check's, text rules included.
        let (file, problems) = load::read_content(&site.root, &full, &place, max);
        files.extend(file);
        out.extend(problems);
    }
    let ids = ids_of(site);
    let known = Known {
        vocabularies: &site.vocabularies,
        today,
        stale_after_days: site.config.stale_after_days,
        compress_bodies: super::known::compress_bodies(&ids),
        ids,
    };
    let results = read_files(&files, &known);
    let links: Vec<_> = results.iter().flat_map(|r| r.links.clone()).collect();
    let old = take_item(site, kind, id);
    // Lang::ALL starts with the default language: the item comes before its translations.
    let mut assembly = Assembly::default();
    for result in results {
        out.extend(assembly.add(site, result));
    }
    out.extend(assembly.untranslated());
    diagnostics::sort(&mut out);
    if out.iter().any(Diagnostic::is_error) || !has_item(site, kind, id) {
        take_item(site, kind, id);
        if let Some(old) = old {
            super::insert(site, old);
        }
    } else {
        site.links.retain(|l| !(l.kind == kind && l.id == id));
        site.links.extend(links);
    }
    Recheck::Read {
        paths,
        diagnostics: out,
    }
}

/// The ids of every content kind in `site`: for a cleanly checked site, the ids of its
/// default-language files.
fn ids_of(site: &Site) -> BTreeMap<Kind, BTreeSet<String>> {
    fn set<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
        ids.map(str::to_string).collect()
    }
    let mut ids = BTreeMap::new();
    ids.insert(Kind::Service, set(site.services.keys().map(|k| k.as_str())));
    ids.insert(
        Kind::Provider,
        set(site.providers.keys().map(|k| k.as_str())),
    );
    ids.insert(
        Kind::Partnership,
        set(site.partnerships.keys().map(|k| k.as_str())),
    );
    ids.insert(Kind::Page, set(site.pages.keys().map(|k| k.as_str())));
    ids.insert(
        Kind::Brochure,
        set(site.brochures.keys().map(|k| k.as_str())),
    );
    ids
}

fn has_item(site: &Site, kind: Kind, id: &str) -> bool {
    match kind {
        Kind::Home => site.home.origin.is_some(),
        Kind::Service => site.services.contains_key(id),
        Kind::Provider => site.providers.contains_key(id),
        Kind::Partnership => site.partnerships.contains_key(id),
        Kind::Page => site.pages.contains_key(id),
        Kind::Brochure => site.brochures.contains_key(id),
    }
}

/// Removes an item from the site, returning it (the home page is reset to none).
fn take_item(site: &mut Site, kind: Kind, id: &str) -> Option<Item> {
    match kind {
        Kind::Home => site.home.origin.is_some().then(|| {
            let empty = crate::model::Home {
                title: None,
                summary: None,
                body: crate::model::Localized::new(crate::model::Body::default()),
                origin: None,
            };
            Item::Home(std::mem::replace(&mut site.home, empty))
        }),
        Kind::Service => site.services.remove(id).map(Item::Service),
        Kind::Provider => site.providers.remove(id).map(Item::Provider),
        Kind::Partnership => site.partnerships.remove(id).map(Item::Partnership),
        Kind::Page => site.pages.remove(id).map(Item::Page),
        Kind::Brochure => site.brochures.remove(id).map(Item::Brochure),
    }
}
