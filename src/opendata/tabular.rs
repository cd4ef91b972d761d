//! HSDS's tabular form: the nested JSON flattened into one CSV file per HSDS table, and the
//! Frictionless `datapackage.json` that describes them.
//!
//! The tables and their columns follow `schema/compiled/tabular.json` of HSDS 3.0 (a test
//! checks that they still do). Every table is written, with its header even when empty, so the
//! package is complete. Rows are sorted by id; a record nested in several places (an
//! organisation, a taxonomy term) is written once.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::{Value, json};

use super::rows::Records;

/// One HSDS table: its name, file and columns (`name`, `name*` for required, `name?` for
/// required by HSDS but left empty where our sources do not know the value, `name:type` for
/// numbers, dates and times and `name:format` for uuid/email/uri strings).
pub struct TableSpec {
    /// The HSDS name, e.g. `service`.
    pub name: &'static str,
    /// The file, e.g. `services.csv`.
    pub path: &'static str,
    /// The columns, in HSDS order.
    pub columns: &'static str,
}

/// Every HSDS 3.0 table, in the order of the specification.
pub const TABLES: [TableSpec; 21] = [
    TableSpec {
        name: "organization",
        path: "organizations.csv",
        columns: "id:uuid* name* alternate_name description* email:email website:uri tax_status tax_id year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid",
    },
    TableSpec {
        name: "program",
        path: "programs.csv",
        columns: "id:uuid* organization_id:uuid* name* alternate_name description*",
    },
    TableSpec {
        name: "service",
        path: "services.csv",
        columns: "id:uuid* organization_id:uuid* program_id:uuid name* alternate_name description url:uri email:email status* interpretation_services application_process fees_description wait_time fees accreditations eligibility_description minimum_age:number maximum_age:number assured_date:date assurer_email:email licenses alert last_modified:datetime",
    },
    TableSpec {
        name: "attribute",
        path: "attributes.csv",
        columns: "id:uuid* link_id:uuid* taxonomy_term_id:uuid* link_type link_entity* value",
    },
    TableSpec {
        name: "service_at_location",
        path: "service_at_location.csv",
        columns: "id:uuid* service_id:uuid* location_id:uuid* description",
    },
    TableSpec {
        name: "location",
        path: "locations.csv",
        columns: "id:uuid* location_type* url:uri organization_id:uuid name alternate_name description transportation latitude:number longitude:number external_identifier external_identifier_type",
    },
    TableSpec {
        name: "phone",
        path: "phones.csv",
        columns: "id:uuid* location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid service_at_location_id:uuid number* extension:number type description",
    },
    TableSpec {
        name: "contact",
        path: "contacts.csv",
        columns: "id:uuid* organization_id:uuid service_id:uuid service_at_location_id:uuid location_id:uuid name title department email:email",
    },
    TableSpec {
        name: "address",
        path: "addresses.csv",
        columns: "id:uuid* location_id:uuid attention address_1* address_2 city* region state_province? postal_code? country* address_type*",
    },
    TableSpec {
        name: "schedule",
        path: "schedules.csv",
        columns: "id:uuid* service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date valid_to:date dtstart:date timezone:number until:date count:number wkst freq interval:number byday byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link:uri attending_type notes",
    },
    TableSpec {
        name: "funding",
        path: "funding.csv",
        columns: "id:uuid* organization_id:uuid service_id:uuid source",
    },
    TableSpec {
        name: "service_area",
        path: "service_areas.csv",
        columns: "id:uuid* service_id:uuid name description extent extent_type uri",
    },
    TableSpec {
        name: "required_document",
        path: "required_documents.csv",
        columns: "id:uuid* service_id:uuid document uri:uri",
    },
    TableSpec {
        name: "language",
        path: "languages.csv",
        columns: "id:uuid* service_id:uuid location_id:uuid phone_id:uuid name code note",
    },
    TableSpec {
        name: "accessibility",
        path: "accessibility.csv",
        columns: "id:uuid* location_id:uuid description details url:uri",
    },
    TableSpec {
        name: "taxonomy_term",
        path: "taxonomy_terms.csv",
        columns: "id:uuid* code name* description* parent_id:uuid taxonomy language taxonomy_id:uuid term_uri:uri",
    },
    TableSpec {
        name: "metadata",
        path: "metadata.csv",
        columns: "id:uuid* resource_id:uuid* resource_type* last_action_date:date* last_action_type* field_name* previous_value* replacement_value* updated_by*",
    },
    TableSpec {
        name: "meta_table_description",
        path: "meta_table_descriptions.csv",
        columns: "id:uuid* name language character_set",
    },
    TableSpec {
        name: "cost_option",
        path: "cost_options.csv",
        columns: "id:uuid* service_id:uuid* valid_from:date valid_to:date option currency amount:number amount_description",
    },
    TableSpec {
        name: "organization_identifier",
        path: "organization_identifiers.csv",
        columns: "id:uuid* organization_id:uuid* identifier_scheme identifier_type* identifier*",
    },
    TableSpec {
        name: "taxonomy",
        path: "taxonomies.csv",
        columns: "id:uuid* name* description* uri:uri version",
    },
];

