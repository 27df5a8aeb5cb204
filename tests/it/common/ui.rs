//! Rendering the app into a `TestBackend`, with a fixed clock, for snapshots.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::macros::datetime;
use volgspot::app::{App, SaveState, SessionView, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::store;

/// The example session, opened on the Intake screen, "saved" at a fixed moment.
pub fn demo_app(lang: Lang) -> App {
    let (doc, _) = store::parse_session(volgspot::tui::EXAMPLE).unwrap();
    let mut view = SessionView::new(doc, "voorbeeld.volgspot.json".into());
    view.save = SaveState::Saved(datetime!(2026-11-26 14:03:05 +1));
    App::new(
        lang,
        Method::builtin(lang),
        View::Session(Box::new(view)),
        datetime!(2026-11-26 14:05:00 +1),
    )
}

pub fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| volgspot::ui::draw(f, app)).unwrap();
    term
}

/// The screen as plain text, one line per row.
pub fn text(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A new interview in interviewer mode (Dutch, pact "Pact Oost", interviewer "L. Smit",
/// dated 2026-11-22), writing into `dir`.
pub fn interviewer(dir: &std::path::Path) -> volgspot::interviewer::Interviewer {
    let mut iv = volgspot::interviewer::Interviewer::new(
        Lang::Nl.strings(),
        Method::builtin(Lang::Nl),
        dir.to_path_buf(),
        "Pact Oost",
        "L. Smit",
    );
    iv.doc.interview.date = "2026-11-22".into();
    iv
}

/// One key press, without modifiers.
pub fn key(app: &mut App, code: crossterm::event::KeyCode) {
    app.handle_key(crossterm::event::KeyEvent::new(
        code,
        crossterm::event::KeyModifiers::NONE,
    ));
}

/// Text typed key by key.
pub fn chars(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, crossterm::event::KeyCode::Char(c));
    }
}
