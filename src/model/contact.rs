//! Checks for contact fields: e-mail addresses and web links.
//!
//! These are sanity checks for a hand-edited directory, not full RFC validation:
//! they catch typos and unsafe links and say how to fix them.

use url::Url;

const EMAIL_EXAMPLE: &str = "e.g. info@example.org";
const URL_EXAMPLE: &str = "e.g. https://example.org";

/// Checks a plain e-mail address such as `info@example.org`.
///
/// Rules: exactly one `@`; a local part without spaces, quotes, brackets or commas,
/// and without leading, trailing or doubled dots; a domain of at least two
/// dot-separated labels made of letters (any script), digits and inner hyphens,
/// whose last label is not all digits. Display names (`Name <a@b.bg>`) and
/// `mailto:` are rejected with a hint.
pub fn check_email(input: &str) -> Result<(), String> {
    if input.is_empty() {
        return Err(format!("the e-mail address is empty; {EMAIL_EXAMPLE}"));
    }
    if input.trim() != input {
        return Err("remove the spaces around the e-mail address".to_string());
    }
    if input.contains('<') || input.contains('>') {
        return Err(format!(
            "write only the address, without a name or <>; {EMAIL_EXAMPLE}"
        ));
    }
    if input.len() > 254 {
        return Err("the e-mail address is longer than 254 characters".to_string());
    }
    if input.to_ascii_lowercase().starts_with("mailto:") {
        return Err("remove `mailto:`; the link is added automatically".to_string());
    }
    let (local, domain) = match input.split_once('@') {
        None => return Err(format!("the e-mail address has no @; {EMAIL_EXAMPLE}")),
        Some((_, domain)) if domain.contains('@') => {
            return Err(format!(
                "the e-mail address has more than one @; write one address per field, \
                 {EMAIL_EXAMPLE}"
            ));
        }
        Some(parts) => parts,
    };
    check_local_part(local)?;
    check_email_domain(domain)
}

fn check_local_part(local: &str) -> Result<(), String> {
    if local.is_empty() {
        return Err(format!("nothing comes before the @; {EMAIL_EXAMPLE}"));
    }
    if let Some(c) = local
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"(),:;[\\]".contains(*c))
    {
        let shown = if c.is_whitespace() {
            "a space".to_string()
        } else {
            format!("`{c}`")
        };
        return Err(format!(
            "the part before the @ contains {shown}; {EMAIL_EXAMPLE}"
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err("the part before the @ has a misplaced dot".to_string());
    }
    Ok(())
}

fn check_email_domain(domain: &str) -> Result<(), String> {
    if domain.is_empty() {
        return Err(format!("nothing comes after the @; {EMAIL_EXAMPLE}"));
    }
    if domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
        return Err(format!(
            "the domain `{domain}` has a misplaced dot; {EMAIL_EXAMPLE}"
        ));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err(format!(
            "the domain `{domain}` has no dot; write the full domain, {EMAIL_EXAMPLE}"
        ));
    }
    for label in &labels {
        check_domain_label(label, domain)?;
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(format!(
            "the domain `{domain}` does not end in a name such as .bg"
        ));
    }
    Ok(())
}

fn check_domain_label(label: &str, domain: &str) -> Result<(), String> {
    if let Some(c) = label.chars().find(|c| !c.is_alphanumeric() && *c != '-') {
        let shown = if c.is_whitespace() {
            "a space".to_string()
        } else {
            format!("`{c}`")
        };
        return Err(format!(
            "the domain `{domain}` contains {shown}; use only letters, digits, '-' and '.'"
        ));
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err(format!(
            "a part of the domain `{domain}` starts or ends with '-'"
        ));
    }
    if label.chars().count() > 63 {
        return Err(format!(
            "a part of the domain `{domain}` is longer than 63 characters"
        ));
    }
    Ok(())
}

