//! The second step of a quick rebuild, on its own thread: every other page that shows the
//! changed items, and the files made from the whole site (search index, open data, sitemap,
//! feeds), rendered from a snapshot of the site while `serve` goes on taking saves.
//!
//! The worker keeps its own copy of the site, made at each whole build and brought up to
//! date with clones of the changed items only, so that no save waits for the whole site to
//! be copied. Every first step starts a new generation. A second step publishes only when no newer
//! first step came while it ran (it gives up at its next checkpoint otherwise), so files of
//! an older site never land over newer ones; the pages it owed are owed by the next one.

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::affected::resolve;
use super::live::Patch;
use crate::build;
use crate::diagnostics::Diagnostic;
use crate::model::Kind;
use crate::model::{Date, Site};
use crate::output::{Collect, OutputFile};
use crate::render::pages::PageKey;
use crate::render::pages::{Assets, PageKind};
use crate::render::{RenderError, Renderer};

/// Pages rendered between two looks at whether a newer change came.
const CHUNK: usize = 64;

/// Where a served site's files and news go: the HTTP store, or a test's map of files.
pub trait Sink: Send + Sync {
    /// Puts files in place of the served ones.
    fn publish(&self, patch: Patch);
    /// Hears how a second step ended (it ends after `Live::update` has returned).
    fn finished(&self, second: Second);
    /// A second step's files are rendered and are about to be published if no newer change
    /// came meanwhile. Nothing to do here but wait, which is what tests do to make a step stale.
    fn rendered(&self) {}
}

/// How a second step ended.
#[derive(Debug)]
pub enum Second {
    /// Its files were published: `pages` HTML pages besides the whole-site files, `took`
    /// after its first step was published.
    Published {
        /// HTML pages rendered.
        pages: usize,
        /// From the first step's publication to this one.
        took: Duration,
    },
    /// A newer change came first: nothing was published, the next second step does the work.
    Dropped,
    /// A page failed to render; the next change checks and renders everything.
    Failed(Diagnostic),
}

/// The pages a second step must render, gathered since the last one that was published.
#[derive(Debug, Default)]
pub struct Owed {
    /// Pages that show a changed item (other than its own).
    pub pages: BTreeSet<PageKey>,
    /// Every page shows a change (a free page is in every page's menu).
    pub all: bool,
}

/// A change to the worker's copy of the site: one item as the first step checked it.
pub struct Edit(Box<dyn FnOnce(&mut Site) + Send>);

impl Edit {
    /// The item `id` of `kind` as `site` has it now (or its absence).
    pub fn of(site: &Site, kind: Kind, id: &str) -> Edit {
        match kind {
            Kind::Home => {
                let home = site.home.clone();
                Edit(Box::new(move |copy| copy.home = home))
            }
            Kind::Service => entry(&site.services, id, |s| &mut s.services),
            Kind::Provider => entry(&site.providers, id, |s| &mut s.providers),
            Kind::Partnership => entry(&site.partnerships, id, |s| &mut s.partnerships),
            Kind::Page => entry(&site.pages, id, |s| &mut s.pages),
            Kind::Brochure => entry(&site.brochures, id, |s| &mut s.brochures),
        }
    }
}

/// An [`Edit`] that puts `map`'s entry `id` (or its absence) into the same map of a copy.
fn entry<K, V>(map: &BTreeMap<K, V>, id: &str, field: fn(&mut Site) -> &mut BTreeMap<K, V>) -> Edit
where
    K: Ord + Clone + Borrow<str> + Send + 'static,
    V: Clone + Send + 'static,
{
    let id = id.to_string();
    let now = map
        .get_key_value(id.as_str())
        .map(|(k, v)| (k.clone(), v.clone()));
    Edit(Box::new(move |copy| {
        let map = field(copy);
        match now {
            Some((key, value)) => map.insert(key, value),
            None => map.remove(id.as_str()),
        };
    }))
}

/// What a second step renders with, besides the worker's copy of the site.
pub struct Job {
    /// The changed items, to bring the copy up to the first step's site.
    pub edits: Vec<Edit>,
    /// The theme, ready.
    pub renderer: Arc<Renderer>,
    /// The build date.
    pub date: Date,
    /// When the first step was published.
    pub since: Instant,
}

