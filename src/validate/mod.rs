//! Validation and linking: raw files → the typed [`Site`], or every problem in them.
//!
//! Settings, vocabularies and Fluent files are read first; then every content file is read
//! into its kind's type in parallel, checking references against the ids known from the file
//! list; then translations are merged into their default-language items.

mod checked;
mod config;
pub mod fields;
mod item;
mod kinds;
mod known;
mod links;
mod messages;
pub(crate) mod parts;
mod translation;
mod vocabularies;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use toml::de::DeTable;

use crate::diagnostics::{self, Diagnostic, Severity};
use crate::load::theme::ThemeError;
use crate::load::{self, ContentFile};
use crate::model::messages::SiteMessages;
use crate::model::strings::Strings;
use crate::model::theme::Theme;
use crate::model::{Body, Date, Home, Kind, Lang, Localized, Origin, Site};
use fields::{FileCtx, Role, Table, Translation};
use known::Known;
use translation::Translate;

pub use checked::CheckFailed;
pub use item::{Recheck, recheck_item};
pub use parts::SUMMARY_MAX_CHARS;

/// The result of checking a site: the site when it has no errors, and every diagnostic.
#[derive(Debug)]
pub struct Checked {
    /// The linked site; `None` when there is any error.
    pub site: Option<Site>,
    /// Every error and warning, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// What was read, counted even when there are errors.
    pub stats: Stats,
}

/// Counts of what a site holds, for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    /// Service files read without error.
    pub services: usize,
    /// The sum of their `units`.
    pub units: u32,
    /// Provider files.
    pub providers: usize,
    /// Partnership files.
    pub partnerships: usize,
    /// Free pages.
    pub pages: usize,
    /// Brochures.
    pub brochures: usize,
    /// Share of content files with an English translation, 0–100.
    pub english_coverage: f64,
}

impl Stats {
    fn of(site: &Site) -> Stats {
        Stats {
            services: site.services.len(),
            units: site.total_units().0,
            providers: site.providers.len(),
            partnerships: site.partnerships.len(),
            pages: site.pages.len(),
            brochures: site.brochures.len(),
            english_coverage: site.english_coverage(),
        }
    }
}

/// Turns a TOML syntax error into a diagnostic at its position.
pub fn toml_error(ctx: &FileCtx<'_>, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim().trim_end_matches('.').to_string();
    ctx.source
        .error(ctx.span(span), format!("the fields cannot be read as TOML: {message}"))
        .with_help("check this line: text needs \"quotes\", each field is `name = value`, lists are [\"a\", \"b\"], dates are 2020-01-28 without quotes")
}

/// Loads, validates and links the site at `root`; `today` judges `verified` dates.
pub fn check_site(root: &Path, today: Date) -> Checked {
    // The vocabularies come first: config.toml's `area_served` names one of their ids.
    let (vocab, mut all) = vocabularies::load(root);
    let (config, problems) = config::load(root, &vocab.vocabularies);
    all.extend(problems);
    let (messages, problems) = messages::load(root, config.max_file_size);
    all.extend(problems);
    all.extend(vocabularies::check_labels(&vocab, &messages));
    let theme = match load::theme::read(root, config.theme.as_deref()) {
        Ok(theme) => theme,
        Err(e) => {
            all.push(theme_error(root, &e));
            load::theme::built_in()
        }
    };
    let strings = strings(&theme, &messages);
    let found = load::find_content(root);
    all.extend(found.diagnostics);

    let mut ids: BTreeMap<Kind, BTreeSet<String>> = BTreeMap::new();
    for (_, place) in found.files.iter().filter(|(_, p)| p.lang.is_default()) {
        ids.entry(place.kind).or_default().insert(place.id.clone());
    }
    let has_home = ids.contains_key(&Kind::Home);
    let known = Known {
        vocabularies: &vocab.vocabularies,
        today,
        stale_after_days: config.stale_after_days,
        compress_bodies: known::compress_bodies(&ids),
        ids,
    };
    let max_file_size = config.max_file_size;
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        vocabularies: vocab.vocabularies.clone(),
        messages,
        theme,
        strings,
        home: Home {
            title: None,
            summary: None,
            body: Localized::new(Body::default()),
            origin: None,
        },
        services: BTreeMap::new(),
        providers: BTreeMap::new(),
        partnerships: BTreeMap::new(),
        pages: BTreeMap::new(),
        brochures: BTreeMap::new(),
        links: Vec::new(),
    };
    // Default-language files first, so that every translation finds its item; each batch is
    // read and checked in parallel, and its texts are dropped before the next is read.
    let (defaults, translations): (Vec<_>, Vec<_>) = found
        .files
        .into_iter()
        .partition(|(_, place)| place.lang.is_default());
    let mut assembly = Assembly::default();
    for files in [defaults, translations]
        .iter()
        .flat_map(|files| files.chunks(BATCH))
    {
        let read: Vec<_> = files
            .par_iter()
            .map(|(path, place)| load::read_content(root, path, place, max_file_size))
            .collect();
        let mut texts = Vec::with_capacity(read.len());
        for (file, problems) in read {
            texts.extend(file);
            all.extend(problems);
        }
        let results = read_files(&texts, &known);
        for mut result in results {
            site.links.append(&mut result.links);
            all.extend(assembly.add(&mut site, result));
        }
    }
    all.extend(assembly.untranslated());
    // The links in the order of their files' paths, as if every file were read at once.
    site.links.sort_by(|a, b| a.path.cmp(&b.path));
    if !has_home {
        all.push(
            Diagnostic::whole_file(
                "content/_index.md",
                Severity::Warning,
                "the home page has no introduction (content/_index.md)",
            )
            .with_help("create content/_index.md with a short text on what the directory is"),
        );
    }
    diagnostics::sort(&mut all);
    let clean = !all.iter().any(Diagnostic::is_error);
    Checked {
        stats: Stats::of(&site),
        site: clean.then_some(site),
        diagnostics: all,
    }
}

