//! Loading session files: a size cap before parsing, positions for every problem, and
//! migrations of older versions. Loading never writes; a bad file is left exactly as it is.

use crate::model::{SCHEMA_VERSION, Session, migrate};
use serde::Deserialize;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before parsing, and saves that would be larger are
/// refused before writing (one limit, so volgspot never writes what it cannot open). The
/// "large" benchmark session (10 000 notes) is 5.9 MB; 50 000 such notes are about 30 MB
/// (see the test `fifty_thousand_notes_fit_twice_over` in `store`), so this holds them
/// with room to spare.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    Missing,
    /// Nothing but white space (e.g. a file truncated to zero by a crash elsewhere).
    Empty,
    Directory,
    Symlink,
    TooLarge {
        size: u64,
        cap: u64,
    },
    Io(String),
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        msg: String,
    },
    Field {
        field: String,
        line: usize,
        column: usize,
        msg: String,
    },
    FutureVersion {
        found: u32,
        supported: u32,
    },
    /// A key twice in one object: serde would keep the second silently.
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: LoadProblem,
}

/// Reads a file, refusing directories, symlinks and anything over the cap.
pub fn read_capped(path: &Path) -> Result<String, LoadProblem> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(LoadProblem::Missing),
        Err(e) => return Err(LoadProblem::Io(e.to_string())),
    };
    if meta.file_type().is_symlink() {
        return Err(LoadProblem::Symlink);
    }
    if meta.is_dir() {
        return Err(LoadProblem::Directory);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadProblem::TooLarge {
            size: meta.len(),
            cap: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| {
            // What the file looked like when read: a later save checks it is still this
            // one (see `conflict`).
            let seen = f.metadata()?;
            f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
            super::conflict::remember(path, &seen);
            Ok(())
        })
        .map_err(|e| LoadProblem::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadProblem::TooLarge {
            size: bytes.len() as u64,
            cap: MAX_FILE_BYTES,
        });
    }
    // A byte-order mark (Windows editors write one) is not part of the JSON.
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        LoadProblem::NotUtf8 { line, column }
    })
}

/// serde_json appends " at line X column Y"; we show the position separately.
fn bare_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn syntax(e: &serde_json::Error) -> LoadProblem {
    LoadProblem::Syntax {
        line: e.line(),
        column: e.column(),
        msg: bare_message(e),
    }
}

#[derive(Deserialize)]
struct VersionPeek {
    schema_version: Option<u32>,
}

/// A document that says which schema version it was written in.
pub trait Versioned {
    fn schema_version(&self) -> u32;
}

impl Versioned for Session {
    fn schema_version(&self) -> u32 {
        self.schema_version
    }
}

impl Versioned for crate::model::interview_file::InterviewFile {
    fn schema_version(&self) -> u32 {
        self.schema_version
    }
}

/// A repeated struct field ("duplicate field", serde) or map key ("duplicate key",
/// [`crate::model::unique_keys`]), said as the duplicate key it is.
fn duplicate(msg: &str, line: usize, column: usize) -> Option<LoadProblem> {
    let rest = msg
        .strip_prefix(crate::model::unique_keys::DUPLICATE_KEY)
        .or_else(|| msg.strip_prefix("duplicate field `"))?;
    Some(LoadProblem::DuplicateKey {
        key: rest.strip_suffix('`').unwrap_or(rest).to_string(),
        line,
        column,
    })
}

/// Refused like any parse error: serde_json would keep the last of two equal keys.
/// `text` must be valid JSON (the version peek above parsed it).
fn no_duplicate_keys(text: &str) -> Result<(), LoadProblem> {
    match super::dupkeys::first_duplicate(text) {
        Some(d) => Err(LoadProblem::DuplicateKey {
            key: d.key,
            line: d.line,
            column: d.column,
        }),
        None => Ok(()),
    }
}

