//! Merging offline interview files into a session. Pure: no disk, no clock.
//!
//! Every imported note and interview remembers fingerprints of how it looked in the file
//! at the last import (`base`). On a re-import, comparing the file, the session and that
//! base tells which side changed: a change on one side is taken over, a change on both
//! sides keeps the session's text and puts the file's text beside it as a conflict.
//! Nothing is ever removed: notes missing from the file stay in the session.

use super::interview_file::InterviewFile;
use super::{Interview, Note, NoteBase, Session};
use std::sync::Arc;

/// What one interview file did to the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterviewReport {
    /// Interviewee name (or organisation when the name is empty).
    pub label: String,
    /// The interview was new to the session.
    pub added: bool,
    /// The interview's own fields (name, role, consent, ...) were taken over.
    pub fields_updated: bool,
    /// Those fields were changed on both sides; the session's were kept.
    pub fields_conflict: bool,
    pub notes_added: usize,
    pub notes_updated: usize,
    /// Notes changed on both sides, now marked for the facilitator.
    pub notes_conflicted: usize,
}

impl InterviewReport {
    /// Whether the import changed nothing visible.
    pub fn unchanged(&self) -> bool {
        !self.added
            && !self.fields_updated
            && !self.fields_conflict
            && self.notes_added == 0
            && self.notes_updated == 0
            && self.notes_conflicted == 0
    }
}

/// FNV-1a, 64 bit: tiny and, unlike `std`'s hasher, guaranteed stable across Rust
/// versions, which matters because fingerprints are stored in files.
fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn coding_fingerprint(n: &Note) -> String {
    let coding = serde_json::json!([
        n.area,
        n.kind,
        n.corner,
        n.phase,
        n.focus_areas,
        n.public,
        n.approval
    ]);
    fingerprint(&coding.to_string())
}

fn note_base(n: &Note) -> NoteBase {
    NoteBase {
        text: fingerprint(&n.text),
        coding: coding_fingerprint(n),
    }
}

fn fields_fingerprint(i: &Interview) -> String {
    let fields = serde_json::json!([
        i.interviewee,
        i.organisation,
        i.role,
        i.kind,
        i.date,
        i.interviewer,
        i.consent.quotes_public,
        i.consent.with_name
    ]);
    fingerprint(&fields.to_string())
}

fn copy_fields(to: &mut Interview, from: &Interview) {
    to.interviewee = from.interviewee.clone();
    to.organisation = from.organisation.clone();
    to.role = from.role.clone();
    to.kind = from.kind;
    to.date = from.date.clone();
    to.interviewer = from.interviewer.clone();
    to.consent = from.consent;
}

fn copy_coding(to: &mut Note, from: &Note) {
    to.area = from.area.clone();
    to.kind = from.kind;
    to.corner = from.corner.clone();
    to.phase = from.phase.clone();
    to.focus_areas = from.focus_areas.clone();
    to.public = from.public;
    to.approval = from.approval;
}

/// Three-way decision for one aspect. `base` None means "never imported": then a
/// difference counts as a change on both sides, so nothing is overwritten.
enum Side {
    Same,
    TakeFile,
    Both,
}

fn decide(session_fp: &str, file_fp: &str, base: Option<&str>) -> Side {
    if session_fp == file_fp || base == Some(file_fp) {
        // Equal already, or only the session changed since the last import.
        Side::Same
    } else if base == Some(session_fp) {
        Side::TakeFile
    } else {
        Side::Both
    }
}

