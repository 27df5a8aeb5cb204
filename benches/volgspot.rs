//! `cargo bench`: load, keystroke-to-frame on every screen where the facilitator types
//! live, autosave (and keystrokes during saves), the save snapshot and the HTML export,
//! on generated sessions: "typical" and "large" (10 000 notes). See README for figures.

use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Screen, SessionView, View};
use volgspot::bench_data::{Size, generate};
use volgspot::export;
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

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Types and erases in turn (so the text does not grow over the run), then draws a full
/// 200×60 frame: one sample is one keystroke as the room sees it.
fn bench_typing(bencher: Bencher, app: App) {
    bench_typing_then(bencher, app, |_| {});
}

/// `bench_typing`, with `after` run within each sample once the frame is drawn (what the
/// event loop does before it reads the next key).
fn bench_typing_then(bencher: Bencher, mut app: App, mut after: impl FnMut(&App)) {
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    // The screen is on display before the typing starts (opening the synthesis builds
    // its search index once; that is not a keystroke).
    volgspot::ui::widgets::cache::next_frame(); // as the runtime, once per frame
    term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
    let mut n = 0u64;
    bencher.bench_local(|| {
        let code = if n.is_multiple_of(2) {
            KeyCode::Char('ë')
        } else {
            KeyCode::Backspace
        };
        n += 1;
        key(&mut app, code);
        volgspot::ui::widgets::cache::next_frame(); // as the runtime, once per frame
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
        after(&app);
    });
}

fn on_screen(app: &mut App, screen: Screen) {
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
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

/// One keystroke into a text field (the intake screen's first field), update plus a full
/// frame into a 200×60 TestBackend.
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_to_frame(bencher: Bencher, size: &str) {
    bench_typing(bencher, app_for(session(size)));
}

/// A keystroke on the Interviews capture line (an interview opened, the cursor on the
/// line where notes are typed live). The screen shows one interview's notes, so the
/// large session must cost about the same as the typical one.
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_interview_capture(bencher: Bencher, size: &str) {
    let mut app = app_for(session(size));
    on_screen(&mut app, Screen::Interviews);
    key(&mut app, KeyCode::Enter);
    assert!(app.session().unwrap().typing(), "not on the capture line");
    bench_typing(bencher, app);
}

/// A coding key on a note (P: public on/off) in an opened interview: a change outside a
/// text field, so the app-wide undo takes a snapshot of the whole session first. The
/// interviews are shared between snapshots, so this must not grow with the note count.
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_note_public(bencher: Bencher, size: &str) {
    let mut app = app_for(session(size));
    on_screen(&mut app, Screen::Interviews);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up); // from the capture line to the notes
    assert!(!app.session().unwrap().typing(), "still in a text field");
    let public = |app: &App| {
        app.session().unwrap().doc.interviews[0]
            .notes
            .iter()
            .filter(|n| n.public)
            .count()
    };
    let before = public(&app);
    key(&mut app, KeyCode::Char('p'));
    assert_ne!(public(&app), before, "P did not change the note");
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    volgspot::ui::widgets::cache::next_frame(); // as the runtime, once per frame
    term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
    bencher.bench_local(|| {
        key(&mut app, KeyCode::Char('p'));
        volgspot::ui::widgets::cache::next_frame(); // as the runtime, once per frame
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
    });
}

/// A keystroke in the search of the synthesis view, which filters every note of every
/// interview: the one typing place that does show all notes.
#[divan::bench(args = SIZES, sample_count = 300)]
fn keystroke_synthesis_search(bencher: Bencher, size: &str) {
    let mut app = app_for(session(size));
    on_screen(&mut app, Screen::Interviews);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('/'));
    assert!(app.session().unwrap().typing(), "not in the search field");
    bench_typing(bencher, app);
}

/// The synthesis search at 100 000 notes (the `huge` session): an index built once per
/// change of the session, not per key.
#[divan::bench(sample_count = 300)]
fn keystroke_synthesis_search_huge(bencher: Bencher) {
    let mut app = app_for(session("huge"));
    on_screen(&mut app, Screen::Interviews);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('/'));
    assert!(app.session().unwrap().typing(), "not in the search field");
    bench_typing(bencher, app);
}

