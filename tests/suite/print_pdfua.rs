//! The brochures are tagged PDF that declare PDF/UA-1, checked by a validator outside the
//! program: `tests/pdfua/check.py`, a structure check with pikepdf (`tests/setup` installs it
//! into `target/pdfua-venv`). It reads the structure tree, marking, language, title, the
//! PDF/UA identification in the XMP metadata, every figure's alt text, the headings and the
//! outline; these tests add what only the brochure's data knows: the title and language it was
//! printed with, the text alternative of each QR code, and the headings the outline must list.
//!
//! Every brochure of the Ruse site and of the fixture sites is checked; so are an untagged PDF
//! and the imposed A4 booklet, which must fail.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::common::{fixed_date, repo, site_at};
use kartoteka::model::Site;
use kartoteka::print::document::{Document, ProviderCard};
use kartoteka::print::strings::PrintStrings;
use kartoteka::print::{self, Form, Pdf};

/// The venv's Python with pikepdf, or `None` (and a note) where `tests/setup` has not run.
fn checker_python() -> Option<PathBuf> {
    let python = repo().join("target/pdfua-venv/bin/python");
    if python.exists() {
        return Some(python);
    }
    if std::env::var_os("CI").is_some() {
        panic!("{} is missing: run bash tests/setup", python.display());
    }
    eprintln!("the PDF/UA check needs `bash tests/setup` (pikepdf in target/pdfua-venv); skipped");
    None
}

