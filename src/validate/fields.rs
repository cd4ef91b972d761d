//! Reading a spanned TOML table into typed values, one field at a time, collecting problems.
//!
//! Every accessor records the field name as known, so that whatever is left over at
//! [`Table::finish`] is an unknown field, reported with a "did you mean" suggestion.
//! The same reader serves default-language files and translations: in a translation,
//! language-neutral fields are refused with a message naming the file that should hold them.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, SourceText, suggest};
use crate::model::{Date, SourceDate};

/// Is a file the default-language one, or a translation?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The default-language file: holds every field.
    Default,
    /// A translation file: holds only translatable fields.
    Translation,
}

/// Is a field required?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Must be present (in the default-language file).
    Required,
    /// May be left out.
    Optional,
}

/// Where diagnostics of one file go, and how spans map to its lines.
pub struct FileCtx<'a> {
    /// The file's text.
    pub source: SourceText<'a>,
    /// Byte offset of the TOML text inside the file (after the opening `+++`).
    pub offset: usize,
    /// Default-language file or translation.
    pub role: Role,
    /// For a translation: the path of the default-language file that holds neutral fields.
    pub default_path: String,
    diagnostics: RefCell<Vec<Diagnostic>>,
    translation: RefCell<Translation>,
}

/// The translatable values of a translation file, by field path (`title`, `locations.0.address`).
#[derive(Debug, Default)]
pub struct Translation {
    /// Each value with the span it came from (TOML coordinates).
    pub values: BTreeMap<String, (Range<usize>, Translated)>,
}

/// A translated value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Translated {
    /// A text field.
    Text(String),
    /// A list of texts (`sources`).
    List(Vec<String>),
}

impl Translation {
    /// Takes the text at `path`, if the translation has one.
    pub fn text(&mut self, path: &str) -> Option<String> {
        match self.values.remove(path) {
            Some((_, Translated::Text(t))) => Some(t),
            _ => None,
        }
    }

    /// Takes the list at `path`, if the translation has one.
    pub fn list(&mut self, path: &str) -> Option<Vec<String>> {
        match self.values.remove(path) {
            Some((_, Translated::List(l))) => Some(l),
            _ => None,
        }
    }
}

impl<'a> FileCtx<'a> {
    /// A context for one file.
    pub fn new(source: SourceText<'a>, offset: usize, role: Role, default_path: String) -> Self {
        FileCtx {
            source,
            offset,
            role,
            default_path,
            diagnostics: RefCell::new(Vec::new()),
            translation: RefCell::new(Translation::default()),
        }
    }

    /// The translatable values a translation file gave (empty for default-language files).
    pub fn take_translation(&self) -> Translation {
        std::mem::take(&mut *self.translation.borrow_mut())
    }

    fn record(&self, path: String, span: Range<usize>, value: Translated) {
        if self.role == Role::Translation {
            self.translation
                .borrow_mut()
                .values
                .insert(path, (span, value));
        }
    }

    /// Moves a TOML span into file coordinates.
    pub fn span(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.offset..span.end + self.offset
    }

    /// Records an error at a TOML span.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        let d = self.source.error(self.span(span), message).with_help(help);
        self.diagnostics.borrow_mut().push(d);
    }

    /// Records a warning at a TOML span.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        let d = self
            .source
            .warning(self.span(span), message)
            .with_help(help);
        self.diagnostics.borrow_mut().push(d);
    }

    /// Records a ready-made diagnostic.
    pub fn push(&self, diagnostic: Diagnostic) {
        self.diagnostics.borrow_mut().push(diagnostic);
    }

    /// Has any error been recorded?
    pub fn has_errors(&self) -> bool {
        self.diagnostics.borrow().iter().any(Diagnostic::is_error)
    }

    /// The diagnostics recorded so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics.into_inner()
    }
}

/// A view of one TOML table that hands out its fields as typed values.
pub struct Table<'c, 'i> {
    ctx: &'c FileCtx<'c>,
    table: &'c DeTable<'i>,
    span: Range<usize>,
    what: &'static str,
    known: Vec<&'static str>,
    path: String,
}

/// Short names of TOML value types, for messages.
fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

