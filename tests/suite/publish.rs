//! Publishing by `git push` with the real `git` binary: a bare repository with kartoteka's
//! hooks, a clone that pushes the Ruse site, bad pushes refused, an atomic live swap.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{copy_tree, git, ok, repo};

type Server = crate::common::PublishingServer;

/// The Ruse site committed in a clone of a bare repository with hooks keeping 3 releases.
fn server() -> Server {
    crate::common::publishing_server(3)
}

fn head(dir: &Path, rev: &str) -> String {
    ok(git(dir, &["rev-parse", rev]))
}

fn home_page(server: &Server) -> String {
    std::fs::read_to_string(server.live.join("index.html")).unwrap()
}

fn live_commit(server: &Server) -> String {
    std::fs::read_link(&server.live)
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// Every file under a folder with its bytes, for byte-for-byte comparison.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_good_push_goes_live_a_bad_one_is_refused_and_rollback_works() {
    let s = server();
    ok(git(&s.work, &["push", "-q", "origin", "main"]));
    let first = head(&s.work, "HEAD");
    assert_eq!(live_commit(&s), first);
    assert!(home_page(&s).contains("Русе"), "the home page is live");

    // A content error: the push is refused and nothing changes.
    let service = s.work.join("content/services/priyut.md");
    let text = std::fs::read_to_string(&service).unwrap();
    std::fs::write(
        &service,
        text.replacen("type = ", "capacity = \"many\"\ntype = ", 1),
    )
    .unwrap();
    ok(git(&s.work, &["commit", "-qam", "A mistake"]));
    let before = snapshot(&s.live);
    let out = git(&s.work, &["push", "origin", "main"]);
    assert!(!out.status.success(), "the push is refused");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("remote: content/services/priyut.md:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: `capacity` must be a whole number"),
        "{stderr}"
    );
    assert_eq!(head(&s.bare, "main"), first, "the branch keeps its commit");
    assert_eq!(
        snapshot(&s.live),
        before,
        "the live site is byte-for-byte the same"
    );

    // Fixed: live again, at the new commit.
    std::fs::write(&service, text.replacen("type = ", "users = 12\ntype = ", 1)).unwrap();
    ok(git(&s.work, &["commit", "-qam", "Fixed"]));
    let out = git(&s.work, &["push", "origin", "main"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("remote: published"),
        "the pusher sees it went live"
    );
    let fixed = head(&s.work, "HEAD");
    assert_eq!(live_commit(&s), fixed);

    // Rollback returns the previous release.
    let out = Command::new(env!("CARGO_BIN_EXE_kartoteka"))
        .args(["publish", "rollback", "--live"])
        .arg(&s.live)
        .output()
        .unwrap();
    ok(out);
    assert_eq!(live_commit(&s), first);
    assert_eq!(snapshot(&s.live), before);
}

#[test]
fn a_placeholder_address_is_never_published() {
    let s = server();
    let config = s.work.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let placeholder = crate::common::RUSE_PLACEHOLDER;
    std::fs::write(
        &config,
        text.replace(crate::common::PUBLISHED_AT, placeholder),
    )
    .unwrap();
    ok(git(&s.work, &["commit", "-qam", "Back to the placeholder"]));
    let out = git(&s.work, &["push", "origin", "main"]);
    assert!(!out.status.success(), "the push is refused");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!(
            "publishing refused: `base_url` in config.toml is still the placeholder address {placeholder}"
        )),
        "{said}"
    );
    assert!(!s.live.exists(), "nothing went live");

    // `publish ready`, which the CI templates run before deploying, refuses it too.
    let ready = Command::new(env!("CARGO_BIN_EXE_kartoteka"))
        .args(["publish", "ready"])
        .arg(&s.work)
        .output()
        .unwrap();
    assert!(!ready.status.success());
    assert!(String::from_utf8_lossy(&ready.stderr).contains("still the placeholder address"));
    assert!(
        Command::new(env!("CARGO_BIN_EXE_kartoteka"))
            .args(["publish", "ready"])
            .arg(repo().join("tests/fixtures/valid"))
            .status()
            .unwrap()
            .success(),
        "a real address is ready"
    );
}

#[test]
fn deleting_the_branch_is_refused_and_other_branches_pass() {
    let s = server();
    ok(git(&s.work, &["push", "-q", "origin", "main"]));
    ok(git(&s.work, &["checkout", "-qb", "draft"]));
    std::fs::write(
        s.work.join("content/services/priyut.md"),
        "not a content file",
    )
    .unwrap();
    ok(git(&s.work, &["commit", "-qam", "Work in progress"]));
    ok(git(&s.work, &["push", "-q", "origin", "draft"]));
    let out = git(&s.work, &["push", "origin", ":main"]);
    assert!(!out.status.success(), "deleting main is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("deleting the branch"));
}

#[test]
fn a_build_that_fails_after_check_leaves_the_live_site_alone() {
    let s = server();
    ok(git(&s.work, &["push", "-q", "origin", "main"]));
    let before = snapshot(&s.live);
    let first = live_commit(&s);
    // A site theme whose page template fails at render time: `check` (content) passes.
    let templates = s.work.join("themes/default/templates");
    copy_tree(
        &repo().join("themes/default"),
        &s.work.join("themes/default"),
    );
    std::fs::write(templates.join("404.html"), "{{ no_such_variable.field }}").unwrap();
    ok(git(&s.work, &["add", "-A"]));
    ok(git(&s.work, &["commit", "-qm", "A broken theme"]));
    let out = git(&s.work, &["push", "origin", "main"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the live site is unchanged"), "{stderr}");
    assert_eq!(live_commit(&s), first);
    assert_eq!(snapshot(&s.live), before);
}

#[test]
fn two_pushes_at_once_end_at_the_later_commit() {
    let s = server();
    ok(git(&s.work, &["push", "-q", "origin", "main"]));
    let page = s.work.join("content/pages/about.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nПърва промяна.\n")).unwrap();
    ok(git(&s.work, &["commit", "-qam", "First"]));
    let first = head(&s.work, "HEAD");
    std::fs::write(&page, format!("{text}\nВтора промяна.\n")).unwrap();
    ok(git(&s.work, &["commit", "-qam", "Second"]));
    let second = head(&s.work, "HEAD");
    // The first push is accepted and its build is under way when the second arrives, so the
    // two post-receive hooks overlap and must be serialised.
    let earlier = Command::new("git")
        .current_dir(&s.work)
        .args(["push", "-q", "origin", &format!("{first}:refs/heads/main")])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while head(&s.bare, "main") != first {
        assert!(std::time::Instant::now() < deadline, "the first push lands");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let later = git(
        &s.work,
        &["push", "-q", "origin", &format!("{second}:refs/heads/main")],
    );
    let earlier = earlier.wait_with_output().unwrap();
    assert!(
        earlier.status.success(),
        "{}",
        String::from_utf8_lossy(&earlier.stderr)
    );
    assert!(
        later.status.success(),
        "{}",
        String::from_utf8_lossy(&later.stderr)
    );
    assert_eq!(head(&s.bare, "main"), second);
    assert_eq!(
        live_commit(&s),
        second,
        "the live site ends at the later commit"
    );
    let releases = s.live.parent().unwrap().join("releases");
    for entry in std::fs::read_dir(&releases).unwrap() {
        let path = entry.unwrap().path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if path.is_dir() && !hidden {
            assert!(
                path.join("index.html").is_file(),
                "no half-written release: {}",
                path.display()
            );
        }
    }
}
