//! The Intake screen: its parts, the agenda and the session clock, as the room sees them.

use crate::common;
use common::ui::key;

use common::Term;
use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::macros::datetime;
use volgspot::app::{App, View};
use volgspot::i18n::Lang;

fn section(app: &mut App, n: usize) {
    for _ in 0..n {
        key(app, KeyCode::F(2));
    }
}

#[test]
fn each_part_of_the_intake_at_80x24_and_160x48() {
    let names = ["details", "partners", "documents", "observations", "agenda"];
    for (i, name) in names.iter().enumerate() {
        let mut app = demo_app(Lang::Nl);
        section(&mut app, i);
        for (w, h) in [(80, 24), (160, 48)] {
            let term = render(&app, w, h);
            insta::assert_snapshot!(format!("intake_{name}_{w}x{h}"), term.backend());
        }
    }
}

#[test]
fn partners_show_whether_the_golden_triangle_is_complete() {
    let mut app = demo_app(Lang::Nl);
    section(&mut app, 1);
    assert!(text(&render(&app, 80, 24)).contains("gouden driehoek"));
    // Remove the one government partner (5th row): the screen says it is missing.
    for _ in 0..4 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('d'));
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("Overheid 0") && t.contains("⚠ ontbreekt:"),
        "{t}"
    );
    // Undo brings it back.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(text(&render(&app, 120, 30)).contains("Gemeente Lingewaard-West"));
}

#[test]
fn the_agenda_totals_and_planned_end_follow_edits() {
    let mut app = demo_app(Lang::Nl);
    section(&mut app, 4);
    assert!(text(&render(&app, 80, 24)).contains("Totaal 120 min  ·  gepland einde 16:00"));
    key(&mut app, KeyCode::Char('+'));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Totaal 125 min  ·  gepland einde 16:05"), "{t}");
}

#[test]
fn a_running_clock_shows_block_time_left_and_schedule_in_the_header() {
    let mut app = demo_app(Lang::Nl);
    app.now = datetime!(2026-11-26 14:00:00 +1);
    app.handle_key(KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE));
    app.now = datetime!(2026-11-26 14:08:30 +1);
    let t = text(&render(&app, 80, 24));
    let header = t.lines().next().unwrap();
    assert!(header.contains("Opening nog 1:30"), "{header}");
    insta::assert_snapshot!("clock_almost_done_80x24", render(&app, 80, 24).backend());
    // F7: next block moves the room to that block's screen.
    app.handle_key(KeyEvent::new(KeyCode::F(7), KeyModifiers::NONE));
    app.now = datetime!(2026-11-26 14:30:00 +1);
    let t = text(&render(&app, 80, 24));
    let header = t.lines().next().unwrap();
    assert!(header.contains("2/6 Interviews"), "{header}");
    assert!(header.contains("1:30 te lang"), "{header}");
    if let View::Session(s) = &app.view {
        assert_eq!(s.doc.agenda.blocks[0].actual_seconds, 510);
    }
}

#[test]
fn partners_of_each_kind_and_a_document_survive_quit_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new"], 100, 30);
    term.wait_for("1/6 Intake");
    term.type_text("Zorgpact Proef");
    term.send("\x1bOQ"); // F2: partners
    term.wait_for("Nog leeg");
    // Kinds cycle with → from "Zorg en welzijn": 0, 1, 2, 3 steps.
    for (i, org) in ["Zorg BV", "ROC Proef", "Gemeente Proef", "Provincie Proef"]
        .iter()
        .enumerate()
    {
        term.send("a");
        term.type_text(org);
        term.send("\r");
        // On the kind cell: the default is "Anders"; step → to the wanted kind.
        for _ in 0..(i + 1) % 4 {
            term.send("\x1b[C");
        }
        term.send("\x1b"); // done editing
    }
    term.wait_for("Zorg en welzijn 1 · Onderwijs 1 · Overheid 1 · Anders 1");
    term.send("\x1bOQ"); // F2: documents
    term.send("a");
    term.type_text("Jaarplan 2026");
    term.send("\r\r");
    term.type_text("2026-01-15");
    term.send("\x1b");
    term.wait_for("Jaarplan 2026");
    term.ctrl_q();
    assert!(term.wait_exit());

    let path = common::session_file(dir.path());
    let mut again = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 100, 30);
    again.wait_for("Zorgpact Proef · ronde 1");
    again.send("\x1bOQ");
    again.wait_for("Zorg en welzijn 1 · Onderwijs 1 · Overheid 1 · Anders 1");
    again.wait_for("Provincie Proef");
    again.send("\x1bOQ");
    again.wait_for("Jaarplan 2026");
    again.wait_for("2026-01-15");
}

#[test]
fn minutes_that_are_not_a_number_keep_the_block_length() {
    let mut app = demo_app(Lang::Nl);
    section(&mut app, 4);
    key(&mut app, KeyCode::Enter); // edit "Opening"
    key(&mut app, KeyCode::Tab); // minutes: "10"
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    for c in "abc".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Typ het aantal minuten als getal"), "{t}");
    key(&mut app, KeyCode::Tab); // leave the cell
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Totaal 120 min"), "{t}");
}

#[test]
fn the_clock_key_after_the_last_block_keeps_times_and_screen() {
    let mut app = demo_app(Lang::Nl);
    app.now = datetime!(2026-11-26 14:00:00 +1);
    key(&mut app, KeyCode::F(5));
    for _ in 0..6 {
        app.now += time::Duration::minutes(1);
        key(&mut app, KeyCode::F(7));
    }
    let screen = app.session().unwrap().screen;
    key(&mut app, KeyCode::F(5));
    let s = app.session().unwrap();
    assert_eq!(s.screen, screen);
    assert!(s.doc.agenda.blocks.iter().all(|b| b.actual_seconds == 60));
    assert!(text(&render(&app, 80, 24)).contains("agenda afgerond"));
}
