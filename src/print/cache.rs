//! The PDF cache: a folder of `<key>.pdf` files, where the key hashes every input of a brochure.
//!
//! The key covers the program and engine versions (with how the engine exports), the theme's template and font files (see
//! [`engine_digest`]), the brochure's data as the template receives it (every word, label,
//! URL and QR code printed, the paper and the printed date), the PDF date and the PDF id. Anything that could change a byte of the PDF is
//! in it, so a hit is always safe to reuse; a stale entry is simply never asked for again and
//! is pruned at the end of the build.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::Date;

/// A cache key: 64 hex digits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key(String);

impl Key {
    /// The key of a brochure typeset by an engine of digest `engine` (see [`engine_digest`])
    /// whose template data is `data`, dated `date`, with PDF id `ident`.
    pub fn new(engine: &[u8], data: &[u8], date: Date, ident: &str) -> Key {
        let mut hasher = Sha256::new();
        hasher.update(engine);
        for part in [data, date.to_string().as_bytes(), ident.as_bytes()] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        Key(hex(&hasher.finalize()))
    }

    /// The key as written in file names.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The hash of what every brochure of a theme shares: the program version, the engine's version
/// and export settings (`engine`), the template and the fonts (by name, in name order).
pub fn engine_digest<'a>(
    engine: &str,
    template: &str,
    fonts: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Vec<u8> {
    let mut hasher = Sha256::new();
    let version = concat!(env!("CARGO_PKG_NAME"), " ", env!("CARGO_PKG_VERSION"));
    let fonts = fonts
        .into_iter()
        .flat_map(|(name, bytes)| [name.as_bytes(), bytes]);
    for part in [version.as_bytes(), engine.as_bytes(), template.as_bytes()]
        .into_iter()
        .chain(fonts)
    {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.finalize().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A cache folder.
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache in `dir` (created when the first PDF is stored).
    pub fn new(dir: &Path) -> Cache {
        Cache {
            dir: dir.to_path_buf(),
        }
    }

    fn file(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{}.pdf", key.as_str()))
    }

    /// The stored PDF for `key`, if any. An unreadable entry counts as a miss.
    pub fn get(&self, key: &Key) -> Option<Vec<u8>> {
        let bytes = fs::read(self.file(key)).ok()?;
        bytes.starts_with(b"%PDF-").then_some(bytes)
    }

    /// Stores a PDF under `key`, atomically: a reader sees the whole file or none.
    pub fn put(&self, key: &Key, pdf: &[u8]) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let target = self.file(key);
        let temporary = self
            .dir
            .join(format!(".{}.{}.tmp", key.as_str(), std::process::id()));
        fs::write(&temporary, pdf)?;
        fs::rename(&temporary, &target).inspect_err(|_| {
            let _ = fs::remove_file(&temporary);
        })
    }

    /// Deletes the entries not in `keep` (left by earlier content); other files are left alone.
    pub fn prune(&self, keep: &BTreeSet<Key>) -> io::Result<usize> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Ok(0);
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".pdf") else {
                continue;
            };
            let is_entry = stem.len() == 64 && stem.bytes().all(|b| b.is_ascii_hexdigit());
            if is_entry && !keep.contains(&Key(stem.to_string())) {
                fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_change_with_every_input() {
        let date = Date::new(2020, 1, 28).unwrap();
        let engine = engine_digest("typst", "#json(\"/data.json\")", [("a.ttf", &b"font"[..])]);
        let key = Key::new(&engine, b"{}", date, "/a.pdf");
        assert_eq!(key.as_str().len(), 64);
        assert_eq!(key, Key::new(&engine, b"{}", date, "/a.pdf"));
        assert_ne!(key, Key::new(&engine, b"{ }", date, "/a.pdf"));
        assert_ne!(
            key,
            Key::new(&engine, b"{}", Date::new(2020, 1, 29).unwrap(), "/a.pdf")
        );
        assert_ne!(key, Key::new(&engine, b"{}", date, "/b.pdf"));
    }

    #[test]
    fn the_engine_template_and_fonts_are_in_the_key() {
        let date = Date::new(2020, 1, 28).unwrap();
        let key_of = |engine: &str, template: &str, fonts: &[(&str, &[u8])]| {
            Key::new(
                &engine_digest(engine, template, fonts.iter().copied()),
                b"{}",
                date,
                "/a.pdf",
            )
        };
        let key = |template: &str, fonts: &[(&str, &[u8])]| key_of("typst 1", template, fonts);
        let base = key("x", &[("a.ttf", b"font")]);
        assert_ne!(base, key_of("typst 2", "x", &[("a.ttf", b"font")]));
        assert_eq!(base, key("x", &[("a.ttf", b"font")]));
        assert_ne!(base, key("y", &[("a.ttf", b"font")]));
        assert_ne!(base, key("x", &[("a.ttf", b"font2")]));
        assert_ne!(base, key("x", &[("b.ttf", b"font")]));
        assert_ne!(base, key("x", &[("a.ttf", b"font"), ("b.ttf", b"font")]));
    }

    #[test]
    fn store_read_and_prune() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(&dir.path().join("pdf"));
        let date = Date::new(2020, 1, 28).unwrap();
        let (a, b) = (
            Key::new(b"", b"a", date, "a"),
            Key::new(b"", b"b", date, "b"),
        );
        assert_eq!(cache.get(&a), None);
        cache.put(&a, b"%PDF-1.7 a").unwrap();
        cache.put(&b, b"%PDF-1.7 b").unwrap();
        fs::write(dir.path().join("pdf/notes.txt"), "kept").unwrap();
        assert_eq!(cache.get(&a).as_deref(), Some(&b"%PDF-1.7 a"[..]));
        assert_eq!(cache.prune(&BTreeSet::from([a.clone()])).unwrap(), 1);
        assert!(cache.get(&a).is_some() && cache.get(&b).is_none());
        assert!(dir.path().join("pdf/notes.txt").exists());
    }
}
