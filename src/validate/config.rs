//! Reads `config.toml` into the model's [`Config`], reporting every problem.

use std::path::Path;

use toml::de::DeTable;

use super::fields::{FileCtx, Need, Role, Table};
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::read_text;
use crate::model::config::{
    AccessibilityConfig, Config, FallbackContact, OpenDataConfig, is_placeholder,
};
use crate::model::contact::check_web_url;
use crate::model::id::check_id;
use crate::model::{Lang, Localized, Vocabularies};

/// The largest `config.toml` or `vocabularies.toml` read before the limit is known.
const SETTINGS_FILE_LIMIT: u64 = 1024 * 1024;

/// Reads `config.toml` of the site at `root`, checking the ids it names against
/// `vocabularies`. A missing or broken file gives errors and the defaults, so that the rest of
/// the site can still be checked.
pub fn load(root: &Path, vocabularies: &Vocabularies) -> (Config, Vec<Diagnostic>) {
    let path = root.join("config.toml");
    if !path.is_file() {
        let d = Diagnostic::whole_file("config.toml", Severity::Error, "the site has no config.toml")
            .with_help("create config.toml with at least base_url and a [bg] title; `kartoteka init DIR` writes an example");
        return (Config::default(), vec![d]);
    }
    let file = match read_text(root, &path, SETTINGS_FILE_LIMIT) {
        Ok(file) => file,
        Err(d) => return (Config::default(), vec![d]),
    };
    let ctx = FileCtx::new(file.source(), 0, Role::Default, file.path.clone());
    let table = match DeTable::parse(&file.text) {
        Ok(table) => table,
        Err(e) => {
            return (Config::default(), vec![super::toml_error(&ctx, &e)]);
        }
    };
    let mut t = Table::new(&ctx, table.get_ref(), 0..0, "config.toml");
    let config = read(&mut t, vocabularies);
    t.finish();
    (config, ctx.into_diagnostics())
}

fn read(t: &mut Table<'_, '_>, vocabularies: &Vocabularies) -> Config {
    let defaults = Config::default();
    let base_url = match t.neutral_str(
        "base_url",
        Need::Required,
        "\"https://uslugi.example.org/\"",
    ) {
        Some(url) => match check_web_url(url.get_ref()) {
            Ok(()) => {
                if is_placeholder(url.get_ref()) {
                    t.ctx().warning(url.span(), "`base_url` is still a placeholder address", "set it to the address where the site is published: QR codes in brochures, the sitemap and the feeds point there. Until then brochures print as drafts without QR codes or addresses, and `kartoteka publish` refuses");
                }
                format!("{}/", url.get_ref().trim_end_matches('/'))
            }
            Err(problem) => {
                t.ctx().error(url.span(), format!("`base_url` is not a web address: {problem}"), "write the full address where the site is published, e.g. base_url = \"https://uslugi.example.org/\"");
                defaults.base_url
            }
        },
        None => defaults.base_url,
    };
    let stale_after_days = t
        .neutral_count("stale_after_days", 1)
        .map_or(defaults.stale_after_days, |n| n.into_inner());
    let max_file_size = t
        .neutral_count("max_file_size", 1)
        .map_or(defaults.max_file_size, |n| u64::from(n.into_inner()));
    let theme = t
        .neutral_str("theme", Need::Optional, "\"default\"")
        .and_then(|name| match check_id(name.get_ref()) {
            None => Some(name.into_inner()),
            Some(problem) => {
                t.ctx().error(
                    name.span(),
                    format!("`theme` must be the name of a folder in themes/: {problem}"),
                    "write the folder's name only, e.g. theme = \"ruse\" for themes/ruse/; a theme outside the site folder cannot be used",
                );
                None
            }
        });
    let area_served = super::parts::area_served(t, vocabularies);
    let mut title = None;
    let mut description: Option<Localized<String>> = None;
    let mut municipality: Option<Localized<String>> = None;
    for lang in Lang::ALL {
        let need = if lang.is_default() {
            Need::Required
        } else {
            Need::Optional
        };
        let Some(mut texts) = t.table(lang.code(), "a language table of config.toml") else {
            if need == Need::Required {
                t.ctx().error(
                    0..0,
                    format!("config.toml needs a [{lang}] table with the site's title"),
                    format!("add:\n[{lang}]\ntitle = \"…\""),
                );
            }
            continue;
        };
        let lang_title = texts.text("title", need).map(|s| s.into_inner());
        let lang_description = texts
            .text("description", Need::Optional)
            .map(|s| s.into_inner());
        let lang_municipality = texts
            .text("municipality", Need::Optional)
            .map(|s| s.into_inner());
        texts.finish();
        set(&mut title, lang, lang_title);
        set(&mut description, lang, lang_description);
        set(&mut municipality, lang, lang_municipality);
    }
    let opendata = read_opendata(t);
    let accessibility = read_accessibility(t);
    let fallback_contact = read_fallback_contact(t);
    Config {
        base_url,
        stale_after_days,
        max_file_size,
        title: title.unwrap_or(defaults.title),
        description,
        municipality,
        opendata,
        accessibility,
        theme,
        area_served,
        fallback_contact,
    }
}

