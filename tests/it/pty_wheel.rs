//! The wheel screen end to end: the real binary in a pseudo-terminal.

use crate::common;

use common::Term;
use std::path::{Path, PathBuf};

const WHEEL: &str = "4/6 Samenwerkingswiel";

/// The session file in `dir` that is not `except`.
fn session_besides(dir: &Path, except: Option<&Path>) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".volgspot.json"))
        .filter(|p| Some(p.as_path()) != except)
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn to_wheel(term: &mut Term) {
    for _ in 0..3 {
        term.page_down();
    }
    term.wait_for(WHEEL);
}

#[test]
fn place_mark_add_an_intention_quit_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new", "--pact", "Pact Wiel"], 80, 24);
    term.wait_for("Pact Wiel · ronde 1");
    to_wheel(&mut term);
    term.wait_for("nog niet geplaatst");
    // Second phase, place the pact there.
    term.send("\x1b[C");
    term.send("p");
    term.wait_for("Fase nu: Richten van de inzet");
    // Mark its first two activities: bezig, then gereed / bezig.
    term.send("\x1b[B");
    term.send("s");
    term.send("s");
    term.send("\x1b[B");
    term.send("s");
    term.wait_for("◐ De benodigde middelen");
    // An intention with an owner.
    term.send("i");
    term.wait_for("Nog geen voornemens");
    term.send("a");
    term.wait_for("Voornemen 1 van 1");
    term.type_text("Leerlijn zorgtechnologie uitgewerkt");
    term.send("\t");
    term.type_text("ROC Test");
    term.send("\x1b");
    term.wait_for("Kartrekker: ROC Test");
    term.ctrl_q();
    assert!(term.wait_exit());

    let path = session_besides(dir.path(), None);
    let (doc, _) = volgspot::store::load_session(&path).unwrap();
    assert_eq!(doc.wheel.placement.phase.as_deref(), Some("richten"));
    let status = |id: &str| doc.wheel.activities[id].status;
    use volgspot::model::ActivityStatus::*;
    assert_eq!(status("pad"), Gereed);
    assert_eq!(status("middelen"), Bezig);
    assert_eq!(doc.intentions.len(), 1);
    assert_eq!(
        doc.intentions[0].text,
        "Leerlijn zorgtechnologie uitgewerkt"
    );
    assert_eq!(doc.intentions[0].owner, "ROC Test");

    let mut again = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 80, 24);
    again.wait_for("Pact Wiel · ronde 1");
    to_wheel(&mut again);
    again.wait_for("Fase nu: Richten van de inzet");
    again.send("\x1b[C");
    again.wait_for("2. Richten van de inzet — 1 van 3");
    again.send("i");
    again.wait_for("Kartrekker: ROC Test");
    again.ctrl_q();
    assert!(again.wait_exit());
}

#[test]
fn an_earlier_round_in_the_folder_is_shown_beside_today() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/earlier-round-1.volgspot.json");
    let earlier = dir.path().join("pact-wiel-ronde-1.volgspot.json");
    std::fs::copy(&fixture, &earlier).unwrap();
    let mut term = Term::spawn(
        dir.path(),
        &["new", "--pact", "Pact Wiel", "--round", "2"],
        80,
        24,
    );
    term.wait_for("Pact Wiel · ronde 2");
    to_wheel(&mut term);
    term.wait_for("ronde 1: Kaderen van de uitdaging →");
    term.send("\x1b[C");
    term.send("p");
    term.wait_for("nu: Richten van de inzet");
    term.ctrl_q();
    assert!(term.wait_exit());
    // The earlier round's file is only read, never written.
    let after = std::fs::read(&earlier).unwrap();
    assert_eq!(after, std::fs::read(&fixture).unwrap());
    let _ = session_besides(dir.path(), Some(&earlier));
}
