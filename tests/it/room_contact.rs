//! The room's window and a facilitator that is gone (issue 18, tryout defect "leak"): a
//! state file that is stale, vanished, or left by a process that no longer runs never
//! shows names in the room. Files only (the room's [`Follower`]); the real processes are
//! in `pty_room.rs`.

use crate::common;

use common::ui::{demo_app, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;
use volgspot::room::{Follower, RoomState, state_path};
use volgspot::ui::room::Contact;

/// A session in a fresh folder and the facilitator's state file: the Interviews with
/// names shown (F8).
fn presenting(dir: &Path) -> PathBuf {
    let path = dir.join("rivierenland.volgspot.json");
    std::fs::write(&path, volgspot::tui::EXAMPLE).unwrap();
    let mut desk = demo_app(Lang::Nl);
    desk.show_names = true;
    if let View::Session(s) = &mut desk.view {
        s.screen = Screen::Interviews;
    }
    let state = RoomState {
        beat: 7,
        ..RoomState::of(&desk, desk.session().unwrap())
    };
    assert!(state.show_names);
    std::fs::write(state_path(&path), volgspot::store::to_json(&state)).unwrap();
    path
}

fn lock_naming(session: &Path, pid: u32) {
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    std::fs::write(
        volgspot::store::paths::lock_path(session),
        format!("tester@{host} pid {pid}"),
    )
    .unwrap();
}

/// The room after one poll, drawn at 200×60.
fn room_after_poll(session: &Path) -> (App, String) {
    let mut app = demo_app(Lang::Nl);
    let mut follower = Follower::new(session.to_path_buf());
    follower.poll(&mut app);
    let contact = if follower.in_contact() {
        Contact::Following
    } else {
        Contact::Waiting
    };
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    term.draw(|f| volgspot::ui::room::draw(f, &app, app.session().unwrap(), &contact))
        .unwrap();
    let t = text(&term);
    (app, t)
}

fn assert_no_names(t: &str, what: &str) {
    assert!(!t.contains("NAMEN ZICHTBAAR"), "{what}:\n{t}");
    for name in ["Marieke", "M. de Vries", "S. Yilmaz", "J. Bakker"] {
        assert!(!t.contains(name), "{what}: '{name}'\n{t}");
    }
}

#[test]
fn a_live_facilitator_with_f8_shows_names_in_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let session = presenting(dir.path());
    lock_naming(&session, std::process::id());
    let (app, t) = room_after_poll(&session);
    assert!(app.show_names);
    assert!(t.contains("NAMEN ZICHTBAAR"), "{t}");
}

#[test]
fn a_stale_state_file_never_turns_names_on() {
    let dir = tempfile::tempdir().unwrap();
    let session = presenting(dir.path());
    // The holder even runs (this process); the file is an hour old all the same.
    lock_naming(&session, std::process::id());
    let file = std::fs::File::options()
        .write(true)
        .open(state_path(&session))
        .unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    drop(file);
    let (app, t) = room_after_poll(&session);
    assert!(!app.show_names);
    assert_no_names(&t, "stale state file");
}

#[test]
fn a_state_file_of_a_killed_facilitator_never_turns_names_on() {
    let dir = tempfile::tempdir().unwrap();
    let session = presenting(dir.path());
    // A process that ran and is gone (reaped): its pid in the lock file, as after kill -9.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    lock_naming(&session, dead);
    let (app, t) = room_after_poll(&session);
    assert!(!app.show_names);
    assert_no_names(&t, "lock holder gone");
    // No lock file at all: no facilitator either.
    std::fs::remove_file(volgspot::store::paths::lock_path(&session)).unwrap();
    let (app, t) = room_after_poll(&session);
    assert!(!app.show_names);
    assert_no_names(&t, "no lock file");
}

#[test]
fn names_go_when_the_facilitator_withdraws_the_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let session = presenting(dir.path());
    lock_naming(&session, std::process::id());
    let mut app = demo_app(Lang::Nl);
    let mut follower = Follower::new(session.clone());
    follower.poll(&mut app);
    assert!(app.show_names && follower.in_contact());
    // The facilitator's window quits (F8 still on): it removes the state file.
    volgspot::room::withdraw(&session);
    assert!(follower.poll(&mut app), "the room must draw again");
    assert!(!app.show_names);
    assert!(!follower.in_contact());
}
