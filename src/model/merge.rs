//! Merging offline interview files into a session. Pure: no disk, no clock.
//!
//! Every imported interview and note remembers its values as they were in the file at
//! the last import (`base`). On a re-import the file, the session and that base are
//! compared field by field: a field changed on one side is taken over; a field changed
//! on both sides to different values keeps the session's value and the file's beside it
//! as a conflict (texts in full). Deletions travel both ways: a note the interviewer
//! deleted is deleted here (a tombstone says who and when), a note the facilitator
//! deleted stays deleted; deleted on one side and edited on the other is a conflict.
//!
//! Identity comes first: an interview in the file is the same as one in the session only
//! when its id matches *and* it is plausibly the same person; otherwise it is a new
//! interview with a fresh id, so one person's words never land under another's name.

use super::interview_file::InterviewFile;
use super::{
    DeletedBy, Id, ImportSource, Interview, InterviewFields, Note, NoteBase, NoteConflict, Session,
    Tombstone,
};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// What one interview file did to the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterviewReport {
    /// Interviewee name (or organisation when the name is empty).
    pub label: String,
    /// The interview was new to the session.
    pub added: bool,
    /// The file's interview id belonged to another person's interview in the session
    /// (their label): imported as a new interview with a fresh id instead.
    pub id_collision: Option<String>,
    /// Notes whose id was already taken in the session and got a fresh one.
    pub notes_renumbered: usize,
    /// Duplicate note ids inside the file, given fresh ids (never merged into each other).
    pub duplicate_notes_in_file: usize,
    /// The interview's own fields taken over from the file (how many).
    pub fields_updated: usize,
    /// Fields changed on both sides to different values (newly marked).
    pub fields_conflicted: usize,
    pub notes_added: usize,
    /// Notes with at least one field taken over from the file.
    pub notes_updated: usize,
    /// Notes newly marked with a conflict (⚠): changed on both sides, or deleted on
    /// one side and edited on the other.
    pub notes_conflicted: usize,
    /// Notes the interviewer deleted, deleted here too.
    pub notes_deleted: usize,
    /// The file holds an interview with no notes and no details: not added.
    pub skipped_empty: bool,
    /// The facilitator deleted this interview and the file has not changed since: it
    /// stays deleted.
    pub kept_deleted: bool,
    /// The facilitator deleted this interview but the interviewer changed the file
    /// since: it is back, every note marked (⚠).
    pub back_after_deletion: bool,
}

impl InterviewReport {
    /// Whether the import changed nothing visible.
    pub fn unchanged(&self) -> bool {
        !self.added
            && self.id_collision.is_none()
            && self.notes_renumbered == 0
            && self.fields_updated == 0
            && self.fields_conflicted == 0
            && self.notes_added == 0
            && self.notes_updated == 0
            && self.notes_conflicted == 0
            && self.notes_deleted == 0
            && !self.back_after_deletion
    }
}

/// Letters only, lower case: "Marieke de Vries" and "marieke  de vries" are one name.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two sets of interview fields plausibly describe one person. Names decide when
/// both are given; without a name, organisation and date must both match. Errs towards
/// "another person": a duplicate interview is visible and easily removed, a quote under
/// the wrong name is not.
fn same_person(a: &InterviewFields, b: &InterviewFields) -> bool {
    let (na, nb) = (norm(&a.interviewee), norm(&b.interviewee));
    if !na.is_empty() && !nb.is_empty() {
        return na == nb;
    }
    norm(&a.organisation) == norm(&b.organisation) && norm(&a.date) == norm(&b.date)
}

/// Three-way decision for one field. `base` None means "not known": then a difference
/// counts as a change on both sides, so nothing is overwritten.
#[derive(PartialEq)]
enum Side {
    Same,
    TakeFile,
    Both,
}

fn decide<T: PartialEq>(session: &T, file: &T, base: Option<&T>) -> Side {
    if session == file || base == Some(file) {
        // Equal already, or only the session changed since the last import.
        Side::Same
    } else if base == Some(session) {
        Side::TakeFile
    } else {
        Side::Both
    }
}

fn json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Merges one field: takes the file's value, or records a conflict (the file's value
/// under `name`), or leaves it. Returns (taken, newly conflicted).
fn merge_field<T: PartialEq + Clone + Serialize>(
    name: &str,
    session: &mut T,
    file: &T,
    base: Option<&T>,
    conflicts: &mut BTreeMap<String, Value>,
) -> (bool, bool) {
    match decide(session, file, base) {
        Side::Same => {
            if session == file {
                conflicts.remove(name);
            }
            (false, false)
        }
        Side::TakeFile => {
            *session = file.clone();
            conflicts.remove(name);
            (true, false)
        }
        Side::Both => {
            let v = json(file);
            let new = conflicts.get(name) != Some(&v);
            conflicts.insert(name.to_string(), v);
            (false, new)
        }
    }
}

