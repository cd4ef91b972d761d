//! Opening hours: a subset of OpenStreetMap `opening_hours`, parsed and rendered in words.
//!
//! The subset: rules separated by `;`. A rule is one of
//! - `24/7`;
//! - days then times or `off`/`closed`: `Mo-Fr 08:30-17:00`, `Mo,We,Fr 08:00-12:00,13:00-17:00`,
//!   `Su off`; day ranges may wrap around the week (`Fr-Mo`);
//! - `PH` (public holidays) then times or `off`: `PH off`, `PH 09:00-12:00`;
//! - times alone, meaning every day: `08:00-20:00`; or `off` alone, meaning always closed.
//!
//! Times are `HH:MM` from 00:00 to 24:00; a range whose end is before its start runs
//! past midnight (`22:00-06:00`). Ranges in one rule must be in order and must not
//! overlap. Spaces between tokens are allowed. As in OSM, a later rule overrides an
//! earlier one for the days it names; this module renders rules, it does not evaluate them.

mod parse;

pub use parse::parse;

use std::fmt;

use crate::model::strings::Strings;

/// Minutes in a day; `24:00` is stored as this value.
const DAY_MINUTES: u16 = 24 * 60;

/// A day of the week, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    /// Monday.
    Mo,
    /// Tuesday.
    Tu,
    /// Wednesday.
    We,
    /// Thursday.
    Th,
    /// Friday.
    Fr,
    /// Saturday.
    Sa,
    /// Sunday.
    Su,
}

impl Weekday {
    /// All days, Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mo,
        Weekday::Tu,
        Weekday::We,
        Weekday::Th,
        Weekday::Fr,
        Weekday::Sa,
        Weekday::Su,
    ];

    /// Position in the week: Monday is 0, Sunday is 6.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The two-letter OSM code, e.g. "Mo".
    pub fn osm(self) -> &'static str {
        ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][self.index()]
    }

    fn from_osm(code: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|d| d.osm() == code)
    }

    fn next(self) -> Weekday {
        Weekday::ALL[(self.index() + 1) % 7]
    }
}

/// A run of days from `first` to `last` inclusive; wraps past Sunday when `last < first`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DaySpan {
    /// The first day of the run.
    pub first: Weekday,
    /// The last day of the run; equal to `first` for a single day.
    pub last: Weekday,
}

impl DaySpan {
    /// True if the span includes `day`.
    pub fn contains(self, day: Weekday) -> bool {
        if self.first <= self.last {
            self.first <= day && day <= self.last
        } else {
            day >= self.first || day <= self.last
        }
    }

    /// The days of the span in order, starting at `first`.
    pub fn days(self) -> Vec<Weekday> {
        let mut days = vec![self.first];
        let mut day = self.first;
        while day != self.last {
            day = day.next();
            days.push(day);
        }
        days
    }
}

/// Which days a rule applies to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DaySelector {
    /// No selector was written: every day of the week.
    EveryDay,
    /// The listed days, in the order written; never empty when produced by [`parse`].
    Days(Vec<DaySpan>),
    /// Public holidays (`PH`).
    PublicHolidays,
}

impl DaySelector {
    /// True if the selector names `day` (public holidays name no weekday).
    pub fn contains(&self, day: Weekday) -> bool {
        match self {
            DaySelector::EveryDay => true,
            DaySelector::Days(spans) => spans.iter().any(|s| s.contains(day)),
            DaySelector::PublicHolidays => false,
        }
    }
}

/// A time range in minutes after midnight; `end < start` means it runs past midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeRange {
    /// Opening time, 0..=1439.
    pub start: u16,
    /// Closing time, 0..=1440 (1440 is `24:00`).
    pub end: u16,
}

impl TimeRange {
    /// `00:00-24:00`, the whole day.
    pub const FULL_DAY: TimeRange = TimeRange {
        start: 0,
        end: DAY_MINUTES,
    };

    /// True if the range runs past midnight, like `22:00-06:00`.
    pub fn is_overnight(self) -> bool {
        self.end < self.start
    }
}

/// One rule: days and the times they are open; no times means closed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    /// The days the rule applies to.
    pub days: DaySelector,
    /// Opening times, in order; empty means closed on those days.
    pub times: Vec<TimeRange>,
}

/// Parsed opening hours: rules in the order written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OpeningHours {
    /// The rules, in order; a later rule overrides an earlier one for its days.
    pub rules: Vec<Rule>,
}

