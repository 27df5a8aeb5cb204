//! Projected in the room: presenter view, themes, privacy switch, look ahead, any
//! terminal size, mouse, app-wide undo.

use crate::common;
use common::ui::key;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::style::Color;
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;
use volgspot::ui::theme::Theme;

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn go(app: &mut App, screen: Screen) {
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
}

const NAMES: [&str; 4] = ["Marieke", "de Vries", "Jeroen", "Bakker"];

#[test]
fn presenter_view_of_every_screen_light_and_dark_at_three_sizes() {
    for theme in ["donker", "licht"] {
        let mut app = demo_app(Lang::Nl);
        app.theme = Theme::builtin(theme).unwrap();
        key(&mut app, KeyCode::F(4));
        assert!(app.presenter);
        for screen in Screen::ALL {
            go(&mut app, screen);
            for (w, h) in [(60, 20), (80, 24), (250, 70)] {
                let term = render(&app, w, h);
                let t = text(&term);
                // The place and the agenda status are always visible; the view's own keys
                // instead of the editing footer.
                assert!(t.contains(&format!("{}/6", screen.index() + 1)), "{t}");
                assert!(t.contains("klok niet gestart"), "{t}");
                assert!(t.contains("F4 bewerken"), "{t}");
                assert!(!t.contains("volgend scherm"), "{t}");
                if theme == "licht" {
                    // The light theme paints the background white, for washed-out beamers.
                    let buf = term.backend().buffer();
                    assert_eq!(buf[(w - 1, h - 1)].bg, Color::White);
                }
                insta::assert_snapshot!(
                    format!("presenter_{}_{theme}_{w}x{h}", screen.id()),
                    term.backend()
                );
            }
        }
    }
}

#[test]
fn every_screen_renders_at_every_size_without_panic_and_keeps_its_header() {
    let mut app = demo_app(Lang::Nl);
    for presenter in [false, true] {
        app.presenter = presenter;
        for screen in Screen::ALL {
            go(&mut app, screen);
            for w in (60..=250).step_by(19) {
                for h in (20..=70).step_by(7) {
                    let t = text(&render(&app, w, h));
                    let first = t.lines().next().unwrap_or("");
                    let place = format!("{}/6", screen.index() + 1);
                    if presenter {
                        assert!(t.contains(&place), "{w}x{h}:\n{t}");
                    } else {
                        assert!(first.contains(&place), "{w}x{h}:\n{t}");
                        let last = t.lines().last().unwrap_or("");
                        assert!(last.contains("Ctrl-Q"), "{w}x{h}: footer cut:\n{t}");
                    }
                }
            }
        }
    }
    // Below the minimum: a clear message, no panic.
    let t = text(&render(&app, 59, 19));
    assert!(t.contains("Maak het venster groter"), "{t}");
}

#[test]
fn with_the_privacy_switch_on_no_interviewee_name_is_rendered() {
    let mut app = demo_app(Lang::Nl);
    assert!(!app.show_names, "names are hidden by default");
    let mut seen = Vec::new();
    for presenter in [false, true] {
        app.presenter = presenter;
        for screen in Screen::ALL {
            go(&mut app, screen);
            seen.push(text(&render(&app, 80, 24)));
            seen.push(text(&render(&app, 250, 70)));
        }
    }
    app.presenter = false;
    // The Interviews screen in each of its views, and the Samenvatting (internal report).
    go(&mut app, Screen::Interviews);
    seen.push(text(&render(&app, 160, 48)));
    key(&mut app, KeyCode::Enter); // an interview's notes
    seen.push(text(&render(&app, 160, 48)));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('s')); // synthesis
    seen.push(text(&render(&app, 160, 48)));
    go(&mut app, Screen::Summary);
    seen.push(text(&render(&app, 250, 70)));
    go(&mut app, Screen::Intake);
    key(&mut app, KeyCode::F(3)); // peek at Interviews
    seen.push(text(&render(&app, 160, 48)));
    for t in &seen {
        for name in NAMES {
            assert!(!t.contains(name), "'{name}' on screen:\n{t}");
        }
    }
    // F8 shows them, and the header says so.
    key(&mut app, KeyCode::Esc);
    go(&mut app, Screen::Interviews);
    key(&mut app, KeyCode::Esc); // from the synthesis back to the list
    key(&mut app, KeyCode::F(8));
    let t = text(&render(&app, 160, 48));
    assert!(t.contains("Marieke de Vries"), "{t}");
    assert!(t.lines().next().unwrap().contains("NAMEN ZICHTBAAR"), "{t}");
}

