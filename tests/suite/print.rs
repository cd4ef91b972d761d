//! Printed brochures of the Ruse site, checked the way a print shop and a reader would: the
//! text extracts (poppler's `pdftotext`), the paper size and fonts are right (`pdfinfo`,
//! `pdffonts`), and every QR code scans to its page (`pdftoppm` + zbar's `zbarimg`).
//!
//! The tools come from Debian's `poppler-utils` and `zbar-tools` (`.ci/run` installs them).
//! Where they are missing, the tests that need them say so and pass, except under CI.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::common::{copy_tree, fixed_date, fixture, ruse};
use kartoteka::model::{Lang, Site};
use kartoteka::print::{self, Form, Printed, Subject};
use kartoteka::urls;

/// The Ruse site as if its address were decided. Its config.toml still holds a placeholder, and
/// with it brochures are drafts without QR codes (see `a_placeholder_address_prints_drafts`);
/// these tests print what the real brochures will be.
fn ruse_addressed() -> Site {
    let mut site = ruse();
    site.config.base_url = "https://uslugi.test.bg/".into();
    site
}

/// The Ruse brochures, printed once for all tests into `target/tmp/print-ruse/out/`.
fn printed() -> &'static (Site, Printed, PathBuf) {
    static PRINTED: OnceLock<(Site, Printed, PathBuf)> = OnceLock::new();
    PRINTED.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print-ruse");
        let _ = std::fs::remove_dir_all(&root);
        let site = ruse_addressed();
        let printed = print::brochures(&site, fixed_date(), Some(&root.join("cache")))
            .unwrap_or_else(|e| panic!("{e}"));
        let out = root.join("out");
        for pdf in &printed.pdfs {
            let path = out.join(&pdf.planned.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &pdf.bytes).unwrap();
        }
        (site, printed, out)
    })
}

/// Runs a tool and returns its standard output, or `None` when it is not installed here.
pub(crate) fn tool(name: &str, args: &[&str]) -> Option<String> {
    match Command::new(name).args(args).output() {
        Ok(output) => {
            assert!(
                output.status.success(),
                "{name} {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!(
                "{name} is not installed (apt-get install poppler-utils zbar-tools); skipped"
            );
            None
        }
        Err(e) => panic!("{name} is needed under CI: {e}"),
    }
}

fn pdf_path(url: &str) -> String {
    let (_, _, out) = printed();
    out.join(urls::output_file(url))
        .to_string_lossy()
        .into_owned()
}

/// Whitespace runs as single spaces, so that titles broken over lines still match.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_brochure_is_at_its_contract_path() {
    let (site, printed, _) = printed();
    let paths: BTreeSet<&str> = printed
        .pdfs
        .iter()
        .map(|p| p.planned.path.as_str())
        .collect();
    for expected in [
        "broshuri/rabotna-sreshta-2020.pdf",
        "en/brochures/rabotna-sreshta-2020.pdf",
        "broshuri/semeystva-s-detsa.pdf",
        "en/brochures/semeystva-s-detsa.pdf",
        "dostavchitsi/ekvilibrium/brochure.pdf",
        "en/providers/ekvilibrium/brochure.pdf",
        "broshuri/semeystva-s-detsa.a4-booklet.pdf",
        "en/brochures/semeystva-s-detsa.a4-booklet.pdf",
    ] {
        assert!(
            paths.contains(expected),
            "{expected} missing from {paths:?}"
        );
    }
    for provider in site.providers.values() {
        let has_services = site.services_of(&provider.id).next().is_some();
        let path = urls::output_file(&urls::provider_brochure(Lang::Bg, provider.id.as_str()));
        assert_eq!(paths.contains(path.as_str()), has_services, "{path}");
    }
    for pdf in &printed.pdfs {
        assert!(pdf.bytes.starts_with(b"%PDF-"), "{}", pdf.planned.path);
    }
    assert_eq!(printed.stats.warnings, Vec::<String>::new());
}