fn merge_fields(cur: &mut Interview, inc: &Interview, report: &mut InterviewReport) {
    let base = cur.base.clone();
    let b = base.as_ref();
    let c = &mut cur.fields_conflict;
    let mut tally = |(taken, conflicted): (bool, bool)| {
        report.fields_updated += usize::from(taken);
        report.fields_conflicted += usize::from(conflicted);
    };
    tally(merge_field(
        "interviewee",
        &mut cur.interviewee,
        &inc.interviewee,
        b.map(|b| &b.interviewee),
        c,
    ));
    tally(merge_field(
        "organisation",
        &mut cur.organisation,
        &inc.organisation,
        b.map(|b| &b.organisation),
        c,
    ));
    tally(merge_field(
        "role",
        &mut cur.role,
        &inc.role,
        b.map(|b| &b.role),
        c,
    ));
    tally(merge_field(
        "partner_kind",
        &mut cur.kind,
        &inc.kind,
        b.map(|b| &b.kind),
        c,
    ));
    tally(merge_field(
        "date",
        &mut cur.date,
        &inc.date,
        b.map(|b| &b.date),
        c,
    ));
    tally(merge_field(
        "interviewer",
        &mut cur.interviewer,
        &inc.interviewer,
        b.map(|b| &b.interviewer),
        c,
    ));
    tally(merge_field(
        "consent.quotes_public",
        &mut cur.consent.quotes_public,
        &inc.consent.quotes_public,
        b.map(|b| &b.consent.quotes_public),
        c,
    ));
    tally(merge_field(
        "consent.with_name",
        &mut cur.consent.with_name,
        &inc.consent.with_name,
        b.map(|b| &b.consent.with_name),
        c,
    ));
    tally(merge_field(
        "consent.coarse",
        &mut cur.consent.coarse,
        &inc.consent.coarse,
        b.map(|b| &b.consent.coarse),
        c,
    ));
    cur.base = Some(inc.fields());
}

/// An approval compared by what it approved, not by when (both sides may record the
/// same approval at different moments).
fn approval_key(n: &Note) -> (super::Approval, Option<String>) {
    (n.approval, n.approved.as_ref().map(|a| a.text.clone()))
}

/// Merges the file's version of a note into the session's. Returns (updated, newly
/// conflicted).
fn merge_note(sn: &mut Note, fnote: &Note, source: &ImportSource) -> (bool, bool) {
    let base = sn.base.take().unwrap_or_default();
    let bc = base.coding.as_ref();
    let mut conflict = sn.conflict.take().unwrap_or_default();
    let before = conflict.clone();
    let mut updated = false;
    // The text: a conflict keeps both texts in full.
    match decide(&sn.text, &fnote.text, base.text.as_ref()) {
        Side::Same => {
            if sn.text == fnote.text {
                conflict.text = None;
            }
        }
        Side::TakeFile => {
            sn.text = fnote.text.clone();
            conflict.text = None;
            updated = true;
        }
        Side::Both => conflict.text = Some(fnote.text.clone()),
    }
    let c = &mut conflict.fields;
    let mut take = |(taken, _): (bool, bool)| updated |= taken;
    take(merge_field(
        "area",
        &mut sn.area,
        &fnote.area,
        bc.map(|b| &b.area),
        c,
    ));
    take(merge_field(
        "kind",
        &mut sn.kind,
        &fnote.kind,
        bc.map(|b| &b.kind),
        c,
    ));
    take(merge_field(
        "corner",
        &mut sn.corner,
        &fnote.corner,
        bc.map(|b| &b.corner),
        c,
    ));
    take(merge_field(
        "phase",
        &mut sn.phase,
        &fnote.phase,
        bc.map(|b| &b.phase),
        c,
    ));
    take(merge_field(
        "focus_areas",
        &mut sn.focus_areas,
        &fnote.focus_areas,
        bc.map(|b| &b.focus_areas),
        c,
    ));
    take(merge_field(
        "public",
        &mut sn.public,
        &fnote.public,
        bc.map(|b| &b.public),
        c,
    ));
    // Approval and the words approved travel together.
    let base_approval = bc.map(|b| (b.approval, b.approved.as_ref().map(|a| a.text.clone())));
    match decide(
        &approval_key(sn),
        &approval_key(fnote),
        base_approval.as_ref(),
    ) {
        Side::Same => {
            if approval_key(sn) == approval_key(fnote) {
                c.remove("approval");
            }
        }
        Side::TakeFile => {
            sn.approval = fnote.approval;
            sn.approved = fnote.approved.clone();
            c.remove("approval");
            updated = true;
        }
        Side::Both => {
            c.insert(
                "approval".into(),
                json(&(fnote.approval, fnote.approved.clone())),
            );
        }
    }
    // A note the interviewer restored (or edited) is no longer "deleted by" anyone.
    if conflict.deleted_by == Some(DeletedBy::Interviewer) {
        conflict.deleted_by = None;
    }
    let newly = !conflict.is_empty() && conflict_content(&conflict) != conflict_content(&before);
    if conflict.is_empty() {
        sn.conflict = None;
    } else {
        if newly {
            conflict.source = source.file.clone();
            conflict.at = Some(source.at);
        }
        sn.conflict = Some(conflict);
    }
    sn.base = Some(fnote.values());
    (updated, newly)
}

