//! One volgspot per session: an OS lock on a separate `.lock` file (the JSON itself is
//! replaced on every save, so it cannot carry a lock). The OS drops the lock when the
//! holder dies, so a killed process never blocks the next start.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::paths::lock_path;

#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

#[derive(Debug)]
pub enum LockError {
    /// Somebody holds it: "user@host pid N".
    Held(String),
    Io(io::Error),
}

/// Who we are, written into the lock file so a refused second start can say it.
pub fn holder_description() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "?".into());
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    format!("{user}@{host} pid {}", std::process::id())
}

pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
        .map_err(LockError::Io)?;
    match file.try_lock() {
        Ok(()) => {
            let me = holder_description();
            file.set_len(0).map_err(LockError::Io)?;
            file.rewind().map_err(LockError::Io)?;
            file.write_all(me.as_bytes()).map_err(LockError::Io)?;
            Ok(SessionLock { _file: file })
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut who = String::new();
            let _ = file.read_to_string(&mut who);
            let who = who.trim();
            Err(LockError::Held(if who.is_empty() {
                "?".into()
            } else {
                who.to_string()
            }))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(LockError::Io(e)),
    }
}
