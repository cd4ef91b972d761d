//! Helpers shared by the open data tests: the sites, their export, and the HSDS 3.0 schemas
//! (copied under tests/hsds-3.0/, see SOURCE.md there).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kartoteka::model::{Lang, Site};
use kartoteka::{Date, opendata};
use serde_json::Value;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The date the sites are built on.
pub fn build_date() -> Date {
    Date::new(2026, 11, 25).expect("a real date")
}

/// The site at `root`, which must check without errors.
pub fn site_at(root: &Path) -> Site {
    let checked = kartoteka::check(root, build_date());
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_plain())
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    checked.site.expect("a clean site has a model")
}

/// The Ruse directory (the repository's own site).
pub fn ruse() -> Site {
    site_at(&repo())
}

/// The valid fixture: every field filled in (phones, hours, coordinates, licences…).
pub fn fixture() -> Site {
    site_at(&repo().join("tests/fixtures/valid"))
}

/// Both sites, named.
pub fn sites() -> Vec<(&'static str, Site)> {
    vec![("ruse", ruse()), ("fixture", fixture())]
}

/// The export of `site`, by path.
pub fn export(site: &Site) -> BTreeMap<String, Vec<u8>> {
    opendata::export(site, build_date()).into_iter().collect()
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
