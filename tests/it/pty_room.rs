//! The room's window (`volgspot zaal`) end to end: two real processes in two
//! pseudo-terminals. Keys in the facilitator's window change the room's within 0.3 s
//! (measured; asserted generously), the room never writes into the session folder, and
//! it says plainly when the facilitator's window is gone.

use crate::common;

use common::Term;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

/// Every file in the folder with its size and modification time.
fn listing(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let m = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                (m.len(), m.modified().unwrap()),
            )
        })
        .collect()
}

/// Waits for `text` in the room; returns how long it took.
fn follow(room: &Term, text: &str, since: Instant) -> Duration {
    room.wait_until(&format!("'{text}'"), since, Duration::from_secs(5), |s| {
        s.contains(text)
    })
}

/// Waits until the room's window is blank; returns how long it took.
fn blank(room: &Term, since: Instant) -> Duration {
    room.wait_until("a blank window", since, Duration::from_secs(5), |s| {
        s.trim().is_empty()
    })
}

#[test]
fn the_room_follows_the_facilitator_and_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "rivierenland.volgspot.json");
    let p = path.to_str().unwrap();

    // The room alone: it waits, takes no lock and writes nothing.
    let before = listing(dir.path());
    let room = Term::spawn(dir.path(), &["zaal", p], 100, 30);
    room.wait_for("Wacht op het scherm van de gespreksleider");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        listing(dir.path()),
        before,
        "the room wrote into the folder"
    );

    // The facilitator opens the same session (the room holds no lock on it).
    let mut desk = Term::spawn(dir.path(), &["open", p], 100, 30);
    desk.wait_for("Intake");
    follow(&room, "1/6 · Intake", Instant::now());
    room.wait_gone("Wacht op het scherm");
    assert!(!room.screen().contains("M. de Vries"), "{}", room.screen());
    // The channel: a state file beside the session, for the owner only.
    {
        use std::os::unix::fs::PermissionsExt;
        let state = dir.path().join("rivierenland.volgspot.json.zaal");
        let mode = std::fs::metadata(&state).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }

    // A remote's blank keys on the Intake of an opened session (browse mode): the room
    // goes dark and back, nothing is typed into the pact's name (checked on disk below).
    desk.send(".");
    blank(&room, Instant::now());
    desk.send("b");
    follow(&room, "1/6 · Intake", Instant::now());

    // Screens, measured one by one.
    let mut worst = Duration::ZERO;
    for (n, title) in [
        (2, "Interviews"),
        (3, "Analyse-driehoek"),
        (4, "Samenwerkingswiel"),
    ] {
        let t0 = Instant::now();
        desk.send_now("\x1b[6~");
        let took = follow(&room, &format!("{n}/6 · {title}"), t0);
        eprintln!("follow {title}: {} ms", took.as_millis());
        worst = worst.max(took);
    }
    // Blank and back.
    let t0 = Instant::now();
    desk.send_now(".");
    blank(&room, t0);
    eprintln!("follow blank: {} ms", t0.elapsed().as_millis());
    worst = worst.max(t0.elapsed());
    let t0 = Instant::now();
    desk.send_now("b");
    worst = worst.max(follow(&room, "4/6 · Samenwerkingswiel", t0));
    // The clock: F5 reaches the room before any autosave.
    std::thread::sleep(Duration::from_millis(300));
    let t0 = Instant::now();
    desk.send_now("\x1b[15~");
    let took = follow(&room, "nog 10 min", t0);
    eprintln!("follow clock: {} ms", took.as_millis());
    worst = worst.max(took);
    eprintln!("follow latency: worst {} ms", worst.as_millis());
    assert!(worst < Duration::from_secs(3), "worst {worst:?}");

    // The facilitator quits; the room says it lost contact and still writes nothing.
    desk.ctrl_q();
    assert!(desk.wait_exit());
    let after_desk = listing(dir.path());
    let (saved, _) = volgspot::store::load_session(&path).unwrap();
    assert_eq!(saved.intake.pact_name, "Zorgpact Rivierenland-West");
    room.wait_for_within("Geen contact", Duration::from_secs(10));
    assert_eq!(
        listing(dir.path()),
        after_desk,
        "the room wrote into the folder"
    );

    // The facilitator comes back: the room follows again.
    let mut desk = Term::spawn(dir.path(), &["open", p], 100, 30);
    desk.wait_for("Intake");
    follow(&room, "1/6 · Intake", Instant::now());
    room.wait_gone("Geen contact");
    desk.ctrl_q();
    assert!(desk.wait_exit());
}