/// Reads the optional `[fallback_contact]` table: `source_date`, the fields of a `[contact]`,
/// and `[fallback_contact.<lang>]` with `name` (required in the default language), `address`
/// and `source`.
fn read_fallback_contact(t: &mut Table<'_, '_>) -> Option<FallbackContact> {
    let mut table = t.table(
        "fallback_contact",
        "the [fallback_contact] table of config.toml",
    )?;
    let source_date = table
        .neutral_date("source_date", Need::Optional)
        .map(|d| d.into_inner());
    let contact = super::parts::contact_fields(&mut table);
    let (mut name, mut address, mut source) = (None, None, None);
    for lang in Lang::ALL {
        let need = if lang.is_default() {
            Need::Required
        } else {
            Need::Optional
        };
        let Some(mut texts) = table.table(lang.code(), "a language table of [fallback_contact]")
        else {
            if need == Need::Required {
                table.ctx().error(
                    0..0,
                    format!("[fallback_contact] needs a [fallback_contact.{lang}] table with the office's name"),
                    format!("add:\n[fallback_contact.{lang}]\nname = \"…\"\naddress = \"…\""),
                );
            }
            continue;
        };
        let lang_name = texts.text("name", need).map(|s| s.into_inner());
        let lang_address = texts
            .text("address", Need::Optional)
            .map(|s| s.into_inner());
        let lang_source = texts.text("source", Need::Optional).map(|s| s.into_inner());
        texts.finish();
        set(&mut name, lang, lang_name);
        set(&mut address, lang, lang_address);
        set(&mut source, lang, lang_source);
    }
    table.finish();
    Some(FallbackContact {
        name: name?,
        address,
        contact,
        source,
        source_date,
    })
}

/// Reads the optional `[accessibility]` table: `evaluated`, `[accessibility.<lang>]` with
/// `result`, and `[accessibility.contact]` read like a service's `[contact]`.
fn read_accessibility(t: &mut Table<'_, '_>) -> AccessibilityConfig {
    let Some(mut table) = t.table("accessibility", "the [accessibility] table of config.toml")
    else {
        return AccessibilityConfig::default();
    };
    let evaluated = table
        .neutral_date("evaluated", Need::Optional)
        .map(|d| d.into_inner());
    let mut result = None;
    for lang in Lang::ALL {
        if let Some(mut texts) = table.table(lang.code(), "a language table of [accessibility]") {
            let text = texts.text("result", Need::Optional).map(|s| s.into_inner());
            texts.finish();
            set(&mut result, lang, text);
        }
    }
    let contact = super::parts::contact(&mut table);
    table.finish();
    AccessibilityConfig {
        evaluated,
        result,
        contact,
    }
}

/// Reads the optional `[opendata]` table; unknown fields in it are reported.
fn read_opendata(t: &mut Table<'_, '_>) -> OpenDataConfig {
    let Some(mut table) = t.table("opendata", "the [opendata] table of config.toml") else {
        return OpenDataConfig::default();
    };
    let licence = table
        .neutral_str("licence", Need::Optional, "\"CC BY 4.0\"")
        .map(|s| s.into_inner());
    let licence_url = table
        .neutral_str(
            "licence_url",
            Need::Optional,
            "\"https://creativecommons.org/licenses/by/4.0/\"",
        )
        .and_then(|url| match check_web_url(url.get_ref()) {
            Ok(()) => Some(url.into_inner()),
            Err(problem) => {
                table.ctx().error(
                    url.span(),
                    format!("`licence_url` is not a web address: {problem}"),
                    "write the full address of the licence text, e.g. licence_url = \"https://creativecommons.org/licenses/by/4.0/\"",
                );
                None
            }
        });
    table.finish();
    OpenDataConfig {
        licence,
        licence_url,
    }
}

/// Puts a language's value into a localized option: the default language creates it, others
/// are added only where the default exists.
pub fn set(target: &mut Option<Localized<String>>, lang: Lang, value: Option<String>) {
    match (target.as_mut(), value) {
        (_, None) => {}
        (None, Some(v)) if lang.is_default() => *target = Some(Localized::new(v)),
        (None, Some(_)) => {}
        (Some(existing), Some(v)) => existing.set(lang, v),
    }
}
