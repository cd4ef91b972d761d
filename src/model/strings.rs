//! The UI strings of one language: the theme's Fluent files with the site's on top.
//!
//! The words that pages, brochures, the search page and the open data show around the
//! content come from here: labels, headings, plurals ("1 услуга / 2 услуги" through Fluent's
//! plural rules), dates and vocabulary labels.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use std::sync::OnceLock;

use super::hours::HoursWords;
use super::vocab::VocabForm;
use super::{Date, Lang, SourceDate, Vocab};

/// A vocabulary term's label, with the language it is written in (the default language's
/// when the page's language has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The label text.
    pub text: String,
    /// The `.description` attribute, if the label has one.
    pub description: Option<String>,
    /// The language the label is written in.
    pub lang: Lang,
}

/// The resolved UI strings of one language.
pub struct Strings {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
    hours: OnceLock<HoursWords>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings").field("lang", &self.lang).finish()
    }
}

impl Strings {
    /// Strings for `lang` from Fluent sources, each later source overriding the earlier ones
    /// (the theme's built-in file first, then the site's `i18n/<lang>.ftl`).
    ///
    /// Syntax errors were reported by `check`; here the parts that parse are used.
    pub fn new<'a>(lang: Lang, sources: impl IntoIterator<Item = &'a str>) -> Strings {
        let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        for source in sources {
            let resource = match FluentResource::try_new(source.to_string()) {
                Ok(resource) => resource,
                Err((resource, _)) => resource,
            };
            bundle.add_resource_overriding(resource);
        }
        Strings {
            lang,
            bundle,
            hours: OnceLock::new(),
        }
    }

    /// The language these strings are in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Is there a message `id`?
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` without arguments; a missing message shows as its id, so that a gap is
    /// visible on the page rather than silently empty.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None, None)
    }

    /// The message `id` with one text argument.
    pub fn get1(&self, id: &str, name: &str, value: &str) -> String {
        self.get_with(id, &[(name, FluentValue::from(value))])
    }

    /// The message `id` with arguments, e.g. `count` for plurals.
    pub fn get_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, None, Some(&fluent_args))
    }

    /// The attribute `attr` of message `id` (e.g. a label's `.description`), if it has one.
    pub fn attribute(&self, id: &str, attr: &str) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        message.get_attribute(attr)?;
        Some(self.format(id, Some(attr), None))
    }

    /// The label of a vocabulary term (`activities-day-care`), or the id when it has none.
    pub fn label(&self, vocab: Vocab, id: &str) -> String {
        let key = vocab.label_key(id);
        if self.has(&key) {
            self.get(&key)
        } else {
            id.to_string()
        }
    }

    /// The description of a vocabulary term (the label's `.description`), if any.
    pub fn description(&self, vocab: Vocab, id: &str) -> Option<String> {
        self.attribute(&vocab.label_key(id), "description")
    }

    /// The name of a vocabulary in one of its forms (`vocab-target-groups.facet`); the name
    /// itself when the message lacks that attribute (a site that renames a vocabulary in its
    /// own file renames it everywhere, unless it gives the forms too).
    pub fn vocab_name(&self, vocab: Vocab, form: VocabForm) -> String {
        let key = vocab.name_key();
        self.attribute(&key, form.attribute())
            .unwrap_or_else(|| self.get(&key))
    }

    /// The words opening hours are written in (`hours-*`), read once.
    pub fn hours(&self) -> &HoursWords {
        self.hours.get_or_init(|| HoursWords::new(self))
    }

    /// A date in words of this language, from the message `date` ("28.01.2020 г.",
    /// "28 January 2020").
    pub fn date(&self, date: Date) -> String {
        let month_name = self.get(&format!("month-{}", date.month));
        self.get_with(
            "date",
            &[
                ("day", FluentValue::from(date.day.to_string())),
                ("dd", FluentValue::from(format!("{:02}", date.day))),
                ("month", FluentValue::from(format!("{:02}", date.month))),
                ("monthname", FluentValue::from(month_name)),
                ("year", FluentValue::from(date.year.to_string())),
            ],
        )
    }

    /// A source document's date in words, at its precision: a day as [`Strings::date`], a
    /// month from `date-month` ("януари 2020 г."), a year from `date-year` ("2020 г.").
    pub fn source_date(&self, date: SourceDate) -> String {
        match date {
            SourceDate::Day(d) => self.date(d),
            SourceDate::Month(year, month) => self.get_with(
                "date-month",
                &[
                    (
                        "monthname",
                        FluentValue::from(self.get(&format!("month-{month}"))),
                    ),
                    ("month", FluentValue::from(format!("{month:02}"))),
                    ("year", FluentValue::from(year.to_string())),
                ],
            ),
            SourceDate::Year(year) => self.get_with(
                "date-year",
                &[("year", FluentValue::from(year.to_string()))],
            ),
        }
    }

    fn format(&self, id: &str, attr: Option<&str>, args: Option<&FluentArgs<'_>>) -> String {
        let Some(message) = self.bundle.get_message(id) else {
            return id.to_string();
        };
        let pattern = match attr {
            Some(attr) => message.get_attribute(attr).map(|a| a.value()),
            None => message.value(),
        };
        let Some(pattern) = pattern else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// The strings of the built-in theme alone, for unit tests.
    #[cfg(test)]
    pub fn default_theme(lang: Lang) -> Strings {
        let ftl = match lang {
            Lang::Bg => include_str!("../../themes/default/i18n/bg.ftl"),
            Lang::En => include_str!("../../themes/default/i18n/en.ftl"),
        };
        Strings::new(lang, [ftl])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BG: &str = "services-count = { $count ->\n    [one] { $count } услуга\n   *[other] { $count } услуги\n}\ndate = { $dd }.{ $month }.{ $year } г.\nmonth-1 = януари\nhello = Здравей\n";

    #[test]
    fn bulgarian_plurals_follow_fluent_rules() {
        let s = Strings::new(Lang::Bg, [BG]);
        let count = |n: u32| s.get_with("services-count", &[("count", FluentValue::from(n))]);
        assert_eq!(count(1), "1 услуга");
        assert_eq!(count(2), "2 услуги");
        assert_eq!(count(0), "0 услуги");
        assert_eq!(count(21), "21 услуги");
    }

    #[test]
    fn later_sources_override_and_missing_ids_show() {
        let s = Strings::new(
            Lang::Bg,
            [
                BG,
                "hello = Добър ден\nactivities-x = Икс\n    .description = Описание\n",
            ],
        );
        assert_eq!(s.get("hello"), "Добър ден");
        assert_eq!(s.get("no-such-id"), "no-such-id");
        assert_eq!(s.label(Vocab::Activities, "x"), "Икс");
        assert_eq!(
            s.description(Vocab::Activities, "x").as_deref(),
            Some("Описание")
        );
        assert_eq!(s.description(Vocab::Activities, "y"), None);
        assert_eq!(s.label(Vocab::Activities, "y"), "y");
    }

    #[test]
    fn dates_come_from_the_date_message() {
        let s = Strings::new(Lang::Bg, [BG]);
        let date = Date::new(2020, 1, 28).unwrap_or_else(|| unreachable!());
        assert_eq!(s.date(date), "28.01.2020 г.");
    }

    #[test]
    fn source_dates_keep_their_precision() {
        let ftl = format!(
            "{BG}date-month = {{ $monthname }} {{ $year }} г.\ndate-year = {{ $year }} г.\n"
        );
        let s = Strings::new(Lang::Bg, [ftl.as_str()]);
        let day = Date::new(2020, 1, 28).unwrap_or_else(|| unreachable!());
        assert_eq!(s.source_date(SourceDate::Day(day)), "28.01.2020 г.");
        assert_eq!(s.source_date(SourceDate::Month(2020, 1)), "януари 2020 г.");
        assert_eq!(s.source_date(SourceDate::Year(2020)), "2020 г.");
    }
}
