//! The words of a printed brochure in one language: the site's strings (the theme's Fluent
//! files, whose `print-*` messages are the brochure's, with the site's over them), with what
//! print needs on top: texts tagged with their language and the printed date form.

use std::sync::Arc;

use fluent_bundle::FluentValue;

use super::document::Text;
use crate::model::hours::HoursWords;
use crate::model::strings::Strings;
use crate::model::{Date, Lang, Site, Vocab};

/// The site's strings of one language, as print uses them.
pub struct PrintStrings {
    lang: Lang,
    strings: Arc<Strings>,
}

impl PrintStrings {
    /// The strings of `lang`.
    pub fn new(site: &Site, lang: Lang) -> PrintStrings {
        PrintStrings {
            lang,
            strings: Arc::clone(&site.strings[&lang]),
        }
    }

    /// The language of these strings.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` with `args`, or the id itself when no file defines it.
    pub fn get_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.strings.get_with(id, args)
    }

    /// The message `id` without arguments.
    pub fn get(&self, id: &str) -> String {
        self.get_with(id, &[])
    }

    /// The message `id` with one text argument.
    pub fn get1(&self, id: &str, name: &str, value: &str) -> String {
        self.get_with(id, &[(name, FluentValue::from(value))])
    }

    /// The words opening hours are written in.
    pub fn hours(&self) -> &HoursWords {
        self.strings.hours()
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
        let month_name = match self.strings.has(&month_key) {
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

    fn strings(lang: Lang, site_ftl: Option<&str>) -> PrintStrings {
        let theme = crate::load::theme::built_in();
        let sources = [theme.strings.get(&lang).map(String::as_str), site_ftl];
        PrintStrings {
            lang,
            strings: Arc::new(Strings::new(lang, sources.into_iter().flatten())),
        }
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
