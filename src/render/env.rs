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

/// Tera's built-in functions that reach outside the site: `get_env` reads the build
/// machine's environment (secrets of a CI job or a server's publish hook). Tera has no file
/// functions; `now` and `get_random` are harmless.
const REFUSED_FUNCTIONS: [&str; 1] = ["get_env"];

/// Compiles the theme's templates (`.html` and `.xml` are autoescaped).
///
/// Templates see the site and nothing else: the functions in [`REFUSED_FUNCTIONS`] are
/// replaced by ones that fail the page with a clear message.
pub fn templates(theme: &Theme) -> Result<Tera, tera::Error> {
    let mut tera = Tera::default();
    for name in REFUSED_FUNCTIONS {
        tera.register_function(name, move |_: &HashMap<String, Value>| {
            Err(tera::Error::msg(format!(
                "templates have no access to the build machine: `{name}()` is not available"
            )))
        });
    }
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
    let mut copied = 0;
    // The five are ASCII, so every byte found is a whole character.
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// `text` with each character that `replacement` gives a replacement for replaced by it; the
/// runs between them are copied whole (`extra` is a guess of how many bytes the
/// replacements add).
pub fn replace_chars(
    text: &str,
    extra: usize,
    replacement: impl Fn(char) -> Option<&'static str>,
) -> String {
    let mut out = String::with_capacity(text.len() + extra);
    let mut copied = 0;
    for (i, c) in text.char_indices() {
        if let Some(with) = replacement(c) {
            out.push_str(&text[copied..i]);
            out.push_str(with);
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// A copy of the compiled templates whose `t()` speaks `strings`' language.
///
/// In a template: `t(key="service-for-whom")`, `t(key="services-count", count=3)`; any other
/// named argument is passed to the Fluent message as a string or number. The filter
/// `{{ x | text }}` writes a text of the view (see [`TextFilter`]).
pub fn for_language(templates: &Tera, strings: Arc<Strings>) -> Tera {
    let mut tera = templates.clone();
    tera.register_filter("text", TextFilter(Arc::clone(&strings)));
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

/// `{{ x | text }}`: a text of the view (`{text, lang, fallback}`) as HTML in the page's
/// language, marked with `lang="…"` when it is in the other language and noted as not yet
/// translated when it stands in for a missing translation. It writes exactly what the theme's
/// macro `text(x, lang)` writes, without the cost of a macro call (pages call it dozens of
/// times: every card, link and heading).
pub struct TextFilter(Arc<Strings>);

impl tera::Filter for TextFilter {
    fn filter(&self, value: &Value, _args: &HashMap<String, Value>) -> tera::Result<Value> {
        let field = |name: &str| value.get(name);
        let (Some(Value::String(text)), Some(Value::String(lang))) = (field("text"), field("lang"))
        else {
            return Err(tera::Error::msg(
                "the filter `text` needs a text of the view: {text, lang, fallback}",
            ));
        };
        if lang == self.0.lang().code() {
            return Ok(Value::String(escape_html(text)));
        }
        let mut html = format!(
            "<span lang=\"{}\">{}</span>",
            escape_html(lang),
            escape_html(text)
        );
        if field("fallback").is_some_and(|f| f.as_bool() == Some(true)) {
            let note = escape_html(&self.0.get_with("untranslated", &[]));
            html.push_str(&format!(" <small class=\"untranslated\">({note})</small>"));
        }
        Ok(Value::String(html))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn templates_cannot_read_the_environment() {
        let theme = Theme {
            templates: [(
                "page.html".to_string(),
                "{{ get_env(name=\"PATH\", default=\"none\") }}".to_string(),
            )]
            .into(),
            statics: Default::default(),
            strings: Default::default(),
        };
        let tera = templates(&theme).expect("templates compile");
        let error = tera
            .render("page.html", &tera::Context::new())
            .expect_err("get_env is refused");
        let mut chain = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(cause) = source {
            chain.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        assert!(chain.contains("`get_env()` is not available"), "{chain}");
    }

    #[test]
    fn the_text_filter_writes_what_the_text_macro_writes() {
        let macros = include_str!("../../themes/default/templates/macros.html");
        let mut templates = Tera::default();
        templates.set_escape_fn(escape_html);
        let page = "{% import \"macros.html\" as m %}{{ m::text(x=x, lang=lang) }}|{{ x | text }}";
        templates
            .add_raw_templates([("macros.html", macros), ("page.html", page)])
            .expect("templates compile");
        let texts = [
            ("Дневен център „Слънце“ & <деца>", "bg", false),
            ("Day centre \"Sun\" & 'kids'", "en", false),
            ("Дневен център", "bg", true),
            ("Дневен център", "bg", false),
        ];
        for page_lang in [Lang::Bg, Lang::En] {
            let ftl = match page_lang {
                Lang::Bg => include_str!("../../themes/default/i18n/bg.ftl"),
                Lang::En => include_str!("../../themes/default/i18n/en.ftl"),
            };
            let tera = for_language(&templates, Arc::new(Strings::new(page_lang, [ftl])));
            for (text, lang, fallback) in texts {
                let mut context = tera::Context::new();
                context.insert("lang", &page_lang);
                context.insert(
                    "x",
                    &serde_json::json!({ "text": text, "lang": lang, "fallback": fallback }),
                );
                let out = tera.render("page.html", &context).expect("renders");
                let (by_macro, by_filter) = out.split_once('|').expect("two halves");
                assert_eq!(
                    by_filter, by_macro,
                    "{text} ({lang}) on a {page_lang:?} page"
                );
            }
        }
    }

    #[test]
    fn escapes_the_five_characters_and_nothing_else() {
        assert_eq!(
            escape_html("<a href=\"/x/\">Том & 'Джери'</a> – ѝ"),
            "&lt;a href=&quot;/x/&quot;&gt;Том &amp; &#39;Джери&#39;&lt;/a&gt; – ѝ"
        );
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("&"), "&amp;");
        assert_eq!(escape_html("без знаци"), "без знаци");
    }
}