/// The description of a column HSDS requires but we may leave empty.
const MAY_BE_EMPTY: &str =
    "Required by HSDS 3.0; empty where the directory's sources do not give it.";

/// One column of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// Frictionless type: `string`, `number`, `date`, `time` or `datetime`.
    pub kind: &'static str,
    /// Frictionless string format: `uuid`, `email` or `uri`.
    pub format: Option<&'static str>,
    /// Does every row of ours have a value (`required` in the data package)?
    pub required: bool,
    /// Does HSDS require the column? True also where we may leave it empty: an address's
    /// `state_province` (not in our model) and `postal_code` (often unknown).
    pub hsds_required: bool,
}

impl TableSpec {
    /// The columns, parsed.
    pub fn columns(&self) -> Vec<Column> {
        self.columns
            .split_whitespace()
            .map(|spec| {
                let required = spec.ends_with('*');
                let hsds_required = required || spec.ends_with('?');
                let spec = spec.trim_end_matches(['*', '?']);
                let (name, tag) = spec.split_once(':').unwrap_or((spec, ""));
                let (kind, format) = match tag {
                    "uuid" | "email" | "uri" => ("string", Some(tag)),
                    "" => ("string", None),
                    other => (other, None),
                };
                Column {
                    name,
                    kind,
                    format,
                    required,
                    hsds_required,
                }
            })
            .collect()
    }
}

/// The table of records nested under property `key` of an HSDS object, if any.
pub(super) fn table_of(key: &str) -> Option<&'static str> {
    Some(match key {
        "organization" | "organizations" => "organization",
        "program" | "programs" => "program",
        "services" => "service",
        "attributes" => "attribute",
        "service_at_locations" => "service_at_location",
        "location" | "locations" => "location",
        "phones" => "phone",
        "contacts" => "contact",
        "addresses" => "address",
        "schedules" => "schedule",
        "funding" => "funding",
        "service_areas" => "service_area",
        "required_documents" => "required_document",
        "languages" => "language",
        "accessibility" => "accessibility",
        "taxonomy_term" => "taxonomy_term",
        "metadata" => "metadata",
        "cost_options" => "cost_option",
        "organization_identifiers" => "organization_identifier",
        "taxonomy_detail" => "taxonomy",
        _ => return None,
    })
}

/// The rows of every table, gathered one HSDS record at a time ([`Tables::add`]) and written
/// as CSV files ([`Tables::csv_files`]). A row is kept as its line of CSV, made when it is
/// added, so a large site's export never holds more than one record as a JSON tree, nor a
/// `String` per cell (three times the bytes of the line at 100,000 services).
pub struct Tables {
    /// The columns of each table, by table name.
    columns: BTreeMap<&'static str, Vec<Column>>,
    /// Each column's place in its table's rows, by table name and column name.
    places: FxHashMap<&'static str, FxHashMap<&'static str, usize>>,
    /// The rows of each table, by table name.
    rows: BTreeMap<&'static str, Rows>,
}

