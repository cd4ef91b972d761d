//! `serve`'s quick rebuilds give byte for byte the files of a whole build: after each edit,
//! the served files (first build plus every patch) equal `render_site` of the edited site.

use std::collections::BTreeMap;
use std::path::Path;

use kartoteka::load::Kind;
use kartoteka::serve::affected::Change;
use kartoteka::serve::live::{Live, Outcome, Patch};

type Files = BTreeMap<String, Vec<u8>>;

fn apply(files: &mut Files, patch: Patch) {
    match patch {
        Patch::Whole(all) => *files = all.into_iter().map(|f| (f.path, f.bytes)).collect(),
        Patch::Part {
            files: new,
            removed,
        } => {
            for path in removed {
                files.remove(&path);
            }
            files.extend(new.into_iter().map(|f| (f.path, f.bytes)));
        }
    }
}

fn whole_build(root: &Path) -> Files {
    let checked = kartoteka::check(root, crate::common::fixed_date());
    let site = checked.site.expect("the edited site is clean");
    let rendered = kartoteka::render::render_site(&site, crate::common::fixed_date(), &|| {})
        .expect("renders");
    rendered
        .files
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect()
}

fn assert_same(served: &Files, whole: &Files, what: &str) {
    let served_paths: Vec<&String> = served.keys().collect();
    let whole_paths: Vec<&String> = whole.keys().collect();
    assert_eq!(served_paths, whole_paths, "{what}: the same files");
    for (path, bytes) in whole {
        assert!(
            served[path] == *bytes,
            "{what}: {path} differs from a whole build"
        );
    }
}

/// One edit: a file, the text to replace (first occurrence) and its replacement; an empty
/// `from` deletes the file.
struct Edit {
    file: &'static str,
    from: &'static str,
    to: &'static str,
}

fn edit(root: &Path, e: &Edit) -> Change {
    let path = root.join(e.file);
    if e.from.is_empty() {
        std::fs::remove_file(&path).expect("delete");
    } else {
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(e.from), "{} holds {:?}", e.file, e.from);
        std::fs::write(&path, text.replacen(e.from, e.to, 1)).expect("write");
    }
    kartoteka::serve::watch::change_of(e.file).expect("a content change")
}

fn run_edits(root: &Path, edits: &[Edit]) {
    let mut served = Files::new();
    let (mut live, outcome) = Live::start(root, crate::common::fixed_date(), &mut |p| {
        apply(&mut served, p)
    });
    assert!(
        matches!(outcome, Outcome::Built { whole: true, .. }),
        "{outcome:?}"
    );
    assert_same(&served, &whole_build(root), "first build");
    for e in edits {
        let change = edit(root, e);
        let outcome = live.update(&[change], &mut |p| apply(&mut served, p));
        assert!(
            matches!(outcome, Outcome::Built { .. }),
            "{}: {outcome:?}",
            e.file
        );
        assert_same(
            &served,
            &whole_build(root),
            &format!("{} {:?}", e.file, e.to),
        );
    }
}

#[test]
fn quick_rebuilds_equal_whole_builds_on_the_fixture() {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::common::copy_tree(&crate::common::fixture("render-site"), dir.path());
    let s = "content/services/dneven-tsentar.md";
    run_edits(
        dir.path(),
        &[
            Edit {
                file: s,
                from: "title = \"Дневен",
                to: "title = \"Нов дневен",
            },
            Edit {
                file: s,
                from: "type = \"day-centre\"",
                to: "type = \"tsop\"",
            },
            Edit {
                file: s,
                from: "target_groups = [\"elderly\"]",
                to: "target_groups = [\"children\"]",
            },
            Edit {
                file: s,
                from: "provider = \"obshtina\"",
                to: "provider = \"ekvilibrium\"",
            },
            Edit {
                file: s,
                from: "locality = \"shtastie\"",
                to: "locality = \"ruse\"",
            },
            Edit {
                file: s,
                from: "units = 2",
                to: "units = 5",
            },
            Edit {
                file: "content/services/tsop.md",
                from: "summary = \"",
                to: "summary = \"Ново: ",
            },
            Edit {
                file: "content/providers/obshtina.md",
                from: "title = \"",
                to: "title = \"Ново: ",
            },
            Edit {
                file: "content/partnerships/upravlenie.md",
                from: "services = [\"tsop\"]",
                to: "services = [\"tsop\", \"dneven-tsentar\"]",
            },
            Edit {
                file: "content/services/dneven-tsentar.en.md",
                from: "",
                to: "",
            },
            Edit {
                file: "content/_index.md",
                from: "Тук са",
                to: "Днес тук са",
            },
            Edit {
                file: "content/pages/kak-da-poluchite-pomosht.md",
                from: "title = \"",
                to: "title = \"Ново: ",
            },
            Edit {
                file: "content/services/opasna.md",
                from: "",
                to: "",
            },
        ],
    );
}

#[test]
fn quick_rebuilds_equal_whole_builds_on_the_ruse_site() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = crate::common::repo();
    for part in ["content", "i18n", "themes"] {
        if repo.join(part).is_dir() {
            crate::common::copy_tree(&repo.join(part), &dir.path().join(part));
        }
    }
    for file in ["config.toml", "vocabularies.toml"] {
        std::fs::copy(repo.join(file), dir.path().join(file)).expect("copy");
    }
    let first = |folder: &str| -> &'static str {
        let mut names: Vec<String> = std::fs::read_dir(dir.path().join("content").join(folder))
            .expect("folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md") && !n.ends_with(".en.md"))
            .collect();
        names.sort();
        Box::leak(format!("content/{folder}/{}", names[0]).into_boxed_str())
    };
    let (service, provider, partnership) =
        (first("services"), first("providers"), first("partnerships"));
    run_edits(
        dir.path(),
        &[
            Edit {
                file: service,
                from: "title = \"",
                to: "title = \"Ново: ",
            },
            Edit {
                file: service,
                from: "summary = \"",
                to: "summary = \"Ново: ",
            },
            Edit {
                file: provider,
                from: "title = \"",
                to: "title = \"Ново: ",
            },
            Edit {
                file: partnership,
                from: "title = \"",
                to: "title = \"Ново: ",
            },
        ],
    );
}

#[test]
fn an_edit_with_errors_changes_nothing_until_it_is_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::common::copy_tree(&crate::common::fixture("render-site"), dir.path());
    let mut served = Files::new();
    let (mut live, _) = Live::start(dir.path(), crate::common::fixed_date(), &mut |p| {
        apply(&mut served, p)
    });
    let before = served.clone();
    let file = "content/services/tsop.md";
    let bad = Edit {
        file,
        from: "summary = \"",
        to: "summary = \"\"Ново: ",
    };
    let change = edit(dir.path(), &bad);
    let outcome = live.update(std::slice::from_ref(&change), &mut |p| {
        apply(&mut served, p)
    });
    let Outcome::Failed(diagnostics) = outcome else {
        panic!("an error: {outcome:?}");
    };
    assert!(diagnostics.iter().any(|d| d.is_error() && d.path == file));
    assert!(served == before, "nothing changed");
    let fix = Edit {
        file,
        from: "summary = \"\"",
        to: "summary = \"",
    };
    let change = edit(dir.path(), &fix);
    let outcome = live.update(&[change], &mut |p| apply(&mut served, p));
    assert!(matches!(outcome, Outcome::Built { .. }), "{outcome:?}");
    assert_same(&served, &whole_build(dir.path()), "after the fix");
    assert_eq!(
        Change::Item(Kind::Service, "tsop".into()),
        kartoteka::serve::watch::change_of(file).expect("change")
    );
}
