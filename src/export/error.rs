//! Why a report could not be made or written. Each variant names the file at fault (a
//! template override, a built-in template, the file being written) and the cause, the
//! way `volgspot export` prints it after "volgspot: " and the Samenvatting screen shows
//! it after its own "export failed" wording.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum ExportError {
    /// A template that cannot be read or rendered: `origin` is the override's path (see
    /// `VOLGSPOT_TEMPLATES`) or "template NAME" for a built-in one; `detail` says what
    /// is wrong, as the template engine or the file system put it.
    Template { origin: String, detail: String },
    /// The wording template lacks a word a writer needs (e.g. the CSV header).
    MissingWord { origin: String, key: String },
    /// Word's package could not be put together.
    Docx(String),
    /// A binary format (Word) asked for as text.
    NotText,
    /// The report file could not be written.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Template { origin, detail } => write!(f, "{origin}: {detail}"),
            ExportError::MissingWord { origin, key } => write!(f, "{origin}: '{key}' is missing"),
            ExportError::Docx(e) => write!(f, "docx: {e}"),
            ExportError::NotText => write!(f, "docx: a binary format, see export::bytes"),
            ExportError::Write { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for ExportError {}