/// The words of every language: the theme's Fluent file with the site's over it.
fn strings(theme: &Theme, messages: &SiteMessages) -> BTreeMap<Lang, Arc<Strings>> {
    Lang::ALL
        .iter()
        .map(|&lang| {
            let sources = [
                theme.strings.get(&lang).map(String::as_str),
                messages.source(lang),
            ];
            (
                lang,
                Arc::new(Strings::new(lang, sources.into_iter().flatten())),
            )
        })
        .collect()
}

/// A theme that cannot be read, as a diagnostic on config.toml's `theme` line when it names
/// one.
fn theme_error(root: &Path, e: &ThemeError) -> Diagnostic {
    let (path, line) = match e {
        ThemeError::Missing(_) => {
            let text = std::fs::read_to_string(root.join("config.toml")).unwrap_or_default();
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with("theme"))
                .map_or(1, |i| i + 1);
            ("config.toml".to_string(), line)
        }
        ThemeError::NotText(p) | ThemeError::Io(p, _) | ThemeError::Outside(p) => (
            p.strip_prefix(root)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/"),
            1,
        ),
    };
    let mut d = Diagnostic::whole_file(&path, Severity::Error, e.to_string())
        .with_help("a site's theme lives in themes/<name>/ (templates/, static/, i18n/); remove `theme` from config.toml to use the built-in one");
    d.line = line;
    d
}

/// The vocabularies of the site at `root`, ignoring any problem in them (for `new`).
pub fn load_vocabularies(root: &Path) -> crate::model::Vocabularies {
    vocabularies::load(root).0.vocabularies
}

/// Checks the text of one content file on its own, as if it were at `path` (e.g.
/// `content/services/x.md`) in a site with `vocabularies` and no other content files.
///
/// For tools that see one file at a time (the fuzzer, an editor integration): references to
/// other files are reported as missing.
pub fn check_text(
    path: &str,
    text: &str,
    vocabularies: &crate::model::Vocabularies,
    today: Date,
) -> Vec<Diagnostic> {
    let Some(place) = load::classify(path).ok().flatten() else {
        return vec![Diagnostic::whole_file(
            path,
            Severity::Error,
            "not a content file path",
        )];
    };
    let file = load::TextFile {
        path: path.to_string(),
        text: text.trim_start_matches('\u{feff}').to_string(),
    };
    let split = match load::split(&file) {
        Ok(split) => split,
        Err(d) => return vec![*d],
    };
    let content = ContentFile::new(place, file, split);
    let known = Known {
        vocabularies,
        ids: BTreeMap::new(),
        today,
        stale_after_days: crate::model::config::DEFAULT_STALE_AFTER_DAYS,
        compress_bodies: false,
    };
    let body = Body::new(content.body());
    let result = read_file(&content, &known, body);
    let mut out = result.ctx.into_diagnostics();
    diagnostics::sort(&mut out);
    out
}

