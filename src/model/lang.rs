//! Languages and values that exist in more than one of them.

use std::fmt;

use serde::Serialize;

/// A language of the site. Bulgarian is the default language of every site (contract §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bulgarian, the default language: its files hold every neutral field.
    Bg,
    /// English, the translation language.
    En,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Bg, Lang::En];
    /// The default language.
    pub const DEFAULT: Lang = Lang::Bg;

    /// The BCP 47 code used in `lang` attributes and file names (`bg`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bg => "bg",
            Lang::En => "en",
        }
    }

    /// The language's name in English, for messages to editors.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::Bg => "Bulgarian",
            Lang::En => "English",
        }
    }

    /// The language whose file suffix (`en` in `x.en.md`) is `code`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Is this the default language?
    pub fn is_default(self) -> bool {
        self == Lang::DEFAULT
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value in the default language, and optionally its translation.
///
/// Reading a language that has no translation falls back to the default language; the returned
/// [`Shown`] says which language the value really is in, so pages can mark it with `lang`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Localized<T> {
    default: T,
    english: Option<T>,
}

/// A value as shown in a language, with the language it is really written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a, T> {
    /// The value.
    pub value: &'a T,
    /// The language the value is written in (the default one when it fell back).
    pub lang: Lang,
}

impl<'a, T> Shown<'a, T> {
    /// Did this fall back to the default language?
    pub fn is_fallback(&self, wanted: Lang) -> bool {
        self.lang != wanted
    }
}

impl<T> Localized<T> {
    /// A value that exists only in the default language so far.
    pub fn new(default: T) -> Self {
        Localized {
            default,
            english: None,
        }
    }

    /// Sets the value for `lang` (the default language's value is replaced when `lang` is it).
    pub fn set(&mut self, lang: Lang, value: T) {
        match lang {
            Lang::Bg => self.default = value,
            Lang::En => self.english = Some(value),
        }
    }

    /// The value in `lang`, or in the default language when there is no translation.
    pub fn get(&self, lang: Lang) -> Shown<'_, T> {
        match (lang, &self.english) {
            (Lang::En, Some(value)) => Shown {
                value,
                lang: Lang::En,
            },
            _ => Shown {
                value: &self.default,
                lang: Lang::DEFAULT,
            },
        }
    }

    /// Is there a value written in `lang` itself?
    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::Bg => true,
            Lang::En => self.english.is_some(),
        }
    }

    /// The default language's value.
    pub fn default_value(&self) -> &T {
        &self.default
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_translation_falls_back_and_says_so() {
        let mut title = Localized::new("Дневен център".to_string());
        let shown = title.get(Lang::En);
        assert_eq!(shown.value, "Дневен център");
        assert_eq!(shown.lang, Lang::Bg);
        assert!(shown.is_fallback(Lang::En));
        title.set(Lang::En, "Day centre".to_string());
        assert_eq!(title.get(Lang::En).value, "Day centre");
        assert_eq!(title.get(Lang::Bg).value, "Дневен център");
        assert!(!title.get(Lang::En).is_fallback(Lang::En));
    }
}
