//! A directory longer than one page can show: the A–Z list of 2,345 services takes three
//! pages of at most 1,000, in order, each reachable from the others; the sitemap lists them.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{copy_tree, fixed_date, fixture};

/// How many services the site gets on top of the fixture's two.
const EXTRA: usize = 2_343;

/// First words of the extra services' titles, so that groups start on every page.
const WORDS: [&str; 5] = ["Аз", "Бор", "Дом", "Клуб", "Приют"];

/// The `valid` fixture with `EXTRA` more services, built; the output folder.
fn built_long(dir: &Path) -> std::path::PathBuf {
    let site = dir.join("site");
    copy_tree(&fixture("valid"), &site);
    for i in 0..EXTRA {
        // The last 243 (with the fixture's "Център за обществена подкрепа") start with "Ц",
        // a group that starts on the third page.
        let letter = if i >= 2_100 {
            "Център"
        } else {
            WORDS[i % WORDS.len()]
        };
        let text = format!(
            "+++\ntitle = \"{letter} {i:04}\"\nsummary = \"Услуга номер {i}.\"\nverified = 2026-06-01\n\
             type = \"tsop\"\nprovider = \"obshtina\"\nactivities = [\"information-counselling\"]\n\
             target_groups = [\"children\"]\nfunding = \"local\"\n+++\n"
        );
        let path = site.join(format!("content/services/usluga-{i}.md"));
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    let checked = kartoteka::check(&site, fixed_date());
    let site = checked.into_site().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.join("public");
    let options = kartoteka::BuildOptions {
        no_pdf: true,
        pdf_cache: None,
    };
    kartoteka::build(&site, &out, fixed_date(), &|| {}, &options).unwrap_or_else(|e| panic!("{e}"));
    out
}

fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The service links of an A–Z page, in order (`/uslugi/<id>/` inside an `<h3>`).
fn entries(html: &str, prefix: &str) -> Vec<String> {
    html.split("<h3><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with(prefix))
        .map(str::to_string)
        .collect()
}

/// The title after each entry's link, without markup (an untranslated one is marked
/// `<span lang="bg">`).
fn titles(html: &str) -> Vec<String> {
    html.split("<h3><a href=\"")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("\">")
                .and_then(|(_, t)| t.split("</a>").next())
        })
        .map(|t| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in t.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect()
}

#[test]
fn a_long_a_to_z_list_takes_pages_of_a_thousand_in_order_each_linked_from_the_others() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = built_long(dir.path());
    for (first, word, prefix) in [
        ("uslugi/", "stranitsa", "/uslugi/"),
        ("en/services/", "page", "/en/services/"),
    ] {
        let pages = [
            read(&out, &format!("{first}index.html")),
            read(&out, &format!("{first}{word}/2/index.html")),
            read(&out, &format!("{first}{word}/3/index.html")),
        ];
        assert!(
            !out.join(format!("{first}{word}/4")).exists(),
            "2,345 entries take three pages"
        );
        assert!(
            !out.join(format!("{first}{word}/1")).exists(),
            "page 1 is the list's own URL"
        );
        let per_page: Vec<Vec<String>> = pages.iter().map(|p| entries(p, prefix)).collect();
        assert_eq!(
            per_page.iter().map(Vec::len).collect::<Vec<_>>(),
            [1000, 1000, 345]
        );
        let all: Vec<&String> = per_page.iter().flatten().collect();
        let unique: BTreeSet<&String> = all.iter().copied().collect();
        assert_eq!(unique.len(), EXTRA + 2, "every service once, on one page");
        // One order runs across the pages: each page's titles sort after the previous one's.
        let all_titles: Vec<String> = pages.iter().flat_map(|p| titles(p)).collect();
        let mut sorted = all_titles.clone();
        sorted.sort_by_key(|t| t.to_lowercase());
        assert_eq!(all_titles, sorted);
        // Every page names its number, links to every page, and to the one before and after.
        let url = |n: usize| match n {
            1 => format!("/{first}"),
            n => format!("/{first}{word}/{n}/"),
        };
        for (i, page) in pages.iter().enumerate() {
            let n = i + 1;
            assert!(page.contains(&format!(
                "<a href=\"{}\" aria-current=\"page\">{n}</a>",
                url(n)
            )));
            for other in 1..=3 {
                assert!(
                    page.contains(&format!("<a href=\"{}\"", url(other))),
                    "page {n} links to {other}"
                );
            }
            assert_eq!(page.contains("rel=\"prev\""), n > 1);
            assert_eq!(page.contains("rel=\"next\""), n < 3);
            if n > 1 {
                assert!(page.contains(&format!("<a href=\"{}\" rel=\"prev\">", url(n - 1))));
            }
        }
        assert!(pages[1].contains(if first == "uslugi/" {
            "страница 2 от 3"
        } else {
            "page 2 of 3"
        }));
        // The letters link to where each group starts: "Център" starts on the last page, and
        // from the first page the link goes there; on the last page it stays on the page.
        // (The extra services have no English files: both lists show their Bulgarian titles.)
        let center = "Ц";
        let letters = if first == "uslugi/" {
            "Букви"
        } else {
            "Letters"
        };
        let letter_link = |page: &str| {
            let nav = page
                .split(&format!("<nav aria-label=\"{letters}\">"))
                .nth(1)
                .and_then(|rest| rest.split("</nav>").next())
                .map(str::to_string)
                .unwrap_or_default();
            nav.split("<li><a href=\"")
                .skip(1)
                .find(|l| l.contains(&format!(">{center}</a>")))
                .and_then(|l| l.split('"').next())
                .map(str::to_string)
                .unwrap_or_else(|| panic!("no letter {center}"))
        };
        assert!(
            letter_link(&pages[0]).starts_with(&format!("{}#az-", url(3))),
            "{}",
            letter_link(&pages[0])
        );
        assert!(letter_link(&pages[2]).starts_with("#az-"));
    }
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://uslugi.test.bg/uslugi/stranitsa/3/</loc>"));
    assert!(sitemap.contains("<loc>https://uslugi.test.bg/en/services/page/2/</loc>"));
}