/// Parses a document of any kind with a `schema_version`, migrating older versions.
/// `migrate` brings a raw JSON value from a given version to `current`.
/// Returns the document and whether it was migrated from an older version.
pub fn parse_versioned<T: serde::de::DeserializeOwned + Versioned>(
    text: &str,
    current: u32,
    migrate: impl Fn(&mut serde_json::Value, u32),
) -> Result<(T, bool), LoadProblem> {
    if text.trim().is_empty() {
        return Err(LoadProblem::Empty);
    }

    // Fast path: a current file parses straight into the document, in one pass (peeking
    // at the version first meant parsing a 5 MB session twice). Anything else (older,
    // newer, broken) takes the careful path below, which gives the same answers as ever.
    if let Ok(doc) = serde_json::from_str::<T>(text)
        && doc.schema_version() == current
    {
        return Ok((doc, false));
    }
    let peek: VersionPeek = serde_json::from_str(text).map_err(|e| {
        duplicate(&bare_message(&e), e.line(), e.column()).unwrap_or_else(|| syntax(&e))
    })?;
    let version = peek.schema_version.unwrap_or(0);
    if version > current {
        return Err(LoadProblem::FutureVersion {
            found: version,
            supported: current,
        });
    }
    if version == current {
        // The fast path above failed: parse again, this time to find the field path.
        let de = &mut serde_json::Deserializer::from_str(text);
        let doc = serde_path_to_error::deserialize(de).map_err(|e| {
            let (line, column, msg) = (
                e.inner().line(),
                e.inner().column(),
                bare_message(e.inner()),
            );
            duplicate(&msg, line, column).unwrap_or_else(|| LoadProblem::Field {
                field: e.path().to_string(),
                line,
                column,
                msg,
            })
        })?;
        return Ok((doc, false));
    }
    // An older version goes through a JSON value, which keeps the last of two equal keys
    // without a word: look for one in the text first.
    no_duplicate_keys(text)?;
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| syntax(&e))?;
    migrate(&mut value, version);
    let doc = serde_path_to_error::deserialize(value).map_err(|e| LoadProblem::Field {
        field: e.path().to_string(),
        line: 0,
        column: 0,
        msg: bare_message(e.inner()),
    })?;
    Ok((doc, true))
}

/// Parses session JSON text (the fuzzing entry point: it must never panic).
/// Returns the session and whether it was migrated from an older version.
pub fn parse_session(text: &str) -> Result<(Session, bool), LoadProblem> {
    parse_versioned(text, SCHEMA_VERSION, migrate::migrate)
}

/// Loads a session file. Returns the session and whether it was migrated (in which case
/// the caller writes it back, now that the load succeeded).
pub fn load_session(path: &Path) -> Result<(Session, bool), LoadError> {
    let err = |problem| LoadError {
        path: path.to_path_buf(),
        problem,
    };
    let text = read_capped(path).map_err(err)?;
    parse_session(&text).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let p = parse_session("{\n  \"schema_version\": 2,\n  \"id\": }").unwrap_err();
        assert!(matches!(p, LoadProblem::Syntax { line: 3, .. }), "{p:?}");
    }

    #[test]
    fn wrong_types_name_the_field() {
        let text = r#"{"schema_version":2,"id":"x","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","intake":{"round":"drie"}}"#;
        match parse_session(text).unwrap_err() {
            LoadProblem::Field { field, .. } => assert_eq!(field, "intake.round"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn future_versions_are_refused() {
        let p = parse_session(r#"{"schema_version": 99}"#).unwrap_err();
        assert_eq!(
            p,
            LoadProblem::FutureVersion {
                found: 99,
                supported: SCHEMA_VERSION
            }
        );
    }

    #[test]
    fn a_key_twice_in_one_object_is_refused_with_its_position() {
        let text = volgspot_example_with_duplicate();
        match parse_session(&text).unwrap_err() {
            LoadProblem::DuplicateKey { key, line, .. } => {
                assert_eq!(key, "schema_version");
                assert_eq!(line, 3);
            }
            other => panic!("{other:?}"),
        }
    }

    fn volgspot_example_with_duplicate() -> String {
        let line = format!("\"schema_version\": {SCHEMA_VERSION},");
        let text = crate::tui::EXAMPLE.replacen(&line, &format!("{line}\n  {line}"), 1);
        assert_ne!(
            text,
            crate::tui::EXAMPLE,
            "the example names its schema version"
        );
        text
    }

    #[test]
    fn a_key_twice_in_an_older_version_is_refused_before_migrating() {
        let text = include_str!("../../fuzz/seeds/session_loader/v1.json").replacen(
            "\"place\": \"Arnhem\"",
            "\"place\": \"Ede\",\n    \"place\": \"Arnhem\"",
            1,
        );
        assert_eq!(
            parse_session(&text).unwrap_err(),
            LoadProblem::DuplicateKey {
                key: "place".into(),
                line: 10,
                column: 11
            }
        );
        assert!(parse_session(include_str!("../../fuzz/seeds/session_loader/v1.json")).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_read_past() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(crate::tui::EXAMPLE.as_bytes());
        fs::write(&path, bytes).unwrap();
        assert!(load_session(&path).is_ok());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(parse_session(&text).is_err());
    }
}
