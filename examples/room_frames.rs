//! Frame times of the publieksversie as the room sees it, on a generated session: the
//! presenter view (F4) on the Samenvatting and the Rapport, with a remote's keys
//! (PageDown/PageUp, F5, `.`/`b`) between frames, and the room's window
//! (`volgspot zaal`) following a facilitator through the files (a poll of the state file
//! and the session, and a frame), at beamer size (240×63) and at 80×24. Prints the
//! median, the 90th percentile and the slowest frame of each, and the first frame after
//! an edit (the report built again once).
//!
//! cargo run --example room_frames -- typical 50
//! cargo build --release --example room_frames && target/release/examples/room_frames large 200

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};
use volgspot::app::{App, Screen, SessionView, View};
use volgspot::bench_data::{Size, generate};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::room::{Follower, RoomState, state_path};
use volgspot::ui::room::Contact;

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn app_for(doc: volgspot::model::Session, path: std::path::PathBuf) -> App {
    let view = SessionView::new(doc, path);
    App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        View::Session(Box::new(view)),
        volgspot::clock::now(),
    )
}

fn on(app: &mut App, screen: Screen) {
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let n = times.len();
    println!(
        "{what:<58} median {:>9.3} ms  p90 {:>9.3} ms  max {:>9.3} ms  ({n} frames)",
        ms(times[n / 2]),
        ms(times[(n * 9 / 10).min(n - 1)]),
        ms(times[n - 1]),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "room_frames typical|large|huge N";
    let (size, n) = match &args[1..] {
        [s, n] => (
            Size::parse(s).expect(usage),
            n.parse::<usize>().expect(usage),
        ),
        _ => panic!("{usage}"),
    };
    let n = n.max(2);
    let doc = generate(size, 42);
    let dir = std::env::temp_dir().join(format!("volgspot-room-frames-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.volgspot.json");
    volgspot::store::save_session(&path, &doc).unwrap();

    // The facilitator's window in presenter view.
    let mut app = app_for(doc.clone(), path.clone());
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    app.presenter = true;
    for screen in [Screen::Summary, Screen::Report] {
        on(&mut app, screen);
        let mut times = Vec::new();
        for _ in 0..n {
            let t = Instant::now();
            term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
            times.push(t.elapsed());
        }
        report(&format!("F4 frame, {}, 200x60", screen.id()), times);
    }
    // A remote: the next screen and back, the clock, blank and back; a frame after each.
    on(&mut app, Screen::Summary);
    let keys = [
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::F(5),
        KeyCode::Char('.'),
        KeyCode::Char('b'),
    ];
    let mut times = Vec::new();
    for i in 0..n {
        let t = Instant::now();
        key(&mut app, keys[i % keys.len()]);
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
        times.push(t.elapsed());
    }
    report("F4 remote key + frame, summary/report, 200x60", times);
    // After an edit: the report is built again once (F4 off, a change, F4 on).
    let mut times = Vec::new();
    for i in 0..n.min(20) {
        app.presenter = false;
        on(&mut app, Screen::Intake);
        if let View::Session(s) = &mut app.view {
            s.doc.intake.pact_name = format!("Zorgpact {i}");
            s.changed_at(app.now, Instant::now());
        }
        on(&mut app, Screen::Summary);
        app.presenter = true;
        let t = Instant::now();
        term.draw(|f| volgspot::ui::draw(f, &app)).unwrap();
        times.push(t.elapsed());
    }
    report("F4 first frame after an edit, summary, 200x60", times);

    // The room's own draw, on the facilitator's copy (as the tests draw it).
    on(&mut app, Screen::Summary);
    app.presenter = false;
    for (w, h) in [(240, 63), (80, 24)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut times = Vec::new();
        for _ in 0..n {
            let t = Instant::now();
            term.draw(|f| {
                volgspot::ui::room::draw(f, &app, app.session().unwrap(), &Contact::Following)
            })
            .unwrap();
            times.push(t.elapsed());
        }
        report(&format!("room frame, summary, {w}x{h}"), times);
    }

    // The room's window: its own app following the files; every frame the facilitator
    // has written a new state file (a heartbeat, or the scroll moved).
    let mut room = app_for(doc, path.clone());
    room.view = View::Start(volgspot::app::StartState::default());
    let mut follower = Follower::new(path.clone());
    let mut state = RoomState::of(&app, app.session().unwrap());
    let mut term = Terminal::new(TestBackend::new(240, 63)).unwrap();
    let mut times = Vec::new();
    for i in 0..n {
        state.beat = i as u64 + 1;
        std::fs::write(state_path(&path), volgspot::store::to_json(&state)).unwrap();
        let t = Instant::now();
        follower.poll(&mut room);
        term.draw(|f| match room.session() {
            Some(s) => volgspot::ui::room::draw(f, &room, s, &Contact::Following),
            None => volgspot::ui::room::waiting(f, &room),
        })
        .unwrap();
        times.push(t.elapsed());
    }
    // The first poll loads the session: left out, it is not a frame of the following.
    times.remove(0);
    report(
        "room window: poll (state file changed) + frame, 240x63",
        times,
    );
    let _ = std::fs::remove_dir_all(&dir);
}
