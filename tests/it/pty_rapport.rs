//! The Rapport screen end to end: the real binary in a pseudo-terminal. A paragraph
//! typed on the screen reaches the exported publieksversie and survives quit and reopen.

use crate::common;

use common::{Term, session_file};

#[test]
fn a_paragraph_typed_on_the_rapport_screen_is_exported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new", "--pact", "Rapporttest"], 100, 30);
    term.wait_for("1/6 Intake");
    for _ in 0..5 {
        term.page_down();
    }
    term.wait_for("6/6 Rapport");
    term.wait_for("Publieksversie, precies zoals geëxporteerd");
    // Section 1 (HET WAAROM): add a paragraph (the add menu's first kind), type, Tab
    // stores it.
    term.send("\t");
    term.wait_for("1. HET WAAROM");
    term.send("a");
    term.wait_for("Wat voor blok?");
    term.send("\r");
    term.type_text("Een alinea van het pact zelf.");
    term.send("\t");
    term.wait_for("¶ Een alinea van het pact zelf.");
    // E writes the reports; the screen says where.
    term.send("e");
    term.wait_for("Geschreven in");
    let path = session_file(dir.path());
    let public = path.with_file_name(
        path.file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".volgspot.json", ".publiek.md"),
    );
    let md = std::fs::read_to_string(&public).unwrap();
    let waarom = &md[md.find("## 1. HET WAAROM").unwrap()..md.find("## 2.").unwrap()];
    assert!(waarom.contains("Een alinea van het pact zelf."), "{md}");
    term.ctrl_q();
    assert!(term.wait_exit());

    let mut again = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 100, 30);
    again.wait_for("Rapporttest");
    for _ in 0..5 {
        again.page_down();
    }
    again.wait_for("6/6 Rapport");
    again.send("\t");
    again.wait_for("¶ Een alinea van het pact zelf.");
    again.ctrl_q();
    assert!(again.wait_exit());
}