/// A conflict without its label: what the facilitator has to decide.
fn conflict_content(
    c: &NoteConflict,
) -> (Option<&String>, &BTreeMap<String, Value>, Option<DeletedBy>) {
    (c.text.as_ref(), &c.fields, c.deleted_by)
}

/// Whether the session's note differs from how it was last imported.
fn edited_since_import(n: &Note) -> bool {
    match &n.base {
        Some(b) => b.text.as_ref() != Some(&n.text) || b.coding.as_ref() != Some(&n.coding()),
        None => true,
    }
}

/// Whether the file's note differs from the base recorded in a tombstone.
fn differs_from(n: &Note, base: Option<&NoteBase>) -> bool {
    match base {
        Some(b) => b.text.as_ref() != Some(&n.text) || b.coding.as_ref() != Some(&n.coding()),
        None => true,
    }
}

/// Every note id in the session.
fn note_ids(session: &Session) -> HashSet<Id> {
    session
        .interviews
        .iter()
        .flat_map(|i| i.notes.iter().map(|n| n.id.clone()))
        .collect()
}

/// A fresh id for a note of the file whose id is taken in the session: derived from the
/// interview and the note's id in the file, so the same file imported into copies of a
/// session gives the same ids (import twice = once), and never one already taken.
fn fresh_note_id(taken: &HashSet<Id>, interview: &Id, file_id: &Id) -> Id {
    let mut k = 1u32;
    loop {
        let id = Id(format!("{file_id}~{}~{k}", short(interview)));
        if !taken.contains(&id) {
            return id;
        }
        k += 1;
    }
}

fn short(id: &Id) -> &str {
    id.0.get(..8).unwrap_or(&id.0)
}

/// Gives the second and later notes with one id inside an interview file fresh ids
/// (`<id>~2`, `<id>~3`, ...: the same every time the file is read, so a re-import
/// recognises them). Returns how many were renamed.
pub fn repair_file_note_ids(iv: &mut Interview) -> usize {
    let mut seen: HashSet<Id> = HashSet::new();
    let all: HashSet<Id> = iv.notes.iter().map(|n| n.id.clone()).collect();
    let mut renamed = 0;
    for n in &mut iv.notes {
        if seen.insert(n.id.clone()) {
            continue;
        }
        let fresh = suffixed(&n.id, |id| all.contains(id) || seen.contains(id));
        n.id = fresh.clone();
        seen.insert(fresh);
        renamed += 1;
    }
    renamed
}

/// One repair made to a session's ids on load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdRepair {
    /// Two interviews had one id; the later one (label) got a fresh id.
    Interview { label: String },
    /// Two notes had one id; the later one got a fresh id (interview label).
    Note { interview: String },
}

/// `old~2`, `old~3`, …: the first that `taken` does not hold. The same scheme on both
/// sides (session and interviewer's file), so repaired ids still meet on re-import.
fn suffixed(old: &Id, taken: impl Fn(&Id) -> bool) -> Id {
    let mut k = 2u32;
    loop {
        let id = Id(format!("{old}~{k}"));
        if !taken(&id) {
            return id;
        }
        k += 1;
    }
}