/// The thread that runs second steps, one at a time, the newest only.
pub struct Worker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

struct Shared {
    state: Mutex<State>,
    /// Signalled on every change of `state`.
    changed: Condvar,
    sink: Arc<dyn Sink>,
}

#[derive(Default)]
struct State {
    /// The newest first step's generation.
    generation: u64,
    /// The second step to run next (always of the newest generation).
    job: Option<Job>,
    /// A copy of a newly built site, for the worker to render from.
    fresh: Option<Site>,
    /// Changes to the worker's copy, in order, not yet made.
    edits: Vec<Edit>,
    /// Is a second step running?
    running: bool,
    /// The pages owed since a second step was last published.
    owed: Owed,
    /// Paths of the whole-site files being served.
    whole_site_files: BTreeSet<String>,
    /// Did the last second step fail to render?
    failed: bool,
    /// Is `serve` stopping?
    stop: bool,
}

/// The files of a finished second step.
struct Ready {
    files: Vec<OutputFile>,
    /// Pages owed that the site no longer has (their paths).
    gone: Vec<String>,
    /// HTML pages among `files`.
    pages: usize,
    /// Paths of the whole-site files among `files`.
    whole_site_files: BTreeSet<String>,
}

impl Worker {
    /// Starts the thread; what it renders goes to `sink`.
    pub fn start(sink: Arc<dyn Sink>) -> Worker {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            sink,
        });
        let thread = std::thread::Builder::new()
            .name("second-step".into())
            .spawn({
                let shared = Arc::clone(&shared);
                move || shared.run()
            })
            // Without a thread the second steps cannot run; `serve` cannot work either.
            .expect("the operating system starts a thread");
        Worker {
            shared,
            thread: Some(thread),
        }
    }

    /// A newer first step is about to be published: the queued or running second step
    /// is stale, and publishes nothing.
    pub fn supersede(&self) {
        let mut state = self.shared.lock();
        state.generation += 1;
        if let Some(job) = state.job.take() {
            // Its items still change the copy.
            state.edits.extend(job.edits);
        }
        self.shared.changed.notify_all();
    }

    /// Queues a second step that renders `owed` (and whatever earlier, dropped steps owed)
    /// from `job`.
    pub fn queue(&self, owed: Owed, job: Job) {
        let mut state = self.shared.lock();
        state.owed.pages.extend(owed.pages);
        state.owed.all |= owed.all;
        state.job = Some(job);
        self.shared.changed.notify_all();
    }

    /// Starts over before a whole build is published: nothing owed, nothing failed, `site`
    /// the worker's new copy, and `whole_site_files` the paths of the whole-site files it
    /// serves.
    pub fn reset(&self, site: Site, whole_site_files: BTreeSet<String>) {
        let mut state = self.shared.lock();
        state.generation += 1;
        state.job = None;
        state.fresh = Some(site);
        state.edits.clear();
        state.owed = Owed::default();
        state.whole_site_files = whole_site_files;
        state.failed = false;
        self.shared.changed.notify_all();
    }

    /// Did the last second step fail to render (so that only a whole build is right)?
    pub fn failed(&self) -> bool {
        self.shared.lock().failed
    }

    /// Waits until no second step is queued or running.
    pub fn settle(&self) {
        let mut state = self.shared.lock();
        while state.job.is_some() || state.running {
            state = self
                .shared
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        {
            let mut state = self.shared.lock();
            state.stop = true;
            state.generation += 1;
            self.shared.changed.notify_all();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Is `generation` still the newest?
    fn current(&self, generation: u64) -> bool {
        self.lock().generation == generation
    }

    /// Runs second steps until `serve` stops.
    fn run(&self) {
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("second-step-{i}"))
            .build()
            .ok();
        let mut copy: Option<Site> = None;
        while let Some((job, generation, owed)) = self.next_job(&mut copy) {
            let second = match &copy {
                Some(site) => {
                    let (renderer, date) = (&*job.renderer, job.date);
                    let current = || self.current(generation);
                    let render = || render_owed(site, renderer, date, &owed, &current);
                    let rendered = match &pool {
                        Some(pool) => pool.install(render),
                        None => render(),
                    };
                    if matches!(rendered, Ok(Some(_))) {
                        self.sink.rendered();
                    }
                    self.finish(rendered, generation, job.since)
                }
                // A job comes only after a whole build, which sends a copy first.
                None => Second::Dropped,
            };
            self.sink.finished(second);
            let mut state = self.lock();
            state.running = false;
            self.changed.notify_all();
        }
    }

    /// Waits for the next job, brings `copy` up to its site, and returns it with its
    /// generation and the pages owed.
    fn next_job(&self, copy: &mut Option<Site>) -> Option<(Job, u64, Owed)> {
        let mut state = self.lock();
        loop {
            if state.stop {
                return None;
            }
            if let Some(mut job) = state.job.take() {
                if let Some(site) = state.fresh.take() {
                    *copy = Some(site);
                }
                let edits = std::mem::take(&mut state.edits);
                if let Some(site) = copy.as_mut() {
                    for edit in edits.into_iter().chain(job.edits.drain(..)) {
                        (edit.0)(site);
                    }
                }
                state.running = true;
                let owed = Owed {
                    pages: state.owed.pages.clone(),
                    all: state.owed.all,
                };
                return Some((job, state.generation, owed));
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Publishes a second step's files if they are still current.
    fn finish(
        &self,
        rendered: Result<Option<Ready>, RenderError>,
        generation: u64,
        since: Instant,
    ) -> Second {
        let mut state = self.lock();
        if state.generation != generation {
            return Second::Dropped;
        }
        let ready = match rendered {
            Ok(Some(ready)) => ready,
            Ok(None) => return Second::Dropped,
            Err(e) => {
                state.failed = true;
                return Second::Failed(super::live::render_diagnostic(&e));
            }
        };
        let mut removed = ready.gone;
        removed.extend(
            state
                .whole_site_files
                .difference(&ready.whole_site_files)
                .cloned(),
        );
        // Published under the lock: a newer first step waits for this to be in place, and
        // so is always published after it.
        self.sink.publish(Patch::Part {
            files: ready.files,
            removed,
        });
        state.whole_site_files = ready.whole_site_files;
        state.owed = Owed::default();
        Second::Published {
            pages: ready.pages,
            took: since.elapsed(),
        }
    }
}

/// Renders the pages `owed` and the whole-site files of `site`; `None` as soon as
/// `current` says a newer change came.
fn render_owed(
    site: &Site,
    renderer: &Renderer,
    date: Date,
    owed: &Owed,
    current: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Ready>, RenderError> {
    let open_data = Collect::default();
    let assets = Assets {
        open_data: build::open_data(site, date, &open_data)?,
        ..renderer.theme_assets()
    };
    let all = PageKind::all(site);
    let (pages, gone) = if owed.all {
        (all.clone(), Vec::new())
    } else {
        let mut keys = owed.pages.clone();
        keys.insert(PageKey::OpenData);
        // The brochures page lists titles and service counts of brochures and providers.
        keys.insert(PageKey::Brochures);
        resolve(site, &keys)
    };
    let mut files = Vec::new();
    for chunk in pages.chunks(CHUNK) {
        if !current() {
            return Ok(None);
        }
        files.extend(renderer.pages(site, date, &assets, chunk, &|| {})?);
    }
    let pages = files.len();
    if !current() {
        return Ok(None);
    }
    let search = Collect::default();
    build::search(site, &search)?;
    let mut whole_site = search.into_files()?;
    if !current() {
        return Ok(None);
    }
    whole_site.extend(open_data.into_files()?);
    let indexes = Collect::default();
    renderer.indexes(site, date, &all, &indexes)?;
    whole_site.extend(indexes.into_files()?);
    let whole_site_files = whole_site.iter().map(|f| f.path.clone()).collect();
    files.extend(whole_site);
    Ok(Some(Ready {
        files,
        gone,
        pages,
        whole_site_files,
    }))
}
