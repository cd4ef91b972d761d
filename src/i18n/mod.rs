//! The words of the interface in every language: Fluent bundles of the theme's strings with
//! the site's overrides.

pub mod strings;

pub use strings::Strings;
