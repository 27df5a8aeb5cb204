//! Another program's version is never overwritten. volgspot remembers what each file it
//! read or wrote looked like on disk (device, inode, size, modification time); before a
//! save it checks that the file is still that one. If a sync client, a second laptop on
//! a shared drive or an editor replaced or changed it meanwhile, the save goes beside it
//! instead, as `<name>.conflict-<date>-<time>.volgspot.json`, and keeps going there for
//! the rest of the run. The other version stays as it is; the start screen lists both.

use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use time::OffsetDateTime;

/// What a file looked like when volgspot last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    size: u64,
    mtime: i64,
    mtime_nsec: i64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        Stamp {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            mtime: meta.mtime(),
            mtime_nsec: meta.mtime_nsec(),
        }
    }

    fn now(path: &Path) -> Option<Stamp> {
        fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

#[derive(Default)]
struct Known {
    stamps: HashMap<PathBuf, Stamp>,
    /// Files another program changed: their saves go to the conflict copy.
    moved: HashMap<PathBuf, PathBuf>,
}

static KNOWN: Mutex<Option<Known>> = Mutex::new(None);

fn with<R>(f: impl FnOnce(&mut Known) -> R) -> R {
    let mut guard = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
    f(guard.get_or_insert_with(Known::default))
}

/// Remembers `path` as read or written now, with `meta` its metadata.
pub fn remember(path: &Path, meta: &fs::Metadata) {
    let stamp = Stamp::of(meta);
    with(|k| k.stamps.insert(path.to_path_buf(), stamp));
}

/// Remembers `path` as it is on disk now (after a save of ours).
pub fn remember_now(path: &Path) {
    if let Some(stamp) = Stamp::now(path) {
        with(|k| k.stamps.insert(path.to_path_buf(), stamp));
    }
}

/// Where a save of `path` must go: `path` itself, or a conflict copy beside it when
/// another program changed `path` since volgspot last read or wrote it. The second value
/// is the conflict copy, when there is one.
pub fn target(path: &Path, now: OffsetDateTime) -> (PathBuf, Option<PathBuf>) {
    with(|k| {
        if let Some(copy) = k.moved.get(path) {
            return (copy.clone(), Some(copy.clone()));
        }
        let changed = match (k.stamps.get(path), Stamp::now(path)) {
            (Some(known), Some(on_disk)) => *known != on_disk,
            // Deleted meanwhile: nothing to overwrite; write it again.
            (Some(_), None) => false,
            // Never read by us (a new file): nothing to compare with.
            (None, _) => false,
        };
        if !changed {
            return (path.to_path_buf(), None);
        }
        let copy = conflict_path(path, now);
        k.moved.insert(path.to_path_buf(), copy.clone());
        (copy.clone(), Some(copy))
    })
}

/// `x/zorgpact-ronde1.volgspot.json` → `x/zorgpact-ronde1.conflict-20261128-143005.volgspot.json`
/// (`.interview.json` likewise), made unique.
pub fn conflict_path(path: &Path, now: OffsetDateTime) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix = [super::paths::SESSION_SUFFIX, super::paths::INTERVIEW_SUFFIX]
        .into_iter()
        .find(|s| name.ends_with(s))
        .unwrap_or(".json");
    let stem = name.strip_suffix(suffix).unwrap_or(&name);
    let when = format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let dir = path.parent().unwrap_or(Path::new(""));
    super::paths::unique(dir, &format!("{stem}.conflict-{when}"), suffix)
}

/// Forgets `path` (its session was closed).
pub fn forget(path: &Path) {
    with(|k| {
        k.stamps.remove(path);
        k.moved.remove(path);
    });
}
