//! The publieksversie in the presenter view (F4) and the room's window is built once per
//! change and reused across frames (issue 20): a reused frame must never show names after
//! the privacy switch (F8) went off, nor old words after an edit, an undo or an import.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::summary::Section;
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;
use volgspot::ui::room::Contact;

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn on(app: &mut App, screen: Screen) {
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
}

fn room(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| volgspot::ui::room::draw(f, app, app.session().unwrap(), &Contact::Following))
        .unwrap();
    text(&term)
}

/// Where the facilitator reads: the section of the publieksversie with `words`, scrolled
/// to just above that line (as the Samenvatting's preview reports it to the room).
fn read_at(app: &App, words: &str) {
    let s = app.session().unwrap();
    let md = s
        .summary
        .public_preview(s, &app.method, app.lang, app.t, true);
    let lines: Vec<&str> = md.lines().collect();
    let at = lines.iter().position(|l| l.contains(words)).unwrap();
    let (index, head) = lines[..at]
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with('#'))
        .enumerate()
        .last()
        .map(|(index, (n, _))| (index, n))
        .unwrap();
    *s.summary.top.borrow_mut() = Some(Section {
        index,
        heading: volgspot::ui::markdown::heading_text(lines[head]),
        rows: (at - head).saturating_sub(2),
        public: true,
    });
}

const NAME: &str = "Marieke de Vries";

#[test]
fn an_f4_frame_after_f8_went_off_shows_no_name() {
    let mut app = demo_app(Lang::Nl);
    on(&mut app, Screen::Summary);
    key(&mut app, KeyCode::F(8));
    read_at(&app, NAME);
    key(&mut app, KeyCode::F(4));
    assert!(app.presenter && app.show_names);
    // With F8 on, the quote's attribution names her (and the warning says so).
    for _ in 0..2 {
        let t = text(&render(&app, 200, 60));
        assert!(t.contains(NAME), "{t}");
        let r = room(&app, 80, 24);
        assert!(r.contains("Marieke"), "{r}");
    }
    // F8 off, in presenter view: the very next frames, reused or not, name nobody.
    key(&mut app, KeyCode::F(8));
    assert!(!app.show_names);
    for _ in 0..2 {
        let t = text(&render(&app, 200, 60));
        assert!(!t.contains("Marieke") && !t.contains("de Vries"), "{t}");
        assert!(t.contains("bestuurlijk trekker"), "{t}");
        for (w, h) in [(80, 24), (120, 30), (240, 63)] {
            let r = room(&app, w, h);
            assert!(
                !r.contains("Marieke") && !r.contains("Vries"),
                "{w}x{h}\n{r}"
            );
        }
    }
    // And on again: she is back, so the frames above were not simply stale.
    key(&mut app, KeyCode::F(8));
    let t = text(&render(&app, 200, 60));
    assert!(t.contains(NAME), "{t}");
}

#[test]
fn after_an_edit_and_an_undo_f4_and_the_room_show_the_words_of_now() {
    let mut app = demo_app(Lang::Nl);
    on(&mut app, Screen::Summary);
    key(&mut app, KeyCode::F(4));
    let before = text(&render(&app, 200, 60));
    assert!(before.contains("Zorgpact Rivierenland-West"), "{before}");
    assert!(room(&app, 80, 24).contains("Zorgpact Rivierenland-West"));
    // Back to editing: the pact's name on the Intake gets a word more.
    key(&mut app, KeyCode::F(4));
    on(&mut app, Screen::Intake);
    key(&mut app, KeyCode::End);
    for c in " Xylofoon".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Esc);
    let name = &app.session().unwrap().doc.intake.pact_name;
    assert!(name.ends_with("Xylofoon"), "{name}");
    on(&mut app, Screen::Summary);
    key(&mut app, KeyCode::F(4));
    let t = text(&render(&app, 200, 60));
    assert!(t.contains("Rivierenland-West Xylofoon"), "{t}");
    let r = room(&app, 80, 24);
    assert!(r.contains("Xylofoon"), "{r}");
    // Undone: the old name again, in both.
    key(&mut app, KeyCode::F(4));
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    let name = &app.session().unwrap().doc.intake.pact_name;
    assert!(!name.contains("Xylofoon"), "{name}");
    key(&mut app, KeyCode::F(4));
    let t = text(&render(&app, 200, 60));
    assert!(
        !t.contains("Xylofoon") && t.contains("Rivierenland-West"),
        "{t}"
    );
    let r = room(&app, 80, 24);
    assert!(!r.contains("Xylofoon"), "{r}");
}

/// The room's window (`volgspot zaal`) follows the files: a new save shows its words, the
/// privacy switch going off in the state file hides the name at once.
#[test]
fn the_room_window_follows_a_save_and_the_privacy_switch() {
    use volgspot::room::{Follower, RoomState, state_path};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    // The facilitator: this process holds the lock and writes the state file.
    let mut facilitator = demo_app(Lang::Nl);
    on(&mut facilitator, Screen::Summary);
    facilitator.show_names = true;
    read_at(&facilitator, NAME);
    let doc = facilitator.session().unwrap().doc.clone();
    volgspot::store::save_session(&path, &doc).unwrap();
    std::fs::write(
        volgspot::store::paths::lock_path(&path),
        volgspot::store::lock::holder_description(),
    )
    .unwrap();
    let publish = |app: &App, beat: u64| {
        let state = RoomState {
            beat,
            ..RoomState::of(app, app.session().unwrap())
        };
        std::fs::write(state_path(&path), volgspot::store::to_json(&state)).unwrap();
    };
    publish(&facilitator, 1);
    let mut app = demo_app(Lang::Nl);
    app.view = View::Start(Default::default());
    let mut follower = Follower::new(path.clone());
    follower.poll(&mut app);
    let r = room(&app, 80, 24);
    assert!(r.contains("Marieke"), "{r}");
    // F8 off: the next state file says so; the next frame names nobody.
    facilitator.show_names = false;
    publish(&facilitator, 2);
    assert!(follower.poll(&mut app));
    for _ in 0..2 {
        let r = room(&app, 80, 24);
        assert!(!r.contains("Marieke") && !r.contains("Vries"), "{r}");
        assert!(r.contains("bestuurlijk trekker"), "{r}");
    }
    // A save with other words (an edit, an undo or an import saved by the facilitator).
    let mut edited = doc.clone();
    for iv in &mut edited.interviews {
        for n in &mut std::sync::Arc::make_mut(iv).notes {
            n.text = n.text.replace("bestuurlijk", "Xylofoon");
        }
        let iv = std::sync::Arc::make_mut(iv);
        iv.role = iv.role.replace("bestuurlijk", "Xylofoon");
    }
    volgspot::store::save_session(&path, &edited).unwrap();
    publish(&facilitator, 3);
    assert!(follower.poll(&mut app));
    let r = room(&app, 80, 24);
    assert!(r.contains("Xylofoon trekker"), "{r}");
    assert!(!r.contains("Marieke"), "{r}");
}
