//! Writing a built site so that a failure never leaves a half-written or emptied folder.
//!
//! The files go to a temporary folder beside the target; only when every file is written does
//! the new folder take the old one's place: in one step on Linux (`renameat2` exchanges the
//! two), elsewhere by renaming the old folder aside and the new one into place; then the old
//! one is removed.
//! On any error the temporary folder is removed and the previous site stays as it was.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::OutputFile;

/// Why the site could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target has no usable parent folder or name.
    #[error("cannot write the site to {0}: choose a folder path such as `public`")]
    BadTarget(PathBuf),
    /// The target exists and is not a folder.
    #[error("{0} exists and is not a folder; it was left as it was")]
    NotAFolder(PathBuf),
    /// A file path would leave the output folder.
    #[error("refusing to write outside the output folder: {0}")]
    Escapes(String),
    /// Two files for one path.
    #[error(
        "two files would be written to {0}; if one is a free page (content/pages/), give it an id that is not a section name"
    )]
    Twice(String),
    /// Writing or renaming failed.
    #[error("cannot write {0}: {1}")]
    Io(PathBuf, io::Error),
}

/// A new site being written beside `target`: files go into a temporary folder as they are
/// made ([`Staging::put`]), and [`Staging::commit`] puts the folder in place of `target`.
/// Dropped without a commit (an error anywhere in the build), the temporary folder is
/// removed and `target` stays as it was.
///
/// Writing as files are made keeps a build's memory to what is being rendered, not the
/// whole site. Every path may be written once: a second file for the same path is an error
/// ([`WriteError::Twice`]), as two pages meant for one URL are a mistake in the content.
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    backup: PathBuf,
    written: Mutex<HashSet<String>>,
    committed: bool,
}

impl Staging {
    /// Prepares an empty temporary folder beside `target`.
    pub fn new(target: &Path) -> Result<Staging, WriteError> {
        let name = target
            .file_name()
            .ok_or_else(|| WriteError::BadTarget(target.to_path_buf()))?
            .to_string_lossy()
            .into_owned();
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if target.exists() && !target.is_dir() {
            return Err(WriteError::NotAFolder(target.to_path_buf()));
        }
        remove_stale(&parent, &name);
        let pid = std::process::id();
        let temp = parent.join(format!(".{name}.new-{pid}"));
        let _ = std::fs::remove_dir_all(&temp);
        std::fs::create_dir_all(&temp).map_err(|e| WriteError::Io(temp.clone(), e))?;
        Ok(Staging {
            target: target.to_path_buf(),
            backup: parent.join(format!(".{name}.old-{pid}")),
            temp,
            written: Mutex::new(HashSet::new()),
            committed: false,
        })
    }

    /// Writes one file of the new site (`relative` has `/` separators).
    pub fn put(&self, relative: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.claim(relative)?;
        std::fs::write(&path, bytes).map_err(|e| WriteError::Io(path, e))
    }

    /// Writes one file of the new site by handing `contents` a buffered writer of it, so that
    /// a large file (the open data export) need not be held in memory; returns its size.
    pub fn put_with(
        &self,
        relative: &str,
        contents: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<u64, WriteError> {
        let path = self.claim(relative)?;
        let file = std::fs::File::create(&path).map_err(|e| WriteError::Io(path.clone(), e))?;
        let mut writer = Counted {
            inner: io::BufWriter::with_capacity(1 << 16, file),
            bytes: 0,
        };
        contents(&mut writer)
            .and_then(|()| io::Write::flush(&mut writer))
            .map_err(|e| WriteError::Io(path, e))?;
        Ok(writer.bytes)
    }

    /// The place of `relative` in the temporary folder, with its folder made; a path claimed
    /// before is an error.
    fn claim(&self, relative: &str) -> Result<PathBuf, WriteError> {
        let path = file_path(&self.temp, relative)?;
        let first = self
            .written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(relative.to_string());
        if !first {
            return Err(WriteError::Twice(relative.to_string()));
        }
        if let Some(dir) = path.parent() {
            make_folder(dir).map_err(|e| WriteError::Io(dir.to_path_buf(), e))?;
        }
        Ok(path)
    }

    /// How many files have been written.
    pub fn count(&self) -> usize {
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }

    /// The paths written so far, relative to the output folder (for the link check).
    pub fn paths(&self) -> std::collections::BTreeSet<String> {
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    /// Puts the new site in place of the old one, keeping the old one until then.
    pub fn commit(mut self) -> Result<(), WriteError> {
        let swapped = swap(&self.temp, &self.target, &self.backup);
        self.committed = swapped.is_ok();
        swapped
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temp);
        }
    }
}

/// A writer that counts the bytes written through it.
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W: io::Write> io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Makes the folder `dir` of a file about to be written, and its parents. Most files are a
/// page alone in a new folder (`uslugi/x/index.html`) whose parent exists: one `mkdir`, where
/// `create_dir_all` first asks whether the folder exists (a `statx` that fails, then the
/// `mkdir`); the parents are made only when the folder's parent is missing too.
fn make_folder(dir: &Path) -> io::Result<()> {
    match std::fs::create_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::create_dir_all(dir),
        Err(e) => Err(e),
    }
}

/// Writes `files` as the new contents of the folder `target`, replacing it only on success.
pub fn write_atomically(target: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let staging = Staging::new(target)?;
    files
        .par_iter()
        .try_for_each(|file| staging.put(&file.path, &file.bytes))?;
    staging.commit()
}

