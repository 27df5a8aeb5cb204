//! The session document: plain serde types, no terminal code.
//!
//! Free-text fields that the user types (dates, times) are stored as typed, so that
//! what was typed is never lost while it is not valid yet; `validate` says what is wrong.

pub mod agenda;
mod ids;
pub mod interview_file;
pub mod merge;
pub mod migrate;
pub mod unique_keys;
pub mod validate;

pub use ids::Id;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::OffsetDateTime;

/// The schema version this binary writes. Older files are migrated in memory.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema_version: u32,
    pub id: Id,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    #[serde(default)]
    pub intake: Intake,
    /// Shared, so a snapshot of the session (for the autosave thread, for undo) copies
    /// 60 pointers instead of 10 000 notes; `Arc::make_mut` copies one interview when it
    /// changes while a snapshot still holds it.
    #[serde(default)]
    pub interviews: Vec<Arc<Interview>>,
    #[serde(default)]
    pub triangle: Triangle,
    #[serde(default)]
    pub wheel: Wheel,
    #[serde(default)]
    pub intentions: Vec<Intention>,
    #[serde(default)]
    pub agenda: Agenda,
}

impl Session {
    pub fn new(pact_name: &str, round: u8, now: OffsetDateTime) -> Self {
        Session {
            schema_version: SCHEMA_VERSION,
            id: Id::new(),
            created: now,
            updated: now,
            intake: Intake {
                pact_name: pact_name.to_string(),
                round,
                session_date: now.date().to_string(),
                ..Intake::default()
            },
            interviews: Vec::new(),
            triangle: Triangle::default(),
            wheel: Wheel::default(),
            intentions: Vec::new(),
            agenda: Agenda::default(),
        }
    }

