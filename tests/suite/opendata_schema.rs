//! Every service and organisation of hsds.json and hsds.en.json validates against the official
//! HSDS 3.0 schemas (formats such as uuid, uri and email included), and uses no field HSDS does
//! not define.

use crate::common::{
    definition_schema, document, errors_of, export, hsds_file, schema_errors, service_schema,
    sites, strict, validator,
};
use kartoteka::model::Lang;
use serde_json::Value;

fn array<'a>(document: &'a Value, key: &str) -> &'a Vec<Value> {
    document[key].as_array().expect("an array")
}

#[test]
fn the_official_example_passes_our_validator_setup() {
    let example = hsds_file("examples/service_full.json");
    let errors = schema_errors(&service_schema(), &example);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_service_validates_against_the_compiled_service_schema() {
    let schemas = [
        validator(&service_schema()),
        validator(&strict(service_schema())),
    ];
    for (name, site) in sites() {
        let files = export(&site);
        for lang in Lang::ALL {
            let doc = document(&files, lang);
            let services = array(&doc, "services");
            assert_eq!(services.len(), site.services.len(), "{name} {lang}");
            for service in services {
                for schema in &schemas {
                    let errors = errors_of(schema, service);
                    assert!(
                        errors.is_empty(),
                        "{name} {lang} service {}: {errors:#?}",
                        service["name"]
                    );
                }
            }
        }
    }
}

#[test]
fn every_organization_validates_against_the_organization_definition() {
    let schemas = [
        validator(&definition_schema("organization")),
        validator(&strict(definition_schema("organization"))),
    ];
    for (name, site) in sites() {
        let files = export(&site);
        for lang in Lang::ALL {
            let doc = document(&files, lang);
            for organization in array(&doc, "organizations") {
                for schema in &schemas {
                    let errors = errors_of(schema, organization);
                    assert!(
                        errors.is_empty(),
                        "{name} {lang} organization {}: {errors:#?}",
                        organization["name"]
                    );
                }
            }
        }
    }
}

#[test]
fn a_field_hsds_does_not_define_fails_the_strict_check() {
    let site = crate::common::valid_site();
    let files = export(&site);
    let mut service = array(&document(&files, Lang::Bg), "services")[0].clone();
    service["colour"] = Value::from("red");
    assert!(schema_errors(&service_schema(), &service).is_empty());
    assert!(!schema_errors(&strict(service_schema()), &service).is_empty());
    service["id"] = Value::from("not-a-uuid");
    assert!(!schema_errors(&service_schema(), &service).is_empty());
}
