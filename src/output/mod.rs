//! Output: where the files of a built site go — a staging folder swapped in atomically
//! ([`Staging`]), memory ([`Collect`]), or nowhere but their paths ([`Paths`], for `check`) —
//! and the [`OutputFile`] and [`Sink`] every output
//! stage hands its files to.

pub mod atomic;
pub mod target;

use std::collections::BTreeSet;
use std::io;
use std::sync::Mutex;

pub use atomic::{Staging, WriteError, write_atomically};
pub use target::{TargetError, check_target};

/// One file of the built site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/` separators (`uslugi/x/index.html`).
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// Writes one file's contents into the writer it is given.
pub type Contents<'a> = &'a mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>;

/// Where rendered files go, as they are made (from several threads at once).
pub trait Sink: Sync {
    /// Takes one file; an error stops the rendering.
    fn put(&self, file: OutputFile) -> Result<(), WriteError>;

    /// Takes one file written by `contents` (for large files, which a sink that writes to
    /// disk need not hold in memory); returns its size in bytes.
    fn put_with(&self, path: String, contents: Contents<'_>) -> Result<usize, WriteError> {
        let mut bytes = Vec::new();
        contents(&mut bytes).map_err(|e| WriteError::Io(path.clone().into(), e))?;
        let size = bytes.len();
        self.put(OutputFile { path, bytes })?;
        Ok(size)
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), WriteError> {
        Staging::put(self, &file.path, &file.bytes)
    }

    fn put_with(&self, path: String, contents: Contents<'_>) -> Result<usize, WriteError> {
        let size = Staging::put_with(self, &path, contents)?;
        Ok(usize::try_from(size).unwrap_or(usize::MAX))
    }
}

/// A [`Sink`] that keeps the files in memory.
#[derive(Default)]
pub struct Collect(Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), WriteError> {
        // A panic elsewhere cannot leave a half-pushed Vec: take the list even if poisoned.
        let mut files = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.push(file);
        Ok(())
    }
}

impl Collect {
    /// The files, sorted by path; two files for one path are an error, as in a build.
    pub fn into_files(self) -> Result<Vec<OutputFile>, WriteError> {
        let mut files = self
            .0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        if let Some(pair) = files.windows(2).find(|w| w[0].path == w[1].path) {
            return Err(WriteError::Twice(pair[0].path.clone()));
        }
        Ok(files)
    }
}

/// A [`Sink`] that keeps only the paths of the files and throws their contents away: what
/// `check` needs to know which files a build would write, without the memory for them.
#[derive(Default)]
pub struct Paths(Mutex<PathsSeen>);

#[derive(Default)]
struct PathsSeen {
    paths: BTreeSet<String>,
    /// The first path handed over twice, an error as in a build.
    twice: Option<String>,
}

impl Paths {
    fn claim(&self, path: String) {
        let mut seen = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if !seen.paths.insert(path.clone()) && seen.twice.is_none() {
            seen.twice = Some(path);
        }
    }

    /// The paths, sorted; two files for one path are an error, as in a build.
    pub fn into_paths(self) -> Result<BTreeSet<String>, WriteError> {
        let seen = self
            .0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match seen.twice {
            Some(path) => Err(WriteError::Twice(path)),
            None => Ok(seen.paths),
        }
    }
}

impl Sink for Paths {
    fn put(&self, file: OutputFile) -> Result<(), WriteError> {
        self.claim(file.path);
        Ok(())
    }

    fn put_with(&self, path: String, contents: Contents<'_>) -> Result<usize, WriteError> {
        // The contents are still made, to count their size (the open data page shows it).
        let mut counted = Counted(0);
        contents(&mut counted).map_err(|e| WriteError::Io(path.clone().into(), e))?;
        self.claim(path);
        Ok(counted.0)
    }
}

/// A writer that only counts the bytes written to it.
struct Counted(usize);

impl io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_keeps_paths_sizes_and_the_twice_rule() {
        let paths = Paths::default();
        paths
            .put(OutputFile {
                path: "a/index.html".into(),
                bytes: b"x".to_vec(),
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let size = paths
            .put_with("b.json".into(), &mut |w| w.write_all(b"four"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(size, 4);
        let all = paths.into_paths().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            all.into_iter().collect::<Vec<_>>(),
            ["a/index.html", "b.json"]
        );
        let twice = Paths::default();
        for _ in 0..2 {
            let _ = twice.put(OutputFile {
                path: "x".into(),
                bytes: Vec::new(),
            });
        }
        assert!(matches!(twice.into_paths(), Err(WriteError::Twice(p)) if p == "x"));
    }
}