/// Why an opening-hours text could not be parsed, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursError {
    /// Byte offset into the input where the problem starts (always a char boundary).
    pub offset: usize,
    /// What is wrong, in plain English.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl fmt::Display for HoursError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (at byte {}); {}",
            self.message, self.offset, self.help
        )
    }
}

impl std::error::Error for HoursError {}

// ---------------------------------------------------------------------------
// Rendering

/// The words opening hours are written in, in one language: the `hours-*` messages of the
/// site's strings ([`Strings::hours`] reads them once).
#[derive(Clone, Debug)]
pub struct HoursWords {
    /// Abbreviated day names, Monday first: "пон.", "Mon".
    pub days: [String; 7],
    /// A rule without days: "всеки ден".
    pub every_day: String,
    /// `PH`: "официални празници".
    pub public_holidays: String,
    /// No times: "затворено".
    pub closed: String,
    /// `00:00-24:00` on some days: "денонощно".
    pub open_24_hours: String,
    /// `24/7`: "денонощно, всеки ден".
    pub always_open: String,
}

impl HoursWords {
    /// The words of `strings`' language.
    pub fn new(strings: &Strings) -> HoursWords {
        HoursWords {
            days: Weekday::ALL
                .map(|d| strings.get(&format!("hours-day-{}", d.osm().to_lowercase()))),
            every_day: strings.get("hours-every-day"),
            public_holidays: strings.get("hours-public-holidays"),
            closed: strings.get("hours-closed"),
            open_24_hours: strings.get("hours-open-24-hours"),
            always_open: strings.get("hours-always-open"),
        }
    }

    /// The abbreviated name of `day`: "пон.", "Mon".
    pub fn day(&self, day: Weekday) -> &str {
        &self.days[day.index()]
    }
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl OpeningHours {
    /// Renders each rule as one line in `words`, e.g. "пон.–пет. 08:30–17:00" or "Sun: closed".
    pub fn render(&self, words: &HoursWords) -> Vec<String> {
        self.rules.iter().map(|rule| rule.render(words)).collect()
    }
}

impl Rule {
    /// Renders the rule in `words`.
    pub fn render(&self, words: &HoursWords) -> String {
        let days = self.days.render(words);
        let full_day = self.times == [TimeRange::FULL_DAY];
        if full_day && self.days == DaySelector::EveryDay {
            words.always_open.clone()
        } else if full_day {
            format!("{days}: {}", words.open_24_hours)
        } else if self.times.is_empty() {
            format!("{days}: {}", words.closed)
        } else {
            let times: Vec<String> = self.times.iter().map(|t| t.render()).collect();
            format!("{days} {}", times.join(", "))
        }
    }
}

impl DaySelector {
    /// Renders the days in words: "пон.–пет., нед.", "every day", "public holidays".
    pub fn render(&self, words: &HoursWords) -> String {
        match self {
            DaySelector::EveryDay => words.every_day.clone(),
            DaySelector::PublicHolidays => words.public_holidays.clone(),
            DaySelector::Days(spans) => {
                let parts: Vec<String> = spans.iter().map(|s| s.render(words)).collect();
                parts.join(", ")
            }
        }
    }
}

impl DaySpan {
    /// Renders the span with an en dash: "пон.–пет." or "Mon".
    pub fn render(self, words: &HoursWords) -> String {
        let first = words.day(self.first);
        if self.first == self.last {
            first.to_string()
        } else {
            format!("{first}–{}", words.day(self.last))
        }
    }
}

impl TimeRange {
    /// Renders the range with an en dash: "08:30–17:00".
    pub fn render(self) -> String {
        format!("{}–{}", hhmm(self.start), hhmm(self.end))
    }
}
// ---------------------------------------------------------------------------
// Canonical OSM form

impl fmt::Display for OpeningHours {
    /// Writes the canonical OSM form, rules joined with "; ".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, rule) in self.rules.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{rule}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Rule {
    /// Writes one rule in OSM form, e.g. `Mo-Fr 08:30-17:00`, `PH off`, `24/7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.days {
            DaySelector::EveryDay if self.times == [TimeRange::FULL_DAY] => f.write_str("24/7"),
            DaySelector::EveryDay => write_times(f, &self.times),
            DaySelector::PublicHolidays => {
                f.write_str("PH ")?;
                write_times(f, &self.times)
            }
            DaySelector::Days(spans) => {
                for (i, span) in spans.iter().enumerate() {
                    let sep = if i > 0 { "," } else { "" };
                    write!(f, "{sep}{}", span.first.osm())?;
                    if span.first != span.last {
                        write!(f, "-{}", span.last.osm())?;
                    }
                }
                f.write_str(" ")?;
                write_times(f, &self.times)
            }
        }
    }
}

