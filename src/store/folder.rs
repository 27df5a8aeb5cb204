//! The other sessions in a session folder, without reading each of them whole: what the
//! start screen lists and what the earlier-round lookup chooses from is the header of a
//! session (pact, round, date, place, last change), found at the start of the file and read
//! only that far.
//!
//! For a folder of many sessions (from [`INDEX_FROM`] up) the headers are also kept in
//! an index in the user's cache folder (`~/.cache/volgspot/folders/`, or
//! `$VOLGSPOT_CACHE/folders/`; never in the session folder itself, which volgspot only
//! changes by saving a session), one file per session folder, each entry under the
//! file's name with its inode, size, mtime and ctime; an entry whose file changed in
//! any of these (a save replaces the file: a new inode) is read again. The index is a
//! cache: a missing, damaged or foreign one is rebuilt, never trusted for more than a
//! listing (a session is always loaded and checked in full when it is opened or its
//! data used), and writing it may fail without harm.

use super::{LoadProblem, load_session, paths};
use crate::model::SCHEMA_VERSION;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufReader, Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// From this many session files on, a folder's headers are kept in an index.
pub const INDEX_FROM: usize = 16;
const INDEX_VERSION: u32 = 2;
/// A bigger index is not read (it is rebuilt): thousands of sessions fit in far less.
const INDEX_MAX_BYTES: u64 = 8 << 20;
/// How much of a session file a header read may take: the intake comes before the
/// interviews, so this is far more than a header needs.
const HEADER_MAX_BYTES: u64 = 4 << 20;

/// What a list of sessions needs of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub id: String,
    pub pact_name: String,
    pub round: u8,
    pub session_date: String,
    /// Where the session is held (searched on the start screen).
    #[serde(default)]
    pub place: String,
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
}

impl Header {
    fn of(s: &crate::model::Session) -> Header {
        Header {
            id: s.id.0.clone(),
            pact_name: s.intake.pact_name.clone(),
            round: s.intake.round,
            session_date: s.intake.session_date.clone(),
            place: s.intake.place.clone(),
            updated: s.updated,
        }
    }
}

