//! The room's window without Unicode drawing (VOLGSPOT_ASCII=1, TERM=vt220): big
//! letters all the same, drawn with `#` at full size (the tryout found the room in
//! ASCII mode never used big letters, while F4 did).

use crate::common;

use common::ui::{demo_app, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use volgspot::app::{Screen, View};
use volgspot::i18n::Lang;
use volgspot::ui::room::Contact;

/// The longest run of rows, one after the other, that each hold `###`: a big letter is
/// 8 rows tall (7 inked, most letters).
fn big_rows(screen: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for line in screen.lines() {
        if line.contains("##") {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

#[test]
fn the_room_in_ascii_draws_big_letters_with_hashes() {
    for (w, h) in [(240, 63), (160, 45)] {
        for screen in Screen::ALL {
            let mut app = demo_app(Lang::Nl);
            app.ascii = true;
            if let View::Session(s) = &mut app.view {
                s.screen = screen;
            }
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| {
                volgspot::ui::room::draw(f, &app, app.session().unwrap(), &Contact::Following)
            })
            .unwrap();
            let t = text(&term);
            assert!(t.is_ascii(), "{screen:?} {w}x{h}");
            // The screen's title at least, in letters 8 rows tall.
            assert!(
                big_rows(&t) >= 6,
                "{screen:?} at {w}x{h}: no big letters\n{t}"
            );
        }
    }
}

#[test]
fn on_a_big_ascii_screen_the_items_are_big_too() {
    let mut app = demo_app(Lang::Nl);
    app.ascii = true;
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Wheel;
    }
    let mut term = Terminal::new(TestBackend::new(240, 63)).unwrap();
    term.draw(|f| volgspot::ui::room::draw(f, &app, app.session().unwrap(), &Contact::Following))
        .unwrap();
    let t = text(&term);
    // Title (8 rows) and below it more big text: more than one block of big rows.
    let blocks = t
        .lines()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| !w[0].contains("##") && w[1].contains("##"))
        .count();
    assert!(blocks >= 2, "only the title is big:\n{t}");
}