/// Load from disk at 100 000 notes: nothing per object beyond reading it.
#[divan::bench(sample_count = 10)]
fn load_huge(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    store::write_new(&path, &session("huge")).unwrap();
    bencher.bench(|| {
        let (doc, _) = store::load_session(&path).unwrap();
        black_box(SessionView::new(doc, path.clone()))
    });
}

/// A keystroke while editing the title of a triangle item (Enter on the selected item).
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_triangle_title(bencher: Bencher, size: &str) {
    let mut app = app_for(session(size));
    on_screen(&mut app, Screen::Triangle);
    key(&mut app, KeyCode::Enter);
    assert!(app.session().unwrap().typing(), "not editing a title");
    bench_typing(bencher, app);
}

/// The snapshot the input path hands to the autosave thread (`doc.clone()` in tui.rs).
#[divan::bench(args = SIZES, sample_count = 100)]
fn save_snapshot(bencher: Bencher, size: &str) {
    let view = SessionView::new(session(size), "bench.volgspot.json".into());
    bencher.bench(|| black_box(view.doc.clone()));
}

/// The internal report as self-contained HTML: build plus render (no disk).
#[divan::bench(args = SIZES, sample_count = 30)]
fn export_html(bencher: Bencher, size: &str) {
    let doc = session(size);
    let method = Method::builtin(Lang::Nl);
    bencher.bench(|| {
        let report = export::build(&doc, &method, Lang::Nl, false);
        black_box(export::render(&report, export::Format::Html).unwrap())
    });
}

