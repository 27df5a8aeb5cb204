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

/// The one rounding rule of the clock: a difference in whole minutes, rounded up (away
/// from zero), so a single second over is already a minute behind and the schedule never
/// says "op schema" while the block line says "te lang".
pub fn whole_minutes(seconds: i64) -> i64 {
    (seconds.abs() + 59) / 60
}

fn minutes(seconds: i64) -> String {
    format!("{}′", whole_minutes(seconds))
}

/// "op schema", "2′ achter op schema" or "1′ voor op schema".
pub fn schedule(t: &Strings, behind: i64) -> String {
    if behind == 0 {
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
    // F6 minutes are part of the block now: say so, so the time left adds up.
    if agenda.clock.extra_minutes > 0 {
        out.push_str(&format!(" (+{}′)", agenda.clock.extra_minutes));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgendaBlock, Id};
    use time::Duration;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-26 14:00:00 +1);

    fn running_ten(extra: u32) -> Agenda {
        let mut a = Agenda {
            blocks: vec![AgendaBlock {
                id: Id::new(),
                title: "Blok".into(),
                minutes: 10,
                screen: "intake".into(),
                actual_seconds: 0,
            }],
            ..Agenda::default()
        };
        crate::model::agenda::start_or_pause(&mut a, T0);
        for _ in 0..extra / 5 {
            crate::model::agenda::add_five(&mut a);
        }
        a
    }

    fn line(a: &Agenda, secs: i64) -> String {
        status_text(
            crate::i18n::Lang::Nl.strings(),
            a,
            T0 + Duration::seconds(secs),
        )
    }

    #[test]
    fn over_time_is_always_behind_rounded_up_to_whole_minutes() {
        let a = running_ten(0);
        for (over, behind) in [(17, "1′"), (59, "1′"), (60, "1′"), (61, "2′"), (92, "2′")]
        {
            let l = line(&a, 600 + over);
            assert!(l.contains(&format!("{} te lang", mmss(over))), "{l}");
            assert!(
                l.contains(&format!("{behind} achter op schema")),
                "{over}: {l}"
            );
            assert!(!l.contains("· op schema"), "{l}");
        }
        assert!(line(&a, 600).ends_with("· op schema"), "{}", line(&a, 600));
    }

    #[test]
    fn the_edge_cases_of_the_issue_read_as_one_story() {
        let a = running_ten(0);
        assert_eq!(line(&a, 617), "⏱ Blok 0:17 te lang · 1′ achter op schema");
        assert_eq!(line(&a, 659), "⏱ Blok 0:59 te lang · 1′ achter op schema");
        assert_eq!(line(&a, 692), "⏱ Blok 1:32 te lang · 2′ achter op schema");
    }

    #[test]
    fn f6_minutes_are_visible_in_the_clock_line() {
        let a = running_ten(5);
        assert_eq!(line(&a, 660), "⏱ Blok nog 4:00 (+5′) · 1′ achter op schema");
    }
}
