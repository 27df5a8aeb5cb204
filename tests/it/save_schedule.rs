//! When the app saves while someone types: one save per burst (at most one per second),
//! never two at once, and no change waits more than a second to be on disk. Driven with
//! made-up moments (no wall clock), the way the event loop drives `SessionView`: a key
//! changes the session, a finished save is reported, and a save starts when
//! `wants_save` says so.

use crate::common;

use common::ui::demo_app;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};
use time::macros::datetime;
use volgspot::app::{SAVE_SPACING, SessionView};
use volgspot::i18n::Lang;
use volgspot::store::SaveError;

struct Run {
    saves: usize,
    /// The longest any change waited from its key to the end of the save holding it.
    worst_wait: Duration,
    /// The shortest time between the starts of two saves.
    closest_starts: Duration,
}

/// `keys` keys `gap` apart, then nothing, on a simulated clock in 1 ms steps; each save
/// takes `save_ms`.
fn typing(keys: usize, gap_ms: u64, save_ms: u64) -> Run {
    simulate(
        keys,
        Duration::from_millis(gap_ms),
        Duration::from_millis(save_ms),
        |_| false,
    )
}

/// As [`typing`]; save number `n` (from 0) fails when `fail(n)`.
fn simulate(keys: usize, gap: Duration, save_takes: Duration, fail: impl Fn(usize) -> bool) -> Run {
    let mut app = demo_app(Lang::Nl);
    let s: &mut SessionView = app.session_mut().unwrap();
    let t0 = Instant::now();
    let odt = datetime!(2026-11-26 14:05:00 +1);
    let mut typed = 0usize;
    let mut pending: Vec<(u64, Instant)> = Vec::new();
    let mut in_flight: Option<(u64, Instant)> = None;
    let mut starts: Vec<Instant> = Vec::new();
    let mut worst = Duration::ZERO;
    let end = gap * keys as u32 + Duration::from_secs(10);
    let mut step = Duration::ZERO;
    while step <= end {
        let now = t0 + step;
        if typed < keys && step >= gap * typed as u32 {
            s.changed_at(odt, now);
            pending.push((s.generation, now));
            typed += 1;
        }
        if let Some((g, start)) = in_flight
            && now >= start + save_takes
        {
            in_flight = None;
            if fail(starts.len() - 1) {
                s.on_saved_at(g, Err(SaveError::DiskFull), now);
                step += Duration::from_millis(1);
                continue;
            }
            s.on_saved_at(g, Ok(odt), now);
            for &(_, at) in pending.iter().filter(|(eg, _)| *eg <= g) {
                worst = worst.max(now - at);
            }
            pending.retain(|(eg, _)| *eg > g);
        }
        if s.wants_save(now) {
            assert!(in_flight.is_none(), "a second save while one is in flight");
            s.save_started(now);
            in_flight = Some((s.generation, now));
            starts.push(now);
        }
        step += Duration::from_millis(1);
    }
    assert_eq!(typed, keys);
    assert!(pending.is_empty(), "changes never saved: {pending:?}");
    assert!(!s.unsaved(), "changes left unsaved at the end");
    let closest_starts = starts
        .windows(2)
        .map(|w| w[1] - w[0])
        .min()
        .unwrap_or(Duration::MAX);
    Run {
        saves: starts.len(),
        worst_wait: worst,
        closest_starts,
    }
}

#[test]
fn fast_typing_saves_once_per_second_and_every_key_is_on_disk_within_a_second() {
    // 300 keys 60 ms apart: 18 seconds of typing. A save per key would be 300 saves.
    let r = typing(300, 60, 50);
    eprintln!(
        "300 keys 60 ms apart: {} saves, longest wait {:?}",
        r.saves, r.worst_wait
    );
    assert!(r.saves <= 21, "{} saves for 300 keys", r.saves);
    assert!(
        r.saves >= 15,
        "only {} saves: changes wait too long",
        r.saves
    );
    assert!(
        r.worst_wait <= Duration::from_secs(1),
        "a key waited {:?} to be on disk",
        r.worst_wait
    );
    assert!(
        r.closest_starts >= SAVE_SPACING,
        "saves {:?} apart",
        r.closest_starts
    );
}

#[test]
fn the_faster_the_typing_the_fewer_saves_per_key() {
    // 1000 keys 10 ms apart (10 s): still about one save per second.
    let r = typing(1000, 10, 20);
    assert!(r.saves <= 12, "{} saves for 10 s of typing", r.saves);
    assert!(r.worst_wait <= Duration::from_secs(1), "{:?}", r.worst_wait);
}

