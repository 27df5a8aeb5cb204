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
    let session_updated = load_session(session).ok().map(|(s, _)| s.updated);
    [
        (paths::emergency_path(session), CopyKind::Emergency),
        (paths::backup_path(session), CopyKind::Backup),
    ]
    .into_iter()
    .find_map(|(copy, kind)| {
        if !copy.is_file() {
            return None;
        }
        let (doc, _) = load_session(&copy).ok()?;
        let newer = session_updated.is_none_or(|s| doc.updated > s);
        newer.then(|| Recovery {
            session: session.to_path_buf(),
            copy,
            kind,
            session_updated,
            copy_updated: doc.updated,
        })
    })
}
