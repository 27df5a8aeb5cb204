//! One volgspot per session: an OS lock on a separate `.lock` file (the JSON itself is
//! replaced on every save, so it cannot carry a lock). The OS drops the lock when the
//! holder dies, so a killed process never blocks the next start; a clean close removes
//! the file too.
//!
//! The lock file is never opened through a symbolic link (`O_NOFOLLOW`: a link at its
//! name, dangling or not, is refused and its target left alone), only a plain file with
//! one name is ever truncated, and it is kept at mode 0600.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::paths::lock_path;

#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
    session: PathBuf,
}

impl Drop for SessionLock {
    /// Removes the lock file while still holding the lock. A process that opened the
    /// same file meanwhile finds, once it gets the lock, that the name no longer leads to
    /// it, and starts over (see [`acquire`]).
    fn drop(&mut self) {
        super::conflict::forget(&self.session);
        if let (Ok(ours), Ok(now)) = (self.file.metadata(), fs::symlink_metadata(&self.path))
            && ours.dev() == now.dev()
            && ours.ino() == now.ino()
        {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[derive(Debug)]
pub enum LockError {
    /// Somebody holds it: "user@host pid N" (control characters shown visibly).
    Held(String),
    /// The lock file's name is a symbolic link: refused, nothing written.
    Symlink(PathBuf),
    /// The lock file is not a plain file of its own (a device, a pipe, a hard link).
    NotPlain(PathBuf),
    /// The lock file (named) cannot be made or used.
    Io(PathBuf, io::Error),
}

/// The user's login name: `USER`, `LOGNAME`, else the password database, else the uid.
fn user_name() -> String {
    if let Some(u) = ["USER", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|u| !u.trim().is_empty())
    {
        return u;
    }
    // SAFETY: getuid cannot fail; getpwuid_r writes into our buffers only and returns a
    // pointer into them (or null), read before the buffers go.
    unsafe {
        let uid = libc::getuid();
        let mut pw: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut out: *mut libc::passwd = std::ptr::null_mut();
        if libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), buf.len(), &mut out) == 0
            && !out.is_null()
            && !pw.pw_name.is_null()
        {
            let name = std::ffi::CStr::from_ptr(pw.pw_name).to_string_lossy();
            if !name.is_empty() {
                return name.into_owned();
            }
        }
        format!("uid {uid}")
    }
}

/// Who we are, written into the lock file so a refused second start can say it.
pub fn holder_description() -> String {
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    format!("{}@{host}{PID}{}", user_name(), std::process::id())
}

/// Between the holder's `user@host` and its process id in the lock file.
const PID: &str = " pid ";

/// Whether the session's lock holder runs: `Some(false)` when no lock file is there or
/// its process is gone (or a zombie), `Some(true)` when it runs, `None` when the lock file
/// names another host (or cannot be read as one of ours).
pub fn holder_alive(session: &Path) -> Option<bool> {
    let text = match std::fs::read(lock_path(session)) {
        Ok(b) => String::from_utf8_lossy(&b[..b.len().min(HOLDER_MAX as usize)]).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(false),
        Err(_) => return None,
    };
    // As `holder_description` writes it: "user@host pid N".
    let (who, pid) = text.trim().rsplit_once(PID)?;
    let pid: i32 = pid.trim().parse().ok().filter(|p| *p > 0)?;
    let host = who.rsplit_once('@').map(|(_, h)| h)?;
    if host != gethostname::gethostname().to_string_lossy() {
        return None;
    }
    Some(process_runs(pid))
}

/// A process with this pid exists and is not a zombie (killed, not yet reaped).
fn process_runs(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // "pid (name) S ...": the state after the last ')'.
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.trim_start().chars().next())
            .is_some_and(|state| !matches!(state, 'Z' | 'X' | 'x')),
        Err(_) if std::path::Path::new("/proc/self").exists() => false,
        // No /proc: ask the kernel (EPERM: it exists, someone else's).
        Err(_) => {
            // SAFETY: signal 0 only checks that the process exists.
            let r = unsafe { libc::kill(pid, 0) };
            r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
        }
    }
}

/// At most this much of a lock file is read for the holder's description.
const HOLDER_MAX: u64 = 256;

pub fn acquire(session: &Path) -> Result<SessionLock, LockError> {
    let path = lock_path(session);
    let io_err = |e| LockError::Io(path.clone(), e);
    // A holder that closes removes the file; if that happened between our open and our
    // lock, the name leads elsewhere now: open again.
    for _ in 0..8 {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(&path)
            .map_err(|e| {
                if e.raw_os_error() == Some(libc::ELOOP) {
                    LockError::Symlink(path.clone())
                } else {
                    io_err(e)
                }
            })?;
        let meta = file.metadata().map_err(io_err)?;
        // Only a plain file of its own is ever truncated: not a device or pipe, not a
        // second name (hard link) of some other file.
        if !meta.is_file() || meta.nlink() != 1 {
            return Err(LockError::NotPlain(path.clone()));
        }
        match file.try_lock() {
            Ok(()) => {
                let same = fs::symlink_metadata(&path)
                    .is_ok_and(|now| now.dev() == meta.dev() && now.ino() == meta.ino());
                if !same {
                    continue;
                }
                if meta.mode() & 0o777 != 0o600 {
                    file.set_permissions(fs::Permissions::from_mode(0o600))
                        .map_err(io_err)?;
                }
                let me = holder_description();
                file.set_len(0).map_err(io_err)?;
                file.rewind().map_err(io_err)?;
                file.write_all(me.as_bytes()).map_err(io_err)?;
                return Ok(SessionLock {
                    file,
                    path,
                    session: session.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut bytes = Vec::new();
                let _ = (&mut file).take(HOLDER_MAX).read_to_end(&mut bytes);
                let who = String::from_utf8_lossy(&bytes);
                let who = crate::sanitize::visible(who.trim());
                return Err(LockError::Held(if who.is_empty() {
                    "?".into()
                } else {
                    who.into_owned()
                }));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_err(e)),
        }
    }
    Err(io_err(io::Error::from(io::ErrorKind::ResourceBusy)))
}
