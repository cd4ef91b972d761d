//! Which pages a change touches: the dependency rules of `serve`'s quick rebuilds.
//!
//! A page shows its own item and cards or links of others: a service page shows its
//! provider's name, the partnerships covering it and its related services; a provider page
//! lists its services and partnerships; a licence shows its issuing provider's name; term
//! pages list what carries the term; the home and vocabulary pages count. So a changed item touches its own pages first, then every page
//! that shows it — in the old site or the new one. Pure: tested against a whole build.

use std::collections::BTreeSet;

use crate::model::Kind;
use crate::model::{Issuer, Lang, Licence, Service, Site, Vocab};
use crate::render::pages::{AzList, PageKey, PageKind};
use crate::urls;

/// What changed in the site folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// A content item (either of its files): kind and id.
    Item(Kind, String),
    /// Settings, vocabularies, strings or the theme, or a file that cannot be read on its
    /// own: check and render everything.
    Everything,
}

impl PageKey {
    /// The page in `site`, if it has it (a newer site than the one it was named in).
    pub fn find<'a>(&self, site: &'a Site) -> Option<PageKind<'a>> {
        Some(match self {
            PageKey::Home => PageKind::Home,
            PageKey::Service(id) => PageKind::Service(site.services.get(id.as_str())?),
            PageKey::Provider(id) => PageKind::Provider(site.providers.get(id.as_str())?),
            PageKey::Partnership(id) => PageKind::Partnership(site.partnerships.get(id.as_str())?),
            PageKey::Page(id) => PageKind::Page(site.pages.get(id.as_str())?),
            PageKey::Term(vocab, id) => {
                let id = site.vocabularies.ids(*vocab).iter().find(|t| *t == id)?;
                PageKind::Term(*vocab, id)
            }
            PageKey::Vocabulary(vocab) => PageKind::Vocabulary(*vocab),
            PageKey::Search => PageKind::Search,
            PageKey::NotFound => PageKind::NotFound,
            PageKey::OpenData => PageKind::OpenData,
            PageKey::Brochures => PageKind::Brochures,
            PageKey::Accessibility => PageKind::Accessibility,
            PageKey::Sources => PageKind::Sources,
            PageKey::AtoZ(list, part) => (1..=list.parts(site))
                .contains(part)
                .then_some(PageKind::AtoZ(*list, *part))?,
        })
    }
}

/// The pages a set of changed items touches.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Affected {
    /// The changed items' own pages (rendered and shown first).
    pub own: BTreeSet<PageKey>,
    /// Every other page that shows a changed item.
    pub others: BTreeSet<PageKey>,
    /// Every page shows the change (a free page is in every page's menu).
    pub all: bool,
}

/// The pages of `keys` that `site` has, and the output paths of those it no longer has.
pub fn resolve<'a>(site: &'a Site, keys: &BTreeSet<PageKey>) -> (Vec<PageKind<'a>>, Vec<String>) {
    let mut found = Vec::new();
    let mut gone = Vec::new();
    for key in keys {
        match key.find(site) {
            Some(kind) => found.push(kind),
            None => gone.extend(
                Lang::ALL
                    .iter()
                    .map(|lang| urls::output_file(&key.url(*lang))),
            ),
        }
    }
    (found, gone)
}

/// The vocabularies whose terms list services.
const SERVICE_VOCABS: [Vocab; 5] = [
    Vocab::ServiceTypes,
    Vocab::Activities,
    Vocab::TargetGroups,
    Vocab::Funding,
    Vocab::Localities,
];

/// The pages touched when `items` (kind, id) changed from `old` to `new`: the pages that
/// show them in either site.
pub fn affected(old: &Site, new: &Site, items: &BTreeSet<(Kind, String)>) -> Affected {
    let mut out = Affected::default();
    touched(old, items, &mut out);
    touched(new, items, &mut out);
    out
}

