//! One small site per error kind: the valid fixture with a few files changed
//! (`tests/fixtures/errors/<case>/`), and the exact diagnostics `check` must give
//! (`expected.txt` beside them: each headline `path:line:col: severity: message` and its help).
//!
//! Regenerate after a reviewed change of wording with `UPDATE_EXPECTED=1 cargo test --test suite check_errors`.

use std::path::Path;

use crate::common::{copy_tree, fixed_date, fixture};

/// Makes the site of an error case at `site`: the valid fixture with the case's files on top.
pub(crate) fn case_site(case: &Path, site: &Path) {
    copy_tree(&fixture("valid"), site);
    for entry in walkdir::WalkDir::new(case) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(case).unwrap();
        if entry.file_type().is_file() && relative != Path::new("expected.txt") {
            let target = site.join(relative);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn run_case(case: &Path) -> (String, kartoteka::Checked) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    case_site(case, &site);
    let checked = kartoteka::check(&site, fixed_date());
    let text: Vec<String> = checked.diagnostics.iter().map(|d| d.to_plain()).collect();
    (text.join("\n") + "\n", checked)
}

#[test]
fn every_error_kind_gives_its_exact_diagnostics() {
    let root = fixture("errors");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 22, "the error fixtures are there");
    let mut failures = Vec::new();
    for case in &cases {
        let (actual, checked) = run_case(case);
        let name = case.file_name().unwrap().to_string_lossy();
        assert!(
            checked.site.is_none(),
            "{name}: a site with errors gives no model"
        );
        assert!(checked.has_errors(), "{name}: has errors");
        let expected_path = case.join("expected.txt");
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failures.push(format!(
                "--- {name}: expected\n{expected}--- {name}: actual\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_site_is_an_error_not_a_read() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("valid"), &site);
    let outside = dir.path().join("secret.md");
    std::fs::write(&outside, "+++\ntitle = \"outside\"\n+++\n").unwrap();
    std::os::unix::fs::symlink(&outside, site.join("content/pages/leak.md")).unwrap();
    let checked = kartoteka::check(&site, fixed_date());
    let errors: Vec<String> = checked.errors().map(|d| d.headline()).collect();
    assert_eq!(
        errors,
        [
            "content/pages/leak.md:1:1: error: this symbolic link points outside the site folder (or nowhere)"
        ]
    );
    assert!(checked.site.is_none());
}