#[test]
fn look_ahead_shows_the_next_screen_without_moving_the_room() {
    let mut app = demo_app(Lang::Nl);
    go(&mut app, Screen::Triangle);
    key(&mut app, KeyCode::F(3));
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("Vooruitkijken: 4/6 Samenwerkingswiel"), "{t}");
    assert!(
        t.lines().next().unwrap().contains("3/6 Analyse-driehoek"),
        "{t}"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.session().unwrap().screen, Screen::Triangle);
}

#[test]
fn the_theme_key_switches_live_and_no_color_drops_colours() {
    let mut app = demo_app(Lang::Nl);
    assert_eq!(app.theme.name, "donker");
    key(&mut app, KeyCode::F(9));
    assert_eq!(app.theme.name, "licht");
    app.no_color = true;
    key(&mut app, KeyCode::F(9));
    assert_eq!(app.theme.name, "donker");
    let term = render(&app, 80, 24);
    let buf = term.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
}

#[test]
fn the_mouse_switches_screens_and_scrolls_lists() {
    let mut app = demo_app(Lang::Nl);
    let click = |col| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col,
            row: 0,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle_event(click(10)); // on the screen's name / ▶
    assert_eq!(app.session().unwrap().screen, Screen::Interviews);
    app.handle_event(click(1)); // ◀
    assert_eq!(app.session().unwrap().screen, Screen::Intake);
    // The wheel moves the selection in a list, as ↓ would.
    key(&mut app, KeyCode::F(2)); // partners
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 8,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.session().unwrap().intake.partners.selected, 1);
    // A click on a row selects it: find "Gemeente" on screen and click there.
    let t = text(&render(&app, 120, 30));
    let (y, x) = t
        .lines()
        .enumerate()
        .find_map(|(y, l)| l.find("Gemeente").map(|x| (y, x)))
        .expect("partner row on screen");
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x as u16,
        row: y as u16,
        modifiers: KeyModifiers::NONE,
    }));
    let s = app.session().unwrap();
    assert_eq!(
        s.doc.intake.partners[s.intake.partners.selected].organisation,
        "Gemeente Lingewaard-West"
    );
    // And on the Interviews list.
    go(&mut app, Screen::Interviews);
    let t = text(&render(&app, 120, 30));
    let y = t
        .lines()
        .position(|l| l.contains("deelprojectleider"))
        .expect("second interview on screen");
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 5,
        row: y as u16,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.session().unwrap().interviews.selected, 1);
}

#[test]
fn undo_and_redo_across_the_app() {
    let mut app = demo_app(Lang::Nl);
    let partners = |app: &App| app.session().unwrap().doc.intake.partners.len();
    key(&mut app, KeyCode::F(2)); // partners
    let n = partners(&app);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(partners(&app), n - 1);
    ctrl(&mut app, 'z');
    assert_eq!(partners(&app), n, "delete undone");
    ctrl(&mut app, 'y');
    assert_eq!(partners(&app), n - 1, "delete redone");
    ctrl(&mut app, 'z');
    // Add a partner and type its name: one undo step removes both.
    key(&mut app, KeyCode::Char('a'));
    for c in "Nieuw".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Esc);
    assert_eq!(partners(&app), n + 1);
    ctrl(&mut app, 'z');
    assert_eq!(partners(&app), n);
    // On the wheel: a vote-like action (status) is undone too.
    go(&mut app, Screen::Wheel);
    let status = |app: &App| app.session().unwrap().doc.wheel.activities.clone();
    let before = status(&app);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('s'));
    assert_ne!(status(&app), before);
    ctrl(&mut app, 'z');
    assert_eq!(status(&app), before);
    // Nothing left: it says so.
    for _ in 0..10 {
        ctrl(&mut app, 'z');
        key(&mut app, KeyCode::Esc);
    }
    ctrl(&mut app, 'z');
    assert!(text(&render(&app, 80, 24)).contains("Niets meer om ongedaan te maken"));
}

