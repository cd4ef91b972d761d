//! Finding the content files: which folder (kind), which id and which language each one is.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Severity, display_path, suggest};
use crate::model::Kind;
use crate::model::Lang;
use crate::model::id::{check_id, suggest_id};

/// What a content file's place and name say about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentPath {
    /// The folder it is in.
    pub kind: Kind,
    /// The file stem (`_index` for the home page).
    pub id: String,
    /// `x.md` is the default language, `x.en.md` English.
    pub lang: Lang,
}

/// The content files found, and problems with names and places.
pub(super) struct Found {
    pub paths: Vec<(PathBuf, ContentPath)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `content/`, following symlinks only while they stay inside the site folder.
pub(super) fn content_files(root: &Path) -> Found {
    let mut found = Found {
        paths: Vec::new(),
        diagnostics: Vec::new(),
    };
    let content = root.join("content");
    if !content.is_dir() {
        found.diagnostics.push(
            Diagnostic::whole_file(
                "content",
                Severity::Error,
                "the site has no `content/` folder",
            )
            .with_help(
                "run `kartoteka init DIR` to start a site, or check the path given to kartoteka",
            ),
        );
        return found;
    }
    let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut escapes = Vec::new();
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                return false;
            }
            if entry.path_is_symlink() {
                let inside = entry
                    .path()
                    .canonicalize()
                    .is_ok_and(|target| target.starts_with(&site));
                if !inside {
                    escapes.push(entry.path().to_path_buf());
                    return false;
                }
            }
            true
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = display_path(root, entry.path());
                match classify(&relative) {
                    Ok(Some(place)) => found.paths.push((entry.path().to_path_buf(), place)),
                    Ok(None) => {}
                    Err(d) => found.diagnostics.push(*d),
                }
            }
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map_or("content".to_string(), |p| display_path(root, p));
                found.diagnostics.push(Diagnostic::whole_file(
                    &path,
                    Severity::Error,
                    format!("cannot read this part of content/: {e}"),
                ));
            }
        }
    }
    for path in escapes {
        found.diagnostics.push(
            Diagnostic::whole_file(
                &display_path(root, &path),
                Severity::Error,
                "this symbolic link points outside the site folder (or nowhere)",
            )
            .with_help("copy the file into the site instead of linking to it"),
        );
    }
    found
}

/// Says what a `content/…` path is. `Ok(None)` for files that are not content (images, notes).
pub fn classify(relative: &str) -> Result<Option<ContentPath>, Box<Diagnostic>> {
    let Some(name) = relative.strip_suffix(".md") else {
        return Ok(None);
    };
    let error = |message: String, help: String| {
        Box::new(Diagnostic::whole_file(relative, Severity::Error, message).with_help(help))
    };
    let parts: Vec<&str> = name.split('/').collect();
    let (kind, file) = match parts.as_slice() {
        ["content", file] => (Kind::Home, *file),
        ["content", folder, file] => {
            match Kind::FOLDERS.into_iter().find(|k| k.folder() == *folder) {
                Some(kind) => (kind, *file),
                None => {
                    let known = Kind::FOLDERS.map(Kind::folder);
                    let help = match suggest(folder, known) {
                        Some(s) => format!("did you mean `content/{s}/`?"),
                        None => format!("content files go in one of: {}", known.join(", ")),
                    };
                    return Err(error(format!("`{folder}` is not a content folder"), help));
                }
            }
        }
        _ => {
            return Err(error(
                "content files cannot be nested in sub-folders".into(),
                "move the file directly into content/services/, content/providers/, … ".into(),
            ));
        }
    };
    let (id, lang) = match file.rsplit_once('.') {
        None => (file, Lang::DEFAULT),
        Some((id, code)) => match Lang::from_code(code) {
            Some(Lang::En) => (id, Lang::En),
            Some(Lang::Bg) => {
                return Err(error(
                    "the Bulgarian file has no language suffix".into(),
                    format!("rename it to {id}.md"),
                ));
            }
            None => {
                return Err(error(
                    format!("`{code}` is not a language of the site"),
                    format!("name the file {id}.md (Bulgarian) or {id}.en.md (English)"),
                ));
            }
        },
    };
    if kind == Kind::Home {
        if id != "_index" {
            return Err(error(
                "only `_index.md` and `_index.en.md` may sit directly in content/".into(),
                "move the file into content/pages/ (a free page) or content/services/, …".into(),
            ));
        }
    } else if let Some(problem) = check_id(id) {
        return Err(error(
            format!("`{id}` is not a valid id: {problem}"),
            format!("rename the file, e.g. to `{}`", suggest_id(id)),
        ));
    }
    Ok(Some(ContentPath {
        kind,
        id: id.to_string(),
        lang,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_places_say_kind_id_and_language() {
        let place = classify("content/services/dneven-tsentar.en.md")
            .unwrap()
            .unwrap();
        assert_eq!(place.kind, Kind::Service);
        assert_eq!(place.id, "dneven-tsentar");
        assert_eq!(place.lang, Lang::En);
        let home = classify("content/_index.md").unwrap().unwrap();
        assert_eq!(home.kind, Kind::Home);
        assert_eq!(classify("content/services/photo.jpg").unwrap(), None);
    }

    #[test]
    fn bad_names_and_places_are_explained() {
        let e = classify("content/servises/a.md").unwrap_err();
        assert!(e.message.contains("`servises`"));
        assert_eq!(e.help.as_deref(), Some("did you mean `content/services/`?"));
        let e = classify("content/services/Дневен Център.md").unwrap_err();
        assert!(e.help.unwrap().contains("dneven-tsentar"));
        let e = classify("content/services/a.de.md").unwrap_err();
        assert!(e.message.contains("`de`"));
        let e = classify("content/services/x/a.md").unwrap_err();
        assert!(e.message.contains("nested"));
    }
}
