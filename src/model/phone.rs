//! Bulgarian phone numbers: parse any common spelling, normalise to +359 form.
//!
//! Accepted spellings: digits with spaces, dashes, dots, slashes or parentheses
//! between them, starting with `+359`, `00359`, `359` or the trunk `0`
//! (`082 123 456`, `+359 (0)82 123-456`, `0888/123 456`). The national significant
//! number (NSN, what follows +359) has 8 or 9 digits and does not start with 0.
//!
//! Display grouping, after "+359 ":
//! - Sofia (8 digits starting with 2): `2 123 4567`;
//! - toll-free 800 and national-rate 700 numbers (8 digits): `800 12 345`;
//! - other 8-digit numbers: `82 123 456` (the area code is taken to be two digits;
//!   three- and four-digit area codes are not looked up);
//! - all 9-digit numbers: `888 123 456`. In the national numbering plan only mobile
//!   ranges (87, 88, 89, 98, 99x) have 9 digits, and this is how they are usually written.

/// A Bulgarian phone number, held as its national significant number.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone {
    nsn: String,
}

const EXAMPLE: &str = "e.g. 082 123 456 or +359 888 123 456";

/// Parses a Bulgarian phone number written in any common way.
///
/// The error message says what is wrong and how to write the number instead.
pub fn parse_phone(input: &str) -> Result<Phone, String> {
    let (plus, digits) = digits_of(input)?;
    let nsn = national_number(plus, &digits)?;
    check_nsn(nsn)?;
    Ok(Phone {
        nsn: nsn.to_string(),
    })
}

/// Returns whether the number started with '+', and its digits without separators.
fn digits_of(input: &str) -> Result<(bool, String), String> {
    let text = input.trim();
    if text.is_empty() {
        return Err(format!(
            "the phone number is empty; write it with the area code, {EXAMPLE}"
        ));
    }
    let plus = text.starts_with('+');
    let body = text.strip_prefix('+').unwrap_or(text);
    let mut digits = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '/' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            c if c.is_alphabetic() => {
                return Err(format!(
                    "the phone number contains the letter `{c}`; write only digits, {EXAMPLE}, \
                     and put extensions or notes in another field"
                ));
            }
            ',' | ';' => {
                return Err(format!(
                    "the phone number contains `{c}`; write one number per field"
                ));
            }
            '+' => return Err("`+` may only stand at the start, as in +359".to_string()),
            c => {
                return Err(format!(
                    "the phone number contains `{c}`; use only digits and spaces, {EXAMPLE}"
                ));
            }
        }
    }
    if digits.is_empty() {
        return Err(format!("the phone number has no digits; {EXAMPLE}"));
    }
    Ok((plus, digits))
}

/// Strips the country code or trunk prefix, returning the national significant number.
fn national_number(plus: bool, digits: &str) -> Result<&str, String> {
    let international = if plus {
        Some(digits)
    } else {
        digits.strip_prefix("00")
    };
    if let Some(rest) = international {
        return match rest.strip_prefix("359") {
            Some(nsn) => Ok(strip_bracketed_trunk(nsn)),
            None => Err(format!(
                "only Bulgarian numbers (+359) are supported; this one starts with `+{}`",
                rest.chars().take(3).collect::<String>()
            )),
        };
    }
    if let Some(nsn) = digits.strip_prefix('0') {
        return Ok(nsn);
    }
    if let Some(nsn) = digits.strip_prefix("359") {
        let nsn = strip_bracketed_trunk(nsn);
        if (8..=9).contains(&nsn.len()) && !nsn.starts_with('0') {
            return Ok(nsn);
        }
    }
    Err(missing_prefix(digits))
}

/// Drops a trunk 0 written after the country code, as in "+359 (0)82 123 456".
fn strip_bracketed_trunk(nsn: &str) -> &str {
    match nsn.strip_prefix('0') {
        Some(rest) if (8..=9).contains(&rest.len()) => rest,
        _ => nsn,
    }
}

fn missing_prefix(digits: &str) -> String {
    if digits.starts_with('1') && digits.len() <= 6 {
        format!(
            "`{digits}` looks like a short number (such as 112 or 116 111); \
             only full numbers with an area code are supported, {EXAMPLE}"
        )
    } else if digits.len() >= 8 {
        format!("the number needs a leading 0 or +359; {EXAMPLE}")
    } else {
        format!("the number has no area code; write it with the area code, {EXAMPLE}")
    }
}

