//! End to end in a pseudo-terminal: the real binary, real keystrokes, a SIGKILL.

use crate::common;

use common::{Term, session_file};
use std::time::Duration;

const TITLES: [&str; 6] = [
    "1/6 Intake",
    "2/6 Interviews",
    "3/6 Analyse-driehoek",
    "4/6 Samenwerkingswiel",
    "5/6 Samenvatting",
    "6/6 Rapport",
];

#[test]
fn pact_name_typed_in_a_new_session_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new"], 80, 24);
    term.wait_for(TITLES[0]);
    // The cursor starts in the pact-name field: just type.
    term.type_text("Zorgpact Één Test");
    term.wait_for("Zorgpact Één Test · ronde 1");
    for title in &TITLES[1..] {
        term.page_down();
        term.wait_for(title);
    }
    std::thread::sleep(Duration::from_millis(1500));
    term.wait_for("opgeslagen");
    term.kill9();

    let path = session_file(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"pact_name\": \"Zorgpact Één Test\""),
        "{text}"
    );

    let mut again = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 80, 24);
    again.wait_for("Zorgpact Één Test");
    again.ctrl_q();
    assert!(again.wait_exit());
}

#[test]
fn help_lists_the_keys_of_the_screen_and_esc_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["demo"], 80, 24);
    term.wait_for("Zorgpact Rivierenland-West");
    term.send("\x1bOP"); // F1 while typing in a field
    term.wait_for("Toetsen: Intake");
    term.wait_for("Ctrl-Q");
    term.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!term.screen().contains("Toetsen:"));
    // On a screen without a text field, `?` opens help too.
    term.page_down();
    term.wait_for("2/6 Interviews");
    term.send("?");
    term.wait_for("Toetsen: Interviews");
}

#[test]
fn a_second_instance_on_the_same_session_is_refused_with_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Term::spawn(dir.path(), &["new", "--pact", "Dubbel"], 80, 24);
    first.wait_for("Dubbel · ronde 1");
    let path = session_file(dir.path());
    let out = std::process::Command::new(common::BIN)
        .args(["open", path.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("al geopend door") && err.contains(&format!("pid {}", first.pid())),
        "{err}"
    );
    first.kill9();
    let next = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 80, 24);
    next.wait_for("Dubbel · ronde 1");
}

#[test]
fn the_start_screen_lists_sessions_and_opens_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut make = Term::spawn(
        dir.path(),
        &["new", "--pact", "Pact Noord", "--round", "2"],
        80,
        24,
    );
    make.wait_for("Pact Noord · ronde 2");
    make.ctrl_q();
    assert!(make.wait_exit());

    let mut term = Term::spawn(dir.path(), &[], 80, 24);
    term.wait_for("Nieuwe sessie");
    term.wait_for("Pact Noord");
    term.send("\x1b[B\x1b[B"); // down twice: past "new" and "example"
    term.send("\r");
    term.wait_for("1/6 Intake");
    term.wait_for("Pact Noord · ronde 2");
}

#[test]
fn english_ui_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["--lang", "en", "demo"], 80, 24);
    term.wait_for("Pact name");
    term.page_down();
    term.page_down();
    term.wait_for("3/6 Analysis triangle");
}

#[test]
fn a_panic_restores_the_terminal_and_writes_an_emergency_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn_env(
        dir.path(),
        &["new", "--pact", "Noodgeval"],
        80,
        24,
        &[("VOLGSPOT_TEST_PANIC_ON", "§")],
    );
    term.wait_for("Noodgeval · ronde 1");
    term.type_text(" plus");
    term.wait_for("Noodgeval plus");
    term.type_text("§");
    term.wait_for("noodkopie");
    assert!(!term.wait_exit());
    let path = session_file(dir.path());
    let copy = volgspot::store::paths::emergency_path(&path);
    let (s, _) = volgspot::store::load_session(&copy).expect("emergency copy loads");
    assert_eq!(s.intake.pact_name, "Noodgeval plus");
}

#[test]
fn a_new_session_takes_the_pact_name_once_it_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new"], 80, 24);
    term.wait_for("1/6 Intake");
    assert!(
        session_file(dir.path())
            .to_string_lossy()
            .contains("sessie-ronde1-")
    );
    term.type_text("Zorgpact Hernoemd");
    // While the name is still being typed, the file keeps its name.
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        session_file(dir.path())
            .to_string_lossy()
            .contains("sessie-ronde1-")
    );
    term.send("\t"); // leave the field
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let name = session_file(dir.path()).to_string_lossy().into_owned();
        if name.contains("zorgpact-hernoemd-ronde1-") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not renamed: {name}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Still locked under its new name, and still saving there.
    let path = session_file(dir.path());
    let out = std::process::Command::new(common::BIN)
        .args(["open", path.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("al geopend door"));
    term.type_text("1");
    term.ctrl_q();
    assert!(term.wait_exit());
    let text = std::fs::read_to_string(session_file(dir.path())).unwrap();
    assert!(text.contains("\"round\": 1"), "{text}");
}

/// Esc and ↓ sent in one write (a fast Esc-then-↓ over ssh, tmux, a remote) arrive as
/// `ESC ESC [ B`, which crossterm reads as Esc plus the typed text "[B": the pact name
/// must not change.
#[test]
fn esc_and_an_arrow_in_one_write_type_nothing_into_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new"], 80, 24);
    term.wait_for(TITLES[0]);
    term.type_text("Zorgpact Pijl");
    term.wait_for("Zorgpact Pijl · ronde 1");
    term.send("\x1b\x1b[B");
    std::thread::sleep(Duration::from_millis(1500));
    term.wait_for("opgeslagen");
    let screen = term.screen();
    assert!(!screen.contains("[B"), "{screen}");
    term.kill9();
    let text = std::fs::read_to_string(session_file(dir.path())).unwrap();
    assert!(text.contains("\"pact_name\": \"Zorgpact Pijl\""), "{text}");
}