/// Checks a web link: an absolute `http://` or `https://` URL with a public-looking host.
///
/// Rejected: other schemes (`javascript:`, `mailto:`, `ftp:`), addresses without
/// the scheme (`www.example.org`), spaces, user names or passwords in the link,
/// and host names without a dot (`localhost`).
pub fn check_web_url(input: &str) -> Result<(), String> {
    if input.is_empty() {
        return Err(format!("the link is empty; {URL_EXAMPLE}"));
    }
    if let Some(c) = input.chars().find(|c| c.is_whitespace() || c.is_control()) {
        let shown = if c == ' ' {
            "a space".to_string()
        } else {
            format!("{c:?}")
        };
        return Err(format!(
            "the link contains {shown}; remove it, or write it as %20 inside the path"
        ));
    }
    let lower = input.to_ascii_lowercase();
    if !lower.starts_with("http://") && !lower.starts_with("https://") {
        return Err(scheme_error(input));
    }
    let url = Url::parse(input).map_err(|e| format!("this is not a valid web address: {e}"))?;
    check_url_parts(&url)
}

/// Explains why a link that does not start with `http://` or `https://` is wrong.
fn scheme_error(input: &str) -> String {
    let full_address = format!("write the full address with https://, {URL_EXAMPLE}");
    match Url::parse(input) {
        // "example.org:8080" parses with the scheme "example.org"; real schemes have no dot.
        Ok(url) if !url.scheme().contains('.') && !matches!(url.scheme(), "http" | "https") => {
            format!(
                "only http:// and https:// links are allowed; found `{}:`",
                url.scheme()
            )
        }
        _ => full_address,
    }
}