/// Finds duplicate interview ids and duplicate note ids in a session and gives the later
/// ones fresh ids, never merging them. Run on load; says what it did.
pub fn repair_session_ids(session: &mut Session) -> Vec<IdRepair> {
    let mut out = Vec::new();
    let mut seen: HashSet<Id> = HashSet::new();
    for iv in &mut session.interviews {
        if !seen.insert(iv.id.clone()) {
            let iv = Arc::make_mut(iv);
            let old = iv.id.clone();
            let fresh = suffixed(&old, |id| seen.contains(id));
            // It keeps matching its interviewer's file by the old id.
            iv.file_id.get_or_insert(old);
            iv.id = fresh.clone();
            seen.insert(fresh);
            out.push(IdRepair::Interview { label: label(iv) });
        }
    }
    let mut notes: HashSet<Id> = HashSet::new();
    for iv in &mut session.interviews {
        if iv.notes.iter().all(|n| !notes.contains(&n.id)) {
            let unique: HashSet<&Id> = iv.notes.iter().map(|n| &n.id).collect();
            if unique.len() == iv.notes.len() {
                notes.extend(iv.notes.iter().map(|n| n.id.clone()));
                continue;
            }
        }
        let iv = Arc::make_mut(iv);
        let name = label(iv);
        // The interviewer's file repairs its own duplicates as `repair_file_note_ids`
        // does; a duplicate inside this interview must answer to that repaired id, not
        // to the id of the note it duplicated.
        let own: HashSet<Id> = iv.notes.iter().map(|n| n.id.clone()).collect();
        let mut own_seen: HashSet<Id> = HashSet::new();
        for n in &mut iv.notes {
            let in_file = if own_seen.insert(n.id.clone()) {
                None
            } else {
                let fresh = suffixed(&n.id, |id| own.contains(id) || own_seen.contains(id));
                own_seen.insert(fresh.clone());
                Some(fresh)
            };
            if notes.insert(n.id.clone()) {
                continue;
            }
            let old = n.id.clone();
            let fresh = suffixed(&old, |id| notes.contains(id));
            match in_file {
                Some(id) if n.file_id.is_none() => n.file_id = Some(id),
                _ => {
                    n.file_id.get_or_insert(old);
                }
            }
            n.id = fresh.clone();
            notes.insert(fresh);
            out.push(IdRepair::Note {
                interview: name.clone(),
            });
        }
    }
    out
}

fn label(iv: &Interview) -> String {
    if iv.interviewee.trim().is_empty() {
        iv.organisation.clone()
    } else {
        iv.interviewee.clone()
    }
}

/// Merges one interview file into the session and says what changed. `source` names
/// the file (its name, not its folder) for the conflict labels.
pub fn merge_file_from(
    session: &mut Session,
    file: &InterviewFile,
    source: &str,
) -> InterviewReport {
    let mut incoming = file.interview.clone();
    let duplicates = repair_file_note_ids(&mut incoming);
    let inc = &incoming;
    let src = ImportSource {
        file: source.to_string(),
        at: file.updated,
    };
    let mut report = InterviewReport {
        label: label(inc),
        duplicate_notes_in_file: duplicates,
        ..InterviewReport::default()
    };
    let Some(k) = target_interview(session, inc) else {
        add_interview(session, inc, src, &mut report);
        return report;
    };
    let mut taken = note_ids(session);
    let cur = Arc::make_mut(&mut session.interviews[k]);
    merge_fields(cur, inc, &mut report);
    cur.source = Some(src.clone());
    settle_notes_deleted_in_file(cur, inc, &src, &mut taken, &mut report);
    merge_file_notes(cur, inc, &src, &mut taken, &mut report);
    report
}

/// The interview this file updates: one the file's id names (its own id, or the id it
/// had in the file when it got a fresh one here) that is plausibly the same person. The
/// file's id naming only other people's interviews is a collision.
fn target_interview(session: &Session, inc: &Interview) -> Option<usize> {
    let fields = inc.fields();
    let plausible = |cur: &Interview| {
        same_person(&cur.fields(), &fields)
            || cur.base.as_ref().is_some_and(|b| same_person(b, &fields))
    };
    session
        .interviews
        .iter()
        .position(|i| i.file_id.as_ref() == Some(&inc.id) && plausible(i))
        .or_else(|| {
            session
                .interviews
                .iter()
                .position(|i| i.file_key() == &inc.id && plausible(i))
        })
}

/// A file's interview new to this session: added (with fresh ids where its own are
/// taken), unless it is empty or was deleted here and not changed there since.
fn add_interview(
    session: &mut Session,
    inc: &Interview,
    src: ImportSource,
    report: &mut InterviewReport,
) {
    let fields = inc.fields();
    let named = |i: &&Arc<Interview>| i.file_key() == &inc.id || i.id == inc.id;
    let collides_with = session.interviews.iter().find(named).map(|i| label(i));
    let id_taken = session.interviews.iter().any(|i| i.id == inc.id);
    let empty = inc.notes.is_empty()
        && [&inc.interviewee, &inc.organisation, &inc.role]
            .iter()
            .all(|x| x.trim().is_empty());
    if empty {
        report.skipped_empty = true;
        return;
    }
    // Deleted here before: stays deleted unless the interviewer changed it since.
    let tomb = session
        .deleted_interviews
        .iter()
        .position(|t| t.id == inc.id && t.fields.as_ref().is_none_or(|f| same_person(f, &fields)));
    let back = match tomb {
        Some(t)
            if session.deleted_interviews[t]
                .imported_at
                .is_some_and(|at| src.at <= at) =>
        {
            report.kept_deleted = true;
            return;
        }
        Some(t) => {
            session.deleted_interviews.remove(t);
            true
        }
        None => false,
    };
    let taken = note_ids(session);
    let mut new = inc.clone();
    if collides_with.is_some() || id_taken {
        report.id_collision = collides_with;
        new.id = Id::new();
        new.file_id = Some(inc.id.clone());
    }
    // A half-typed line stays with the interviewer.
    new.draft.clear();
    new.base = Some(fields);
    let (source, at) = (src.file.clone(), src.at);
    new.source = Some(src);
    new.fields_conflict.clear();
    let new_id = new.id.clone();
    for n in &mut new.notes {
        n.base = Some(n.values());
        n.conflict = back.then(|| NoteConflict {
            deleted_by: Some(DeletedBy::Session),
            source: source.clone(),
            at: Some(at),
            ..NoteConflict::default()
        });
        if taken.contains(&n.id) {
            let fresh = fresh_note_id(&taken, &new_id, &n.id);
            n.file_id = Some(std::mem::replace(&mut n.id, fresh));
            report.notes_renumbered += 1;
        }
    }
    report.added = true;
    report.back_after_deletion = back;
    if back {
        report.notes_conflicted = new.notes.len();
    } else {
        report.notes_added = new.notes.len();
    }
    session.interviews.push(Arc::new(new));
}

