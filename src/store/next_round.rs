//! Creating the next round of a pact from a session file (`volgspot new --from`, and the
//! start screen's action): the new file goes into the session folder under the usual
//! name, `<pact>-ronde<N+1>-<date>.volgspot.json`.

use super::{LoadError, SaveError, load_session, paths, write_new};
use crate::model::Session;
use crate::model::rounds::{NextRoundError, next_round};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

#[derive(Debug)]
pub enum Error {
    Load(LoadError),
    Round(NextRoundError),
    Folder(PathBuf, std::io::Error),
    Save(SaveError),
    /// The session has no pact name: its next round would belong to no pact.
    NoPactName,
    /// This pact's next round is in the folder already (that file).
    Exists(u8, PathBuf),
}

impl Error {
    /// In the UI language.
    pub fn message(&self, t: &crate::i18n::Strings) -> String {
        match self {
            Error::Load(e) => t.load_error(e),
            Error::Round(NextRoundError::LastRound(n)) => {
                crate::i18n::fill(t.rounds.last_round, &[&n.to_string()])
            }
            Error::Folder(dir, e) => format!("{}: {e}", dir.display()),
            Error::Save(e) => t.save_error(e),
            Error::NoPactName => t.rounds.needs_pact_name.to_string(),
            Error::Exists(n, path) => crate::i18n::fill(
                t.rounds.next_exists,
                &[&n.to_string(), &path.display().to_string()],
            ),
        }
    }
}

/// Reads `from`, makes its next round (`prepare` may add e.g. the default agenda) and
/// writes it as a new file in `dir` (mode 0600, never through a link). Returns its path.
pub fn create(
    dir: &Path,
    from: &Path,
    now: OffsetDateTime,
    prepare: impl FnOnce(&mut Session),
) -> Result<PathBuf, Error> {
    let (prev, _) = load_session(from).map_err(Error::Load)?;
    if !crate::model::pact::has_pact_name(&prev.intake.pact_name) {
        return Err(Error::NoPactName);
    }
    let file = from
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut doc = next_round(&prev, &file, now).map_err(Error::Round)?;
    // A second "round 2" of one pact would make the portfolio and the comparison pick
    // one of two at random: the existing one is named instead.
    if let Some(existing) = existing_round(dir, &doc.intake.pact_name, doc.intake.round) {
        return Err(Error::Exists(doc.intake.round, existing));
    }
    prepare(&mut doc);
    paths::ensure_dir(dir).map_err(|e| Error::Folder(dir.to_path_buf(), e))?;
    let path = paths::new_session_path(
        dir,
        &doc.intake.pact_name,
        doc.intake.round,
        &now.date().to_string(),
    );
    write_new(&path, &doc).map_err(Error::Save)?;
    Ok(path)
}

/// A session of `pact` (the same pact by [`crate::model::pact::same_pact`], as the start
/// screen and the overview group them) and `round` in `dir`.
fn existing_round(dir: &Path, pact: &str, round: u8) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(paths::SESSION_SUFFIX))
        })
        .find(|p| {
            let (name, r) = match super::folder::read_header(p) {
                Some(h) => (h.pact_name, h.round),
                None => match load_session(p) {
                    Ok((doc, _)) => (doc.intake.pact_name, doc.intake.round),
                    Err(_) => return false,
                },
            };
            r == round && crate::model::pact::same_pact(&name, pact)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, file: &str, pact: &str, round: u8) -> PathBuf {
        let p = dir.join(file);
        let s = Session::new(pact, round, OffsetDateTime::UNIX_EPOCH);
        write_new(&p, &s).unwrap();
        p
    }

    #[test]
    fn another_pact_whose_name_only_looks_alike_as_a_file_name_is_no_dead_end() {
        // `Zorgpact Nóord` and `Zorgpact Noord!` are one pact by the pact rule (as the
        // start screen groups them): round 2 exists, and it is that file that is named.
        let dir = tempfile::tempdir().unwrap();
        let r1 = write(dir.path(), "a-ronde1.volgspot.json", "Zorgpact Nóord", 1);
        let r2 = write(dir.path(), "b-ronde2.volgspot.json", "Zorgpact Noord!", 2);
        match create(dir.path(), &r1, OffsetDateTime::UNIX_EPOCH, |_| {}) {
            Err(Error::Exists(2, p)) => assert_eq!(p, r2),
            other => panic!("{other:?}"),
        }
        // A really different pact (another word) does not block it.
        let dir = tempfile::tempdir().unwrap();
        let r1 = write(dir.path(), "a-ronde1.volgspot.json", "Zorgpact Noord", 1);
        write(dir.path(), "b-ronde2.volgspot.json", "Zorgpact Noord 2", 2);
        let made = create(dir.path(), &r1, OffsetDateTime::UNIX_EPOCH, |_| {}).unwrap();
        assert!(made.exists());
    }

    #[test]
    fn a_session_without_a_pact_name_gets_no_next_round_but_a_way_forward() {
        let dir = tempfile::tempdir().unwrap();
        let r1 = write(dir.path(), "sessie-ronde1.volgspot.json", "  ", 1);
        let e = create(dir.path(), &r1, OffsetDateTime::UNIX_EPOCH, |_| {}).unwrap_err();
        assert!(matches!(e, Error::NoPactName));
        let msg = e.message(crate::i18n::Lang::Nl.strings());
        assert!(msg.contains("pactnaam") && msg.contains("Intake"), "{msg}");
        // Nothing was written.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
