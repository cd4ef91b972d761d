//! Hostile and careless input (issue 21): inputs under the file-size limit that once took
//! minutes, crashed, or reached further than content should. Big inputs are made here, not
//! committed; small ones live in `tests/fixtures/hostile/`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::{copy_tree, fixed_date, fixture};

/// A copy of the valid fixture in a temporary folder, with `max_file_size` at its 1 MiB default.
fn valid_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("valid"), &site);
    let config = site.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace("max_file_size = 65536", "max_file_size = 1048576");
    std::fs::write(&config, text).unwrap();
    (dir, site)
}

/// Writes `fields` (TOML lines) and `body` into the page `pomosht.md` of `site`.
fn write_page(site: &Path, fields: &str, body: &str) {
    let text = format!(
        "+++\ntitle = \"Как да получите помощ\"\nsummary = \"Направление.\"\n{fields}+++\n{body}"
    );
    std::fs::write(site.join("content/pages/pomosht.md"), text).unwrap();
}

/// Times `f`, failing when it takes longer than `limit` (generous: tests run unoptimised).
fn within<T>(limit: Duration, what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?}, over {limit:?}");
    out
}

#[test]
fn thirty_thousand_unknown_fields_are_checked_quickly_and_reported_briefly() {
    let (_dir, site) = valid_site();
    let fields: String = (0..30_000).map(|i| format!("k{i:x}=1\n")).collect();
    write_page(&site, &fields, "Текст.\n");
    let checked = within(Duration::from_secs(10), "check", || {
        kartoteka::check(&site, fixed_date())
    });
    let page: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.path == "content/pages/pomosht.md")
        .collect();
    assert_eq!(page.len(), kartoteka::diagnostics::MAX_PER_FILE + 1);
    let last = page.last().unwrap();
    assert!(last.is_error());
    assert_eq!(
        last.message,
        format!(
            "and {} more problems in this file",
            30_000 - kartoteka::diagnostics::MAX_PER_FILE
        )
    );
}

#[test]
fn three_hundred_thousand_nested_quotes_are_refused_quickly() {
    let (_dir, site) = valid_site();
    write_page(&site, "", &(">".repeat(300_000) + " Цитат.\n"));
    let checked = within(Duration::from_secs(10), "check", || {
        kartoteka::check(&site, fixed_date())
    });
    let deep: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("more than 20 deep"))
        .map(|d| d.headline())
        .collect();
    assert_eq!(
        deep,
        [
            "content/pages/pomosht.md:5:21: error: the text nests block quotes, lists or HTML elements more than 20 deep"
        ]
    );
}

#[test]
fn a_formula_in_a_summary_is_text_in_the_csv_and_exact_in_the_json() {
    let (_dir, site) = valid_site();
    let path = site.join("content/services/dneven-tsentar.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let formula = r#"=HYPERLINK(\"http://evil.test\",\"Подробности\")"#;
    let text = text.replace(
        "summary = \"Дневна грижа за възрастни хора с увреждания.\"",
        &format!("summary = \"{formula}\""),
    );
    std::fs::write(&path, text).unwrap();
    let checked = kartoteka::check(&site, fixed_date());
    let site = checked.site.expect("a formula is valid text");
    let files = kartoteka::opendata::export(&site, fixed_date());
    let file = |name: &str| {
        let (_, bytes) = files.iter().find(|(p, _)| p.ends_with(name)).unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    let csv = file("bg/services.csv");
    assert!(
        csv.contains(r#""'=HYPERLINK(""http://evil.test"",""Подробности"")""#),
        "{csv}"
    );
    let json = file("hsds.json");
    assert!(
        json.contains(r#""=HYPERLINK(\"http://evil.test\",\"Подробности\")""#),
        "{json}"
    );
    let phones = file("bg/phones.csv");
    assert!(!phones.contains("'"), "phone numbers stay exact: {phones}");
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[cfg(target_os = "linux")]
#[test]
fn a_build_removes_the_staging_folders_of_killed_builds_only() {
    let (dir, site) = valid_site();
    let out = dir.path().join("public");
    let dead = dead_pid();
    let stale = [
        dir.path().join(format!(".public.new-{dead}")),
        dir.path().join(format!(".public.old-{dead}")),
    ];
    // A build still running (this process stands in for it) keeps its folder.
    let running = dir
        .path()
        .join(format!(".public.new-{}", std::process::id()));
    let other = dir.path().join(format!(".elsewhere.new-{dead}"));
    for folder in stale.iter().chain([&running, &other]) {
        std::fs::create_dir_all(folder.join("uslugi")).unwrap();
    }
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_kartoteka"))
        .args(["build", "--no-pdf", "--date", "2026-11-25", "-o"])
        .arg(&out)
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for folder in &stale {
        assert!(!folder.exists(), "{} is removed", folder.display());
    }
    assert!(running.exists(), "a running build's folder stays");
    assert!(other.exists(), "another output's folder is not touched");
}
