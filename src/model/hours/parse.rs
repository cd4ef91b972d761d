//! Opening hours text → [`OpeningHours`]: a lexer for the OSM subset, then a parser that
//! explains every mistake with an offset and a fix.

use super::{
    DAY_MINUTES, DaySelector, DaySpan, HoursError, OpeningHours, Rule, TimeRange, Weekday,
};

/// The general advice attached to errors that have no more specific fix.
const GENERAL_HELP: &str = "write days as Mo-Fr and times as 08:30-17:00, rules separated by ';', \
                            e.g. `Mo-Fr 08:30-17:00; Sa 09:00-13:00; Su off`";

/// An error at byte `offset` of the input.
fn err(offset: usize, message: impl Into<String>, help: impl Into<String>) -> HoursError {
    HoursError {
        offset,
        message: message.into(),
        help: help.into(),
    }
}

// ---------------------------------------------------------------------------
// Lexer

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Day(Weekday),
    Ph,
    Off,
    Always,
    Time(u16),
    Dash,
    Comma,
    Semi,
}

#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    tok: Tok,
    at: usize,
    text: &'a str,
}

impl Token<'_> {
    fn end(&self) -> usize {
        self.at + self.text.len()
    }
}

fn lex(input: &str) -> Result<Vec<Token<'_>>, HoursError> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(c) = input[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let (tok, len) = match c {
            '-' => (Tok::Dash, 1),
            ',' => (Tok::Comma, 1),
            ';' => (Tok::Semi, 1),
            '0'..='9' => lex_number(input, pos)?,
            c if c.is_alphabetic() => lex_word(input, pos)?,
            c => return Err(unexpected_char(c, pos)),
        };
        let text = &input[pos..pos + len];
        tokens.push(Token { tok, at: pos, text });
        pos += len;
    }
    Ok(tokens)
}

fn unexpected_char(c: char, pos: usize) -> HoursError {
    match c {
        '–' | '—' | '−' | '‒' => err(
            pos,
            format!("`{c}` is not a plain hyphen"),
            "use the plain hyphen '-' in ranges, e.g. Mo-Fr 08:30-17:00",
        ),
        '.' | ':' => err(
            pos,
            format!("unexpected `{c}`"),
            "write times as HH:MM with two digits each, e.g. 08:30-17:00",
        ),
        _ => err(pos, format!("unexpected character `{c}`"), GENERAL_HELP),
    }
}

/// Lexes `24/7` or a time `HH:MM` starting at `pos` (which holds an ASCII digit).
fn lex_number(input: &str, pos: usize) -> Result<(Tok, usize), HoursError> {
    let rest = &input[pos..];
    if rest.starts_with("24/7") {
        return Ok((Tok::Always, 4));
    }
    let bytes = rest.as_bytes();
    let hour_digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let time_help = "write times as HH:MM with two digits each, e.g. 08:30-17:00";
    if hour_digits != 2 {
        let shown = &rest[..hour_digits];
        return Err(err(pos, format!("`{shown}` is not a time"), time_help));
    }
    if bytes.get(2) != Some(&b':') {
        let message = "a time needs ':' between hours and minutes";
        return Err(err(pos, message, time_help));
    }
    let minute_digits = bytes[3..].iter().take_while(|b| b.is_ascii_digit()).count();
    if minute_digits != 2 {
        let message = "minutes need exactly two digits";
        return Err(err(pos, message, time_help));
    }
    let hours = u16::from(bytes[0] - b'0') * 10 + u16::from(bytes[1] - b'0');
    let minutes = u16::from(bytes[3] - b'0') * 10 + u16::from(bytes[4] - b'0');
    if hours > 24 || minutes > 59 || (hours == 24 && minutes > 0) {
        let message = format!("`{}` is not a time of day", &rest[..5]);
        return Err(err(pos, message, "times go from 00:00 to 24:00"));
    }
    Ok((Tok::Time(hours * 60 + minutes), 5))
}

/// Lexes a keyword (a day, `PH`, `off`, `closed`) starting at `pos`.
fn lex_word(input: &str, pos: usize) -> Result<(Tok, usize), HoursError> {
    let rest = &input[pos..];
    let len = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let word = &rest[..len];
    let tok = match word {
        "PH" => Tok::Ph,
        "off" | "closed" => Tok::Off,
        _ => match Weekday::from_osm(word) {
            Some(day) => Tok::Day(day),
            None => return Err(unknown_word(word, pos)),
        },
    };
    Ok((tok, len))
}

