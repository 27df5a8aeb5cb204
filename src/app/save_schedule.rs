//! When to save: one save per burst of typing (at most one start per
//! [`SAVE_SPACING`]), never two at once, no change waiting more than about a second, and
//! what reached the disk. Shared by the session (`SessionView`) and the interviewer
//! mode, and driven by the one runtime (`tui::run`).

use super::SaveState;
use crate::store::SaveError;
use std::time::{Duration, Instant};
use time::OffsetDateTime;

/// `Deref` to a type's [`SaveSchedule`] field, so `doc.generation`, `doc.save`, … read
/// as before the schedule was shared.
macro_rules! deref_to_schedule {
    ($ty:ty, $field:ident) => {
        impl std::ops::Deref for $ty {
            type Target = $crate::app::SaveSchedule;
            fn deref(&self) -> &$crate::app::SaveSchedule {
                &self.$field
            }
        }
        impl std::ops::DerefMut for $ty {
            fn deref_mut(&mut self) -> &mut $crate::app::SaveSchedule {
                &mut self.$field
            }
        }
    };
}
pub(crate) use deref_to_schedule;

/// The save bookkeeping of one open document.
#[derive(Debug, Clone)]
pub struct SaveSchedule {
    pub save: SaveState,
    /// Bumped on every change; saves report the generation they wrote.
    pub generation: u64,
    pub saved_generation: u64,
    /// The generation last handed to the saver.
    pub requested_generation: u64,
    pub last_edit: Option<Instant>,
    /// The first edit not yet handed to the saver: the next save must start within
    /// [`SAVE_MAX_WAIT`] of it. Reset when a save takes the snapshot, so every burst of
    /// typing has its own moment (not only when everything is on disk).
    pub first_unsaved_edit: Option<Instant>,
    pub last_attempt: Option<Instant>,
    /// The save handed to the saver and not reported back yet: generation and start.
    pub in_flight: Option<(u64, Instant)>,
    /// When the last save started and how long the last finished one took.
    pub last_save_start: Option<Instant>,
    pub last_save_took: Duration,
}

impl Default for SaveSchedule {
    fn default() -> Self {
        SaveSchedule {
            save: SaveState::Clean,
            generation: 0,
            saved_generation: 0,
            requested_generation: 0,
            last_edit: None,
            first_unsaved_edit: None,
            last_attempt: None,
            in_flight: None,
            last_save_start: None,
            last_save_took: Duration::ZERO,
        }
    }
}

impl SaveSchedule {
    /// Whether changes wait to be on disk.
    pub fn unsaved(&self) -> bool {
        self.generation > self.saved_generation
    }

    /// A change of the document made at `at`.
    pub fn changed_at(&mut self, at: Instant) {
        self.generation += 1;
        self.last_edit = Some(at);
        self.first_unsaved_edit.get_or_insert(at);
    }

    /// The least time between the starts of two saves: a second, or twice what the last
    /// save took when that is longer (a session so large that saving costs real time
    /// then spends at most half the time saving, on the saver thread, never on typing).
    pub fn save_spacing(&self) -> Duration {
        SAVE_SPACING.max(self.last_save_took * 2)
    }

    /// When the next save should start, if changes wait for one and none is in flight:
    /// once typing pauses ([`SAVE_QUIET`]) or the first unsaved edit is
    /// [`SAVE_MAX_WAIT`] old, whichever comes first, but never sooner than
    /// [`Self::save_spacing`] after the previous save started. The previous save started
    /// before the first unsaved edit, so this is at most `SAVE_MAX_WAIT` after it. After
    /// a failure, every 2 seconds.
    pub fn save_due(&self) -> Option<Instant> {
        if !self.unsaved() || self.in_flight.is_some() {
            return None;
        }
        if let SaveState::Failed(_) = self.save {
            return Some(match self.last_attempt {
                Some(t) => t + SAVE_RETRY,
                None => self.last_edit.unwrap_or_else(Instant::now),
            });
        }
        if self.generation <= self.requested_generation {
            return None;
        }
        let ready = match (self.last_edit, self.first_unsaved_edit) {
            (Some(last), Some(first)) => (last + SAVE_QUIET).min(first + SAVE_MAX_WAIT),
            (Some(t), None) | (None, Some(t)) => t + SAVE_QUIET,
            // Changed without an edit moment (set directly): save at once.
            (None, None) => return Some(self.last_save_start.unwrap_or_else(Instant::now)),
        };
        Some(match self.last_save_start {
            Some(start) => ready.max(start + self.save_spacing()),
            None => ready,
        })
    }

    /// Whether the runtime should hand a snapshot to the saver now (see
    /// [`Self::save_due`]): at most one save in flight, at most one start per
    /// [`SAVE_SPACING`], every change handed over within [`SAVE_MAX_WAIT`].
    pub fn wants_save(&self, now: Instant) -> bool {
        self.save_due().is_some_and(|due| now >= due)
    }

    /// The runtime handed the current generation to the saver at `now`.
    pub fn save_started(&mut self, now: Instant) {
        self.requested_generation = self.generation;
        self.last_attempt = Some(now);
        self.last_save_start = Some(now);
        self.in_flight = Some((self.generation, now));
        self.first_unsaved_edit = None;
    }

    pub fn on_saved(&mut self, generation: u64, result: Result<OffsetDateTime, SaveError>) {
        self.on_saved_at(generation, result, Instant::now());
    }

    /// A save's outcome, reported at `now`.
    pub fn on_saved_at(
        &mut self,
        generation: u64,
        result: Result<OffsetDateTime, SaveError>,
        now: Instant,
    ) {
        if let Some((g, start)) = self.in_flight
            && generation >= g
        {
            self.in_flight = None;
            self.last_save_took = now.saturating_duration_since(start);
        }
        match result {
            Ok(at) => {
                self.saved_generation = self.saved_generation.max(generation);
                self.save = SaveState::Saved(at);
                if !self.unsaved() {
                    self.first_unsaved_edit = None;
                }
            }
            Err(e) => {
                // Saved beside another program's version (a conflict copy): on disk all
                // the same, so not retried; the header says where it went.
                if e.saved_elsewhere() {
                    self.saved_generation = self.saved_generation.max(generation);
                }
                self.save = SaveState::Failed(e);
            }
        }
    }
}

/// Saves start at most this often while typing goes on (a burst of keys costs one save
/// per interval, not one per key).
pub const SAVE_SPACING: Duration = Duration::from_millis(900);
/// A pause in typing this long saves at once (within the spacing).
pub const SAVE_QUIET: Duration = Duration::from_millis(300);
/// The longest an edit waits before a save with it starts; with a save's own time
/// (milliseconds up to 10 000 notes) every change is on disk within a second.
pub const SAVE_MAX_WAIT: Duration = Duration::from_millis(900);
/// After a failed save, the next try.
pub const SAVE_RETRY: Duration = Duration::from_secs(2);