/// Identifies one version of a file: any save gives a new inode (atomic replace), any
/// other write a new ctime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    ino: u64,
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    fn of(m: &fs::Metadata) -> Stamp {
        Stamp {
            ino: m.ino(),
            size: m.size(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    header: Header,
    /// The whole file loaded without a problem (not only its header was read).
    checked: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    /// The session folder it describes (the index's name is a hash of it).
    dir: PathBuf,
    entries: BTreeMap<String, Entry>,
}

/// Where the index of session folder `dir` is kept, if there is a cache folder.
pub fn index_path(dir: &Path) -> Option<PathBuf> {
    let cache = match std::env::var_os("VOLGSPOT_CACHE").filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("nl", "Volgspot", "volgspot")?
            .cache_dir()
            .to_path_buf(),
    };
    let dir = dir.canonicalize().ok()?;
    // FNV-1a: stable across runs and builds.
    let hash = dir
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    Some(cache.join("folders").join(format!("{hash:016x}.json")))
}

/// A session folder with its index, for one listing or lookup; [`Folder::finish`]
/// writes the index back when it changed.
pub struct Folder {
    dir: PathBuf,
    /// Where the index lives (`None`: no index, every header is read from its file).
    index_path: Option<PathBuf>,
    index_from: usize,
    /// Read once the listing shows the folder is large enough.
    index: Option<IndexFile>,
    seen: BTreeSet<String>,
    changed: bool,
}

/// A session file of the folder with the metadata its listing gave (not following a
/// symbolic link).
pub struct Listed {
    pub path: PathBuf,
    pub meta: Option<fs::Metadata>,
}

impl Folder {
    pub fn open(dir: &Path) -> Folder {
        Folder::open_with(dir, index_path(dir), INDEX_FROM)
    }

    /// [`Folder::open`] with the index at `index_path`, used from `index_from` session
    /// files on.
    pub fn open_with(dir: &Path, index_path: Option<PathBuf>, index_from: usize) -> Folder {
        Folder {
            dir: dir.to_path_buf(),
            index_path,
            index_from,
            index: None,
            seen: BTreeSet::new(),
            changed: false,
        }
    }

    /// The session files of the folder (`*.volgspot.json`), unsorted. Reads the index
    /// when there are enough of them.
    pub fn sessions(&mut self) -> Vec<Listed> {
        let Ok(read) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let listed: Vec<Listed> = read
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .ends_with(paths::SESSION_SUFFIX)
            })
            .map(|e| Listed {
                path: e.path(),
                meta: e.metadata().ok(),
            })
            .collect();
        // Every session of the folder counts as present (and so do its copies), whether
        // or not this caller looks at it: the index keeps their entries.
        for l in &listed {
            if let Some(n) = l.path.file_name() {
                self.seen.insert(n.to_string_lossy().into_owned());
            }
        }
        if listed.len() >= self.index_from
            && self.index.is_none()
            && let Some(p) = &self.index_path
        {
            let dir = self.dir.canonicalize().unwrap_or_else(|_| self.dir.clone());
            self.index =
                Some(
                    read_index(p)
                        .filter(|i| i.dir == dir)
                        .unwrap_or_else(|| IndexFile {
                            version: INDEX_VERSION,
                            dir,
                            entries: BTreeMap::new(),
                        }),
                );
        }
        listed
    }

    fn entry(&self, name: &str, stamp: Stamp) -> Option<&Entry> {
        let e = self.index.as_ref()?.entries.get(name)?;
        (e.stamp == stamp).then_some(e)
    }

    /// The header of a session file: from the index while the file is unchanged, else
    /// read from the start of the file. `None` when it cannot be read as a session.
    pub fn header(&mut self, path: &Path, meta: Option<&fs::Metadata>) -> Option<Header> {
        let (name, stamp) = self.lookup(path, meta)?;
        if let Some(e) = self.entry(&name, stamp) {
            return Some(e.header.clone());
        }
        let (header, checked) = match read_header(path) {
            Some(h) => (h, false),
            // Another schema version, or something the partial read does not follow:
            // the full load decides (and migrates).
            None => (Header::of(&load_session(path).ok()?.0), true),
        };
        self.store(name, stamp, header.clone(), checked);
        Some(header)
    }

    /// The header of a session file that loads without a problem as a whole: from the
    /// index when the file was loaded whole before and has not changed since, else
    /// loaded (problems are not kept: such a file is looked at again next time).
    pub fn checked(
        &mut self,
        path: &Path,
        meta: Option<&fs::Metadata>,
    ) -> Result<Header, LoadProblem> {
        let known = self.lookup(path, meta);
        if let Some((name, stamp)) = &known
            && let Some(e) = self.entry(name, *stamp)
            && e.checked
        {
            return Ok(e.header.clone());
        }
        let (doc, _) = load_session(path).map_err(|e| e.problem)?;
        let header = Header::of(&doc);
        if let Some((name, stamp)) = known {
            self.store(name, stamp, header.clone(), true);
        }
        Ok(header)
    }

    /// [`copy_updated`], with the copy's header from the index.
    pub fn copy_updated(
        &mut self,
        copy: &Path,
        session_updated: Option<OffsetDateTime>,
    ) -> Option<OffsetDateTime> {
        if let (Some(h), Some(s)) = (self.header(copy, None), session_updated)
            && h.updated <= s
        {
            return Some(h.updated);
        }
        self.checked(copy, None).ok().map(|h| h.updated)
    }

    fn lookup(&mut self, path: &Path, meta: Option<&fs::Metadata>) -> Option<(String, Stamp)> {
        let name = path.file_name()?.to_string_lossy().into_owned();
        let own;
        let meta = match meta {
            Some(m) => m,
            None => {
                own = fs::symlink_metadata(path).ok()?;
                &own
            }
        };
        if !meta.file_type().is_file() {
            return None;
        }
        self.seen.insert(name.clone());
        Some((name, Stamp::of(meta)))
    }

    fn store(&mut self, name: String, stamp: Stamp, header: Header, checked: bool) {
        if let Some(index) = &mut self.index {
            index.entries.insert(
                name,
                Entry {
                    stamp,
                    header,
                    checked,
                },
            );
            self.changed = true;
        }
    }

    /// Writes the index back if it changed, keeping the entries of the sessions listed
    /// and of their backup and emergency copies (`<session>.bak`, `.noodkopie`): those
    /// of files gone from the folder are dropped. Failing to write is harmless.
    pub fn finish(self) {
        let (Some(mut index), Some(path)) = (self.index, self.index_path) else {
            return;
        };
        let before = index.entries.len();
        let seen = &self.seen;
        index.entries.retain(|name, _| {
            seen.contains(name)
                || name
                    .rsplit_once('.')
                    .is_some_and(|(session, _)| seen.contains(session))
        });
        if !self.changed && index.entries.len() == before {
            return;
        }
        let _ = write_index(&path, &index);
    }
}

