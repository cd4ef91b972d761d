//! The Tera environment of one language: the theme's templates and a `t()` function that
//! reads that language's strings.
//!
//! One template per page kind serves both languages: the template asks `t(key="…")`, and the
//! environment it runs in decides the language.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::FluentValue;
use tera::{Tera, Value};

use super::theme::Theme;
use crate::i18n::Strings;

/// Compiles the theme's templates (`.html` and `.xml` are autoescaped).
pub fn templates(theme: &Theme) -> Result<Tera, tera::Error> {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str())),
    )?;
    Ok(tera)
}

/// Escapes text for HTML text and quoted attribute values: `& < > " '`. Unlike Tera's own,
/// it leaves `/` alone, so that `href="/uslugi/x/"` reads as written.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A copy of the compiled templates whose `t()` speaks `strings`' language.
///
/// In a template: `t(key="service-for-whom")`, `t(key="services-count", count=3)`; any other
/// named argument is passed to the Fluent message as a string or number.
pub fn for_language(templates: &Tera, strings: Arc<Strings>) -> Tera {
    let mut tera = templates.clone();
    tera.register_function("t", move |args: &HashMap<String, Value>| {
        let key = args
            .get("key")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message-id\""))?;
        let mut fluent_args: Vec<(&str, FluentValue<'_>)> = Vec::new();
        for (name, value) in args {
            if name == "key" {
                continue;
            }
            let value = match value {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => FluentValue::from(i),
                    None => FluentValue::from(n.as_f64().unwrap_or_default()),
                },
                Value::String(s) => FluentValue::from(s.as_str()),
                other => FluentValue::from(other.to_string()),
            };
            fluent_args.push((name.as_str(), value));
        }
        // Sorted, so that the same call always gives the same arguments in the same order.
        fluent_args.sort_by(|a, b| a.0.cmp(b.0));
        Ok(Value::String(strings.get_with(key, &fluent_args)))
    });
    tera
}
