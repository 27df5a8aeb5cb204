//! The session document: plain serde types, no terminal code.
//!
//! Free-text fields that the user types (dates, times) are stored as typed, so that
//! what was typed is never lost while it is not valid yet; `validate` says what is wrong.

pub mod agenda;
pub mod compose;
mod ids;
pub mod interview_file;
pub mod merge;
pub mod migrate;
pub mod pact;
pub mod rounds;
pub mod unique_keys;
pub mod validate;

pub use ids::Id;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::OffsetDateTime;

/// The schema version this binary writes. Older files are migrated in memory.
pub const SCHEMA_VERSION: u32 = 5;

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
    /// Imported interviews the facilitator deleted, so a re-import of an unchanged file
    /// does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted_interviews: Vec<InterviewTombstone>,
    /// The earlier round this session was created from: a snapshot of its facts, so
    /// the comparison never depends on which files are in the folder (schema 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<rounds::Baseline>,
    /// The report as the facilitator composed it on the Rapport screen (schema 5). None:
    /// the report is the first draft generated from the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composition: Option<compose::Composition>,
}

/// An imported interview deleted in the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewTombstone {
    /// The interview's id in the interviewer's file.
    pub id: Id,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The interview file's time at the last import before the deletion: a file saved
    /// later holds changes the session has not seen.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub imported_at: Option<OffsetDateTime>,
    /// Who it was (to tell another person's file with the same id apart).
    #[serde(default)]
    pub fields: Option<InterviewFields>,
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
            deleted_interviews: Vec::new(),
            baseline: None,
            composition: None,
        }
    }

    /// Deletes interview `index`; one that came from an interview file leaves a
    /// tombstone, so re-importing the unchanged file does not bring it back.
    pub fn delete_interview(&mut self, index: usize, now: OffsetDateTime) -> Arc<Interview> {
        let iv = self.interviews.remove(index);
        if let Some(src) = &iv.source {
            let id = iv.file_key().clone();
            self.deleted_interviews.retain(|t| t.id != id);
            self.deleted_interviews.push(InterviewTombstone {
                id,
                at: now,
                imported_at: Some(src.at),
                fields: iv.base.clone(),
            });
        }
        iv
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

/// Where `x` stands in `all` (the first place for a value not listed).
fn position<T: PartialEq + Copy>(all: &[T], x: T) -> usize {
    all.iter().position(|k| *k == x).unwrap_or(0)
}

/// The value after `x` in `all`, the first after the last (a key cycles through them).
fn after<T: PartialEq + Copy>(all: &[T], x: T) -> T {
    all[(position(all, x) + 1) % all.len()]
}

/// `index` (place in `ALL`) and `next` (the one after it, cycling) for choice enums.
macro_rules! cycling {
    ($($t:ident),*) => {$(
        impl $t {
            pub fn index(self) -> usize {
                position(&$t::ALL, self)
            }

            pub fn next(self) -> $t {
                after(&$t::ALL, self)
            }
        }
    )*};
}

cycling!(PartnerKind, NoteKind, Approval);

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
    /// Merge bookkeeping: the interview's own fields (not its notes) as last imported
    /// from an interview file, so a re-import can tell who changed what. None: never
    /// imported, or imported by an older volgspot whose record no longer matches.
    pub base: Option<InterviewFields>,
    /// The id this interview has in the interviewer's file, when an import had to give
    /// it a fresh one here (the file's id belonged to another person's interview).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_id: Option<Id>,
    /// Where it was last imported from: the interview file's name and its time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<ImportSource>,
    /// The interviewer file's values of fields changed on both sides (field name →
    /// value); the interview keeps the session's values until the facilitator decides.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields_conflict: BTreeMap<String, serde_json::Value>,
    /// Notes deleted after an import, so the deletion travels to the other side.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
    /// The capture line as typed but not yet stored as a note, so a crash loses nothing.
    /// Not merged: each side keeps its own.
    pub draft: String,
}

impl Interview {
    /// The id the interviewer's file knows this interview by.
    pub fn file_key(&self) -> &Id {
        self.file_id.as_ref().unwrap_or(&self.id)
    }

    pub fn fields(&self) -> InterviewFields {
        InterviewFields {
            interviewee: self.interviewee.clone(),
            organisation: self.organisation.clone(),
            role: self.role.clone(),
            kind: self.kind,
            date: self.date.clone(),
            interviewer: self.interviewer.clone(),
            consent: self.consent,
        }
    }

    /// Deletes note `index`; a note that came from an interview file leaves a tombstone,
    /// so the next import does not bring it back (and the interviewer's file learns
    /// nothing wrong).
    pub fn delete_note(
        &mut self,
        index: usize,
        side: DeletedBy,
        by: &str,
        at: OffsetDateTime,
    ) -> Note {
        let note = self.notes.remove(index);
        // In the interviewer's own file every deletion is recorded (who and when travel
        // with the next import); in the session, deletions of imported notes.
        if side == DeletedBy::Interviewer || note.base.is_some() || self.source.is_some() {
            self.deleted.retain(|t| t.id != *note.file_key());
            self.deleted.push(Tombstone {
                id: note.file_key().clone(),
                side,
                by: by.to_string(),
                at,
                base: note.base.clone(),
            });
        }
        note
    }
}

/// An interview's own fields, compared one by one when merging.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterviewFields {
    pub interviewee: String,
    pub organisation: String,
    pub role: String,
    pub kind: PartnerKind,
    pub date: String,
    pub interviewer: String,
    pub consent: Consent,
}

