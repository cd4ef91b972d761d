//! The `kartoteka` command as editors and CI use it: exit codes, output format, help.

use std::process::Command;

use crate::common::{copy_tree, fixture};

fn kartoteka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kartoteka"))
}

#[test]
fn check_exits_0_on_a_clean_site_and_prints_the_summary() {
    let out = kartoteka()
        .args(["check", "--date", "2026-11-25"])
        .arg(fixture("valid"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.ends_with("— 0 errors, 1 warning, English coverage 86%\n"),
        "{stderr}"
    );
    assert!(stderr.starts_with("content/services/tsop.md:1:1: warning: no English translation"));
}

#[test]
fn check_exits_1_on_errors_with_file_line_column_first() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    std::fs::write(
        dir.path().join("content/pages/pomosht.md"),
        "+++\ntitle = \"Помощ\"\nmenu = \"first\"\n+++\n",
    )
    .unwrap();
    let out = kartoteka()
        .args(["check", "--date", "2026-11-25"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("content/pages/pomosht.md:3:8: error: `menu` must be a whole number (without quotes), not text\n  help: write it like this: menu = 12\n"),
        "{stderr}"
    );
    assert!(stderr.contains("— 1 error, 1 warning"), "{stderr}");
}

#[test]
fn check_json_is_machine_readable() {
    let out = kartoteka()
        .args(["check", "--format", "json", "--date", "2026-11-25"])
        .arg(fixture("errors/bad-eik"))
        .output()
        .unwrap();
    // The error fixtures are overlays, not whole sites: this one lacks config.toml etc.
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &doc["diagnostics"][0];
    assert_eq!(first["path"], "config.toml");
    assert_eq!(first["line"], 1);
    assert_eq!(first["severity"], "error");
    assert!(doc["errors"].as_u64().unwrap() >= 1);
}

#[test]
fn usage_errors_exit_2_and_every_command_has_help() {
    let out = kartoteka()
        .args(["check", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = kartoteka().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    for command in ["check", "init"] {
        let out = kartoteka().args([command, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(
            String::from_utf8(out.stdout)
                .unwrap()
                .contains("Usage: kartoteka")
        );
    }
}

#[test]
fn init_writes_a_site_that_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("new-site");
    let out = kartoteka().arg("init").arg(&site).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = kartoteka().arg("check").arg(&site).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = kartoteka().arg("init").arg(&site).output().unwrap();
    assert_eq!(again.status.code(), Some(1), "init refuses to overwrite");
}

#[test]
fn build_base_url_overrides_config_for_previews() {
    let dir = tempfile::tempdir().unwrap();
    let out = kartoteka()
        .args([
            "build",
            "--date",
            "2026-11-25",
            "--base-url",
            "https://preview.example.org/pr-7",
        ])
        .arg(fixture("render-site"))
        .arg("--output")
        .arg(dir.path().join("public"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sitemap = std::fs::read_to_string(dir.path().join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://preview.example.org/pr-7/uslugi/tsop/</loc>"));
    let page = std::fs::read_to_string(dir.path().join("public/uslugi/tsop/index.html")).unwrap();
    assert!(page.contains("https://preview.example.org/pr-7/uslugi/tsop/"));
    assert!(
        !page.contains("__kartoteka"),
        "the reload script is for `serve` only"
    );

    let bad = kartoteka()
        .args(["build", "--base-url", "ftp://x"])
        .arg(fixture("render-site"))
        .arg("--output")
        .arg(dir.path().join("other"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a web address"));
    assert!(!dir.path().join("other").exists());
}

/// A wrong `--output` must never delete anyone's work: the site itself, a folder holding it,
/// its sources, or a folder of other files are refused with exit 1 and left as they were.
#[test]
fn build_refuses_an_output_that_would_replace_the_site_or_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("valid"), &site);
    let desktop = dir.path().join("Desktop");
    std::fs::create_dir_all(&desktop).unwrap();
    std::fs::write(desktop.join("notes.txt"), "mine").unwrap();
    let before = std::fs::read_to_string(site.join("config.toml")).unwrap();
    for (output, says) in [
        (site.clone(), "it is the site folder or holds it"),
        (
            dir.path().to_path_buf(),
            "it is the site folder or holds it",
        ),
        (site.join("content"), "inside the site's content/ folder"),
        (site.join("themes/x"), "inside the site's themes/ folder"),
        (desktop.clone(), "was not written by `kartoteka build`"),
    ] {
        let out = kartoteka()
            .args(["build", "--no-pdf", "--date", "2026-11-25", "--output"])
            .arg(&output)
            .arg(&site)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", output.display());
        assert!(stderr.contains(says), "{}: {stderr}", output.display());
    }
    assert_eq!(
        std::fs::read_to_string(site.join("config.toml")).unwrap(),
        before
    );
    assert_eq!(
        std::fs::read_to_string(desktop.join("notes.txt")).unwrap(),
        "mine"
    );
    // A build's own output is replaced by the next build.
    let public = site.join("public");
    for _ in 0..2 {
        let out = kartoteka()
            .args(["build", "--no-pdf", "--date", "2026-11-25", "--output"])
            .arg(&public)
            .arg(&site)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(public.join(".kartoteka-build").is_file());
}
