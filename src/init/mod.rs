//! `kartoteka init DIR`: writes a small working site to start from.

use std::path::Path;

/// The files of the starter site: path relative to the site folder, and contents.
const FILES: &[(&str, &str)] = &[
    ("config.toml", include_str!("site/config.toml")),
    ("vocabularies.toml", include_str!("site/vocabularies.toml")),
    ("i18n/bg.ftl", include_str!("site/i18n/bg.ftl")),
    ("i18n/en.ftl", include_str!("site/i18n/en.ftl")),
    ("content/_index.md", include_str!("site/content/_index.md")),
    (
        "content/_index.en.md",
        include_str!("site/content/_index.en.md"),
    ),
    (
        "content/services/dneven-tsentar.md",
        include_str!("site/content/services/dneven-tsentar.md"),
    ),
    (
        "content/services/dneven-tsentar.en.md",
        include_str!("site/content/services/dneven-tsentar.en.md"),
    ),
    (
        "content/providers/obshtina.md",
        include_str!("site/content/providers/obshtina.md"),
    ),
    (
        "content/providers/obshtina.en.md",
        include_str!("site/content/providers/obshtina.en.md"),
    ),
];

/// Why `init` could not write the site.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder exists and holds files already.
    #[error("{0} is not empty; choose a new folder so that nothing is overwritten")]
    NotEmpty(String),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Writes the starter site into `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<(), InitError> {
    let shown = dir.display().to_string();
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(InitError::NotEmpty(shown));
    }
    for (relative, contents) in FILES {
        let path = dir.join(relative);
        let io = |source| InitError::Io {
            path: path.display().to_string(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, contents).map_err(io)?;
    }
    Ok(())
}
