//! Bulgarian company identifier (ЕИК / БУЛСТАТ): length and check-digit validation.
//!
//! A 9-digit EIK: the weighted sum of digits 1–8 with weights 1..8, mod 11, is the
//! 9th digit; if that remainder is 10, weights 3..10 are used instead, and if the
//! remainder is 10 again the check digit is 0.
//!
//! A 13-digit EIK (a branch): the first 9 digits must be a valid 9-digit EIK; digits
//! 9–12 with weights 2, 7, 3, 5, mod 11, give the 13th digit; on 10 the weights are
//! 4, 9, 5, 7; on 10 again the check digit is 0.
//!
//! This matches the Registry Agency's published structure as implemented by several
//! independent public validators, and their known-valid samples (see the tests).
//! The all-zero EIKs pass the checksum but are placeholders, so they are rejected.

/// Checks that `input` is a 9- or 13-digit EIK with correct check digits.
///
/// Surrounding spaces are ignored. The error says what is wrong and how to fix it.
pub fn check_eik(input: &str) -> Result<(), String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("EIK is empty; write the 9 or 13 digits".to_string());
    }
    if let Some(rest) = text.strip_prefix("BG") {
        return Err(format!(
            "write the EIK without the `BG` prefix (`BG…` is the VAT number): {}",
            rest.trim()
        ));
    }
    if let Some(c) = text.chars().find(|c| !c.is_ascii_digit()) {
        return Err(format!("EIK must contain only digits; found `{c}`"));
    }
    let digits: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
    if digits.len() != 9 && digits.len() != 13 {
        return Err(format!(
            "EIK must have 9 or 13 digits, found {}",
            digits.len()
        ));
    }
    if digits.iter().all(|&d| d == 0) {
        return Err("EIK of only zeros is a placeholder, not a real EIK".to_string());
    }
    check_digit_matches(digits[8], eik9_check_digit(&digits[..8]))?;
    if digits.len() == 13 {
        check_digit_matches(digits[12], eik13_check_digit(&digits[8..12]))?;
    }
    Ok(())
}

fn check_digit_matches(found: u8, expected: u8) -> Result<(), String> {
    if found == expected {
        Ok(())
    } else {
        Err(format!(
            "EIK checksum does not match: the last digit should be {expected}; check for a typo"
        ))
    }
}

/// The 9th digit of an EIK from its first 8 digits.
fn eik9_check_digit(first8: &[u8]) -> u8 {
    check_digit(
        first8,
        &[1, 2, 3, 4, 5, 6, 7, 8],
        &[3, 4, 5, 6, 7, 8, 9, 10],
    )
}

/// The 13th digit of an EIK from its digits 9 to 12.
fn eik13_check_digit(digits9_to_12: &[u8]) -> u8 {
    check_digit(digits9_to_12, &[2, 7, 3, 5], &[4, 9, 5, 7])
}

