//! Where a build may write. The output folder is replaced whole, so it must never be the site,
//! hold the site, lie among the site's sources, or be a folder someone else filled: a wrong
//! `--output` (the site itself, `~/Desktop`) would otherwise delete their work.

use std::path::{Path, PathBuf};

/// The file every build leaves at the top of its output folder: the next build may replace
/// a folder that has it.
pub const MARKER: &str = ".kartoteka-build";

/// What the marker file says.
pub const MARKER_TEXT: &str =
    "This folder was written by `kartoteka build`; the next build replaces it whole.\n";

/// The site's folders of sources, which no output may be inside.
const SOURCES: [&str; 3] = ["content", "i18n", "themes"];

/// Why a build refuses to write to a folder.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// The output would replace the site folder or a folder that holds it.
    #[error(
        "refusing to write the website to {0}: it is the site folder or holds it, and a build replaces its output folder whole"
    )]
    HoldsSite(PathBuf),
    /// The output lies among the site's sources.
    #[error(
        "refusing to write the website to {0}: it is inside the site's {1}/ folder, which a build must not replace"
    )]
    AmongSources(PathBuf, &'static str),
    /// The output folder has files that no build of ours wrote.
    #[error(
        "refusing to replace {0}: the folder is not empty and was not written by `kartoteka build` (it has no {MARKER}); choose a new or empty folder, e.g. --output public"
    )]
    NotABuild(PathBuf),
    /// The site folder cannot be found.
    #[error("cannot find the site folder {0}: {1}")]
    Site(PathBuf, std::io::Error),
}

/// Checks that a build of the site at `site` may replace the folder `target`.
pub fn check_target(site: &Path, target: &Path) -> Result<(), TargetError> {
    let site = site
        .canonicalize()
        .map_err(|e| TargetError::Site(site.to_path_buf(), e))?;
    let absolute = resolve(target);
    if site.starts_with(&absolute) {
        return Err(TargetError::HoldsSite(target.to_path_buf()));
    }
    if let Ok(inside) = absolute.strip_prefix(&site)
        && let Some(first) = inside.components().next()
        && let Some(source) = SOURCES.iter().find(|s| first.as_os_str() == **s)
    {
        return Err(TargetError::AmongSources(target.to_path_buf(), source));
    }
    if is_foreign(&absolute) {
        return Err(TargetError::NotABuild(target.to_path_buf()));
    }
    Ok(())
}

/// `path` made absolute with its links followed, as far as it exists (a folder to be made
/// keeps the rest of its path as written).
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Is `folder` a non-empty folder that no build of ours wrote? A build leaves [`MARKER`];
/// builds before the marker existed are known by their home page and sitemap.
fn is_foreign(folder: &Path) -> bool {
    let Ok(mut entries) = std::fs::read_dir(folder) else {
        return false;
    };
    if entries.next().is_none() {
        return false;
    }
    let ours = folder.join(MARKER).is_file()
        || (folder.join("index.html").is_file() && folder.join("sitemap.xml").is_file());
    !ours
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let site = dir.path().join("site");
        for folder in ["content/services", "i18n", "themes/default"] {
            std::fs::create_dir_all(site.join(folder)).expect("a folder");
        }
        (dir, site)
    }

    #[test]
    fn the_site_and_what_holds_it_are_refused() {
        let (dir, site) = folders();
        for target in [
            site.clone(),
            dir.path().to_path_buf(),
            site.join("content/.."),
        ] {
            assert!(
                matches!(check_target(&site, &target), Err(TargetError::HoldsSite(_))),
                "{}",
                target.display()
            );
        }
    }

    #[test]
    fn the_sources_folders_are_refused() {
        let (_dir, site) = folders();
        for target in [
            "content",
            "content/services",
            "i18n/out",
            "themes/default/new",
        ] {
            assert!(
                matches!(
                    check_target(&site, &site.join(target)),
                    Err(TargetError::AmongSources(..))
                ),
                "{target}"
            );
        }
    }

    #[test]
    fn a_folder_filled_by_someone_else_is_refused_and_a_build_is_not() {
        let (dir, site) = folders();
        let desktop = dir.path().join("Desktop");
        std::fs::create_dir_all(&desktop).expect("a folder");
        assert!(check_target(&site, &desktop).is_ok(), "an empty folder");
        std::fs::write(desktop.join("notes.txt"), "mine").expect("a file");
        assert!(matches!(
            check_target(&site, &desktop),
            Err(TargetError::NotABuild(_))
        ));
        std::fs::write(desktop.join(MARKER), MARKER_TEXT).expect("a file");
        assert!(check_target(&site, &desktop).is_ok(), "a previous build");
        assert!(
            check_target(&site, &site.join("public")).is_ok(),
            "a new folder"
        );
        assert!(
            check_target(&site, &dir.path().join("a/b/c")).is_ok(),
            "a new folder deep down"
        );
    }
}
