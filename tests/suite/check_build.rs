//! `check` is the whole gate: for every site folder of the tests (each error case, the valid
//! and render fixtures, the Ruse site at the repository root), `check` reports no error
//! exactly when `build` succeeds. A site whose validation fails gives no model, so it cannot
//! be built: `check` must then report errors; a site that validates is built, and `check`
//! must have found whatever stops that build (a theme that does not render, a dead link).

use std::path::{Path, PathBuf};

use crate::check_errors::case_site;
use crate::common::{copy_tree, fixed_date, fixture, repo};

/// Every site folder: name and the folder to check (error cases are made in `dir`).
fn sites(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut sites = vec![("Ruse site".to_string(), repo())];
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let path = entry.unwrap().path();
        if path.join("config.toml").is_file() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let copy = dir.join(&name);
            copy_tree(&path, &copy);
            sites.push((name, copy));
        }
    }
    for entry in std::fs::read_dir(fixture("errors")).unwrap() {
        let case = entry.unwrap().path();
        if case.is_dir() {
            let name = format!("errors/{}", case.file_name().unwrap().to_string_lossy());
            let site = dir.join(&name);
            case_site(&case, &site);
            sites.push((name, site));
        }
    }
    sites.sort();
    sites
}

#[test]
fn check_passes_exactly_when_build_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let all = sites(dir.path());
    assert!(all.len() >= 25, "every site folder is there: {}", all.len());
    let mut built = 0;
    let mut failures = Vec::new();
    for (name, site) in &all {
        let checked = kartoteka::check(site, fixed_date());
        let check_ok = !checked.diagnostics.iter().any(|d| d.is_error());
        assert_eq!(
            check_ok,
            checked.site.is_some(),
            "{name}: a model only when clean"
        );
        // `build` takes a validated site: build what validation alone accepts.
        let validated = kartoteka::validate::check_site(site, fixed_date());
        let Some(model) = validated.site else {
            if check_ok {
                failures.push(format!("{name}: validation fails, but check passes"));
            }
            continue;
        };
        let out = dir.path().join("out").join(name);
        // Without typesetting the brochures (`no_pdf`): their own tests do that, and the
        // pages link to the planned PDFs all the same, which the link check follows.
        let options = kartoteka::BuildOptions {
            no_pdf: true,
            pdf_cache: None,
        };
        let result = kartoteka::build(&model, &out, fixed_date(), &|| {}, &options);
        built += 1;
        match (check_ok, result) {
            (true, Ok(_)) => {}
            (false, Err(_)) => {}
            (true, Err(e)) => failures.push(format!("{name}: check passes, but build fails: {e}")),
            (false, Ok(_)) => {
                let errors: Vec<String> = checked
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| d.headline())
                    .collect();
                failures.push(format!(
                    "{name}: build succeeds, but check reports\n{}",
                    errors.join("\n")
                ));
            }
        }
    }
    assert!(built >= 5, "sites that validate were built: {built}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