/// On a VT220 (and the Linux console) both windows show plain ASCII: the real binary,
/// every screen, the facilitator's window, its presenter view and the room's window.
#[test]
fn on_a_vt220_both_windows_are_plain_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "rivierenland.volgspot.json");
    let p = path.to_str().unwrap();
    let env = [("TERM", "vt220")];
    let mut desk = Term::spawn_env(dir.path(), &["open", p], 80, 24, &env);
    desk.wait_for("Intake");
    let room = Term::spawn_env(dir.path(), &["zaal", p], 80, 24, &env);
    follow(&room, "1/6 . Intake", Instant::now());
    let ascii = |what: &str, screen: &str| {
        assert!(
            screen.is_ascii(),
            "{what}: {:?}\n{screen}",
            screen.chars().find(|c| !c.is_ascii())
        );
    };
    for (n, title) in [
        (1, "Intake"),
        (2, "Interviews"),
        (3, "Analyse-driehoek"),
        (4, "Samenwerkingswiel"),
        (5, "Samenvatting"),
        (6, "Rapport"),
    ] {
        follow(&room, &format!("{n}/6 . {title}"), Instant::now());
        desk.wait_for(title);
        ascii(&format!("desk {title}"), &desk.screen());
        ascii(&format!("room {title}"), &room.screen());
        // Presenter view (F4) and back.
        desk.send("\x1bOS");
        desk.wait_for(&format!("{n}/6 . "));
        ascii(&format!("desk F4 {title}"), &desk.screen());
        desk.send("\x1bOS");
        desk.send("\x1b[6~");
    }
    desk.ctrl_q();
    assert!(desk.wait_exit());
}

/// The tryout's leak: names shown with F8 stayed in the room after the facilitator's
/// window quit, and a room started after a `kill -9` showed names from the stale state
/// file. Without a live facilitator the room hides names.
#[test]
fn names_leave_the_room_with_the_facilitator() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "rivierenland.volgspot.json");
    let p = path.to_str().unwrap();
    let room = Term::spawn(dir.path(), &["zaal", p], 160, 45);
    room.wait_for("Wacht op het scherm van de gespreksleider");

    // The facilitator shows the Interviews with names (F8); the room follows.
    let mut desk = Term::spawn(dir.path(), &["open", p], 120, 40);
    desk.wait_for("Intake");
    desk.page_down();
    follow(&room, "2/6 · Interviews", Instant::now());
    desk.send("\x1b[19~"); // F8
    follow(&room, "NAMEN ZICHTBAAR", Instant::now());
    // It quits with F8 still on: the names go from the room.
    desk.ctrl_q();
    assert!(desk.wait_exit());
    room.wait_gone("NAMEN ZICHTBAAR");
    room.wait_for_within("Geen contact", Duration::from_secs(10));

    // Again, and the facilitator's window is killed: its state file stays behind.
    let mut desk = Term::spawn(dir.path(), &["open", p], 120, 40);
    desk.wait_for("Intake");
    desk.page_down();
    desk.send("\x1b[19~");
    follow(&room, "NAMEN ZICHTBAAR", Instant::now());
    desk.kill9();
    let state = dir.path().join("rivierenland.volgspot.json.zaal");
    let left: volgspot::room::RoomState =
        serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert!(left.show_names, "the stale file says names on");
    room.wait_gone("NAMEN ZICHTBAAR");
    drop(room);

    // A room started now, with nobody presenting, shows no names.
    let late = Term::spawn(dir.path(), &["zaal", p], 160, 45);
    late.wait_for("Interviews");
    std::thread::sleep(Duration::from_millis(300));
    let screen = late.screen();
    assert!(!screen.contains("NAMEN ZICHTBAAR"), "{screen}");
    assert!(!screen.contains("M. de Vries"), "{screen}");
}

