//! Calendar dates (`verified`, partnership terms, licences), the day arithmetic they need, and
//! which date it is today where the site is.

use std::fmt;

use serde::{Serialize, Serializer};

/// The time zone a site's "today" is told in unless its settings say otherwise: the services
/// and their editors are in Bulgaria.
pub const DEFAULT_TIME_ZONE: &str = "Europe/Sofia";

/// Why the date in a time zone could not be told.
#[derive(Debug, thiserror::Error)]
#[error("cannot tell the date in the time zone `{zone}` (a name such as Europe/Sofia): {reason}")]
pub struct TimeZoneError {
    /// The zone asked for.
    pub zone: String,
    /// What jiff said.
    reason: jiff::Error,
}

/// A calendar date without time or zone, as TOML writes it (`2020-01-28`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2020.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date of a Unix timestamp (UTC).
    pub fn from_unix_seconds(seconds: i64) -> Date {
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// Today in the time zone `zone` (a tz database name such as `Europe/Sofia`), from the
    /// system clock: a build at 00:30 in Sofia is dated that day, not the day before as UTC
    /// would have it.
    pub fn today_in(zone: &str) -> Result<Date, TimeZoneError> {
        Date::civil_date_in(zone, jiff::Timestamp::now().as_second())
    }

    /// The calendar date in the time zone `zone` at the instant `unix_seconds`.
    ///
    /// The tz database is the one bundled into the program (jiff's `tzdb-bundle-always`, see
    /// Cargo.toml), so the answer does not depend on the machine's /usr/share/zoneinfo.
    pub fn civil_date_in(zone: &str, unix_seconds: i64) -> Result<Date, TimeZoneError> {
        let error = |reason| TimeZoneError {
            zone: zone.to_string(),
            reason,
        };
        let tz = jiff::tz::TimeZone::get(zone).map_err(error)?;
        let instant = jiff::Timestamp::from_second(unix_seconds).map_err(error)?;
        let civil = tz.to_datetime(instant).date();
        Ok(Date {
            year: i32::from(civil.year()),
            month: u32::from(civil.month().unsigned_abs()),
            day: u32::from(civil.day().unsigned_abs()),
        })
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic_round_trips() {
        for days in [-800_000, -1, 0, 1, 18_289, 20_000, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        let meeting = Date::new(2020, 1, 28).unwrap();
        assert_eq!(meeting.days_since_epoch(), 18_289);
        assert_eq!(meeting.days_until(Date::new(2021, 1, 28).unwrap()), 366);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2021, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(2020, 13, 1).is_none());
        assert_eq!(Date::parse_iso("2020-01-28"), Date::new(2020, 1, 28));
        assert_eq!(Date::parse_iso("2020-1"), None);
    }

    #[test]
    fn the_civil_date_is_the_one_in_the_zone() {
        // 2026-12-01T22:30:00Z is half past midnight on 2 December in Sofia (UTC+2 in winter).
        let late_evening_utc = 1_796_164_200;
        assert_eq!(
            Date::civil_date_in(DEFAULT_TIME_ZONE, late_evening_utc).unwrap(),
            Date::new(2026, 12, 2).unwrap()
        );
        assert_eq!(
            Date::civil_date_in("UTC", late_evening_utc).unwrap(),
            Date::new(2026, 12, 1).unwrap()
        );
        // Summer time: 2026-07-01T21:30:00Z is 00:30 on 2 July in Sofia (UTC+3).
        assert_eq!(
            Date::civil_date_in(DEFAULT_TIME_ZONE, 1_782_941_400).unwrap(),
            Date::new(2026, 7, 2).unwrap()
        );
    }

    #[test]
    fn an_unknown_zone_is_an_error_that_names_it() {
        let e = Date::civil_date_in("Europe/Sofiya", 0).unwrap_err();
        assert!(e.to_string().contains("`Europe/Sofiya`"), "{e}");
    }
}
