//! Every URL of the site, made in one place (contract §4).
//!
//! Pages, search records, the sitemap, feeds and QR codes all take their URLs from here.
//! URLs are site-absolute paths (`/uslugi/<id>/`); [`absolute`] joins one to `base_url`.

use crate::model::{Lang, Vocab};

/// The path prefix of a language: `/` for Bulgarian, `/en/` for English.
pub fn home(lang: Lang) -> String {
    match lang {
        Lang::Bg => "/".to_string(),
        Lang::En => "/en/".to_string(),
    }
}

fn section(lang: Lang, bg: &str, en: &str, id: &str) -> String {
    match lang {
        Lang::Bg => format!("/{bg}/{id}/"),
        Lang::En => format!("/en/{en}/{id}/"),
    }
}

/// A service page: `/uslugi/<id>/`, `/en/services/<id>/`.
pub fn service(lang: Lang, id: &str) -> String {
    section(lang, "uslugi", "services", id)
}

/// The A–Z list of every service, the parent of their pages: `/uslugi/`, `/en/services/`.
pub fn all_services(lang: Lang) -> String {
    service(lang, "").trim_end_matches('/').to_string() + "/"
}

/// The A–Z list of every organisation: `/dostavchitsi/`, `/en/providers/`.
pub fn all_providers(lang: Lang) -> String {
    provider(lang, "").trim_end_matches('/').to_string() + "/"
}

/// Page `part` (from 1) of a list that takes several, whose first page is at `first`:
/// `first` itself, then `/uslugi/stranitsa/2/`, `/en/services/page/2/`. (No listing has
/// such a page: a listing's folder holds only its page and its brochure.)
pub fn list_part(lang: Lang, first: &str, part: u32) -> String {
    if part <= 1 {
        return first.to_string();
    }
    let word = match lang {
        Lang::Bg => "stranitsa",
        Lang::En => "page",
    };
    format!("{first}{word}/{part}/")
}

/// A provider page: `/dostavchitsi/<id>/`, `/en/providers/<id>/`.
pub fn provider(lang: Lang, id: &str) -> String {
    section(lang, "dostavchitsi", "providers", id)
}

/// A partnership page: `/partnyorstva/<id>/`, `/en/partnerships/<id>/`.
pub fn partnership(lang: Lang, id: &str) -> String {
    section(lang, "partnyorstva", "partnerships", id)
}

/// A free page: `/<id>/`, `/en/<id>/`.
pub fn page(lang: Lang, id: &str) -> String {
    format!("{}{id}/", home(lang))
}

/// The search page: `/tarsene/`, `/en/search/`.
pub fn search(lang: Lang) -> String {
    match lang {
        Lang::Bg => "/tarsene/".to_string(),
        Lang::En => "/en/search/".to_string(),
    }
}

/// The folder of a language's search index: `/search/bg/`.
pub fn search_index(lang: Lang) -> String {
    format!("/search/{}/", lang.code())
}

/// The manifest the search page starts from: `/search/bg/manifest.json` (the one index file
/// whose name carries no content hash).
pub fn search_manifest(lang: Lang) -> String {
    format!("{}manifest.json", search_index(lang))
}

/// The open data page: `/otvoreni-danni/`, `/en/open-data/`.
pub fn open_data(lang: Lang) -> String {
    match lang {
        Lang::Bg => "/otvoreni-danni/".to_string(),
        Lang::En => "/en/open-data/".to_string(),
    }
}

/// The accessibility statement: `/dostapnost/`, `/en/accessibility/`.
pub fn accessibility(lang: Lang) -> String {
    match lang {
        Lang::Bg => "/dostapnost/".to_string(),
        Lang::En => "/en/accessibility/".to_string(),
    }
}

/// The sources page, every document the listings cite: `/iztochnitsi/`, `/en/sources/`.
pub fn sources(lang: Lang) -> String {
    match lang {
        Lang::Bg => "/iztochnitsi/".to_string(),
        Lang::En => "/en/sources/".to_string(),
    }
}

/// One document on the sources page: `/iztochnitsi/#<anchor>`.
pub fn source(lang: Lang, anchor: &str) -> String {
    format!("{}#{anchor}", sources(lang))
}

/// A provider's brochure: `/dostavchitsi/<id>/brochure.pdf`, `/en/providers/<id>/brochure.pdf`.
pub fn provider_brochure(lang: Lang, id: &str) -> String {
    format!("{}brochure.pdf", provider(lang, id))
}

/// The page listing the printed brochures: `/broshuri/`, `/en/brochures/`.
pub fn brochures(lang: Lang) -> String {
    match lang {
        Lang::Bg => "/broshuri/".to_string(),
        Lang::En => "/en/brochures/".to_string(),
    }
}

/// An event brochure: `/broshuri/<id>.pdf`, `/en/brochures/<id>.pdf`.
pub fn event_brochure(lang: Lang, id: &str) -> String {
    format!("{}{id}.pdf", brochures(lang))
}

/// An A5 event brochure imposed on A4 sheets to print on both sides and fold:
/// `/broshuri/<id>.a4-booklet.pdf`, `/en/brochures/<id>.a4-booklet.pdf` (ids have no `.`, so
/// these never clash with a brochure's own file).
pub fn event_booklet(lang: Lang, id: &str) -> String {
    event_brochure(lang, &format!("{id}.a4-booklet"))
}