/// Notes the interviewer deleted (imported before, missing from the file now): gone,
/// with a tombstone, unless edited here since, then kept as a conflict.
fn settle_notes_deleted_in_file(
    cur: &mut Interview,
    inc: &Interview,
    src: &ImportSource,
    taken: &mut HashSet<Id>,
    report: &mut InterviewReport,
) {
    let in_file: HashSet<&Id> = inc.notes.iter().map(|n| &n.id).collect();
    let mut keep = Vec::with_capacity(cur.notes.len());
    for mut sn in std::mem::take(&mut cur.notes) {
        if sn.base.is_none() || in_file.contains(sn.file_key()) {
            keep.push(sn);
            continue;
        }
        let tomb = inc.deleted.iter().find(|t| t.id == *sn.file_key());
        if edited_since_import(&sn) {
            // Deleted there, edited here: the facilitator decides.
            let mut c = sn.conflict.take().unwrap_or_default();
            if c.deleted_by != Some(DeletedBy::Interviewer) {
                c.deleted_by = Some(DeletedBy::Interviewer);
                c.source = src.file.clone();
                c.at = Some(tomb.map_or(src.at, |t| t.at));
                report.notes_conflicted += 1;
            }
            sn.conflict = Some(c);
            keep.push(sn);
        } else {
            cur.deleted.retain(|t| t.id != *sn.file_key());
            cur.deleted.push(Tombstone {
                id: sn.file_key().clone(),
                side: DeletedBy::Interviewer,
                by: tomb.map_or_else(|| inc.interviewer.clone(), |t| t.by.clone()),
                at: tomb.map_or(src.at, |t| t.at),
                base: sn.base.clone(),
            });
            taken.remove(&sn.id);
            report.notes_deleted += 1;
        }
    }
    cur.notes = keep;
}

/// The file's notes: each merged into its note here, or added (back, or as a conflict
/// where it was deleted here and edited there; kept deleted where untouched there).
fn merge_file_notes(
    cur: &mut Interview,
    inc: &Interview,
    src: &ImportSource,
    taken: &mut HashSet<Id>,
    report: &mut InterviewReport,
) {
    for fnote in &inc.notes {
        if let Some(sn) = cur.notes.iter_mut().find(|n| n.file_key() == &fnote.id) {
            let (updated, conflicted) = merge_note(sn, fnote, src);
            if conflicted {
                report.notes_conflicted += 1;
            } else if updated {
                report.notes_updated += 1;
            }
            continue;
        }
        let tomb = cur.deleted.iter().position(|t| t.id == fnote.id);
        let mut n = fnote.clone();
        n.base = Some(fnote.values());
        n.conflict = None;
        match tomb.map(|t| (t, cur.deleted[t].side)) {
            // Deleted here, untouched there: stays deleted.
            Some((t, DeletedBy::Session)) if !differs_from(fnote, cur.deleted[t].base.as_ref()) => {
                continue;
            }
            // Deleted here, edited there: back, marked, for the facilitator to decide.
            Some((t, DeletedBy::Session)) => {
                cur.deleted.remove(t);
                n.conflict = Some(NoteConflict {
                    deleted_by: Some(DeletedBy::Session),
                    source: src.file.clone(),
                    at: Some(src.at),
                    ..NoteConflict::default()
                });
                report.notes_conflicted += 1;
            }
            // The interviewer brought back a note they had deleted.
            Some((t, DeletedBy::Interviewer)) => {
                cur.deleted.remove(t);
                report.notes_added += 1;
            }
            None => report.notes_added += 1,
        }
        if taken.contains(&n.id) {
            let fresh = fresh_note_id(taken, &cur.id, &n.id);
            n.file_id = Some(std::mem::replace(&mut n.id, fresh));
            report.notes_renumbered += 1;
        }
        taken.insert(n.id.clone());
        cur.notes.push(n);
    }
}

