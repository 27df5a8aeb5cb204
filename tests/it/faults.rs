//! Faults end to end in a pseudo-terminal: typed then killed, a panic, recovery of a
//! newer copy, a folder that refuses writes, and no network.

use crate::common;

use common::{BIN, Term, session_file};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};
use volgspot::model::Session;
use volgspot::store::{self, paths};

fn load(path: &Path) -> Session {
    store::load_session(path).expect("session loads").0
}

#[test]
fn text_typed_until_saved_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new", "--pact", "Kill"], 80, 24);
    term.wait_for("Kill · ronde 1");
    term.type_text(" één “twee”");
    term.wait_for("opgeslagen");
    term.kill9();
    let path = session_file(dir.path());
    assert_eq!(load(&path).intake.pact_name, "Kill één “twee”");
    let mut again = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 80, 24);
    again.wait_for("Kill één “twee”");
    again.ctrl_q();
    assert!(again.wait_exit());
}

/// Types one character every ~100 ms without looking at the header, kills mid-typing,
/// and checks that everything typed more than a second before the kill is on disk.
#[test]
fn nothing_typed_more_than_a_second_before_a_kill_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new", "--pact", "T"], 80, 24);
    term.wait_for("T · ronde 1");
    let chars: Vec<char> = "abcdefghijklmnopqrstuvwxyz".chars().collect();
    let mut typed_at = Vec::new();
    for c in &chars {
        typed_at.push(Instant::now());
        term.type_text(&c.to_string()); // sleeps 60 ms
        std::thread::sleep(Duration::from_millis(40));
    }
    // Killed while still typing.
    let killed = Instant::now();
    term.kill9();
    let saved = load(&session_file(dir.path())).intake.pact_name;
    let must: String = std::iter::once('T')
        .chain(
            chars
                .iter()
                .zip(&typed_at)
                .filter(|(_, t)| killed.duration_since(**t) > Duration::from_secs(1))
                .map(|(c, _)| *c),
        )
        .collect();
    assert!(must.len() > 10, "typing was too slow to prove anything");
    assert!(
        saved.starts_with(&must),
        "saved {saved:?}, must hold {must:?}"
    );
    eprintln!(
        "killed mid-typing: saved {} of {} chars",
        saved.len() - 1,
        chars.len()
    );
}

/// Type, wait 1.2 s without looking at the header, kill -9: all of it is on disk.
#[test]
fn text_typed_then_left_alone_for_a_second_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new", "--pact", "Stil"], 80, 24);
    term.wait_for("Stil · ronde 1");
    term.type_text(" en daarna niets");
    std::thread::sleep(Duration::from_millis(1200));
    term.kill9();
    assert_eq!(
        load(&session_file(dir.path())).intake.pact_name,
        "Stil en daarna niets"
    );
}

/// `stty -a` after volgspot ended: the terminal must be back in cooked mode with echo.
fn assert_cooked(screen: &str) {
    let words: Vec<&str> = screen.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(
            words.contains(&flag) && !words.contains(&format!("-{flag}").as_str()),
            "terminal left in raw mode ({flag}):\n{screen}"
        );
    }
}