#[test]
fn a_single_key_is_saved_as_soon_as_typing_pauses() {
    let r = typing(1, 60, 20);
    assert_eq!(r.saves, 1);
    assert!(
        r.worst_wait <= Duration::from_millis(400),
        "one key waited {:?}",
        r.worst_wait
    );
}

#[test]
fn a_slow_save_is_never_overtaken_and_spaces_the_next_one() {
    // A save that takes 1.5 s (a huge session on a slow disk): never two at once, and
    // the next starts no sooner than twice that after the last: the saver thread is
    // busy at most half the time.
    let r = typing(200, 60, 1500);
    assert!(
        r.closest_starts >= Duration::from_millis(3000),
        "{:?}",
        r.closest_starts
    );
    assert!(r.saves <= 5, "{} saves", r.saves);
}

#[test]
fn a_failed_save_is_retried_every_two_seconds_while_typing_goes_on() {
    let r = simulate(
        100,
        Duration::from_millis(60),
        Duration::from_millis(20),
        |n| n < 3,
    );
    // Three failures, each retried 2 s later, then it works again.
    assert!(r.saves <= 10, "{} saves", r.saves);
    assert!(r.closest_starts >= SAVE_SPACING, "{:?}", r.closest_starts);
}

#[test]
fn a_key_typed_into_the_app_is_due_for_saving_within_the_wait() {
    let mut app = demo_app(Lang::Nl);
    let before = Instant::now();
    app.handle_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
    let s = app.session().unwrap();
    assert!(s.unsaved(), "the key changed nothing");
    let due = s.save_due().expect("no save planned");
    assert!(due <= before + Duration::from_secs(1) + Duration::from_millis(50));
    assert!(!s.wants_save(before));
    assert!(s.wants_save(due));
}

/// Interviewer mode runs on the same runtime and schedule: an interviewer typing a note
/// fast (a key every 40 ms for 6 seconds) costs one save per burst, about one a
/// second, not one per key, and every key is on disk within about a second.
#[test]
fn fast_typing_in_interviewer_mode_saves_per_burst_not_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut iv = common::ui::interviewer(dir.path());
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let t0 = Instant::now();
    for c in "Anna".chars() {
        iv.handle_key_at(key(KeyCode::Char(c)), t0);
    }
    iv.handle_key_at(key(KeyCode::Enter), t0);
    assert!(iv.path.is_some(), "the file exists once the name is known");
    // The file was just written whole: count only the saves of what follows.
    iv.saved_generation = iv.generation;
    let keys = 150;
    let gap = Duration::from_millis(40);
    let save_takes = Duration::from_millis(5);
    let mut saves = 0;
    let mut in_flight: Option<(u64, Instant)> = None;
    let mut pending: Vec<(u64, Instant)> = Vec::new();
    let mut worst = Duration::ZERO;
    let mut step = Duration::ZERO;
    let mut typed = 0;
    let mut changes = 0;
    while step <= gap * keys + Duration::from_secs(5) {
        let now = t0 + Duration::from_secs(1) + step;
        if typed < keys && step >= gap * typed {
            let code = if typed % 30 == 29 {
                KeyCode::Enter // a note stored, the next one begun
            } else {
                KeyCode::Char('x')
            };
            if iv.handle_key_at(key(code), now) {
                pending.push((iv.generation, now));
                changes += 1;
            }
            typed += 1;
        }
        if let Some((g, start)) = in_flight
            && now >= start + save_takes
        {
            in_flight = None;
            iv.saving
                .on_saved_at(g, Ok(datetime!(2026-11-26 14:05:00 +1)), now);
            for (_, at) in pending.iter().filter(|(pg, _)| *pg <= g) {
                worst = worst.max(now - *at);
            }
            pending.retain(|(pg, _)| *pg > g);
        }
        // What the runtime does each turn of its loop.
        if in_flight.is_none() && iv.saving.wants_save(now) {
            iv.saving.save_started(now);
            in_flight = Some((iv.generation, now));
            saves += 1;
        }
        step += Duration::from_millis(1);
    }
    assert!(changes >= 100, "the keys typed text: {changes}");
    assert!(!iv.unsaved(), "everything typed is saved in the end");
    assert!(
        saves >= 2,
        "saved while typing, not only at the end: {saves}"
    );
    assert!(
        saves <= 8,
        "{saves} saves for {keys} keys in 6 s: one per burst"
    );
    assert!(worst <= Duration::from_millis(1000), "{worst:?}");
}
