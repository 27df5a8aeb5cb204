//! Frames drawn with the block cache (`ui::widgets::cache`: unchanged text copied from
//! the last frame) are the frames a fresh, full drawing gives: on every screen, while
//! typing, moving, opening help and popups, undoing, and after the terminal changes size.

use crate::common;

use common::ui::demo_app;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;
use volgspot::ui::widgets::cache;

fn fresh(app: &App, area: Rect) -> Buffer {
    cache::without(|| {
        let mut term = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
        term.draw(|f| volgspot::ui::draw(f, app)).unwrap();
        term.backend().buffer().clone()
    })
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// What a person does on a screen: open a field, type, erase, move on, look at the help,
/// undo, go down a list, type again.
fn keys() -> Vec<KeyEvent> {
    use KeyCode::*;
    let mut k = vec![key(Enter)];
    k.extend("de wijk é".chars().map(|c| key(Char(c))));
    k.extend([
        key(Backspace),
        key(Backspace),
        key(Tab),
        key(Char('x')),
        key(Enter),
        key(Esc),
        key(Down),
        key(Down),
        key(Char('?')),
        key(Esc),
        ctrl('z'),
        key(Down),
        key(Enter),
        key(Char('a')),
        key(Char('b')),
        key(Backspace),
        key(Esc),
        key(PageDown),
        key(Up),
        key(Char('/')),
        key(Char('w')),
        key(Char('i')),
        key(Backspace),
        key(Esc),
    ]);
    k
}

#[test]
fn cached_frames_equal_fresh_frames_on_every_screen() {
    let sizes = [(200, 60), (80, 24), (120, 40), (200, 60)];
    let before = cache::hits();
    for lang in [Lang::Nl, Lang::En] {
        for screen in Screen::ALL {
            let mut app = demo_app(lang);
            if let View::Session(s) = &mut app.view {
                s.screen = screen;
            }
            let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
            let keys = keys();
            for (i, k) in keys.iter().enumerate() {
                // A new size now and then (the terminal clears and draws all).
                let (w, h) = sizes[(i / 9) % sizes.len()];
                if term.backend().buffer().area != Rect::new(0, 0, w, h) {
                    term.backend_mut().resize(w, h);
                }
                app.handle_key(*k);
                // Twice: the second frame is drawn from what the first left in the cache.
                for _ in 0..2 {
                    cache::next_frame();
                    term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
                    let area = term.backend().buffer().area;
                    let want = fresh(&app, area);
                    assert_eq!(
                        term.backend().buffer(),
                        &want,
                        "{} ({lang:?}) after key {i} ({k:?}) at {w}×{h}",
                        screen.id()
                    );
                }
            }
        }
    }
    assert!(cache::hits() > before, "the cache was not used");
}

#[test]
fn presenter_view_and_popups_equal_fresh_frames() {
    let mut app = demo_app(Lang::Nl);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    type Step = Box<dyn Fn(&mut App)>;
    let steps: Vec<Step> = vec![
        Box::new(|a| a.presenter = true),
        Box::new(|a| {
            a.handle_key(key(KeyCode::PageDown));
        }),
        Box::new(|a| {
            a.handle_key(key(KeyCode::Char('?')));
        }),
        Box::new(|a| {
            a.handle_key(key(KeyCode::Esc));
        }),
        Box::new(|a| a.presenter = false),
        Box::new(|a| {
            a.handle_key(ctrl('q'));
        }),
        Box::new(|a| {
            a.handle_key(key(KeyCode::Char('n')));
        }),
        Box::new(|a| {
            a.handle_key(key(KeyCode::PageDown));
        }),
    ];
    for (i, step) in steps.iter().enumerate() {
        step(&mut app);
        for _ in 0..2 {
            cache::next_frame();
            term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
            let want = fresh(&app, term.backend().buffer().area);
            assert_eq!(term.backend().buffer(), &want, "step {i}");
        }
    }
}