fn unknown_word(word: &str, pos: usize) -> HoursError {
    let message = format!("unknown word `{word}`");
    let lower = word.to_lowercase();
    let prefix: String = lower.chars().take(2).collect();
    let help = if lower == "off" || lower == "closed" {
        format!("write `{lower}` in lower case")
    } else if lower == "ph" {
        "write public holidays as `PH`, e.g. `PH off`".to_string()
    } else if let Some(day) = Weekday::ALL
        .into_iter()
        .find(|d| d.osm().to_lowercase() == prefix)
    {
        format!(
            "write days as two letters with a capital first: `{}` instead of `{word}`",
            day.osm()
        )
    } else if !word.is_ascii() {
        "write days in English two-letter form: Mo Tu We Th Fr Sa Su".to_string()
    } else {
        GENERAL_HELP.to_string()
    };
    err(pos, message, help)
}
// ---------------------------------------------------------------------------
// Parser

/// Parses opening hours in the OSM subset described in the module documentation.
///
/// Every malformed input gives an [`HoursError`] pointing at the problem.
pub fn parse(input: &str) -> Result<OpeningHours, HoursError> {
    let tokens = lex(input)?;
    if tokens.is_empty() {
        return Err(err(0, "the opening hours are empty", GENERAL_HELP));
    }
    let rules = split_rules(&tokens)?
        .into_iter()
        .map(parse_rule)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(OpeningHours { rules })
}

impl std::str::FromStr for OpeningHours {
    type Err = HoursError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

/// Splits tokens at `;`; every part is non-empty.
fn split_rules<'t, 'a>(tokens: &'t [Token<'a>]) -> Result<Vec<&'t [Token<'a>]>, HoursError> {
    let mut rules = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.tok == Tok::Semi {
            if i == start {
                let message = "there is an empty rule before this ';'";
                return Err(err(t.at, message, "remove the extra ';'"));
            }
            rules.push(&tokens[start..i]);
            start = i + 1;
        }
    }
    match tokens.last() {
        Some(last) if last.tok == Tok::Semi => {
            let message = "nothing follows the last ';'";
            Err(err(last.at, message, "remove the trailing ';'"))
        }
        _ => {
            rules.push(&tokens[start..]);
            Ok(rules)
        }
    }
}

/// Parses one rule; `toks` is non-empty and holds no `;`.
fn parse_rule(toks: &[Token<'_>]) -> Result<Rule, HoursError> {
    let Some((first, rest)) = toks.split_first() else {
        return Err(err(0, "empty rule", GENERAL_HELP));
    };
    let end = toks.last().map_or(first.end(), Token::end);
    let (days, times) = match first.tok {
        Tok::Always => {
            reject_extra(rest, "`24/7` stands alone; put other rules after ';'")?;
            (DaySelector::EveryDay, vec![TimeRange::FULL_DAY])
        }
        Tok::Off => {
            reject_extra(rest, "write the days first, e.g. `Su off`")?;
            (DaySelector::EveryDay, Vec::new())
        }
        Tok::Ph => {
            if let Some(t) = rest.first().filter(|t| t.tok == Tok::Comma) {
                return Err(ph_alone(t.at));
            }
            let times = parse_times_or_off(rest, first.end())?;
            (DaySelector::PublicHolidays, times)
        }
        Tok::Day(_) => {
            let (spans, rest) = parse_days(toks)?;
            let days_end = rest.first().map_or(end, |t| t.at);
            (
                DaySelector::Days(spans),
                parse_times_or_off(rest, days_end)?,
            )
        }
        Tok::Time(_) => (DaySelector::EveryDay, parse_times(toks, end)?),
        Tok::Dash | Tok::Comma | Tok::Semi => {
            let message = format!("a rule cannot start with `{}`", first.text);
            return Err(err(first.at, message, GENERAL_HELP));
        }
    };
    Ok(Rule { days, times })
}

fn reject_extra(rest: &[Token<'_>], help: &str) -> Result<(), HoursError> {
    match rest.first() {
        Some(t) => Err(err(t.at, format!("unexpected `{}`", t.text), help)),
        None => Ok(()),
    }
}

fn ph_alone(at: usize) -> HoursError {
    let help = "give public holidays a rule of their own, e.g. `Mo-Fr 08:00-17:00; PH off`";
    err(at, "PH cannot be combined with other days", help)
}

/// Parses `Mo-Fr,Su`-style days from the start of `toks`; returns them and the tokens after.
fn parse_days<'t, 'a>(
    toks: &'t [Token<'a>],
) -> Result<(Vec<DaySpan>, &'t [Token<'a>]), HoursError> {
    let mut spans = Vec::new();
    let mut seen = [false; 7];
    let mut i = 0;
    let mut after = 0;
    loop {
        let (span, used) = parse_day_span(&toks[i..], after)?;
        for day in span.days() {
            if std::mem::replace(&mut seen[day.index()], true) {
                let message = format!("{} is listed more than once", day.osm());
                let help = "list each day once, e.g. `Mo-Fr,Su`";
                return Err(err(toks[i].at, message, help));
            }
        }
        spans.push(span);
        i += used;
        match toks.get(i) {
            Some(t) if t.tok == Tok::Comma => {
                after = t.end();
                i += 1;
            }
            _ => return Ok((spans, &toks[i..])),
        }
    }
}

