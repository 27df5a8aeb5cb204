//! The room's window and the themes (issue 18): snapshots of the room view of every
//! screen at 80×24 and 200×60, names hidden without F8, the publieksversie in the
//! Samenvatting, and every cell with the theme's own background in every view.

use crate::common;

use common::ui::{demo_app, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;
use volgspot::ui::room::Contact;
use volgspot::ui::theme::Theme;

fn room(app: &App, w: u16, h: u16, contact: &Contact) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| volgspot::ui::room::draw(f, app, app.session().unwrap(), contact))
        .unwrap();
    term
}

fn on(screen: Screen, theme: &str) -> App {
    let mut app = demo_app(Lang::Nl);
    app.theme = Theme::builtin(theme).unwrap();
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
    app
}

#[test]
fn room_view_of_every_screen_at_80x24_and_200x60() {
    for screen in Screen::ALL {
        for (w, h) in [(80, 24), (200, 60)] {
            let app = on(screen, "licht");
            let t = text(&room(&app, w, h, &Contact::Following));
            insta::assert_snapshot!(format!("room_{}_{w}x{h}", screen.id()), t);
        }
    }
}

#[test]
fn the_room_shows_no_names_without_f8_and_the_public_summary() {
    for screen in Screen::ALL {
        let app = on(screen, "licht");
        let t = text(&room(&app, 200, 60, &Contact::Following));
        for name in ["Marieke", "Jeroen", "M. de Vries", "S. Yilmaz", "J. Bakker"] {
            assert!(!t.contains(name), "{screen:?}: '{name}'\n{t}");
        }
    }
    // The Samenvatting in the room is the publieksversie: a non-public note never shows.
    let app = on(Screen::Summary, "licht");
    let t = text(&room(&app, 200, 60, &Contact::Following));
    assert!(!t.contains("ieder vooral voor de eigen organisatie"), "{t}");
    // With F8 on, the warning is in the room too.
    let mut app = on(Screen::Interviews, "licht");
    app.show_names = true;
    let t = text(&room(&app, 200, 60, &Contact::Following));
    assert!(t.contains("NAMEN ZICHTBAAR"), "{t}");
}

#[test]
fn the_room_says_when_it_lost_contact_and_blanks_on_request() {
    let mut app = on(Screen::Triangle, "donker");
    let t = text(&room(&app, 80, 24, &Contact::LostSince("14:03:05".into())));
    assert!(
        t.contains("Geen contact met het scherm van de gespreksleider sinds 14:03:05"),
        "{t}"
    );
    app.blank = true;
    let t = text(&room(&app, 80, 24, &Contact::Following));
    assert!(t.trim().is_empty(), "{t}");
}

/// Every cell's background is the theme's, never the terminal's (`Color::Reset`).
fn assert_owned(term: &Terminal<TestBackend>, what: &str) {
    let buf = term.backend().buffer();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            assert!(
                c.bg != Color::Reset,
                "{what}: cell ({x},{y}) '{}' keeps the terminal's background\n{}",
                c.symbol(),
                text(term)
            );
        }
    }
}

#[test]
fn both_themes_own_the_background_of_every_cell_in_every_view() {
    for theme in ["licht", "donker"] {
        for screen in Screen::ALL {
            for (w, h) in [(80, 24), (160, 48)] {
                for presenter in [false, true] {
                    let mut app = on(screen, theme);
                    app.presenter = presenter;
                    let term = common::ui::render(&app, w, h);
                    assert_owned(&term, &format!("{theme} {screen:?} {w}x{h} F4={presenter}"));
                }
                let app = on(screen, theme);
                assert_owned(
                    &room(&app, w, h, &Contact::Following),
                    &format!("{theme} {screen:?} room {w}x{h}"),
                );
            }
        }
    }
}

#[test]
fn without_unicode_drawing_the_room_uses_plain_letters_and_ascii_markers() {
    for screen in [Screen::Triangle, Screen::Wheel] {
        let app = on(screen, "licht");
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        term.draw(|f| {
            volgspot::ui::room::draw_with(
                f,
                &app,
                app.session().unwrap(),
                &Contact::Following,
                true,
            )
        })
        .unwrap();
        let t = text(&term);
        assert!(t.contains("# "), "{t}");
        for c in [
            '█', '▌', '▀', '▄', '▐', '▝', '▘', '▖', '▗', '▛', '▜', '▙', '▟', '⠁',
        ] {
            assert!(!t.contains(c), "{screen:?}: '{c}'\n{t}");
        }
    }
}

#[test]
fn the_names_warning_is_highlighted_in_every_view() {
    for presenter in [false, true] {
        let mut app = on(Screen::Triangle, "licht");
        app.show_names = true;
        app.presenter = presenter;
        let term = common::ui::render(&app, 120, 40);
        let warn = app.theme.warn;
        let buf = term.backend().buffer();
        let t = text(&term);
        let (y, line) = t
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("NAMEN ZICHTBAAR"))
            .unwrap_or_else(|| panic!("F4={presenter}: no warning\n{t}"));
        let x = line[..line.find("NAMEN").unwrap()].chars().count() as u16;
        let cell = &buf[(x, y as u16)];
        assert_eq!(Some(cell.bg), warn.bg, "F4={presenter}: not highlighted");
    }
}

/// The room's own copy of the session, following what this facilitator's window shows
/// (as the state file carries it).
fn following(facilitator: &App) -> App {
    let s = facilitator.session().unwrap();
    let mut room = on(s.screen, &facilitator.theme.name);
    if let View::Session(r) = &mut room.view {
        r.doc = s.doc.clone();
    }
    volgspot::room::RoomState::of(facilitator, s).apply(&mut room);
    room
}