#[test]
fn text_holds_the_selected_services_and_no_others() {
    let (site, _, _) = printed();
    let brochure = &site.brochures["semeystva-s-detsa"];
    let selected: BTreeSet<&str> = site
        .brochure_services(brochure)
        .map(|s| s.id.as_str())
        .collect();
    assert!(selected.len() >= 5 && selected.len() < site.services.len());
    for lang in Lang::ALL {
        let url = urls::event_brochure(lang, "semeystva-s-detsa");
        let Some(text) = tool("pdftotext", &[&pdf_path(&url), "-"]) else {
            return;
        };
        let text = squash(&text);
        assert!(
            text.contains(&squash(brochure.title.get(lang).value)),
            "{url}: title"
        );
        for service in site.services.values() {
            let title = squash(service.listing.title.get(lang).value);
            let wanted = selected.contains(service.id.as_str());
            assert_eq!(
                text.contains(&title),
                wanted,
                "{url}: «{title}» (selected: {wanted})"
            );
        }
    }
}

#[test]
fn paper_size_and_metadata_are_as_asked() {
    let (site, printed, _) = printed();
    for pdf in &printed.pdfs {
        let Some(info) = tool("pdfinfo", &[&pdf_path(&pdf.planned.url)]) else {
            return;
        };
        let expected_mm = match (pdf.planned.paper, pdf.planned.form) {
            (kartoteka::model::Paper::A4, Form::Pages) => (210.0, 297.0),
            (kartoteka::model::Paper::A5, Form::Pages) => (148.0, 210.0),
            // Two A5 pages side by side on a landscape A4 sheet.
            (kartoteka::model::Paper::A5, Form::Booklet) => (296.0, 210.0),
            (kartoteka::model::Paper::A4, Form::Booklet) => (420.0, 297.0),
        };
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or_default();
        let points: Vec<f64> = size
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        let mm = |pt: f64| pt / 72.0 * 25.4;
        assert!(
            points.len() == 2
                && (mm(points[0]) - expected_mm.0).abs() < 0.5
                && (mm(points[1]) - expected_mm.1).abs() < 0.5,
            "{}: {size}, expected {expected_mm:?} mm",
            pdf.planned.path
        );
        let title = info
            .lines()
            .find(|l| l.starts_with("Title:"))
            .unwrap_or_default();
        let title = title.trim_start_matches("Title:").trim();
        let tagged = info
            .lines()
            .find(|l| l.starts_with("Tagged:"))
            .unwrap_or_default();
        let tagged = tagged.trim_start_matches("Tagged:").trim();
        // The brochure is tagged (its language, structure and PDF/UA-1 declaration are checked
        // in `print_pdfua`); the imposed booklet is for printing and says so in its title.
        match pdf.planned.form {
            Form::Pages => {
                assert_eq!(title, pdf.planned.title);
                assert_eq!(tagged, "yes", "{}", pdf.planned.path);
            }
            Form::Booklet => {
                assert!(
                    title.starts_with(&pdf.planned.title) && title.contains("A4"),
                    "{}: {title}",
                    pdf.planned.path
                );
                assert_eq!(tagged, "no", "{}", pdf.planned.path);
            }
        }
    }
    assert_eq!(
        site.brochures["semeystva-s-detsa"].paper,
        kartoteka::model::Paper::A5
    );
}

#[test]
fn every_font_is_embedded_subset_and_mapped_to_unicode() {
    let (_, printed, _) = printed();
    for pdf in printed.pdfs.iter().take(6) {
        let Some(fonts) = tool("pdffonts", &[&pdf_path(&pdf.planned.url)]) else {
            return;
        };
        // name type encoding emb sub uni object ID: the three yes/no columns come before the id.
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{}: no fonts", pdf.planned.path);
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let flags = &cols[cols.len() - 5..cols.len() - 2];
            assert_eq!(flags, ["yes", "yes", "yes"], "{}: {row}", pdf.planned.path);
        }
    }
}

