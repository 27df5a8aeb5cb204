//! Properties of merging interview files into a session (proptest), over random
//! histories on both sides: edits, coding changes, deletions and additions by the
//! interviewer (in the file) and by the facilitator (in the session), with imports in
//! between. Whatever happened: no typed text and no field change of either side is lost
//! (it is merged, or present as a conflict), importing twice is importing once, imports
//! of unrelated interviews commute, ids stay unique, and the import report counts
//! exactly what the import did.

use proptest::prelude::*;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use time::macros::datetime;
use volgspot::model::interview_file::InterviewFile;
use volgspot::model::merge::{
    InterviewReport, keep_this_version, merge_file, merge_file_from, split_versions,
    take_other_version,
};
use volgspot::model::{
    Approval, DeletedBy, Id, Interview, Note, NoteBase, NoteConflict, NoteKind, Session,
};

/// Generated cases per property: 400, or `PROPTEST_CASES` for a longer run. The
/// closing note of the issue reports these.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

const AREAS: [&str; 5] = ["waarom", "wat", "hoe", "proces", "voortgang"];

#[derive(Debug, Clone)]
enum Op {
    /// Append words to a note's text (index into the notes there are).
    Edit(bool, usize, String),
    /// Change one coding field: 0 area, 1 kind, 2 public, 3 approval, 4 corner.
    Recode(bool, usize, u8, usize),
    Delete(bool, usize),
    Add(bool, String),
    /// The interview's own details: role (text) or consent.
    Details(bool, String, bool),
    /// The facilitator settles a note's conflict: 0 keeps the other version, 1 this
    /// one, 2 both as two notes.
    Settle(usize, u8),
    Import,
}

/// `true` is the interviewer's side (the file), `false` the session's.
fn op() -> impl Strategy<Value = Op> {
    let words = "[a-z]{1,5}( [a-z]{1,5})?";
    prop_oneof![
        3 => (any::<bool>(), 0..8usize, words).prop_map(|(s, k, w)| Op::Edit(s, k, w)),
        3 => (any::<bool>(), 0..8usize, 0..5u8, 0..5usize)
            .prop_map(|(s, k, f, v)| Op::Recode(s, k, f, v)),
        2 => (any::<bool>(), 0..8usize).prop_map(|(s, k)| Op::Delete(s, k)),
        2 => (any::<bool>(), words).prop_map(|(s, w)| Op::Add(s, w)),
        1 => (any::<bool>(), "[a-z]{0,6}", any::<bool>()).prop_map(|(s, r, c)| Op::Details(s, r, c)),
        2 => (0..8usize, 0..3u8).prop_map(|(k, how)| Op::Settle(k, how)),
        2 => Just(Op::Import),
    ]
}

fn notes_strategy() -> impl Strategy<Value = Vec<(String, usize, usize)>> {
    prop::collection::vec(("[a-z]{1,6}( [a-z]{1,6})?", 0..5usize, 0..5usize), 0..6)
}

fn file(id: &str, notes: &[(String, usize, usize)]) -> InterviewFile {
    let notes = notes
        .iter()
        .enumerate()
        .map(|(k, (text, area, kind))| Note {
            id: Id(format!("{id}-n{k}")),
            text: text.clone(),
            area: AREAS[*area].to_string(),
            kind: NoteKind::ALL[*kind],
            ..Note::default()
        })
        .collect();
    let iv = Interview {
        id: Id(id.to_string()),
        interviewee: format!("persoon {id}"),
        date: "2026-11-01".into(),
        notes,
        ..Interview::default()
    };
    InterviewFile::new("Pact", iv, datetime!(2026-11-01 10:00 UTC))
}

fn session() -> Session {
    let mut s = Session::new("Pact", 1, datetime!(2026-11-01 10:00 UTC));
    s.id = Id("s".into());
    s
}

fn recode(n: &mut Note, field: u8, v: usize) {
    let at = datetime!(2026-11-02 10:00 UTC);
    match field {
        0 => n.area = AREAS[v].to_string(),
        1 => n.kind = NoteKind::ALL[v],
        2 => n.public = v.is_multiple_of(2),
        3 => n.set_approval(Approval::ALL[v % 3], at),
        _ => n.corner = (v > 0).then(|| format!("hoek{v}")),
    }
}

