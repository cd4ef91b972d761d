//! Watching the site folder (the `notify` crate): file events become [`Change`]s, gathered
//! until the folder has been quiet for a moment, so that one save is one rebuild.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::affected::Change;

/// How long the folder must be quiet before a batch of changes is handed on.
const QUIET: Duration = Duration::from_millis(25);
/// The longest a batch waits for quiet.
const LONGEST: Duration = Duration::from_millis(500);
/// The folders of a site that are watched with everything in them.
const FOLDERS: [&str; 3] = ["content", "themes", "i18n"];

/// The changes to a site folder, as they come.
pub struct Changes {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

/// Starts watching the site at `root`: its settings files and its content, themes and
/// strings folders.
pub fn watch(root: &Path) -> notify::Result<Changes> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let (sender, events) = channel();
    let mut watcher = notify::recommended_watcher(sender)?;
    watcher.watch(&root, RecursiveMode::NonRecursive)?;
    let mut changes = Changes {
        root,
        watcher,
        events,
    };
    for folder in FOLDERS {
        changes.watch_folder(folder)?;
    }
    Ok(changes)
}

impl Changes {
    /// Waits for the next changes, and for the folder to be quiet after them; `None` when
    /// watching has stopped.
    pub fn next_batch(&mut self) -> Option<Vec<Change>> {
        let mut batch = BTreeSet::new();
        while batch.is_empty() {
            let event = self.events.recv().ok()?;
            self.take(event, &mut batch);
        }
        let started = Instant::now();
        while started.elapsed() < LONGEST {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => self.take(event, &mut batch),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        Some(batch.into_iter().collect())
    }

    fn take(&mut self, event: notify::Result<notify::Event>, batch: &mut BTreeSet<Change>) {
        let Ok(event) = event else {
            // The watcher lost track (e.g. too many events): look at everything again.
            batch.insert(Change::Everything);
            return;
        };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in &event.paths {
            let Ok(relative) = path.strip_prefix(&self.root) else {
                continue;
            };
            let relative = relative.to_string_lossy().replace('\\', "/");
            if FOLDERS.contains(&relative.as_str()) {
                // A watched folder was made (or made again): watch what is in it.
                let _ = self.watch_folder(&relative);
            }
            if let Some(change) = change_of(&relative) {
                batch.insert(change);
            }
        }
    }

    fn watch_folder(&mut self, folder: &str) -> notify::Result<()> {
        let path = self.root.join(folder);
        if path.is_dir() {
            self.watcher.watch(&path, RecursiveMode::Recursive)?;
        }
        Ok(())
    }
}

/// What a changed path (relative to the site folder, `/`-separated) means for the site;
/// `None` for files the site is not made of (the output folder, editors' swap files).
pub fn change_of(relative: &str) -> Option<Change> {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    let scratch = relative.split('/').any(|s| s.starts_with('.'))
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913";
    if scratch {
        return None;
    }
    let top = relative.split('/').next().unwrap_or_default();
    match top {
        "config.toml" | "vocabularies.toml" | "themes" | "i18n" => Some(Change::Everything),
        "content" if relative.ends_with(".md") => match crate::load::classify(relative) {
            Ok(Some(place)) => Some(Change::Item(place.kind, place.id)),
            Ok(None) | Err(_) => Some(Change::Everything),
        },
        // A section folder (content/<kind>, no extension) came or went: the file list
        // changed. Deeper names without an extension are editors' temporary files (`sed -i`
        // writes content/services/sedXXXXXX), not folders: content has no deeper ones.
        "content" if !name.contains('.') && relative.split('/').count() <= 2 => {
            Some(Change::Everything)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn paths_become_changes() {
        assert_eq!(
            change_of("content/services/x.en.md"),
            Some(Change::Item(Kind::Service, "x".into()))
        );
        assert_eq!(
            change_of("content/_index.md"),
            Some(Change::Item(Kind::Home, "_index".into()))
        );
        assert_eq!(change_of("config.toml"), Some(Change::Everything));
        assert_eq!(
            change_of("themes/default/templates/base.html"),
            Some(Change::Everything)
        );
        assert_eq!(
            change_of("content/services/Bad Name.md"),
            Some(Change::Everything)
        );
        assert_eq!(change_of("content/services"), Some(Change::Everything));
        assert_eq!(change_of("content"), Some(Change::Everything));
        assert_eq!(
            change_of("content/services/sedA1b2C3"),
            None,
            "sed -i's temporary"
        );
        assert_eq!(change_of("content/services/.x.md.swp"), None);
        assert_eq!(change_of("content/services/x.md~"), None);
        assert_eq!(change_of("content/services/photo.jpg"), None);
        assert_eq!(change_of("public/index.html"), None);
        assert_eq!(change_of(".git/index"), None);
    }
}
