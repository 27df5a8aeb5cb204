//! The session clock as text and colour: current block, time left, ahead/behind.

use crate::i18n::{Strings, fill};
use crate::model::Agenda;
use crate::model::agenda::{BlockStatus, ClockState, state};
use crate::ui::theme::Theme;
use ratatui::style::Style;
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;

/// `12:34` or `-2:05`.
pub fn mmss(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

fn minutes(seconds: i64) -> String {
    format!("{}′", (seconds.abs() + 30) / 60)
}

fn schedule(t: &Strings, behind: i64) -> String {
    if behind.abs() < 60 {
        t.intake.clock_on_time.to_string()
    } else if behind > 0 {
        fill(t.intake.clock_behind, &[&minutes(behind)])
    } else {
        fill(t.intake.clock_ahead, &[&minutes(behind)])
    }
}

/// How much of the clock line to say: 2 = block title, time and schedule; 1 = without
/// the title; 0 = the time alone.
fn block_text(t: &Strings, agenda: &Agenda, s: &BlockStatus, paused: bool, detail: u8) -> String {
    let title = if detail >= 2 {
        agenda
            .blocks
            .get(s.index)
            .map(|b| b.title.as_str())
            .unwrap_or("")
    } else {
        ""
    };
    let left = if s.overrun() {
        fill(t.intake.clock_over, &[title, &mmss(-s.left_seconds)])
    } else {
        fill(t.intake.clock_left, &[title, &mmss(s.left_seconds)])
    };
    let mut out = format!("⏱ {}", left.trim());
    if detail >= 1 {
        out.push_str(&format!(" · {}", schedule(t, s.behind_seconds)));
    }
    if paused {
        out.push_str(&format!(" · {}", t.intake.clock_paused));
    }
    out
}

fn status_at(t: &Strings, agenda: &Agenda, now: OffsetDateTime, detail: u8) -> String {
    match state(agenda, now) {
        ClockState::NotStarted => t.intake.clock_not_started.to_string(),
        ClockState::Running(s) => block_text(t, agenda, &s, false, detail),
        ClockState::Paused(s) => block_text(t, agenda, &s, true, detail),
        ClockState::Finished { behind_seconds } if detail >= 1 => format!(
            "⏱ {} · {}",
            t.intake.clock_finished,
            schedule(t, behind_seconds)
        ),
        ClockState::Finished { .. } => format!("⏱ {}", t.intake.clock_finished),
    }
}

/// One line about the clock, for the header and the agenda.
pub fn status_text(t: &Strings, agenda: &Agenda, now: OffsetDateTime) -> String {
    status_at(t, agenda, now, 2)
}

/// The clock line within `width` columns: the block's title goes first, then the
/// schedule; the time left is what stays (at 80 columns with a long block title).
pub fn status_fit(t: &Strings, agenda: &Agenda, now: OffsetDateTime, width: usize) -> String {
    (0..=2)
        .rev()
        .map(|detail| status_at(t, agenda, now, detail))
        .find(|s| s.width() <= width)
        .unwrap_or_else(|| status_at(t, agenda, now, 0))
}

/// The colour of the clock: normal, warning at 20% left, alarm when over time.
pub fn style(theme: &Theme, agenda: &Agenda, now: OffsetDateTime) -> Style {
    match state(agenda, now) {
        ClockState::Running(s) | ClockState::Paused(s) if s.overrun() => theme.warn,
        ClockState::Running(s) | ClockState::Paused(s) if s.almost_done() => theme.almost,
        _ => theme.header,
    }
}