/// Plays a history: the first import, then the ops. Returns the session and the file
/// as they are at the end (the last op need not be an import).
fn play(id: &str, notes: &[(String, usize, usize)], ops: &[Op]) -> (Session, InterviewFile) {
    let mut f = file(id, notes);
    let mut s = session();
    merge_file_from(&mut s, &f, "f.interview.json");
    let at = datetime!(2026-11-02 10:00 UTC);
    for (step, op) in ops.iter().enumerate() {
        let pos = s
            .interviews
            .iter()
            .position(|i| i.file_key().0 == id)
            .unwrap();
        let siv = Arc::make_mut(&mut s.interviews[pos]);
        let fiv = &mut f.interview;
        let notes = |file: bool| -> usize {
            if file {
                fiv.notes.len()
            } else {
                siv.notes.len()
            }
        };
        match op {
            Op::Edit(side, k, w) => {
                let len = notes(*side);
                if len > 0 {
                    let n = if *side {
                        &mut fiv.notes[k % len]
                    } else {
                        &mut siv.notes[k % len]
                    };
                    n.text.push(' ');
                    n.text.push_str(w);
                }
            }
            Op::Recode(side, k, field, v) => {
                let len = notes(*side);
                if len > 0 {
                    let n = if *side {
                        &mut fiv.notes[k % len]
                    } else {
                        &mut siv.notes[k % len]
                    };
                    recode(n, *field, *v);
                }
            }
            Op::Delete(side, k) => {
                let len = notes(*side);
                if len > 0 {
                    if *side {
                        fiv.delete_note(k % len, DeletedBy::Interviewer, "iv", at);
                    } else {
                        siv.delete_note(k % len, DeletedBy::Session, "", at);
                    }
                }
            }
            Op::Add(side, w) => {
                let who = if *side { "f" } else { "s" };
                let n = Note {
                    id: Id(format!("{id}-{who}-add{step}")),
                    text: w.clone(),
                    area: "hoe".into(),
                    ..Note::default()
                };
                if *side {
                    fiv.notes.push(n)
                } else {
                    siv.notes.push(n)
                }
            }
            Op::Details(side, role, consent) => {
                let iv = if *side { fiv } else { siv };
                iv.role = role.clone();
                iv.consent.quotes_public = *consent;
            }
            Op::Settle(k, how) => {
                let len = siv.notes.len();
                if len > 0 && siv.notes[k % len].conflict.is_some() {
                    let i = k % len;
                    match how {
                        0 => {
                            if let Some(side) = take_other_version(&mut siv.notes[i]) {
                                siv.delete_note(i, side, "", at);
                            }
                        }
                        1 => keep_this_version(&mut siv.notes[i]),
                        _ => {
                            if let Some(mut twin) = split_versions(&mut siv.notes[i]) {
                                twin.id = Id(format!("{id}-twin{step}"));
                                siv.notes.insert(i + 1, twin);
                            }
                        }
                    }
                }
            }
            Op::Import => {
                f.updated += time::Duration::minutes(step as i64);
                merge_file_from(&mut s, &f, "f.interview.json");
            }
        }
    }
    (s, f)
}

fn coding_fields(n: &Note) -> serde_json::Map<String, Value> {
    let mut m = match serde_json::to_value(n.coding()).unwrap() {
        Value::Object(m) => m,
        _ => unreachable!(),
    };
    m.remove("approved");
    m.insert(
        "approval".into(),
        serde_json::to_value((n.approval, n.approved.clone())).unwrap(),
    );
    m
}

fn base_fields(b: &NoteBase) -> Option<serde_json::Map<String, Value>> {
    let c = b.coding.as_ref()?;
    let n = Note {
        area: c.area.clone(),
        kind: c.kind,
        corner: c.corner.clone(),
        phase: c.phase.clone(),
        focus_areas: c.focus_areas.clone(),
        public: c.public,
        approval: c.approval,
        approved: c.approved.clone(),
        ..Note::default()
    };
    Some(coding_fields(&n))
}

/// The approval is compared by its words, not its moment (see the merge).
fn same_value(field: &str, a: &Value, b: &Value) -> bool {
    if field == "approval" {
        a[0] == b[0] && a[1].get("text") == b[1].get("text")
    } else {
        a == b
    }
}

/// What a conflict asks the facilitator to decide, without its label.
type Content = (Option<String>, Vec<(String, Value)>, Option<DeletedBy>);

fn conflict_content(c: &Option<NoteConflict>) -> Option<Content> {
    c.as_ref().filter(|c| !c.is_empty()).map(|c| {
        (
            c.text.clone(),
            c.fields.clone().into_iter().collect(),
            c.deleted_by,
        )
    })
}

