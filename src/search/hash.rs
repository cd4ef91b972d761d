//! Content hashes for cache-busting file names: the same bytes always get the same name.

/// The first 10 hex digits of the 64-bit FNV-1a hash of `bytes`. Not cryptographic: it only
/// has to change when a file's content changes.
pub fn short_hash(bytes: &[u8]) -> String {
    short_hash_of_parts([bytes])
}

/// [`short_hash`] of the parts one after the other, without joining them first.
pub fn short_hash_of_parts<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in parts.into_iter().flatten() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:016x}", hash)[..10].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_content_dependent() {
        assert_eq!(short_hash(b""), "cbf29ce484");
        assert_ne!(short_hash(b"a"), short_hash(b"b"));
        assert_eq!(short_hash(b"abc").len(), 10);
        let parts: [&[u8]; 3] = [b"ab", b"", b"c"];
        assert_eq!(short_hash_of_parts(parts), short_hash(b"abc"));
    }
}
