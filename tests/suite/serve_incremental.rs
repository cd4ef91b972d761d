//! `serve`'s quick rebuilds give byte for byte the files of a whole build: after each edit,
//! the served files (first build plus every patch) equal `render_site` of the edited site,
//! once the second step has been published — also when saves come faster than it.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use kartoteka::model::Kind;
use kartoteka::serve::affected::Change;
use kartoteka::serve::live::{Live, Outcome, Patch};
use kartoteka::serve::second::{Second, Sink};

type Files = BTreeMap<String, Vec<u8>>;

/// What a test serves: the files, every patch in the order published, every second step's
/// end, and a gate that can hold a second step back before it publishes.
#[derive(Default)]
struct Served {
    files: Mutex<Files>,
    patches: Mutex<Vec<Files>>,
    seconds: Mutex<Vec<Second>>,
    gate: Mutex<Gate>,
    gate_changed: Condvar,
}

#[derive(Default)]
struct Gate {
    /// Second steps wait before publishing while this is set.
    closed: bool,
    /// How many second steps have come to the gate.
    arrived: usize,
}

impl Sink for Served {
    fn publish(&self, patch: Patch) {
        let mut files = self.files.lock().expect("files");
        match patch {
            Patch::Whole(all) => *files = all.into_iter().map(|f| (f.path, f.bytes)).collect(),
            Patch::Part {
                files: new,
                removed,
            } => {
                for path in removed {
                    files.remove(&path);
                }
                let new: Files = new.into_iter().map(|f| (f.path, f.bytes)).collect();
                files.extend(new.clone());
                self.patches.lock().expect("patches").push(new);
            }
        }
    }

    fn finished(&self, second: Second) {
        self.seconds.lock().expect("seconds").push(second);
    }

    fn rendered(&self) {
        let mut gate = self.gate.lock().expect("gate");
        gate.arrived += 1;
        self.gate_changed.notify_all();
        while gate.closed {
            gate = self.gate_changed.wait(gate).expect("gate");
        }
    }
}

impl Served {
    fn files(&self) -> MutexGuard<'_, Files> {
        self.files.lock().expect("files")
    }

    fn set_gate(&self, closed: bool) {
        self.gate.lock().expect("gate").closed = closed;
        self.gate_changed.notify_all();
    }

    /// Waits until `n` second steps in all have come to the gate.
    fn wait_arrived(&self, n: usize) {
        let mut gate = self.gate.lock().expect("gate");
        while gate.arrived < n {
            gate = self.gate_changed.wait(gate).expect("gate");
        }
    }
}

fn start(root: &Path) -> (Live, Arc<Served>, Outcome) {
    let served = Arc::new(Served::default());
    let (live, outcome) = Live::start(root, crate::common::fixed_date(), served.clone());
    (live, served, outcome)
}

fn whole_build(root: &Path) -> Files {
    let site = kartoteka::check(root, crate::common::fixed_date())
        .into_site()
        .expect("the edited site is clean");
    let rendered =
        kartoteka::build::render_site(&site, crate::common::fixed_date(), &|| {}).expect("renders");
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
    let (mut live, served, outcome) = start(root);
    assert!(
        matches!(outcome, Outcome::Built { whole: true, .. }),
        "{outcome:?}"
    );
    assert_same(&served.files(), &whole_build(root), "first build");
    for e in edits {
        let change = edit(root, e);
        let outcome = live.update(&[change]);
        assert!(
            matches!(outcome, Outcome::Built { .. }),
            "{}: {outcome:?}",
            e.file
        );
        live.settle();
        assert_same(
            &served.files(),
            &whole_build(root),
            &format!("{} {:?}", e.file, e.to),
        );
    }
    let seconds = served.seconds.lock().expect("seconds");
    assert!(
        seconds
            .iter()
            .all(|s| matches!(s, Second::Published { .. })),
        "every second step published: {seconds:?}"
    );
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
    let (mut live, served, _) = start(dir.path());
    let before = served.files().clone();
    let file = "content/services/tsop.md";
    let bad = Edit {
        file,
        from: "summary = \"",
        to: "summary = \"\"Ново: ",
    };
    let change = edit(dir.path(), &bad);
    let outcome = live.update(std::slice::from_ref(&change));
    live.settle();
    let Outcome::Failed(diagnostics) = outcome else {
        panic!("an error: {outcome:?}");
    };
    assert!(diagnostics.iter().any(|d| d.is_error() && d.path == file));
    assert!(*served.files() == before, "nothing changed");
    let fix = Edit {
        file,
        from: "summary = \"\"",
        to: "summary = \"",
    };
    let change = edit(dir.path(), &fix);
    let outcome = live.update(&[change]);
    assert!(matches!(outcome, Outcome::Built { .. }), "{outcome:?}");
    live.settle();
    assert_same(&served.files(), &whole_build(dir.path()), "after the fix");
    assert_eq!(
        Change::Item(Kind::Service, "tsop".into()),
        kartoteka::serve::watch::change_of(file).expect("change")
    );
}