/// Checks one import (`before` + `f` → `after`, `report`) against what each side did.
fn check_import(
    before: &Session,
    f: &InterviewFile,
    after: &Session,
    report: &InterviewReport,
) -> Result<(), TestCaseError> {
    let key = &f.interview.id;
    let bi = before
        .interviews
        .iter()
        .find(|i| i.file_key() == key)
        .unwrap();
    let ai = after
        .interviews
        .iter()
        .find(|i| i.file_key() == key)
        .unwrap();
    let by_key = |iv: &Interview| -> HashMap<Id, Note> {
        iv.notes
            .iter()
            .map(|n| (n.file_key().clone(), n.clone()))
            .collect()
    };
    let (bn, an) = (by_key(bi), by_key(ai));
    // The interviewer's side: every text or field changed since the last import is in
    // the session, as the value or as the conflict's other value.
    for fnote in &f.interview.notes {
        let base = bn.get(&fnote.id).and_then(|n| n.base.clone()).or_else(|| {
            bi.deleted
                .iter()
                .find(|t| t.id == fnote.id)
                .and_then(|t| t.base.clone())
        });
        let Some(kept) = an.get(&fnote.id) else {
            // Only a note the session deleted and the interviewer left alone is absent.
            let t = bi.deleted.iter().find(|t| t.id == fnote.id);
            prop_assert!(
                t.is_some_and(|t| t.side == DeletedBy::Session),
                "{:?} dropped",
                fnote
            );
            let b = base.unwrap_or_default();
            prop_assert_eq!(b.text.as_ref(), Some(&fnote.text));
            prop_assert_eq!(base_fields(&b), Some(coding_fields(fnote)));
            continue;
        };
        let b = base.unwrap_or_default();
        if b.text.as_ref() != Some(&fnote.text) {
            let other = kept.conflict.as_ref().and_then(|c| c.text.as_ref());
            prop_assert!(
                kept.text == fnote.text || other == Some(&fnote.text),
                "file text lost: {:?} vs {:?}",
                kept,
                fnote
            );
        }
        let bf = base_fields(&b);
        let kf = coding_fields(kept);
        for (name, v) in coding_fields(fnote) {
            let unchanged = bf
                .as_ref()
                .is_some_and(|m| same_value(&name, &m[&name], &v));
            if unchanged {
                continue;
            }
            let other = kept.conflict.as_ref().and_then(|c| c.fields.get(&name));
            prop_assert!(
                same_value(&name, &kf[&name], &v)
                    || other.is_some_and(|o| same_value(&name, o, &v)),
                "file's {} lost: {:?} vs {:?}",
                name,
                kept,
                fnote
            );
        }
    }
    // The session's side: every note typed or changed here keeps its text and fields.
    let in_file: HashSet<&Id> = f.interview.notes.iter().map(|n| &n.id).collect();
    for (k, sn) in &bn {
        let Some(kept) = an.get(k) else {
            // Gone only when the interviewer deleted it and it was not edited here.
            prop_assert!(!in_file.contains(k));
            let b = sn.base.clone();
            prop_assert!(
                b.is_some(),
                "a note typed in the session vanished: {:?}",
                sn
            );
            let b = b.unwrap();
            prop_assert_eq!(b.text.as_ref(), Some(&sn.text), "edited note deleted");
            prop_assert_eq!(
                base_fields(&b),
                Some(coding_fields(sn)),
                "recoded note deleted"
            );
            prop_assert!(
                ai.deleted
                    .iter()
                    .any(|t| t.id == *k && t.side == DeletedBy::Interviewer)
            );
            continue;
        };
        let b = sn.base.clone().unwrap_or_default();
        if b.text.as_ref() != Some(&sn.text) {
            prop_assert_eq!(&kept.text, &sn.text, "session text overwritten");
        }
        let bf = base_fields(&b);
        let kf = coding_fields(kept);
        for (name, v) in coding_fields(sn) {
            if bf
                .as_ref()
                .is_some_and(|m| same_value(&name, &m[&name], &v))
            {
                continue;
            }
            prop_assert!(
                same_value(&name, &kf[&name], &v),
                "session's {} overwritten",
                name
            );
        }
    }
    // The interview's own details, the same way.
    let fields = |iv: &Interview| serde_json::to_value(iv.fields()).unwrap();
    let (ff, sf, af) = (fields(&f.interview), fields(bi), fields(ai));
    let basef = bi.base.as_ref().map(|b| serde_json::to_value(b).unwrap());
    for (name, at) in [
        ("role", "/role"),
        ("consent.quotes_public", "/consent/quotes_public"),
    ] {
        let base = basef.as_ref().and_then(|b| b.pointer(at));
        let (fv, sv, av) = (&ff.pointer(at), &sf.pointer(at), af.pointer(at));
        if base != *fv {
            prop_assert!(
                av == *fv || ai.fields_conflict.get(name) == *fv,
                "file's {} lost",
                name
            );
        }
        if base != *sv {
            prop_assert_eq!(av, *sv, "session's {} overwritten", name);
        }
    }
    // The report counts exactly what happened.
    let added: Vec<&Id> = an.keys().filter(|k| !bn.contains_key(*k)).collect();
    let resurrected = added
        .iter()
        .filter(|k| {
            an[**k]
                .conflict
                .as_ref()
                .is_some_and(|c| c.deleted_by == Some(DeletedBy::Session))
        })
        .count();
    prop_assert_eq!(
        report.notes_added + resurrected,
        added.len(),
        "{:?}",
        report
    );
    let removed = bn.keys().filter(|k| !an.contains_key(*k)).count();
    prop_assert_eq!(report.notes_deleted, removed, "{:?}", report);
    let newly = an
        .iter()
        .filter(|(k, n)| {
            n.has_conflict()
                && bn
                    .get(*k)
                    .is_none_or(|b| conflict_content(&b.conflict) != conflict_content(&n.conflict))
        })
        .count();
    prop_assert_eq!(report.notes_conflicted, newly, "{:?}", report);
    // Every ⚠ announced is on a note (or the interview's details).
    if report.fields_conflicted > 0 {
        prop_assert!(!ai.fields_conflict.is_empty());
    }
    Ok(())
}

