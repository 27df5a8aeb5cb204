//! Keys that are safe in front of a room (issue 18): a presenter remote's keys never
//! edit the session and never open a popup, on any screen; an opened session is in
//! browse mode until Enter; F5 starts the clock without moving screens; Ctrl-F5 resets
//! the clock after asking.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;
use volgspot::model::Session;

fn press(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.handle_key(KeyEvent::new(code, mods));
}

fn opened(screen: Screen) -> App {
    let mut app = demo_app(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.browse = true;
        s.screen = screen;
    }
    app
}

fn doc(app: &App) -> Session {
    app.session().unwrap().doc.clone()
}

/// The session without what time itself changes (the clock and the "updated" stamp; F5
/// on a session without an agenda puts the method's default agenda in, to time).
fn content(mut d: Session) -> Session {
    d.agenda.clock = Default::default();
    if d.agenda.blocks.iter().all(|b| b.actual_seconds == 0) {
        d.agenda.blocks.clear();
    }
    d.updated = time::macros::datetime!(2026-01-01 0:00 UTC);
    d
}

const REMOTE: [(KeyCode, KeyModifiers); 7] = [
    (KeyCode::PageDown, KeyModifiers::NONE),
    (KeyCode::PageUp, KeyModifiers::NONE),
    (KeyCode::F(5), KeyModifiers::NONE),
    (KeyCode::F(5), KeyModifiers::SHIFT),
    (KeyCode::Esc, KeyModifiers::NONE),
    (KeyCode::Char('.'), KeyModifiers::NONE),
    (KeyCode::Char('b'), KeyModifiers::NONE),
];

/// The states a screen can be in when the facilitator hands over to the remote: as
/// opened, and after the screen's usual "look" keys (drawn view, a selected item).
fn states(screen: Screen) -> Vec<App> {
    let mut out = vec![opened(screen)];
    for prep in [
        vec![KeyCode::Char('v')],
        vec![KeyCode::Down, KeyCode::Enter],
        vec![KeyCode::Tab],
    ] {
        let mut app = opened(screen);
        if screen == Screen::Intake {
            // Intake's fields only open with Enter; that is the facilitator typing.
            continue;
        }
        for k in prep {
            press(&mut app, k, KeyModifiers::NONE);
        }
        if app.overlay.is_none() && !app.session().unwrap().typing() {
            out.push(app);
        }
    }
    out
}

#[test]
fn every_remote_key_on_every_screen_leaves_the_session_unchanged_and_opens_nothing() {
    for screen in Screen::ALL {
        for (code, mods) in REMOTE {
            for (n, mut app) in states(screen).into_iter().enumerate() {
                let before = content(doc(&app));
                let on = app.session().unwrap().screen;
                for _ in 0..3 {
                    press(&mut app, code, mods);
                }
                assert_eq!(
                    content(doc(&app)),
                    before,
                    "{screen:?} state {n}: {code:?} {mods:?} changed the session"
                );
                assert!(
                    app.overlay.is_none(),
                    "{screen:?} state {n}: {code:?} opened a popup"
                );
                if !matches!(code, KeyCode::PageDown | KeyCode::PageUp) {
                    assert_eq!(app.session().unwrap().screen, on, "{code:?} moved screens");
                }
            }
        }
    }
}

#[test]
fn an_opened_session_is_browsed_until_enter() {
    let mut app = opened(Screen::Intake);
    let name = doc(&app).intake.pact_name.clone();
    for c in ['.', 'b', '?', 'x'] {
        if c == '?' {
            press(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
            app.overlay = None; // help is fine; it is not typed
            continue;
        }
        press(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    assert_eq!(doc(&app).intake.pact_name, name);
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("Enter bewerken"), "{screen}");
    // Enter: now the field is the facilitator's.
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    press(&mut app, KeyCode::Char('x'), KeyModifiers::NONE);
    assert_ne!(doc(&app).intake.pact_name, name);
}

#[test]
fn f5_starts_the_clock_where_the_room_is_and_blank_keys_blank() {
    let mut app = opened(Screen::Triangle);
    press(&mut app, KeyCode::F(5), KeyModifiers::NONE);
    let s = app.session().unwrap();
    assert_eq!(s.screen, Screen::Triangle);
    assert!(s.doc.agenda.clock.started_at.is_some());
    // Shift-F5 never pauses a running clock.
    press(&mut app, KeyCode::F(5), KeyModifiers::SHIFT);
    assert!(doc(&app).agenda.clock.paused_at.is_none());
    press(&mut app, KeyCode::Char('.'), KeyModifiers::NONE);
    assert!(app.blank);
    app.presenter = true;
    let screen = text(&render(&app, 80, 24));
    assert!(screen.trim().is_empty(), "{screen}");
    press(&mut app, KeyCode::Char('b'), KeyModifiers::NONE);
    assert!(!app.blank);
}

#[test]
fn the_clock_resets_only_after_confirmation() {
    let mut app = opened(Screen::Wheel);
    press(&mut app, KeyCode::F(5), KeyModifiers::NONE);
    press(&mut app, KeyCode::F(5), KeyModifiers::CONTROL);
    assert!(app.overlay.is_some());
    press(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
    assert!(doc(&app).agenda.clock.started_at.is_some());
    press(&mut app, KeyCode::F(5), KeyModifiers::CONTROL);
    let screen = text(&render(&app, 100, 30));
    assert!(
        screen.contains("klok terugzetten") || screen.contains("terugzetten"),
        "{screen}"
    );
    press(&mut app, KeyCode::Char('j'), KeyModifiers::NONE);
    assert!(doc(&app).agenda.clock.started_at.is_none());
}

#[test]
fn look_ahead_is_refused_in_presenter_view() {
    let mut app = opened(Screen::Triangle);
    app.presenter = true;
    press(&mut app, KeyCode::F(3), KeyModifiers::NONE);
    assert!(!matches!(app.overlay, Some(volgspot::app::Overlay::Peek)));
}
