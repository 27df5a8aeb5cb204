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

fn screen_text(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

/// The note lists (an interview's notes, the synthesis) are built once per change and
/// kept between frames: after every change a person can make to what they show (a note
/// added, edited, moved to another area, deleted, put back; names shown or hidden; a
/// new size; another search), each frame still equals a fresh drawing, and what was
/// typed shows up (or goes) where a person looks for it.
#[test]
fn kept_note_lists_follow_every_change() {
    use KeyCode::*;
    enum Step {
        Key(KeyEvent),
        Size(u16, u16),
    }
    use Step::{Key, Size};
    let typed = |s: &str| s.chars().map(|c| Key(key(Char(c)))).collect::<Vec<_>>();
    for lang in [Lang::Nl, Lang::En] {
        let mut app = demo_app(lang);
        if let View::Session(s) = &mut app.view {
            s.screen = Screen::Interviews;
        }
        let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
        // The synthesis drawn once before the notes change.
        let mut steps = vec![Key(key(Char('s'))), Key(key(Esc)), Key(key(Enter))];
        // A note added in the capture line, then one more letter typed (nothing changes
        // in the list: drawn from what was kept).
        steps.extend(typed("zonnebloemveld"));
        steps.push(Key(key(Enter)));
        steps.extend(typed("kaas"));
        steps.extend([
            // To the list: the selection moves, a note is edited, moved, deleted, undone.
            Key(key(Up)),
            Key(key(Up)),
            Key(key(Char('e'))),
            Key(key(Char('Q'))),
            Key(key(Enter)),
            Key(key(Char('2'))),
            Key(key(Char('k'))),
            Key(key(Char('p'))),
            Key(key(Char('d'))),
            Key(ctrl('z')),
            Key(key(Char('u'))),
            Key(key(F(8))),
            Size(80, 24),
            Key(key(Down)),
            Size(120, 40),
            Key(key(F(8))),
            Key(key(Char('d'))),
            Size(200, 60),
            Key(ctrl('z')),
            Key(key(Esc)),
            // The synthesis: searched, filtered, names on and off, resized, scrolled.
            Key(key(Char('s'))),
            Key(key(Char('/'))),
        ]);
        steps.extend(typed("zonne"));
        steps.extend([
            Key(key(Backspace)),
            Key(key(Backspace)),
            Key(key(Esc)),
            Key(key(F(8))),
            Key(key(Char('a'))),
            Size(80, 24),
            Key(key(Char('a'))),
            Key(key(Down)),
            Key(key(F(8))),
            Size(200, 60),
            Key(key(Char('x'))),
            Key(ctrl('z')),
            Key(key(Esc)),
            Key(key(Enter)),
        ]);
        steps.extend(typed("meer"));
        steps.extend([
            Key(key(Enter)),
            Key(key(Esc)),
            Key(key(Esc)),
            Key(key(Char('s'))),
        ]);
        // A note the synthesis showed, edited and moved to the first area: the synthesis
        // shows it changed.
        steps.extend([
            Key(key(Esc)),
            Key(key(Enter)),
            Key(key(Up)),
            Key(key(Up)),
            Key(key(Up)),
            Key(key(Up)),
            Key(key(Up)),
            Key(key(Up)),
            Key(key(Char('e'))),
            Key(key(Char('Z'))),
            Key(key(Enter)),
            Key(key(Char('1'))),
            Key(key(Esc)),
            Key(key(Esc)),
            Key(key(Char('s'))),
        ]);
        let before = cache::list_hits();
        let mut seen_note = false;
        for (i, step) in steps.iter().enumerate() {
            match step {
                Key(k) => {
                    app.handle_key(*k);
                }
                Size(w, h) => term.backend_mut().resize(*w, *h),
            }
            for _ in 0..2 {
                cache::next_frame();
                term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
                let area = term.backend().buffer().area;
                let want = fresh(&app, area);
                assert_eq!(term.backend().buffer(), &want, "({lang:?}) after step {i}");
                seen_note |= screen_text(&want).contains("zonnebloemveld");
            }
        }
        assert!(seen_note, "the added note was never on screen");
        assert!(cache::list_hits() > before, "the kept lists were not used");
    }
}
