//! Atomic replace: temp file in the same folder, fsync, keep a backup, rename, fsync the
//! folder. A crash at any point leaves either the old or the new file, never half of one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Temp files start with this prefix so a later run can clean up what a kill left.
pub const TEMP_PREFIX: &str = ".volgspot-tmp-";

fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!("{TEMP_PREFIX}{}-{}-{name}", std::process::id(), n))
}

/// Writes `bytes` to a fresh temp file beside `path` (mode 0600) and fsyncs it.
/// Returns the temp path; the caller renames it into place.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Replaces `path` with `bytes` atomically. When `backup` is given and `path` exists,
/// the current file becomes the backup first (also atomically, via a hard link).
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Option<&Path>) -> io::Result<()> {
    let tmp = write_temp(path, bytes)?;
    let result = (|| {
        if let Some(bak) = backup
            && path.exists()
        {
            keep_backup(path, bak)?;
        }
        fs::rename(&tmp, path)?;
        sync_dir(path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn keep_backup(path: &Path, bak: &Path) -> io::Result<()> {
    let tmp = temp_path(bak);
    if fs::hard_link(path, &tmp).is_err() {
        // File systems without hard links: copy instead (still atomic via rename).
        fs::copy(path, &tmp)?;
        File::open(&tmp)?.sync_all()?;
    }
    let r = fs::rename(&tmp, bak);
    // rename(2) does nothing when both names already link the same file, which happens
    // when a kill landed between keeping the backup and the main rename: the backup
    // already is the current file. Then the temp link would stay behind; remove it.
    if r.is_err() || tmp.exists() {
        let _ = fs::remove_file(&tmp);
    }
    r
}

/// Makes the rename itself durable.
pub fn sync_dir(path: &Path) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    File::open(dir)?.sync_all()
}

/// Removes temp files that a killed process of ours left behind for `path`.
/// Only files of processes that are no longer running are touched.
pub fn clean_stale_temps(path: &Path) {
    let Some(dir) = path.parent() else { return };
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return;
    };
    for entry in entries.flatten() {
        let fname = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = fname.strip_prefix(TEMP_PREFIX) else {
            continue;
        };
        let mut parts = rest.splitn(3, '-');
        let (Some(pid), Some(_), Some(target)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let ours = target == name || target == format!("{name}.bak");
        let alive = pid
            .parse::<u32>()
            .is_ok_and(|p| p == std::process::id() || Path::new(&format!("/proc/{p}")).exists());
        if ours && !alive {
            let _ = fs::remove_file(entry.path());
        }
    }
}