#[test]
fn a_panic_leaves_a_usable_terminal_and_the_next_start_offers_the_emergency_copy() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!("'{BIN}' new --pact Noodgeval; echo EINDE $?; stty -a; sleep 30");
    let mut term = Term::spawn_program(
        "sh",
        dir.path(),
        &["-c", &script],
        100,
        40,
        &[("VOLGSPOT_TEST_PANIC_ON", "§")],
    );
    term.wait_for("Noodgeval · ronde 1");
    assert!(term.alternate_screen());
    // One burst: the edit and the panic are handled before any autosave can run, so
    // the emergency copy holds work the session file does not.
    term.type_text("X§");
    term.wait_for("EINDE 101");
    term.wait_for("icanon");
    let screen = term.screen();
    assert!(screen.contains("noodkopie"), "{screen}");
    assert!(!term.alternate_screen(), "alternate screen not left");
    assert_cooked(&screen);

    let path = session_file(dir.path());
    let copy = paths::emergency_path(&path);
    assert_eq!(load(&copy).intake.pact_name, "NoodgevalX");
    assert_eq!(
        fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(load(&path).intake.pact_name, "Noodgeval");

    // The next start marks the session and offers the copy with both moments.
    let mut next = Term::spawn(dir.path(), &[], 100, 30);
    next.wait_for("nieuwere noodkopie");
    next.send("\x1b[B\x1b[B\r");
    next.wait_for("Er wordt niets verwijderd");
    let screen = next.screen();
    let today = load(&path).updated.date().to_string();
    assert!(
        screen.contains("Sessiebestand:") && screen.matches(&today).count() >= 2,
        "{screen}"
    );
    next.send("h");
    next.wait_for("NoodgevalX · ronde 1");
    next.wait_for("opgeslagen");
    assert_eq!(load(&path).intake.pact_name, "NoodgevalX");
    assert!(copy.exists(), "the emergency copy must stay");
    assert_eq!(
        load(&paths::backup_path(&path)).intake.pact_name,
        "Noodgeval",
        "the replaced session content is kept as backup"
    );
    next.ctrl_q();
    assert!(next.wait_exit());
    // Recovered: no longer offered.
    let again = Term::spawn(dir.path(), &[], 100, 30);
    again.wait_for("NoodgevalX");
    assert!(!again.screen().contains("nieuwere"));
}

fn session_with(pact: &str, minutes: i64) -> Session {
    let t = time::macros::datetime!(2026-11-22 10:00 UTC) + time::Duration::minutes(minutes);
    let mut s = Session::new(pact, 1, t);
    s.updated = t;
    s
}

#[test]
fn open_says_when_a_newer_emergency_copy_exists_and_can_keep_the_file_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.volgspot.json");
    store::write_new(&path, &session_with("Oud", 0)).unwrap();
    let copy = paths::emergency_path(&path);
    store::write_new(&copy, &session_with("Nieuw", 5)).unwrap();
    let before = fs::read(&path).unwrap();
    let mut term = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 100, 30);
    term.wait_for("noodkopie met nieuwer werk");
    term.wait_for("10:00:00");
    term.wait_for("10:05:00");
    term.send("o");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!term.screen().contains("nieuwer werk"));
    term.wait_for("Oud · ronde 1");
    term.ctrl_q();
    assert!(term.wait_exit());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(copy.exists());
}

#[test]
fn the_start_screen_offers_a_newer_backup_and_recovers_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.volgspot.json");
    store::write_new(&path, &session_with("Ouder", 0)).unwrap();
    let bak = paths::backup_path(&path);
    store::write_new(&bak, &session_with("Nieuwer", 9)).unwrap();
    let mut term = Term::spawn(dir.path(), &[], 100, 30);
    term.wait_for("nieuwere reservekopie");
    term.send("\x1b[B\x1b[B\r");
    term.wait_for("reservekopie met nieuwer werk");
    term.wait_for("10:09:00");
    term.send("\x1b"); // Esc: back to the list, nothing changed
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(load(&path).intake.pact_name, "Ouder");
    term.send("\r");
    term.wait_for("reservekopie met nieuwer werk");
    term.send("h");
    term.wait_for("Nieuwer · ronde 1");
    term.ctrl_q();
    assert!(term.wait_exit());
    assert_eq!(load(&path).intake.pact_name, "Nieuwer");
    // Both versions are still there: the old one is now the backup.
    assert_eq!(load(&bak).intake.pact_name, "Ouder");
}

/// Makes a folder refuse new files, also for root (where chmod does not): `chattr +i`.
/// Undone on drop, so the temp dir can be removed even when the test fails.
struct ReadOnly<'a>(&'a Path, bool);

impl<'a> ReadOnly<'a> {
    fn set(dir: &'a Path) -> Option<ReadOnly<'a>> {
        let root = unsafe_free_is_root();
        if root {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
            ok.then_some(ReadOnly(dir, true))
        } else {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o500)).ok()?;
            Some(ReadOnly(dir, false))
        }
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(self.0)
                .status();
        } else {
            let _ = fs::set_permissions(self.0, fs::Permissions::from_mode(0o700));
        }
    }
}

