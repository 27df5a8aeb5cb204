//! Agenda arithmetic: totals, planned end, the running clock, ahead/behind. Pure
//! functions of the stored timestamps and an injected `now`, so a restart mid-session
//! resumes exactly and tests need no sleeping.

use super::{Agenda, AgendaBlock, Clock};
use time::{Duration, OffsetDateTime, Time};

/// Total planned minutes of the agenda.
/// Saturating: a file with absurd minutes shows a huge total, never a wrapped one.
pub fn total_minutes(blocks: &[AgendaBlock]) -> u32 {
    blocks
        .iter()
        .fold(0u32, |total, b| total.saturating_add(b.minutes))
}

/// Planned end: the start time plus all blocks.
pub fn planned_end(start: Time, blocks: &[AgendaBlock]) -> Time {
    start + Duration::minutes(total_minutes(blocks) as i64)
}

/// Where the clock stands at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockState {
    NotStarted,
    Running(BlockStatus),
    Paused(BlockStatus),
    /// Every block is done.
    Finished {
        behind_seconds: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockStatus {
    pub index: usize,
    /// Seconds left in the block (negative: overrun).
    pub left_seconds: i64,
    /// The block's length including added minutes, in seconds.
    pub length_seconds: i64,
    /// Whole-session schedule: positive = behind, negative = ahead.
    pub behind_seconds: i64,
}

impl BlockStatus {
    /// 20% or less of the block is left (but not overrun).
    pub fn almost_done(&self) -> bool {
        self.left_seconds >= 0 && self.left_seconds * 5 <= self.length_seconds
    }

    pub fn overrun(&self) -> bool {
        self.left_seconds < 0
    }
}

fn secs(d: Duration) -> i64 {
    d.whole_seconds()
}

/// Seconds spent in the current block, not counting pauses.
fn elapsed_in_block(c: &Clock, now: OffsetDateTime) -> i64 {
    let Some(start) = c.block_started_at else {
        return 0;
    };
    let until = c.paused_at.unwrap_or(now);
    (secs(until - start) - c.paused_seconds as i64).max(0)
}

pub fn state(agenda: &Agenda, now: OffsetDateTime) -> ClockState {
    let c = &agenda.clock;
    if c.started_at.is_none() {
        return ClockState::NotStarted;
    }
    let blocks = &agenda.blocks;
    let done_planned: i64 = blocks
        .iter()
        .take(c.current_block)
        .map(|b| b.minutes as i64 * 60)
        .sum();
    let done_actual: i64 = blocks
        .iter()
        .take(c.current_block)
        .map(|b| b.actual_seconds as i64)
        .sum();
    let Some(block) = blocks.get(c.current_block) else {
        return ClockState::Finished {
            behind_seconds: done_actual - done_planned,
        };
    };
    let elapsed = elapsed_in_block(c, now);
    let planned = block.minutes as i64 * 60;
    let length = planned + c.extra_minutes as i64 * 60;
    let status = BlockStatus {
        index: c.current_block,
        left_seconds: length - elapsed,
        length_seconds: length,
        // Finished blocks count as they went; the current one only once it runs over
        // its plan.
        behind_seconds: done_actual - done_planned + (elapsed - planned).max(0),
    };
    if c.paused_at.is_some() {
        ClockState::Paused(status)
    } else {
        ClockState::Running(status)
    }
}

/// Starts the clock at the first block, or pauses / resumes it.
pub fn start_or_pause(agenda: &mut Agenda, now: OffsetDateTime) {
    let c = &mut agenda.clock;
    if c.started_at.is_some() && c.current_block >= agenda.blocks.len() {
        // The agenda is done: the recorded times stay (they go into the report).
        return;
    }
    if c.started_at.is_none() {
        for b in &mut agenda.blocks {
            b.actual_seconds = 0;
        }
        *c = Clock {
            started_at: Some(now),
            current_block: 0,
            block_started_at: Some(now),
            ..Clock::default()
        };
        return;
    }
    match c.paused_at.take() {
        Some(p) => c.paused_seconds += secs(now - p).max(0) as u64,
        None => c.paused_at = Some(now),
    }
}

/// Gives the current block five more minutes.
pub fn add_five(agenda: &mut Agenda) {
    if agenda.clock.started_at.is_some() {
        agenda.clock.extra_minutes += 5;
    }
}

/// Closes the current block (recording its actual time) and starts the next.
/// Returns the index of the new block, if there is one.
pub fn next_block(agenda: &mut Agenda, now: OffsetDateTime) -> Option<usize> {
    let c = &mut agenda.clock;
    c.started_at?;
    let elapsed = elapsed_in_block(c, now);
    if let Some(b) = agenda.blocks.get_mut(c.current_block) {
        b.actual_seconds = elapsed as u64;
    }
    c.current_block += 1;
    c.block_started_at = Some(now);
    c.paused_at = None;
    c.paused_seconds = 0;
    c.extra_minutes = 0;
    (c.current_block < agenda.blocks.len()).then_some(c.current_block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;
    use time::macros::{datetime, time};

    fn agenda(mins: &[u32]) -> Agenda {
        Agenda {
            blocks: mins
                .iter()
                .map(|m| AgendaBlock {
                    id: Id::new(),
                    title: format!("{m}"),
                    minutes: *m,
                    screen: "intake".into(),
                    actual_seconds: 0,
                })
                .collect(),
            clock: Clock::default(),
        }
    }

    const T0: OffsetDateTime = datetime!(2026-11-26 14:00:00 +1);

    #[test]
    fn an_absurd_agenda_total_does_not_wrap_around() {
        let a = agenda(&[u32::MAX, u32::MAX, 5]);
        assert_eq!(total_minutes(&a.blocks), u32::MAX);
    }

    fn at(min: i64, sec: i64) -> OffsetDateTime {
        T0 + Duration::minutes(min) + Duration::seconds(sec)
    }

    fn running(a: &Agenda, now: OffsetDateTime) -> BlockStatus {
        match state(a, now) {
            ClockState::Running(s) => s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn totals_and_planned_end() {
        let a = agenda(&[10, 20, 35, 30, 15, 10]);
        assert_eq!(total_minutes(&a.blocks), 120);
        assert_eq!(planned_end(time!(14:00), &a.blocks), time!(16:00));
    }

    #[test]
    fn time_left_warning_and_overrun() {
        let mut a = agenda(&[10, 20]);
        assert_eq!(state(&a, T0), ClockState::NotStarted);
        start_or_pause(&mut a, T0);
        let s = running(&a, at(7, 0));
        assert_eq!(s.left_seconds, 180);
        assert!(!s.almost_done());
        assert!(running(&a, at(8, 0)).almost_done()); // 2 of 10 minutes left = 20%
        let over = running(&a, at(11, 0));
        assert!(over.overrun());
        assert_eq!(over.behind_seconds, 60);
    }

    #[test]
    fn ahead_and_behind_across_blocks() {
        let mut a = agenda(&[10, 20, 30]);
        start_or_pause(&mut a, T0);
        next_block(&mut a, at(7, 0)); // 3 minutes early
        let s = running(&a, at(8, 0));
        assert_eq!(s.index, 1);
        assert_eq!(s.behind_seconds, -180);
        assert_eq!(a.blocks[0].actual_seconds, 420);
        next_block(&mut a, at(7 + 25, 0)); // block 2 took 25 of 20
        assert_eq!(running(&a, at(33, 0)).behind_seconds, 120);
        assert_eq!(next_block(&mut a, at(62, 0)), None);
        assert_eq!(
            state(&a, at(70, 0)),
            ClockState::Finished {
                behind_seconds: 120
            }
        );
    }

    #[test]
    fn the_clock_key_after_the_last_block_keeps_the_recorded_times() {
        let mut a = agenda(&[10]);
        start_or_pause(&mut a, T0);
        next_block(&mut a, at(12, 0));
        start_or_pause(&mut a, at(13, 0));
        assert_eq!(a.blocks[0].actual_seconds, 720);
        assert!(matches!(state(&a, at(14, 0)), ClockState::Finished { .. }));
    }

    #[test]
    fn pause_and_add_five() {
        let mut a = agenda(&[10]);
        start_or_pause(&mut a, T0);
        start_or_pause(&mut a, at(2, 0)); // pause
        assert!(matches!(state(&a, at(30, 0)), ClockState::Paused(s) if s.left_seconds == 480));
        start_or_pause(&mut a, at(30, 0)); // resume after 28 minutes
        assert_eq!(running(&a, at(31, 0)).left_seconds, 420);
        add_five(&mut a);
        assert_eq!(running(&a, at(31, 0)).left_seconds, 720);
    }

    #[test]
    fn a_restart_resumes_from_the_stored_timestamps() {
        let mut a = agenda(&[10, 20]);
        start_or_pause(&mut a, T0);
        next_block(&mut a, at(12, 0));
        // Save, "crash", load: only the serialised form survives.
        let json = serde_json::to_string(&a).unwrap();
        let back: Agenda = serde_json::from_str(&json).unwrap();
        let s = running(&back, at(15, 0));
        assert_eq!(
            (s.index, s.left_seconds, s.behind_seconds),
            (1, 17 * 60, 120)
        );
    }
}
