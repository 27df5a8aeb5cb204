//! Earlier rounds of the same pact: other session files in the same folder with the
//! same pact name and a lower round. The wheel screen compares against the latest one.

use super::{load_session, paths};
use crate::model::Session;
use std::path::Path;

/// The most recent earlier round of `doc`'s pact in the folder of `path`, if any.
/// Unreadable files are skipped: they are reported where they are opened, not here.
pub fn earlier_round(path: &Path, doc: &Session) -> Option<Session> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty())?;
    let pact = doc.intake.pact_name.trim();
    if pact.is_empty() {
        return None;
    }
    let read = std::fs::read_dir(dir).ok()?;
    read.flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(paths::SESSION_SUFFIX))
                && !same_file(p, path)
        })
        .filter_map(|p| load_session(&p).ok().map(|(s, _)| s))
        .filter(|s| {
            s.id != doc.id
                && s.intake.pact_name.trim().eq_ignore_ascii_case(pact)
                && s.intake.round < doc.intake.round
        })
        .max_by_key(|s| (s.intake.round, s.updated))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    #[test]
    fn finds_the_latest_lower_round_of_the_same_pact() {
        let dir = tempfile::tempdir().unwrap();
        let now = OffsetDateTime::UNIX_EPOCH;
        let write = |name: &str, pact: &str, round: u8| {
            let s = Session::new(pact, round, now);
            let p = dir.path().join(name);
            crate::store::write_new(&p, &s).unwrap();
            (p, s)
        };
        write("a-1.volgspot.json", "Pact A", 1);
        write("b-1.volgspot.json", "Pact B", 2);
        write("a-3.volgspot.json", "Pact A", 3);
        let (p2, s2) = write("a-2.volgspot.json", "Pact A", 2);
        let earlier = earlier_round(&p2, &s2).expect("round 1 found");
        assert_eq!(earlier.intake.round, 1);
        assert_eq!(earlier.intake.pact_name, "Pact A");
        let (p1, s1) = write("a-1b.volgspot.json", "Pact C", 1);
        assert!(earlier_round(&p1, &s1).is_none());
    }
}
