//! The site's settings, as `config.toml` gives them (read by `validate::config`).
//!
//! ```toml
//! base_url = "https://uslugi.example.org/"
//! stale_after_days = 365      # `verified` older than this is a warning
//! max_file_size = 1048576     # bytes; larger content files are refused
//! theme = "default"           # optional: use themes/<name>/ of the site
//!
//! [bg]
//! title = "Социални услуги в Община Русе"
//! description = "…"
//! municipality = "Община Русе"
//!
//! [en]
//! title = "Social services in Ruse Municipality"
//!
//! [opendata]                  # optional: the licence of the open data files
//! licence = "CC BY 4.0"
//! licence_url = "https://creativecommons.org/licenses/by/4.0/"
//!
//! [accessibility]             # optional: what the accessibility statement says
//! evaluated = 2026-03-01      # the date of the last evaluation
//! [accessibility.bg]
//! result = "…"                # the result of that evaluation, per language
//! [accessibility.contact]     # whom to tell about barriers: the fields of a service's
//! email = "…"                 # [contact]; none at all: the page says it is not set yet
//!
//! [fallback_contact]          # optional: whom to ask when a service page gives no phone
//! source_date = 2018-05-30    # and no address; the fields of a [contact] may follow
//! [fallback_contact.bg]
//! name = "…"                  # required: the office or body
//! address = "…"
//! source = "…"                # where the name and address come from
//! ```

use super::contact::check_web_url;
use super::{Area, Contact, Date, Localized};

/// The default for `stale_after_days`.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 365;
/// The default for `max_file_size`: 1 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 1024 * 1024;

/// The site's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where the site is published, with a trailing `/` (used for QR codes, sitemap, feeds).
    pub base_url: String,
    /// `verified` dates older than this many days are reported as stale.
    pub stale_after_days: u32,
    /// The largest content file read, in bytes.
    pub max_file_size: u64,
    /// The site's name.
    pub title: Localized<String>,
    /// One sentence on what the site is.
    pub description: Option<Localized<String>>,
    /// The municipality (or region) whose directory this is.
    pub municipality: Option<Localized<String>>,
    /// `[opendata]`: how the open data files may be reused.
    pub opendata: OpenDataConfig,
    /// `[accessibility]`: what the accessibility statement says.
    pub accessibility: AccessibilityConfig,
    /// The site's theme folder under `themes/`, when it names one (`theme = "ruse"`).
    pub theme: Option<String>,
    /// `area_served`: where a service works when its file does not say.
    pub area_served: Option<Area>,
    /// `[fallback_contact]`: whom to ask when a service's page gives no phone and no address.
    pub fallback_contact: Option<FallbackContact>,
}

/// The `[fallback_contact]` table: the office a citizen can ask about any service whose page
/// gives neither a phone number nor an address, with where that office's details come from.
#[derive(Clone, Debug)]
pub struct FallbackContact {
    /// The office or body, e.g. a directorate of the municipality.
    pub name: Localized<String>,
    /// Its address, as the source gives it.
    pub address: Option<Localized<String>>,
    /// Phone, e-mail, web site, person: the fields of a service's `[contact]`.
    pub contact: Contact,
    /// The document that gives the name and address.
    pub source: Option<Localized<String>>,
    /// That document's date.
    pub source_date: Option<Date>,
}

/// The `[opendata]` table: the licence under which the open data files are published.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenDataConfig {
    /// The licence's short name, e.g. "CC BY 4.0"; `None` when the site names none.
    pub licence: Option<String>,
    /// Where the licence text is (http/https).
    pub licence_url: Option<String>,
}

/// The `[accessibility]` table: the facts of the accessibility statement that the
/// Web Accessibility Directive (EU 2016/2102) asks every public body to publish.
#[derive(Clone, Debug, Default)]
pub struct AccessibilityConfig {
    /// When the site was last evaluated.
    pub evaluated: Option<Date>,
    /// What that evaluation found, in words.
    pub result: Option<Localized<String>>,
    /// Whom people tell about barriers; empty when the site has not said yet.
    pub contact: Contact,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            base_url: "/".into(),
            stale_after_days: DEFAULT_STALE_AFTER_DAYS,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            title: Localized::new("kartoteka".into()),
            description: None,
            municipality: None,
            opendata: OpenDataConfig::default(),
            accessibility: AccessibilityConfig::default(),
            theme: None,
            area_served: None,
            fallback_contact: None,
        }
    }
}

/// A `base_url` given outside config.toml (`build --base-url`), checked and ending in `/`
/// as config.toml's is.
pub fn base_url(input: &str) -> Result<String, String> {
    check_web_url(input).map_err(|problem| format!("`{input}` is not a web address: {problem}"))?;
    Ok(format!("{}/", input.trim_end_matches('/')))
}

/// Is `url` a stand-in rather than the site's real address: on a domain reserved for examples,
/// documentation or tests (RFC 2606, RFC 6761: `example`, `example.org/com/net`, `invalid`,
/// `test`, `localhost` and their subdomains), or not a web address at all? Such an address must
/// never reach a citizen: brochures print no QR codes or addresses, and publishing refuses.
pub fn is_placeholder(url: &str) -> bool {
    const RESERVED: [&str; 7] = [
        "example.org",
        "example.com",
        "example.net",
        "example",
        "invalid",
        "test",
        "localhost",
    ];
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase));
    host.is_none_or(|host| {
        let host = host.trim_end_matches('.');
        RESERVED
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    })
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn reserved_and_local_addresses_are_placeholders() {
        for url in [
            "https://uslugi-ruse.example.org/",
            "https://example.com/",
            "http://x.example.net/",
            "https://site.example/",
            "https://uslugi.invalid/",
            "https://uslugi.test/",
            "http://localhost:1111/",
            "http://app.localhost/",
            "https://EXAMPLE.ORG./",
            "not a url",
        ] {
            assert!(is_placeholder(url), "{url}");
        }
        for url in [
            "https://www.ruse-bg.eu/",
            "https://uslugi.ruse.bg/",
            "https://example.bg/",
            "https://testing.org/",
        ] {
            assert!(!is_placeholder(url), "{url}");
        }
    }
}
