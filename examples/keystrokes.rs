//! Types N keystrokes on one screen of a generated session and draws a 200×60 frame after
//! each: the `keystroke_*` benchmarks as a plain program, for profilers that count
//! instructions (callgrind) and are too slow for `cargo bench`.
//!
//! cargo build --release --example keystrokes
//! valgrind --tool=callgrind target/release/examples/keystrokes synthesis large 200

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Screen, SessionView, View};
use volgspot::bench_data::{Size, generate};
use volgspot::i18n::Lang;
use volgspot::method::Method;

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "keystrokes intake|capture|synthesis|triangle typical|large N";
    let (place, size, n) = match &args[1..] {
        [p, s, n] => (p.as_str(), s.as_str(), n.parse::<u64>().expect(usage)),
        _ => panic!("{usage}"),
    };
    let doc = generate(Size::parse(size).expect(usage), 42);
    let view = SessionView::new(doc, "bench.volgspot.json".into());
    let mut app = App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        View::Session(Box::new(view)),
        volgspot::clock::now(),
    );
    let screen = |app: &mut App, screen| {
        if let View::Session(s) = &mut app.view {
            s.screen = screen;
        }
    };
    match place {
        "intake" => {}
        "capture" => {
            screen(&mut app, Screen::Interviews);
            key(&mut app, KeyCode::Enter);
        }
        "synthesis" => {
            screen(&mut app, Screen::Interviews);
            key(&mut app, KeyCode::Char('s'));
            key(&mut app, KeyCode::Char('/'));
        }
        "triangle" => {
            screen(&mut app, Screen::Triangle);
            key(&mut app, KeyCode::Enter);
        }
        _ => panic!("{usage}"),
    }
    assert!(app.session().unwrap().typing(), "not in a text field");
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    for i in 0..n {
        let code = if i % 2 == 0 {
            KeyCode::Char('ë')
        } else {
            KeyCode::Backspace
        };
        key(&mut app, code);
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
    }
}
