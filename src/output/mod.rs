//! Output: where the files of a built site go — a staging folder swapped in atomically
//! ([`Staging`]), or memory ([`Collect`]) — and the [`OutputFile`] and [`Sink`] every output
//! stage hands its files to.

pub mod atomic;
pub mod target;

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
