//! The session document on disk: round trips, migrations, refusals that leave the file
//! untouched, atomic saves, permissions and the lock.

use crate::common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use volgspot::model::{PartnerKind, SCHEMA_VERSION, Session};
use volgspot::store::{self, LoadProblem, atomic, lock, paths};

fn example() -> Session {
    store::parse_session(volgspot::tui::EXAMPLE).unwrap().0
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_saved_session_loads_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.volgspot.json");
    let mut s = example();
    s.intake.pact_name = "Zorgpact Één — “quotes” & ë".into();
    s.intake.partners[0].kind = PartnerKind::Overheid;
    store::save_session(&path, &s).unwrap();
    let (back, migrated) = store::load_session(&path).unwrap();
    assert!(!migrated);
    assert_eq!(back, s);
}

#[test]
fn an_older_file_is_migrated_in_memory_and_left_alone_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.volgspot.json");
    fs::copy("tests/fixtures/session-v1.json", &path).unwrap();
    let before = fs::read(&path).unwrap();
    let (s, migrated) = store::load_session(&path).unwrap();
    assert!(migrated);
    assert_eq!(s.schema_version, SCHEMA_VERSION);
    assert_eq!(s.intake.pact_name, "Zorgpact Oud Formaat");
    assert_eq!(s.intake.round, 2);
    assert_eq!(s.intake.place, "Arnhem");
    assert_eq!(fs::read(&path).unwrap(), before, "loading must not write");
}

/// The example as version 2 wrote it: it loads with every note, the approved quote still
/// approved for its words and the old conflict's other text in full.
#[test]
fn a_version_2_session_loads_with_its_approvals_and_conflicts() {
    let (s, migrated) =
        store::load_session(std::path::Path::new("tests/fixtures/session-v2.json")).unwrap();
    assert!(migrated);
    let now = store::parse_session(volgspot::tui::EXAMPLE).unwrap().0;
    let texts = |s: &Session| -> Vec<String> {
        s.interviews
            .iter()
            .flat_map(|i| i.notes.iter().map(|n| n.text.clone()))
            .collect()
    };
    assert_eq!(texts(&s), texts(&now));
    assert!(s.interviews[0].notes[1].approved_as_is());
    assert_eq!(
        s.interviews[1].notes[0]
            .conflict
            .as_ref()
            .and_then(|c| c.text.as_deref()),
        Some(
            "Zorgtechnologie komt nog nauwelijks terug in het curriculum van het mbo; wel in keuzedelen."
        )
    );
}

#[test]
fn a_future_version_is_refused_and_the_file_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.volgspot.json");
    let text = volgspot::tui::EXAMPLE.replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        "\"schema_version\": 7",
        1,
    );
    fs::write(&path, &text).unwrap();
    let err = store::load_session(&path).unwrap_err();
    assert_eq!(
        err.problem,
        LoadProblem::FutureVersion {
            found: 7,
            supported: SCHEMA_VERSION
        }
    );
    let msg = volgspot::i18n::NL.load_error(&err);
    assert!(
        msg.contains("future.volgspot.json") && msg.contains("nieuwere"),
        "{msg}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_corrupt_file_names_line_and_column_and_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.volgspot.json");
    let text = &volgspot::tui::EXAMPLE[..500];
    fs::write(&path, text).unwrap();
    let err = store::load_session(&path).unwrap_err();
    assert!(
        matches!(err.problem, LoadProblem::Syntax { line, .. } if line > 1),
        "{err:?}"
    );
    let msg = volgspot::i18n::NL.load_error(&err);
    assert!(
        msg.contains("kapot.volgspot.json") && msg.contains("regel"),
        "{msg}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn the_real_binary_refuses_a_corrupt_file_and_does_not_touch_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.volgspot.json");
    fs::write(&path, "{\"schema_version\": 2, \"id\": 5").unwrap();
    let before = fs::read(&path).unwrap();
    let out = std::process::Command::new(common::BIN)
        .args(["open", path.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("kapot.volgspot.json") && err.contains("regel 1"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    let old = example();
    store::save_session(&path, &old).unwrap();
    let mut new = old.clone();
    new.intake.pact_name = "Nieuw".into();
    // The first half of a save, then "the power goes": no rename happens.
    let tmp = atomic::write_temp(&path, &store::to_json(&new)).unwrap();
    assert!(tmp.exists());
    assert_eq!(store::load_session(&path).unwrap().0, old);
    // The next start cleans up what the dead process left (its pid is not ours).
    let stale = dir
        .path()
        .join(format!("{}999999-0-s.volgspot.json", atomic::TEMP_PREFIX));
    fs::rename(&tmp, &stale).unwrap();
    atomic::clean_stale_temps(&path);
    assert!(!stale.exists());
}

#[test]
fn session_files_and_backups_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    store::write_new(&path, &example()).unwrap();
    store::save_session(&path, &example()).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&paths::backup_path(&path)), 0o600);
    let sub = dir.path().join("nieuw/map");
    paths::ensure_dir(&sub).unwrap();
    assert_eq!(mode(&sub), 0o700);
}

#[test]
fn each_save_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    let mut s = example();
    s.intake.pact_name = "Eerste".into();
    store::write_new(&path, &s).unwrap();
    s.intake.pact_name = "Tweede".into();
    store::save_session(&path, &s).unwrap();
    let bak = store::load_session(&paths::backup_path(&path)).unwrap().0;
    assert_eq!(bak.intake.pact_name, "Eerste");
    assert_eq!(
        store::load_session(&path).unwrap().0.intake.pact_name,
        "Tweede"
    );
}

#[test]
fn the_lock_refuses_a_second_holder_and_is_free_after_the_holder_dies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    store::write_new(&path, &example()).unwrap();
    let mut holder = std::process::Command::new(common::BIN)
        .args(["hold-lock", path.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the holder says it has the lock.
    let mut out = holder.stdout.take().unwrap();
    let mut buf = [0u8; 6];
    std::io::Read::read_exact(&mut out, &mut buf).unwrap();
    assert_eq!(&buf, b"locked");
    match lock::acquire(&path) {
        Err(lock::LockError::Held(who)) => {
            assert!(who.contains(&format!("pid {}", holder.id())), "{who}")
        }
        other => panic!("second holder was not refused: {other:?}"),
    }
    holder.kill().unwrap(); // SIGKILL
    holder.wait().unwrap();
    assert!(lock::acquire(&path).is_ok(), "a dead holder must not block");
}

/// Found by the kill loop: a kill between keeping the backup and the main rename leaves
/// the backup as a second link to the current file; the next save's backup rename is
/// then a no-op in rename(2) and used to leave its temp link behind.
#[test]
fn a_backup_that_already_is_the_current_file_leaves_no_temp_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    store::write_new(&path, &example()).unwrap();
    fs::hard_link(&path, paths::backup_path(&path)).unwrap();
    store::save_session(&path, &example()).unwrap();
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(atomic::TEMP_PREFIX))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
