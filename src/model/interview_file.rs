//! The offline interviewer's file: one interview, self-contained, with its own schema
//! version, so it can be written without a session and merged later (see `merge`).

use super::Interview;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

/// The interview-file schema version this binary writes.
pub const INTERVIEW_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewFile {
    pub schema_version: u32,
    /// The pact the interview is about, as the interviewer typed it (may be empty).
    #[serde(default)]
    pub pact: String,
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    pub interview: Interview,
}

impl InterviewFile {
    pub fn new(pact: &str, interview: Interview, now: OffsetDateTime) -> Self {
        InterviewFile {
            schema_version: INTERVIEW_SCHEMA_VERSION,
            pact: pact.to_string(),
            updated: now,
            interview,
        }
    }
}

/// Brings an older interview file up to [`INTERVIEW_SCHEMA_VERSION`]. Version 1 is the
/// first, so there is nothing to convert yet; the hook exists so loading stays uniform.
pub fn migrate(doc: &mut Value, _from: u32) {
    if let Some(obj) = doc.as_object_mut() {
        obj.insert(
            "schema_version".into(),
            Value::from(INTERVIEW_SCHEMA_VERSION),
        );
    }
}
