//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kartoteka::Date;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture folder under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The date the fixtures are judged on, so that `verified` warnings do not change with time.
pub fn fixed_date() -> Date {
    Date::new(2026, 11, 25).expect("a real date")
}

/// Copies a folder tree (files and folders only).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Runs git in `dir` as an editor would (name and e-mail set, `main` as the first branch).
pub fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=editor@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs")
}

/// Asserts that a command succeeded and returns its trimmed standard output.
pub fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A self-hosted publishing set-up in a temporary folder: a bare repository with kartoteka's
/// hooks (keeping `keep` releases), the live path, and a clone holding the Ruse site,
/// committed but not pushed.
pub struct PublishingServer {
    /// The temporary folder holding everything.
    pub dir: tempfile::TempDir,
    /// The bare repository.
    pub bare: PathBuf,
    /// The live symlink.
    pub live: PathBuf,
    /// The editor's clone.
    pub work: PathBuf,
}

/// Sets up a [`PublishingServer`].
pub fn publishing_server(keep: usize) -> PublishingServer {
    let dir = tempfile::tempdir().unwrap();
    // nginx's worker runs as an unprivileged user: it must be able to reach the live folder.
    std::fs::set_permissions(
        dir.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let bare = dir.path().join("site.git");
    let live = dir.path().join("www").join("live");
    ok(git(
        dir.path(),
        &["init", "-q", "--bare", "-b", "main", bare.to_str().unwrap()],
    ));
    ok(std::process::Command::new(env!("CARGO_BIN_EXE_kartoteka"))
        .args(["publish", "install", "--keep", &keep.to_string(), "--repo"])
        .arg(&bare)
        .arg("--live")
        .arg(&live)
        .output()
        .unwrap());
    let work = dir.path().join("work");
    ok(git(
        dir.path(),
        &["clone", "-q", bare.to_str().unwrap(), "work"],
    ));
    for part in ["config.toml", "vocabularies.toml", "i18n", "content"] {
        let from = repo().join(part);
        if from.is_dir() {
            copy_tree(&from, &work.join(part));
        } else {
            std::fs::copy(&from, work.join(part)).unwrap();
        }
    }
    ok(git(&work, &["add", "-A"]));
    ok(git(&work, &["commit", "-qm", "The Ruse site"]));
    PublishingServer {
        dir,
        bare,
        live,
        work,
    }
}

/// Checks the valid fixture with `extra` appended to its config.toml.
pub fn check_with(extra: &str) -> kartoteka::Checked {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    copy_tree(&fixture("valid"), &site);
    let config = site.join("config.toml");
    let mut text = std::fs::read_to_string(&config).expect("config.toml");
    text.push_str(extra);
    std::fs::write(&config, text).expect("write config.toml");
    kartoteka::check(&site, fixed_date())
}
