//! Duplicate keys are refused. serde_json keeps the last of two equal keys silently (two
//! `"waarom"` observations: the first is lost at the next save). This scan runs on text
//! that already parsed as JSON: it walks the bytes once, jumping over string contents,
//! and stops at the first key that appears twice in the same object, at any depth.

use std::borrow::Cow;
use std::collections::HashSet;

/// A key that appears twice in one object: the key, and the line and column (in bytes,
/// as serde_json counts them) of the closing quote of its second appearance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub key: String,
    pub line: usize,
    pub column: usize,
}

/// The keys of one object so far: a list while short (a struct's fields), a set once it
/// grows (the maps keyed by id).
#[derive(Default)]
struct Keys<'a> {
    few: Vec<Cow<'a, str>>,
    many: Option<HashSet<Cow<'a, str>>>,
}

impl<'a> Keys<'a> {
    /// False when `key` was there already.
    fn insert(&mut self, key: Cow<'a, str>) -> bool {
        if let Some(set) = &mut self.many {
            return set.insert(key);
        }
        if self.few.contains(&key) {
            return false;
        }
        self.few.push(key);
        if self.few.len() > 16 {
            self.many = Some(self.few.drain(..).collect());
        }
        true
    }
}

enum Frame<'a> {
    Object { keys: Keys<'a>, expect_key: bool },
    Array,
}

/// The index just past the string that starts (with its quote) at `start`.
fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        let found = at + memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[found] == b'"' {
            return Some(found + 1);
        }
        at = found + 2; // a backslash and the character it escapes
    }
}

/// The first repeated key in `text`, which must be valid JSON (the caller parsed it).
pub fn first_duplicate(text: &str) -> Option<Duplicate> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let end = skip_string(bytes, at)?;
                if let Some(Frame::Object { keys, expect_key }) = stack.last_mut()
                    && *expect_key
                {
                    *expect_key = false;
                    let raw = &text[at + 1..end - 1];
                    // Escapes count as what they stand for: "\u0061" is "a".
                    let key = if raw.contains('\\') {
                        Cow::Owned(serde_json::from_str::<String>(&text[at..end]).ok()?)
                    } else {
                        Cow::Borrowed(raw)
                    };
                    if !keys.insert(key.clone()) {
                        return Some(position(text, end - 1, key.into_owned()));
                    }
                }
                at = end;
                continue;
            }
            b'{' => stack.push(Frame::Object {
                keys: Keys::default(),
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

fn position(text: &str, at: usize, key: String) -> Duplicate {
    let before = &text.as_bytes()[..at];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    Duplicate {
        key,
        line: memchr::memchr_iter(b'\n', before).count() + 1,
        column: at - line_start + 1,
    }
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
        assert_eq!(first_duplicate(r#"{"a":"a","b":["a","a"]}"#), None);
        assert_eq!(
            first_duplicate(r#"{"a":"x\"y\\","b":{"c":1},"\"":2}"#),
            None
        );
        assert!(first_duplicate(r#"{"a":1,"\u0061":2}"#).is_some());
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        let text = format!("{{{},\"k3\":0}}", many.join(","));
        assert_eq!(first_duplicate(&text).map(|d| d.key), Some("k3".into()));
    }

    /// The scan agrees with serde_json on what it parsed: every object of the example
    /// session, its keys once each.
    #[test]
    fn the_example_session_has_no_duplicate() {
        assert_eq!(first_duplicate(crate::tui::EXAMPLE), None);
    }
}
