//! Load, atomic save, backup, lock and paths. Everything that touches the disk.

pub mod atomic;
pub mod autosave;
pub mod conflict;
pub mod dupkeys;
pub mod folder;
pub mod load;
pub mod lock;
pub mod next_round;
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
    /// The document would be larger than `open` accepts ([`load::MAX_FILE_BYTES`]):
    /// refused before anything is written, so no file is ever written that cannot be
    /// read back.
    TooLarge {
        size: u64,
        cap: u64,
    },
    /// Another program changed the file since volgspot last read or wrote it: this
    /// version was saved beside it, in `copy`, and the other left as it is.
    Conflict {
        copy: std::path::PathBuf,
    },
    Other(String),
}

impl SaveError {
    /// The document is on disk all the same (in a conflict copy): nothing is lost.
    pub fn saved_elsewhere(&self) -> bool {
        matches!(self, SaveError::Conflict { .. })
    }
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
        check_size(bytes)?;
        let (target, moved) = conflict::target(path, crate::clock::now());
        // A conflict copy is new work beside another program's file: no backup of it.
        let backup = moved.is_none().then(|| paths::backup_path(path));
        atomic::write_atomic(&target, bytes, backup.as_deref())?;
        conflict::remember_now(&target);
        match moved {
            Some(copy) => Err(SaveError::Conflict { copy }),
            None => Ok(crate::clock::now()),
        }
    })
}

pub fn save_session(path: &Path, session: &Session) -> Result<OffsetDateTime, SaveError> {
    save_doc(path, session)
}

/// Loads an offline interview file (see [`InterviewFile`]).
/// Why a file could not be imported as an interview file.
#[derive(Debug)]
pub enum ImportError {
    /// A session file was given (by its name or its content): named as such, rather than
    /// as "made with a newer volgspot", which its schema version would suggest.
    SessionFile(std::path::PathBuf),
    Load(LoadError),
}

/// Whether `path` is a session file rather than an interview file: by its name
/// (`.volgspot.json`) or, whatever it is called, by its content (a session has an
/// `intake`). Anything unreadable is left to the normal loader to explain.
pub fn is_session_file(path: &Path) -> bool {
    let named = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(paths::SESSION_SUFFIX));
    if named {
        return true;
    }
    let Ok(text) = load::read_capped(path) else {
        return false;
    };
    interview_file::is_session_json(&text)
}

/// Loads an interview file for every caller that imports them: the CLI import, the TUI
/// import and the interviewer mode.
pub fn load_for_import(path: &Path) -> Result<InterviewFile, ImportError> {
    if is_session_file(path) {
        return Err(ImportError::SessionFile(path.to_path_buf()));
    }
    load_interview_file(path)
        .map(|(f, _)| f)
        .map_err(ImportError::Load)
}

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

/// Refuses a document that `open` would refuse: one limit for reading and writing.
fn check_size(bytes: &[u8]) -> Result<(), SaveError> {
    let size = bytes.len() as u64;
    if size > load::MAX_FILE_BYTES {
        return Err(SaveError::TooLarge {
            size,
            cap: load::MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Writes a brand-new file (no backup), e.g. a new session or the emergency copy.
pub fn write_new<T: Serialize>(path: &Path, session: &T) -> Result<(), SaveError> {
    let bytes = to_json(session);
    check_size(&bytes)?;
    atomic::write_atomic(path, &bytes, None)?;
    conflict::remember_now(path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// A session whose JSON is exactly `size` bytes (the save below checks the size).
    fn session_of(size: u64) -> Session {
        let mut s = Session::new("p", 1, datetime!(2026-11-22 10:00 UTC));
        let bare = to_json(&s).len() as u64;
        s.intake.region_description = "x".repeat((size - bare) as usize);
        s
    }

    #[test]
    fn a_session_at_the_limit_is_saved_and_opens_one_byte_more_is_refused_unwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        let at_limit = session_of(load::MAX_FILE_BYTES);
        save_session(&path, &at_limit).unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().len(),
            load::MAX_FILE_BYTES
        );
        let (back, _) = load_session(&path).expect("a saved session opens again");
        assert_eq!(
            back.intake.region_description,
            at_limit.intake.region_description
        );
        drop((back, at_limit));
        let before = std::fs::read(&path).unwrap();

        let over = session_of(load::MAX_FILE_BYTES + 1);
        let err = save_session(&path, &over).unwrap_err();
        assert_eq!(
            err,
            SaveError::TooLarge {
                size: load::MAX_FILE_BYTES + 1,
                cap: load::MAX_FILE_BYTES
            }
        );
        assert!(
            std::fs::read(&path).unwrap() == before,
            "the file was changed"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "only the session, no temp: {names:?}");
        let copy = dir.path().join("s.volgspot.json.noodkopie");
        assert!(write_new(&copy, &over).is_err());
        assert!(!copy.exists());
        let said = crate::i18n::Lang::Nl.strings().save_error(&err);
        assert!(
            said.contains("te groot om op te slaan (65 MB; volgspot opent tot 64 MB)"),
            "{said}"
        );
        assert!(said.contains("alles staat nog in het geheugen"), "{said}");
    }

    #[test]
    fn fifty_thousand_notes_fit_twice_over() {
        let mut s = crate::bench_data::generate(crate::bench_data::Size::Large, 7);
        let base = s.interviews.clone();
        let mut copy = 0;
        while s.note_count() < 50_000 {
            copy += 1;
            for iv in &base {
                let mut iv = (**iv).clone();
                iv.id = crate::model::Id(format!("{}-{copy}", iv.id.0));
                for n in &mut iv.notes {
                    n.id = crate::model::Id(format!("{}-{copy}", n.id.0));
                }
                s.interviews.push(std::sync::Arc::new(iv));
            }
        }
        let size = to_json(&s).len() as u64;
        eprintln!("{} notes: {size} bytes of JSON", s.note_count());
        assert!(size * 2 <= load::MAX_FILE_BYTES, "{size} bytes");
    }
}