/// The tryout's wrong pact: `volgspot zaal` without a file followed the most recently
/// changed session, not the one being presented. It follows the presented one, and says
/// on screen which file it follows while it waits.
#[test]
fn without_a_file_the_room_follows_the_presented_session() {
    let dir = tempfile::tempdir().unwrap();
    let shown = common::example_session(dir.path(), "rivierenland.volgspot.json");
    let mut desk = Term::spawn(dir.path(), &["open", shown.to_str().unwrap()], 100, 30);
    desk.wait_for("Intake");
    desk.page_down();
    // Another session, changed after the facilitator opened the first.
    std::thread::sleep(Duration::from_millis(20));
    common::example_session(dir.path(), "ander.volgspot.json");

    let room = Term::spawn(dir.path(), &["zaal"], 100, 30);
    follow(&room, "2/6 · Interviews", Instant::now());
    room.wait_gone("Wacht op het scherm");
    // The facilitator quits: the room says it lost contact, and with which file.
    desk.ctrl_q();
    assert!(desk.wait_exit());
    room.wait_for_within("Geen contact", Duration::from_secs(10));
    assert!(
        room.screen().contains("volgt rivierenland.volgspot.json"),
        "{}",
        room.screen()
    );
    drop(room);

    // Nobody presents: the newest, and the room says which.
    let room = Term::spawn(dir.path(), &["zaal"], 100, 30);
    room.wait_for("volgt ander.volgspot.json");
}

/// Two sessions presented at once: `volgspot zaal` without a file names them and says
/// how to choose, instead of picking one.
#[test]
fn with_two_sessions_presented_the_room_asks_which() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.volgspot.json");
    let b = dir.path().join("b.volgspot.json");
    std::fs::write(&a, volgspot::tui::EXAMPLE).unwrap();
    std::fs::write(&b, volgspot::tui::EXAMPLE).unwrap();
    let mut desk_a = Term::spawn(dir.path(), &["open", a.to_str().unwrap()], 100, 30);
    let mut desk_b = Term::spawn(dir.path(), &["open", b.to_str().unwrap()], 100, 30);
    desk_a.wait_for("Intake");
    desk_b.wait_for("Intake");
    // Both state files are written with the first frame.
    for s in [&a, &b] {
        let t0 = Instant::now();
        while !volgspot::room::state_path(s).exists() {
            assert!(t0.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let out = std::process::Command::new(common::BIN)
        .current_dir(dir.path())
        .env("VOLGSPOT_DIR", dir.path())
        .env_remove("VOLGSPOT_LANG")
        .arg("zaal")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("a.volgspot.json, b.volgspot.json"), "{err}");
    assert!(err.contains("volgspot zaal SESSIEBESTAND"), "{err}");
    desk_a.ctrl_q();
    desk_b.ctrl_q();
    assert!(desk_a.wait_exit() && desk_b.wait_exit());
}

/// On a VT220 projected at 240×63 the room's title is in big letters of `#`, as F4's is.
#[test]
fn a_vt220_room_on_a_big_screen_uses_big_letters() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "rivierenland.volgspot.json");
    let p = path.to_str().unwrap();
    let env = [("TERM", "vt220")];
    let mut desk = Term::spawn_env(dir.path(), &["open", p], 80, 24, &env);
    desk.wait_for("Intake");
    let room = Term::spawn_env(dir.path(), &["zaal", p], 240, 63, &env);
    follow(&room, "1/6 . Intake", Instant::now());
    let screen = room.screen();
    assert!(screen.is_ascii(), "{screen}");
    // The title "Intake": seven rows of `##` strokes above the "1/6 . Intake" line.
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("1/6 . Intake"))
        .unwrap();
    let strokes = lines[..at].iter().filter(|l| l.contains("##")).count();
    assert!(strokes >= 6, "no big title:\n{screen}");
    desk.ctrl_q();
    assert!(desk.wait_exit());
}

/// `.` and `b` in the room's own window black its screen and bring it back, whatever the
/// facilitator's window shows; it still writes nothing.
#[test]
fn the_rooms_own_blank_keys_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "rivierenland.volgspot.json");
    let p = path.to_str().unwrap();
    let before = listing(dir.path());
    let mut room = Term::spawn(dir.path(), &["zaal", p], 100, 30);
    room.wait_for("Wacht op het scherm van de gespreksleider");
    room.send(".");
    blank(&room, Instant::now());
    room.send("b");
    room.wait_for("Wacht op het scherm van de gespreksleider");
    assert_eq!(
        listing(dir.path()),
        before,
        "the room wrote into the folder"
    );
    let mut desk = Term::spawn(dir.path(), &["open", p], 100, 30);
    desk.wait_for("Intake");
    follow(&room, "1/6 · Intake", Instant::now());
    room.send("b");
    blank(&room, Instant::now());
    room.send(".");
    follow(&room, "1/6 · Intake", Instant::now());
    desk.ctrl_q();
    assert!(desk.wait_exit());
}
