//! Snapshots of every screen as the room sees it, at 80×24 and 160×48, Dutch and English.

use crate::common;

use common::ui::{demo_app, render, text};
use volgspot::app::{Screen, View};
use volgspot::i18n::Lang;
use volgspot::store;

#[test]
fn every_screen_at_both_sizes_in_both_languages() {
    for lang in [Lang::Nl, Lang::En] {
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        let mut app = demo_app(lang);
        for screen in Screen::ALL {
            if let View::Session(s) = &mut app.view {
                s.screen = screen;
            }
            for (w, h) in [(80, 24), (160, 48)] {
                let term = render(&app, w, h);
                let title = screen.title(lang.strings());
                let screen_text = text(&term);
                // The header always names the screen and its place.
                assert!(
                    screen_text.contains(&format!("{}/6 {title}", screen.index() + 1)),
                    "{screen_text}"
                );
                insta::assert_snapshot!(format!("{}_{code}_{w}x{h}", screen.id()), term.backend());
            }
        }
    }
}

#[test]
fn the_footer_shows_quit_and_help_at_80_columns() {
    let app = demo_app(Lang::Nl);
    let t = text(&render(&app, 80, 24));
    let footer = t.lines().last().unwrap();
    assert!(
        footer.contains("Ctrl-Q") && footer.contains("F1"),
        "{footer}"
    );
}

#[test]
fn an_invalid_date_is_kept_and_explained() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = demo_app(Lang::Nl);
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab)); // the date field
    for _ in 0..10 {
        app.handle_key(key(KeyCode::Backspace));
    }
    for c in "31-02-2026".chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("31-02-2026"), "{t}");
    assert!(t.contains("Geen geldige datum"), "{t}");
}

#[test]
fn a_save_failure_shows_in_the_header() {
    let mut app = demo_app(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.generation = 3;
        s.on_saved(3, Err(store::SaveError::DiskFull));
    }
    let t = text(&render(&app, 80, 24));
    assert!(
        t.lines()
            .next()
            .unwrap()
            .contains("niet opgeslagen: schijf vol"),
        "{t}"
    );
}

#[test]
fn a_tiny_window_asks_to_be_made_larger() {
    let app = demo_app(Lang::Nl);
    let t = text(&render(&app, 40, 10));
    assert!(t.contains("Maak het venster groter"), "{t}");
}