/// One content file as read: its item (for a default-language file) or its translation.
struct FileResult<'a> {
    file: &'a ContentFile,
    ctx: FileCtx<'a>,
    item: Option<Item>,
    translation: Translation,
    /// A translation's body (a default-language file's is in its item).
    body: Body,
    /// The body's internal links and images (its images without alt text are in `ctx`).
    links: Vec<crate::model::ContentLink>,
}

/// A content item of any kind.
enum Item {
    Home(Home),
    /// Boxed: a national directory keeps 100,000 of them in the site's map, whose nodes
    /// would otherwise hold each one inline and about half empty.
    Service(Box<crate::model::Service>),
    Provider(crate::model::Provider),
    Partnership(crate::model::Partnership),
    Page(crate::model::Page),
    Brochure(crate::model::Brochure),
}

/// Reads `files` in parallel, in order. Neighbours' bodies are compressed together (a large
/// site), so before the files are read one by one.
fn read_files<'a>(files: &'a [ContentFile], known: &Known<'_>) -> Vec<FileResult<'a>> {
    let bodies = known.bodies(&files.iter().map(ContentFile::body).collect::<Vec<_>>());
    files
        .par_iter()
        .zip(bodies)
        .map(|(f, body)| read_file(f, known, body))
        .collect()
}

/// `body` is the file's body as the site keeps it ([`Known::bodies`]).
fn read_file<'a>(file: &'a ContentFile, known: &Known<'_>, body: Body) -> FileResult<'a> {
    let role = if file.lang().is_default() {
        Role::Default
    } else {
        Role::Translation
    };
    let folder = match file.kind() {
        Kind::Home => "content".to_string(),
        kind => format!("content/{}", kind.folder()),
    };
    let default_path = format!("{folder}/{}.md", file.id());
    let ctx = FileCtx::new(
        file.file.source(),
        file.front_matter.start,
        role,
        default_path.clone(),
    );
    // A default-language file's body goes into its item; a translation's is kept until the
    // translations are merged.
    let (item_body, translation_body) = match role {
        Role::Default => (body, Body::default()),
        Role::Translation => (Body::default(), body),
    };
    let origin = Origin {
        path: default_path,
        translation: None,
    };
    let item = match DeTable::parse(file.front_matter_text()) {
        Ok(table) => {
            let what = match file.kind() {
                Kind::Home => "the home page",
                Kind::Service => "a service",
                Kind::Provider => "a provider",
                Kind::Partnership => "a partnership",
                Kind::Page => "a page",
                Kind::Brochure => "a brochure",
            };
            // Errors about the front matter as a whole point at its first line.
            let mut t = Table::new(&ctx, table.get_ref(), 0..0, what);
            let id = file.id();
            let body = item_body;
            let item = match file.kind() {
                Kind::Home => Some(Item::Home(kinds::home(&mut t, body, origin))),
                Kind::Service => kinds::service(&mut t, known, id, body, origin)
                    .map(|s| Item::Service(Box::new(s))),
                Kind::Provider => {
                    kinds::provider(&mut t, known, id, body, origin).map(Item::Provider)
                }
                Kind::Partnership => {
                    kinds::partnership(&mut t, known, id, body, origin).map(Item::Partnership)
                }
                Kind::Page => kinds::page(&mut t, id, body, origin).map(Item::Page),
                Kind::Brochure => {
                    kinds::brochure(&mut t, known, id, body, origin).map(Item::Brochure)
                }
            };
            t.finish();
            item
        }
        Err(e) => {
            ctx.push(toml_error(&ctx, &e));
            None
        }
    };
    let body_start = file.front_matter.end;
    if let Some(at) = file.file.text[body_start..].find(crate::model::PLACEHOLDER) {
        let at = body_start + at;
        ctx.push(
            ctx.source
                .error(
                    at..at,
                    "the text still holds the placeholder written by `kartoteka new`",
                )
                .with_help("write the page's text in place of this line"),
        );
    }
    let links = links::scan(file, &ctx);
    let translation = ctx.take_translation();
    FileResult {
        file,
        ctx,
        item: if role == Role::Default { item } else { None },
        translation,
        body: translation_body,
        links,
    }
}

/// How many content files are read and checked together: enough to keep every thread busy,
/// few enough that their texts are a small part of memory (a few MB) on any site.
const BATCH: usize = 2048;

/// Puts default-language items into the site as their files are read, merges translations
/// (which come after every default-language file), and reports orphans and missing
/// translations.
#[derive(Default)]
struct Assembly {
    defaults: BTreeSet<(Kind, String)>,
    translated: BTreeSet<(Kind, String)>,
}