fn press(app: &mut App, code: KeyCode, times: usize) {
    for _ in 0..times {
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn the_room_follows_the_samenvatting_to_the_section_the_facilitator_reads() {
    let mut app = on(Screen::Summary, "licht");
    // At the top: the room starts at the report's title.
    common::ui::render(&app, 120, 40);
    let t = text(&room(&following(&app), 80, 24, &Contact::Following));
    assert!(t.contains("Volgspot 1: Zorgpact Rivierenland-West"), "{t}");
    // The facilitator scrolls the (internal) preview well down.
    press(&mut app, KeyCode::Down, 60);
    common::ui::render(&app, 120, 40);
    let top = app.session().unwrap().summary.top.borrow().clone().unwrap();
    assert!(top.index > 1, "{top:?}");
    let t = text(&room(&following(&app), 80, 24, &Contact::Following));
    assert!(!t.contains("Volgspot 1: Zorgpact"), "{t}");
    assert!(!t.contains("Waar werkt de regio aan?"), "{t}");
    // The facilitator reads the internal version: the room starts at the heading.
    assert!(t.contains(&top.heading), "{top:?}\n{t}");
    insta::assert_snapshot!("room_summary_followed_80x24", t);
    // Big (240×67): the section's heading in big letters, not the report's start.
    let big = text(&room(&following(&app), 240, 67, &Contact::Following));
    assert!(!big.contains("Waar werkt de regio aan?"), "{big}");
    insta::assert_snapshot!("room_summary_followed_240x67", big);
    // The publieksversie on both sides: the room also skips the rows read past.
    app.handle_key(KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE));
    common::ui::render(&app, 120, 40);
    press(&mut app, KeyCode::Down, 30);
    common::ui::render(&app, 120, 40);
    let top = app.session().unwrap().summary.top.borrow().clone().unwrap();
    assert!(top.public && top.rows > 0, "{top:?}");
    let t = text(&room(&following(&app), 80, 24, &Contact::Following));
    assert!(!t.contains(&top.heading), "{top:?}\n{t}");
    // The same part in presenter view (F4) on the facilitator's own screen.
    app.presenter = true;
    let t = text(&common::ui::render(&app, 80, 24));
    assert!(!t.contains("Waar werkt de regio aan?"), "{t}");
    // Back to the top: the room too.
    app.presenter = false;
    app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE));
    common::ui::render(&app, 120, 40);
    let t = text(&room(&following(&app), 80, 24, &Contact::Following));
    assert!(t.contains("Volgspot 1: Zorgpact Rivierenland-West"), "{t}");
}

#[test]
fn the_room_shows_the_wheel_activity_the_facilitator_selected() {
    let mut app = on(Screen::Wheel, "licht");
    // The third activity of the first phase.
    press(&mut app, KeyCode::Down, 3);
    let room_app = following(&app);
    let term = room(&room_app, 80, 24, &Contact::Following);
    let t = text(&term);
    insta::assert_snapshot!("room_wheel_activity_80x24", t);
    let (y, line) = t
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Een visie ontwikkelen"))
        .unwrap_or_else(|| panic!("the activity is not in the room\n{t}"));
    let x = line[..line.find("Een visie").unwrap()].chars().count() as u16;
    let cell = &term.backend().buffer()[(x, y as u16)];
    assert_eq!(
        Some(cell.bg),
        room_app.theme.selected.bg,
        "not highlighted\n{t}"
    );
    // On another phase's activity, the first phase folds and that one opens.
    press(&mut app, KeyCode::Down, 4);
    let t = text(&room(&following(&app), 80, 24, &Contact::Following));
    assert!(!t.contains("Een visie ontwikkelen"), "{t}");
}

/// The room's window at 240×67: roughly a 1920×1080 xterm with a large font (8×16
/// pixel cells), as a beamer in a meeting room shows it.
#[test]
fn room_view_of_every_screen_at_240x67() {
    for screen in Screen::ALL {
        let mut app = on(screen, "licht");
        if screen == Screen::Wheel {
            // On the pact's phase, as when the facilitator talks about it.
            app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
            while app
                .session()
                .unwrap()
                .wheel
                .row(&app.method)
                .map(|r| r.phase())
                != Some(1)
            {
                app.handle_key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
            }
        }
        let t = text(&room(&app, 240, 67, &Contact::Following));
        insta::assert_snapshot!(format!("room_{}_240x67", screen.id()), t);
    }
}

#[test]
fn the_room_shows_the_intentions_with_their_kartrekker_or_that_there_is_none() {
    let mut app = on(Screen::Wheel, "licht");
    press(&mut app, KeyCode::Char('i'), 1);
    for (w, h) in [(80, 24), (240, 67)] {
        let t = text(&room(&following(&app), w, h, &Contact::Following));
        insta::assert_snapshot!(format!("room_intentions_{w}x{h}"), t);
        if w == 80 {
            assert!(t.contains("(Kartrekker: ROC"), "{t}");
            assert!(t.contains("geen kartrekker"), "{t}");
        }
    }
}

#[test]
fn a_running_clock_shows_the_block_and_its_minutes_big_in_the_room() {
    let mut app = on(Screen::Triangle, "licht");
    press(&mut app, KeyCode::F(5), 1);
    let t = text(&room(&following(&app), 80, 24, &Contact::Following));
    assert!(t.contains("nog 10 min"), "{t}");
    let t = text(&room(&following(&app), 240, 67, &Contact::Following));
    // Big letters: no plain "nog 10 min" line, the block still named in the status.
    assert!(!t.contains("nog 10 min"), "{t}");
    assert!(t.contains("3/6 · Analyse-driehoek · Opening"), "{t}");
    insta::assert_snapshot!("room_clock_running_240x67", t);
}
