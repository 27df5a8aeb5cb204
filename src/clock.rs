//! Wall-clock time in the local offset. The offset is read once at start-up, before any
//! thread exists (the `time` crate refuses to read it later on Unix).

use std::sync::OnceLock;
use time::{OffsetDateTime, UtcOffset};

static OFFSET: OnceLock<UtcOffset> = OnceLock::new();

/// Call first thing in `main`.
pub fn init_local_offset() {
    let offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
    let _ = OFFSET.set(offset);
}

pub fn now() -> OffsetDateTime {
    let offset = OFFSET.get().copied().unwrap_or(UtcOffset::UTC);
    OffsetDateTime::now_utc().to_offset(offset)
}

/// `14:03:05`
pub fn hms(t: OffsetDateTime) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// `2026-11-22 14:03`
pub fn date_hm(t: OffsetDateTime) -> String {
    format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())
}
