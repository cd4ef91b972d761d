//! The words of a printed brochure in one language: built-in print strings, overridden by the
//! site's Fluent file, which also holds the vocabulary labels.
//!
//! Kept small and local on purpose: the HTML renderer has its own strings module, and the two
//! will be unified.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::document::Text;
use crate::model::{Date, Lang, Site, Vocab};

/// The built-in print strings (`themes/default/print/strings/<lang>.ftl`).
fn builtin(lang: Lang) -> &'static str {
    match lang {
        Lang::Bg => include_str!("../../themes/default/print/strings/bg.ftl"),
        Lang::En => include_str!("../../themes/default/print/strings/en.ftl"),
    }
}

/// Fluent messages of one language, safe to share between the threads that print brochures.
pub struct Strings {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Strings {
    /// The strings of `lang`: built-in ones first, the site's `i18n/<lang>.ftl` over them.
    pub fn new(site: &Site, lang: Lang) -> Strings {
        let locales: Vec<LanguageIdentifier> = lang.code().parse().into_iter().collect();
        let mut bundle = FluentBundle::new_concurrent(locales);
        // Printed text must not carry Unicode isolation marks around arguments.
        bundle.set_use_isolating(false);
        for source in [Some(builtin(lang)), site.messages.source(lang)]
            .into_iter()
            .flatten()
        {
            // A broken site file has been reported by `check`; its readable messages still count.
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            bundle.add_resource_overriding(resource);
        }
        Strings { lang, bundle }
    }

    /// The language of these strings.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with `args`, or the id itself when no file defines it.
    pub fn get_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// The message `id` without arguments.
    pub fn get(&self, id: &str) -> String {
        self.get_with(id, &[])
    }

    /// The message `id` with one text argument.
    pub fn get1(&self, id: &str, name: &str, value: &str) -> String {
        self.get_with(id, &[(name, FluentValue::from(value))])
    }

    /// Text written in this language (a label, a phone number, a built-in string).
    pub fn plain(&self, text: impl Into<String>) -> Text {
        Text::new(text, self.lang)
    }

    /// The label of a vocabulary term, e.g. `target-groups-children` → "Деца и младежи".
    pub fn label(&self, vocab: Vocab, id: &str) -> String {
        self.get(&vocab.label_key(id))
    }

    /// A date in words: "28.01.2020 г.", "28 January 2020".
    pub fn date(&self, date: Date) -> String {
        let month_key = format!("month-{}", date.month);
        let month_name = match self.bundle.has_message(&month_key) {
            true => self.get(&month_key),
            false => date.month.to_string(),
        };
        self.get_with(
            "print-date",
            &[
                ("day", FluentValue::from(date.day.to_string())),
                ("month", FluentValue::from(format!("{:02}", date.month))),
                ("month-name", FluentValue::from(month_name)),
                ("year", FluentValue::from(date.year.to_string())),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(lang: Lang, site_ftl: Option<&str>) -> Strings {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.code().parse().unwrap()]);
        bundle.set_use_isolating(false);
        for source in [Some(builtin(lang)), site_ftl].into_iter().flatten() {
            bundle.add_resource_overriding(FluentResource::try_new(source.to_string()).unwrap());
        }
        Strings { lang, bundle }
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        let date = Date::new(2020, 1, 28).unwrap();
        assert_eq!(strings(Lang::Bg, None).date(date), "28.01.2020 г.");
        assert_eq!(strings(Lang::En, None).date(date), "28 January 2020");
    }

    #[test]
    fn site_files_override_and_add_labels() {
        let s = strings(
            Lang::Bg,
            Some("print-contents = В брошурата\ntarget-groups-children = Деца\n"),
        );
        assert_eq!(s.get("print-contents"), "В брошурата");
        assert_eq!(s.label(Vocab::TargetGroups, "children"), "Деца");
        assert_eq!(s.get("no-such-message"), "no-such-message");
        assert_eq!(s.get1("print-capacity", "count", "12"), "Места: 12");
    }
}
