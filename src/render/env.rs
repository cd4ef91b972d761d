//! The Tera environment of one language: the theme's templates and a `t()` function that
//! reads that language's strings.
//!
//! One template per page kind serves both languages: the template asks `t(key="…")`, and the
//! environment it runs in decides the language.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::FluentValue;
use tera::{Tera, Value};

use crate::escape;
use crate::model::strings::Strings;
use crate::model::theme::Theme;

/// A template of the theme that does not compile, with where the problem is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: the template does not compile: {message}")]
pub struct TemplateError {
    /// The template's name inside the theme (`service.html`), when Tera names one.
    pub template: Option<String>,
    /// The template's file: the site's (`themes/default/templates/service.html`) or the
    /// built-in theme's.
    pub path: String,
    /// 1-based line, 1 when Tera gives none (e.g. a missing parent template).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What Tera says, with its causes.
    pub message: String,
}

/// Tera's built-in functions that reach outside the site: `get_env` reads the build
/// machine's environment (secrets of a CI job or a server's publish hook). Tera has no file
/// functions; `now` and `get_random` are harmless.
const REFUSED_FUNCTIONS: [&str; 1] = ["get_env"];

/// Compiles the theme's templates. `.html` and `.xml` templates are autoescaped, others
/// (`robots.txt`) are written as they are; the escaper is HTML's (see [`for_xml`]).
///
/// Templates see the site and nothing else: the functions in [`REFUSED_FUNCTIONS`] are
/// replaced by ones that fail the page with a clear message.
pub fn templates(theme: &Theme) -> Result<Tera, TemplateError> {
    let mut tera = Tera::default();
    for name in REFUSED_FUNCTIONS {
        tera.register_function(name, move |_: &HashMap<String, Value>| {
            Err(tera::Error::msg(format!(
                "templates have no access to the build machine: `{name}()` is not available"
            )))
        });
    }
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape::html);
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str())),
    )
    .map_err(|e| template_error(theme, &e))?;
    Ok(tera)
}

/// A copy of `tera` that escapes for XML (`&apos;` rather than HTML's `&#39;`), to render the
/// `.xml` templates (sitemap, feeds) with.
pub fn for_xml(tera: &Tera) -> Tera {
    let mut tera = tera.clone();
    tera.set_escape_fn(escape::xml);
    tera
}

/// Tera's error as a [`TemplateError`]: the template is named in the first message
/// ("Failed to parse 'x.html'"), the position in the parser's ` --> LINE:COL`.
fn template_error(theme: &Theme, error: &tera::Error) -> TemplateError {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    let text = parts.join("\n");
    let name = theme
        .templates
        .keys()
        .filter(|name| text.contains(&format!("'{name}'")) || text.contains(&format!("\"{name}\"")))
        .max_by_key(|name| name.len());
    let (line, column) = text
        .split_once("--> ")
        .and_then(|(_, rest)| {
            let (l, rest) = rest.split_once(':')?;
            let c: String = rest.chars().take_while(char::is_ascii_digit).collect();
            Some((l.trim().parse().ok()?, c.parse().ok()?))
        })
        .unwrap_or((1, 1));
    let message = parts
        .iter()
        .map(|p| {
            p.lines()
                .find(|l| l.trim_start().starts_with("= "))
                .map_or(p.trim(), |l| l.trim_start().trim_start_matches("= "))
        })
        .collect::<Vec<_>>()
        .join(": ");
    TemplateError {
        template: name.cloned(),
        path: name.map_or_else(
            || "(theme)".to_string(),
            |n| theme.origin(&format!("templates/{n}")),
        ),
        line,
        column,
        message,
    }
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
            return Ok(Value::String(escape::html(text)));
        }
        let mut html = format!(
            "<span lang=\"{}\">{}</span>",
            escape::html(lang),
            escape::html(text)
        );
        if field("fallback").is_some_and(|f| f.as_bool() == Some(true)) {
            let note = escape::html(&self.0.get_with("untranslated", &[]));
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
            ..Theme::default()
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
        templates.set_escape_fn(escape::html);
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
}
