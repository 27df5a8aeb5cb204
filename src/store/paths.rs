//! Where sessions live and how their files are named.

use std::fs::DirBuilder;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

pub const SESSION_SUFFIX: &str = ".volgspot.json";
pub const INTERVIEW_SUFFIX: &str = ".interview.json";

/// The session folder: `VOLGSPOT_DIR` when set, else the platform's data dir.
pub fn session_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("VOLGSPOT_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("nl", "Volgspot", "volgspot")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".volgspot"))
}

/// Creates the folder (and parents) readable by the owner only, as it will hold names
/// and quotes of real people. An existing folder keeps its mode.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

/// `Zorgpact Midden-Gelderland` → `zorgpact-midden-gelderland`; diacritics folded.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(60).collect();
    if out.is_empty() {
        "sessie".to_string()
    } else {
        out
    }
}

pub use crate::model::pact::fold;

/// `<pact-slug>-ronde<N>-<date>.volgspot.json`, made unique in `dir` with `-2`, `-3`, ...
pub fn new_session_path(dir: &Path, pact: &str, round: u8, date: &str) -> PathBuf {
    let base = format!("{}-ronde{}-{}", slug(pact), round, date);
    unique(dir, &base, SESSION_SUFFIX)
}

pub fn unique(dir: &Path, base: &str, suffix: &str) -> PathBuf {
    let mut candidate = dir.join(format!("{base}{suffix}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{n}{suffix}"));
        n += 1;
    }
    candidate
}

/// A sibling path with `ext` appended to the file name: `x.volgspot.json.bak`.
pub fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(ext);
    path.with_file_name(name)
}

pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

pub fn emergency_path(path: &Path) -> PathBuf {
    sibling(path, ".noodkopie")
}

pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".lock")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_dutch_diacritics() {
        assert_eq!(
            slug("Zorg- en Welzijnspact Midden- en Zuid- Gelderland"),
            "zorg-en-welzijnspact-midden-en-zuid-gelderland"
        );
        assert_eq!(slug("Coöperatie Één"), "cooperatie-een");
        assert_eq!(slug("  "), "sessie");
    }
}