    /// Total number of interview notes, used by the start screen and reports.
    pub fn note_count(&self) -> usize {
        self.interviews.iter().map(|i| i.notes.len()).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Intake {
    pub pact_name: String,
    /// "Waar werkt de regio aan?": a few paragraphs.
    pub region_description: String,
    /// Volgspot round, 1–3.
    pub round: u8,
    /// Date of the joint session as typed (YYYY-MM-DD when valid).
    pub session_date: String,
    /// Start time as typed (HH:MM when valid).
    pub start_time: String,
    pub place: String,
    /// Kind of meeting, e.g. "Focusgroep", "Stuurgroep".
    pub meeting: String,
    pub facilitators: String,
    pub interviewers: String,
    pub ambition: Quote,
    pub partners: Vec<Partner>,
    pub documents: Vec<Document>,
    /// First observations per attention area id (from the method definition).
    #[serde(deserialize_with = "unique_keys::map")]
    pub observations: BTreeMap<String, String>,
}

impl Default for Intake {
    fn default() -> Self {
        Intake {
            pact_name: String::new(),
            region_description: String::new(),
            round: 1,
            session_date: String::new(),
            start_time: String::new(),
            place: String::new(),
            meeting: String::new(),
            facilitators: String::new(),
            interviewers: String::new(),
            ambition: Quote::default(),
            partners: Vec::new(),
            documents: Vec::new(),
            observations: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    pub text: String,
    pub source: String,
}

/// The O's of the gouden driehoek, plus everything else (OR, provincie, ...).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    Zorg,
    Onderwijs,
    Overheid,
    #[default]
    Anders,
}

impl PartnerKind {
    pub fn index(self) -> usize {
        PartnerKind::ALL
            .iter()
            .position(|k| *k == self)
            .unwrap_or(0)
    }

    pub fn next(self) -> PartnerKind {
        PartnerKind::ALL[(self.index() + 1) % PartnerKind::ALL.len()]
    }

    pub const ALL: [PartnerKind; 4] = [
        PartnerKind::Zorg,
        PartnerKind::Onderwijs,
        PartnerKind::Overheid,
        PartnerKind::Anders,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Partner {
    pub id: Id,
    pub organisation: String,
    pub kind: PartnerKind,
    /// trekker, focusgroep, deelnemer, ...
    pub role: String,
    pub contact: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    pub id: Id,
    pub title: String,
    pub kind: String,
    pub date: String,
    pub key_points: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Interview {
    pub id: Id,
    pub interviewee: String,
    pub organisation: String,
    pub role: String,
    pub kind: PartnerKind,
    pub date: String,
    pub interviewer: String,
    pub consent: Consent,
    pub notes: Vec<Note>,
    /// Merge bookkeeping: a fingerprint of the interview's own fields (not its notes) as
    /// last imported from an interview file, so a re-import can tell who changed what.
    pub base: Option<String>,
    /// The capture line as typed but not yet stored as a note, so a crash loses nothing.
    /// Not merged: each side keeps its own.
    pub draft: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consent {
    /// Quotes of this interviewee may appear in the public version.
    pub quotes_public: bool,
    /// ... and with the interviewee's name (otherwise role and organisation only).
    pub with_name: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    #[default]
    Observatie,
    Succesfactor,
    Belemmering,
    Citaat,
    Verbeteridee,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [
        NoteKind::Observatie,
        NoteKind::Succesfactor,
        NoteKind::Belemmering,
        NoteKind::Citaat,
        NoteKind::Verbeteridee,
    ];

    pub fn index(self) -> usize {
        NoteKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    pub fn next(self) -> NoteKind {
        NoteKind::ALL[(self.index() + 1) % NoteKind::ALL.len()]
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approval {
    #[default]
    NietGevraagd,
    Akkoord,
    Geweigerd,
}

impl Approval {
    pub const ALL: [Approval; 3] = [
        Approval::NietGevraagd,
        Approval::Akkoord,
        Approval::Geweigerd,
    ];

    pub fn index(self) -> usize {
        Approval::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    pub fn next(self) -> Approval {
        Approval::ALL[(self.index() + 1) % Approval::ALL.len()]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    pub id: Id,
    pub text: String,
    /// Attention area id from the method definition.
    pub area: String,
    pub kind: NoteKind,
    pub corner: Option<String>,
    pub phase: Option<String>,
    pub focus_areas: Vec<String>,
    pub public: bool,
    pub approval: Approval,
    /// Set when a merge found this note edited on both sides: the other version.
    pub conflict: Option<String>,
    /// Merge bookkeeping: fingerprints of the note as last imported from an interview
    /// file (None for notes typed in the session).
    pub base: Option<NoteBase>,
}

/// Fingerprints of a note's text and of its coding (area, kind, links, flags) at the
/// last import. Comparing both sides with them is a three-way merge without keeping
/// the old text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteBase {
    pub text: String,
    pub coding: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Triangle {
    pub items: Vec<TriangleItem>,
    /// Focus areas the region added itself, next to the method's.
    pub own_focus_areas: Vec<String>,
    /// Analysekader table cells by row id.
    #[serde(deserialize_with = "unique_keys::map")]
    pub kader: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Innovation {
    Technologisch,
    SociaalOrganisatorisch,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriangleItem {
    pub id: Id,
    /// A corner id or a guiding-question id from the method definition.
    pub place: String,
    pub title: String,
    pub detail: String,
    pub focus_areas: Vec<String>,
    pub innovation: Option<Innovation>,
    pub owner: String,
    pub partners: String,
    pub votes: i32,
    pub public: bool,
    /// Ids of interview notes that support this item.
    pub evidence: Vec<Id>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Wheel {
    /// The region's own names for phases / activities, by id.
    #[serde(deserialize_with = "unique_keys::map")]
    pub renames: BTreeMap<String, String>,
    pub placement: Placement,
    /// Separate placement by partner kind: phase id.
    #[serde(deserialize_with = "unique_keys::map")]
    pub per_kind: BTreeMap<PartnerKind, String>,
    #[serde(deserialize_with = "unique_keys::map")]
    pub activities: BTreeMap<String, ActivityState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Placement {
    pub phase: Option<String>,
    /// How many times the pact goes round the wheel (1 = first time).
    pub cycle: u32,
    pub motivation: String,
    pub public: bool,
}

impl Default for Placement {
    fn default() -> Self {
        Placement {
            phase: None,
            cycle: 1,
            motivation: String::new(),
            public: true,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    #[default]
    NietGestart,
    Bezig,
    Gereed,
    NietVanToepassing,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityState {
    pub status: ActivityStatus,
    pub note: String,
    pub evidence: Vec<Id>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Intention {
    pub id: Id,
    pub text: String,
    /// The kartrekker; empty means nobody pulls it yet, which the report calls out.
    pub owner: String,
    pub due: String,
    /// A phase id or triangle item id.
    pub link: Option<String>,
    pub public: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agenda {
    /// Empty means: use the method definition's default agenda.
    pub blocks: Vec<AgendaBlock>,
    pub clock: Clock,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaBlock {
    pub id: Id,
    pub title: String,
    pub minutes: u32,
    /// The screen this block belongs to: intake, interviews, triangle, wheel, summary.
    pub screen: String,
    /// Seconds actually spent, filled in by the clock.
    pub actual_seconds: u64,
}

/// The session clock, stored as timestamps so a restart resumes correctly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clock {
    #[serde(with = "time::serde::rfc3339::option")]
    pub started_at: Option<OffsetDateTime>,
    pub current_block: usize,
    #[serde(with = "time::serde::rfc3339::option")]
    pub block_started_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub paused_at: Option<OffsetDateTime>,
    /// Extra minutes granted to the current block.
    pub extra_minutes: u32,
    /// Seconds paused within the current block.
    pub paused_seconds: u64,
}
