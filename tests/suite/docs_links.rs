//! The documentation a user clones is complete: every link and image in README.md,
//! ARCHITECTURE.md and docs/**/*.md points at a file or folder inside the repository
//! (web links aside), so no page sends a reader to a place the clone does not have.

use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::common::repo;

/// The Markdown files whose links are checked, relative to the repository root.
fn documents(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = ["README.md", "ARCHITECTURE.md"]
        .iter()
        .map(PathBuf::from)
        .filter(|p| root.join(p).is_file())
        .collect();
    for entry in walkdir::WalkDir::new(root.join("docs")).sort_by_file_name() {
        let entry = entry.expect("docs/ is readable");
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "md") {
            out.push(path.strip_prefix(root).expect("inside").to_path_buf());
        }
    }
    out
}

/// Every link and image target of a Markdown text, as written.
fn targets(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.into_string())
            }
            _ => None,
        })
        .collect()
}

/// Is `target` a link to the web (or an anchor in the same page), not a file of the repo?
fn is_outside_the_tree(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    target.starts_with('#')
        || ["http://", "https://", "mailto:", "tel:"]
            .iter()
            .any(|scheme| lower.starts_with(scheme))
}

/// `path` with `.` and `..` resolved without touching the disk; `None` when it climbs above
/// the folder it starts from.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(name) => out.push(name),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// What is wrong with the links of `document` (relative to `root`), whose text is `markdown`.
fn problems(root: &Path, document: &Path, markdown: &str) -> Vec<String> {
    let folder = document.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for target in targets(markdown) {
        if is_outside_the_tree(&target) {
            continue;
        }
        let path = target.split('#').next().unwrap_or_default();
        let shown = document.display();
        if path.starts_with("../shared") {
            out.push(format!(
                "{shown}: `{target}` points at ../shared/, which a clone does not have"
            ));
            continue;
        }
        if path.starts_with('/') {
            out.push(format!(
                "{shown}: `{target}` is an absolute path; link relative to the file"
            ));
            continue;
        }
        match normalise(&folder.join(path)) {
            None => out.push(format!(
                "{shown}: `{target}` leaves the repository; link to a file inside it"
            )),
            Some(inside) if !root.join(&inside).exists() => out.push(format!(
                "{shown}: `{target}` points at {}, which does not exist",
                inside.display()
            )),
            Some(_) => {}
        }
    }
    out
}

#[test]
fn every_link_in_the_docs_resolves_inside_the_repository() {
    let root = repo();
    let documents = documents(&root);
    assert!(
        documents.iter().any(|d| d == Path::new("README.md"))
            && documents.contains(&PathBuf::from("docs/content-format.md")),
        "README.md and docs/content-format.md are checked: {documents:?}"
    );
    let mut found = Vec::new();
    for document in &documents {
        let text = std::fs::read_to_string(root.join(document)).expect("a readable .md file");
        found.extend(problems(&root, document, &text));
    }
    assert!(found.is_empty(), "dead links:\n{}", found.join("\n"));
}

#[test]
fn the_readme_sends_readers_to_the_content_format() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    assert!(
        targets(&readme)
            .iter()
            .any(|t| t.starts_with("docs/content-format.md")),
        "README.md links docs/content-format.md"
    );
}

#[test]
fn dead_and_escaping_links_are_caught() {
    let root = repo();
    let markdown = "[web](https://example.org/) [mail](mailto:a@b.bg) [tel](tel:+35982123456) \
        [anchor](#top) [ok](content-format.md#12-configtoml) [folder](ci/) \
        ![ok image](../themes/default/static/style.css) \
        [dead](no-such-page.md) ![dead image](img/none.png) [shared](../shared/design/x.md) \
        [out](../../etc/passwd) [absolute](/README.md)\n\n\
        | table | cell |\n|---|---|\n| [dead in a table](gone.md) | x |\n";
    let found = problems(&root, Path::new("docs/x.md"), markdown);
    let flagged: Vec<&str> = ["no-such-page.md", "img/none.png", "../shared/design/x.md"]
        .into_iter()
        .chain(["../../etc/passwd", "/README.md", "gone.md"])
        .collect();
    assert_eq!(found.len(), flagged.len(), "{found:#?}");
    for target in flagged {
        assert!(
            found.iter().any(|p| p.contains(&format!("`{target}`"))),
            "{target} is flagged: {found:#?}"
        );
    }
}

/// ARCHITECTURE.md stays a true map: it names every top-level module of `src/` as
/// `src/<name>` (a folder as `src/<name>/`), and names none that is gone.
#[test]
fn the_architecture_map_names_every_module() {
    let root = repo();
    let map = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut missing = Vec::new();
    let mut modules = Vec::new();
    for entry in std::fs::read_dir(root.join("src")).expect("src/") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let named = if path.is_dir() {
            format!("src/{name}/")
        } else if name.ends_with(".rs") {
            format!("src/{name}")
        } else {
            continue;
        };
        if !map.contains(&format!("`{named}`")) {
            missing.push(named.clone());
        }
        modules.push(named);
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name {missing:?}"
    );
    let stale: Vec<&str> = map
        .split('`')
        .filter(|s| is_module_path(s))
        .filter(|s| !modules.iter().any(|m| m == s))
        .collect();
    assert!(
        stale.is_empty(),
        "ARCHITECTURE.md names modules that are gone: {stale:?}"
    );
}

/// Is `text` the path of a top-level module: `src/<name>.rs` or `src/<name>/`?
fn is_module_path(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("src/") else {
        return false;
    };
    match rest.strip_suffix('/') {
        Some(folder) => !folder.is_empty() && !folder.contains('/'),
        None => rest.ends_with(".rs") && !rest.contains('/'),
    }
}
