//! Stable HSDS identifiers: UUID version 5 from a fixed namespace and a readable key.
//!
//! HSDS 3.0 wants every `id` to be a UUID (`"format": "uuid"`). Ours are file stems, so each
//! record's id is `uuid5(NAMESPACE, key)` where the key names the record by our ids, e.g.
//! `service/dneven-tsentar`, `service/dneven-tsentar/location/1`,
//! `term/target_groups/children`. The same content gives the same ids in every build and in
//! both languages' files, and anyone can recompute an id from the key.

use std::sync::LazyLock;

use uuid::Uuid;

/// The namespace of every kartoteka HSDS id: `uuid5(NAMESPACE_URL, "urn:kartoteka:hsds")`,
/// hashed once (the export makes several ids per service).
static NAMESPACE: LazyLock<Uuid> =
    LazyLock::new(|| Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:kartoteka:hsds"));

/// The UUID of the record named by `key`, in the hyphenated lowercase form.
pub fn uuid(key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, key.as_bytes())
        .hyphenated()
        .to_string()
}

/// A record's key, built from our ids: `Key::new("service", "x").child("location", 1)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key(String);

impl Key {
    /// The key of a top-level record: `service/<id>`.
    pub fn new(kind: &str, id: &str) -> Key {
        Key(format!("{kind}/{id}"))
    }

    /// The key of a part of this record: `service/<id>/location/1`.
    pub fn child(&self, part: &str, name: impl std::fmt::Display) -> Key {
        Key(format!("{}/{part}/{name}", self.0))
    }

    /// The HSDS id of the record.
    pub fn uuid(&self) -> String {
        uuid(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_5_and_stable() {
        let key = Key::new("service", "dneven-tsentar");
        let id = key.uuid();
        assert_eq!(id, key.uuid());
        let parsed = Uuid::parse_str(&id).expect("a UUID");
        assert_eq!(parsed.get_version_num(), 5);
        assert_ne!(id, Key::new("provider", "dneven-tsentar").uuid());
        // Pinned: any change of the scheme would change every published id. The same value
        // comes from Python's uuid.uuid5(uuid.uuid5(NAMESPACE_URL, "urn:kartoteka:hsds"), key).
        assert_eq!(id, "698812a7-91f2-50a4-9822-880fe455e44c");
        assert_eq!(
            key.child("location", 1),
            Key("service/dneven-tsentar/location/1".into())
        );
    }
}
