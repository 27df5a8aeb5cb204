//! Load, atomic save, backup, lock and paths. Everything that touches the disk.

pub mod atomic;
pub mod autosave;
pub mod folder;
pub mod load;
pub mod lock;
pub mod paths;
pub mod recovery;
pub mod rounds;
pub mod save_loop;

pub use load::{LoadError, LoadProblem, load_session, parse_session};

use crate::model::Session;
use crate::model::interview_file::{self, INTERVIEW_SCHEMA_VERSION, InterviewFile};
use serde::Serialize;
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

pub fn to_json<T: Serialize>(doc: &T) -> Vec<u8> {
    // Serialising plain data types cannot fail; an empty Vec would be caught by the
    // loader anyway.
    serde_json::to_vec_pretty(doc).unwrap_or_default()
}

/// Serialises and atomically replaces `path`, keeping the previous version as `.bak`.
/// Returns the moment the file was safely on disk. Any document: sessions and
/// interview files are saved the same way.
pub fn save_doc<T: Serialize>(path: &Path, doc: &T) -> Result<OffsetDateTime, SaveError> {
    // The autosave thread serialises into the same buffer every time: a large session is
    // megabytes of JSON, and growing a fresh buffer for each save (copying it as it
    // doubles, mapping and unmapping its memory) was load on the machine the facilitator
    // is typing on.
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|bytes| {
        bytes.clear();
        if serde_json::to_writer_pretty(&mut *bytes, doc).is_err() || bytes.is_empty() {
            return Err(SaveError::Other("serialisation failed".into()));
        }
        atomic::write_atomic(path, bytes, Some(&paths::backup_path(path)))?;
        Ok(crate::clock::now())
    })
}

pub fn save_session(path: &Path, session: &Session) -> Result<OffsetDateTime, SaveError> {
    save_doc(path, session)
}

/// Loads an offline interview file (see [`InterviewFile`]).
pub fn load_interview_file(path: &Path) -> Result<(InterviewFile, bool), LoadError> {
    let err = |problem| LoadError {
        path: path.to_path_buf(),
        problem,
    };
    let text = load::read_capped(path).map_err(err)?;
    load::parse_versioned(
        text.as_str(),
        INTERVIEW_SCHEMA_VERSION,
        interview_file::migrate,
    )
    .map_err(err)
}

/// The interview files in a folder, sorted by name (names start with the date).
pub fn interview_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = read
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(paths::INTERVIEW_SUFFIX))
        })
        .collect();
    files.sort();
    files
}

/// Writes a brand-new file (no backup), e.g. a new session or the emergency copy.
pub fn write_new<T: Serialize>(path: &Path, session: &T) -> Result<(), SaveError> {
    atomic::write_atomic(path, &to_json(session), None)?;
    Ok(())
}