/// Merges one interview file into the session and says what changed.
pub fn merge_file(session: &mut Session, file: &InterviewFile) -> InterviewReport {
    let inc = &file.interview;
    let mut report = InterviewReport {
        label: if inc.interviewee.trim().is_empty() {
            inc.organisation.clone()
        } else {
            inc.interviewee.clone()
        },
        ..InterviewReport::default()
    };
    let Some(cur) = session.interviews.iter_mut().find(|i| i.id == inc.id) else {
        let mut new = inc.clone();
        // A half-typed line stays with the interviewer.
        new.draft.clear();
        new.base = Some(fields_fingerprint(inc));
        for n in &mut new.notes {
            n.base = Some(note_base(n));
        }
        report.added = true;
        report.notes_added = new.notes.len();
        session.interviews.push(Arc::new(new));
        return report;
    };
    let cur = Arc::make_mut(cur);

    let file_fp = fields_fingerprint(inc);
    match decide(&fields_fingerprint(cur), &file_fp, cur.base.as_deref()) {
        Side::Same => {}
        Side::TakeFile => {
            copy_fields(cur, inc);
            report.fields_updated = true;
        }
        Side::Both => report.fields_conflict = true,
    }
    cur.base = Some(file_fp);

    for fnote in &inc.notes {
        let Some(sn) = cur.notes.iter_mut().find(|n| n.id == fnote.id) else {
            let mut n = fnote.clone();
            n.base = Some(note_base(fnote));
            cur.notes.push(n);
            report.notes_added += 1;
            continue;
        };
        let fb = note_base(fnote);
        let old = sn.base.take();
        let mut updated = false;
        let mut conflicted = false;
        match decide(
            &fingerprint(&sn.text),
            &fb.text,
            old.as_ref().map(|b| b.text.as_str()),
        ) {
            Side::Same => {}
            Side::TakeFile => {
                sn.text = fnote.text.clone();
                updated = true;
            }
            Side::Both => {
                if sn.conflict.as_deref() != Some(fnote.text.as_str()) {
                    sn.conflict = Some(fnote.text.clone());
                }
                conflicted = true;
            }
        }
        match decide(
            &coding_fingerprint(sn),
            &fb.coding,
            old.as_ref().map(|b| b.coding.as_str()),
        ) {
            Side::Same => {}
            Side::TakeFile => {
                copy_coding(sn, fnote);
                updated = true;
            }
            // The facilitator's coding wins; the report flags the note.
            Side::Both => conflicted = true,
        }
        sn.base = Some(fb);
        if conflicted {
            report.notes_conflicted += 1;
        } else if updated {
            report.notes_updated += 1;
        }
    }
    report
}

/// Merges several files in order.
pub fn merge_files(session: &mut Session, files: &[InterviewFile]) -> Vec<InterviewReport> {
    files.iter().map(|f| merge_file(session, f)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteKind;
    use time::macros::datetime;

    fn file_with(texts: &[&str]) -> InterviewFile {
        let notes = texts
            .iter()
            .map(|t| Note {
                text: t.to_string(),
                area: "hoe".into(),
                ..Note::default()
            })
            .collect();
        let iv = Interview {
            interviewee: "Ans".into(),
            notes,
            ..Interview::default()
        };
        InterviewFile::new("P", iv, datetime!(2026-11-01 10:00 UTC))
    }

    fn session() -> Session {
        Session::new("P", 1, datetime!(2026-11-01 10:00 UTC))
    }

    #[test]
    fn a_new_file_adds_and_a_second_import_changes_nothing() {
        let mut s = session();
        let f = file_with(&["een", "twee"]);
        let r = merge_file(&mut s, &f);
        assert!(r.added);
        assert_eq!(r.notes_added, 2);
        let once = s.clone();
        let r2 = merge_file(&mut s, &f);
        assert!(r2.unchanged(), "{r2:?}");
        assert_eq!(s, once);
    }

    #[test]
    fn an_update_on_one_side_is_taken_and_both_sides_conflict() {
        let mut s = session();
        let mut f = file_with(&["een", "twee"]);
        merge_file(&mut s, &f);
        // Interviewer edits note 0 and recodes note 1; facilitator edits note 1's text.
        f.interview.notes[0].text = "een (aangevuld)".into();
        f.interview.notes[1].kind = NoteKind::Citaat;
        std::sync::Arc::make_mut(&mut s.interviews[0]).notes[1].text = "twee (sessie)".into();
        let r = merge_file(&mut s, &f);
        assert_eq!(r.notes_updated, 2, "{r:?}");
        assert_eq!(s.interviews[0].notes[0].text, "een (aangevuld)");
        assert_eq!(s.interviews[0].notes[1].kind, NoteKind::Citaat);
        assert_eq!(s.interviews[0].notes[1].text, "twee (sessie)");
        // Now both edit note 0's text.
        f.interview.notes[0].text = "een (interviewer)".into();
        std::sync::Arc::make_mut(&mut s.interviews[0]).notes[0].text = "een (begeleider)".into();
        let r = merge_file(&mut s, &f);
        assert_eq!(r.notes_conflicted, 1, "{r:?}");
        let n = &s.interviews[0].notes[0];
        assert_eq!(n.text, "een (begeleider)");
        assert_eq!(n.conflict.as_deref(), Some("een (interviewer)"));
        let again = s.clone();
        assert!(merge_file(&mut s, &f).unchanged());
        assert_eq!(s, again);
    }

    #[test]
    fn notes_missing_from_the_file_stay() {
        let mut s = session();
        let mut f = file_with(&["een", "twee"]);
        merge_file(&mut s, &f);
        f.interview.notes.remove(0);
        merge_file(&mut s, &f);
        assert_eq!(s.interviews[0].notes.len(), 2);
    }
}
