//! Typed ids: a service id cannot be passed where a provider id is expected.
//!
//! An id is a file stem (`content/services/<id>.md`) or a vocabulary entry: lowercase ASCII
//! letters, digits and `-`. It is the stable key for references and URLs in every language.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// An id of a thing of kind `K` (a content kind or a vocabulary).
pub struct Id<K> {
    name: Arc<str>,
    kind: PhantomData<fn() -> K>,
}

impl<K> Id<K> {
    /// Wraps a name that [`check_id`] accepted.
    pub fn new(name: &str) -> Self {
        Id {
            name: Arc::from(name),
            kind: PhantomData,
        }
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.name
    }
}

impl<K> Clone for Id<K> {
    fn clone(&self) -> Self {
        Id {
            name: Arc::clone(&self.name),
            kind: PhantomData,
        }
    }
}

impl<K> PartialEq for Id<K> {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl<K> Eq for Id<K> {}

impl<K> PartialOrd for Id<K> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<K> Ord for Id<K> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.name.cmp(&other.name)
    }
}

impl<K> Hash for Id<K> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl<K> fmt::Debug for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.name)
    }
}

impl<K> fmt::Display for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl<K> Serialize for Id<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

impl<K> std::borrow::Borrow<str> for Id<K> {
    fn borrow(&self) -> &str {
        &self.name
    }
}

/// Why a name is not a valid id, or `None` when it is one.
pub fn check_id(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("an id cannot be empty");
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Some("an id may hold only lowercase Latin letters a-z, digits and `-`");
    }
    if name.starts_with('-') || name.ends_with('-') || name.contains("--") {
        return Some("an id cannot start or end with `-` or hold `--`");
    }
    None
}

/// Suggests a valid id for an invalid name: transliterated, lowercased, other characters as `-`.
pub fn suggest_id(name: &str) -> String {
    super::translit::slugify(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_contract_pattern() {
        assert_eq!(check_id("dneven-tsentar-2"), None);
        assert!(check_id("Dneven").is_some());
        assert!(check_id("дневен").is_some());
        assert!(check_id("a_b").is_some());
        assert!(check_id("").is_some());
        assert!(check_id("-a").is_some());
        assert!(check_id("a--b").is_some());
    }
}
