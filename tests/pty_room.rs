//! The room's window (`volgspot zaal`) end to end: two real processes in two
//! pseudo-terminals. Keys in the facilitator's window change the room's within 0.3 s
//! (measured; asserted generously), the room never writes into the session folder, and
//! it says plainly when the facilitator's window is gone.

mod common;

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
    let deadline = since + Duration::from_secs(5);
    loop {
        if room.screen().contains(text) {
            return since.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "room did not show '{text}':\n{}",
            room.screen()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn the_room_follows_the_facilitator_and_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rivierenland.volgspot.json");
    std::fs::write(&path, volgspot::tui::EXAMPLE).unwrap();
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
    let t0 = Instant::now();
    while room.screen().contains("Wacht op het scherm") {
        assert!(t0.elapsed() < Duration::from_secs(5), "{}", room.screen());
        std::thread::sleep(Duration::from_millis(20));
    }
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
    let t0 = Instant::now();
    while !room.screen().trim().is_empty() {
        assert!(t0.elapsed() < Duration::from_secs(5), "{}", room.screen());
        std::thread::sleep(Duration::from_millis(10));
    }
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
    loop {
        if room.screen().trim().is_empty() {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(5), "{}", room.screen());
        std::thread::sleep(Duration::from_millis(5));
    }
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
    let t0 = Instant::now();
    while room.screen().contains("Geen contact") {
        assert!(t0.elapsed() < Duration::from_secs(5), "{}", room.screen());
        std::thread::sleep(Duration::from_millis(20));
    }
    desk.ctrl_q();
    assert!(desk.wait_exit());
}

/// On a VT220 (and the Linux console) both windows show plain ASCII: the real binary,
/// every screen, the facilitator's window, its presenter view and the room's window.
#[test]
fn on_a_vt220_both_windows_are_plain_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rivierenland.volgspot.json");
    std::fs::write(&path, volgspot::tui::EXAMPLE).unwrap();
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
