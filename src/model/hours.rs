//! Opening hours (placeholder until the full parser lands).

use serde::{Serialize, Serializer};

use super::lang::Lang;

/// Opening hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpeningHours {
    raw: String,
}

/// A problem in an opening_hours value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursError {
    /// Byte offset of the problem.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// Parses opening hours.
pub fn parse(input: &str) -> Result<OpeningHours, HoursError> {
    Ok(OpeningHours {
        raw: input.to_string(),
    })
}

impl OpeningHours {
    /// Lines in words.
    pub fn render(&self, _lang: Lang) -> Vec<String> {
        vec![self.raw.clone()]
    }
}

impl Serialize for OpeningHours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}