/// One table's rows: their CSV lines one after another in one buffer, found by id. At 100,000
/// services a language's tables have a million rows: a `String` id and a boxed line each, in
/// a map, took about as much room again as the lines themselves.
#[derive(Default)]
struct Rows {
    /// Every line, in the order the rows were added.
    lines: Vec<u8>,
    /// Each row's id and where its line is in `lines` (the file is in id order: sorted when
    /// it is written, since a hash map finds an id in a million in one step where a tree
    /// takes twenty, missing the cache at most of them).
    by_id: FxHashMap<RowId, Range<usize>>,
}

/// A row's id: a UUID (every id the export makes) in 16 bytes; any other id as its text.
/// Ordered as the ids' texts are.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum RowId {
    Uuid(u128),
    Text(Box<str>),
}

impl RowId {
    fn new(id: &str) -> RowId {
        // Only the lower-case hyphenated form: its order as a number is its order as text.
        let bytes = id.as_bytes();
        let mut n: u128 = 0;
        let canonical = bytes.len() == 36
            && bytes.iter().enumerate().all(|(i, &b)| match i {
                8 | 13 | 18 | 23 => b == b'-',
                _ => match b {
                    b'0'..=b'9' | b'a'..=b'f' => {
                        n = n << 4 | u128::from((b as char).to_digit(16).unwrap_or(0));
                        true
                    }
                    _ => false,
                },
            });
        match canonical {
            true => RowId::Uuid(n),
            false => RowId::Text(id.into()),
        }
    }

    /// Calls `f` with the id's text.
    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match self {
            RowId::Uuid(n) => f(uuid::Uuid::from_u128(*n)
                .hyphenated()
                .encode_lower(&mut [0; 36])),
            RowId::Text(text) => f(text),
        }
    }
}

impl Ord for RowId {
    fn cmp(&self, other: &RowId) -> std::cmp::Ordering {
        match (self, other) {
            (RowId::Uuid(a), RowId::Uuid(b)) => a.cmp(b),
            (RowId::Text(a), RowId::Text(b)) => a.cmp(b),
            _ => self.with_text(|a| other.with_text(|b| a.cmp(b))),
        }
    }
}

impl PartialOrd for RowId {
    fn partial_cmp(&self, other: &RowId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The CSV writer of every file and line, writing into `out`: CRLF line ends; `buffer` bytes
/// of buffer.
fn csv_writer<W: std::io::Write>(out: W, buffer: usize) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(buffer)
        .from_writer(out)
}

impl Default for Tables {
    fn default() -> Tables {
        let columns: BTreeMap<_, _> = TABLES.iter().map(|t| (t.name, t.columns())).collect();
        let places = columns
            .iter()
            .map(|(table, columns)| {
                let places = columns.iter().enumerate().map(|(i, c)| (c.name, i));
                (*table, places.collect())
            })
            .collect();
        Tables {
            columns,
            places,
            rows: BTreeMap::new(),
        }
    }
}

impl Tables {
    /// Adds one top-level record: `key` is its array in the HSDS document (`organizations`,
    /// `services`), `record` the record. Records nested in it are added to their own tables;
    /// a record already added under its id (an organisation, a taxonomy term) stays as it was.
    pub fn add<T: Serialize>(&mut self, key: &str, record: &T) {
        if let Some(table) = table_of(key) {
            let added = record.serialize(Records {
                tables: self,
                table,
            });
            // HSDS records are plain structs: serialising them cannot fail.
            debug_assert!(added.is_ok(), "{added:?}");
        }
    }

    /// How many columns `table` has (`None` for a table HSDS does not have).
    pub(super) fn column_count(&self, table: &str) -> Option<usize> {
        self.columns.get(table).map(Vec::len)
    }

    /// The place of column `name` in the rows of `table`.
    pub(super) fn column_index(&self, table: &str, name: &str) -> Option<usize> {
        self.places.get(table)?.get(name).copied()
    }