#[test]
fn every_qr_code_scans_to_its_page() {
    let (site, _, _) = printed();
    let brochure = &site.brochures["semeystva-s-detsa"];
    let url = urls::event_brochure(Lang::Bg, "semeystva-s-detsa");
    let pages = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print-ruse/qr");
    std::fs::create_dir_all(&pages).unwrap();
    let prefix = pages.join("page").to_string_lossy().into_owned();
    if tool(
        "pdftoppm",
        &["-r", "150", "-gray", "-png", &pdf_path(&url), &prefix],
    )
    .is_none()
    {
        return;
    }
    let mut images: Vec<String> = std::fs::read_dir(&pages)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    images.sort();
    let mut args = vec!["--raw", "-q"];
    args.extend(images.iter().map(String::as_str));
    // zbarimg exits 4 when a page has no code; read what it printed either way.
    let output = match Command::new("zbarimg").args(&args).output() {
        Ok(output) => output,
        Err(_) if std::env::var_os("CI").is_none() => return,
        Err(e) => panic!("zbarimg is needed under CI: {e}"),
    };
    let scanned: BTreeSet<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    let base = &site.config.base_url;
    let mut expected: BTreeSet<String> = site
        .brochure_services(brochure)
        .map(|s| urls::absolute(base, &urls::service(Lang::Bg, s.id.as_str())))
        .collect();
    expected.insert(urls::absolute(base, &urls::home(Lang::Bg)));
    assert_eq!(scanned, expected);
}

#[test]
fn an_unchanged_site_prints_nothing_again_and_a_change_reprints_only_its_brochures() {
    let (_, first, _) = printed();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print-ruse");
    assert_eq!(first.stats.rendered, first.pdfs.len());
    let site = ruse_addressed();
    let again = print::brochures(&site, fixed_date(), Some(&root.join("cache"))).unwrap();
    assert_eq!(
        (again.stats.rendered, again.stats.cached),
        (0, first.pdfs.len())
    );
    for (a, b) in first.pdfs.iter().zip(&again.pdfs) {
        assert_eq!(a.planned, b.planned);
        assert!(a.bytes == b.bytes, "{}", a.planned.path);
    }

    let mut site = ruse_addressed();
    let service = site
        .services
        .values_mut()
        .find(|s| s.id.as_str() == "zveno-mayka-i-bebe")
        .unwrap();
    let mut title = service.listing.title.clone();
    title.set(Lang::Bg, "Звено „Майка и бебе“ – Русе".into());
    service.listing.title = title;
    let changed = print::brochures(&site, fixed_date(), Some(&root.join("cache-changed"))).unwrap();
    assert_eq!(
        changed.stats.rendered,
        first.pdfs.len(),
        "a new cache starts empty"
    );
    let reprinted = print::brochures(&site, fixed_date(), Some(&root.join("cache"))).unwrap();
    let touched: BTreeSet<&str> = reprinted
        .pdfs
        .iter()
        .filter(|p| !p.from_cache)
        .map(|p| p.planned.path.as_str())
        .collect();
    let service = &site.services["zveno-mayka-i-bebe"];
    let holds_it = |subject: &Subject| match subject {
        Subject::Event(id) => site.brochures[id]
            .select
            .matches(service, site.config.area_served.as_ref()),
        Subject::Provider(id) => service.provider.as_ref() == Some(id),
    };
    let expected: BTreeSet<&str> = reprinted
        .pdfs
        .iter()
        .filter(|p| p.planned.lang == Lang::Bg && holds_it(&p.planned.subject))
        .map(|p| p.planned.path.as_str())
        .collect();
    assert!(
        expected.contains("broshuri/semeystva-s-detsa.pdf"),
        "{expected:?}"
    );
    assert_eq!(touched, expected);
}