/// The folder of a vocabulary's listing pages: Bulgarian words transliterated, English words.
fn vocab_folder(vocab: Vocab, lang: Lang) -> &'static str {
    match (vocab, lang) {
        (Vocab::ServiceTypes, Lang::Bg) => "vidove-uslugi",
        (Vocab::ServiceTypes, Lang::En) => "service-types",
        (Vocab::Activities, Lang::Bg) => "deynosti",
        // Not "activities": the Ruse site has a free page of that name (`/en/activities/`).
        (Vocab::Activities, Lang::En) => "activity-groups",
        (Vocab::TargetGroups, Lang::Bg) => "tselevi-grupi",
        (Vocab::TargetGroups, Lang::En) => "target-groups",
        (Vocab::Funding, Lang::Bg) => "finansirane",
        (Vocab::Funding, Lang::En) => "funding",
        (Vocab::Localities, Lang::Bg) => "naseleni-mesta",
        (Vocab::Localities, Lang::En) => "places",
        (Vocab::ProviderKinds, Lang::Bg) => "vidove-organizatsii",
        (Vocab::ProviderKinds, Lang::En) => "provider-kinds",
        (Vocab::PartnershipKinds, Lang::Bg) => "vidove-partnyorstva",
        (Vocab::PartnershipKinds, Lang::En) => "partnership-kinds",
    }
}

/// The listing page of one vocabulary term: `/tselevi-grupi/<id>/`, `/en/target-groups/<id>/`.
pub fn term(lang: Lang, vocab: Vocab, id: &str) -> String {
    format!("{}{}/{id}/", home(lang), vocab_folder(vocab, lang))
}

/// The page listing every term of a vocabulary: `/tselevi-grupi/`, `/en/target-groups/`.
pub fn vocabulary(lang: Lang, vocab: Vocab) -> String {
    format!("{}{}/", home(lang), vocab_folder(vocab, lang))
}

/// The "page not found" page: `/404.html`, `/en/404.html` (static hosts serve `/404.html`).
pub fn not_found(lang: Lang) -> String {
    format!("{}404.html", home(lang))
}

/// The Atom feed of recently checked listings: `/feed.xml`, `/en/feed.xml`.
pub fn feed(lang: Lang) -> String {
    format!("{}feed.xml", home(lang))
}

/// The sitemap of both languages (or, for a site with more than 50,000 URLs, the index of
/// its parts).
pub fn sitemap() -> String {
    "/sitemap.xml".to_string()
}

/// Part `n` (from 1) of a sitemap split in parts: `/sitemap-1.xml`.
pub fn sitemap_part(n: usize) -> String {
    format!("/sitemap-{n}.xml")
}

/// The file for crawlers.
pub fn robots() -> String {
    "/robots.txt".to_string()
}

/// A static file of the theme (`style.css` → `/assets/style.css`).
pub fn asset(path: &str) -> String {
    format!("/assets/{path}")
}

/// An OpenStreetMap link that shows a point on the map.
pub fn map(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lon:.6}#map=18/{lat:.6}/{lon:.6}")
}

/// Joins a site path to the site's `base_url` (which ends with `/`).
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}{}", base_url.trim_end_matches('/'), path)
}

/// The file a page URL is written to, relative to the output folder: `/uslugi/x/` →
/// `uslugi/x/index.html`; `/broshuri/x.pdf` stays `broshuri/x.pdf`.
pub fn output_file(url: &str) -> String {
    let path = url.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_urls() {
        assert_eq!(service(Lang::Bg, "a"), "/uslugi/a/");
        assert_eq!(service(Lang::En, "a"), "/en/services/a/");
        assert_eq!(provider(Lang::Bg, "a"), "/dostavchitsi/a/");
        assert_eq!(all_services(Lang::Bg), "/uslugi/");
        assert_eq!(all_services(Lang::En), "/en/services/");
        assert_eq!(all_providers(Lang::Bg), "/dostavchitsi/");
        assert_eq!(all_providers(Lang::En), "/en/providers/");
        assert_eq!(provider(Lang::En, "a"), "/en/providers/a/");
        assert_eq!(partnership(Lang::Bg, "a"), "/partnyorstva/a/");
        assert_eq!(partnership(Lang::En, "a"), "/en/partnerships/a/");
        assert_eq!(page(Lang::Bg, "a"), "/a/");
        assert_eq!(page(Lang::En, "a"), "/en/a/");
        assert_eq!(search(Lang::Bg), "/tarsene/");
        assert_eq!(search(Lang::En), "/en/search/");
        assert_eq!(accessibility(Lang::Bg), "/dostapnost/");
        assert_eq!(accessibility(Lang::En), "/en/accessibility/");
        assert_eq!(
            provider_brochure(Lang::Bg, "a"),
            "/dostavchitsi/a/brochure.pdf"
        );
        assert_eq!(
            provider_brochure(Lang::En, "a"),
            "/en/providers/a/brochure.pdf"
        );
        assert_eq!(event_brochure(Lang::Bg, "a"), "/broshuri/a.pdf");
        assert_eq!(event_brochure(Lang::En, "a"), "/en/brochures/a.pdf");
        assert_eq!(event_booklet(Lang::Bg, "a"), "/broshuri/a.a4-booklet.pdf");
    }

    #[test]
    fn output_files_and_absolute_urls() {
        assert_eq!(output_file("/"), "index.html");
        assert_eq!(output_file("/en/services/a/"), "en/services/a/index.html");
        assert_eq!(output_file("/broshuri/a.pdf"), "broshuri/a.pdf");
        assert_eq!(
            absolute("https://x.org/", "/uslugi/a/"),
            "https://x.org/uslugi/a/"
        );
        assert_eq!(
            term(Lang::Bg, Vocab::TargetGroups, "children"),
            "/tselevi-grupi/children/"
        );
        assert_eq!(not_found(Lang::En), "/en/404.html");
        assert_eq!(feed(Lang::Bg), "/feed.xml");
        assert_eq!(
            map(43.85, 25.95),
            "https://www.openstreetmap.org/?mlat=43.850000&mlon=25.950000#map=18/43.850000/25.950000"
        );
    }
}
