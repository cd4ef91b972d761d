//! Languages of the site's text: Fluent message files and transliteration.

pub mod messages;
pub mod translit;

pub use messages::SiteMessages;
