//! Merging a translation file's values into the default-language item.
//!
//! Values are matched by field path (`title`, `locations.1.address`); whatever finds no place
//! (a third location when the default file has two) is reported on the translation's line.

use super::fields::{FileCtx, Translation};
use crate::model::{
    Body, Brochure, Contact, Home, Lang, Licence, Listing, Localized, Location, Page, Partnership,
    Provider, Service,
};

/// A content item that a translation can fill.
pub trait Translate {
    /// Takes its translatable values out of `tr`.
    fn translate(&mut self, lang: Lang, tr: &mut Translation, body: Body);
}

fn text(target: &mut Localized<String>, lang: Lang, tr: &mut Translation, path: &str) {
    if let Some(value) = tr.text(path) {
        target.set(lang, value);
    }
}

fn optional(target: &mut Option<Localized<String>>, lang: Lang, tr: &mut Translation, path: &str) {
    if let (Some(t), Some(value)) = (target.as_mut(), tr.text(path)) {
        t.set(lang, value);
    }
}

fn body(target: &mut Localized<Body>, lang: Lang, body: Body) {
    if !body.is_blank() {
        target.set(lang, body);
    }
}

fn listing(l: &mut Listing, lang: Lang, tr: &mut Translation, text_body: Body) {
    text(&mut l.title, lang, tr, "title");
    text(&mut l.summary, lang, tr, "summary");
    optional(&mut l.abbreviation, lang, tr, "abbreviation");
    // The deprecated list of citations translates by position, as `[[sources]]` do.
    if let Some(citations) = tr.list("sources") {
        for (source, citation) in l.sources.iter_mut().zip(citations) {
            source.title.set(lang, citation);
        }
    }
    for (i, source) in l.sources.iter_mut().enumerate() {
        text(&mut source.title, lang, tr, &format!("sources.{i}.title"));
        optional(&mut source.reference, lang, tr, &format!("sources.{i}.ref"));
    }
    body(&mut l.body, lang, text_body);
}

fn locations(list: &mut [Location], lang: Lang, tr: &mut Translation) {
    for (i, location) in list.iter_mut().enumerate() {
        text(
            &mut location.address,
            lang,
            tr,
            &format!("locations.{i}.address"),
        );
        optional(&mut location.note, lang, tr, &format!("locations.{i}.note"));
    }
}

fn licences(list: &mut [Licence], lang: Lang, tr: &mut Translation) {
    for (i, licence) in list.iter_mut().enumerate() {
        optional(&mut licence.scope, lang, tr, &format!("licences.{i}.scope"));
    }
}

fn contact(c: &mut Contact, lang: Lang, tr: &mut Translation) {
    optional(&mut c.person, lang, tr, "contact.person");
}

impl Translate for Service {
    fn translate(&mut self, lang: Lang, tr: &mut Translation, body: Body) {
        listing(&mut self.listing, lang, tr, body);
        locations(&mut self.locations, lang, tr);
        licences(&mut self.licences, lang, tr);
        contact(&mut self.contact, lang, tr);
    }
}

impl Translate for Provider {
    fn translate(&mut self, lang: Lang, tr: &mut Translation, body: Body) {
        listing(&mut self.listing, lang, tr, body);
        locations(&mut self.locations, lang, tr);
        licences(&mut self.licences, lang, tr);
        contact(&mut self.contact, lang, tr);
    }
}

impl Translate for Partnership {
    fn translate(&mut self, lang: Lang, tr: &mut Translation, body: Body) {
        listing(&mut self.listing, lang, tr, body);
        optional(&mut self.legal_basis, lang, tr, "legal_basis");
    }
}

impl Translate for Page {
    fn translate(&mut self, lang: Lang, tr: &mut Translation, text_body: Body) {
        text(&mut self.title, lang, tr, "title");
        optional(&mut self.summary, lang, tr, "summary");
        body(&mut self.body, lang, text_body);
    }
}

impl Translate for Brochure {
    fn translate(&mut self, lang: Lang, tr: &mut Translation, text_body: Body) {
        text(&mut self.title, lang, tr, "title");
        optional(&mut self.event, lang, tr, "event");
        body(&mut self.body, lang, text_body);
    }
}

impl Translate for Home {
    fn translate(&mut self, lang: Lang, tr: &mut Translation, text_body: Body) {
        optional(&mut self.title, lang, tr, "title");
        optional(&mut self.summary, lang, tr, "summary");
        body(&mut self.body, lang, text_body);
    }
}

/// Reports the translated values that found no place in the default-language item.
pub fn report_leftovers(ctx: &FileCtx<'_>, tr: Translation) {
    for (path, (span, _)) in tr.values {
        let (what, fix) = match path.split('.').next() {
            Some(list @ ("locations" | "licences" | "sources")) => (
                format!(
                    "this translation has more [[{list}]] than {} (`{path}` has no counterpart)",
                    ctx.default_path
                ),
                format!(
                    "[[{list}]] in a translation repeat the default file's by position: delete the extra one here, or add it to {}",
                    ctx.default_path
                ),
            ),
            _ => (
                format!("`{path}` has no counterpart in {}", ctx.default_path),
                format!(
                    "add the field to {} first; the translation only translates it",
                    ctx.default_path
                ),
            ),
        };
        ctx.error(span, what, fix);
    }
}
