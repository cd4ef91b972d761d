//! Nothing outside the site folder is read: not through `theme = "../…"`, not through a
//! symbolic link in place of config.toml, vocabularies.toml, a Fluent file or the theme.
//! A pusher may control every file of the site; the server's other files stay out of reach.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;

use crate::common::{copy_tree, fixed_date, fixture};

const SECRET: &str = "DATABASE_PASSWORD=hunter2";

/// A copy of the valid fixture in `dir/site`, and a secret file beside it (outside it).
fn site_and_secret(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let site = dir.join("site");
    copy_tree(&fixture("valid"), &site);
    let secret = dir.join("secret.env");
    std::fs::write(&secret, format!("hello = {SECRET}\n")).unwrap();
    (site, secret)
}

/// The error headlines of a check of `site`, which must have errors and leak nothing.
fn errors_of(site: &Path) -> Vec<String> {
    let checked = kartoteka::check(site, fixed_date());
    let all: Vec<String> = checked.diagnostics.iter().map(|d| d.to_plain()).collect();
    assert!(
        !all.iter().any(|d| d.contains("hunter2")),
        "a diagnostic shows the secret: {all:?}"
    );
    assert!(
        checked.site.is_none(),
        "a site that reads outside is not built"
    );
    checked.errors().map(|d| d.headline()).collect()
}

#[test]
fn a_theme_named_by_a_path_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (site, _) = site_and_secret(dir.path());
    let config = site.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("theme = \"../../etc\"\n{text}")).unwrap();
    let errors = errors_of(&site);
    assert!(
        errors.iter().any(|e| e.starts_with(
            "config.toml:1:9: error: `theme` must be the name of a folder in themes/"
        )),
        "{errors:?}"
    );
}

#[test]
fn a_fluent_file_linked_to_outside_is_an_error_not_a_read() {
    let dir = tempfile::tempdir().unwrap();
    let (site, secret) = site_and_secret(dir.path());
    std::fs::remove_file(site.join("i18n/en.ftl")).ok();
    symlink(&secret, site.join("i18n/en.ftl")).unwrap();
    let errors = errors_of(&site);
    assert!(
        errors.iter().any(|e| e.starts_with("i18n/en.ftl:1:1: error: this file is a symbolic link to a place outside the site folder")),
        "{errors:?}"
    );
}

#[test]
fn settings_linked_to_outside_are_errors_not_reads() {
    for name in ["config.toml", "vocabularies.toml"] {
        let dir = tempfile::tempdir().unwrap();
        let (site, secret) = site_and_secret(dir.path());
        std::fs::remove_file(site.join(name)).unwrap();
        symlink(&secret, site.join(name)).unwrap();
        let errors = errors_of(&site);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{name}:1:1: error: this file is a symbolic link"))),
            "{name}: {errors:?}"
        );
    }
}

#[test]
fn a_theme_folder_or_file_linked_to_outside_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (site, secret) = site_and_secret(dir.path());
    let outside = dir.path().join("outside-theme");
    std::fs::create_dir_all(outside.join("static")).unwrap();
    std::fs::copy(&secret, outside.join("static/leak.txt")).unwrap();
    std::fs::create_dir_all(site.join("themes")).unwrap();
    symlink(&outside, site.join("themes/default")).unwrap();
    let errors = errors_of(&site);
    assert!(
        errors.iter().any(|e| e.contains("is a symbolic link to a place outside the site folder; a theme must lie inside the site")),
        "{errors:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let (site, secret) = site_and_secret(dir.path());
    std::fs::create_dir_all(site.join("themes/default/templates")).unwrap();
    symlink(&secret, site.join("themes/default/templates/base.html")).unwrap();
    let errors = errors_of(&site);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("themes/default/templates/base.html is a symbolic link")),
        "{errors:?}"
    );
}

#[test]
fn links_that_stay_inside_the_site_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let (site, _) = site_and_secret(dir.path());
    std::fs::rename(site.join("i18n/en.ftl"), site.join("en-labels.ftl")).unwrap();
    symlink(site.join("en-labels.ftl"), site.join("i18n/en.ftl")).unwrap();
    let checked = kartoteka::check(&site, fixed_date());
    assert!(
        checked.site.is_some(),
        "{:?}",
        checked.errors().map(|d| d.headline()).collect::<Vec<_>>()
    );
}
