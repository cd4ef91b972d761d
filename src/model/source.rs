//! Where a listing's facts come from: source documents with their dates, and how precisely a
//! document is dated (a day, a month, or only a year, as the document itself gives it).

use std::fmt;

use serde::{Serialize, Serializer};

use super::date::Date;
use super::kind::Kind;
use super::lang::{Lang, Localized};
use super::translit::slugify;
use super::{Listing, Site};

/// A document a listing's facts are taken from (`[[sources]]`).
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    /// The document's title as it names itself (T, required).
    pub title: Localized<String>,
    /// When the document is dated (N; required in `[[sources]]`, unknown in the deprecated
    /// list of citation strings).
    pub date: Option<SourceDate>,
    /// Where in the document the facts stand, e.g. "с. 3, т. 2" (T).
    pub reference: Option<Localized<String>>,
}

impl Source {
    /// The anchor of the document on the sources page: its Bulgarian title transliterated, and
    /// its date, so that two documents of one title stay apart.
    pub fn anchor(&self) -> String {
        let title = slugify(self.title.get(Lang::DEFAULT).value);
        match self.date {
            Some(date) => format!("{title}-{date}"),
            None => title,
        }
    }
}

/// One source document of the whole site, with every listing that cites it.
#[derive(Clone, Debug)]
pub struct SourceDocument<'a> {
    /// The document as the first listing that cites it gives it (title, date).
    pub source: &'a Source,
    /// The listings that cite it, in the order services, providers, partnerships, each by id.
    pub citations: Vec<Citation<'a>>,
}

/// A listing that cites a source document, and where in the document its facts stand.
#[derive(Clone, Debug)]
pub struct Citation<'a> {
    /// What kind of listing.
    pub kind: Kind,
    /// Its id.
    pub id: &'a str,
    /// The listing.
    pub listing: &'a Listing,
    /// Where in the document (`ref`).
    pub reference: Option<&'a Localized<String>>,
}

impl Site {
    /// Every source document the listings cite, each once (the same Bulgarian title and date),
    /// newest first, then by title; documents without a date last.
    pub fn source_documents(&self) -> Vec<SourceDocument<'_>> {
        let listings = self
            .services
            .iter()
            .map(|(id, s)| (Kind::Service, id.as_str(), &s.listing))
            .chain(
                self.providers
                    .iter()
                    .map(|(id, p)| (Kind::Provider, id.as_str(), &p.listing)),
            )
            .chain(
                self.partnerships
                    .iter()
                    .map(|(id, p)| (Kind::Partnership, id.as_str(), &p.listing)),
            );
        let mut documents: Vec<SourceDocument<'_>> = Vec::new();
        for (kind, id, listing) in listings {
            for source in &listing.sources {
                let citation = Citation {
                    kind,
                    id,
                    listing,
                    reference: source.reference.as_ref(),
                };
                let key = source.anchor();
                match documents.iter_mut().find(|d| d.source.anchor() == key) {
                    Some(document) => document.citations.push(citation),
                    None => documents.push(SourceDocument {
                        source,
                        citations: vec![citation],
                    }),
                }
            }
        }
        documents.sort_by(|a, b| {
            b.source
                .date
                .cmp(&a.source.date)
                .then_with(|| a.source.anchor().cmp(&b.source.anchor()))
        });
        documents
    }
}

/// The date of a source document, as precise as the document gives it. Dates order by the
/// first day they cover (a year before its months and days).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceDate {
    /// Only the year, e.g. a report "for 2020".
    Year(i32),
    /// A month of a year (`month` 1–12).
    Month(i32, u32),
    /// A calendar day.
    Day(Date),
}

impl SourceDate {
    /// Reads `2020` or `2020-01` (a full day is written as a TOML date, not as text).
    pub fn parse_partial(text: &str) -> Option<SourceDate> {
        let (year, month) = match text.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        match month {
            None => Some(SourceDate::Year(year)),
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let month: u32 = m.parse().ok()?;
                (1..=12)
                    .contains(&month)
                    .then_some(SourceDate::Month(year, month))
            }
            Some(_) => None,
        }
    }

    /// The first day the date covers (1 January of a year given alone).
    pub fn first_day(self) -> Date {
        match self {
            SourceDate::Year(y) => Date {
                year: y,
                month: 1,
                day: 1,
            },
            SourceDate::Month(y, m) => Date {
                year: y,
                month: m,
                day: 1,
            },
            SourceDate::Day(d) => d,
        }
    }

    /// The year, whatever the precision.
    pub fn year(self) -> i32 {
        match self {
            SourceDate::Year(y) | SourceDate::Month(y, _) => y,
            SourceDate::Day(d) => d.year,
        }
    }
}

impl Ord for SourceDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |d: &SourceDate| {
            let precision = match d {
                SourceDate::Year(_) => 0,
                SourceDate::Month(..) => 1,
                SourceDate::Day(_) => 2,
            };
            (d.first_day(), precision)
        };
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for SourceDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for SourceDate {
    /// ISO 8601 at the date's precision: `2020`, `2020-01`, `2020-01-28`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceDate::Year(y) => write!(f, "{y:04}"),
            SourceDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            SourceDate::Day(d) => write!(f, "{d}"),
        }
    }
}

impl Serialize for SourceDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_read_at_their_precision() {
        assert_eq!(
            SourceDate::parse_partial("2020"),
            Some(SourceDate::Year(2020))
        );
        assert_eq!(
            SourceDate::parse_partial("2018-05"),
            Some(SourceDate::Month(2018, 5))
        );
        assert_eq!(SourceDate::parse_partial("2018-13"), None);
        assert_eq!(SourceDate::parse_partial("2018-5"), None);
        assert_eq!(SourceDate::parse_partial("20"), None);
        assert_eq!(SourceDate::parse_partial("2018-05-30"), None);
    }

    #[test]
    fn dates_order_by_the_first_day_they_cover() {
        let day = |y, m, d| SourceDate::Day(Date::new(y, m, d).unwrap_or_else(|| unreachable!()));
        let mut dates = vec![
            SourceDate::Year(2020),
            day(2015, 2, 4),
            day(2020, 1, 28),
            SourceDate::Month(2018, 5),
        ];
        dates.sort();
        assert_eq!(
            dates,
            [
                day(2015, 2, 4),
                SourceDate::Month(2018, 5),
                SourceDate::Year(2020),
                day(2020, 1, 28)
            ]
        );
    }

    #[test]
    fn dates_print_as_iso_at_their_precision() {
        let day = Date::new(2020, 1, 28).unwrap_or_else(|| unreachable!());
        assert_eq!(SourceDate::Day(day).to_string(), "2020-01-28");
        assert_eq!(SourceDate::Month(2018, 5).to_string(), "2018-05");
        assert_eq!(SourceDate::Year(2020).to_string(), "2020");
    }
}
