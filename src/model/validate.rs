//! Checks on typed-in values. Nothing here changes the value: what was typed stays until
//! the user corrects it; the UI shows the problem inline.

use time::{Date, Time, format_description::BorrowedFormatItem, macros::format_description};

const DATE: &[BorrowedFormatItem<'_>] = format_description!("[year]-[month]-[day]");
const DATE_NL: &[BorrowedFormatItem<'_>] = format_description!("[day]-[month]-[year]");
const TIME: &[BorrowedFormatItem<'_>] = format_description!("[hour]:[minute]");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NotADate,
    NotATime,
    RoundOutOfRange,
    Required,
    NotANumber,
}

/// Accepts an empty value, `2026-11-22` or `22-11-2026`.
pub fn parse_date(text: &str) -> Result<Option<Date>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    Date::parse(t, DATE)
        .or_else(|_| Date::parse(t, DATE_NL))
        .ok()
        .or_else(|| loose_date(t))
        .map(Some)
        .ok_or(Problem::NotADate)
}

/// `1-3-2027`, `1/3/2027`, `2027-3-1`: day and month without leading zeros.
fn loose_date(t: &str) -> Option<Date> {
    let parts: Vec<u32> = t
        .split(['-', '/', '.'])
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, c] = parts[..] else { return None };
    let (y, m, d) = if a > 31 { (a, b, c) } else { (c, b, a) };
    let month = time::Month::try_from(u8::try_from(m).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(y).ok()?, month, u8::try_from(d).ok()?).ok()
}

/// Accepts an empty value or `HH:MM`.
pub fn parse_time(text: &str) -> Result<Option<Time>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let padded;
    let t = if t.len() == 4 && t.as_bytes()[1] == b':' {
        padded = format!("0{t}");
        padded.as_str()
    } else {
        t
    };
    Time::parse(t, TIME)
        .map(Some)
        .map_err(|_| Problem::NotATime)
}

/// A round as typed: 1, 2 or 3.
pub fn parse_round(text: &str) -> Result<u8, Problem> {
    match text.trim().parse::<u8>() {
        Ok(n @ 1..=3) => Ok(n),
        _ => Err(Problem::RoundOutOfRange),
    }
}

pub fn required(text: &str) -> Result<(), Problem> {
    if text.trim().is_empty() {
        Err(Problem::Required)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_orders_and_nonsense() {
        assert!(parse_date("2026-11-22").unwrap().is_some());
        assert!(parse_date("22-11-2026").unwrap().is_some());
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("31-02-2026"), Err(Problem::NotADate));
        assert!(parse_date("1-3-2027").unwrap().is_some());
        assert!(parse_date("2027-3-1").unwrap().is_some());
        assert_eq!(parse_date("1-13-2027"), Err(Problem::NotADate));
        assert_eq!(parse_date("morgen"), Err(Problem::NotADate));
    }

    #[test]
    fn times_and_rounds() {
        assert!(parse_time("9:30").unwrap().is_some());
        assert!(parse_time("14:05").unwrap().is_some());
        assert_eq!(parse_time("25:00"), Err(Problem::NotATime));
        assert_eq!(parse_round("2"), Ok(2));
        assert_eq!(parse_round("4"), Err(Problem::RoundOutOfRange));
        assert_eq!(parse_round("x"), Err(Problem::RoundOutOfRange));
    }
}
