//! A test harness, reached through the hidden `volgspot save-loop` command: saves
//! generation after generation of a document through the normal atomic path and prints
//! each generation once it is safely on disk. The kill-loop test SIGKILLs it at random
//! moments and checks that the file always holds a confirmed generation or the next one.

use super::{SaveError, atomic, load, save_doc, save_session};
use crate::model::interview_file::{self, InterviewFile};
use crate::model::{Interview, Session};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Which kind of document the loop writes; each kind stores the generation in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A session; the generation is in `intake.meeting`.
    Session,
    /// An offline interview file, written exactly as interviewer mode writes it; the
    /// generation is in the interviewee's name.
    Interview,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "session" => Some(Kind::Session),
            "interview" => Some(Kind::Interview),
            _ => None,
        }
    }
}

/// Why the loop cannot read a generation, or stopped.
#[derive(Debug)]
pub enum LoopError {
    /// The file cannot be read as a document of its kind.
    Load {
        path: PathBuf,
        problem: load::LoadProblem,
    },
    /// The field that holds the generation holds no number.
    NoGeneration {
        path: PathBuf,
        field: String,
    },
    Save(SaveError),
    /// The generation could not be printed (the test reading it went away).
    Stdout(io::Error),
}

impl std::fmt::Display for LoopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoopError::Load { path, problem } => write!(f, "{}: {problem:?}", path.display()),
            LoopError::NoGeneration { path, field } => {
                write!(f, "{}: no generation in {field:?}", path.display())
            }
            LoopError::Save(e) => write!(f, "{e:?}"),
            LoopError::Stdout(e) => write!(f, "{e}"),
        }
    }
}

/// The generation stored in the file at `path`, or why it cannot be read.
pub fn read_generation(kind: Kind, path: &Path) -> Result<u64, LoopError> {
    let unreadable = |problem| LoopError::Load {
        path: path.to_path_buf(),
        problem,
    };
    let text = load::read_capped(path).map_err(unreadable)?;
    let field = match kind {
        Kind::Session => load::parse_session(&text).map(|(s, _)| s.intake.meeting),
        Kind::Interview => load::parse_versioned::<InterviewFile>(
            &text,
            interview_file::INTERVIEW_SCHEMA_VERSION,
            interview_file::migrate,
        )
        .map(|(f, _)| f.interview.interviewee),
    }
    .map_err(unreadable)?;
    field.parse().map_err(|_| LoopError::NoGeneration {
        path: path.to_path_buf(),
        field,
    })
}

fn save(kind: Kind, path: &Path, generation: u64, session: &mut Session) -> Result<(), SaveError> {
    match kind {
        Kind::Session => {
            session.intake.meeting = generation.to_string();
            session.updated = crate::clock::now();
            save_session(path, session).map(|_| ())
        }
        Kind::Interview => {
            let interview = Interview {
                interviewee: generation.to_string(),
                ..Interview::default()
            };
            let file = InterviewFile::new("", interview, crate::clock::now());
            save_doc(path, &file).map(|_| ())
        }
    }
}

/// Runs until killed (or until a save fails). Continues from the generation already in
/// the file, so successive runs on one path keep counting up.
pub fn run(kind: Kind, path: &Path) -> Result<(), LoopError> {
    atomic::clean_stale_temps(path);
    let mut generation = match read_generation(kind, path) {
        Ok(g) => g,
        Err(_) if !path.exists() => 0,
        Err(e) => return Err(e),
    };
    let mut session = Session::new("save-loop", 1, crate::clock::now());
    // Bulk, so a save takes long enough for kills to land in the middle of one.
    session.intake.region_description = "x".repeat(64 * 1024);
    let stdout = io::stdout();
    loop {
        generation += 1;
        save(kind, path, generation, &mut session).map_err(LoopError::Save)?;
        let mut out = stdout.lock();
        writeln!(out, "{generation}").map_err(LoopError::Stdout)?;
        out.flush().map_err(LoopError::Stdout)?;
    }
}
