//! Small defects found when the facilitator tried the app, each pinned by what the user
//! sees: a key that does nothing while a message is open, a selection that jumps away
//! after undo, notes that cannot be reordered, keys missing from a footer.

use crate::common;
use common::ui::key;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;

fn with(app: &mut App, code: KeyCode, m: KeyModifiers) {
    app.handle_key(KeyEvent::new(code, m));
}

fn on(screen: Screen) -> App {
    let mut app = demo_app(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
    app
}

#[test]
fn f2_after_nothing_to_undo_closes_the_message_and_switches_part() {
    let mut app = on(Screen::Intake);
    key(&mut app, KeyCode::F(2)); // Partners: U is undo outside a text field
    key(&mut app, KeyCode::Char('u'));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Niets meer om ongedaan te maken"),
        "{screen}"
    );
    key(&mut app, KeyCode::F(2));
    let screen = text(&render(&app, 80, 24));
    assert!(
        !screen.contains("Niets meer om ongedaan te maken"),
        "{screen}"
    );
    assert_eq!(
        app.session().unwrap().intake.section,
        volgspot::app::intake::Section::Documents,
        "F2 went to the next part"
    );
}

#[test]
fn undoing_an_agenda_delete_selects_the_block_put_back() {
    let mut app = on(Screen::Intake);
    for _ in 0..4 {
        key(&mut app, KeyCode::F(2));
    }
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let blocks = app.session().unwrap().doc.agenda.blocks.clone();
    let gone = blocks[2].title.clone();
    key(&mut app, KeyCode::Char('d'));
    assert!(
        !app.session()
            .unwrap()
            .doc
            .agenda
            .blocks
            .iter()
            .any(|b| b.title == gone),
        "deleted"
    );
    with(&mut app, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(app.session().unwrap().doc.agenda.blocks, blocks);
    // `+` lengthens the selected block: it is the one put back, not the first.
    key(&mut app, KeyCode::Char('+'));
    let after = &app.session().unwrap().doc.agenda.blocks;
    assert_eq!(after[2].minutes, blocks[2].minutes + 5, "{gone}");
    assert_eq!(after[0].minutes, blocks[0].minutes);
}

#[test]
fn shift_arrows_move_a_note_and_undo_puts_it_back() {
    let mut app = on(Screen::Interviews);
    key(&mut app, KeyCode::Enter); // open the first interview, capture line
    key(&mut app, KeyCode::Up); // to the notes: the last one
    let notes = app.session().unwrap().doc.interviews[0].notes.clone();
    let n = notes.len();
    assert!(n >= 2);
    with(&mut app, KeyCode::Up, KeyModifiers::SHIFT);
    let moved = app.session().unwrap().doc.interviews[0].notes.clone();
    assert_eq!(moved[n - 2].id, notes[n - 1].id, "the last note moved up");
    assert_eq!(moved[n - 1].id, notes[n - 2].id);
    // The selection went with it: moving again takes the same note further up.
    with(&mut app, KeyCode::Up, KeyModifiers::SHIFT);
    let moved = app.session().unwrap().doc.interviews[0].notes.clone();
    assert_eq!(moved[n - 3].id, notes[n - 1].id);
    with(&mut app, KeyCode::Down, KeyModifiers::SHIFT);
    assert_eq!(
        app.session().unwrap().doc.interviews[0].notes,
        moved_once(&notes)
    );
    // A move is an undo step of its own.
    with(&mut app, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(
        app.session().unwrap().doc.interviews[0].notes[n - 3].id,
        notes[n - 1].id
    );
    with(&mut app, KeyCode::Char('z'), KeyModifiers::CONTROL);
    with(&mut app, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_eq!(app.session().unwrap().doc.interviews[0].notes, notes);
    let help = volgspot::app::keys::names(volgspot::app::keys::MOVE_UP);
    key(&mut app, KeyCode::Char('?'));
    let screen = text(&render(&app, 100, 40));
    assert!(screen.contains(&help), "help names {help}: {screen}");
}

fn moved_once(notes: &[volgspot::model::Note]) -> Vec<volgspot::model::Note> {
    let mut v = notes.to_vec();
    let n = v.len();
    v.swap(n - 2, n - 1);
    v
}

#[test]
fn the_intentions_footer_shows_status_and_note() {
    let mut app = on(Screen::Wheel);
    key(&mut app, KeyCode::Char('i'));
    for (w, h) in [(80, 24), (120, 30)] {
        let screen = text(&render(&app, w, h));
        let footer = screen.lines().nth(h as usize - 1).unwrap();
        assert!(footer.contains(" S "), "{w}: {footer}");
        assert!(footer.contains(" N "), "{w}: {footer}");
    }
}
