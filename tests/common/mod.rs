//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kartoteka::Date;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The date the fixtures are judged on, so that `verified` warnings do not change with time.
pub fn fixed_date() -> Date {
    Date::new(2026, 11, 25).expect("a real date")
}

/// Copies a folder tree (files and folders only).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
