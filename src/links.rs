//! The link check: every internal link and image of the content's bodies
//! ([`Site::links`]) must lead to a file the build writes.
//!
//! A stage after rendering: it takes the set of output paths (`uslugi/x/index.html`,
//! `assets/style.css`, `broshuri/x.pdf`) and the site, and reports each target that is not
//! among them at the link's place in its file, with the closest page or file as a suggestion.

use std::collections::BTreeSet;

use crate::diagnostics::{Diagnostic, Severity, suggest};
use crate::model::{ContentLink, Kind, Lang, LinkKind, Site};
use crate::urls;

/// The links and images of `site`'s bodies that lead to no file of `written` (the output
/// paths of a build, relative to the output folder), as errors at their places.
pub fn check_links(site: &Site, written: &BTreeSet<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for link in &site.links {
        // A relative target depends on the page it is shown on: a Bulgarian body is also
        // shown on the English page while that has no text of its own.
        let missing = shown_on(site, link)
            .into_iter()
            .filter_map(|(lang, page)| Some((lang, resolve(&page, &link.target)?)))
            .find(|(_, path)| !exists(path, written));
        if let Some((lang, path)) = missing {
            out.push(missing_target(link, lang, &path, written));
        }
    }
    out
}

/// Is the site path `path` (`/uslugi/x/`, `/uslugi/x`, `/assets/a.png`) a file of `written`?
fn exists(path: &str, written: &BTreeSet<String>) -> bool {
    let file = urls::output_file(path);
    written.contains(&file)
        || (!path.ends_with('/') && written.contains(&format!("{file}/index.html")))
}

/// The error for a link whose target resolved to the site path `path` on the page in `lang`,
/// which is not there.
fn missing_target(
    link: &ContentLink,
    lang: Lang,
    path: &str,
    written: &BTreeSet<String>,
) -> Diagnostic {
    let mut target = format!("`{}`", link.target);
    if lang != link.lang {
        target.push_str(&format!(
            " (`{path}` on the {} page, which shows this text until it is translated)",
            lang.english_name()
        ));
    } else if !link.target.starts_with('/') {
        target.push_str(&format!(" (`{path}`)"));
    }
    let message = match link.what {
        LinkKind::Link => {
            format!("the link leads to {target}, which is not a page or file of the site")
        }
        LinkKind::Image => format!("the image {target} is not a file of the site"),
    };
    // Any file for links, files that are not pages for images.
    let candidates: Vec<String> = written
        .iter()
        .filter(|file| link.what == LinkKind::Link || !file.ends_with(".html"))
        .map(|file| url_of(file))
        .collect();
    let help = match suggest(path, candidates.iter().map(String::as_str)) {
        Some(near) => format!("did you mean `{near}`?"),
        None => match link.what {
            LinkKind::Link => "write the address of one of the site's pages, e.g. `/uslugi/<id>/` for a service, `/dostavchitsi/<id>/` for a provider, `/<id>/` for a page (`/en/…` in English)".to_string(),
            LinkKind::Image => "put the image among the theme's static files (themes/default/static/, published under /assets/), or correct the address".to_string(),
        },
    };
    Diagnostic {
        path: link.path.clone(),
        line: link.line,
        column: link.column,
        severity: Severity::Error,
        message,
        help: Some(help),
        source_line: Some(link.source_line.clone()),
    }
}

/// The site path of an output file: `uslugi/x/index.html` → `/uslugi/x/`.
fn url_of(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => format!("/{folder}"),
        _ => format!("/{file}"),
    }
}

/// The languages and URLs of the pages (or brochures) `link`'s body is shown on.
fn shown_on(site: &Site, link: &ContentLink) -> Vec<(Lang, String)> {
    let langs: Vec<Lang> = match link.lang {
        Lang::Bg => Lang::ALL
            .into_iter()
            .filter(|&lang| lang.is_default() || !translated(site, link, lang))
            .collect(),
        lang => vec![lang],
    };
    langs
        .into_iter()
        .map(|lang| (lang, page_url(link.kind, &link.id, lang)))
        .collect()
}

