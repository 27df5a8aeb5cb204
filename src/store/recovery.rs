//! Finding a copy worth recovering: a backup (`.bak`) or emergency copy (`.noodkopie`)
//! that holds later work than the session file, or any readable copy when the session
//! file itself cannot be read. Nothing here deletes or writes anything.

use super::{load_session, paths};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyKind {
    Backup,
    Emergency,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub session: PathBuf,
    pub copy: PathBuf,
    pub kind: CopyKind,
    /// When the session file's content was last changed; `None` when it cannot be read.
    pub session_updated: Option<OffsetDateTime>,
    pub copy_updated: OffsetDateTime,
}

/// The copy to offer for `session`, if any: the emergency copy before the backup.
///
/// "Newer" compares the documents' own `updated` times (the moment of the last edit),
/// not file times: a backup made by copying on a file system without hard links gets a
/// fresh mtime but holds older work.
pub fn find(session: &Path) -> Option<Recovery> {
    find_given(session, load_session(session).ok().map(|(s, _)| s.updated))
}

/// [`find`] when the caller already loaded the session (`None`: it cannot be read).
pub fn find_given(session: &Path, session_updated: Option<OffsetDateTime>) -> Option<Recovery> {
    find_with(session, session_updated, |copy| {
        load_session(copy).ok().map(|(doc, _)| doc.updated)
    })
}

/// [`find_given`] with the way to learn a copy's `updated` (`None`: it cannot be
/// loaded) given: the start screen takes it from the folder's index.
pub fn find_with(
    session: &Path,
    session_updated: Option<OffsetDateTime>,
    mut copy_updated: impl FnMut(&Path) -> Option<OffsetDateTime>,
) -> Option<Recovery> {
    [
        (paths::emergency_path(session), CopyKind::Emergency),
        (paths::backup_path(session), CopyKind::Backup),
    ]
    .into_iter()
    .find_map(|(copy, kind)| {
        if !copy.is_file() {
            return None;
        }
        let copy_updated = copy_updated(&copy)?;
        let newer = session_updated.is_none_or(|s| copy_updated > s);
        newer.then(|| Recovery {
            session: session.to_path_buf(),
            copy,
            kind,
            session_updated,
            copy_updated,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;
    use crate::store::{save_session, write_new};
    use time::macros::datetime;

    fn at(minute: u8) -> Session {
        let t = datetime!(2026-11-22 10:00 UTC) + time::Duration::minutes(minute.into());
        Session::new("p", 1, t)
    }

    #[test]
    fn an_ordinary_backup_is_older_and_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        write_new(&path, &at(0)).unwrap();
        save_session(&path, &at(1)).unwrap();
        assert!(paths::backup_path(&path).exists());
        assert_eq!(find(&path), None);
    }

    #[test]
    fn a_newer_emergency_copy_is_offered_before_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        write_new(&path, &at(1)).unwrap();
        write_new(&paths::backup_path(&path), &at(2)).unwrap();
        write_new(&paths::emergency_path(&path), &at(3)).unwrap();
        let r = find(&path).unwrap();
        assert_eq!(r.kind, CopyKind::Emergency);
        assert_eq!(r.session_updated, Some(at(1).updated));
        assert_eq!(r.copy_updated, at(3).updated);
    }

    #[test]
    fn any_readable_copy_is_offered_when_the_session_cannot_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        std::fs::write(&path, "{kapot").unwrap();
        write_new(&paths::backup_path(&path), &at(0)).unwrap();
        let r = find(&path).unwrap();
        assert_eq!((r.kind, r.session_updated), (CopyKind::Backup, None));
    }
}
