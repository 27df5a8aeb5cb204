//! Maps in a session refuse a key given twice. serde_json hands a map every entry and a
//! `BTreeMap` keeps the last of two equal keys silently (two `"waarom"` observations: the
//! first is lost at the next save); struct fields already refuse a repeat ("duplicate
//! field"). Checked while parsing, so loading costs nothing extra.

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// The start of the message a repeated key gives; `store::load` says it in words.
pub const DUPLICATE_KEY: &str = "duplicate key `";

/// `#[serde(deserialize_with = "unique_keys::map")]` for a `BTreeMap` field.
pub fn map<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Debug,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for Unique<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Debug,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = access.next_key::<K>()? {
                if out.contains_key(&key) {
                    // Said right after the key, so the position points at it.
                    let shown = format!("{key:?}");
                    let shown = shown.trim_matches('"');
                    return Err(A::Error::custom(format_args!("{DUPLICATE_KEY}{shown}`")));
                }
                let value = access.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    d.deserialize_map(Unique(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Doc {
        #[serde(deserialize_with = "map")]
        m: BTreeMap<String, u8>,
    }

    #[test]
    fn a_key_twice_is_refused_and_once_each_is_read() {
        let e = serde_json::from_str::<Doc>("{\"m\": {\"a\": 1,\n \"a\": 2}}").unwrap_err();
        assert_eq!(e.to_string(), "duplicate key `a` at line 2 column 4");
        let d: Doc = serde_json::from_str("{\"m\": {\"a\": 1, \"b\": 2}}").unwrap();
        assert_eq!(d.m.len(), 2);
    }
}
