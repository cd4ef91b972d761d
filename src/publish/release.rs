//! Releases beside the live path: `releases/<commit>/`, a history, a lock, an atomic swap.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::{PublishError, io};

/// The `releases/` folder beside a live path.
#[derive(Clone, Debug)]
pub struct Releases {
    dir: PathBuf,
}

impl Releases {
    /// The releases of the live path `live` (a symlink): `<parent of live>/releases/`.
    pub fn beside(live: &Path) -> Releases {
        let parent = live
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Releases {
            dir: parent.join("releases"),
        }
    }

    /// The folder of one release.
    pub fn path_of(&self, commit: &str) -> PathBuf {
        self.dir.join(commit)
    }

    /// Where typeset brochures are kept between publishes, so that a push that changes no
    /// brochure typesets none.
    pub fn pdf_cache(&self) -> PathBuf {
        self.dir.join(".pdf-cache")
    }

    /// Takes the publishing lock; it is released when the returned file is dropped.
    pub fn lock(&self) -> Result<File, PublishError> {
        std::fs::create_dir_all(&self.dir).map_err(io(&self.dir))?;
        let path = self.dir.join(".lock");
        let file = File::create(&path).map_err(io(&path))?;
        file.lock().map_err(io(&path))?;
        Ok(file)
    }

    fn history_path(&self) -> PathBuf {
        self.dir.join(".history")
    }

    /// Published commits, oldest first.
    pub fn history(&self) -> Vec<String> {
        std::fs::read_to_string(self.history_path())
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    }

    fn write_history(&self, history: &[String]) -> Result<(), PublishError> {
        let path = self.history_path();
        let tmp = self.dir.join(".history.tmp");
        std::fs::write(&tmp, history.join("\n") + "\n").map_err(io(&tmp))?;
        std::fs::rename(&tmp, &path).map_err(io(&path))
    }

    /// The commit the live path points at now, if any (read from the symlink).
    pub fn current_of(live: &Path) -> Option<String> {
        let target = std::fs::read_link(live).ok()?;
        Some(target.file_name()?.to_string_lossy().into_owned())
    }

    /// Points `live` at the release of `commit` in one `rename(2)`, and records it as newest.
    pub fn activate(&self, commit: &str, live: &Path) -> Result<(), PublishError> {
        self.switch(commit, live)?;
        let mut history = self.history();
        history.retain(|c| c != commit);
        history.push(commit.to_string());
        self.write_history(&history)
    }

    /// Swaps the symlink: a new link beside `live`, renamed over it.
    fn switch(&self, commit: &str, live: &Path) -> Result<(), PublishError> {
        let release = self.path_of(commit);
        let release = release.canonicalize().map_err(io(&release))?;
        let name = live
            .file_name()
            .map_or("live".into(), |n| n.to_string_lossy().into_owned());
        let temporary = live.with_file_name(format!(".{name}.new-{}", std::process::id()));
        let _ = std::fs::remove_file(&temporary);
        std::os::unix::fs::symlink(&release, &temporary).map_err(io(&temporary))?;
        std::fs::rename(&temporary, live).map_err(io(live))
    }

