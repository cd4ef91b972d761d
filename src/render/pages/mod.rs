//! The pages of a site: which exist, where each lives, and the context its template gets.
//!
//! Every page is a [`PageKind`] rendered once per language with the same template; the
//! context is the page's own view under `page` plus the frame every page shares (language,
//! twin, alternates, menu, search form).

pub mod accessibility;
pub mod az;
pub mod brochures;
pub mod home;
pub mod partnership;
pub mod parts;
pub mod provider;
pub mod service;
pub mod sources;
pub mod terms;

use serde::Serialize;
use tera::{Context, Tera};

pub use az::AzList;

use super::jsonld;
use super::view::{Ctx, Link, Text};
use crate::model::{Date, Lang, Page, Partnership, Provider, Service, Site, Vocab};
use crate::urls;

/// One page of the site, in no language yet.
#[derive(Clone, Copy, Debug)]
pub enum PageKind<'a> {
    /// `/`, `/en/`.
    Home,
    /// A service.
    Service(&'a Service),
    /// A provider.
    Provider(&'a Provider),
    /// A partnership.
    Partnership(&'a Partnership),
    /// A free page.
    Page(&'a Page),
    /// The listing page of one vocabulary term.
    Term(Vocab, &'a str),
    /// The page of a vocabulary, listing its terms.
    Vocabulary(Vocab),
    /// The search page.
    Search,
    /// The "page not found" page.
    NotFound,
    /// The open data page: the export's files and their licence.
    OpenData,
    /// The printed brochures: event brochures and one per provider.
    Brochures,
    /// The accessibility statement (EU Directive 2016/2102), from config.toml.
    Accessibility,
    /// The source documents of the listings, each with the listings that cite it.
    Sources,
    /// A page (from 1) of an A–Z list: every service, or every organisation.
    AtoZ(AzList, u32),
}

/// A page of the site by name, generic over how an item is named: [`PageKind::id`] borrows
/// the site's ids, a [`PageKey`] owns them and outlives the site (`serve` keeps them between
/// rebuilds).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageId<I> {
    /// The home page.
    Home,
    /// A service page.
    Service(I),
    /// A provider page.
    Provider(I),
    /// A partnership page.
    Partnership(I),
    /// A free page.
    Page(I),
    /// A term's listing page.
    Term(Vocab, I),
    /// A vocabulary's page.
    Vocabulary(Vocab),
    /// The search page.
    Search,
    /// The "not found" page.
    NotFound,
    /// The open data page.
    OpenData,
    /// The brochures page.
    Brochures,
    /// The accessibility statement.
    Accessibility,
    /// The sources page.
    Sources,
    /// A page (from 1) of an A–Z list: every service, or every organisation.
    AtoZ(AzList, u32),
}

/// A page's name that owns its ids.
pub type PageKey = PageId<String>;

impl<I: AsRef<str>> PageId<I> {
    /// The page's URL in `lang`: the one place that maps pages to [`urls`].
    pub fn url(&self, lang: Lang) -> String {
        match self {
            PageId::Home => urls::home(lang),
            PageId::Service(id) => urls::service(lang, id.as_ref()),
            PageId::Provider(id) => urls::provider(lang, id.as_ref()),
            PageId::Partnership(id) => urls::partnership(lang, id.as_ref()),
            PageId::Page(id) => urls::page(lang, id.as_ref()),
            PageId::Term(vocab, id) => urls::term(lang, *vocab, id.as_ref()),
            PageId::Vocabulary(vocab) => urls::vocabulary(lang, *vocab),
            PageId::Search => urls::search(lang),
            PageId::NotFound => urls::not_found(lang),
            PageId::OpenData => urls::open_data(lang),
            PageId::Brochures => urls::brochures(lang),
            PageId::Accessibility => urls::accessibility(lang),
            PageId::Sources => urls::sources(lang),
            PageId::AtoZ(list, part) => list.url(lang, *part),
        }
    }

    /// The same name, owning its ids.
    pub fn to_key(&self) -> PageKey {
        match self {
            PageId::Home => PageId::Home,
            PageId::Service(id) => PageId::Service(id.as_ref().to_string()),
            PageId::Provider(id) => PageId::Provider(id.as_ref().to_string()),
            PageId::Partnership(id) => PageId::Partnership(id.as_ref().to_string()),
            PageId::Page(id) => PageId::Page(id.as_ref().to_string()),
            PageId::Term(vocab, id) => PageId::Term(*vocab, id.as_ref().to_string()),
            PageId::Vocabulary(vocab) => PageId::Vocabulary(*vocab),
            PageId::Search => PageId::Search,
            PageId::NotFound => PageId::NotFound,
            PageId::OpenData => PageId::OpenData,
            PageId::Brochures => PageId::Brochures,
            PageId::Accessibility => PageId::Accessibility,
            PageId::Sources => PageId::Sources,
            PageId::AtoZ(list, part) => PageId::AtoZ(*list, *part),
        }
    }
}

impl<'a> PageKind<'a> {
    /// Every page of the site, in a fixed order.
    pub fn all(site: &'a Site) -> Vec<PageKind<'a>> {
        let mut pages = vec![
            PageKind::Home,
            PageKind::Search,
            PageKind::NotFound,
            PageKind::OpenData,
            PageKind::Brochures,
            PageKind::Accessibility,
            PageKind::Sources,
        ];
        for list in [AzList::Services, AzList::Providers] {
            pages.extend((1..=list.parts(site)).map(|part| PageKind::AtoZ(list, part)));
        }
        pages.extend(site.services.values().map(|s| PageKind::Service(s)));
        pages.extend(site.providers.values().map(PageKind::Provider));
        pages.extend(site.partnerships.values().map(PageKind::Partnership));
        pages.extend(site.pages.values().map(PageKind::Page));
        for vocab in Vocab::ALL {
            pages.push(PageKind::Vocabulary(vocab));
            for id in site.vocabularies.ids(vocab) {
                pages.push(PageKind::Term(vocab, id));
            }
        }
        pages
    }

    /// The page's name: its kind and the id of what it shows.
    pub fn id(&self) -> PageId<&'a str> {
        match *self {
            PageKind::Home => PageId::Home,
            PageKind::Service(s) => PageId::Service(s.id.as_str()),
            PageKind::Provider(p) => PageId::Provider(p.id.as_str()),
            PageKind::Partnership(p) => PageId::Partnership(p.id.as_str()),
            PageKind::Page(p) => PageId::Page(p.id.as_str()),
            PageKind::Term(vocab, id) => PageId::Term(vocab, id),
            PageKind::Vocabulary(vocab) => PageId::Vocabulary(vocab),
            PageKind::Search => PageId::Search,
            PageKind::NotFound => PageId::NotFound,
            PageKind::OpenData => PageId::OpenData,
            PageKind::Brochures => PageId::Brochures,
            PageKind::Accessibility => PageId::Accessibility,
            PageKind::Sources => PageId::Sources,
            PageKind::AtoZ(list, part) => PageId::AtoZ(list, part),
        }
    }

    /// The page's URL in `lang`.
    pub fn url(&self, lang: Lang) -> String {
        self.id().url(lang)
    }

    /// The template that renders this kind of page, in every language.
    pub fn template(&self) -> &'static str {
        match self {
            PageKind::Home => "home.html",
            PageKind::Service(_) => "service.html",
            PageKind::Provider(_) => "provider.html",
            PageKind::Partnership(_) => "partnership.html",
            PageKind::Page(_) => "page.html",
            PageKind::Term(..) => "term.html",
            PageKind::Vocabulary(_) => "vocabulary.html",
            PageKind::Search => "search.html",
            PageKind::NotFound => "404.html",
            PageKind::OpenData => "opendata.html",
            PageKind::Brochures => "brochures.html",
            PageKind::Accessibility => "accessibility.html",
            PageKind::Sources => "sources.html",
            PageKind::AtoZ(..) => "a-z.html",
        }
    }

    /// Does the page belong in the sitemap? (Everything but "not found".)
    pub fn in_sitemap(&self) -> bool {
        !matches!(self, PageKind::NotFound)
    }

    /// When a person last checked what the page says, for listings.
    pub fn verified(&self) -> Option<Date> {
        match self {
            PageKind::Service(s) => s.listing.verified,
            PageKind::Provider(p) => p.listing.verified,
            PageKind::Partnership(p) => p.listing.verified,
            _ => None,
        }
    }
}

/// What every page shares: its language, its twin, its place in the site.
#[derive(Debug, Serialize)]
struct Frame {
    lang: Lang,
    twin_lang: Lang,
    url: String,
    twin_url: String,
    canonical: String,
    alternates: Vec<Alternate>,
    title: Text,
    description: Option<String>,
    site_title: Text,
    home_url: String,
    search_url: String,
    feed_url: String,
    open_data_url: String,
    accessibility_url: String,
    az_url: String,
    menu: Vec<Link>,
    browse: Vec<Link>,
    stylesheet: String,
    search_script: Option<String>,
    icon: Option<String>,
    icon_ico: Option<String>,
    jsonld: Option<String>,
    built: String,
    noindex: bool,
}

/// A `<link rel="alternate" hreflang>` target.
#[derive(Debug, Serialize)]
struct Alternate {
    hreflang: &'static str,
    href: String,
}

/// The page-specific part of a context, with what the frame needs to know of it.
struct Parts {
    view: serde_json::Value,
    title: Text,
    description: Option<String>,
    jsonld: Option<String>,
}

/// Renders one page in `ctx.lang` with `tera` (whose `t()` speaks that language), as the
/// bytes of its file: straight into a buffer, without the check of the whole page's UTF-8
/// that a `String` would cost (Tera writes only `str`s).
pub fn render(
    kind: PageKind<'_>,
    ctx: &Ctx<'_>,
    tera: &Tera,
    assets: &Assets,
) -> Result<Vec<u8>, tera::Error> {
    let parts = parts(kind, ctx, assets)?;
    let frame = frame(kind, ctx, assets, &parts);
    // The page's view joins the frame as `page` without being serialised a second time.
    let mut context = serde_json::to_value(&frame)?;
    if let serde_json::Value::Object(map) = &mut context {
        map.insert("page".to_string(), parts.view);
    }
    let mut html = Vec::new();
    tera.render_to(kind.template(), &Context::from_value(context)?, &mut html)?;
    Ok(html)
}

/// The theme's files that pages link to.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    /// The stylesheet's URL.
    pub stylesheet: String,
    /// The search script's URL, when the theme has one.
    pub search_script: Option<String>,
    /// The site's icon as SVG, when the theme has one.
    pub icon: Option<String>,
    /// The site's icon as ICO (`/favicon.ico`), when the theme has one.
    pub icon_ico: Option<String>,
    /// The open data files (path below the output folder, size in bytes), for their list.
    pub open_data: Vec<(String, usize)>,
}

fn parts(kind: PageKind<'_>, ctx: &Ctx<'_>, assets: &Assets) -> Result<Parts, tera::Error> {
    Ok(match kind {
        PageKind::Home => {
            let view = home::context(ctx);
            Parts {
                title: view.title.clone(),
                description: view.summary.as_ref().map(|s| s.text.clone()),
                view: to_value(&view)?,
                jsonld: None,
            }
        }
        PageKind::Service(service) => {
            let view = service::context(ctx, service);
            Parts {
                title: view.title.clone(),
                description: Some(view.summary.text.clone()),
                view: to_value(&view)?,
                jsonld: Some(jsonld::service(ctx, service)),
            }
        }
        PageKind::Provider(provider) => {
            let view = provider::context(ctx, provider);
            Parts {
                title: view.title.clone(),
                description: Some(view.summary.text.clone()),
                view: to_value(&view)?,
                jsonld: Some(jsonld::provider(ctx, provider)),
            }
        }
        PageKind::Partnership(partnership) => {
            let view = partnership::context(ctx, partnership);
            Parts {
                title: view.title.clone(),
                description: Some(view.summary.text.clone()),
                view: to_value(&view)?,
                jsonld: None,
            }
        }
        PageKind::Page(page) => {
            let view = FreePage {
                title: ctx.text(&page.title),
                summary: ctx.opt_text(page.summary.as_ref()),
                body: ctx.page_markdown(&page.body),
            };
            Parts {
                title: view.title.clone(),
                description: view.summary.as_ref().map(|s| s.text.clone()),
                view: to_value(&view)?,
                jsonld: None,
            }
        }
        PageKind::Term(vocab, id) => {
            let view = terms::term_page(ctx, vocab, id);
            Parts {
                title: Text::own(view.term.label.clone(), ctx.lang),
                description: view.term.description.clone(),
                view: to_value(&view)?,
                jsonld: None,
            }
        }
        PageKind::Vocabulary(vocab) => {
            let view = terms::vocabulary(ctx, vocab);
            Parts {
                title: Text::own(ctx.strings.get(&view.heading), ctx.lang),
                description: None,
                view: to_value(&view)?,
                jsonld: None,
            }
        }
        PageKind::OpenData => {
            let view = crate::opendata::page(ctx.site, ctx.lang, ctx.date, &assets.open_data);
            Parts {
                title: Text::own(view.title.clone(), ctx.lang),
                description: view.paragraphs.first().cloned(),
                view: to_value(&view)?,
                jsonld: None,
            }
        }
        PageKind::Brochures => Parts {
            view: to_value(&brochures::context(ctx))?,
            ..simple(ctx, "brochures-title")
        },
        PageKind::Accessibility => {
            let view = accessibility::context(ctx);
            Parts {
                view: to_value(&view)?,
                ..simple(ctx, "accessibility-title")
            }
        }
        PageKind::Sources => Parts {
            view: to_value(&sources::context(ctx))?,
            ..simple(ctx, "sources-page-title")
        },
        PageKind::AtoZ(list, part) => {
            let view = az::context(ctx, list, part);
            let mut parts = simple(
                ctx,
                match list {
                    AzList::Services => "az-services-title",
                    AzList::Providers => "az-providers-title",
                },
            );
            if !view.parts.is_empty() {
                // Each page of a long list has its own title: "…, page 2 of 100".
                parts.title.text = ctx.strings.get_with(
                    "az-part-title",
                    &[
                        ("title", parts.title.text.clone().into()),
                        ("part", part.into()),
                        ("parts", view.parts.len().into()),
                    ],
                );
            }
            Parts {
                view: to_value(&view)?,
                ..parts
            }
        }
        PageKind::Search => Parts {
            view: serde_json::json!({ "manifest": urls::search_manifest(ctx.lang) }),
            ..simple(ctx, "search-title")
        },
        PageKind::NotFound => simple(ctx, "not-found-title"),
    })
}

/// The context of `page.html`.
#[derive(Debug, Serialize)]
struct FreePage {
    title: Text,
    summary: Option<Text>,
    body: Option<Text>,
}

fn simple(ctx: &Ctx<'_>, title_key: &str) -> Parts {
    Parts {
        title: Text::own(ctx.strings.get(title_key), ctx.lang),
        description: None,
        view: serde_json::Value::Null,
        jsonld: None,
    }
}

fn frame(kind: PageKind<'_>, ctx: &Ctx<'_>, assets: &Assets, parts: &Parts) -> Frame {
    let site = ctx.site;
    let base = &site.config.base_url;
    let twin_lang = other(ctx.lang);
    let url = kind.url(ctx.lang);
    Frame {
        lang: ctx.lang,
        twin_lang,
        twin_url: kind.url(twin_lang),
        canonical: urls::absolute(base, &url),
        alternates: Lang::ALL
            .iter()
            .map(|l| Alternate {
                hreflang: l.code(),
                href: urls::absolute(base, &kind.url(*l)),
            })
            .collect(),
        url,
        title: parts.title.clone(),
        description: parts
            .description
            .clone()
            .or_else(|| site.config.description.as_ref().map(|d| ctx.text(d).text)),
        site_title: ctx.text(&site.config.title),
        home_url: urls::home(ctx.lang),
        search_url: urls::search(ctx.lang),
        feed_url: urls::feed(ctx.lang),
        open_data_url: urls::open_data(ctx.lang),
        accessibility_url: urls::accessibility(ctx.lang),
        az_url: urls::all_services(ctx.lang),
        menu: home::free_pages(ctx, true),
        browse: [
            Vocab::TargetGroups,
            Vocab::ServiceTypes,
            Vocab::ProviderKinds,
        ]
        .iter()
        .map(|v| Link {
            url: urls::vocabulary(ctx.lang, *v),
            label: Text::own(ctx.strings.get(&v.name_key()), ctx.lang),
        })
        .collect(),
        stylesheet: assets.stylesheet.clone(),
        search_script: assets.search_script.clone(),
        icon: assets.icon.clone(),
        icon_ico: assets.icon_ico.clone(),
        jsonld: parts.jsonld.clone(),
        built: ctx.date(ctx.date),
        noindex: matches!(kind, PageKind::NotFound),
    }
}

/// The other language of the site: the twin of a page.
pub fn other(lang: Lang) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|l| *l != lang)
        .unwrap_or(Lang::DEFAULT)
}

/// A page view as JSON, for the `page` variable of the context.
fn to_value<T: Serialize>(view: &T) -> Result<serde_json::Value, tera::Error> {
    serde_json::to_value(view).map_err(|e| tera::Error::msg(e.to_string()))
}