fn write_times(f: &mut fmt::Formatter<'_>, times: &[TimeRange]) -> fmt::Result {
    if times.is_empty() {
        return f.write_str("off");
    }
    for (i, t) in times.iter().enumerate() {
        let sep = if i > 0 { "," } else { "" };
        write!(f, "{sep}{}-{}", hhmm(t.start), hhmm(t.end))?;
    }
    Ok(())
}

impl serde::Serialize for OpeningHours {
    /// Serialised in the canonical OpenStreetMap form, e.g. `Mo-Fr 08:30-17:00`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Lang;

    /// The hours words of the built-in theme.
    fn words(lang: Lang) -> HoursWords {
        HoursWords::new(&Strings::default_theme(lang))
    }

    fn render(input: &str, lang: Lang) -> Vec<String> {
        match parse(input) {
            Ok(hours) => hours.render(&words(lang)),
            Err(e) => panic!("{input:?} did not parse: {e}"),
        }
    }

    #[test]
    fn renders_bulgarian() {
        let lines = render(
            "Mo-Fr 08:30-17:00; Sa 09:00-13:00; Mo,We,Fr 08:00-12:00,13:00-17:00; Su off; PH off",
            Lang::Bg,
        );
        assert_eq!(
            lines,
            [
                "пон.–пет. 08:30–17:00",
                "съб. 09:00–13:00",
                "пон., ср., пет. 08:00–12:00, 13:00–17:00",
                "нед.: затворено",
                "официални празници: затворено",
            ]
        );
        assert_eq!(render("24/7", Lang::Bg), ["денонощно, всеки ден"]);
        assert_eq!(render("08:00-20:00", Lang::Bg), ["всеки ден 08:00–20:00"]);
        assert_eq!(
            render("PH 09:00-12:00", Lang::Bg),
            ["официални празници 09:00–12:00"]
        );
        assert_eq!(
            render("Mo-Fr,Su 10:00-11:00", Lang::Bg),
            ["пон.–пет., нед. 10:00–11:00"]
        );
        assert_eq!(
            render("Mo-Fr 00:00-24:00", Lang::Bg),
            ["пон.–пет.: денонощно"]
        );
        assert_eq!(
            render("Fr-Mo 22:00-06:00", Lang::Bg),
            ["пет.–пон. 22:00–06:00"]
        );
        assert_eq!(
            render("Tu,Th 08:00-12:00", Lang::Bg),
            ["вт., чет. 08:00–12:00"]
        );
        assert_eq!(render("off", Lang::Bg), ["всеки ден: затворено"]);
    }

    #[test]
    fn renders_english() {
        let lines = render(
            "Mo-Fr 08:30-17:00; Sa 09:00-13:00; Mo,We,Fr 08:00-12:00,13:00-17:00; Su off; PH off",
            Lang::En,
        );
        assert_eq!(
            lines,
            [
                "Mon–Fri 08:30–17:00",
                "Sat 09:00–13:00",
                "Mon, Wed, Fri 08:00–12:00, 13:00–17:00",
                "Sun: closed",
                "public holidays: closed",
            ]
        );
        assert_eq!(render("24/7", Lang::En), ["open 24 hours, every day"]);
        assert_eq!(render("08:00-20:00", Lang::En), ["every day 08:00–20:00"]);
        assert_eq!(
            render("Sa-Su 00:00-24:00", Lang::En),
            ["Sat–Sun: open 24 hours"]
        );
        assert_eq!(
            render("PH 09:00-12:00", Lang::En),
            ["public holidays 09:00–12:00"]
        );
    }

    #[test]
    fn selector_contains() {
        use Weekday::*;
        let sel = parse("Fr-Mo,We off").unwrap().rules[0].days.clone();
        let open: Vec<Weekday> = Weekday::ALL
            .into_iter()
            .filter(|d| sel.contains(*d))
            .collect();
        assert_eq!(open, [Mo, We, Fr, Sa, Su]);
        assert!(DaySelector::EveryDay.contains(Tu));
        assert!(!DaySelector::PublicHolidays.contains(Tu));
        assert_eq!(
            DaySpan {
                first: Sa,
                last: Tu
            }
            .days(),
            [Sa, Su, Mo, Tu]
        );
    }
}