fn ids_unique(s: &Session) -> Result<(), TestCaseError> {
    let mut ivs = HashSet::new();
    let mut notes = HashSet::new();
    for iv in &s.interviews {
        prop_assert!(ivs.insert(iv.id.clone()), "interview id {} twice", iv.id);
        for n in &iv.notes {
            prop_assert!(notes.insert(n.id.clone()), "note id {} twice", n.id);
        }
    }
    Ok(())
}

fn sorted(mut s: Session) -> Session {
    s.interviews.sort_by(|a, b| a.id.cmp(&b.id));
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn no_change_of_either_side_is_lost_and_the_report_counts_exactly(
        notes in notes_strategy(),
        ops in prop::collection::vec(op(), 0..14),
    ) {
        let (before, f) = play("iv-a", &notes, &ops);
        let mut after = before.clone();
        let report = merge_file_from(&mut after, &f, "f.interview.json");
        check_import(&before, &f, &after, &report)?;
        ids_unique(&after)?;
    }

    #[test]
    fn importing_twice_is_importing_once(
        notes in notes_strategy(),
        ops in prop::collection::vec(op(), 0..14),
    ) {
        let (mut s, f) = play("iv-a", &notes, &ops);
        merge_file(&mut s, &f);
        let once = s.clone();
        let report = merge_file(&mut s, &f);
        prop_assert_eq!(&s, &once);
        prop_assert!(report.unchanged(), "{:?}", report);
        ids_unique(&s)?;
    }

    #[test]
    fn imports_of_unrelated_interviews_commute(
        a in notes_strategy(),
        b in notes_strategy(),
        ops_a in prop::collection::vec(op(), 0..10),
        ops_b in prop::collection::vec(op(), 0..10),
    ) {
        // Two interviews, each with its own history, in one session.
        let (sa, fa) = play("iv-a", &a, &ops_a);
        let (sb, fb) = play("iv-b", &b, &ops_b);
        let mut base = sa;
        base.interviews.extend(sb.interviews);
        let mut ab = base.clone();
        merge_file(&mut ab, &fa);
        merge_file(&mut ab, &fb);
        let mut ba = base;
        merge_file(&mut ba, &fb);
        merge_file(&mut ba, &fa);
        prop_assert_eq!(sorted(ab.clone()), sorted(ba));
        ids_unique(&ab)?;
    }

    #[test]
    fn a_file_that_reuses_an_id_never_lands_in_another_persons_interview(
        a in notes_strategy(),
        b in notes_strategy(),
        ops in prop::collection::vec(op(), 0..10),
    ) {
        let (mut s, _) = play("iv-a", &a, &ops);
        let theirs = s.clone();
        // Another person's file with the same interview id and the same note ids.
        let mut other = file("iv-a", &b);
        other.interview.interviewee = "iemand anders".into();
        let report = merge_file(&mut s, &other);
        prop_assert!(report.id_collision.is_some());
        prop_assert_eq!(&s.interviews[0], &theirs.interviews[0]);
        let new = s.interviews.iter().find(|i| i.interviewee == "iemand anders").unwrap();
        let texts = |iv: &Interview| iv.notes.iter().map(|n| n.text.clone()).collect::<Vec<_>>();
        prop_assert_eq!(texts(new), texts(&other.interview));
        ids_unique(&s)?;
        let once = s.clone();
        prop_assert!(merge_file(&mut s, &other).unchanged());
        prop_assert_eq!(s, once);
    }
}