/// The interview file an interview or note was last imported from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSource {
    /// The file's name (not its folder).
    pub file: String,
    /// When the interviewer last saved it.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// Which side deleted a note.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeletedBy {
    #[default]
    Session,
    Interviewer,
}

/// A deleted note: who deleted it, when, and how it looked when last imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The note's id in the interviewer's file.
    pub id: Id,
    pub side: DeletedBy,
    /// The interviewer's name, or empty for the session.
    #[serde(default)]
    pub by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    #[serde(default)]
    pub base: Option<NoteBase>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consent {
    /// Quotes of this interviewee may appear in the public version.
    pub quotes_public: bool,
    /// ... and with the interviewee's name (otherwise role and organisation only).
    pub with_name: bool,
    /// Without a name, quotes say only the kind of organisation (zorg, onderwijs, ...):
    /// for a speaker whose role and organisation would point at one person.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub coarse: bool,
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
    /// What the speaker approved (set when `approval` becomes akkoord): the approval
    /// holds only while the text is still exactly this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved: Option<Approved>,
    /// Set when a merge found this note changed on both sides (or deleted on one side
    /// and edited on the other): the other version, kept until the facilitator decides.
    pub conflict: Option<NoteConflict>,
    /// Merge bookkeeping: the note's values as last imported from an interview file
    /// (None for notes typed in the session).
    pub base: Option<NoteBase>,
    /// The id this note has in the interviewer's file, when an import had to give it a
    /// fresh one here (the id was taken).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_id: Option<Id>,
}

/// Where a quote's approval stands, judged against its current words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalState {
    NietGevraagd,
    Akkoord,
    Geweigerd,
    /// Approved, but the text changed since: nobody approved these words.
    GewijzigdNaAkkoord,
}

impl Note {
    /// The id the interviewer's file knows this note by.
    pub fn file_key(&self) -> &Id {
        self.file_id.as_ref().unwrap_or(&self.id)
    }

    pub fn approval_state(&self) -> ApprovalState {
        match self.approval {
            Approval::NietGevraagd => ApprovalState::NietGevraagd,
            Approval::Geweigerd => ApprovalState::Geweigerd,
            Approval::Akkoord => match &self.approved {
                Some(a) if a.text == self.text => ApprovalState::Akkoord,
                _ => ApprovalState::GewijzigdNaAkkoord,
            },
        }
    }

    /// Approved, and for exactly these words.
    pub fn approved_as_is(&self) -> bool {
        self.approval_state() == ApprovalState::Akkoord
    }

    /// Sets the approval; akkoord records the words approved and when.
    pub fn set_approval(&mut self, approval: Approval, now: OffsetDateTime) {
        self.approval = approval;
        self.approved = (approval == Approval::Akkoord).then(|| Approved {
            text: self.text.clone(),
            at: Some(now),
        });
    }

    /// Whether an import left something for the facilitator to decide.
    pub fn has_conflict(&self) -> bool {
        self.conflict.as_ref().is_some_and(|c| !c.is_empty())
    }
}

/// The words a speaker approved, and when (None for approvals recorded by an older
/// volgspot, which bound them to the text as it was then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approved {
    pub text: String,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub at: Option<OffsetDateTime>,
}

/// The other side's version of a note changed on both sides.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteConflict {
    /// The interviewer file's text, in full, when both sides changed the text (the
    /// session's text stays the note's text).
    pub text: Option<String>,
    /// Coding fields changed on both sides: field name → the file's value.
    pub fields: BTreeMap<String, serde_json::Value>,
    /// Deleted on one side while edited on the other: which side deleted it.
    pub deleted_by: Option<DeletedBy>,
    /// The interview file the other version comes from (empty for conflicts recorded by
    /// an older volgspot).
    pub source: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub at: Option<OffsetDateTime>,
}

/// A text conflict with no recorded source (as an older volgspot recorded them).
impl From<&str> for NoteConflict {
    fn from(text: &str) -> Self {
        NoteConflict {
            text: Some(text.to_string()),
            ..NoteConflict::default()
        }
    }
}

impl NoteConflict {
    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.fields.is_empty() && self.deleted_by.is_none()
    }
}

/// A note's values as last imported. `text` / `coding` None: not known (recorded as a
/// fingerprint by an older volgspot that no longer matches), so any difference there is
/// treated as a change on both sides and nothing is overwritten.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteBase {
    pub text: Option<String>,
    pub coding: Option<Coding>,
}

/// A note's coding: everything but its text, compared field by field when merging.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Coding {
    pub area: String,
    pub kind: NoteKind,
    pub corner: Option<String>,
    pub phase: Option<String>,
    pub focus_areas: Vec<String>,
    pub public: bool,
    pub approval: Approval,
    pub approved: Option<Approved>,
}

impl Note {
    pub fn coding(&self) -> Coding {
        Coding {
            area: self.area.clone(),
            kind: self.kind,
            corner: self.corner.clone(),
            phase: self.phase.clone(),
            focus_areas: self.focus_areas.clone(),
            public: self.public,
            approval: self.approval,
            approved: self.approved.clone(),
        }
    }

    pub fn values(&self) -> NoteBase {
        NoteBase {
            text: Some(self.text.clone()),
            coding: Some(self.coding()),
        }
    }
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
    /// Carried over from this earlier round (schema 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<u8>,
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
    /// Agreed in this earlier round and carried over to be followed up (schema 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<u8>,
    /// What became of it (for a carried intention; schema 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<rounds::FollowUp>,
    /// A note on the follow-up: why, what is left, who.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub outcome_note: String,
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
