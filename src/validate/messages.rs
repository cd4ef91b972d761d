//! Reads the site's Fluent files (`i18n/<lang>.ftl`), parsing them to find syntax errors and
//! message ids.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::Entry;

use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{TextFile, read_text};
use crate::model::Lang;
use crate::model::messages::{MessageFile, SiteMessages};

/// Reads and parses `i18n/*.ftl` of the site at `root`.
pub fn load(root: &Path, max_file_size: u64) -> (SiteMessages, Vec<Diagnostic>) {
    let mut messages = SiteMessages::default();
    let mut diagnostics = Vec::new();
    let folder = root.join("i18n");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return (messages, diagnostics);
    };
    let mut names: BTreeSet<String> = BTreeSet::new();
    for entry in entries.flatten() {
        names.insert(entry.file_name().to_string_lossy().into_owned());
    }
    for name in names {
        let Some(code) = name.strip_suffix(".ftl") else {
            continue;
        };
        let path = folder.join(&name);
        let Some(lang) = Lang::from_code(code) else {
            diagnostics.push(
                Diagnostic::whole_file(
                    &format!("i18n/{name}"),
                    Severity::Warning,
                    format!("`{code}` is not a language of the site; this file is not used"),
                )
                .with_help("the site's languages are bg (i18n/bg.ftl) and en (i18n/en.ftl)"),
            );
            continue;
        };
        match read_text(root, &path, max_file_size) {
            Ok(file) => {
                let (parsed, problems) = parse(file);
                diagnostics.extend(problems);
                messages.files.insert(lang, parsed);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    (messages, diagnostics)
}

/// Parses one Fluent file, reporting every syntax error with its line and column.
pub fn parse(file: TextFile) -> (MessageFile, Vec<Diagnostic>) {
    let source = file.source();
    let (resource, errors) = match fluent_syntax::parser::parse(file.text.as_str()) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let mut ids = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(message) = entry {
            let name = message.id.name;
            let offset = name.as_ptr() as usize - file.text.as_ptr() as usize;
            if ids.insert(name.to_string(), offset).is_some() {
                diagnostics.push(
                    source
                        .error(
                            offset..offset,
                            format!("the message `{name}` is defined twice"),
                        )
                        .with_help("keep one definition and delete the other"),
                );
            }
        }
    }
    for error in errors {
        diagnostics.push(
            source
                .error(error.pos.clone(), format!("Fluent syntax error: {}", error.kind))
                .with_help("a label is written `id = text`; continuation lines start with spaces; see https://projectfluent.org/fluent/guide/"),
        );
    }
    drop(resource);
    (
        MessageFile {
            path: file.path,
            text: file.text,
            ids,
        },
        diagnostics,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ftl(text: &str) -> TextFile {
        TextFile {
            path: "i18n/bg.ftl".into(),
            text: text.into(),
        }
    }

    #[test]
    fn message_ids_are_collected() {
        let (file, problems) = parse(ftl(
            "activities-day-care = Дневна грижа\n    .description = Грижа през деня.\nlocalities-ruse = Русе\n",
        ));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            file.ids.keys().collect::<Vec<_>>(),
            ["activities-day-care", "localities-ruse"]
        );
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let (file, problems) = parse(ftl("a = A\nb c\nd = D\n"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].message.starts_with("Fluent syntax error"));
        assert!(file.ids.contains_key("d"), "parsing goes on after an error");
    }
}
