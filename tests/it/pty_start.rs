//! The start screen on the real binary: a folder of several pacts, a search typed
//! straight away narrows the list to one pact, Enter opens what was found; Ctrl-O shows
//! the portfolio of all pacts.

use crate::common;

use common::Term;
use std::path::Path;
use volgspot::model::Session;

fn session(dir: &Path, pact: &str, round: u8, date: &str, place: &str) {
    let now = time::macros::datetime!(2026-03-02 10:00 UTC);
    let mut s = Session::new(pact, round, now);
    s.intake.session_date = date.into();
    s.intake.place = place.into();
    let name = format!(
        "{}-ronde{round}-{date}.volgspot.json",
        volgspot::store::paths::slug(pact)
    );
    volgspot::store::write_new(&dir.join(name), &s).unwrap();
}

#[test]
fn typing_on_the_start_screen_finds_a_pact_and_enter_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path(), "Zorgpact Rivierenland", 1, "2025-03-12", "Tiel");
    session(
        dir.path(),
        "Zorgpact Rivierenland",
        2,
        "2025-10-08",
        "Culemborg",
    );
    session(dir.path(), "Zorgpact IJsselland", 1, "2025-04-02", "Zwolle");
    let mut term = Term::spawn(dir.path(), &[], 100, 30);
    term.wait_for("Zorgpact Rivierenland · 2 sessies");
    term.wait_for("Zorgpact IJsselland · 1 sessie");
    term.wait_for("Typ om te zoeken");
    // A place: only that pact's session is left, and the screen says what is searched.
    term.type_text("culem");
    term.wait_for("Zoeken: culem▏  1 van 3 sessies · Esc wist");
    let screen = term.screen();
    assert!(!screen.contains("IJsselland"), "{screen}");
    assert!(!screen.contains("Tiel"), "{screen}");
    // Esc clears (and does not quit); another search; the portfolio on Ctrl-O.
    term.send("\x1b");
    term.wait_for("Typ om te zoeken");
    term.wait_for("Zorgpact IJsselland");
    term.send("\x0f"); // Ctrl-O
    term.wait_for("Overzicht van de pacten · 2 pacten");
    term.send("\x1b");
    term.wait_for("Typ om te zoeken");
    term.type_text("ijssel");
    term.wait_for("1 van 3 sessies");
    // Enter opens the session found.
    term.send("\r");
    term.wait_for("Zorgpact IJsselland · ronde 1");
    term.ctrl_q();
    assert!(term.wait_exit());
}

fn sessions_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".volgspot.json"))
        .collect();
    v.sort();
    v
}

/// "+ Nieuwe sessie" and quitting without typing leaves no empty `sessie-ronde1-…`
/// behind (and says so); a search that found nothing becomes the new pact's name; a
/// session in which something was typed stays.
#[test]
fn a_new_session_with_nothing_typed_is_not_left_behind_and_a_failed_search_names_it() {
    let dir = tempfile::tempdir().unwrap();
    // Enter on "+ Nieuwe sessie", then quit at once.
    let mut term = Term::spawn(dir.path(), &[], 100, 30);
    term.wait_for("Typ om te zoeken");
    term.send("\r");
    term.wait_for("(naam van het pact)");
    term.ctrl_q();
    assert!(term.wait_exit());
    assert_eq!(sessions_in(dir.path()), Vec::<String>::new());
    // A search with no match: Enter offers it as the pact's name.
    let mut term = Term::spawn(dir.path(), &[], 100, 30);
    term.wait_for("Typ om te zoeken");
    term.type_text("Zorgpact Proef");
    term.wait_for("Zoeken: Zorgpact Proef");
    term.send("\r");
    term.wait_for("Zorgpact Proef · ronde 1");
    // Something typed (the name field has the cursor): kept, under the pact's name.
    term.type_text(" Oost");
    term.wait_for("Zorgpact Proef Oost");
    term.ctrl_q();
    assert!(term.wait_exit());
    let files = sessions_in(dir.path());
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with("zorgpact-proef-ronde1-"), "{files:?}");
}