/// Does the item of `link` have a body of its own in `lang`?
fn translated(site: &Site, link: &ContentLink, lang: Lang) -> bool {
    let id = link.id.as_str();
    match link.kind {
        Kind::Home => site.home.body.has(lang),
        Kind::Service => site
            .services
            .get(id)
            .is_some_and(|x| x.listing.body.has(lang)),
        Kind::Provider => site
            .providers
            .get(id)
            .is_some_and(|x| x.listing.body.has(lang)),
        Kind::Partnership => site
            .partnerships
            .get(id)
            .is_some_and(|x| x.listing.body.has(lang)),
        Kind::Page => site.pages.get(id).is_some_and(|x| x.body.has(lang)),
        Kind::Brochure => site.brochures.get(id).is_some_and(|x| x.body.has(lang)),
    }
}

/// The URL a body of `kind` and `id` is shown at in `lang` (a brochure's body is printed).
fn page_url(kind: Kind, id: &str, lang: Lang) -> String {
    match kind {
        Kind::Home => urls::home(lang),
        Kind::Service => urls::service(lang, id),
        Kind::Provider => urls::provider(lang, id),
        Kind::Partnership => urls::partnership(lang, id),
        Kind::Page => urls::page(lang, id),
        Kind::Brochure => urls::event_brochure(lang, id),
    }
}

/// The site path `target` leads to from the page at `page`: query and fragment dropped,
/// relative paths resolved, `.` and `..` removed, percent-escapes decoded. `None` when only
/// a fragment or query is left (the page itself).
fn resolve(page: &str, target: &str) -> Option<String> {
    let target = target.trim();
    let path = target.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty() {
        return None;
    }
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        let folder = &page[..page.rfind('/').map_or(0, |i| i + 1)];
        format!("{folder}{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = joined.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
        // `x/.` and `x/..` name folders: keep the closing `/`.
        if last && matches!(*segment, "." | "..") {
            parts.push("");
        }
    }
    Some(percent_decode(&format!("/{}", parts.join("/"))))
}

/// Decodes `%XX` escapes; a text whose escapes do not make UTF-8 is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_page() {
        let page = "/uslugi/a/";
        assert_eq!(resolve(page, "/uslugi/b/#x").as_deref(), Some("/uslugi/b/"));
        assert_eq!(resolve(page, "../b/?q=1").as_deref(), Some("/uslugi/b/"));
        assert_eq!(
            resolve(page, "snimka.png").as_deref(),
            Some("/uslugi/a/snimka.png")
        );
        assert_eq!(resolve(page, "../../../x").as_deref(), Some("/x"));
        assert_eq!(resolve(page, "..").as_deref(), Some("/uslugi/"));
        assert_eq!(resolve(page, "#x"), None);
        assert_eq!(
            resolve("/broshuri/a.pdf", "b.pdf").as_deref(),
            Some("/broshuri/b.pdf")
        );
        assert_eq!(
            resolve(page, "/%D0%B0/").as_deref(),
            Some("/а/"),
            "percent-escapes are decoded"
        );
        assert_eq!(resolve(page, "/%ZZ%").as_deref(), Some("/%ZZ%"));
    }

    #[test]
    fn a_page_exists_with_or_without_its_slash() {
        let written: BTreeSet<String> = ["uslugi/a/index.html", "assets/a.png", "index.html"]
            .map(String::from)
            .into();
        for path in ["/uslugi/a/", "/uslugi/a", "/assets/a.png", "/"] {
            assert!(exists(path, &written), "{path}");
        }
        for path in ["/uslugi/b/", "/assets/a.png/", "/assets"] {
            assert!(!exists(path, &written), "{path}");
        }
        assert_eq!(url_of("uslugi/a/index.html"), "/uslugi/a/");
        assert_eq!(url_of("index.html"), "/");
        assert_eq!(url_of("assets/a.png"), "/assets/a.png");
    }
}