#[test]
fn same_inputs_give_the_same_bytes() {
    let (site, printed, _) = printed();
    // A provider brochure, a tagged A5 event brochure and its imposed booklet.
    let chosen = [
        |p: &print::Planned| matches!(p.subject, Subject::Provider(_)),
        |p: &print::Planned| p.paper == kartoteka::model::Paper::A5 && p.form == Form::Pages,
        |p: &print::Planned| p.form == Form::Booklet,
    ];
    let engine = print::typeset::Engine::new(&site.theme);
    for choose in chosen {
        let planned = printed
            .pdfs
            .iter()
            .map(|p| &p.planned)
            .find(|p| choose(p))
            .expect("a brochure of each kind");
        let strings = print::strings::PrintStrings::new(site, planned.lang);
        let doc = print::document::document(site, planned, fixed_date(), &strings).unwrap();
        let data = serde_json::to_vec(&doc).unwrap();
        let again =
            print::typeset::pdf(&engine, data, planned.form, fixed_date(), &planned.url).unwrap();
        let first = printed.pdfs.iter().find(|p| &p.planned == planned).unwrap();
        assert!(again.pdf == first.bytes, "{} differs", planned.path);
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    }
}

#[test]
fn a5_brochures_fill_whole_sheets() {
    let (_, printed, _) = printed();
    let a5 = printed
        .pdfs
        .iter()
        .filter(|p| p.planned.paper == kartoteka::model::Paper::A5);
    for pdf in a5 {
        let Some(info) = tool("pdfinfo", &[&pdf_path(&pdf.planned.url)]) else {
            return;
        };
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_default();
        let sheet_sides = match pdf.planned.form {
            Form::Pages => 4,
            Form::Booklet => 2,
        };
        assert!(
            pages > 0 && pages.is_multiple_of(sheet_sides),
            "{}: {pages} pages",
            pdf.planned.path
        );
    }
}

#[test]
fn a_placeholder_address_prints_drafts_without_codes_or_addresses() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("valid"), dir.path());
    let config = dir.path().join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let placeholder = "https://uslugi.example.org/";
    std::fs::write(
        &config,
        text.replace("https://uslugi.test.bg/", placeholder),
    )
    .unwrap();
    let site = kartoteka::check(dir.path(), fixed_date())
        .into_site()
        .unwrap_or_else(|failed| panic!("{failed}"));
    assert_eq!(site.config.base_url, placeholder);
    let printed = print::brochures(&site, fixed_date(), None).unwrap_or_else(|e| panic!("{e}"));
    assert!(!printed.pdfs.is_empty());
    for pdf in &printed.pdfs {
        let name = &pdf.planned.path;
        let path = dir.path().join("out").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &pdf.bytes).unwrap();
        let path = path.to_string_lossy().into_owned();
        let Some(text) = tool("pdftotext", &[&path, "-"]) else {
            return;
        };
        let draft = match pdf.planned.lang {
            Lang::Bg => "ПРОБЕН ОТПЕЧАТЪК – адресът на сайта още не е определен",
            Lang::En => "DRAFT PRINT – the site's address has not been set yet",
        };
        // pdftotext separates pages with a form feed: the line is on every page.
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(!pages.is_empty(), "{name}");
        for (n, page) in pages.iter().enumerate() {
            assert!(
                squash(page).contains(draft),
                "{name}, page {}: {page}",
                n + 1
            );
        }
        assert!(
            !text.contains("example.org"),
            "{name}: no web address of the site"
        );
        assert!(
            !text.contains("uslugi."),
            "{name}: no web address of the site"
        );
        let prefix = dir.path().join("page").to_string_lossy().into_owned();
        if tool("pdftoppm", &["-r", "100", "-gray", "-png", &path, &prefix]).is_none() {
            return;
        }
        let images: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path().to_string_lossy().into_owned())
            .filter(|p| p.ends_with(".png"))
            .collect();
        let mut args = vec!["--raw", "-q"];
        args.extend(images.iter().map(String::as_str));
        let output = Command::new("zbarimg").args(&args).output();
        if let Ok(output) = output {
            assert_eq!(
                String::from_utf8_lossy(&output.stdout),
                "",
                "{name}: no QR code"
            );
        }
        for image in &images {
            std::fs::remove_file(image).unwrap();
        }
    }
}
