//! Atomic replace: temp file in the same folder, fsync, keep a backup, rename, fsync the
//! folder. A crash at any point leaves either the old or the new file, never half of one.
//!
//! Nothing here follows a symbolic link: every file is created fresh (`O_CREAT|O_EXCL`,
//! which refuses an existing name, links included) with mode 0600 and then renamed over
//! its name, and rename(2) replaces a link rather than writing through it. A link planted
//! at a temp name makes that save fail; its target is never touched.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
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

/// Creates `path` as a new file, mode 0600, for writing. Refuses any existing name, a
/// symbolic link (dangling or not) included, so it never writes through a link.
pub fn create_fresh(path: &Path) -> io::Result<File> {
    let f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(libc::O_NOFOLLOW)
        .mode(0o600)
        .open(path)?;
    // The mode asked for at creation is narrowed by the umask, never widened; set it
    // explicitly so the file is 0600 whatever the umask.
    f.set_permissions(fs::Permissions::from_mode(0o600))?;
    Ok(f)
}

/// A fresh temp file beside `path`. A name that is taken (a planted link, a leftover)
/// is passed over for the next one, a few times.
fn fresh_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    let mut tries = 0;
    loop {
        let tmp = temp_path(path);
        match create_fresh(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 8 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `bytes` to a fresh temp file beside `path` (mode 0600) and fsyncs it.
/// Returns the temp path; the caller renames it into place.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let (tmp, mut f) = fresh_temp(path)?;
    // Only a file this call created is removed on failure: a name that already existed
    // (a planted link, say) is left alone.
    let result = f.write_all(bytes).and_then(|()| f.sync_all());
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
        // Only a regular file becomes the backup; a link at the session's name is
        // replaced by the rename below, its target left alone.
        if let Some(bak) = backup
            && fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
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

/// Replaces `path` with `bytes` atomically (fresh 0600 temp, no link followed, rename)
/// but without fsync: for state worth nothing after a crash, such as the room window's
/// view state, written on the input path where two fsyncs would cost every key.
pub fn replace_volatile(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (tmp, mut f) = fresh_temp(path)?;
    let result = f.write_all(bytes).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn keep_backup(path: &Path, bak: &Path) -> io::Result<()> {
    let mut tries = 0;
    let tmp = loop {
        let tmp = temp_path(bak);
        match fs::hard_link(path, &tmp) {
            Ok(()) => {
                // The backup shares the current file's inode: make it readable by the
                // owner only, even when the session arrived with a wider mode (0644 from
                // a USB stick). Opened without following links, so a link swapped in for
                // the temp name is never changed.
                let linked = OpenOptions::new()
                    .read(true)
                    .custom_flags(libc::O_NOFOLLOW)
                    .open(&tmp)
                    .and_then(|f| f.set_permissions(fs::Permissions::from_mode(0o600)));
                if let Err(e) = linked {
                    let _ = fs::remove_file(&tmp);
                    return Err(e);
                }
                break tmp;
            }
            // Somebody else's file at our temp name (a planted link): leave it alone and
            // take the next name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 8 => tries += 1,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
            // File systems without hard links: copy instead (still atomic via rename).
            Err(_) => break copy_to_temp(path, bak)?,
        }
    };
    let r = fs::rename(&tmp, bak);
    // rename(2) does nothing when both names already link the same file, which happens
    // when a kill landed between keeping the backup and the main rename: the backup
    // already is the current file. Then the temp link would stay behind; remove it.
    if r.is_err() || tmp.exists() {
        let _ = fs::remove_file(&tmp);
    }
    r
}

/// Copies `path` into a fresh temp file for `bak` (mode 0600, never through a link).
pub(crate) fn copy_to_temp(path: &Path, bak: &Path) -> io::Result<PathBuf> {
    let mut from = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)?;
    let (tmp, mut to) = fresh_temp(bak)?;
    match io::copy(&mut from, &mut to).and_then(|_| to.sync_all()) {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    const VICTIM: &[u8] = b"victim\n";

    /// Links at the next temp names of `path` (this process, the next `n` counters).
    fn plant(path: &Path, victim: &Path, n: u64) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let next = COUNTER.load(Ordering::Relaxed);
        for i in next..next + n {
            let link =
                path.with_file_name(format!("{TEMP_PREFIX}{}-{i}-{name}", std::process::id()));
            let _ = symlink(victim, link);
        }
    }

    #[test]
    fn the_backup_copy_never_writes_through_a_planted_temp_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        let bak = dir.path().join("s.volgspot.json.bak");
        let victim = dir.path().join("victim");
        fs::write(&path, b"session").unwrap();
        fs::write(&victim, VICTIM).unwrap();
        plant(&bak, &victim, 3);
        // The copy fallback (file systems without hard links) and the hard-link path.
        if let Ok(tmp) = copy_to_temp(&path, &bak) {
            assert_eq!(fs::read(&tmp).unwrap(), b"session");
            fs::remove_file(tmp).unwrap();
        }
        plant(&bak, &victim, 3);
        plant(&path, &victim, 3);
        write_atomic(&path, b"new", Some(&bak)).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), VICTIM, "written through a link");
        assert_eq!(fs::read(&bak).unwrap(), b"session");
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_dangling_link_at_a_temp_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        let victim = dir.path().join("not-there");
        fs::write(&path, b"session").unwrap();
        plant(&path.with_file_name("s.volgspot.json.bak"), &victim, 3);
        plant(&path, &victim, 3);
        let _ = copy_to_temp(&path, &path.with_file_name("s.volgspot.json.bak"));
        write_atomic(
            &path,
            b"new",
            Some(&path.with_file_name("s.volgspot.json.bak")),
        )
        .unwrap();
        assert!(!victim.exists(), "the dangling link's target was created");
    }

    #[test]
    fn a_link_at_the_sessions_own_name_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.volgspot.json");
        let victim = dir.path().join("victim");
        fs::write(&victim, VICTIM).unwrap();
        symlink(&victim, &path).unwrap();
        write_atomic(&path, b"new", Some(&dir.path().join("s.volgspot.json.bak"))).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), VICTIM);
        assert!(fs::symlink_metadata(&path).unwrap().is_file());
    }
}