/// Weighted sum mod 11 with the first weights; on 10 the second weights; on 10 again 0.
fn check_digit(digits: &[u8], first: &[u8], second: &[u8]) -> u8 {
    let weighted = |weights: &[u8]| -> u8 {
        let sum: u32 = digits
            .iter()
            .zip(weights)
            .map(|(&d, &w)| u32::from(d) * u32::from(w))
            .sum();
        // A remainder mod 11 always fits in u8.
        (sum % 11) as u8
    };
    match weighted(first) {
        10 => match weighted(second) {
            10 => 0,
            r => r,
        },
        r => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    /// Appends the check digit to 8 digits, making a valid 9-digit EIK.
    fn make9(first8: &str) -> String {
        format!("{first8}{}", eik9_check_digit(&digits(first8)))
    }

    /// Appends digits 10–12 and the check digit to a valid 9-digit EIK.
    fn make13(eik9: &str, branch: &str) -> String {
        let body = format!("{eik9}{branch}");
        let check = eik13_check_digit(&digits(&body[8..12]));
        format!("{body}{check}")
    }

    #[test]
    fn published_samples_are_valid() {
        // Samples used by public EIK validators.
        for eik in ["020469788", "201355508", "201968703", "1213961230342"] {
            assert_eq!(check_eik(eik), Ok(()), "{eik}");
        }
        assert!(check_eik("123456789").is_err());
        assert!(check_eik("1234567891234").is_err());
    }

    #[test]
    fn constructed_eiks_are_valid_and_every_single_digit_change_fails() {
        let mut samples = Vec::new();
        for first8 in [
            "12345678", "00000001", "99999999", "83164179", "20123456", "17500000",
        ] {
            let eik9 = make9(first8);
            samples.push(eik9.clone());
            for branch in ["0001", "1234", "9999", "0000"] {
                samples.push(make13(&eik9, &branch[1..]));
            }
        }
        for eik in &samples {
            assert_eq!(check_eik(eik), Ok(()), "{eik}");
            let last = eik.len() - 1;
            for d in 0..10u8 {
                let mut changed = eik.clone().into_bytes();
                if changed[last] == b'0' + d {
                    continue;
                }
                changed[last] = b'0' + d;
                let changed = String::from_utf8(changed).unwrap();
                assert!(check_eik(&changed).is_err(), "{changed} should fail");
            }
        }
    }

    #[test]
    fn second_weights_and_zero_fallback() {
        // 00000001: 1·8 = 8 → 8.
        assert_eq!(eik9_check_digit(&digits("00000001")), 8);
        // 00002000: 2·5 = 10 → weights 3..10: 2·7 = 14 → 3.
        assert_eq!(eik9_check_digit(&digits("00002000")), 3);
        assert_eq!(check_eik("000020003"), Ok(()));
        // 20000090: 2·1 + 9·7 = 65 → 10; 2·3 + 9·9 = 87 → 10 again → 0.
        assert_eq!(eik9_check_digit(&digits("20000090")), 0);
        assert_eq!(check_eik("200000900"), Ok(()));
        // 13 digits: 0,0,0,2 → 10 → 2·7 = 14 → 3; 5,0,0,0 → 10 → 20 → 9; 4,0,0,7 → 10, 10 → 0.
        assert_eq!(eik13_check_digit(&[0, 0, 0, 2]), 3);
        assert_eq!(eik13_check_digit(&[5, 0, 0, 0]), 9);
        assert_eq!(eik13_check_digit(&[4, 0, 0, 7]), 0);
        // 000100004 (1·4 = 4) followed by 007 and the fallback check digit 0.
        assert_eq!(check_eik("0001000040070"), Ok(()));
        assert!(
            check_eik("0001000040077")
                .unwrap_err()
                .contains("should be 0")
        );
    }

    #[test]
    fn most_single_digit_typos_are_caught() {
        // A change in digits 1–8 always changes the first weighted sum (11 is prime), so it
        // is caught unless a remainder of 10 sends one side to the fallback weights.
        let eik = "020469788";
        let (mut caught, mut total) = (0, 0);
        for pos in 0..9 {
            for d in b'0'..=b'9' {
                let mut typo = eik.as_bytes().to_vec();
                if typo[pos] == d {
                    continue;
                }
                typo[pos] = d;
                total += 1;
                caught += usize::from(check_eik(&String::from_utf8_lossy(&typo)).is_err());
            }
        }
        assert!(caught * 100 >= total * 90, "caught {caught} of {total}");
    }

    #[test]
    fn thirteen_digits_need_a_valid_first_nine() {
        let good = make13(&make9("12345678"), "123");
        assert_eq!(check_eik(&good), Ok(()));
        // Break digit 9, then fix digit 13 so only the 9-digit check can catch it.
        let mut bad: Vec<u8> = digits(&good);
        bad[8] = (bad[8] + 1) % 10;
        bad[12] = eik13_check_digit(&bad[8..12]);
        let bad: String = bad.iter().map(|d| char::from(b'0' + d)).collect();
        let e = check_eik(&bad).unwrap_err();
        assert!(e.contains("checksum"), "{e}");
    }

    #[test]
    fn length_and_character_errors() {
        assert_eq!(
            check_eik("12345678"),
            Err("EIK must have 9 or 13 digits, found 8".to_string())
        );
        assert!(check_eik("1234567890").unwrap_err().contains("found 10"));
        assert!(check_eik("").unwrap_err().contains("empty"));
        assert!(check_eik("   ").unwrap_err().contains("empty"));
        assert!(
            check_eik("12345 6789")
                .unwrap_err()
                .contains("only digits; found ` `")
        );
        assert!(check_eik("12345678a").unwrap_err().contains("`a`"));
        assert!(
            check_eik("１２３４５６７８９")
                .unwrap_err()
                .contains("only digits")
        );
        assert!(
            check_eik("BG020469788")
                .unwrap_err()
                .contains("without the `BG` prefix")
        );
        assert_eq!(check_eik(" 020469788\n"), Ok(()));
    }

    #[test]
    fn checksum_error_names_the_expected_digit() {
        assert_eq!(
            check_eik("020469787"),
            Err(
                "EIK checksum does not match: the last digit should be 8; check for a typo"
                    .to_string()
            )
        );
        let e = check_eik("1213961230341").unwrap_err();
        assert!(e.contains("should be 2"), "{e}");
    }

    #[test]
    fn zero_placeholders() {
        for eik in ["000000000", "0000000000000"] {
            assert!(check_eik(eik).unwrap_err().contains("placeholder"), "{eik}");
        }
        // Leading zeros are fine in real EIKs.
        assert_eq!(check_eik("000000018"), Ok(()));
    }
}
