//! The Samenwerkingswiel screen: drawn and list views, intentions, a five-phase method.

mod common;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::wheel::Earlier;
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;

fn on_wheel(lang: Lang) -> App {
    let mut app = demo_app(lang);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Wheel;
    }
    app
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

#[test]
fn dump() {
    let mut app = on_wheel(Lang::Nl);
    for (w, h) in [(80, 24), (200, 60)] {
        println!("{}", text(&render(&app, w, h)));
    }
    press(&mut app, KeyCode::Char('v'));
    for (w, h) in [(80, 24), (200, 60)] {
        println!("{}", text(&render(&app, w, h)));
    }
    press(&mut app, KeyCode::Char('i'));
    for (w, h) in [(80, 24), (200, 60)] {
        println!("{}", text(&render(&app, w, h)));
    }
}