/// The checker's findings for each file (one JSON object per file) and whether it passed.
fn check(files: &[PathBuf]) -> Option<(Vec<Value>, bool)> {
    let python = checker_python()?;
    let output = Command::new(python)
        .arg(repo().join("tests/pdfua/check.py"))
        .arg("--json")
        .args(files)
        .output()
        .expect("the PDF/UA check runs");
    let found: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(
        found.len(),
        files.len(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    match output.status.code() {
        Some(0) => Some((found, true)),
        Some(1) => Some((found, false)),
        _ => panic!("check.py: {}", String::from_utf8_lossy(&output.stderr)),
    }
}

/// A site's brochures, printed with its own address, written under `target/tmp/pdfua/<name>/`.
fn print_site(name: &str, site: &Site) -> Vec<(Pdf, PathBuf)> {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("pdfua")
        .join(name);
    let _ = std::fs::remove_dir_all(&out);
    let printed = print::brochures(site, fixed_date(), None).unwrap_or_else(|e| panic!("{e}"));
    printed
        .pdfs
        .into_iter()
        .map(|pdf| {
            let path = out.join(&pdf.planned.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &pdf.bytes).unwrap();
            (pdf, path)
        })
        .collect()
}

/// A site's name, the site, and its brochures with the files they were written to.
type PrintedSite = (String, Site, Vec<(Pdf, PathBuf)>);

/// The Ruse site (with a decided address, so its brochures carry QR codes) and every fixture
/// site that has brochures, printed once.
fn printed_sites() -> &'static Vec<PrintedSite> {
    static PRINTED: OnceLock<Vec<PrintedSite>> = OnceLock::new();
    PRINTED.get_or_init(|| {
        let mut ruse = site_at(&repo());
        ruse.config.base_url = "https://uslugi.test.bg/".into();
        let sites = [
            ("ruse", ruse),
            ("valid", site_at(&repo().join("tests/fixtures/valid"))),
            (
                "render-site",
                site_at(&repo().join("tests/fixtures/render-site")),
            ),
        ];
        sites
            .into_iter()
            .map(|(name, site)| {
                let pdfs = print_site(name, &site);
                (name.to_string(), site, pdfs)
            })
            .collect()
    })
}

/// The brochure's data, as the template received it.
fn data(site: &Site, pdf: &Pdf) -> Document {
    let strings = PrintStrings::new(site, pdf.planned.lang);
    print::document::document(site, &pdf.planned, fixed_date(), &strings).unwrap()
}

/// The text alternatives of the brochure's QR codes, in reading order.
fn qr_alts(doc: &Document) -> Vec<String> {
    let provider = doc
        .provider
        .iter()
        .filter_map(|p: &ProviderCard| p.qr.as_ref());
    let services = doc
        .groups
        .iter()
        .flat_map(|g| &g.services)
        .filter_map(|s| s.qr.as_ref());
    provider
        .chain(services)
        .chain(doc.closing.qr.as_ref())
        .map(|code| code.alt.clone())
        .collect()
}

fn strings(found: &Value, key: &str) -> Vec<String> {
    found[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} in {found}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn every_brochure_is_tagged_pdf_ua_with_its_title_language_outline_and_alt_texts() {
    let mut checked = 0;
    for (name, site, pdfs) in printed_sites() {
        let reading: Vec<&(Pdf, PathBuf)> = pdfs
            .iter()
            .filter(|(pdf, _)| pdf.planned.form == Form::Pages)
            .collect();
        assert!(!reading.is_empty(), "{name} has brochures");
        let files: Vec<PathBuf> = reading.iter().map(|(_, path)| path.clone()).collect();
        let Some((found, passed)) = check(&files) else {
            return;
        };
        let problems: Vec<String> = found.iter().flat_map(|f| strings(f, "problems")).collect();
        assert!(passed && problems.is_empty(), "{name}: {problems:#?}");
        for ((pdf, _), found) in reading.iter().zip(&found) {
            let doc = data(site, pdf);
            let at = &pdf.planned.path;
            assert_eq!(found["title"], doc.title.as_str(), "{name} {at}");
            assert_eq!(found["title"], pdf.planned.title.as_str(), "{name} {at}");
            assert_eq!(found["lang"], pdf.planned.lang.code(), "{name} {at}");
            assert_eq!(found["pdfua_part"], "1", "{name} {at}");
            // Every QR code is a figure whose text names its page and gives its address.
            let alts = qr_alts(&doc);
            assert_eq!(strings(found, "figures"), alts, "{name} {at}");
            let urls = doc
                .groups
                .iter()
                .flat_map(|g| &g.services)
                .filter_map(|s| s.url.as_ref());
            for url in urls {
                assert!(alts.iter().any(|alt| alt.ends_with(url.as_str())), "{url}");
            }
            // The outline is the headings (check.py); they are the brochure's sections,
            // groups and services, in its order.
            let outline = strings(found, "outline");
            let mut expected = vec![doc.services_title.clone()];
            for group in &doc.groups {
                expected.push(group.title.clone());
                expected.extend(group.services.iter().map(|s| s.title.t.clone()));
            }
            if doc.groups.is_empty() {
                expected.clear();
            }
            let mut rest = outline.iter();
            for title in &expected {
                assert!(
                    rest.any(|entry| entry.starts_with(title.as_str())),
                    "{name} {at}: {title:?} not in order in {outline:#?}"
                );
            }
            // Each service's facts are a table whose labels head their rows.
            let services = doc.groups.iter().map(|g| g.services.len()).sum::<usize>();
            let tables = services + usize::from(doc.provider.is_some());
            assert_eq!(found["tables"], tables, "{name} {at}");
            assert!(
                found["row_headers"].as_u64().unwrap() >= tables as u64,
                "{name} {at}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} brochures checked");
}

#[test]
fn the_booklet_says_it_is_for_printing_and_where_the_brochure_to_read_is() {
    for (name, site, pdfs) in printed_sites() {
        for (pdf, path) in pdfs.iter().filter(|(p, _)| p.planned.form == Form::Booklet) {
            let doc = data(site, pdf);
            let reading = pdfs
                .iter()
                .find(|(p, _)| {
                    p.planned.subject == pdf.planned.subject
                        && p.planned.lang == pdf.planned.lang
                        && p.planned.form == Form::Pages
                })
                .expect("the A5 brochure of the booklet");
            assert_ne!(doc.title, pdf.planned.title, "{name}");
            assert!(doc.title.starts_with(&pdf.planned.title), "{}", doc.title);
            assert!(doc.title.contains("A4"), "{}", doc.title);
            let description = doc.description.clone().expect("a booklet's description");
            assert!(
                description.ends_with(reading.0.planned.url.as_str()),
                "{description}"
            );
            let Some((found, passed)) = check(std::slice::from_ref(path)) else {
                return;
            };
            // Imposed in folding order, it has no reading order: it is not tagged, and the
            // validator says so.
            assert!(!passed, "{name} {}", pdf.planned.path);
            assert_eq!(found[0]["title"], doc.title.as_str());
            let problems = strings(&found[0], "problems");
            assert!(
                problems.iter().any(|p| p.starts_with("not tagged")),
                "{problems:#?}"
            );
            assert!(
                problems
                    .iter()
                    .any(|p| p.ends_with("painting operator(s) neither tagged nor an artifact")),
                "{problems:#?}"
            );
        }
    }
}

#[test]
fn the_check_fails_on_an_untagged_pdf() {
    // A one-page PDF as any generator without tagging writes it.
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ];
    let mut pdf = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", n + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("untagged.pdf");
    std::fs::write(&path, pdf).unwrap();
    let Some((found, passed)) = check(&[path]) else {
        return;
    };
    assert!(!passed);
    let problems = strings(&found[0], "problems");
    for expected in [
        "not tagged: the document has no structure tree (/StructTreeRoot)",
        "not marked as tagged: /MarkInfo /Marked is not true",
        "no document language (/Lang in the catalog)",
        "no document title (/Title)",
    ] {
        assert!(problems.iter().any(|p| p == expected), "{problems:#?}");
    }
}
