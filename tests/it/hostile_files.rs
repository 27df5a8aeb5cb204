//! Corrupt, truncated and hostile session files: each is refused with a clear Dutch
//! message naming the file and the position or field, through `volgspot open` and
//! through the start screen; nothing panics and no file is touched.

use crate::common;

use common::{BIN, Term};
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// (file name, what the message must say besides the file name)
type Case = (&'static str, &'static str);

/// Creates every hostile file in `dir`; returns the cases in the order the start screen
/// lists them (unreadable entries sort by path).
fn make_cases(dir: &Path) -> Vec<Case> {
    let example = volgspot::tui::EXAMPLE;
    let w = |name: &str, bytes: &[u8]| fs::write(dir.join(name), bytes).unwrap();
    w("a-leeg.volgspot.json", b"");
    w(
        "b-afgebroken.volgspot.json",
        &example.as_bytes()[..example.len() / 2],
    );
    w(
        "c-verkeerd-type.volgspot.json",
        example
            .replacen("\"round\": 1", "\"round\": \"drie\"", 1)
            .as_bytes(),
    );
    w(
        "d-toekomst.volgspot.json",
        example
            .replacen(
                &format!("\"schema_version\": {}", volgspot::model::SCHEMA_VERSION),
                "\"schema_version\": 99",
                1,
            )
            .as_bytes(),
    );
    // 100 MB, sparse: refused by its size before a byte is read.
    let big = fs::File::create(dir.join("e-groot.volgspot.json")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    let mut deep = String::from("{\"schema_version\": 2, \"intake\": ");
    deep.push_str(&"[".repeat(200_000));
    w("f-diep.volgspot.json", deep.as_bytes());
    let mut bad = example.as_bytes()[..200].to_vec();
    bad.extend_from_slice(&[0xff, 0xfe, b'"']);
    bad.extend_from_slice(&example.as_bytes()[200..]);
    w("g-geen-utf8.volgspot.json", &bad);
    w("real-target.json", example.as_bytes());
    std::os::unix::fs::symlink(
        dir.join("real-target.json"),
        dir.join("h-link.volgspot.json"),
    )
    .unwrap();
    fs::create_dir(dir.join("i-map.volgspot.json")).unwrap();
    // Two "waarom" observations: serde_json would keep the second silently.
    w(
        "j-dubbel.volgspot.json",
        example
            .replacen(
                "      \"waarom\": \"Tekort",
                "      \"waarom\": \"Eerste versie.\",\n      \"waarom\": \"Tekort",
                1,
            )
            .as_bytes(),
    );
    vec![
        ("a-leeg.volgspot.json", "is leeg"),
        ("b-afgebroken.volgspot.json", "is beschadigd: regel "),
        (
            "c-verkeerd-type.volgspot.json",
            "heeft een fout in veld 'intake.round' (regel ",
        ),
        (
            "d-toekomst.volgspot.json",
            "is gemaakt met een nieuwere volgspot (schemaversie 99",
        ),
        ("e-groot.volgspot.json", "is te groot (104857600 bytes"),
        ("f-diep.volgspot.json", "is beschadigd: regel 1, kolom "),
        ("g-geen-utf8.volgspot.json", "is geen UTF-8-tekst (regel "),
        ("h-link.volgspot.json", "is een symbolische koppeling"),
        ("i-map.volgspot.json", "is een map, geen sessiebestand"),
        (
            "j-dubbel.volgspot.json",
            "is beschadigd: regel 82, kolom 14: de sleutel 'waarom' staat twee keer",
        ),
    ]
}

/// Bytes (of regular files), mtime and kind of everything in `dir`, not following links.
fn fingerprint(dir: &Path) -> Vec<(PathBuf, Vec<u8>, i64, i64)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.to_string_lossy().ends_with(".lock"))
        .map(|p| {
            let m = fs::symlink_metadata(&p).unwrap();
            let bytes = if m.is_file() && m.len() < 1 << 20 {
                fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            (p, bytes, m.mtime(), m.mtime_nsec())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn volgspot_open_refuses_each_hostile_file_with_file_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let cases = make_cases(dir.path());
    let before = fingerprint(dir.path());
    for (name, says) in &cases {
        let path = dir.path().join(name);
        let out = Command::new(BIN)
            .args(["open", path.to_str().unwrap()])
            .env("VOLGSPOT_DIR", dir.path())
            .env_remove("VOLGSPOT_LANG")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            err.contains(&format!("Bestand {}", path.display())) && err.contains(says),
            "{name}: expected '{says}' in: {err}"
        );
    }
    assert_eq!(
        fingerprint(dir.path()),
        before,
        "a refused file was changed"
    );
    eprintln!("{} hostile files refused by `volgspot open`", cases.len());
}

/// The screen as one line of words, without the message box's borders.
fn flat(screen: &str) -> String {
    screen
        .replace(['║', '│'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_start_screen_shows_each_hostile_file_as_a_message_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let cases = make_cases(dir.path());
    let before = fingerprint(dir.path());
    let mut term = Term::spawn(dir.path(), &[], 200, 50);
    term.wait_for("onleesbaar");
    term.send("\x1b[B"); // past "new session"; each Down below lands on the next file
    for (name, says) in &cases {
        term.send("\x1b[B\r");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        // The message wraps inside its box: compare with the box and line ends removed.
        while !flat(&term.screen()).contains(&format!("{name} {says}")) {
            assert!(
                std::time::Instant::now() < deadline,
                "{name}: '{says}' not shown:\n{}",
                term.screen()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        term.send("\x1b"); // Esc closes the message
        std::thread::sleep(std::time::Duration::from_millis(200));
        let screen = term.screen();
        assert!(
            !screen.contains("Esc sluit dit venster"),
            "message did not close"
        );
        assert!(screen.contains("Nieuwe sessie"), "left the start screen");
    }
    term.ctrl_q();
    assert!(term.wait_exit());
    assert_eq!(
        fingerprint(dir.path()),
        before,
        "a refused file was changed"
    );
}

#[test]
fn a_damaged_session_with_an_emergency_copy_says_where_the_copy_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.volgspot.json");
    fs::write(&path, "{\"schema_version\": 2,").unwrap();
    let copy = volgspot::store::paths::emergency_path(&path);
    fs::write(&copy, volgspot::tui::EXAMPLE).unwrap();
    let before = fingerprint(dir.path());
    let out = Command::new(BIN)
        .args(["open", path.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .env_remove("VOLGSPOT_LANG")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("is beschadigd")
            && err.contains(&format!("Er is ook een noodkopie: {}", copy.display())),
        "{err}"
    );
    assert_eq!(fingerprint(dir.path()), before);
}

/// A file that stops halfway (a copy that did not finish) is said so in Dutch, not in
/// the JSON parser's English.
#[test]
fn a_cut_off_file_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    make_cases(dir.path());
    let path = dir.path().join("b-afgebroken.volgspot.json");
    let out = Command::new(BIN)
        .args(["open", path.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .env_remove("VOLGSPOT_LANG")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("het bestand houdt halverwege op"), "{err}");
    assert!(!err.contains("EOF"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Links planted at the names volgspot writes: the target must stay byte-identical, and a
// dangling link's target must not be created.

const VICTIM: &[u8] = b"victim: must stay exactly like this\n";

fn open_with_lock_link(dir: &Path, dangling: bool) -> (PathBuf, std::process::Output) {
    let session = dir.join("s.volgspot.json");
    fs::write(&session, volgspot::tui::EXAMPLE).unwrap();
    let victim = dir.join("victim");
    if !dangling {
        fs::write(&victim, VICTIM).unwrap();
    }
    std::os::unix::fs::symlink(&victim, dir.join("s.volgspot.json.lock")).unwrap();
    let out = Command::new(BIN)
        .args(["open", session.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir)
        .env_remove("VOLGSPOT_LANG")
        .output()
        .unwrap();
    (victim, out)
}

#[test]
fn a_lock_file_that_is_a_link_leaves_its_target_untouched_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (victim, out) = open_with_lock_link(dir.path(), false);
    assert_eq!(
        fs::read(&victim).unwrap(),
        VICTIM,
        "the link's target was written"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("s.volgspot.json.lock") && err.contains("symbolische koppeling"),
        "{err}"
    );
}

#[test]
fn a_dangling_lock_link_does_not_create_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let (victim, out) = open_with_lock_link(dir.path(), true);
    assert!(!victim.exists(), "the dangling link's target was created");
    assert!(!out.status.success());
}

#[test]
fn import_through_a_lock_link_leaves_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let session = common::example_session(dir.path(), "s.volgspot.json");
    let victim = dir.path().join("victim");
    fs::write(&victim, VICTIM).unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join("s.volgspot.json.lock")).unwrap();
    let out = common::run(["import", session.to_str().unwrap(), "geen.interview.json"]);
    assert!(!out.status.success());
    assert_eq!(fs::read(&victim).unwrap(), VICTIM);
}

#[test]
fn the_backup_of_a_session_that_arrived_world_readable_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "s.volgspot.json");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let (doc, _) = volgspot::store::load_session(&path).unwrap();
    volgspot::store::save_session(&path, &doc).unwrap();
    for p in [path.clone(), volgspot::store::paths::backup_path(&path)] {
        let mode = fs::metadata(&p).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} has mode {mode:o}", p.display());
    }
}

#[test]
fn the_lock_file_is_gone_after_the_session_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    let lock = volgspot::store::lock::acquire(&path).unwrap();
    assert!(volgspot::store::paths::lock_path(&path).exists());
    drop(lock);
    assert!(!volgspot::store::paths::lock_path(&path).exists());
}

#[test]
fn an_interview_file_with_a_key_twice_is_refused_by_import_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let session = common::example_session(dir.path(), "s.volgspot.json");
    let file = dir.path().join("dubbel.interview.json");
    fs::write(
        &file,
        "{\n  \"schema_version\": 1,\n  \"pact\": \"a\",\n  \"pact\": \"b\"\n}",
    )
    .unwrap();
    let before = fs::read(&session).unwrap();
    let out = common::run(["import", session.to_str().unwrap(), file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("regel 4, kolom 8: de sleutel 'pact' staat twee keer"),
        "{err}"
    );
    assert_eq!(fs::read(&session).unwrap(), before);
}

#[test]
fn a_lock_that_cannot_be_made_is_named_with_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let session = common::example_session(dir.path(), "s.volgspot.json");
    // A folder where the lock file should be: it cannot be opened as a file.
    let lock = dir.path().join("s.volgspot.json.lock");
    fs::create_dir(&lock).unwrap();
    let out = common::run(["open", session.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(&format!("Het vergrendelbestand {}", lock.display()))
            && err.contains(&dir.path().display().to_string()),
        "{err}"
    );
}

#[test]
fn the_lock_holder_is_named_even_without_user_in_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.volgspot.json");
    let mut holder = Command::new(BIN)
        .args(["hold-lock", session.to_str().unwrap()])
        .env_remove("USER")
        .env_remove("LOGNAME")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut buf = [0u8; 6];
    std::io::Read::read_exact(holder.stdout.as_mut().unwrap(), &mut buf).unwrap();
    let held = volgspot::store::lock::acquire(&session);
    holder.kill().unwrap();
    holder.wait().unwrap();
    match held {
        Err(volgspot::store::lock::LockError::Held(who)) => {
            assert!(!who.starts_with("?@"), "{who}");
            assert!(who.contains(&format!("pid {}", holder.id())), "{who}");
        }
        other => panic!("not refused: {other:?}"),
    }
}