impl Assembly {
    /// Adds one file's item or translation to `site`; returns the file's diagnostics.
    fn add(&mut self, site: &mut Site, mut result: FileResult<'_>) -> Vec<Diagnostic> {
        let (kind, id, lang) = (
            result.file.kind(),
            result.file.id().to_string(),
            result.file.lang(),
        );
        if lang.is_default() {
            self.defaults.insert((kind, id));
            if let Some(item) = result.item {
                insert(site, item);
            }
            return result.ctx.into_diagnostics();
        }
        if !self.defaults.contains(&(kind, id.clone())) {
            result.ctx.push(
                Diagnostic::whole_file(
                    &result.file.file.path,
                    Severity::Error,
                    format!(
                        "this translation has no default-language file {}",
                        result.ctx.default_path
                    ),
                )
                .with_help(format!(
                    "create {} with every field, or rename this file to match an existing one",
                    result.ctx.default_path
                )),
            );
        } else {
            let path = result.file.file.path.clone();
            let body = std::mem::take(&mut result.body);
            let tr = &mut result.translation;
            let applied = match kind {
                Kind::Home => apply(Some(&mut site.home), lang, tr, body, &path),
                Kind::Service => apply(
                    site.services.get_mut(id.as_str()).map(|s| &mut **s),
                    lang,
                    tr,
                    body,
                    &path,
                ),
                Kind::Provider => apply(site.providers.get_mut(id.as_str()), lang, tr, body, &path),
                Kind::Partnership => apply(
                    site.partnerships.get_mut(id.as_str()),
                    lang,
                    tr,
                    body,
                    &path,
                ),
                Kind::Page => apply(site.pages.get_mut(id.as_str()), lang, tr, body, &path),
                Kind::Brochure => apply(site.brochures.get_mut(id.as_str()), lang, tr, body, &path),
            };
            self.translated.insert((kind, id));
            if applied {
                translation::report_leftovers(&result.ctx, std::mem::take(&mut result.translation));
            }
        }
        result.ctx.into_diagnostics()
    }

    /// A warning for each default-language file without an English translation.
    fn untranslated(&self) -> Vec<Diagnostic> {
        self.defaults
            .difference(&self.translated)
            .map(|(kind, id)| {
                let folder = if *kind == Kind::Home {
                    "content".to_string()
                } else {
                    format!("content/{}", kind.folder())
                };
                Diagnostic::whole_file(&format!("{folder}/{id}.md"), Severity::Warning, format!("no English translation ({folder}/{id}.en.md)"))
                    .with_help("the English site shows the Bulgarian text, marked as not yet translated; add the .en.md file to translate it")
            })
            .collect()
    }
}

/// Fills `item` from a translation; `false` when the default item failed to read.
fn apply<T: Translate + HasOrigin>(
    item: Option<&mut T>,
    lang: Lang,
    tr: &mut Translation,
    body: Body,
    path: &str,
) -> bool {
    match item {
        Some(item) => {
            item.translate(lang, tr, body);
            item.set_translation(path);
            true
        }
        None => false,
    }
}

/// Items that remember which files they came from.
trait HasOrigin {
    fn set_translation(&mut self, path: &str);
}

macro_rules! has_origin {
    ($($t:ty => |$x:ident| $origin:expr;)*) => {$(
        impl HasOrigin for $t {
            fn set_translation(&mut self, path: &str) {
                let $x = self;
                if let Some(origin) = $origin {
                    origin.translation = Some(path.to_string());
                }
            }
        }
    )*};
}

has_origin! {
    crate::model::Service => |x| Some(&mut x.listing.origin);
    crate::model::Provider => |x| Some(&mut x.listing.origin);
    crate::model::Partnership => |x| Some(&mut x.listing.origin);
    crate::model::Page => |x| Some(&mut x.origin);
    crate::model::Brochure => |x| Some(&mut x.origin);
    Home => |x| x.origin.as_mut();
}

fn insert(site: &mut Site, item: Item) {
    match item {
        Item::Home(h) => site.home = h,
        Item::Service(s) => {
            site.services.insert(s.id.clone(), s);
        }
        Item::Provider(p) => {
            site.providers.insert(p.id.clone(), p);
        }
        Item::Partnership(p) => {
            site.partnerships.insert(p.id.clone(), p);
        }
        Item::Page(p) => {
            site.pages.insert(p.id.clone(), p);
        }
        Item::Brochure(b) => {
            site.brochures.insert(b.id.clone(), b);
        }
    }
}