/// Checks the length and first digit of a national significant number.
fn check_nsn(nsn: &str) -> Result<(), String> {
    let n = nsn.len();
    if n < 8 {
        return Err(format!(
            "the number has {n} digits after the leading 0 or +359, but a Bulgarian number \
             has 8 or 9; check for a missing digit, {EXAMPLE}"
        ));
    }
    if n > 9 {
        return Err(format!(
            "the number has {n} digits after the leading 0 or +359, but a Bulgarian number \
             has 8 or 9; check for an extra digit, and write one number per field"
        ));
    }
    if nsn.starts_with('0') {
        return Err(format!(
            "the number has one 0 too many at the start; {EXAMPLE}"
        ));
    }
    Ok(())
}

impl Phone {
    /// The national significant number, e.g. "82123456".
    pub fn nsn(&self) -> &str {
        &self.nsn
    }

    /// E.164 form without spaces: "+35982123456".
    pub fn e164(&self) -> String {
        format!("+359{}", self.nsn)
    }

    /// A `tel:` URI for links: "tel:+35982123456".
    pub fn tel_uri(&self) -> String {
        format!("tel:{}", self.e164())
    }

    /// True for mobile ranges: 9 digits starting with 87, 88, 89, 98 or 99.
    pub fn is_mobile(&self) -> bool {
        self.nsn.len() == 9
            && ["87", "88", "89", "98", "99"]
                .iter()
                .any(|p| self.nsn.starts_with(p))
    }

    /// International form grouped for reading: "+359 82 123 456", "+359 888 123 456".
    pub fn display(&self) -> String {
        let groups: &[usize] = match self.nsn.len() {
            9 => &[3, 3, 3],
            _ if self.nsn.starts_with('2') => &[1, 3, 4],
            _ if self.nsn.starts_with("800") || self.nsn.starts_with("700") => &[3, 2, 3],
            _ => &[2, 3, 3],
        };
        let mut out = String::from("+359");
        let mut rest = self.nsn.as_str();
        for &size in groups {
            let (group, tail) = rest.split_at(size.min(rest.len()));
            out.push(' ');
            out.push_str(group);
            rest = tail;
        }
        if !rest.is_empty() {
            out.push(' ');
            out.push_str(rest);
        }
        out
    }
}

impl std::fmt::Display for Phone {
    /// Same as [`Phone::display`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display())
    }
}

