//! The offline interviewer's file: one interview, self-contained, with its own schema
//! version, so it can be written without a session and merged later (see `merge`).

use super::Interview;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

/// The interview-file schema version this binary writes.
pub const INTERVIEW_SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewFile {
    pub schema_version: u32,
    /// The pact the interview is about, as the interviewer typed it (may be empty).
    #[serde(default)]
    pub pact: String,
    /// The Volgspot round (1–3) the interview is for; None in files from before rounds
    /// were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<u8>,
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    pub interview: Interview,
}

impl InterviewFile {
    pub fn new(pact: &str, interview: Interview, now: OffsetDateTime) -> Self {
        InterviewFile {
            schema_version: INTERVIEW_SCHEMA_VERSION,
            pact: pact.to_string(),
            round: None,
            updated: now,
            interview,
        }
    }
}

/// Whether JSON text is a session document (it has an `intake`) rather than an
/// interview file.
pub fn is_session_json(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Peek {
        intake: Option<serde::de::IgnoredAny>,
        interview: Option<serde::de::IgnoredAny>,
    }
    serde_json::from_str::<Peek>(text).is_ok_and(|p| p.intake.is_some() && p.interview.is_none())
}

/// Brings an older interview file up to [`INTERVIEW_SCHEMA_VERSION`]. Version 2 keeps
/// merge bases as values and binds approvals to their words (see
/// [`super::migrate::merge_values_from_fingerprints`]).
pub fn migrate(doc: &mut Value, from: u32) {
    if from < 2
        && let Some(iv) = doc.get_mut("interview")
    {
        super::migrate::merge_values_from_fingerprints(iv);
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert(
            "schema_version".into(),
            Value::from(INTERVIEW_SCHEMA_VERSION),
        );
    }
}