/// Ctrl-Z says what it undid (the row and the change; a stretch of typing in a form is
/// "typen"), and Ctrl-Y what it redid; the next key puts the save state back.
#[test]
fn undo_says_what_it_undid() {
    let mut app = demo_app(Lang::Nl);
    key(&mut app, KeyCode::F(2)); // partners
    key(&mut app, KeyCode::Char('d'));
    ctrl(&mut app, 'z');
    // The thing and the change: the partner, by its organisation.
    let t = text(&render(&app, 100, 24));
    assert!(
        t.contains("Ongedaan: partner ‘") && t.contains("verwijderd"),
        "{t}"
    );
    ctrl(&mut app, 'y');
    assert!(text(&render(&app, 100, 24)).contains("Opnieuw: partner ‘"));
    key(&mut app, KeyCode::Down);
    assert!(!text(&render(&app, 100, 24)).contains("Opnieuw:"));
    // A stretch of typing is called by the field typed in.
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::F(2)); // back to the details
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::PageDown);
    ctrl(&mut app, 'z');
    let t = text(&render(&app, 100, 24));
    assert!(t.contains("Ongedaan: Naam van het pact gewijzigd"), "{t}");
    // English too.
    let mut app = demo_app(Lang::En);
    key(&mut app, KeyCode::F(2));
    key(&mut app, KeyCode::Char('d'));
    ctrl(&mut app, 'z');
    let t = text(&render(&app, 100, 24));
    assert!(
        t.contains("Undone: partner ‘") && t.contains("deleted"),
        "{t}"
    );
}

/// Moving a row (Shift-↓) is a step of its own: Ctrl-Z takes back the move alone, never
/// the change before it, and never a change on another screen.
#[test]
fn a_move_is_its_own_undo_step() {
    let shift_down = |app: &mut App| {
        app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT));
    };
    // Intake partners: the move alone is undone.
    let mut app = demo_app(Lang::Nl);
    let partners = |app: &App| {
        app.session()
            .unwrap()
            .doc
            .intake
            .partners
            .iter()
            .map(|p| p.organisation.clone())
            .collect::<Vec<_>>()
    };
    key(&mut app, KeyCode::F(2)); // partners
    let before = partners(&app);
    shift_down(&mut app);
    assert_ne!(partners(&app), before, "Shift-↓ moves the partner");
    ctrl(&mut app, 'z');
    assert_eq!(partners(&app), before, "Ctrl-Z puts it back");
    assert!(text(&render(&app, 100, 24)).contains("Ongedaan:"));
    // Triangle: a vote, then a move; Ctrl-Z takes back the move and keeps the vote.
    let mut app = demo_app(Lang::Nl);
    go(&mut app, Screen::Triangle);
    let items = |app: &App| {
        app.session()
            .unwrap()
            .doc
            .triangle
            .items
            .iter()
            .map(|i| (i.title.clone(), i.votes))
            .collect::<Vec<_>>()
    };
    key(&mut app, KeyCode::Char('+'));
    let voted = items(&app);
    shift_down(&mut app);
    assert_ne!(items(&app), voted, "Shift-↓ moves the item");
    ctrl(&mut app, 'z');
    assert_eq!(
        items(&app),
        voted,
        "only the move is undone; the vote stays"
    );
}

