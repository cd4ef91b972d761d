//! Languages of the site's text: Fluent message files and bundles, transliteration.

pub mod messages;
pub mod strings;
pub mod translit;

pub use messages::SiteMessages;
pub use strings::Strings;
