//! The theme files a municipality may restyle beyond its pages: `sitemap.xml`, `feed.xml`
//! and `robots.txt` (Tera templates) and the brochure's `print/brochure.typ` (typst). A site's
//! copy in `themes/default/` replaces the built-in one, for the output and for the PDF cache.
//! (A broken `sitemap.xml` or `brochure.typ` is a `check` error at its line: see the
//! `broken-*-template` cases of `check_errors`.)

use std::path::{Path, PathBuf};

use crate::common::{copy_tree, fixed_date, fixture};
use crate::print::tool;
use kartoteka::model::Site;
use kartoteka::print;

/// The render fixture copied into a temporary folder, with `files` (path → text) added.
fn site_with(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = dir.path().join("site");
    copy_tree(&fixture("render-site"), &site);
    for (path, text) in files {
        let path = site.join(path);
        std::fs::create_dir_all(path.parent().unwrap_or(&site)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    (dir, site)
}

fn checked(site: &Path) -> Site {
    kartoteka::check(site, fixed_date())
        .into_site()
        .unwrap_or_else(|failed| panic!("{failed}"))
}

/// Builds the site at `root` without brochures into `<root>/../public`; returns that folder.
fn build(root: &Path) -> PathBuf {
    let out = root.with_file_name("public");
    let options = kartoteka::BuildOptions {
        no_pdf: true,
        pdf_cache: None,
    };
    kartoteka::build(&checked(root), &out, fixed_date(), &|| {}, &options)
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn a_robots_txt_override_is_written_as_it_is() {
    let (_dir, site) = site_with(&[(
        "themes/default/templates/robots.txt",
        "User-agent: *\nDisallow: /\n# staging of {{ base_url }} & <co>\n",
    )]);
    let robots = read(&build(&site), "robots.txt");
    assert!(
        robots.starts_with("User-agent: *\nDisallow: /\n"),
        "{robots}"
    );
    assert!(robots.contains(" & <co>\n"), "not HTML-escaped: {robots}");
    assert!(!robots.contains("{{"), "{robots}");
}

#[test]
fn a_sitemap_override_is_rendered_with_the_pages() {
    let (_dir, site) = site_with(&[(
        "themes/default/templates/sitemap.xml",
        "<urlset><!-- restyled: {{ pages | length }} pages -->\n\
         {%- for page in pages %}<url><loc>{{ page.url }}</loc></url>{% endfor %}</urlset>\n",
    )]);
    let out = build(&site);
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<!-- restyled: "), "{sitemap}");
    assert!(
        sitemap.contains("/uslugi/dneven-tsentar/</loc>"),
        "{sitemap}"
    );
    assert!(
        !sitemap.contains("xhtml:link"),
        "the built-in one is replaced"
    );
}

#[test]
fn a_feed_override_is_rendered_in_each_language() {
    let (_dir, site) = site_with(&[(
        "themes/default/templates/feed.xml",
        "<feed><!-- restyled {{ lang }}: {{ t(key=\"feed-title\") }}, {{ entries | length }} \
         entries --></feed>\n",
    )]);
    let out = build(&site);
    let bg = read(&out, "feed.xml");
    let en = read(&out, "en/feed.xml");
    assert!(bg.starts_with("<feed><!-- restyled bg: "), "{bg}");
    assert!(en.starts_with("<feed><!-- restyled en: "), "{en}");
    assert_ne!(
        bg,
        en.replace(" en: ", " bg: "),
        "t() speaks the feed's language"
    );
}

/// A brochure template that prints only a marker and one field of the brochure's data, with
/// the title and language a PDF/UA-1 file must have.
fn marker_template(marker: &str) -> String {
    format!(
        "#let data = json(\"/data.json\")\n#set document(title: data.title)\n\
         #set text(lang: data.lang)\n{marker} #data.lang\n"
    )
}

#[test]
fn a_brochure_template_override_is_typeset_and_re_typeset_when_it_changes() {
    let (dir, root) = site_with(&[(
        "themes/default/print/brochure.typ",
        &marker_template("Restyled-brochure-one"),
    )]);
    let cache = dir.path().join("pdf-cache");
    let printed = print::brochures(&checked(&root), fixed_date(), Some(&cache))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(printed.stats.rendered > 0 && printed.stats.cached == 0);
    let pdf = dir.path().join("one.pdf");
    std::fs::write(&pdf, &printed.pdfs[0].bytes).unwrap_or_else(|e| panic!("{e}"));
    if let Some(text) = tool("pdftotext", &[&pdf.to_string_lossy(), "-"]) {
        assert!(text.contains("Restyled-brochure-one"), "{text}");
    }

    // The same site again: every brochure comes from the cache.
    let again = print::brochures(&checked(&root), fixed_date(), Some(&cache))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.stats.cached, printed.stats.rendered);
    assert!(again.pdfs[0].bytes == printed.pdfs[0].bytes, "same bytes");

    // A changed template: none does.
    std::fs::write(
        root.join("themes/default/print/brochure.typ"),
        marker_template("Restyled-brochure-two"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let changed = print::brochures(&checked(&root), fixed_date(), Some(&cache))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(changed.stats.cached, 0);
    assert_eq!(changed.stats.rendered, printed.stats.rendered);
}

#[test]
fn a_brochure_template_that_fails_names_the_sites_file_and_line() {
    let (_dir, root) = site_with(&[(
        "themes/default/print/brochure.typ",
        "#let data = json(\"/data.json\")\n#data.no-such-field\n",
    )]);
    let error = print::brochures(&checked(&root), fixed_date(), None)
        .err()
        .unwrap_or_else(|| panic!("the template fails"))
        .to_string();
    assert!(
        error.contains("themes/default/print/brochure.typ:2:"),
        "{error}"
    );
}

#[test]
fn a_brochure_template_that_breaks_pdf_ua_stops_the_build_at_its_line() {
    let head = "#let data = json(\"/data.json\")\n";
    let svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/>";
    let cases = [
        (format!("{head}#data.lang\n"), "missing document title"),
        (
            format!(
                "{head}#set document(title: data.title)\n\
                 #image(bytes(\"{svg}\"), format: \"svg\")\n"
            ),
            "brochure.typ:3:",
        ),
    ];
    for (template, expected) in cases {
        let (_dir, root) = site_with(&[("themes/default/print/brochure.typ", &template)]);
        let error = print::brochures(&checked(&root), fixed_date(), None)
            .err()
            .unwrap_or_else(|| panic!("{template} is refused"))
            .to_string();
        assert!(
            error.contains("themes/default/print/brochure.typ") && error.contains("PDF/UA-1"),
            "{error}"
        );
        assert!(error.contains(expected), "{expected}: {error}");
    }
}