    /// Does `table` have a row with this id?
    pub(super) fn has_row(&self, table: &str, id: &str) -> bool {
        self.rows
            .get(table)
            .is_some_and(|rows| rows.by_id.contains_key(&RowId::new(id)))
    }

    /// Adds a row to `table` unless it has one with this id.
    pub(super) fn insert_row(&mut self, table: &'static str, id: String, cells: Vec<String>) {
        let rows = self.rows.entry(table).or_default();
        let Entry::Vacant(place) = rows.by_id.entry(RowId::new(&id)) else {
            return;
        };
        let start = rows.lines.len();
        let mut line = csv_writer(&mut rows.lines, 512);
        // Writing to a Vec cannot fail.
        let _ = line.write_record(cells.iter().map(|c| match neutralise_formula(c) {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }));
        let _ = line.into_inner();
        place.insert(start..rows.lines.len());
    }

    /// [`Tables::add`] by way of a JSON tree: the definition the quick way is tested against.
    #[cfg(test)]
    pub fn add_value(&mut self, key: &str, value: &Value) {
        if let Some(table) = table_of(key) {
            self.collect(table, value);
        }
    }

    /// Collects the records of `value` (an object of `table`, or an array of them) and of
    /// everything nested in it.
    #[cfg(test)]
    fn collect(&mut self, table: &'static str, value: &Value) {
        match value {
            Value::Array(items) => items.iter().for_each(|item| self.collect(table, item)),
            Value::Object(object) => {
                let id = object.get("id").and_then(Value::as_str).unwrap_or_default();
                let Some(columns) = self.columns.get(table) else {
                    return;
                };
                if self.has_row(table, id) {
                    return;
                }
                let cells = columns.iter().map(|c| cell(object.get(c.name))).collect();
                self.insert_row(table, id.to_string(), cells);
                for (key, nested) in object {
                    if let Some(inner) = table_of(key) {
                        self.collect(inner, nested);
                    }
                }
            }
            _ => {}
        }
    }

    /// The CSV files: `(file name, bytes)` in the order of [`TABLES`] (the build writes
    /// each with [`Tables::write_csv`] instead).
    #[cfg(test)]
    pub fn csv_files(&self) -> Vec<(&'static str, Vec<u8>)> {
        TABLES
            .iter()
            .map(|table| {
                let mut bytes = Vec::new();
                // Writing to a Vec cannot fail.
                let _ = self.write_csv(table, &mut bytes);
                (table.path, bytes)
            })
            .collect()
    }