fn read_index(path: &Path) -> Option<IndexFile> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() || meta.len() > INDEX_MAX_BYTES {
        return None;
    }
    let bytes = fs::read(path).ok()?;
    let index: IndexFile = serde_json::from_slice(&bytes).ok()?;
    (index.version == INDEX_VERSION).then_some(index)
}

/// Temp file (never an existing one: no symbolic link is followed) and rename: the
/// index is whole or absent. No fsync: it is a cache, rebuilt when lost. The cache
/// folder is made readable by the owner only (the index names pacts).
fn write_index(path: &Path, index: &IndexFile) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        paths::ensure_dir(parent)?;
    }
    let bytes = serde_json::to_vec(index).map_err(std::io::Error::other)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let _ = fs::remove_file(&tmp);
    let result = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut f| f.write_all(&bytes))
        .and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The `updated` of a backup or emergency copy of a session last changed at
/// `session_updated`, for [`super::recovery::find_with`]: a copy whose header says it is
/// not newer is not offered, so only its header is read; one that says it is newer is
/// loaded in full (`None` when it does not load: it is not offered then either).
pub fn copy_updated(
    copy: &Path,
    session_updated: Option<OffsetDateTime>,
) -> Option<OffsetDateTime> {
    if let (Some(h), Some(s)) = (read_header(copy), session_updated)
        && h.updated <= s
    {
        return Some(h.updated);
    }
    load_session(copy).ok().map(|(doc, _)| doc.updated)
}

/// Reads a session file only as far as its header: the top-level fields up to and
/// including `intake` (the interviews, triangle and wheel that follow are not read).
/// `None` when the file is not a regular file, not of the current schema version, or
/// not a JSON object with these fields; the full load then decides.
pub fn read_header(path: &Path) -> Option<Header> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    let file = fs::File::open(path).ok()?;
    let reader = BufReader::with_capacity(16 * 1024, file.take(HEADER_MAX_BYTES));
    let mut found = Found::default();
    let mut de = serde_json::Deserializer::from_reader(reader);
    // Stops with an error on purpose once everything is found.
    let _ = HeaderSeed(&mut found).deserialize(&mut de);
    found.header()
}

#[derive(Default)]
struct Found {
    version: Option<u32>,
    id: Option<String>,
    updated: Option<OffsetDateTime>,
    pact_name: Option<String>,
    round: Option<u8>,
    session_date: Option<String>,
    place: Option<String>,
    /// The intake was read (to its end, or as far as needed).
    intake: bool,
}

impl Found {
    fn intake_complete(&self) -> bool {
        self.pact_name.is_some()
            && self.round.is_some()
            && self.session_date.is_some()
            && self.place.is_some()
    }

    fn complete(&self) -> bool {
        self.version.is_some() && self.id.is_some() && self.updated.is_some() && self.intake
    }

    fn header(self) -> Option<Header> {
        if self.version? != SCHEMA_VERSION || !self.intake {
            return None;
        }
        // Fields the intake leaves out have `Intake::default()`'s values.
        let d = crate::model::Intake::default();
        Some(Header {
            id: self.id?,
            pact_name: self.pact_name.unwrap_or(d.pact_name),
            round: self.round.unwrap_or(d.round),
            session_date: self.session_date.unwrap_or(d.session_date),
            place: self.place.unwrap_or(d.place),
            updated: self.updated?,
        })
    }
}

/// Reading stops with this error once everything needed is found.
const STOP: &str = "volgspot: header read";

struct HeaderSeed<'a>(&'a mut Found);

