//! Duplicate keys are refused. serde_json keeps the last of two equal keys silently (two
//! `"waarom"` observations: the first is lost at the next save); this pass reads the
//! text once, without building anything, and stops at the first key that appears twice
//! in the same object, with its line and column.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// Walks any JSON value; objects are checked for repeated keys, at every depth.
struct Checked;

impl<'de> DeserializeSeed<'de> for Checked {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// A key as written: borrowed from the text unless it holds escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

impl<'de> Visitor<'de> for Checked {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Checked)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Most objects are small (a struct's fields); a list is searched while short, a
        // set once it grows (the maps keyed by id).
        let mut seen: Vec<Cow<'de, str>> = Vec::new();
        let mut set: Option<HashSet<Cow<'de, str>>> = None;
        while let Some(Key(key)) = map.next_key()? {
            let dup = match &set {
                Some(set) => set.contains(&key),
                None => seen.contains(&key),
            };
            if dup {
                return Err(de::Error::custom(format_args!("{PREFIX}{key}`")));
            }
            match &mut set {
                Some(set) => {
                    set.insert(key);
                }
                None => {
                    seen.push(key);
                    if seen.len() > 16 {
                        set = Some(seen.drain(..).collect());
                    }
                }
            }
            map.next_value_seed(Checked)?;
        }
        Ok(())
    }
}

const PREFIX: &str = "duplicate key `";

/// A key that appears twice in one object: the key, and the line and column just after
/// its second appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub key: String,
    pub line: usize,
    pub column: usize,
}

/// The first repeated key in `text`, if any. Other problems (syntax, nesting) are left
/// to the real parse, which says them as ever.
pub fn first_duplicate(text: &str) -> Option<Duplicate> {
    let mut de = serde_json::Deserializer::from_str(text);
    let e = Checked.deserialize(&mut de).err()?;
    let msg = e.to_string();
    let rest = msg.strip_prefix(PREFIX)?;
    let key = rest.rsplit_once("` at line ").map_or(rest, |(k, _)| k);
    Some(Duplicate {
        key: key.to_string(),
        line: e.line(),
        column: e.column(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_found_with_its_position() {
        let text = "{\n  \"observaties\": {\n    \"waarom\": \"a\",\n    \"waarom\": \"b\"\n  }\n}";
        assert_eq!(
            first_duplicate(text),
            Some(Duplicate {
                key: "waarom".into(),
                line: 4,
                column: 12
            })
        );
    }

    #[test]
    fn keys_may_repeat_in_different_objects_and_escapes_count_as_their_text() {
        assert_eq!(first_duplicate(r#"[{"a":1},{"a":2}]"#), None);
        assert_eq!(first_duplicate(r#"{"a":{"a":1}}"#), None);
        assert!(first_duplicate(r#"{"a":1,"\u0061":2}"#).is_some());
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        let text = format!("{{{},\"k3\":0}}", many.join(","));
        assert_eq!(first_duplicate(&text).map(|d| d.key), Some("k3".into()));
        assert_eq!(first_duplicate("{kapot"), None);
    }
}
