//! Load, atomic save, backup, lock and paths. Everything that touches the disk.

pub mod atomic;
pub mod autosave;
pub mod load;
pub mod lock;
pub mod paths;
pub mod recovery;
pub mod save_loop;

pub use load::{LoadError, LoadProblem, load_session, parse_session};

use crate::model::Session;
use std::io;
use std::path::Path;
use time::OffsetDateTime;

/// Why a save failed, in words the header can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    DiskFull,
    ReadOnly,
    Other(String),
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => SaveError::DiskFull,
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                SaveError::ReadOnly
            }
            _ => SaveError::Other(e.to_string()),
        }
    }
}

pub fn to_json(session: &Session) -> Vec<u8> {
    // Serialising plain data types cannot fail; an empty Vec would be caught by the
    // loader anyway.
    serde_json::to_vec_pretty(session).unwrap_or_default()
}

/// Serialises and atomically replaces `path`, keeping the previous version as `.bak`.
/// Returns the moment the file was safely on disk.
pub fn save_session(path: &Path, session: &Session) -> Result<OffsetDateTime, SaveError> {
    let bytes = to_json(session);
    if bytes.is_empty() {
        return Err(SaveError::Other("serialisation failed".into()));
    }
    atomic::write_atomic(path, &bytes, Some(&paths::backup_path(path)))?;
    Ok(crate::clock::now())
}

/// Writes a brand-new file (no backup), e.g. a new session or the emergency copy.
pub fn write_new(path: &Path, session: &Session) -> Result<(), SaveError> {
    atomic::write_atomic(path, &to_json(session), None)?;
    Ok(())
}
