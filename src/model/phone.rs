//! Phone numbers (placeholder until the full parser lands).

use serde::{Serialize, Serializer};

/// A phone number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    nsn: String,
}

/// Parses a phone number.
pub fn parse_phone(input: &str) -> Result<Phone, String> {
    let digits: String = input.chars().filter(|c| c.is_ascii_digit()).collect();
    Ok(Phone { nsn: digits })
}

impl Phone {
    /// +359 form.
    pub fn e164(&self) -> String {
        format!("+359{}", self.nsn)
    }
}

impl Serialize for Phone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.e164())
    }
}
