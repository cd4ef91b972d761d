//! The CSV form: our table list agrees with HSDS's tabular schema, and every CSV file agrees
//! with its `datapackage.json` (header, required cells, types, unique ids, foreign keys).

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{export, hsds_file, sites};
use kartoteka::model::Lang;
use kartoteka::opendata::{TABLES, csv_folder};
use serde_json::Value;

#[test]
fn our_columns_are_in_the_order_of_the_hsds_examples() {
    for table in &TABLES {
        let path = crate::common::repo()
            .join("tests/hsds-3.0/examples/csv")
            .join(table.path);
        let text = std::fs::read_to_string(&path).expect("the example CSV");
        let (header, _) = read_csv(text.as_bytes());
        let ours: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        assert_eq!(header, ours, "{}", table.name);
    }
}

#[test]
fn our_tables_follow_the_hsds_tabular_schema() {
    let tabular = hsds_file("schema/compiled/tabular.json");
    let properties = tabular["properties"].as_object().expect("tables");
    assert_eq!(properties.len(), TABLES.len());
    for table in &TABLES {
        let spec = &properties[table.name]["items"];
        assert_eq!(spec["path"], table.path, "{}", table.name);
        let required: BTreeSet<&str> = ["required", "tabular_required"]
            .iter()
            .flat_map(|k| spec[*k].as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .collect();
        let mut expected: Vec<(String, String, Option<String>, bool)> = spec["properties"]
            .as_object()
            .expect("columns")
            .iter()
            .filter(|(_, p)| p["type"] != "array" && p.get("$ref").is_none())
            .map(|(name, p)| {
                let kind = p["datapackage_type"]
                    .as_str()
                    .or(p["type"].as_str())
                    .unwrap_or("string");
                let format = p["format"]
                    .as_str()
                    .filter(|f| ["uuid", "email", "uri"].contains(f));
                (
                    name.clone(),
                    kind.to_string(),
                    format.map(str::to_string),
                    required.contains(name.as_str()),
                )
            })
            .collect();
        let mut ours: Vec<(String, String, Option<String>, bool)> = table
            .columns()
            .iter()
            .map(|c| {
                (
                    c.name.to_string(),
                    c.kind.to_string(),
                    c.format.map(str::to_string),
                    c.hsds_required,
                )
            })
            .collect();
        // serde_json reads objects sorted by key: the order is checked against the examples.
        expected.sort();
        ours.sort();
        assert_eq!(ours, expected, "{}", table.name);
    }
}

/// A CSV file's header and rows.
fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a well-formed row")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

fn check_cell(context: &str, field: &Value, cell: &str) {
    if cell.is_empty() {
        assert_ne!(
            field["constraints"]["required"], true,
            "{context}: required {} is empty",
            field["name"]
        );
        return;
    }
    match (field["type"].as_str(), field["format"].as_str()) {
        (Some("number"), _) => assert!(cell.parse::<f64>().is_ok(), "{context}: {cell}"),
        (Some("date"), _) => assert!(
            kartoteka::Date::parse_iso(cell).is_some(),
            "{context}: {cell}"
        ),
        (Some("time"), _) => {
            let parts: Vec<u32> = cell.split(':').filter_map(|p| p.parse().ok()).collect();
            assert!(
                parts.len() == 3 && parts[0] < 24 && parts[1] < 60 && parts[2] < 60,
                "{context}: {cell}"
            );
        }
        (_, Some("uuid")) => assert!(uuid_like(cell), "{context}: {cell}"),
        (_, Some("uri")) => assert!(url::Url::parse(cell).is_ok(), "{context}: {cell}"),
        (_, Some("email")) => assert!(cell.contains('@'), "{context}: {cell}"),
        _ => {}
    }
}

fn uuid_like(text: &str) -> bool {
    let groups: Vec<usize> = text.split('-').map(str::len).collect();
    groups == [8, 4, 4, 4, 12] && text.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

#[test]
fn every_csv_file_agrees_with_its_data_package() {
    for (name, site) in sites() {
        let files = export(&site);
        for lang in Lang::ALL {
            let folder = csv_folder(lang);
            let package: Value =
                serde_json::from_slice(&files[&format!("{folder}/datapackage.json")])
                    .expect("datapackage.json is JSON");
            assert_eq!(package["profile"], "tabular-data-package");
            let resources = package["resources"].as_array().expect("resources");
            let in_folder: BTreeSet<String> = files
                .keys()
                .filter_map(|p| p.strip_prefix(&format!("{folder}/")))
                .filter(|p| p.ends_with(".csv"))
                .map(str::to_string)
                .collect();
            let described: BTreeSet<String> = resources
                .iter()
                .map(|r| r["path"].as_str().expect("path").to_string())
                .collect();
            assert_eq!(
                in_folder, described,
                "{name} {lang}: every CSV is described"
            );
            let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            let mut tables = Vec::new();
            for resource in resources {
                let path = format!("{folder}/{}", resource["path"].as_str().expect("path"));
                let (header, rows) = read_csv(&files[&path]);
                let fields = resource["schema"]["fields"].as_array().expect("fields");
                let names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
                assert_eq!(header, names, "{name} {path}: header");
                let mut seen = BTreeSet::new();
                for row in &rows {
                    assert_eq!(row.len(), fields.len(), "{name} {path}: row width");
                    for (field, cell) in fields.iter().zip(row) {
                        check_cell(&format!("{name} {path}"), field, cell);
                    }
                    assert!(
                        seen.insert(row[0].clone()),
                        "{name} {path}: unique id {}",
                        row[0]
                    );
                }
                ids.insert(resource["name"].as_str().expect("name").to_string(), seen);
                tables.push((resource.clone(), header, rows));
            }
            for (resource, header, rows) in &tables {
                for key in resource["schema"]["foreignKeys"]
                    .as_array()
                    .expect("foreign keys")
                {
                    let column = header
                        .iter()
                        .position(|h| key["fields"] == h.as_str())
                        .expect("the key's column");
                    let target = &ids[key["reference"]["resource"].as_str().expect("resource")];
                    for row in rows {
                        let value = &row[column];
                        assert!(
                            value.is_empty() || target.contains(value),
                            "{name} {lang} {}: {} = {value} refers to nothing",
                            resource["name"],
                            header[column]
                        );
                    }
                }
            }
            assert_eq!(ids["service"].len(), site.services.len(), "{name}");
            let unknown = usize::from(site.services.values().any(|s| s.provider.is_none()));
            assert_eq!(
                ids["organization"].len(),
                site.providers.len() + unknown,
                "{name}"
            );
        }
    }
}