    /// A new, empty folder in `releases/` for this process's export of the pushed tree
    /// (`.export.new-PID`): if the publish is killed, the next one removes it with the other
    /// leftovers ([`Releases::remove_leftovers`]); dropped, it is removed at once.
    pub fn export_folder(&self) -> Result<ExportFolder, PublishError> {
        let path = self.dir.join(format!(".export.new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).map_err(super::io(&path))?;
        Ok(ExportFolder(path))
    }

    /// Removes what killed publishes left in `releases/` (call it holding the lock): staging
    /// folders (`.X.new-PID`, `.X.old-PID`) of processes that have ended, and release
    /// folders that were never recorded (a publish killed between build and switch), unless
    /// `live` points at one.
    pub fn remove_leftovers(&self, live: &Path) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let history = self.history();
        let current = Releases::current_of(live);
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            let leftover = match name.strip_prefix('.') {
                Some(hidden) => {
                    staging_pid(hidden).is_some_and(crate::output::atomic::process_ended)
                }
                None => is_dir && !history.contains(&name) && current.as_deref() != Some(&name),
            };
            if leftover {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }

    /// Removes all but the newest `keep` releases (never the live one).
    pub fn prune(&self, keep: usize) -> Result<(), PublishError> {
        let mut history = self.history();
        let keep = keep.max(1);
        if history.len() <= keep {
            return Ok(());
        }
        let old: Vec<String> = history.drain(..history.len() - keep).collect();
        for commit in old {
            let path = self.path_of(&commit);
            if path.exists() {
                std::fs::remove_dir_all(&path).map_err(io(&path))?;
            }
        }
        self.write_history(&history)
    }
}

/// The process id at the end of a staging folder's name (`X.new-PID`, `X.old-PID`).
/// A folder that is removed when dropped.
pub struct ExportFolder(PathBuf);

impl ExportFolder {
    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ExportFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn staging_pid(name: &str) -> Option<u32> {
    let (_, pid) = name
        .rsplit_once(".new-")
        .or_else(|| name.rsplit_once(".old-"))?;
    pid.parse().ok()
}

/// Points `live` back at the release before the current one, or at `to` (a commit or its
/// prefix among the kept releases). Returns the commit now live.
pub fn rollback(live: &Path, to: Option<&str>) -> Result<String, PublishError> {
    let releases = Releases::beside(live);
    let _lock = releases.lock()?;
    let history = releases.history();
    let current = Releases::current_of(live);
    let target = match to {
        Some(prefix) => history
            .iter()
            .rev()
            .find(|c| c.starts_with(prefix))
            .cloned()
            .ok_or_else(|| {
                PublishError::Rollback(format!(
                    "no kept release starts with `{prefix}`; kept: {}",
                    history.join(", ")
                ))
            })?,
        None => {
            let position = current
                .as_ref()
                .and_then(|c| history.iter().position(|h| h == c))
                .unwrap_or(history.len());
            position
                .checked_sub(1)
                .and_then(|i| history.get(i))
                .cloned()
                .ok_or_else(|| {
                    PublishError::Rollback("there is no earlier release to go back to".into())
                })?
        }
    };
    releases.switch(&target, live)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn leftovers_of_killed_publishes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("live");
        let releases = Releases::beside(&live);
        std::fs::create_dir_all(releases.path_of("a1")).unwrap();
        releases.activate("a1", &live).unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let running = std::process::id();
        let partial = releases.path_of("b2");
        let stale = releases.path_of(&format!(".b2.new-{dead}"));
        let busy = releases.path_of(&format!(".c3.new-{running}"));
        let export = releases.path_of(&format!(".export.new-{dead}"));
        for folder in [&partial, &stale, &busy, &export, &releases.pdf_cache()] {
            std::fs::create_dir_all(folder).unwrap();
        }
        releases.remove_leftovers(&live);
        assert!(!partial.exists() && !stale.exists() && !export.exists());
        assert!(busy.exists() && releases.pdf_cache().exists());
        assert!(releases.path_of("a1").exists());
    }

    #[test]
    fn the_export_folder_is_beside_the_releases_and_gone_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let releases = Releases::beside(&dir.path().join("live"));
        let export = releases.export_folder().unwrap();
        let path = export.path().to_path_buf();
        assert!(path.starts_with(dir.path().join("releases")) && path.is_dir());
        assert!(staging_pid(&path.file_name().unwrap().to_string_lossy()).is_some());
        drop(export);
        assert!(!path.exists());
    }

    #[test]
    fn activate_swaps_and_prune_keeps_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("live");
        let releases = Releases::beside(&live);
        for commit in ["a1", "b2", "c3"] {
            std::fs::create_dir_all(releases.path_of(commit)).unwrap();
            std::fs::write(releases.path_of(commit).join("index.html"), commit).unwrap();
            releases.activate(commit, &live).unwrap();
            assert_eq!(
                std::fs::read_to_string(live.join("index.html")).unwrap(),
                commit
            );
        }
        releases.prune(2).unwrap();
        assert!(!releases.path_of("a1").exists());
        assert_eq!(releases.history(), ["b2", "c3"]);
        assert_eq!(rollback(&live, None).unwrap(), "b2");
        assert_eq!(
            std::fs::read_to_string(live.join("index.html")).unwrap(),
            "b2"
        );
        assert_eq!(rollback(&live, Some("c")).unwrap(), "c3");
        assert!(rollback(&live, Some("zz")).is_err());
    }
}