fn unsafe_free_is_root() -> bool {
    // The owner of a file we just created is our effective uid.
    use std::os::unix::fs::MetadataExt;
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().metadata().unwrap().uid() == 0
}

#[test]
fn a_folder_that_refuses_writes_shows_in_the_header_keeps_the_text_and_warns_on_quit() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessies");
    fs::create_dir(&sessions).unwrap();
    let mut term = Term::spawn(&sessions, &["new", "--pact", "RO"], 100, 30);
    term.wait_for("RO · ronde 1");
    let Some(guard) = ReadOnly::set(&sessions) else {
        eprintln!("SKIPPED: cannot make a folder read-only here (root without chattr +i)");
        return;
    };
    term.type_text(" nog niet bewaard");
    term.wait_for("niet opgeslagen: geen schrijfrechten in de map");
    term.wait_for("RO nog niet bewaard · ronde 1");
    // Ctrl-Q warns and stays.
    term.ctrl_q();
    term.wait_for("Toch afsluiten?");
    term.send("n");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!term.screen().contains("Toch afsluiten?"));
    // Writes allowed again: the retry saves it without any key.
    drop(guard);
    term.wait_for_within("opgeslagen", Duration::from_secs(6));
    let path = session_file(&sessions);
    let deadline = Instant::now() + Duration::from_secs(5);
    while load(&path).intake.pact_name != "RO nog niet bewaard" {
        assert!(Instant::now() < deadline, "retry did not save");
        std::thread::sleep(Duration::from_millis(100));
    }
    term.ctrl_q();
    assert!(term.wait_exit());
}

/// The binary opens no network socket: run it under `strace -f -e trace=network`
/// through start screen, a new session, typing, autosave and quit.
#[test]
fn the_binary_opens_no_network_socket() {
    if std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: strace is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("strace.log");
    let log_s = log.to_str().unwrap().to_string();
    let mut term = Term::spawn_program(
        "strace",
        dir.path(),
        &["-f", "-e", "trace=network", "-o", &log_s, BIN],
        100,
        30,
        &[],
    );
    term.wait_for("Nieuwe sessie");
    term.send("\r");
    term.wait_for("1/6 Intake");
    term.type_text("Netwerkloos");
    term.wait_for("opgeslagen");
    term.page_down();
    term.wait_for("2/6 Interviews");
    term.ctrl_q();
    assert!(term.wait_exit());
    let trace = fs::read_to_string(&log).unwrap();
    if trace.contains("PTRACE") || trace.contains("Operation not permitted") {
        eprintln!("SKIPPED: strace cannot trace here: {trace}");
        return;
    }
    for family in ["AF_INET", "AF_INET6"] {
        assert!(
            !trace
                .lines()
                .any(|l| l.contains("socket(") && l.contains(family)),
            "a {family} socket was opened:\n{trace}"
        );
    }
    eprintln!("strace: no AF_INET/AF_INET6; the trace:\n{trace}");
}

/// Privacy on disk: a folder volgspot creates is 0700; session, backup and lock 0600.
#[test]
fn files_and_folders_volgspot_creates_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("nieuw").join("sessies");
    let mut term = Term::spawn_env(
        dir.path(),
        &["new", "--pact", "Privé"],
        80,
        24,
        &[("VOLGSPOT_DIR", sessions.to_str().unwrap())],
    );
    term.wait_for("Privé · ronde 1");
    term.type_text("!");
    term.wait_for("opgeslagen");
    term.type_text("?");
    term.wait_for("Privé!? · ronde 1");
    std::thread::sleep(Duration::from_millis(1200));
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let path = session_file(&sessions);
    // The lock while the session is open; a clean quit removes it.
    assert_eq!(mode(&paths::lock_path(&path)), 0o600);
    term.ctrl_q();
    assert!(term.wait_exit());
    assert_eq!(mode(&sessions), 0o700);
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&paths::backup_path(&path)), 0o600);
    assert!(
        !paths::lock_path(&path).exists(),
        "the lock file stayed after a clean quit"
    );
}