impl<'c, 'i> Table<'c, 'i> {
    /// A view of `table`, which sits at `span`; `what` names it in messages ("a service").
    pub fn new(
        ctx: &'c FileCtx<'c>,
        table: &'c DeTable<'i>,
        span: Range<usize>,
        what: &'static str,
    ) -> Self {
        Table {
            ctx,
            table,
            span,
            what,
            known: Vec::new(),
            path: String::new(),
        }
    }

    fn child(
        &self,
        table: &'c DeTable<'i>,
        span: Range<usize>,
        what: &'static str,
        path: String,
    ) -> Self {
        Table {
            path,
            ..Table::new(self.ctx, table, span, what)
        }
    }

    /// The file context.
    pub fn ctx(&self) -> &'c FileCtx<'c> {
        self.ctx
    }

    /// The span of the table itself.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// Looks a field up and records it as known.
    fn lookup(&mut self, key: &'static str) -> Option<&'c Spanned<DeValue<'i>>> {
        self.known.push(key);
        self.table.get(key)
    }

    /// Looks up a translatable field (any role).
    fn translatable(&mut self, key: &'static str, need: Need) -> Option<&'c Spanned<DeValue<'i>>> {
        let value = self.lookup(key);
        if value.is_none() && need == Need::Required && self.ctx.role == Role::Default {
            self.missing(key);
        }
        value
    }

    /// Looks up a language-neutral field: refused in translations.
    fn neutral(&mut self, key: &'static str, need: Need) -> Option<&'c Spanned<DeValue<'i>>> {
        let value = self.lookup(key);
        match (self.ctx.role, value) {
            (Role::Translation, Some(v)) => {
                self.ctx.error(
                    self.key_span(key).unwrap_or(v.span()),
                    format!("`{key}` is the same in every language, so it belongs in {}, not in the translation", self.ctx.default_path),
                    format!("move this line to {} (a translation holds only translatable fields such as title, summary, address)", self.ctx.default_path),
                );
                None
            }
            (Role::Translation, None) => None,
            (Role::Default, None) => {
                if need == Need::Required {
                    self.missing(key);
                }
                None
            }
            (Role::Default, Some(v)) => Some(v),
        }
    }

