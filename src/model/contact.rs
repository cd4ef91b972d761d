//! E-mail and web address rules (placeholder until the full module lands).

/// Checks an e-mail address.
pub fn check_email(input: &str) -> Result<(), String> {
    if input.contains('@') { Ok(()) } else { Err("an e-mail address needs an @".into()) }
}

/// Checks a web address.
pub fn check_web_url(input: &str) -> Result<(), String> {
    if input.starts_with("http://") || input.starts_with("https://") { Ok(()) } else { Err("only http:// and https:// links are allowed".into()) }
}
