//! The ASCII fallback (issue 18): on the Linux console, a VT100/VT220 or with
//! `VOLGSPOT_ASCII=1`, every screen of the app, the presenter view and the room's window
//! show only ASCII: no Braille, no box drawing, no block shapes, no curly quotes. A
//! snapshot of each at 80×24 shows what such a terminal shows.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Overlay, Screen, StartState, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::ui::room::Contact;

fn assert_ascii(t: &str, what: &str) {
    for (y, line) in t.lines().enumerate() {
        if let Some(c) = line.chars().find(|c| !c.is_ascii()) {
            panic!("{what}: '{c}' (U+{:04X}) on row {y}\n{t}", c as u32);
        }
    }
}

fn on(screen: Screen) -> App {
    let mut app = demo_app(Lang::Nl);
    app.ascii = true;
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
    app
}

fn room(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| volgspot::ui::room::draw(f, app, app.session().unwrap(), &Contact::Following))
        .unwrap();
    text(&term)
}

#[test]
fn every_screen_in_ascii_at_80x24() {
    // The start screen.
    let mut app = App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        View::Start(StartState::default()),
        time::macros::datetime!(2026-11-26 14:05 +1),
    );
    app.ascii = true;
    let t = text(&render(&app, 80, 24));
    assert_ascii(&t, "start");
    insta::assert_snapshot!("ascii_start_80x24", t);
    for screen in Screen::ALL {
        let id = screen.id();
        let mut app = on(screen);
        let t = text(&render(&app, 80, 24));
        assert_ascii(&t, id);
        insta::assert_snapshot!(format!("ascii_{id}_80x24"), t);
        app.presenter = true;
        let t = text(&render(&app, 80, 24));
        assert_ascii(&t, &format!("{id} F4"));
        insta::assert_snapshot!(format!("ascii_{id}_presenter_80x24"), t);
        let t = room(&app, 80, 24);
        assert_ascii(&t, &format!("{id} room"));
        insta::assert_snapshot!(format!("ascii_{id}_room_80x24"), t);
        // Larger, where the drawings and the big letters appear.
        for (w, h) in [(160, 48), (240, 67)] {
            assert_ascii(&text(&render(&app, w, h)), &format!("{id} F4 {w}x{h}"));
            assert_ascii(&room(&app, w, h), &format!("{id} room {w}x{h}"));
            app.presenter = false;
            assert_ascii(&text(&render(&app, w, h)), &format!("{id} {w}x{h}"));
            app.presenter = true;
        }
    }
}

#[test]
fn the_sub_views_and_popups_are_ascii_too() {
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    // Help, the look-ahead, a message: their frames are boxes.
    let overlays = || {
        [
            ("help", Overlay::Help),
            ("peek", Overlay::Peek),
            ("reset", Overlay::ConfirmClockReset),
            (
                "message",
                Overlay::Message("Weet je het zeker? “ja” — of “nee”".into()),
            ),
        ]
    };
    for screen in Screen::ALL {
        for (what, overlay) in overlays() {
            let mut app = on(screen);
            app.overlay = Some(overlay);
            let t = text(&render(&app, 80, 24));
            assert_ascii(&t, &format!("{screen:?} {what}"));
        }
    }
    // An opened interview, the wheel's intentions, the synthesis.
    let mut app = on(Screen::Interviews);
    app.handle_key(key(KeyCode::Enter));
    assert_ascii(&text(&render(&app, 80, 24)), "interview opened");
    let mut app = on(Screen::Wheel);
    app.handle_key(key(KeyCode::Tab));
    assert_ascii(&text(&render(&app, 80, 24)), "wheel intentions");
    // The privacy switch's warning.
    let mut app = on(Screen::Triangle);
    app.show_names = true;
    let t = text(&render(&app, 80, 24));
    assert_ascii(&t, "names on");
    assert!(t.contains("NAMEN ZICHTBAAR"), "{t}");
}
