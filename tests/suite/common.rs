//! Helpers shared by the integration tests: the fixtures and the sites, a publishing set-up,
//! and for the open data tests the export and the HSDS 3.0 schemas (copied under
//! tests/hsds-3.0/, see SOURCE.md there).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kartoteka::model::{Lang, Site};
use kartoteka::{Date, opendata};
use serde_json::Value;

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

/// The placeholder address in the Ruse config.toml.
pub const RUSE_PLACEHOLDER: &str = "https://uslugi-ruse.example.org/";

/// The address the publishing tests give the Ruse site in its place.
pub const PUBLISHED_AT: &str = "https://uslugi.test.bg/";

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
    // The Ruse config.toml holds a placeholder address, which publishing refuses: here the site
    // is published as if its address were decided.
    let config = work.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace(RUSE_PLACEHOLDER, PUBLISHED_AT)).unwrap();
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

/// Builds the site at `site_dir` (on [`fixed_date`], without PDFs) into a temporary folder
/// and reads the files at `paths` of its output.
pub fn built_pages(site_dir: &Path, paths: &[&str]) -> Vec<String> {
    let site = kartoteka::check(site_dir, fixed_date())
        .into_site()
        .expect("the site is clean");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let options = kartoteka::BuildOptions {
        no_pdf: true,
        pdf_cache: None,
    };
    kartoteka::build(&site, &out, fixed_date(), &|| {}, &options).expect("the site builds");
    paths
        .iter()
        .map(|p| std::fs::read_to_string(out.join(p)).expect(p))
        .collect()
}

/// The site at `root`, which must check without errors.
pub fn site_at(root: &Path) -> Site {
    kartoteka::check(root, fixed_date())
        .into_site()
        .unwrap_or_else(|failed| panic!("{}: {failed}", root.display()))
}

/// The Ruse directory (the repository's own site).
pub fn ruse() -> Site {
    site_at(&repo())
}

/// The valid fixture: every field filled in (phones, hours, coordinates, licences…).
pub fn valid_site() -> Site {
    site_at(&repo().join("tests/fixtures/valid"))
}

/// Both sites, named.
pub fn sites() -> Vec<(&'static str, Site)> {
    vec![("ruse", ruse()), ("fixture", valid_site())]
}

/// The export of `site`, by path.
pub fn export(site: &Site) -> BTreeMap<String, Vec<u8>> {
    opendata::export(site, fixed_date()).into_iter().collect()
}

/// The HSDS document of `lang` in an export.
pub fn document(files: &BTreeMap<String, Vec<u8>>, lang: Lang) -> Value {
    let bytes = files
        .get(&opendata::json_path(lang))
        .expect("the HSDS JSON file of the language");
    serde_json::from_slice(bytes).expect("valid JSON")
}

/// A JSON file of the copied HSDS specification.
pub fn hsds_file(path: &str) -> Value {
    let path = repo().join("tests/hsds-3.0").join(path);
    let text = std::fs::read_to_string(&path).expect("the HSDS schema copy");
    serde_json::from_str(&text).expect("valid JSON")
}

/// The compiled service schema.
pub fn service_schema() -> Value {
    hsds_file("schema/compiled/service_with_definitions.json")
}

/// A schema for one definition of the compiled service schema (`organization`, `location`…).
pub fn definition_schema(name: &str) -> Value {
    let service = service_schema();
    serde_json::json!({
        "definitions": service["definitions"],
        "$ref": format!("#/definitions/{name}"),
    })
}

/// `schema` with `additionalProperties: false` on every object that lists its properties:
/// only HSDS's own fields are allowed.
pub fn strict(mut schema: Value) -> Value {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(object) => {
                if object.contains_key("properties") && object.get("type") == Some(&"object".into())
                {
                    object.insert("additionalProperties".into(), Value::Bool(false));
                }
                object.values_mut().for_each(walk);
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut schema);
    schema
}

/// A validator of `schema` that checks formats (uuid, uri, email, date-time) too.
pub fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the HSDS schema compiles")
}

/// Every error `validator` finds in `instance`, as text; empty when it validates.
pub fn errors_of(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every error of `instance` against `schema` (compiles the schema each time).
pub fn schema_errors(schema: &Value, instance: &Value) -> Vec<String> {
    errors_of(&validator(schema), instance)
}