fn fixture_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::common::copy_tree(&crate::common::fixture("render-site"), dir.path());
    dir
}

const SERVICE: &str = "content/services/dneven-tsentar.md";

#[test]
fn saves_in_a_row_end_with_the_files_of_a_whole_build() {
    let dir = fixture_site();
    let (mut live, served, _) = start(dir.path());
    let edits = [
        Edit {
            file: SERVICE,
            from: "title = \"Дневен",
            to: "title = \"Нов дневен",
        },
        Edit {
            file: SERVICE,
            from: "provider = \"obshtina\"",
            to: "provider = \"ekvilibrium\"",
        },
        Edit {
            file: "content/providers/obshtina.md",
            from: "title = \"",
            to: "title = \"Ново: ",
        },
    ];
    // No waiting between saves: each second step may be dropped for the next one's.
    for e in &edits {
        let change = edit(dir.path(), e);
        let outcome = live.update(&[change]);
        assert!(matches!(outcome, Outcome::Built { .. }), "{outcome:?}");
    }
    live.settle();
    assert_same(
        &served.files(),
        &whole_build(dir.path()),
        "after three saves",
    );
    let seconds = served.seconds.lock().expect("seconds");
    assert!(
        matches!(seconds.last(), Some(Second::Published { .. })),
        "{seconds:?}"
    );
}

#[test]
fn a_stale_second_step_is_dropped_and_its_pages_are_rendered_by_the_next() {
    let dir = fixture_site();
    let (mut live, served, _) = start(dir.path());
    served.set_gate(true);
    let first = Edit {
        file: SERVICE,
        from: "title = \"Дневен",
        to: "title = \"Първа правка дневен",
    };
    let change = edit(dir.path(), &first);
    live.update(&[change]);
    // The first save's second step is rendered and held before it publishes.
    served.wait_arrived(1);
    let second = Edit {
        file: SERVICE,
        from: "Първа правка",
        to: "Втора правка",
    };
    let change = edit(dir.path(), &second);
    live.update(&[change]);
    let provider = Edit {
        file: "content/providers/obshtina.md",
        from: "title = \"",
        to: "title = \"Ново: ",
    };
    let change = edit(dir.path(), &provider);
    live.update(&[change]);
    served.set_gate(false);
    live.settle();

    let patches = served.patches.lock().expect("patches");
    let holds = |patch: &Files, text: &str| {
        patch
            .values()
            .any(|bytes| String::from_utf8_lossy(bytes).contains(text))
    };
    let newer = patches
        .iter()
        .position(|p| holds(p, "Втора правка"))
        .expect("the second save is published");
    assert!(
        !patches[newer..].iter().any(|p| holds(p, "Първа правка")),
        "nothing of the first save is published after the second"
    );
    let seconds = served.seconds.lock().expect("seconds");
    assert!(
        matches!(
            seconds.as_slice(),
            [Second::Dropped, Second::Published { .. }]
        ),
        "the held step is dropped, the newest published: {seconds:?}"
    );
    assert_same(&served.files(), &whole_build(dir.path()), "after the saves");
}
