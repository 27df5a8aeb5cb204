//! `cargo bench`: load, keystroke-to-frame, autosave (and keystrokes during saves) on
//! generated sessions: "typical" and "large" (10 000 notes). See README for figures.

use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use volgspot::app::{App, SessionView, View};
use volgspot::bench_data::{Size, generate};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::store;

const SIZES: [&str; 2] = ["typical", "large"];

fn session(size: &str) -> volgspot::model::Session {
    generate(Size::parse(size).unwrap(), 42)
}

fn app_for(doc: volgspot::model::Session) -> App {
    let view = SessionView::new(doc, "bench.volgspot.json".into());
    App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        View::Session(Box::new(view)),
        volgspot::clock::now(),
    )
}

fn main() {
    divan::main();
}

/// Load from disk into app state.
#[divan::bench(args = SIZES, sample_count = 30)]
fn load(bencher: Bencher, size: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    store::write_new(&path, &session(size)).unwrap();
    bencher.bench(|| {
        let (doc, _) = store::load_session(&path).unwrap();
        black_box(SessionView::new(doc, path.clone()))
    });
}

/// One keystroke into a text field, update plus a full frame into a 200×60 TestBackend.
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_to_frame(bencher: Bencher, size: &str) {
    let mut app = app_for(session(size));
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut n = 0u64;
    bencher.bench_local(|| {
        // Type and erase in turn, so the text does not grow over the run.
        let code = if n.is_multiple_of(2) {
            KeyCode::Char('ë')
        } else {
            KeyCode::Backspace
        };
        n += 1;
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
    });
}

/// Autosave: serialise + atomic write (temp, fsync, backup, rename, fsync folder).
#[divan::bench(args = SIZES, sample_count = 30)]
fn autosave(bencher: Bencher, size: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    let doc = session(size);
    store::write_new(&path, &doc).unwrap();
    bencher.bench(|| store::save_session(&path, &doc).unwrap());
}

/// Keystroke-to-frame while the autosave thread saves the same session without pause:
/// the slowest sample shows whether saving ever reaches the input path.
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_during_saves(bencher: Bencher, size: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    let doc = session(size);
    let stop = Arc::new(AtomicBool::new(false));
    let saver = {
        let (stop, path, doc) = (stop.clone(), path.clone(), doc.clone());
        std::thread::spawn(move || {
            let saver = store::autosave::Saver::new();
            let mut generation = 0;
            while !stop.load(Ordering::Relaxed) {
                generation += 1;
                saver.request(generation, path.clone(), doc.clone());
                saver.wait_for(generation, std::time::Duration::from_secs(5));
            }
        })
    };
    let mut app = app_for(doc);
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut n = 0u64;
    bencher.bench_local(|| {
        let code = if n.is_multiple_of(2) {
            KeyCode::Char('ë')
        } else {
            KeyCode::Backspace
        };
        n += 1;
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
    });
    stop.store(true, Ordering::Relaxed);
    saver.join().unwrap();
}
