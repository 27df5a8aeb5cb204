//! The room's window and the themes (issue 18): snapshots of the room view of every
//! screen at 80×24 and 200×60, names hidden without F8, the publieksversie in the
//! Samenvatting, and every cell with the theme's own background in every view.

mod common;

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