/// The place of a relative output path inside `folder`; refuses `..`, absolute paths and
/// empty parts.
fn file_path(folder: &Path, relative: &str) -> Result<PathBuf, WriteError> {
    let mut path = folder.to_path_buf();
    for part in relative.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.contains('\\') {
            return Err(WriteError::Escapes(relative.to_string()));
        }
        path.push(part);
    }
    Ok(path)
}

/// Puts `temp` in place of `target`, keeping the old site until the new one is in place.
fn swap(temp: &Path, target: &Path, backup: &Path) -> Result<(), WriteError> {
    if target.exists() && exchange(temp, target).is_ok() {
        // One step: `target` is the new site, `temp` the old one; never a moment without.
        let _ = std::fs::remove_dir_all(temp);
        return Ok(());
    }
    // No exchange (no old site, or a system or file system without it): two renames, with
    // a moment between them when `target` is missing.
    let had_old = target.exists();
    if had_old {
        let _ = std::fs::remove_dir_all(backup);
        std::fs::rename(target, backup).map_err(|e| WriteError::Io(target.to_path_buf(), e))?;
    }
    if let Err(e) = std::fs::rename(temp, target) {
        if had_old {
            // Put the previous site back; if even that fails, say where it is.
            if std::fs::rename(backup, target).is_err() {
                return Err(WriteError::Io(backup.to_path_buf(), e));
            }
        }
        return Err(WriteError::Io(target.to_path_buf(), e));
    }
    if had_old {
        // The new site is in place; a backup that cannot be removed is only litter.
        let _ = std::fs::remove_dir_all(backup);
    }
    Ok(())
}

/// Swaps two paths atomically (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// Elsewhere there is no atomic exchange of folders.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Removes the temporary folders (`.NAME.new-PID`, `.NAME.old-PID`) that builds into `NAME`
/// left in `parent` when they were killed: those whose process no longer runs. A process
/// that still runs (another build) keeps its folders; where liveness cannot be told (no
/// `/proc`), nothing is removed.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| staging_pid(n, name)) else {
            continue;
        };
        if process_ended(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The process id in a temporary folder's name `.NAME.new-PID` or `.NAME.old-PID`.
fn staging_pid(file_name: &str, name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let pid = rest
        .strip_prefix(".new-")
        .or_else(|| rest.strip_prefix(".old-"))?;
    pid.parse().ok()
}

/// Has the process `pid` certainly ended? Read from `/proc` (Linux); `false` when it runs,
/// is this process, or cannot be told.
pub(crate) fn process_ended(pid: u32) -> bool {
    let proc = Path::new("/proc");
    pid != std::process::id() && proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn the_swap_exchanges_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (temp, target) = (dir.path().join("new"), dir.path().join("public"));
        std::fs::create_dir_all(&temp).unwrap();
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(temp.join("a"), "new").unwrap();
        std::fs::write(target.join("a"), "old").unwrap();
        exchange(&temp, &target).expect("renameat2 exchanges folders");
        assert_eq!(std::fs::read_to_string(target.join("a")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(temp.join("a")).unwrap(), "old");
    }

    #[test]
    fn staging_names_give_their_process() {
        assert_eq!(staging_pid(".public.new-123", "public"), Some(123));
        assert_eq!(staging_pid(".public.old-7", "public"), Some(7));
        assert_eq!(staging_pid(".public.new-x", "public"), None);
        assert_eq!(staging_pid(".publicity.new-7", "public"), None);
        assert_eq!(staging_pid("public", "public"), None);
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_folder_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("public");
        write_atomically(
            &target,
            &[file("a/index.html", "one"), file("old.txt", "x")],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        write_atomically(&target, &[file("a/index.html", "two")]).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(target.join("a/index.html")).unwrap_or_default();
        assert_eq!(text, "two");
        assert!(!target.join("old.txt").exists(), "stale files go");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn a_second_file_for_one_path_is_an_error_and_nothing_is_swapped() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("public");
        write_atomically(&target, &[file("index.html", "old")]).unwrap_or_else(|e| panic!("{e}"));
        let staging = Staging::new(&target).unwrap_or_else(|e| panic!("{e}"));
        staging
            .put("uslugi/index.html", b"list")
            .unwrap_or_else(|e| panic!("{e}"));
        let twice = staging.put("uslugi/index.html", b"free page");
        assert!(
            matches!(&twice, Err(WriteError::Twice(p)) if p == "uslugi/index.html"),
            "{twice:?}"
        );
        drop(staging);
        let text = std::fs::read_to_string(target.join("index.html")).unwrap_or_default();
        assert_eq!(text, "old");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(
            names,
            ["public"],
            "the staging folder is removed when dropped"
        );
    }

    #[test]
    fn a_failure_leaves_the_previous_site() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("public");
        write_atomically(&target, &[file("index.html", "old")]).unwrap_or_else(|e| panic!("{e}"));
        let bad = write_atomically(&target, &[file("index.html", "new"), file("../x", "evil")]);
        assert!(matches!(bad, Err(WriteError::Escapes(_))));
        let text = std::fs::read_to_string(target.join("index.html")).unwrap_or_default();
        assert_eq!(text, "old");
        assert!(!dir.path().join("x").exists());
        assert_eq!(
            std::fs::read_dir(dir.path())
                .map(|d| d.count())
                .unwrap_or(0),
            1
        );
    }
}