/// Keeps the other version of a conflict instead of the note as it shows (the
/// facilitator's choice): its text and fields replace the note's. For a note deleted on
/// the other side, keeping that version means deleting it: returns which side deleted
/// it, and the caller deletes the note (leaving a tombstone).
pub fn take_other_version(n: &mut Note) -> Option<DeletedBy> {
    let c = n.conflict.take()?;
    if let Some(text) = c.text {
        n.text = text;
    }
    for (name, v) in c.fields {
        set_field(n, &name, v);
    }
    c.deleted_by
}

/// Sets one coding field from its JSON value, returning the value it had.
fn set_field(n: &mut Note, name: &str, v: Value) -> Value {
    macro_rules! swap {
        ($f:expr) => {{
            let old = json(&$f);
            if let Ok(x) = serde_json::from_value(v) {
                $f = x;
            }
            old
        }};
    }
    match name {
        "area" => swap!(n.area),
        "kind" => swap!(n.kind),
        "corner" => swap!(n.corner),
        "phase" => swap!(n.phase),
        "focus_areas" => swap!(n.focus_areas),
        "public" => swap!(n.public),
        "approval" => {
            let old = json(&(n.approval, n.approved.clone()));
            if let Ok((a, r)) = serde_json::from_value(v) {
                n.approval = a;
                n.approved = r;
            }
            old
        }
        _ => v,
    }
}

/// Keeps the note as it shows now and drops the other version. A note the interviewer
/// deleted and the facilitator keeps becomes the session's own (a re-import no longer
/// deletes it).
pub fn keep_this_version(n: &mut Note) {
    if let Some(c) = n.conflict.take()
        && c.deleted_by == Some(DeletedBy::Interviewer)
    {
        n.base = None;
    }
}

/// Keeps both texts of a text conflict as two notes: the other version becomes a new
/// note (same coding, the session's own) placed after this one. None when there is no
/// other text.
pub fn split_versions(n: &mut Note) -> Option<Note> {
    let other = n.conflict.as_mut()?.text.take()?;
    let mut twin = n.clone();
    twin.id = Id::new();
    twin.file_id = None;
    twin.base = None;
    twin.conflict = None;
    twin.text = other;
    // The approval was for one of the two texts; the new note's words were not approved.
    if twin.approved.as_ref().is_some_and(|a| a.text != twin.text) {
        twin.approval = super::Approval::NietGevraagd;
        twin.approved = None;
    }
    if n.conflict.as_ref().is_some_and(NoteConflict::is_empty) {
        n.conflict = None;
    }
    Some(twin)
}

/// Takes the interviewer file's values of the interview's details that changed on both
/// sides (the facilitator's choice).
pub fn take_file_fields(iv: &mut Interview) {
    let conflicts = std::mem::take(&mut iv.fields_conflict);
    let mut fields = json(&iv.fields());
    for (name, v) in conflicts {
        let at = match name.as_str() {
            "partner_kind" => "/kind".to_string(),
            f => format!("/{}", f.replace('.', "/")),
        };
        if let Some(slot) = fields.pointer_mut(&at) {
            *slot = v;
        }
    }
    if let Ok(f) = serde_json::from_value::<InterviewFields>(fields) {
        iv.interviewee = f.interviewee;
        iv.organisation = f.organisation;
        iv.role = f.role;
        iv.kind = f.kind;
        iv.date = f.date;
        iv.interviewer = f.interviewer;
        iv.consent = f.consent;
    }
}

/// Makes an interview coming back into the session (undo of a deletion) safe to add:
/// when its id was taken meanwhile (a re-import brought the interview back), it becomes
/// the session's own copy under a fresh id, and notes whose ids are taken get fresh
/// ones, so no two interviews or notes ever share an id. Returns whether it changed.
pub fn make_room_for(session: &Session, iv: &mut Interview) -> bool {
    let mut changed = false;
    if session.interviews.iter().any(|i| i.id == iv.id) {
        iv.id = Id::new();
        iv.file_id = None;
        iv.source = None;
        iv.base = None;
        changed = true;
    }
    let taken = note_ids(session);
    for n in &mut iv.notes {
        if taken.contains(&n.id) {
            n.id = Id::new();
            n.file_id = None;
            n.base = None;
            changed = true;
        }
    }
    changed
}

