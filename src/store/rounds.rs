//! Earlier rounds of the same pact: other session files in the same folder with the
//! same pact name and a lower round. The wheel screen compares against the latest one.
//!
//! Only the headers of the other sessions are read (from the folder's index while they
//! are unchanged, see [`super::folder`]); only the one chosen is loaded in full.

use super::folder::Folder;
use super::load_session;
use crate::model::Session;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// The most recent earlier round of `doc`'s pact in the folder of `path`, if any.
/// Unreadable files are skipped: they are reported where they are opened, not here.
pub fn earlier_round(path: &Path, doc: &Session) -> Option<Session> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty())?;
    let pact = doc.intake.pact_name.trim();
    if pact.is_empty() {
        return None;
    }
    let matches = |id: &str, name: &str, round: u8| {
        id != doc.id.0 && crate::model::pact::same_pact(name, pact) && round < doc.intake.round
    };
    // The session itself, by inode (no path resolution per file).
    let own = std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
    let mut folder = Folder::open(dir);
    let mut candidates: Vec<_> = folder
        .sessions()
        .into_iter()
        .filter(|l| {
            l.meta
                .as_ref()
                .is_none_or(|m| Some((m.dev(), m.ino())) != own)
        })
        .filter_map(|l| {
            let h = folder.header(&l.path, l.meta.as_ref())?;
            matches(&h.id, &h.pact_name, h.round).then_some((h.round, h.updated, l.path))
        })
        .collect();
    folder.finish();
    // Newest first; a candidate that does not load in full (damaged after its header)
    // gives way to the next, as when every file was loaded whole.
    candidates.sort_by_key(|c| std::cmp::Reverse((c.0, c.1)));
    candidates.into_iter().find_map(|(_, _, p)| {
        let (s, _) = load_session(&p).ok()?;
        matches(&s.id.0, &s.intake.pact_name, s.intake.round).then_some(s)
    })
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
        // Asked again (now from the folder's index): the same answer.
        assert_eq!(earlier_round(&p2, &s2).unwrap().intake.round, 1);
    }

    #[test]
    fn a_damaged_newer_round_gives_way_to_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let now = OffsetDateTime::UNIX_EPOCH;
        let write = |name: &str, round: u8, minutes: i64| {
            let mut s = Session::new("Pact A", round, now);
            s.updated += time::Duration::minutes(minutes);
            let p = dir.path().join(name);
            crate::store::write_new(&p, &s).unwrap();
            (p, s)
        };
        let (_, one) = write("a-1.volgspot.json", 1, 0);
        let (p2b, _) = write("a-2b.volgspot.json", 2, 10);
        let (_, two) = write("a-2.volgspot.json", 2, 5);
        let (p3, s3) = write("a-3.volgspot.json", 3, 20);
        assert_eq!(earlier_round(&p3, &s3).unwrap().id, {
            let (s, _) = load_session(&p2b).unwrap();
            s.id
        });
        // The newest round 2 loses its end: its header still says round 2, but the
        // lookup takes the other round 2, then round 1.
        let text = std::fs::read_to_string(&p2b).unwrap();
        std::fs::write(&p2b, &text[..text.len() - 10]).unwrap();
        assert_eq!(earlier_round(&p3, &s3).unwrap().id, two.id);
        std::fs::remove_file(dir.path().join("a-2.volgspot.json")).unwrap();
        assert_eq!(earlier_round(&p3, &s3).unwrap().id, one.id);
    }
}
