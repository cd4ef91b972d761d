//! `kartoteka new`: files with every field, placeholders that `check` reports until replaced.

use std::path::Path;

use crate::common::{copy_tree, fixed_date, fixture};
use kartoteka::model::Kind;
use kartoteka::model::PLACEHOLDER;
use kartoteka::scaffold::{NewError, write_new};

/// What an editor writes in place of each placeholder, by kind (the Bulgarian file, then English).
fn fill(kind: Kind, text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let filled = if !line.contains(PLACEHOLDER) || line.starts_with('#') {
            line.to_string()
        } else if let Some((key, _)) = line.split_once(" = ") {
            let value = match (kind, key) {
                (_, "verified") | (_, "start") | (_, "date") => "2026-11-01".to_string(),
                (Kind::Service, "type") => "\"tsop\"".to_string(),
                (Kind::Service, "activities") => "[\"day-care\"]".to_string(),
                (Kind::Service, "target_groups") => "[\"children\"]".to_string(),
                (Kind::Provider, "kind") => "\"ngo\"".to_string(),
                (Kind::Partnership, "kind") => "\"management-contract\"".to_string(),
                (Kind::Partnership, "parties") => "[\"obshtina\", \"sdruzhenie\"]".to_string(),
                _ => "\"Попълнено\"".to_string(),
            };
            format!("{key} = {value}")
        } else {
            "Текстът.".to_string()
        };
        out.push_str(&filled);
        out.push('\n');
    }
    out
}

fn errors_in(site: &Path, file: &str) -> Vec<String> {
    kartoteka::check(site, fixed_date())
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.path.contains(file))
        .map(|d| d.headline())
        .collect()
}

#[test]
fn new_files_for_every_kind_pass_check_once_filled_in() {
    for kind in [
        Kind::Service,
        Kind::Provider,
        Kind::Partnership,
        Kind::Page,
        Kind::Brochure,
    ] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&fixture("valid"), dir.path());
        let vocabularies = kartoteka::validate::load_vocabularies(dir.path());
        let paths = write_new(dir.path(), kind, "novo", &vocabularies).unwrap();
        assert_eq!(paths.len(), 2);

        let before = errors_in(dir.path(), "/novo.");
        assert!(!before.is_empty(), "{kind:?}: placeholders are reported");
        assert!(
            before.iter().all(|e| e.contains("placeholder")),
            "{kind:?}: every error names the placeholder: {before:#?}"
        );

        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            std::fs::write(path, fill(kind, &text)).unwrap();
        }
        let after = errors_in(dir.path(), "");
        assert!(after.is_empty(), "{kind:?}: {after:#?}");
    }
}

#[test]
fn new_refuses_to_overwrite_and_bad_ids() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    let vocabularies = kartoteka::validate::load_vocabularies(dir.path());
    let existing = dir.path().join("content/services/tsop.md");
    let before = std::fs::read(&existing).unwrap();
    let err = write_new(dir.path(), Kind::Service, "tsop", &vocabularies).unwrap_err();
    assert!(matches!(err, NewError::Exists(_)));
    assert_eq!(std::fs::read(&existing).unwrap(), before, "untouched");
    assert!(
        !dir.path().join("content/services/tsop.en.md").exists(),
        "nothing half-written"
    );
    let err = write_new(dir.path(), Kind::Service, "Нова Услуга", &vocabularies).unwrap_err();
    assert!(err.to_string().contains("nova-usluga"), "{err}");
}