/// The internal report as Markdown: build plus render (no disk); no slower than HTML.
#[divan::bench(args = SIZES, sample_count = 30)]
fn export_markdown(bencher: Bencher, size: &str) {
    let doc = session(size);
    let method = Method::builtin(Lang::Nl);
    bencher.bench(|| {
        let report = export::build(&doc, &method, Lang::Nl, false);
        black_box(export::render(&report, export::Format::Markdown).unwrap())
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

/// The CPU part of autosave alone: the pretty JSON the file holds. The rest of `autosave`
/// is the disk (fsync of the file and of the folder), which depends on what else the
/// machine writes.
#[divan::bench(args = SIZES, sample_count = 30)]
fn autosave_serialise(bencher: Bencher, size: &str) {
    let doc = session(size);
    bencher.bench(|| black_box(store::to_json(&doc)));
}

/// Keystroke-to-frame while the session is saved without pause, the way the app does it:
/// the input thread hands the autosave thread a snapshot (`doc.clone()`, as in tui.rs)
/// as soon as the previous save is done, so the disk work runs in parallel with every
/// keystroke and the snapshot's cost lands on the keystrokes that hand one over (the app
/// itself hands one over at most every 300–700 ms). The slowest sample is the figure.
#[divan::bench(args = SIZES, sample_count = 500)]
fn keystroke_during_saves(bencher: Bencher, size: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    let doc = session(size);
    store::write_new(&path, &doc).unwrap();
    let saver = store::autosave::Saver::new();
    let (mut generation, mut saving, mut saves) = (0u64, false, 0u64);
    bench_typing_then(bencher, app_for(doc), |app| {
        let done = saver.poll().len();
        saves += done as u64;
        saving &= done == 0;
        if !saving && let Some(s) = app.session() {
            generation += 1;
            saver.request(generation, path.clone(), s.doc.clone());
            saving = true;
        }
    });
    assert!(saves > 0, "no save finished during the run");
}

/// `volgspot overzicht` over a programme of 30 pacts × 3 rounds (90 sessions of the
/// typical size, about 30 MB): read every file, build the portfolio, write the HTML.
/// The files are in the page cache after the first sample (a cold read from disk is
/// timed with the release binary, see README).
#[divan::bench(sample_count = 10)]
fn portfolio_90_sessions(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    for (name, doc) in volgspot::bench_data::portfolio(30, 3, 42) {
        store::write_new(&dir.path().join(name), &doc).unwrap();
    }
    let method = Method::builtin(Lang::Nl);
    bencher.bench_local(|| {
        let (sessions, unreadable) = export::portfolio::read_folder(dir.path());
        let p = export::portfolio::build(&sessions, unreadable, &method, Lang::Nl);
        black_box(export::portfolio::render(
            &p,
            Lang::Nl,
            export::Format::Html,
        ))
    });
}

/// Opening a session in a folder with 0 or 100 other sessions (typical size; every tenth
/// an earlier round of the same pact): load, the app state, and the earlier round the
/// wheel compares with, as `tui::open_session` does (without the lock). The folder must
/// cost next to nothing.
#[divan::bench(args = [0, 1, 100], sample_count = 20)]
fn folder_open(bencher: Bencher, others: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = volgspot::bench_data::folder(dir.path(), others).unwrap();
    bencher.bench(|| {
        let (doc, _) = store::load_session(&path).unwrap();
        let earlier = store::rounds::earlier_round(&path, &doc);
        assert_eq!(earlier.is_some(), others > 0);
        black_box((SessionView::new(doc, path.clone()), earlier))
    });
}

/// `volgspot export` of a session in a folder with 0 or 100 other sessions: load, the
/// earlier round, build and render the internal report as HTML (no disk write).
#[divan::bench(args = [0, 1, 100], sample_count = 20)]
fn folder_export(bencher: Bencher, others: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = volgspot::bench_data::folder(dir.path(), others).unwrap();
    let method = Method::builtin(Lang::Nl);
    bencher.bench(|| {
        let (doc, _) = store::load_session(&path).unwrap();
        let mut report = export::build(&doc, &method, Lang::Nl, false);
        if let Some(e) = store::rounds::earlier_round(&path, &doc) {
            export::add_earlier_round(&mut report, &method, e.intake.round, &e.wheel);
        }
        black_box(export::render(&report, export::Format::Html).unwrap())
    });
}

/// `folder_export` beside 100 sessions without the folder's index (removed before each
/// run): the first export in a folder, every other session's header read from its file.
#[divan::bench(sample_count = 20)]
fn folder_export_cold(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let path = volgspot::bench_data::folder(dir.path(), 100).unwrap();
    let method = Method::builtin(Lang::Nl);
    let index = store::folder::index_path(dir.path());
    bencher
        .with_inputs(|| {
            if let Some(p) = &index {
                let _ = std::fs::remove_file(p);
            }
        })
        .bench_local_values(|()| {
            let (doc, _) = store::load_session(&path).unwrap();
            let mut report = export::build(&doc, &method, Lang::Nl, false);
            if let Some(e) = store::rounds::earlier_round(&path, &doc) {
                export::add_earlier_round(&mut report, &method, e.intake.round, &e.wheel);
            }
            black_box(export::render(&report, export::Format::Html).unwrap())
        });
}

/// The start screen's list of a folder of 100 typical sessions (each with its `.bak`,
/// as autosave leaves it).
#[divan::bench(sample_count = 10)]
fn folder_start_screen(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    volgspot::bench_data::folder(dir.path(), 100).unwrap();
    for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let p = e.path();
        std::fs::copy(&p, store::paths::backup_path(&p)).unwrap();
    }
    bencher.bench(|| {
        let entries = volgspot::tui::scan_sessions(dir.path());
        assert_eq!(entries.len(), 101);
        black_box(entries)
    });
}

/// The start screen of a folder of 1000 sessions (200 pacts × 5 files, headers only, no
/// disk): one keystroke typed into the search (and erased the next time, so the search
/// does not grow), then a full 200×60 frame of the grouped list.
#[divan::bench(sample_count = 200)]
fn start_screen_search_keystroke_1000(bencher: Bencher) {
    use volgspot::app::start::{StartEntry, StartState};
    let t0 = time::OffsetDateTime::UNIX_EPOCH + time::Duration::days(20_000);
    let entries: Vec<StartEntry> = (0..1000)
        .map(|i| StartEntry {
            path: format!("/s/pact-{}-{i}.volgspot.json", i % 200).into(),
            summary: Ok(store::folder::Header {
                id: i.to_string(),
                pact_name: format!("Zorgpact Regio {:03}", i % 200),
                round: 1 + (i % 3) as u8,
                session_date: format!("2025-{:02}-15", 1 + i % 12),
                place: format!("Plaats {}", i % 37),
                updated: t0 + time::Duration::minutes(i as i64),
            }),
            recovery: None,
        })
        .collect();
    let mut app = App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        View::Start(StartState::new("/s".into(), entries)),
        volgspot::clock::now(),
    );
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut typed = false;
    bencher.bench_local(|| {
        key(
            &mut app,
            if typed {
                KeyCode::Backspace
            } else {
                KeyCode::Char('7')
            },
        );
        typed = !typed;
        volgspot::ui::widgets::cache::next_frame(); // as the runtime, once per frame
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
    });
}
