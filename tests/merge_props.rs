//! Properties of merging interview files into a session (proptest): importing twice is
//! importing once, the order of non-overlapping files does not matter, and no note or
//! typed text is ever dropped.

use proptest::prelude::*;
use time::macros::datetime;
use volgspot::model::interview_file::InterviewFile;
use volgspot::model::merge::merge_file;
use volgspot::model::{Id, Interview, Note, NoteKind, Session};

const AREAS: [&str; 5] = ["waarom", "wat", "hoe", "proces", "voortgang"];

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

fn notes_strategy() -> impl Strategy<Value = Vec<(String, usize, usize)>> {
    prop::collection::vec(("[a-z]{1,6}( [a-z]{1,6})?", 0..5usize, 0..5usize), 0..6)
}

/// Per note: edited in the session, edited in the file, recoded in the file, removed
/// from the file.
fn edits_strategy() -> impl Strategy<Value = Vec<(bool, bool, bool, bool)>> {
    prop::collection::vec(any::<(bool, bool, bool, bool)>(), 6)
}

/// Imports `f0`, then edits both sides; returns (session, newer file).
fn diverge(
    f0: &InterviewFile,
    edits: &[(bool, bool, bool, bool)],
    extra_session: &str,
    extra_file: &str,
) -> (Session, InterviewFile) {
    let mut s = session();
    merge_file(&mut s, f0);
    let mut f1 = f0.clone();
    for (k, &(es, ef, rf, _)) in edits.iter().enumerate().take(f0.interview.notes.len()) {
        if es {
            std::sync::Arc::make_mut(&mut s.interviews[0]).notes[k]
                .text
                .push_str(" (sessie)");
        }
        if ef {
            f1.interview.notes[k].text.push_str(" (interviewer)");
        }
        if rf {
            f1.interview.notes[k].kind = f1.interview.notes[k].kind.next();
        }
    }
    // Removals last, so the indexes above stay right.
    for (k, &(_, _, _, rm)) in edits
        .iter()
        .enumerate()
        .take(f0.interview.notes.len())
        .rev()
    {
        if rm {
            f1.interview.notes.remove(k);
        }
    }
    if !extra_session.is_empty() {
        std::sync::Arc::make_mut(&mut s.interviews[0])
            .notes
            .push(Note {
                id: Id("sessie-extra".into()),
                text: extra_session.to_string(),
                ..Note::default()
            });
    }
    if !extra_file.is_empty() {
        f1.interview.notes.push(Note {
            id: Id("file-extra".into()),
            text: extra_file.to_string(),
            ..Note::default()
        });
    }
    (s, f1)
}

fn sorted(mut s: Session) -> Session {
    s.interviews.sort_by(|a, b| a.id.cmp(&b.id));
    s
}

proptest! {
    #[test]
    fn importing_twice_is_importing_once(
        notes in notes_strategy(),
        edits in edits_strategy(),
        xs in "[a-z]{0,5}",
        xf in "[a-z]{0,5}",
    ) {
        let f0 = file("iv-a", &notes);
        let (mut s, f1) = diverge(&f0, &edits, &xs, &xf);
        merge_file(&mut s, &f1);
        let once = s.clone();
        let report = merge_file(&mut s, &f1);
        prop_assert_eq!(&s, &once);
        prop_assert!(report.unchanged(), "{:?}", report);

        // Also for a file new to the session.
        let mut fresh = session();
        merge_file(&mut fresh, &f0);
        let once = fresh.clone();
        merge_file(&mut fresh, &f0);
        prop_assert_eq!(fresh, once);
    }

    #[test]
    fn order_of_non_overlapping_files_does_not_matter(
        a in notes_strategy(),
        b in notes_strategy(),
        existing in notes_strategy(),
    ) {
        let fa = file("iv-a", &a);
        let fb = file("iv-b", &b);
        let mut base = session();
        merge_file(&mut base, &file("iv-0", &existing));
        let mut ab = base.clone();
        merge_file(&mut ab, &fa);
        merge_file(&mut ab, &fb);
        let mut ba = base;
        merge_file(&mut ba, &fb);
        merge_file(&mut ba, &fa);
        // New interviews are appended in import order; as a set they are equal.
        prop_assert_eq!(sorted(ab), sorted(ba));
    }

    #[test]
    fn no_note_and_no_typed_text_is_ever_dropped(
        notes in notes_strategy(),
        edits in edits_strategy(),
        xs in "[a-z]{0,5}",
        xf in "[a-z]{0,5}",
    ) {
        let f0 = file("iv-a", &notes);
        let (before, f1) = diverge(&f0, &edits, &xs, &xf);
        let mut s = before.clone();
        let report = merge_file(&mut s, &f1);
        let after = &s.interviews[0].notes;
        let find = |id: &Id| after.iter().find(|n| n.id == *id);
        // Every note of the session and of the file is there.
        for n in before.interviews[0].notes.iter().chain(&f1.interview.notes) {
            prop_assert!(find(&n.id).is_some(), "note {} dropped", n.id);
        }
        // Text the session typed is never overwritten.
        for n in &before.interviews[0].notes {
            let orig = f0.interview.notes.iter().find(|o| o.id == n.id);
            if orig.is_none_or(|o| o.text != n.text) {
                prop_assert_eq!(&find(&n.id).unwrap().text, &n.text);
            }
        }
        // Text the interviewer changed or added is there, as the text or as the conflict.
        for n in &f1.interview.notes {
            let orig = f0.interview.notes.iter().find(|o| o.id == n.id);
            if orig.is_some_and(|o| o.text == n.text) {
                continue;
            }
            let kept = find(&n.id).unwrap();
            prop_assert!(
                kept.text == n.text || kept.conflict.as_ref().and_then(|c| c.text.as_deref()) == Some(n.text.as_str()),
                "{:?} vs {:?}", kept, n
            );
        }
        // Every conflict is reported.
        let conflicts = after.iter().filter(|n| n.conflict.is_some()).count();
        prop_assert!(report.notes_conflicted >= conflicts, "{:?}", report);
    }
}