    /// Writes the CSV file of `table` (its header, then its rows in id order) into `out`.
    pub fn write_csv(
        &self,
        table: &TableSpec,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let mut header = csv_writer(Vec::new(), 512);
        let columns = self.columns.get(table.name).into_iter().flatten();
        header.write_record(columns.map(|c| c.name))?;
        out.write_all(&header.into_inner().unwrap_or_default())?;
        if let Some(rows) = self.rows.get(table.name) {
            let mut sorted: Vec<_> = rows.by_id.iter().collect();
            sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
            for (_, line) in sorted {
                out.write_all(&rows.lines[line.clone()])?;
            }
        }
        Ok(())
    }
}

/// A CSV cell that a spreadsheet will not run as a formula (OWASP, "CSV Injection"): a cell
/// that starts with `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front, which
/// spreadsheets read as "this is text" and hide.
///
/// Cells made only of digits, spaces and `+ - . , ( ) /` are left as they are: phone numbers
/// (`+359 2 123 4567`) and negative numbers (a longitude, `-0.5`) must stay exact, and such a
/// cell cannot be harmful, since a formula does damage only through a function or a link
/// (`HYPERLINK`, `WEBSERVICE`, DDE's `cmd|`), which need letters. The HSDS JSON is exact
/// always; this is for the CSV files only.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    let trigger = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let harmless = cell
        .chars()
        .all(|c| c.is_ascii_digit() || " +-.,()/".contains(c));
    if trigger && !harmless {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A JSON scalar as CSV text; absent values are empty.
#[cfg(test)]
fn cell(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// The `datapackage.json` describing the CSV files.
pub fn datapackage(
    name: &str,
    title: &str,
    description: &str,
    homepage: &str,
    licence: Option<(&str, Option<&str>)>,
) -> Value {
    let resources: Vec<Value> = TABLES.iter().map(resource).collect();
    let mut package = json!({
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": description,
        "homepage": homepage,
    });
    if let (Some((title, path)), Some(object)) = (licence, package.as_object_mut()) {
        let mut licence = json!({ "title": title });
        if let (Some(path), Some(l)) = (path, licence.as_object_mut()) {
            l.insert("path".into(), json!(path));
        }
        object.insert("licenses".into(), json!([licence]));
    }
    if let Some(object) = package.as_object_mut() {
        object.insert("resources".into(), Value::Array(resources));
    }
    package
}

/// One table's resource entry: fields, primary key and foreign keys (`<table>_id` columns).
fn resource(table: &TableSpec) -> Value {
    let columns = table.columns();
    let fields: Vec<Value> = columns
        .iter()
        .map(|c| {
            let mut field = json!({ "name": c.name, "type": c.kind });
            if let Some(object) = field.as_object_mut() {
                if let Some(format) = c.format {
                    object.insert("format".into(), json!(format));
                }
                if c.required {
                    object.insert("constraints".into(), json!({ "required": true }));
                } else if c.hsds_required {
                    object.insert("description".into(), json!(MAY_BE_EMPTY));
                }
            }
            field
        })
        .collect();
    let foreign_keys: Vec<Value> = columns
        .iter()
        .filter_map(|c| {
            let target = c.name.strip_suffix("_id")?;
            TABLES.iter().any(|t| t.name == target).then(
                || json!({ "fields": c.name, "reference": { "resource": target, "fields": "id" } }),
            )
        })
        .collect();
    json!({
        "name": table.name,
        "path": table.path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": fields,
            "primaryKey": "id",
            "foreignKeys": foreign_keys,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_ids_sort_as_their_texts() {
        let texts = [
            "0003b361-6e16-5738-8ae7-187d6602e442",
            "0003b361-6e16-5738-8ae7-187d6602e443",
            "0003B361-6E16-5738-8AE7-187D6602E444",
            "9a103c78-7146-5b3b-acfc-05e5f8300f04",
            "9a103c78",
            "a",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "{9a103c78-7146-5b3b-acfc-05e5f8300f04}",
        ];
        assert!(matches!(RowId::new(texts[0]), RowId::Uuid(_)));
        assert!(
            matches!(RowId::new(texts[2]), RowId::Text(_)),
            "upper case stays text"
        );
        for a in texts {
            for b in texts {
                assert_eq!(RowId::new(a).cmp(&RowId::new(b)), a.cmp(b), "{a} vs {b}");
            }
            assert_eq!(RowId::new(a).with_text(str::to_string), a);
        }
    }

    #[test]
    fn a_row_is_written_once_and_rows_in_id_order() {
        let mut tables = Tables::default();
        let columns = tables.column_count("metadata").unwrap();
        let row = |first: &str| {
            let mut cells = vec![String::new(); columns];
            cells[0] = first.to_string();
            cells
        };
        tables.insert_row("metadata", "b".into(), row("b"));
        tables.insert_row("metadata", "a".into(), row("a"));
        tables.insert_row("metadata", "b".into(), row("b again"));
        assert!(tables.has_row("metadata", "a") && !tables.has_row("metadata", "c"));
        let spec = TABLES.iter().find(|t| t.name == "metadata").unwrap();
        let mut out = Vec::new();
        tables.write_csv(spec, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        assert_eq!(rows, ["a", "b"]);
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(1)", "'@SUM(1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("+359 2 123 4567", "+359 2 123 4567"),
            ("-0.5", "-0.5"),
            ("Дневен център", "Дневен център"),
            ("a = b", "a = b"),
            ("", ""),
        ] {
            assert_eq!(neutralise_formula(cell), written, "{cell:?}");
        }
    }
}