/// Merges one interview file into the session (no file name for the conflict labels).
pub fn merge_file(session: &mut Session, file: &InterviewFile) -> InterviewReport {
    merge_file_from(session, file, "")
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

    fn iv(s: &mut Session) -> &mut Interview {
        Arc::make_mut(&mut s.interviews[0])
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
        iv(&mut s).notes[1].text = "twee (sessie)".into();
        let r = merge_file(&mut s, &f);
        assert_eq!(r.notes_updated, 2, "{r:?}");
        assert_eq!(s.interviews[0].notes[0].text, "een (aangevuld)");
        assert_eq!(s.interviews[0].notes[1].kind, NoteKind::Citaat);
        assert_eq!(s.interviews[0].notes[1].text, "twee (sessie)");
        // Now both edit note 0's text.
        f.interview.notes[0].text = "een (interviewer)".into();
        iv(&mut s).notes[0].text = "een (begeleider)".into();
        let r = merge_file(&mut s, &f);
        assert_eq!(r.notes_conflicted, 1, "{r:?}");
        let n = &s.interviews[0].notes[0];
        assert_eq!(n.text, "een (begeleider)");
        assert_eq!(
            n.conflict.as_ref().and_then(|c| c.text.as_deref()),
            Some("een (interviewer)")
        );
        let again = s.clone();
        assert!(merge_file(&mut s, &f).unchanged());
        assert_eq!(s, again);
    }

    #[test]
    fn the_interviewers_area_change_survives_the_facilitators_kind_change() {
        let mut s = session();
        let mut f = file_with(&["een"]);
        merge_file(&mut s, &f);
        f.interview.notes[0].area = "waarom".into();
        iv(&mut s).notes[0].kind = NoteKind::Succesfactor;
        let r = merge_file(&mut s, &f);
        let n = &s.interviews[0].notes[0];
        assert_eq!(n.area, "waarom");
        assert_eq!(n.kind, NoteKind::Succesfactor);
        assert!(n.conflict.is_none());
        assert_eq!((r.notes_updated, r.notes_conflicted), (1, 0), "{r:?}");
    }

    #[test]
    fn a_note_the_interviewer_deleted_is_deleted_and_one_the_facilitator_deleted_stays_so() {
        let mut s = session();
        let mut f = file_with(&["een", "twee", "drie"]);
        merge_file(&mut s, &f);
        // Interviewer deletes "een"; facilitator deletes "drie".
        f.interview.notes.remove(0);
        iv(&mut s).delete_note(2, DeletedBy::Session, "", datetime!(2026-11-02 10:00 UTC));
        let r = merge_file(&mut s, &f);
        let texts: Vec<_> = s.interviews[0]
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["twee"]);
        assert_eq!(r.notes_deleted, 1);
        assert!(merge_file(&mut s, &f).unchanged());
    }

    #[test]
    fn a_deletion_in_the_interviewers_file_says_who_and_when_in_the_session() {
        let mut s = session();
        let mut f = file_with(&["een", "twee"]);
        f.interview.interviewer = "L. Smit".into();
        merge_file(&mut s, &f);
        f.interview.delete_note(
            0,
            DeletedBy::Interviewer,
            "L. Smit",
            datetime!(2026-11-03 9:30 UTC),
        );
        let r = merge_file(&mut s, &f);
        assert_eq!(r.notes_deleted, 1);
        let t = &s.interviews[0].deleted[0];
        assert_eq!((t.side, t.by.as_str()), (DeletedBy::Interviewer, "L. Smit"));
        assert_eq!(t.at, datetime!(2026-11-03 9:30 UTC));
    }

    #[test]
    fn deleted_on_one_side_and_edited_on_the_other_is_a_conflict() {
        let mut s = session();
        let mut f = file_with(&["een", "twee"]);
        merge_file(&mut s, &f);
        // The interviewer deletes "een", which the facilitator edited.
        f.interview.notes.remove(0);
        iv(&mut s).notes[0].text = "een (sessie)".into();
        // The facilitator deletes "twee", which the interviewer edited.
        f.interview.notes[0].text = "twee (interviewer)".into();
        iv(&mut s).delete_note(1, DeletedBy::Session, "", datetime!(2026-11-02 10:00 UTC));
        let r = merge_file(&mut s, &f);
        assert_eq!(r.notes_conflicted, 2, "{r:?}");
        let notes = &s.interviews[0].notes;
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(Note::has_conflict));
        assert!(merge_file(&mut s, &f).unchanged());
    }

    #[test]
    fn an_id_collision_with_another_person_is_a_new_interview() {
        let mut s = session();
        let f = file_with(&["een"]);
        merge_file(&mut s, &f);
        let mut other = file_with(&["Piet zegt dit"]);
        other.interview.id = f.interview.id.clone();
        other.interview.notes[0].id = f.interview.notes[0].id.clone();
        other.interview.interviewee = "Piet".into();
        let r = merge_file(&mut s, &other);
        assert_eq!(r.id_collision.as_deref(), Some("Ans"));
        assert_eq!(s.interviews.len(), 2);
        assert_eq!(s.interviews[0].notes[0].text, "een");
        assert_eq!(s.interviews[1].interviewee, "Piet");
        assert_ne!(s.interviews[0].id, s.interviews[1].id);
        assert_ne!(s.interviews[0].notes[0].id, s.interviews[1].notes[0].id);
        let once = s.clone();
        assert!(merge_file(&mut s, &other).unchanged());
        assert_eq!(s, once);
    }

    #[test]
    fn an_empty_interview_file_adds_no_interview() {
        let mut s = session();
        let mut f = file_with(&[]);
        f.interview.interviewee.clear();
        let r = merge_file(&mut s, &f);
        assert!(r.skipped_empty && r.unchanged());
        assert!(s.interviews.is_empty());
    }

    #[test]
    fn after_repairing_duplicate_ids_each_persons_file_finds_their_own_interview() {
        let mut s = session();
        let mut ans = file_with(&["Ans zegt"]);
        let mut piet = file_with(&["Piet zegt"]);
        piet.interview.id = ans.interview.id.clone();
        piet.interview.interviewee = "Piet".into();
        piet.interview.notes[0].id = Id::new();
        // Two interviews with one id, as an older volgspot could leave them.
        merge_file(&mut s, &ans);
        let mut twin = (*s.interviews[0]).clone();
        twin.interviewee = "Piet".into();
        twin.notes = piet.interview.notes.clone();
        for n in &mut twin.notes {
            n.base = Some(n.values());
        }
        twin.base = Some(twin.fields());
        s.interviews.push(Arc::new(twin));
        let repairs = repair_session_ids(&mut s);
        assert_eq!(repairs.len(), 1);
        ans.interview.notes[0].text = "Ans zegt meer".into();
        piet.interview.notes[0].text = "Piet zegt meer".into();
        merge_file(&mut s, &ans);
        merge_file(&mut s, &piet);
        assert_eq!(s.interviews.len(), 2);
        assert_eq!(s.interviews[0].interviewee, "Ans");
        assert_eq!(s.interviews[0].notes[0].text, "Ans zegt meer");
        assert_eq!(s.interviews[1].interviewee, "Piet");
        assert_eq!(s.interviews[1].notes[0].text, "Piet zegt meer");
    }

    #[test]
    fn an_interview_the_facilitator_deleted_stays_deleted_unless_the_file_changed() {
        let mut s = session();
        let mut f = file_with(&["een", "twee"]);
        merge_file(&mut s, &f);
        s.delete_interview(0, datetime!(2026-11-02 10:00 UTC));
        let r = merge_file(&mut s, &f);
        assert!(r.kept_deleted && r.unchanged(), "{r:?}");
        assert!(s.interviews.is_empty());
        // The interviewer adds a note later: back, every note marked for a decision.
        f.interview.notes[1].text = "twee, aangevuld".into();
        f.updated = datetime!(2026-11-03 10:00 UTC);
        let r = merge_file(&mut s, &f);
        assert!(r.back_after_deletion, "{r:?}");
        assert_eq!(r.notes_conflicted, 2);
        assert!(s.interviews[0].notes.iter().all(Note::has_conflict));
        assert!(merge_file(&mut s, &f).unchanged());
    }

    #[test]
    fn a_duplicate_note_id_repaired_on_load_still_matches_its_file_on_reimport() {
        // An older volgspot left two notes of one interview with one id, as the
        // interviewer's file has them too.
        let mut s = session();
        let mut f = file_with(&["een", "twee"]);
        merge_file(&mut s, &f);
        let dup = f.interview.notes[0].id.clone();
        f.interview.notes[1].id = dup.clone();
        {
            let iv = Arc::make_mut(&mut s.interviews[0]);
            for n in &mut iv.notes {
                n.id = dup.clone();
                n.file_id = None;
            }
        }
        assert_eq!(repair_session_ids(&mut s).len(), 1);
        let r = merge_file(&mut s, &f);
        assert_eq!(r.notes_added, 0, "{r:?}");
        let texts: Vec<_> = s.interviews[0]
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["een", "twee"]);
    }

    #[test]
    fn duplicate_note_ids_in_a_file_stay_two_notes() {
        let mut s = session();
        let mut f = file_with(&["een", "twee"]);
        f.interview.notes[1].id = f.interview.notes[0].id.clone();
        let r = merge_file(&mut s, &f);
        assert_eq!(r.duplicate_notes_in_file, 1);
        assert_eq!(s.interviews[0].notes.len(), 2);
        let r = merge_file(&mut s, &f);
        assert!(r.unchanged(), "{r:?}");
        let texts: Vec<_> = s.interviews[0]
            .notes
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["een", "twee"]);
    }
}