fn check_url_parts(url: &Url) -> Result<(), String> {
    if !url.username().is_empty() || url.password().is_some() {
        return Err("remove the user name or password from the link".to_string());
    }
    let host = match url.host_str() {
        Some(host) if !host.is_empty() => host,
        _ => return Err(format!("the link has no host name; {URL_EXAMPLE}")),
    };
    if !host.contains('.') && !host.starts_with('[') {
        return Err(format!(
            "the host name `{host}` has no dot; write the public address, {URL_EXAMPLE}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email_err(input: &str) -> String {
        match check_email(input) {
            Ok(()) => panic!("{input:?} accepted"),
            Err(e) => e,
        }
    }

    fn url_err(input: &str) -> String {
        match check_web_url(input) {
            Ok(()) => panic!("{input:?} accepted"),
            Err(e) => e,
        }
    }

    #[test]
    fn good_emails() {
        let good = [
            "info@example.org",
            "dsp.ruse@abv.bg",
            "a@b.bg",
            "first.last+tag@sub.domain.example.com",
            "o'neil@example.ie",
            "office_2@dskd-ruse.bg",
            "пощa@пример.бг",
            "info@xn--e1afmkfd.xn--90ae",
            "UPPER@EXAMPLE.ORG",
            "123@456.bg",
        ];
        for e in good {
            assert_eq!(check_email(e), Ok(()), "{e}");
        }
    }

    #[test]
    fn email_errors() {
        assert!(email_err("").contains("empty"));
        assert!(email_err(" info@example.org").contains("spaces around"));
        assert!(email_err("info@example.org ").contains("spaces around"));
        assert!(email_err("info.example.org").contains("no @"));
        assert!(email_err("a@b@example.org").contains("more than one @"));
        assert!(email_err("@example.org").contains("before the @"));
        assert!(email_err("info@").contains("after the @"));
        assert!(email_err("in fo@example.org").contains("a space"));
        assert!(email_err("in,fo@example.org").contains("`,`"));
        assert!(email_err("\"info\"@example.org").contains("`\"`"));
        assert!(email_err(".info@example.org").contains("misplaced dot"));
        assert!(email_err("info.@example.org").contains("misplaced dot"));
        assert!(email_err("in..fo@example.org").contains("misplaced dot"));
        assert!(email_err("info@localhost").contains("no dot"));
        assert!(email_err("info@.example.org").contains("misplaced dot"));
        assert!(email_err("info@example.org.").contains("misplaced dot"));
        assert!(email_err("info@example..org").contains("misplaced dot"));
        assert!(email_err("info@exa mple.org").contains("a space"));
        assert!(email_err("info@exa_mple.org").contains("`_`"));
        assert!(email_err("info@-example.org").contains("'-'"));
        assert!(email_err("info@example-.org").contains("'-'"));
        assert!(email_err("info@1.2.3.4").contains("does not end in a name"));
        assert!(email_err("info@[1.2.3.4]").contains("`[`"));
        let long_label = format!("info@{}.bg", "a".repeat(64));
        assert!(email_err(&long_label).contains("63"));
        let long = format!("{}@example.org", "a".repeat(250));
        assert!(email_err(&long).contains("254"));
    }

    #[test]
    fn display_names_and_mailto_are_rejected_with_hints() {
        let e = email_err("Иван Петров <ivan@example.org>");
        assert!(e.contains("without a name or <>"), "{e}");
        let e = email_err("<ivan@example.org>");
        assert!(e.contains("without a name"), "{e}");
        let e = email_err("mailto:ivan@example.org");
        assert!(e.contains("remove `mailto:`"), "{e}");
        let e = email_err("MAILTO:ivan@example.org");
        assert!(e.contains("mailto"), "{e}");
    }

    #[test]
    fn good_urls() {
        let good = [
            "https://example.org",
            "http://example.org",
            "https://example.org/",
            "https://www.sub.example.bg/path/to?q=1&x=%20#frag",
            "HTTPS://EXAMPLE.ORG",
            "https://пример.бг/страница",
            "https://example.org:8443/x",
            "https://127.0.0.1/",
            "https://[::1]:8080/",
        ];
        for u in good {
            assert_eq!(check_web_url(u), Ok(()), "{u}");
        }
    }

    #[test]
    fn url_scheme_errors() {
        assert_eq!(
            check_web_url("javascript:alert(1)"),
            Err("only http:// and https:// links are allowed; found `javascript:`".to_string())
        );
        assert!(url_err("JavaScript:alert(1)").contains("`javascript:`"));
        assert!(url_err("ftp://example.org").contains("`ftp:`"));
        assert!(url_err("mailto:info@example.org").contains("`mailto:`"));
        assert!(url_err("data:text/html,hi").contains("`data:`"));
        assert!(url_err("file:///etc/passwd").contains("`file:`"));
    }

    #[test]
    fn url_without_scheme_gets_the_full_address_hint() {
        let hint = "write the full address with https://, e.g. https://example.org";
        for u in [
            "www.example.org",
            "example.org",
            "example.org:8080",
            "//example.org",
            "/path",
            "https//example.org",
            "https:example.org",
            "http:/example.org",
        ] {
            assert_eq!(check_web_url(u), Err(hint.to_string()), "{u}");
        }
    }

    #[test]
    fn url_other_errors() {
        assert!(url_err("").contains("empty"));
        assert!(url_err("https://exa mple.org").contains("a space"));
        assert!(url_err(" https://example.org").contains("a space"));
        assert!(url_err("https://example.org/a\nb").contains("'\\n'"));
        assert!(url_err("https://").contains("not a valid web address"));
        assert!(url_err("https://localhost/").contains("no dot"));
        assert!(url_err("https://intranet:8080/").contains("no dot"));
        assert!(url_err("https://user:pw@example.org/").contains("user name or password"));
        assert!(url_err("https://user@example.org/").contains("user name"));
        assert!(url_err("https://exa<mple.org").contains("not a valid web address"));
        assert!(url_err("https://example.org:99999/").contains("not a valid web address"));
    }

    #[test]
    fn junk_never_panics() {
        let junk = [
            "@",
            "@@",
            ".",
            "a@.",
            "a@b.",
            "\u{0}",
            "😀@😀.😀",
            "http:",
            "https:/",
            "https://.",
            "https://-.-",
            "https://%zz",
        ];
        for j in junk {
            let _ = check_email(j);
            let _ = check_web_url(j);
        }
    }
}
