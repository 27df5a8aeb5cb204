//! Kill at any moment: a process saves generation after generation through the normal
//! atomic path while this test SIGKILLs it at random moments. After every kill the file
//! must load, hold the last generation the process confirmed (or the one it was writing),
//! and no temp files may pile up. Modelled on SQLite's crash tests.

use crate::common;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use volgspot::store::atomic::{self, TEMP_PREFIX};
use volgspot::store::save_loop::{Kind, read_generation};

/// A small xorshift: random enough for kill delays, no dependency, reproducible by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn temps(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(TEMP_PREFIX))
        .collect()
}

/// The harness, generic over the kind of document (and so its file name and how the
/// generation is read back). Returns (rounds, rounds that killed mid-run after at least
/// one confirmed save, highest generation).
fn kill_loop(kind: Kind, kind_arg: &str, file: &str, rounds: usize) -> (usize, usize, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill loop {kind_arg}: seed {seed}");
    let mut rng = Rng(seed);
    let mut confirmed: u64 = 0;
    let mut with_progress = 0;
    for round in 0..rounds {
        let mut child = Command::new(common::BIN)
            .args(["save-loop", "--kind", kind_arg, path.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A quarter of the kills at a random moment after start (some land before the
        // first save); the rest a random 0–8 ms after the first confirmed save, so kills
        // land mid-save however slow the machine is.
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut out = String::new();
        let early = rng.next().is_multiple_of(4);
        if !early {
            stdout.read_line(&mut out).unwrap();
        }
        let delay = Duration::from_micros(rng.next() % if early { 30_000 } else { 8_000 });
        let started = Instant::now();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        stdout.read_to_string(&mut out).unwrap();
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(
            status.code().is_none(),
            "round {round}: save-loop ended by itself ({status}): {err}"
        );
        let printed: Vec<u64> = out.lines().map(|l| l.parse().unwrap()).collect();
        if let Some(&last) = printed.last() {
            assert!(last > confirmed, "round {round}: generations went back");
            confirmed = last;
            with_progress += 1;
        }
        if !path.exists() {
            assert_eq!(confirmed, 0, "round {round}: the file vanished");
            continue;
        }
        let on_disk = read_generation(kind, &path).unwrap_or_else(|e| {
            panic!("round {round} (killed after {delay:?}, {started:?}): file does not load: {e}")
        });
        assert!(
            on_disk == confirmed || on_disk == confirmed + 1,
            "round {round}: file holds generation {on_disk}, last confirmed {confirmed}"
        );
        // A save in flight leaves at most its own temp files (file + backup link).
        let left = temps(dir.path());
        assert!(
            left.len() <= 2,
            "round {round}: temp files pile up: {left:?}"
        );
        // The dead process's temps are cleaned on the next open.
        atomic::clean_stale_temps(&path);
        let left = temps(dir.path());
        assert!(left.is_empty(), "round {round}: stale temps stay: {left:?}");
        confirmed = on_disk;
    }
    (rounds, with_progress, confirmed)
}

#[test]
fn a_session_killed_at_any_moment_holds_the_last_confirmed_generation() {
    let (rounds, progressed, last) = kill_loop(Kind::Session, "session", "kill.volgspot.json", 200);
    eprintln!("session: {rounds} kills, {progressed} after saves, generation {last}");
    assert!(progressed > rounds / 2, "too few kills landed after a save");
}

#[test]
fn an_interview_document_killed_at_any_moment_holds_the_last_confirmed_generation() {
    let (rounds, progressed, last) =
        kill_loop(Kind::Interview, "interview", "kill.interview.json", 200);
    eprintln!("interview: {rounds} kills, {progressed} after saves, generation {last}");
    assert!(progressed > rounds / 2, "too few kills landed after a save");
}
