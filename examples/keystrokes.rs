//! Types N keystrokes on one screen of a generated session and draws a 200×60 frame after
//! each, as the binary does (`frames::FrameWriter`, writing into a sink): the
//! `keystroke_*` benchmarks as a plain program, for profilers (callgrind, perf) that
//! `cargo bench` is too slow or too noisy for. Prints the spread of keystroke times
//! and which keystroke was the slowest; `saving` types while the session is saved without
//! pause and counts the keystrokes over 2 ms.
//!
//! cargo build --release --example keystrokes
//! target/release/examples/keystrokes saving large 5000
//! valgrind --tool=callgrind target/release/examples/keystrokes synthesis large 200

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use volgspot::app::{App, Screen, SessionView, View};
use volgspot::bench_data::{Size, generate};
use volgspot::i18n::Lang;
use volgspot::method::Method;

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "keystrokes intake|capture|synthesis|triangle|saving typical|large N";
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
    // "saving": typing in the intake while the session is saved without pause (as the
    // `keystroke_during_saves` benchmark).
    let saving = place == "saving";
    let dir = std::env::temp_dir().join(format!("volgspot-keystrokes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.volgspot.json");
    let saver = volgspot::store::autosave::Saver::new();
    let (mut generation, mut busy, mut saves) = (0u64, false, 0usize);
    match place {
        "intake" | "saving" => {}
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
    // What the binary does, into a sink instead of a terminal: ratatui renders, the
    // frame writer compares and encodes.
    let mut term = Terminal::with_options(
        CrosstermBackend::new(std::io::sink()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)),
        },
    )
    .unwrap();
    let mut frames = volgspot::frames::FrameWriter::new();
    // The screen is on display before the typing starts (as in the benchmarks).
    frames
        .draw(&mut term, |f| volgspot::ui::draw(f, &app))
        .unwrap();
    let mut times = Vec::new();
    for i in 0..n {
        let code = if i % 2 == 0 {
            KeyCode::Char('ë')
        } else {
            KeyCode::Backspace
        };
        let t0 = std::time::Instant::now();
        key(&mut app, code);
        frames
            .draw(&mut term, |f| volgspot::ui::draw(f, &app))
            .unwrap();
        if saving {
            let done = saver.poll().len();
            saves += done;
            busy &= done == 0;
            if !busy && let Some(s) = app.session() {
                generation += 1;
                saver.request(generation, path.clone(), s.doc.clone());
                busy = true;
            }
        }
        times.push(t0.elapsed().as_micros());
    }
    if saving {
        let slow = times.iter().filter(|&&t| t > 2000).count();
        eprintln!(
            "{saves} saves; {slow} of {} keystrokes over 2 ms",
            times.len()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
    let worst = (0..times.len()).max_by_key(|&i| times[i]).unwrap_or(0);
    eprintln!("slowest is keystroke {worst}");
    times.sort();
    let p = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    eprintln!(
        "min {} p10 {} p50 {} p90 {} max {} µs",
        p(0.0),
        p(0.1),
        p(0.5),
        p(0.9),
        p(1.0)
    );
}
