//! ЕИК rules (placeholder until the full module lands).

/// Checks an EIK.
pub fn check_eik(input: &str) -> Result<(), String> {
    if matches!(input.len(), 9 | 13) && input.bytes().all(|b| b.is_ascii_digit()) { Ok(()) } else { Err("EIK must have 9 or 13 digits".into()) }
}
