//! Opening hours as HSDS schedules: one weekly recurrence (`freq = WEEKLY`, `byday`,
//! `opens_at`, `closes_at`) per time range and group of days with the same hours.
//!
//! The rules are evaluated as OpenStreetMap does (a later rule replaces an earlier one for the
//! days it names), so `Mo-Fr 08:00-17:00; We off` gives Mo,Tu,Th,Fr only. Public-holiday rules
//! have no HSDS recurrence and go into `notes`; every schedule's `description` is the whole
//! opening hours in words, so nothing is lost.

use crate::model::hours::{DaySelector, OpeningHours, TimeRange, Weekday};
use crate::model::strings::Strings;

use super::hsds::Schedule;
use super::ids::Key;

/// What a schedule hangs on: a service at a location, or a provider's location.
#[derive(Clone, Debug, Default)]
pub struct Owner {
    /// `service_id`.
    pub service_id: Option<String>,
    /// `location_id`.
    pub location_id: Option<String>,
    /// `service_at_location_id`.
    pub service_at_location_id: Option<String>,
}

/// The schedules of `hours`, described in the language of `strings`; `key` names the place
/// they belong to (ids `<key>/schedule/<n>`).
pub fn schedules(
    hours: &OpeningHours,
    strings: &Strings,
    key: &Key,
    owner: &Owner,
) -> Vec<Schedule> {
    let description = hours.render(strings.hours()).join("; ");
    let notes = holiday_notes(hours, strings);
    let make = |n: usize, byday: Option<String>, range: Option<TimeRange>| Schedule {
        id: key.child("schedule", n).uuid(),
        service_id: owner.service_id.clone(),
        location_id: owner.location_id.clone(),
        service_at_location_id: owner.service_at_location_id.clone(),
        freq: byday.as_ref().map(|_| "WEEKLY"),
        byday,
        description: description.clone(),
        opens_at: range.map(|r| time(r.start)),
        closes_at: range.map(|r| time(r.end)),
        notes: notes.clone(),
    };
    let mut out = Vec::new();
    for (days, ranges) in day_groups(hours) {
        let byday: Vec<&str> = days.iter().map(|d| ical_day(*d)).collect();
        for range in ranges {
            out.push(make(out.len() + 1, Some(byday.join(",")), Some(range)));
        }
    }
    if out.is_empty() {
        out.push(make(1, None, None));
    }
    out
}

/// The times each weekday is open, after every rule has been applied in order.
fn week(hours: &OpeningHours) -> [Vec<TimeRange>; 7] {
    let mut week: [Vec<TimeRange>; 7] = Default::default();
    for rule in &hours.rules {
        if rule.days == DaySelector::PublicHolidays {
            continue;
        }
        for day in Weekday::ALL {
            if rule.days.contains(day) {
                week[day.index()] = rule.times.clone();
            }
        }
    }
    week
}

/// Days with the same (non-empty) opening times, grouped in week order.
fn day_groups(hours: &OpeningHours) -> Vec<(Vec<Weekday>, Vec<TimeRange>)> {
    let week = week(hours);
    let mut groups: Vec<(Vec<Weekday>, Vec<TimeRange>)> = Vec::new();
    for day in Weekday::ALL {
        let times = &week[day.index()];
        if times.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(_, t)| t == times) {
            Some((days, _)) => days.push(day),
            None => groups.push((vec![day], times.clone())),
        }
    }
    groups
}

/// Public-holiday rules in words, for `notes`.
fn holiday_notes(hours: &OpeningHours, strings: &Strings) -> Option<String> {
    let rules: Vec<String> = hours
        .rules
        .iter()
        .filter(|r| r.days == DaySelector::PublicHolidays)
        .map(|r| r.render(strings.hours()))
        .collect();
    let label = || strings.get("opendata-public-holidays");
    (!rules.is_empty()).then(|| format!("{}: {}", label(), rules.join("; ")))
}

/// The iCalendar code of a day (`MO`).
fn ical_day(day: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.index()]
}

/// `HH:MM:SS`, as in HSDS's examples and Frictionless's `time`; `24:00` (end of the day)
/// becomes `23:59:59`, since `24:00:00` is not a valid time of day for most readers.
fn time(minutes: u16) -> String {
    if minutes >= 24 * 60 {
        return "23:59:59".to_string();
    }
    format!("{:02}:{:02}:00", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::model::hours::parse;

    /// The built-in theme's strings.
    fn theme(lang: Lang) -> Strings {
        crate::load::theme::built_in_strings(lang)
    }

    fn of(text: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
        let hours = parse(text).expect("valid hours");
        schedules(
            &hours,
            &theme(Lang::En),
            &Key::new("t", "x"),
            &Owner::default(),
        )
        .into_iter()
        .map(|s| (s.byday, s.opens_at, s.closes_at))
        .collect()
    }

    fn row(
        days: &str,
        opens: &str,
        closes: &str,
    ) -> (Option<String>, Option<String>, Option<String>) {
        (Some(days.into()), Some(opens.into()), Some(closes.into()))
    }

    #[test]
    fn weekdays_and_saturday() {
        assert_eq!(
            of("Mo-Fr 08:30-17:00; Sa 09:00-13:00"),
            [
                row("MO,TU,WE,TH,FR", "08:30:00", "17:00:00"),
                row("SA", "09:00:00", "13:00:00")
            ]
        );
    }

    #[test]
    fn later_rules_override_and_split_ranges_stay_apart() {
        assert_eq!(
            of("Mo-Fr 08:00-12:00,13:00-17:00; We off"),
            [
                row("MO,TU,TH,FR", "08:00:00", "12:00:00"),
                row("MO,TU,TH,FR", "13:00:00", "17:00:00")
            ]
        );
    }

    #[test]
    fn always_open_and_holidays() {
        assert_eq!(
            of("24/7"),
            [row("MO,TU,WE,TH,FR,SA,SU", "00:00:00", "23:59:59")]
        );
        let hours = parse("Mo-Fr 09:00-17:00; PH off").expect("valid");
        let s = schedules(
            &hours,
            &theme(Lang::En),
            &Key::new("t", "x"),
            &Owner::default(),
        );
        assert_eq!(s.len(), 1);
        assert!(
            s[0].notes
                .as_deref()
                .is_some_and(|n| n.starts_with("Public holidays: "))
        );
        assert_eq!(s[0].freq, Some("WEEKLY"));
    }

    #[test]
    fn never_open_keeps_the_words() {
        let hours = parse("off").expect("valid");
        let s = schedules(
            &hours,
            &theme(Lang::Bg),
            &Key::new("t", "x"),
            &Owner::default(),
        );
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].byday, None);
        assert!(!s[0].description.is_empty());
    }
}