    /// Does the field hold a list of tables (`[[key]]`), rather than a list of values? `None`
    /// when the field is absent. Lets a reader accept an older form of a field beside the new.
    pub fn holds_tables(&self, key: &str) -> Option<bool> {
        let value = self.table.get(key)?;
        Some(match value.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .next()
                .is_some_and(|i| matches!(i.get_ref(), DeValue::Table(_))),
            _ => false,
        })
    }

    /// The span of a field's name, where it is written (for messages about the whole line).
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.table
            .keys()
            .find(|k| k.get_ref() == key)
            .map(|k| k.span())
    }

    fn missing(&self, key: &str) {
        self.ctx.error(
            self.span.clone(),
            format!("{} needs the field `{key}`, and it is missing", self.what),
            format!("add a line `{key} = …` (see the content format)"),
        );
    }

    fn wrong_type(&self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str, example: &str) {
        self.ctx.error(
            value.span(),
            format!(
                "`{key}` must be {expected}, not {}",
                type_name(value.get_ref())
            ),
            format!("write it like this: {key} = {example}"),
        );
    }

    fn string_of(&self, key: &str, value: &Spanned<DeValue<'_>>, example: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) if s.contains(crate::model::PLACEHOLDER) => {
                self.ctx.error(
                    value.span(),
                    format!("`{key}` still holds the placeholder written by `kartoteka new`"),
                    format!(
                        "replace the whole \"{}…\" value with the real one",
                        crate::model::PLACEHOLDER
                    ),
                );
                None
            }
            DeValue::String(s) => match crate::load::control::find(s).next() {
                Some((_, c)) => {
                    self.ctx.error(
                        value.span(),
                        format!(
                            "`{key}` holds the control character {}",
                            crate::load::control::name(c)
                        ),
                        "control characters are invisible and break pages, feeds and spreadsheets; remove the \\u escape or the character",
                    );
                    None
                }
                None => Some(s.to_string()),
            },
            _ => {
                self.wrong_type(key, value, "text in quotes", example);
                None
            }
        }
    }

    /// A translatable text field.
    pub fn text(&mut self, key: &'static str, need: Need) -> Option<Spanned<String>> {
        let value = self.translatable(key, need)?;
        let text = self.string_of(key, value, "\"…\"")?;
        if text.trim().is_empty() {
            if need == Need::Required {
                self.ctx.error(
                    value.span(),
                    format!("`{key}` is empty"),
                    format!("write the {key}, or remove the line if it is optional"),
                );
            }
            return None;
        }
        self.ctx.record(
            format!("{}{key}", self.path),
            value.span(),
            Translated::Text(text.clone()),
        );
        Some(Spanned::new(value.span(), text))
    }

    /// A translatable list of texts.
    pub fn text_list(&mut self, key: &'static str) -> Option<Vec<String>> {
        let value = self.translatable(key, Need::Optional)?;
        let list: Vec<String> = self
            .strings_in(key, value)?
            .into_iter()
            .map(Spanned::into_inner)
            .collect();
        self.ctx.record(
            format!("{}{key}", self.path),
            value.span(),
            Translated::List(list.clone()),
        );
        Some(list)
    }

    fn strings_in(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
    ) -> Option<Vec<Spanned<String>>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "a list", "[\"…\", \"…\"]");
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            if let Some(s) = self.string_of(key, item, "[\"…\", \"…\"]") {
                out.push(Spanned::new(item.span(), s));
            }
        }
        Some(out)
    }

    /// A neutral text field.
    pub fn neutral_str(
        &mut self,
        key: &'static str,
        need: Need,
        example: &str,
    ) -> Option<Spanned<String>> {
        let value = self.neutral(key, need)?;
        let text = self.string_of(key, value, example)?;
        Some(Spanned::new(value.span(), text))
    }

    /// A neutral list of texts (ids, phone numbers).
    pub fn neutral_str_list(
        &mut self,
        key: &'static str,
        need: Need,
    ) -> Option<Vec<Spanned<String>>> {
        let value = self.neutral(key, need)?;
        let written = matches!(value.get_ref(), DeValue::Array(a) if !a.is_empty());
        let items = self.strings_in(key, value)?;
        if !written && need == Need::Required {
            self.ctx.error(
                value.span(),
                format!("`{key}` must list at least one id"),
                format!("write e.g. {key} = [\"…\"] with ids from vocabularies.toml"),
            );
        }
        Some(items)
    }

    /// A neutral true/false field.
    pub fn neutral_bool(&mut self, key: &'static str) -> Option<bool> {
        let value = self.neutral(key, Need::Optional)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, value, "true or false (without quotes)", "true");
                None
            }
        }
    }

    /// A neutral whole number.
    pub fn neutral_int(&mut self, key: &'static str, need: Need) -> Option<Spanned<i64>> {
        let value = self.neutral(key, need)?;
        let number = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match number {
            Some(n) => Some(Spanned::new(value.span(), n)),
            None => {
                self.wrong_type(key, value, "a whole number (without quotes)", "12");
                None
            }
        }
    }

    /// A neutral whole number that must be at least `min`, as `u32`.
    pub fn neutral_count(&mut self, key: &'static str, min: i64) -> Option<Spanned<u32>> {
        let value = self.neutral_int(key, Need::Optional)?;
        match u32::try_from(*value.get_ref()) {
            Ok(n) if i64::from(n) >= min => Some(Spanned::new(value.span(), n)),
            _ => {
                self.ctx.error(
                    value.span(),
                    format!(
                        "`{key}` must be a whole number of at least {min}, not {}",
                        value.get_ref()
                    ),
                    format!("write e.g. {key} = {}", min.max(1)),
                );
                None
            }
        }
    }

    /// A neutral decimal number (whole numbers are accepted too).
    pub fn neutral_float(&mut self, key: &'static str) -> Option<Spanned<f64>> {
        let value = self.neutral(key, Need::Optional)?;
        let number = match value.get_ref() {
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            _ => None,
        };
        match number {
            Some(n) if n.is_finite() => Some(Spanned::new(value.span(), n)),
            _ => {
                self.wrong_type(key, value, "a number (without quotes)", "43.8356");
                None
            }
        }
    }

    /// A neutral date (`2020-01-28`, without quotes).
    pub fn neutral_date(&mut self, key: &'static str, need: Need) -> Option<Spanned<Date>> {
        let value = self.neutral(key, need)?;
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .and_then(|d| Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day))),
            _ => None,
        };
        if date.is_none() {
            let (message, hint) = match value.get_ref() {
                DeValue::String(s) if s.contains(crate::model::PLACEHOLDER) => (
                    format!("`{key}` still holds the placeholder written by `kartoteka new`"),
                    format!(
                        "write the date without quotes in place of the placeholder: {key} = 2020-01-28"
                    ),
                ),
                DeValue::String(s) if Date::parse_iso(s).is_some() => (
                    format!("`{key}` must be a date, not text"),
                    format!("remove the quotes: {key} = {s}"),
                ),
                other => (
                    format!("`{key}` must be a date, not {}", type_name(other)),
                    format!("write the date as YYYY-MM-DD without quotes: {key} = 2020-01-28"),
                ),
            };
            self.ctx.error(value.span(), message, hint);
        }
        date.map(|d| Spanned::new(value.span(), d))
    }

    /// Does a neutral field hold exactly the text `word` (such as `end = "open"`)? Lets a date
    /// field take one word in place of a date.
    pub fn neutral_word(&mut self, key: &'static str, word: &str) -> bool {
        let holds = matches!(
            self.table.get(key).map(Spanned::get_ref),
            Some(DeValue::String(s)) if s.as_ref() == word
        );
        holds && self.neutral(key, Need::Optional).is_some()
    }

    /// A neutral date that may be given at the precision a document gives it: a TOML date
    /// (`2020-01-28`), or text holding a month (`"2020-01"`) or a year (`"2020"`).
    pub fn neutral_source_date(&mut self, key: &'static str, need: Need) -> Option<SourceDate> {
        let value = self.neutral(key, need)?;
        match value.get_ref() {
            DeValue::String(s) if !s.contains(crate::model::PLACEHOLDER) => {
                let date = SourceDate::parse_partial(s);
                if date.is_none() {
                    let hint = match Date::parse_iso(s) {
                        Some(_) => format!("a full day is a date without quotes: {key} = {s}"),
                        None => format!(
                            "write a day without quotes ({key} = 2020-01-28), or a month or a year the document gives alone in quotes ({key} = \"2020-01\" or {key} = \"2020\")"
                        ),
                    };
                    self.ctx.error(
                        value.span(),
                        format!("`{key}` = \"{s}\" is neither a month (YYYY-MM) nor a year (YYYY)"),
                        hint,
                    );
                }
                date
            }
            _ => {
                // The day reader reports every other mistake.
                self.neutral_date(key, need)
                    .map(|d| SourceDate::Day(d.into_inner()))
            }
        }
    }

    /// A sub-table (`[contact]`, `[select]`), in either role.
    pub fn table(&mut self, key: &'static str, what: &'static str) -> Option<Table<'c, 'i>> {
        let value = self.lookup(key)?;
        match value.get_ref() {
            DeValue::Table(t) => {
                Some(self.child(t, value.span(), what, format!("{}{key}.", self.path)))
            }
            _ => {
                self.wrong_type(
                    key,
                    value,
                    "a table",
                    &format!("… on its own line: [{key}]"),
                );
                None
            }
        }
    }

    /// An array of tables (`[[locations]]`), in either role.
    pub fn tables(&mut self, key: &'static str, what: &'static str) -> Vec<Table<'c, 'i>> {
        let Some(value) = self.lookup(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(
                key,
                value,
                "a list of tables",
                &format!("… on its own line: [[{key}]]"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => {
                    let path = format!("{}{key}.{index}.", self.path);
                    out.push(self.child(t, item.span(), what, path));
                }
                _ => self.wrong_type(
                    key,
                    item,
                    "a list of tables",
                    &format!("… on its own line: [[{key}]]"),
                ),
            }
        }
        out
    }

    /// Reports every field that no accessor asked for, with a suggestion when one is close.
    pub fn finish(self) {
        for (key, value) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let help = match suggest(name, self.known.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => {
                    let mut names = self.known.clone();
                    names.sort_unstable();
                    names.dedup();
                    format!("the fields of {} are: {}", self.what, names.join(", "))
                }
            };
            let _ = value;
            self.ctx.error(
                key.span(),
                format!("unknown field `{name}` in {}", self.what),
                help,
            );
        }
    }
}