/// Adds the pages of `site` that show `items` (kind, id) to `out`.
pub fn touched(site: &Site, items: &BTreeSet<(Kind, String)>, out: &mut Affected) {
    for (kind, id) in items {
        let id = id.as_str();
        match kind {
            Kind::Home => {
                out.own.insert(PageKey::Home);
            }
            Kind::Page => {
                out.own.insert(PageKey::Page(id.to_string()));
                out.all = true;
            }
            Kind::Brochure => {}
            Kind::Service => {
                out.own.insert(PageKey::Service(id.to_string()));
                service_shown(site, id, &mut out.others);
                counts(site, &mut out.others);
            }
            Kind::Provider => {
                out.own.insert(PageKey::Provider(id.to_string()));
                if let Some(p) = site.providers.get(id) {
                    out.others
                        .insert(PageKey::Term(Vocab::ProviderKinds, p.kind.as_str().into()));
                }
                let services = site.services.values();
                out.others.extend(
                    services
                        .filter(|s| s.provider.as_ref().is_some_and(|p| p.as_str() == id))
                        .map(|s| PageKey::Service(s.id.as_str().into())),
                );
                let partnerships = site.partnerships.values();
                out.others.extend(
                    partnerships
                        .filter(|p| p.parties.iter().any(|x| x.as_str() == id))
                        .map(|p| PageKey::Partnership(p.id.as_str().into())),
                );
                licensed_by(site, id, &mut out.others);
                counts(site, &mut out.others);
            }
            Kind::Partnership => {
                out.own.insert(PageKey::Partnership(id.to_string()));
                if let Some(p) = site.partnerships.get(id) {
                    out.others.insert(PageKey::Term(
                        Vocab::PartnershipKinds,
                        p.kind.as_str().into(),
                    ));
                    let parties = p.parties.iter();
                    out.others
                        .extend(parties.map(|x| PageKey::Provider(x.as_str().into())));
                    let services = p.services.iter();
                    out.others
                        .extend(services.map(|x| PageKey::Service(x.as_str().into())));
                }
                counts(site, &mut out.others);
            }
        }
    }
    let own = &out.own;
    out.others.retain(|key| !own.contains(key));
}

/// The pages of `site` that show service `id`: its provider's page, the partnerships that
/// cover it, the services that call it related, and the listing pages of its terms.
fn service_shown(site: &Site, id: &str, pages: &mut BTreeSet<PageKey>) {
    let Some(service) = site.services.get(id) else {
        return;
    };
    if let Some(provider) = &service.provider {
        pages.insert(PageKey::Provider(provider.as_str().into()));
    }
    pages.extend(
        site.partnerships_covering(&service.id)
            .map(|p| PageKey::Partnership(p.id.as_str().into())),
    );
    pages.extend(
        site.services
            .values()
            .filter(|s| s.related.iter().any(|r| r.as_str() == id))
            .map(|s| PageKey::Service(s.id.as_str().into())),
    );
    pages.extend(terms_of(site, service));
}

/// The pages of services and providers that hold a licence issued by provider `id` (they
/// show its name).
fn licensed_by(site: &Site, id: &str, pages: &mut BTreeSet<PageKey>) {
    let by = |licences: &[Licence]| {
        licences
            .iter()
            .any(|l| matches!(&l.issuer, Some(Issuer::Provider(p)) if p.as_str() == id))
    };
    pages.extend(
        site.services
            .values()
            .filter(|s| by(&s.licences))
            .map(|s| PageKey::Service(s.id.as_str().into())),
    );
    pages.extend(
        site.providers
            .values()
            .filter(|p| by(&p.licences))
            .map(|p| PageKey::Provider(p.id.as_str().into())),
    );
}

/// The listing pages of every term `service` carries.
fn terms_of<'a>(site: &'a Site, service: &'a Service) -> impl Iterator<Item = PageKey> + 'a {
    SERVICE_VOCABS.into_iter().flat_map(move |vocab| {
        site.vocabularies
            .ids(vocab)
            .iter()
            .filter(move |id| service.has_term(vocab, id, site.config.area_served.as_ref()))
            .map(move |id| PageKey::Term(vocab, id.clone()))
    })
}

/// The pages that count services, providers and partnerships: home and vocabulary pages,
/// the sources page, which lists every listing under the documents it cites, and every
/// page of the A–Z lists in `site` (a listing added or gone moves the others between pages;
/// asked of the old site and the new, this names the pages a shorter list no longer has).
fn counts(site: &Site, pages: &mut BTreeSet<PageKey>) {
    pages.insert(PageKey::Home);
    pages.insert(PageKey::Sources);
    for list in [AzList::Services, AzList::Providers] {
        pages.extend((1..=list.parts(site)).map(|part| PageKey::AtoZ(list, part)));
    }
    pages.extend(Vocab::ALL.map(PageKey::Vocabulary));
}
