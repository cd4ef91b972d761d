//! Transliteration (placeholder until the full module lands).

/// Transliterates.
pub fn transliterate(text: &str) -> String {
    text.to_string()
}

/// A URL-safe slug.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in transliterate(text).to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}
