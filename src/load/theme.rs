//! Reads a site's theme: Tera templates, static files, built-in UI strings and the brochure's
//! typst template and fonts.
//!
//! `themes/default/` of this repository is built into the binary, so a site without
//! `themes/` works. A site's own theme (`themes/<config theme>/`, else `themes/default/`)
//! replaces it file by file: a site may bring only a `static/style.css`, or every template.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::model::Lang;
use crate::model::theme::Theme;

/// The built-in theme (`themes/default/` at the repository root).
static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Why a site's theme could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// `theme = "x"` names a folder that does not exist.
    #[error("config.toml names the theme `{0}`, but the site has no folder themes/{0}/")]
    Missing(String),
    /// A template or string file is not UTF-8.
    #[error("{0} is not UTF-8 text")]
    NotText(PathBuf),
    /// The theme folder, or a file in it, is a symbolic link to outside the site folder.
    #[error(
        "{0} is a symbolic link to a place outside the site folder; a theme must lie inside the site"
    )]
    Outside(PathBuf),
    /// Reading failed.
    #[error("cannot read {0}: {1}")]
    Io(PathBuf, std::io::Error),
}

/// The theme built into the binary.
pub fn built_in() -> Theme {
    let mut theme = Theme::default();
    let mut files = Vec::new();
    collect_embedded(&BUILT_IN, &mut files);
    for (path, bytes) in files {
        // The built-in theme is checked by the tests; a non-UTF-8 template there is a bug
        // of this program, so it is skipped rather than reported to the site's editors.
        let _ = add(&mut theme, &path, bytes.to_vec());
    }
    theme
}

/// The built-in theme's strings of `lang`, for the tests of the stages that use them.
#[cfg(test)]
pub(crate) fn built_in_strings(lang: Lang) -> crate::model::strings::Strings {
    let theme = built_in();
    crate::model::strings::Strings::new(lang, theme.strings.get(&lang).map(String::as_str))
}

/// The theme of the site at `root`: the built-in one, with the site's theme files on top.
pub fn read(root: &Path, name: Option<&str>) -> Result<Theme, ThemeError> {
    let mut theme = built_in();
    let folder = root.join("themes").join(name.unwrap_or("default"));
    if !folder.is_dir() {
        return match name {
            Some(name) => Err(ThemeError::Missing(name.to_string())),
            None => Ok(theme),
        };
    }
    if !super::inside_site(root, &folder) {
        return Err(ThemeError::Outside(folder));
    }
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(&folder).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(&folder).to_path_buf();
            ThemeError::Io(path, e.into())
        })?;
        if entry.path_is_symlink() && !super::inside_site(root, entry.path()) {
            return Err(ThemeError::Outside(entry.into_path()));
        }
        if entry.file_type().is_file() || entry.path_is_symlink() && entry.path().is_file() {
            paths.push(entry.into_path());
        }
    }
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|e| ThemeError::Io(path.clone(), e))?;
        let relative = slash_path(path.strip_prefix(&folder).unwrap_or(&path));
        if add(&mut theme, &relative, bytes).map_err(|()| ThemeError::NotText(path.clone()))? {
            let site_path = slash_path(path.strip_prefix(root).unwrap_or(&path));
            theme.from_site.insert(relative, site_path);
        }
    }
    Ok(theme)
}

/// A relative path with `/` separators.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Adds (or replaces) the file at `path` relative to the theme folder; other folders are
/// ignored (`Ok(false)`). Fails when a text file is not UTF-8.
fn add(theme: &mut Theme, path: &str, bytes: Vec<u8>) -> Result<bool, ()> {
    if let Some(name) = path.strip_prefix("templates/") {
        let text = String::from_utf8(bytes).map_err(|_| ())?;
        theme.templates.insert(name.to_string(), text);
    } else if let Some(name) = path.strip_prefix("static/") {
        theme.statics.insert(name.to_string(), bytes);
    } else if let Some(name) = path.strip_prefix("i18n/") {
        let Some(lang) = name.strip_suffix(".ftl").and_then(Lang::from_code) else {
            return Ok(false);
        };
        let text = String::from_utf8(bytes).map_err(|_| ())?;
        theme.strings.insert(lang, text);
    } else if path == Theme::BROCHURE_TEMPLATE {
        theme.brochure_template = String::from_utf8(bytes).map_err(|_| ())?;
    } else if let Some(name) = path.strip_prefix("print/fonts/") {
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !matches!(extension.as_deref(), Some("ttf" | "otf")) {
            return Ok(false);
        }
        theme.print_fonts.insert(name.to_string(), bytes);
    } else {
        return Ok(false);
    }
    Ok(true)
}

fn collect_embedded(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        out.push((path, file.contents()));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_theme_has_templates_styles_and_strings() {
        let theme = built_in();
        for name in ["base.html", "service.html", "home.html", "404.html"] {
            assert!(theme.templates.contains_key(name), "{name}");
        }
        assert!(theme.statics.contains_key("style.css"));
        assert!(theme.strings.contains_key(&Lang::Bg));
        assert!(theme.strings.contains_key(&Lang::En));
        assert!(theme.brochure_template.contains("data.json"));
        assert_eq!(
            theme.print_fonts.keys().collect::<Vec<_>>(),
            [
                "NotoSans-Bold.ttf",
                "NotoSans-BoldItalic.ttf",
                "NotoSans-Italic.ttf",
                "NotoSans-Regular.ttf"
            ]
        );
    }

    #[test]
    fn a_site_theme_replaces_files_one_by_one() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = dir.path().join("themes/default/static");
        std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(folder.join("style.css"), "body{}").unwrap_or_else(|e| panic!("{e}"));
        let theme = read(dir.path(), None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(theme.statics["style.css"], b"body{}");
        assert_eq!(
            theme.origin("static/style.css"),
            "themes/default/static/style.css"
        );
        assert_eq!(
            theme.origin("templates/base.html"),
            "(built-in theme) templates/base.html"
        );
        assert!(theme.templates.contains_key("base.html"));
        assert!(matches!(
            read(dir.path(), Some("nope")),
            Err(ThemeError::Missing(_))
        ));
    }
}