/// Parses one day or day range; `after` is where the previous token ended.
fn parse_day_span(toks: &[Token<'_>], after: usize) -> Result<(DaySpan, usize), HoursError> {
    let first = expect_day(toks.first(), after)?;
    let Some(dash) = toks.get(1).filter(|t| t.tok == Tok::Dash) else {
        return Ok((DaySpan { first, last: first }, 1));
    };
    let last = expect_day(toks.get(2), dash.end())?;
    if last == first {
        let message = format!("`{0}-{0}` is a range of a single day", first.osm());
        return Err(err(
            dash.at,
            message,
            format!("write just `{}`", first.osm()),
        ));
    }
    Ok((DaySpan { first, last }, 3))
}

fn expect_day(tok: Option<&Token<'_>>, after: usize) -> Result<Weekday, HoursError> {
    match tok {
        Some(Token {
            tok: Tok::Day(d), ..
        }) => Ok(*d),
        Some(t) if t.tok == Tok::Ph => Err(ph_alone(t.at)),
        Some(t) => {
            let message = format!("expected a day such as `Mo`, found `{}`", t.text);
            Err(err(t.at, message, GENERAL_HELP))
        }
        None => Err(err(after, "expected a day such as `Mo`", GENERAL_HELP)),
    }
}

/// Parses what follows the days: `off`, or time ranges. `after` is where the days end.
fn parse_times_or_off(rest: &[Token<'_>], after: usize) -> Result<Vec<TimeRange>, HoursError> {
    let help = "after the days write times such as `08:30-17:00`, or `off` if closed";
    match rest {
        [] => Err(err(after, "the days have no times", help)),
        [t] if t.tok == Tok::Off => Ok(Vec::new()),
        [t, extra, ..] if t.tok == Tok::Off => {
            let message = format!("unexpected `{}` after `{}`", extra.text, t.text);
            Err(err(extra.at, message, "put the next rule after ';'"))
        }
        [t, ..] if matches!(t.tok, Tok::Day(_)) => {
            let message = "days must be joined with ',' or '-'";
            Err(err(t.at, message, "write e.g. `Mo,Fr` or `Mo-Fr`"))
        }
        _ => {
            let end = rest.last().map_or(after, Token::end);
            parse_times(rest, end)
        }
    }
}

/// Parses `08:00-12:00,13:00-17:00`; `toks` must be exactly the times.
fn parse_times(toks: &[Token<'_>], end: usize) -> Result<Vec<TimeRange>, HoursError> {
    let mut times: Vec<TimeRange> = Vec::new();
    let mut i = 0;
    loop {
        let at = toks.get(i).map_or(end, |t| t.at);
        let range = parse_time_range(&toks[i..], end)?;
        let out_of_order = |prev: &TimeRange| prev.is_overnight() || range.start < prev.end;
        if times.last().is_some_and(out_of_order) {
            let message = "the time ranges overlap or are out of order";
            let help = "list ranges from earliest to latest without overlaps, \
                        e.g. 08:00-12:00,13:00-17:00";
            return Err(err(at, message, help));
        }
        times.push(range);
        i += 3;
        match toks.get(i) {
            None => return Ok(times),
            Some(t) if t.tok == Tok::Comma => i += 1,
            Some(t) => return Err(after_times(t)),
        }
    }
}

fn after_times(t: &Token<'_>) -> HoursError {
    let message = format!("unexpected `{}` after the times", t.text);
    let help = match t.tok {
        Tok::Off => "a rule is either open at some times or `off`, not both",
        _ => "separate rules with ';', e.g. `Mo-Fr 08:00-17:00; Sa 09:00-13:00`",
    };
    err(t.at, message, help)
}

/// Parses `HH:MM-HH:MM` from the start of `toks`.
fn parse_time_range(toks: &[Token<'_>], end: usize) -> Result<TimeRange, HoursError> {
    let start_tok = toks.first();
    let start = expect_time(start_tok, end, "start")?;
    let at = start_tok.map_or(end, |t| t.at);
    match toks.get(1) {
        Some(t) if t.tok == Tok::Dash => {}
        Some(t) => {
            let message = format!("expected '-' after the start time, found `{}`", t.text);
            return Err(err(t.at, message, "write ranges as 08:30-17:00"));
        }
        None => {
            let message = "the start time has no end time";
            return Err(err(end, message, "write ranges as 08:30-17:00"));
        }
    }
    let finish = expect_time(toks.get(2), end, "end")?;
    if start == DAY_MINUTES {
        let message = "a range cannot start at 24:00";
        return Err(err(at, message, "write 00:00 instead"));
    }
    if start == finish {
        let message = "the time range is empty: it starts and ends at the same time";
        let help = "for a whole day write 00:00-24:00, or 24/7 for every day";
        return Err(err(at, message, help));
    }
    Ok(TimeRange { start, end: finish })
}

fn expect_time(tok: Option<&Token<'_>>, end: usize, which: &str) -> Result<u16, HoursError> {
    let help = "write times as HH:MM, e.g. 08:30-17:00";
    match tok {
        Some(Token {
            tok: Tok::Time(m), ..
        }) => Ok(*m),
        Some(t) => {
            let message = format!("expected a {which} time such as 08:30, found `{}`", t.text);
            Err(err(t.at, message, help))
        }
        None => Err(err(
            end,
            format!("expected a {which} time such as 08:30"),
            help,
        )),
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn days(spans: &[(Weekday, Weekday)]) -> DaySelector {
        DaySelector::Days(
            spans
                .iter()
                .map(|&(first, last)| DaySpan { first, last })
                .collect(),
        )
    }

    fn t(start: u16, end: u16) -> TimeRange {
        TimeRange { start, end }
    }

    fn parse_err(input: &str) -> HoursError {
        match parse(input) {
            Ok(hours) => panic!("{input:?} parsed as {hours:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn parses_structure() {
        use Weekday::*;
        let hours = parse("Mo-Fr 08:30-17:00; Sa 09:00-13:00; Su off; PH off").unwrap();
        assert_eq!(
            hours.rules,
            vec![
                Rule {
                    days: days(&[(Mo, Fr)]),
                    times: vec![t(510, 1020)]
                },
                Rule {
                    days: days(&[(Sa, Sa)]),
                    times: vec![t(540, 780)]
                },
                Rule {
                    days: days(&[(Su, Su)]),
                    times: vec![]
                },
                Rule {
                    days: DaySelector::PublicHolidays,
                    times: vec![]
                },
            ]
        );
        let every = parse("08:00-20:00").unwrap();
        assert_eq!(every.rules[0].days, DaySelector::EveryDay);
        let always = parse("24/7").unwrap();
        assert_eq!(always.rules[0].times, vec![TimeRange::FULL_DAY]);
        let night = parse("Fr-Mo 22:00-06:00").unwrap();
        assert_eq!(night.rules[0].days, days(&[(Fr, Mo)]));
        assert!(night.rules[0].times[0].is_overnight());
        let split = parse("Mo,We,Fr 08:00-12:00,13:00-17:00").unwrap();
        assert_eq!(split.rules[0].days, days(&[(Mo, Mo), (We, We), (Fr, Fr)]));
        assert_eq!(split.rules[0].times, vec![t(480, 720), t(780, 1020)]);
    }

    #[test]
    fn spaces_and_closed_are_accepted() {
        let a = parse("  Mo - Fr  08:30 - 17:00 ;Su closed ").unwrap();
        let b = parse("Mo-Fr 08:30-17:00; Su off").unwrap();
        assert_eq!(a, b);
        assert_eq!(
            parse("Mo, We 08:00-09:00 , 10:00-11:00")
                .unwrap()
                .to_string(),
            "Mo,We 08:00-09:00,10:00-11:00"
        );
    }

    const VALID: &[&str] = &[
        "24/7",
        "off",
        "08:00-20:00",
        "00:00-24:00",
        "Mo-Fr 08:30-17:00",
        "Mo-Fr 08:30-17:00; Sa 09:00-13:00; Su off; PH off",
        "Mo,We,Fr 08:00-12:00,13:00-17:00",
        "Mo-Fr,Su 09:00-10:00",
        "Fr-Mo 22:00-06:00",
        "Su-Mo 12:00-13:00",
        "Mo-Su 08:00-20:00",
        "Mo-Su off",
        "PH 09:00-12:00",
        "Sa 09:00-13:00; PH off; 24/7",
        "Mo 08:00-12:00,12:00-13:00,22:00-02:00",
        "Tu 23:59-24:00",
        "We 00:00-00:01",
        "Th,Sa,Mo 10:00-10:30",
        "Mo closed; Tu off",
    ];

    #[test]
    fn display_round_trips() {
        for input in VALID {
            let parsed = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            let canonical = parsed.to_string();
            assert_eq!(
                parse(&canonical),
                Ok(parsed.clone()),
                "{input} → {canonical}"
            );
            // The canonical form is a fixed point.
            assert_eq!(
                parse(&canonical).map(|h| h.to_string()),
                Ok(canonical.clone())
            );
        }
        let parsed: OpeningHours = "Mo-Fr 08:30-17:00; Su closed; 00:00-24:00".parse().unwrap();
        assert_eq!(parsed.to_string(), "Mo-Fr 08:30-17:00; Su off; 24/7");
    }

    #[test]
    fn all_prefixes_of_valid_strings_never_panic() {
        for input in VALID {
            for (i, _) in input.char_indices().chain([(input.len(), ' ')]) {
                check_no_panic(&input[..i]);
                check_no_panic(&input[i..]);
            }
        }
    }

    fn check_no_panic(input: &str) {
        if let Err(e) = parse(input) {
            assert!(e.offset <= input.len(), "{input:?}: {e:?}");
            assert!(input.is_char_boundary(e.offset), "{input:?}: {e:?}");
            assert!(!e.message.is_empty() && !e.help.is_empty(), "{input:?}");
        }
    }

    #[test]
    fn junk_is_rejected_without_panic() {
        let junk = [
            "",
            " ",
            ";",
            ";;",
            "Mo",
            "Mo-",
            "Mo-Fr",
            "Mo-Fr ",
            "-",
            ",",
            "Mo,",
            "Mo,,Tu 08:00-09:00",
            "08:00",
            "08:00-",
            "08:00-09",
            "8:00-9:00",
            "08.00-09.00",
            "0800-0900",
            "25:00-26:00",
            "08:60-09:00",
            "24:01-24:30",
            "24:00-06:00",
            "08:00-08:00",
            "Mo-Fr 08:00–17:00",
            "Mo–Fr 08:00-17:00",
            "mo-fr 08:00-17:00",
            "Monday 08:00-17:00",
            "пон-пет 08:00-17:00",
            "Mo-Fr 08:00-17:00;",
            "; Mo off",
            "Mo off; ; Tu off",
            "PH",
            "PH,Mo off",
            "Mo,PH off",
            "PH-Mo off",
            "24/7 Mo",
            "24/7;",
            "24/",
            "24/8",
            "Mo Fr off",
            "Mo-Mo off",
            "Mo-Fr,We off",
            "Mo,Mo off",
            "Mo off off",
            "Mo 08:00-12:00 off",
            "Mo off 08:00-12:00",
            "Mo 08:00-12:00 Tu 09:00-10:00",
            "Mo 12:00-13:00,08:00-09:00",
            "Mo 08:00-12:00,11:00-13:00",
            "Mo 22:00-02:00,03:00-04:00",
            "Mo 08:00-24:00,24:00-01:00",
            "Off",
            "CLOSED",
            "ph off",
            "SH off",
            "Mo 08:00-17:00 #",
            "Mo 08:00-17:00\u{0}",
            "Mo\u{301} off",
            "😀",
            "Mo 😀",
            "Mo-Fr 08:00-17:00 ; Sa 09:00-13:00 ; Su",
            "Su-",
            "-Su off",
            "Mo-Fr 08:00-17:00,",
            "Mo-Fr 08:00-17:00,,09:00",
            "123:00-13:00",
            "08:000-09:00",
            "08:0-09:00",
            "08:-09:00",
            "00:00-24:00-",
            "Mo 00:00 - - 01:00",
            "Mo:08:00-09:00",
            "Mo 08:00-09:00:00",
            "2",
            "24",
            "24/77",
            "Mo-Fr08:00-17:00x",
            "Mo-Fr 08:00-17:00 PH",
        ];
        for input in junk {
            assert!(parse(input).is_err(), "{input:?} should be rejected");
            check_no_panic(input);
        }
    }

    #[test]
    fn generated_junk_never_panics() {
        let alphabet = [
            "Mo", "Su", "PH", "off", "24/7", "08:00", "24:00", "-", ",", ";", " ", "x", "–", "9",
            ":", "/",
        ];
        // Every sequence of up to four pieces: 16^4 = 65536 inputs, cheap.
        let n = alphabet.len();
        for code in 0..n.pow(4) {
            let mut input = String::new();
            let mut c = code;
            for _ in 0..4 {
                input.push_str(alphabet[c % n]);
                c /= n;
            }
            check_no_panic(&input);
            if let Ok(hours) = parse(&input) {
                assert_eq!(parse(&hours.to_string()), Ok(hours), "{input:?}");
            }
        }
    }

    #[test]
    fn error_offsets_and_messages() {
        let e = parse_err("Mo-Fr 08:00–17:00");
        assert_eq!(e.offset, 11);
        assert!(
            e.message.contains("hyphen") && e.help.contains("'-'"),
            "{e:?}"
        );

        let e = parse_err("Mo-Fr 8:30-17:00");
        assert_eq!(e.offset, 6);
        assert!(e.help.contains("HH:MM"), "{e:?}");

        let e = parse_err("Monday 08:00-17:00");
        assert_eq!(e.offset, 0);
        assert!(e.help.contains("`Mo` instead of `Monday`"), "{e:?}");

        let e = parse_err("Mo-Fr 08:00-17:00; пон 09:00-10:00");
        assert_eq!(e.offset, "Mo-Fr 08:00-17:00; ".len());
        assert!(e.help.contains("Mo Tu We"), "{e:?}");

        let e = parse_err("Mo-Fr");
        assert_eq!(e.offset, 5);
        assert!(
            e.message.contains("no times") && e.help.contains("off"),
            "{e:?}"
        );

        let e = parse_err("Mo-Fr 08:00-17:00;");
        assert_eq!(e.offset, 17);
        assert!(e.help.contains("trailing"), "{e:?}");

        let e = parse_err("Mo 08:00-17:00 Tu 09:00-10:00");
        assert_eq!(e.offset, 15);
        assert!(e.help.contains("';'"), "{e:?}");

        let e = parse_err("Mo-Fr,We off");
        assert_eq!(e.offset, 6);
        assert!(e.message.contains("We is listed more than once"), "{e:?}");

        let e = parse_err("Mo 12:00-13:00,08:00-09:00");
        assert_eq!(e.offset, 15);
        assert!(e.message.contains("overlap"), "{e:?}");

        let e = parse_err("Mo 25:00-26:00");
        assert!(
            e.message.contains("25:00") && e.help.contains("24:00"),
            "{e:?}"
        );

        let e = parse_err("Mo,PH off");
        assert_eq!(e.offset, 3);
        assert!(e.message.contains("PH"), "{e:?}");

        let e = parse_err("");
        assert_eq!(e.offset, 0);
        assert!(e.message.contains("empty"), "{e:?}");

        let e = parse_err("Mo Fr off");
        assert_eq!(e.offset, 3);
        assert!(e.help.contains("Mo,Fr"), "{e:?}");

        let e = parse_err("Su OFF");
        assert!(e.help.contains("lower case"), "{e:?}");
    }

    #[test]
    fn error_display_mentions_offset_and_help() {
        let e = parse_err("Mo 08:00");
        let text = e.to_string();
        assert!(text.contains(&e.message) && text.contains(&e.help) && text.contains("byte"));
    }
}