impl serde::Serialize for Phone {
    /// Serialised in E.164 form, e.g. `+35982123456`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.e164())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nsn(input: &str) -> String {
        match parse_phone(input) {
            Ok(p) => p.nsn().to_string(),
            Err(e) => panic!("{input:?} rejected: {e}"),
        }
    }

    fn rejected(input: &str) -> String {
        match parse_phone(input) {
            Ok(p) => panic!("{input:?} accepted as {p:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn spellings_of_one_number() {
        let spellings = [
            "082 123 456",
            "082/123 456",
            "(082) 123-456",
            "082.123.456",
            "082123456",
            "+359 82 123 456",
            "+35982123456",
            "+359 (0)82 123 456",
            "00359 82 123456",
            "00 359 82 123 456",
            "0035982123456",
            "359 82 123 456",
            "35982123456",
            "  082 123 456\u{a0}",
            "082\u{a0}123\u{a0}456",
        ];
        for s in spellings {
            assert_eq!(nsn(s), "82123456", "{s:?}");
        }
    }

    #[test]
    fn sofia_mobile_and_others() {
        assert_eq!(nsn("02 123 4567"), "21234567");
        assert_eq!(nsn("0888 123 456"), "888123456");
        assert_eq!(nsn("+359 888 123 456"), "888123456");
        assert_eq!(nsn("359888123456"), "888123456");
        assert_eq!(nsn("+359 (0) 888 123 456"), "888123456");
        assert_eq!(nsn("0800 12 345"), "80012345");
    }

    #[test]
    fn output_forms() {
        let p = parse_phone("082 123 456").unwrap();
        assert_eq!(p.e164(), "+35982123456");
        assert_eq!(p.tel_uri(), "tel:+35982123456");
        assert_eq!(p.display(), "+359 82 123 456");
        assert_eq!(p.to_string(), "+359 82 123 456");
        assert!(!p.is_mobile());
    }

    #[test]
    fn display_grouping() {
        let cases = [
            ("02 123 4567", "+359 2 123 4567"),
            ("0888 123 456", "+359 888 123 456"),
            ("0878 123 456", "+359 878 123 456"),
            ("0899 123 456", "+359 899 123 456"),
            ("0988 123 456", "+359 988 123 456"),
            ("0999 123 456", "+359 999 123 456"),
            ("082 123 456", "+359 82 123 456"),
            ("032 123 456", "+359 32 123 456"),
            ("0800 12 345", "+359 800 12 345"),
            ("0700 12 345", "+359 700 12 345"),
            ("0431 23 456", "+359 43 123 456"),
            ("0321 234 567", "+359 321 234 567"),
        ];
        for (input, shown) in cases {
            let p = parse_phone(input).unwrap();
            assert_eq!(p.display(), shown, "{input}");
            assert_eq!(p.e164().replace(' ', ""), shown.replace(' ', ""));
        }
    }

    #[test]
    fn mobile_ranges() {
        for m in [
            "0878 123 456",
            "0888 123 456",
            "0899 123 456",
            "0988 123 456",
            "0996 123 456",
        ] {
            assert!(parse_phone(m).unwrap().is_mobile(), "{m}");
        }
        for l in ["02 123 4567", "082 123 456", "0321 234 567", "0800 12 345"] {
            assert!(!parse_phone(l).unwrap().is_mobile(), "{l}");
        }
    }

    #[test]
    fn rejects_missing_prefix() {
        let e = rejected("123456");
        assert!(e.contains("area code") && e.contains("082 123 456"), "{e}");
        let e = rejected("888123456");
        assert!(e.contains("leading 0 or +359"), "{e}");
        let e = rejected("112");
        assert!(e.contains("short number"), "{e}");
        let e = rejected("116 111");
        assert!(e.contains("short number"), "{e}");
    }

    #[test]
    fn rejects_foreign_numbers() {
        for input in [
            "+44 20 7946 0958",
            "0044 20 7946 0958",
            "+1 555 123 4567",
            "+40 21 123 4567",
        ] {
            let e = rejected(input);
            assert!(e.contains("only Bulgarian numbers"), "{input}: {e}");
        }
        assert!(rejected("+44 20").contains("`+442`"));
    }

    #[test]
    fn rejects_letters_and_other_characters() {
        let e = rejected("082 123 456 вътр. 12");
        assert!(
            e.contains("letter `в`") && e.contains("another field"),
            "{e}"
        );
        let e = rejected("0888 ABC DEF");
        assert!(e.contains("letter `A`"), "{e}");
        let e = rejected("082 123 456, 0888 123 456");
        assert!(e.contains("one number per field"), "{e}");
        let e = rejected("082 123 456 #");
        assert!(e.contains("`#`"), "{e}");
        let e = rejected("082+123456");
        assert!(e.contains("`+`"), "{e}");
        let e = rejected("++359 82 123 456");
        assert!(e.contains("`+`"), "{e}");
    }

    #[test]
    fn rejects_wrong_lengths() {
        let e = rejected("082 123 45");
        assert!(e.contains("7 digits") && e.contains("missing digit"), "{e}");
        let e = rejected("0888 123 4567");
        assert!(e.contains("10 digits") && e.contains("extra digit"), "{e}");
        let e = rejected("+359 82 12");
        assert!(e.contains("4 digits"), "{e}");
        let e = rejected("00 82 123 456");
        assert!(e.contains("only Bulgarian"), "{e}");
        let e = rejected("0082123456");
        assert!(e.contains("only Bulgarian"), "{e}");
        let e = rejected("+359 00 82 123 456");
        assert!(e.contains("0 too many"), "{e}");
        let e = rejected("082123456082123456");
        assert!(e.contains("one number per field"), "{e}");
    }

    #[test]
    fn rejects_empty_and_separator_only() {
        assert!(rejected("").contains("empty"));
        assert!(rejected("   ").contains("empty"));
        assert!(rejected("+").contains("no digits"));
        assert!(rejected("( ) - /").contains("no digits"));
    }

    #[test]
    fn junk_never_panics() {
        let junk = [
            "+", "0", "00", "000", "+359", "00359", "359", "3590", "+3590", "0 (0)", "٣٥٩", "😀",
            "\u{0}",
        ];
        for input in junk {
            assert!(parse_phone(input).is_err(), "{input:?}");
        }
        let valid = "+359 (0)888 123-456";
        for (i, _) in valid.char_indices() {
            let _ = parse_phone(&valid[..i]);
            let _ = parse_phone(&valid[i..]);
        }
    }
}