impl<'de> DeserializeSeed<'de> for HeaderSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for HeaderSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a session object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let found = self.0;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "schema_version" => found.version = Some(map.next_value()?),
                "id" => found.id = Some(map.next_value()?),
                "updated" => {
                    let s: std::borrow::Cow<'de, str> = map.next_value()?;
                    let t =
                        OffsetDateTime::parse(&s, &time::format_description::well_known::Rfc3339)
                            .map_err(de::Error::custom)?;
                    found.updated = Some(t);
                }
                "intake" => {
                    // Stops (an error) as soon as pact, round, date and place are read.
                    let r = map.next_value_seed(IntakeSeed(found));
                    if !found.intake {
                        r?;
                    }
                    found.intake = true;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            if found.complete() {
                return Err(de::Error::custom(STOP));
            }
        }
        // A session without an intake has the default one.
        found.intake = true;
        Ok(())
    }
}

struct IntakeSeed<'a>(&'a mut Found);

impl<'de> DeserializeSeed<'de> for IntakeSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for IntakeSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an intake object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let found = self.0;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "pact_name" => found.pact_name = Some(map.next_value()?),
                "round" => found.round = Some(map.next_value()?),
                "session_date" => found.session_date = Some(map.next_value()?),
                "place" => found.place = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            if found.intake_complete() {
                found.intake = true;
                return Err(de::Error::custom(STOP));
            }
        }
        found.intake = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;

    fn session(pact: &str, round: u8) -> Session {
        let mut s = crate::bench_data::generate(crate::bench_data::Size::Typical, 3);
        s.intake.pact_name = pact.into();
        s.intake.round = round;
        s
    }

    #[test]
    fn a_header_read_stops_before_the_interviews() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.volgspot.json");
        let s = session("Pact A", 2);
        crate::store::write_new(&p, &s).unwrap();
        assert_eq!(read_header(&p), Some(Header::of(&s)));
        // Cut the file in the middle of the interviews: the header is still there (the
        // rest was never read), while the file as a whole no longer loads.
        let text = fs::read_to_string(&p).unwrap();
        let cut = text.find("\"interviews\"").unwrap() + 5_000;
        fs::write(&p, &text[..cut]).unwrap();
        assert_eq!(read_header(&p), Some(Header::of(&s)));
        assert!(load_session(&p).is_err());
    }

    /// A folder with its index in `cache`, kept from one session file on.
    fn folder(dir: &Path, cache: &Path) -> Folder {
        Folder::open_with(dir, Some(cache.join("index.json")), 1)
    }

    #[test]
    fn the_index_is_used_while_a_file_is_unchanged_and_read_again_after_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.volgspot.json");
        let mut s = session("Pact A", 1);
        crate::store::write_new(&p, &s).unwrap();
        let mut f = folder(dir.path(), cache.path());
        assert_eq!(f.sessions().len(), 1);
        assert_eq!(f.checked(&p, None).unwrap().pact_name, "Pact A");
        f.finish();
        let index_path = cache.path().join("index.json");
        assert!(index_path.is_file(), "no index written");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "the session folder changed"
        );

        // The index answers for the unchanged file: prove it by planting a different
        // header in it.
        let planted = fs::read_to_string(&index_path)
            .unwrap()
            .replace("Pact A", "Uit de index");
        fs::write(&index_path, planted).unwrap();
        let mut f = folder(dir.path(), cache.path());
        f.sessions();
        assert_eq!(f.header(&p, None).unwrap().pact_name, "Uit de index");
        assert_eq!(f.checked(&p, None).unwrap().pact_name, "Uit de index");
        f.finish();

        // A save (atomic replace) makes the entry stale: read again.
        s.intake.pact_name = "Pact B".into();
        crate::store::save_session(&p, &s).unwrap();
        let mut f = folder(dir.path(), cache.path());
        f.sessions();
        assert_eq!(f.header(&p, None).unwrap().pact_name, "Pact B");
        f.finish();

        // A damaged index is ignored, and so is one of another folder.
        fs::write(&index_path, "{ kapot").unwrap();
        let mut f = folder(dir.path(), cache.path());
        f.sessions();
        assert_eq!(f.checked(&p, None).unwrap().pact_name, "Pact B");
        f.finish();
        let other = tempfile::tempdir().unwrap();
        let q = other.path().join("a.volgspot.json");
        fs::copy(&p, &q).unwrap();
        let mut f = folder(other.path(), cache.path());
        f.sessions();
        assert!(
            f.entry("a.volgspot.json", Stamp::of(&fs::metadata(&q).unwrap()))
                .is_none()
        );
    }

    #[test]
    fn a_small_folder_keeps_no_index() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.volgspot.json");
        crate::store::write_new(&p, &session("Pact A", 1)).unwrap();
        let mut f = Folder::open_with(dir.path(), Some(cache.path().join("i.json")), 2);
        f.sessions();
        assert_eq!(f.checked(&p, None).unwrap().pact_name, "Pact A");
        f.finish();
        assert_eq!(fs::read_dir(cache.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_header_only_entry_does_not_vouch_for_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.volgspot.json");
        let s = session("Pact A", 1);
        crate::store::write_new(&p, &s).unwrap();
        let text = fs::read_to_string(&p).unwrap();
        fs::write(&p, &text[..text.len() / 2]).unwrap();
        let mut f = Folder::open(dir.path());
        assert!(f.header(&p, None).is_some());
        assert!(
            f.checked(&p, None).is_err(),
            "a truncated file passed as whole"
        );
        f.finish();
        let mut f = Folder::open(dir.path());
        assert!(
            f.checked(&p, None).is_err(),
            "the index vouched for a truncated file"
        );
    }

    #[test]
    fn a_copy_is_loaded_whole_only_when_its_header_says_it_is_newer() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.volgspot.json.bak");
        let mut s = session("Pact A", 1);
        let session_updated = s.updated;
        // Older: its header answers, even when the rest is damaged.
        s.updated = session_updated - time::Duration::minutes(5);
        crate::store::write_new(&p, &s).unwrap();
        let text = fs::read_to_string(&p).unwrap();
        fs::write(&p, &text[..text.len() / 2]).unwrap();
        assert_eq!(copy_updated(&p, Some(session_updated)), Some(s.updated));
        // Newer but damaged: not offered.
        s.updated = session_updated + time::Duration::minutes(5);
        crate::store::write_new(&p, &s).unwrap();
        let text = fs::read_to_string(&p).unwrap();
        fs::write(&p, &text[..text.len() / 2]).unwrap();
        assert_eq!(copy_updated(&p, Some(session_updated)), None);
        // Newer and whole.
        crate::store::write_new(&p, &s).unwrap();
        assert_eq!(copy_updated(&p, Some(session_updated)), Some(s.updated));
        // The session unreadable: any copy that loads.
        assert_eq!(copy_updated(&p, None), Some(s.updated));
    }

    #[test]
    fn entries_stay_while_their_files_do_whoever_looks() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.volgspot.json");
        let b = dir.path().join("b.volgspot.json");
        crate::store::write_new(&a, &session("Pact A", 1)).unwrap();
        crate::store::save_session(&a, &session("Pact A", 1)).unwrap(); // leaves a .bak
        crate::store::write_new(&b, &session("Pact B", 1)).unwrap();
        let index = || fs::read_to_string(cache.path().join("index.json")).unwrap();
        // The start screen: both sessions and a's backup.
        let mut f = folder(dir.path(), cache.path());
        f.sessions();
        f.checked(&a, None).unwrap();
        f.checked(&b, None).unwrap();
        let bak = crate::store::paths::backup_path(&a);
        assert!(f.copy_updated(&bak, None).is_some());
        f.finish();
        assert!(index().contains("a.volgspot.json.bak"), "{}", index());
        // A lookup that reads only b's header keeps a's entries.
        let before = index();
        let mut f = folder(dir.path(), cache.path());
        f.sessions();
        f.header(&b, None).unwrap();
        f.finish();
        assert_eq!(index(), before, "the index was rewritten");
        // b is gone: its entry too.
        fs::remove_file(&b).unwrap();
        let mut f = folder(dir.path(), cache.path());
        f.sessions();
        f.finish();
        assert!(!index().contains("\"b.volgspot.json\""), "{}", index());
        assert!(index().contains("a.volgspot.json.bak"));
    }
}
