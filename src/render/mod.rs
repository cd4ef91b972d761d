//! Rendering: the typed site → HTML pages, in every language.

pub mod urls;
