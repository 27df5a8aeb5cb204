//! Stable ids for the session and every item in it. Interview files merged later
//! and links between items (evidence, intentions) rely on these never changing.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    /// A fresh id, unique in this process and, with overwhelming probability, among all
    /// ids ever made (a UUID version 4 in form).
    ///
    /// Only the first id of a process asks the operating system for randomness; the
    /// rest count on from there. Every object loaded from a file gets a fresh id first
    /// (`#[serde(default)]` makes one before reading the id from the file), so a
    /// system call per id cost a sixth of loading 100 000 notes.
    pub fn new() -> Self {
        static KEY: OnceLock<(u64, u64)> = OnceLock::new();
        static COUNT: AtomicU64 = AtomicU64::new(0);
        let &(random, offset) = KEY.get_or_init(|| {
            let b = uuid::Uuid::new_v4().as_u64_pair();
            (b.0, b.1)
        });
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        Id(format_v4(random, mix(offset.wrapping_add(n))))
    }
}

/// splitmix64's finaliser: a bijection on u64, so distinct counts give distinct ids.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// All 64 bits of `unique` and 58 random bits of `random`, with the version (4) and
/// variant bits of a UUID, as `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.
fn format_v4(random: u64, unique: u64) -> String {
    let u = unique.to_be_bytes();
    let r = random.to_be_bytes();
    let bytes = [
        u[0],
        u[1],
        u[2],
        u[3],
        u[4],
        u[5],
        0x40 | (r[0] & 0x0f),
        u[6],
        0x80 | (r[1] & 0x3f),
        u[7],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
    ];
    uuid::Uuid::from_bytes(bytes).to_string()
}

impl Default for Id {
    fn default() -> Self {
        Id::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn fresh_ids_are_distinct_version_4_uuids() {
        let ids: Vec<Id> = (0..10_000).map(|_| Id::new()).collect();
        let distinct: HashSet<&str> = ids.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(distinct.len(), ids.len());
        for id in ids.iter().take(100) {
            let u = uuid::Uuid::parse_str(&id.0).expect("a UUID");
            assert_eq!(u.get_version_num(), 4, "{id}");
            assert_eq!(u.get_variant(), uuid::Variant::RFC4122, "{id}");
        }
        // Not a visible count: neighbours differ in many places.
        let (a, b) = (&ids[0].0, &ids[1].0);
        let differ = a.chars().zip(b.chars()).filter(|(x, y)| x != y).count();
        assert!(differ > 8, "{a} {b}");
    }

    #[test]
    fn an_id_read_from_a_file_is_kept() {
        let id: Id = serde_json::from_str("\"eigen-id-1\"").unwrap();
        assert_eq!(id.0, "eigen-id-1");
    }
}