/// Undo takes back content, never time: after F5, a change and F7, Ctrl-Z removes the
/// change but the clock keeps running in the block F7 moved to, and the minutes the
/// first block took stay recorded.
#[test]
fn undo_leaves_the_session_clock_alone() {
    let mut app = demo_app(Lang::Nl);
    go(&mut app, Screen::Wheel);
    let clock = |app: &App| app.session().unwrap().doc.agenda.clock.clone();
    key(&mut app, KeyCode::F(5));
    assert!(clock(&app).started_at.is_some(), "F5 starts the clock");
    go(&mut app, Screen::Wheel);
    let status = |app: &App| app.session().unwrap().doc.wheel.activities.clone();
    let before = status(&app);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('s'));
    assert_ne!(status(&app), before);
    key(&mut app, KeyCode::F(7));
    let after_f7 = clock(&app);
    assert_eq!(after_f7.current_block, 1, "F7 moves to the next block");
    let actual = |app: &App| app.session().unwrap().doc.agenda.blocks[0].actual_seconds;
    let first_block = actual(&app);
    ctrl(&mut app, 'z');
    assert_eq!(status(&app), before, "the change is undone");
    assert_eq!(clock(&app), after_f7, "the clock is not");
    assert_eq!(actual(&app), first_block);
    assert!(!text(&render(&app, 120, 30)).contains("klok niet gestart"));
}

/// Presenter view shows; it does not edit. Typing there used to change a field that is
/// not on the presenter screen (the pact name on the intake) without anyone seeing it.
#[test]
fn presenter_view_refuses_typing_and_says_how_to_edit() {
    let mut app = demo_app(Lang::Nl);
    let pact = |app: &App| app.session().unwrap().doc.intake.pact_name.clone();
    let before = pact(&app);
    assert!(
        app.session().unwrap().typing(),
        "the intake opens in the pact name field"
    );
    key(&mut app, KeyCode::F(4));
    key(&mut app, KeyCode::Char('X'));
    assert_eq!(pact(&app), before, "nothing typed blind");
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("F4 terug naar bewerken om te typen"), "{t}");
    // Moving between screens and help still work in presenter view.
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.session().unwrap().screen, Screen::Interviews);
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("F4 bewerken"),
        "the message goes once a key works:\n{t}"
    );
    key(&mut app, KeyCode::Char('?'));
    assert!(app.overlay.is_some(), "? opens the help");
    // It lists what works here: app-wide keys, not the screen's editing keys.
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("F4 presentatieweergave"), "{t}");
    assert!(!t.contains("nieuw interview"), "{t}");
    key(&mut app, KeyCode::Esc);
    // Back in the editing view, typing works again.
    key(&mut app, KeyCode::F(4));
    go(&mut app, Screen::Intake);
    key(&mut app, KeyCode::Char('X'));
    assert_eq!(pact(&app), format!("{before}X"));
}

/// At 80 columns the time left in the agenda block and the warning that names are
/// visible always show, in the header and in presenter view, however long the block's
/// title and the pact's name are.
#[test]
fn time_left_and_the_names_warning_fit_at_80_columns() {
    let mut app = demo_app(Lang::Nl);
    go(&mut app, Screen::Triangle);
    key(&mut app, KeyCode::F(5));
    if let View::Session(s) = &mut app.view {
        s.doc.intake.pact_name = "Zorgpact Gelderland-Zuid en Rivierenland".into();
        s.doc.agenda.blocks[0].title = "Terugblik intake en interviews met de stuurgroep".into();
    }
    key(&mut app, KeyCode::F(8));
    for presenter in [false, true] {
        if presenter {
            key(&mut app, KeyCode::F(4));
        }
        let t = text(&render(&app, 80, 24));
        let top: String = t.lines().take(12).collect::<Vec<_>>().join("\n");
        assert!(
            top.contains("nog 10:00") || top.contains("nog 9:59"),
            "{top}"
        );
        assert!(top.contains("NAMEN ZICHTBAAR"), "{top}");
    }
}

/// F3 on the last screen says there is nothing ahead, instead of showing the same
/// screen as "the next one".
#[test]
fn look_ahead_on_the_last_screen_says_there_is_none() {
    let mut app = demo_app(Lang::Nl);
    go(&mut app, Screen::Report);
    key(&mut app, KeyCode::F(3));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Dit is het laatste scherm"), "{t}");
    assert!(!t.contains("Vooruitkijken: 6/6"), "{t}");
}
