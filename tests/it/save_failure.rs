//! Saving that fails (disk full, a folder that is gone or read-only), at the level of
//! the app and the runtime, so it is proven also where the pty test cannot make a folder
//! read-only (root without `chattr`): the header says why, saving keeps retrying, the
//! text stays in memory, and Ctrl-Q warns before quitting.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::io;
use std::time::{Duration, Instant};
use volgspot::app::{Effect, Overlay, SaveState, View};
use volgspot::i18n::{Lang, NL};
use volgspot::store::autosave::Saver;
use volgspot::store::{SaveError, save_session};
use volgspot::tui::{Runtime, apply};

#[test]
fn os_errors_map_to_words_the_header_can_show() {
    let e = |n| SaveError::from(io::Error::from_raw_os_error(n));
    assert_eq!(e(28), SaveError::DiskFull, "ENOSPC");
    assert_eq!(e(122), SaveError::DiskFull, "EDQUOT");
    assert_eq!(e(30), SaveError::ReadOnly, "EROFS");
    assert_eq!(e(13), SaveError::ReadOnly, "EACCES");
    assert_eq!(e(1), SaveError::ReadOnly, "EPERM (chattr +i)");
    assert_eq!(NL.save_error(&SaveError::DiskFull), "schijf vol");
}

#[test]
fn a_full_disk_shows_in_the_header_and_is_retried_every_two_seconds() {
    let mut app = demo_app(Lang::Nl);
    let s = app.session_mut().unwrap();
    s.doc.intake.pact_name = "Nog niet op schijf".into();
    s.generation = 1;
    s.requested_generation = 1;
    let attempt = Instant::now();
    s.last_attempt = Some(attempt);
    s.on_saved(1, Err(SaveError::DiskFull));
    assert!(s.unsaved());
    assert!(!s.wants_save(attempt + Duration::from_millis(500)));
    assert!(
        s.wants_save(attempt + Duration::from_millis(2000)),
        "no retry"
    );
    let screen = text(&render(&app, 80, 24));
    let header = screen.lines().next().unwrap();
    assert!(header.contains("niet opgeslagen: schijf vol"), "{header}");
    assert!(screen.contains("Nog niet op schijf"), "{screen}");
}

#[test]
fn the_saver_reports_a_missing_folder_and_quitting_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("bestaat-niet").join("s.volgspot.json");

    // The background saver reports the failure instead of losing it.
    let saver = Saver::new();
    let doc = volgspot::store::parse_session(volgspot::tui::EXAMPLE)
        .unwrap()
        .0;
    saver.request(1, gone.clone(), doc.clone());
    let outcome = saver
        .wait_for(1, Duration::from_secs(5))
        .expect("an outcome");
    assert!(outcome.result.is_err());
    assert!(save_session(&gone, &doc).is_err());

    // Ctrl-Q with unsaved work whose save fails: a warning, no quit.
    let mut app = demo_app(Lang::Nl);
    let mut rt = Runtime::new(dir.path().to_path_buf());
    {
        let s = app.session_mut().unwrap();
        s.path = gone.clone();
        s.doc.intake.pact_name = "Alleen in het geheugen".into();
        s.generation = 1;
    }
    let effects = app.handle_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
    assert_eq!(effects, vec![Effect::SaveAndQuit]);
    for e in effects {
        apply(&mut app, &mut rt, e);
    }
    assert!(!app.should_quit, "quit although the work is not saved");
    match &app.overlay {
        Some(Overlay::ConfirmQuit(msg)) => {
            assert!(
                msg.starts_with("Niet opgeslagen: ") && msg.contains("Toch afsluiten?"),
                "{msg}"
            )
        }
        _ => panic!("no warning before quitting"),
    }
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Toch afsluiten?"), "{screen}");
    // "n" goes back; the text is still there.
    app.handle_key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
    assert!(app.overlay.is_none() && !app.should_quit);
    let s = app.session().unwrap();
    assert_eq!(s.doc.intake.pact_name, "Alleen in het geheugen");
    assert!(matches!(s.save, SaveState::Failed(_)));
    assert!(matches!(app.view, View::Session(_)));
    // "j" quits only after the explicit yes.
    app.handle_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL))
        .into_iter()
        .for_each(|e| apply(&mut app, &mut rt, e));
    let effects = app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    effects
        .into_iter()
        .for_each(|e| apply(&mut app, &mut rt, e));
    assert!(app.should_quit);
}

/// Another program (a sync client, a second laptop on a shared drive) replaces the
/// session file while it is open: its version is kept, ours goes beside it, the header
/// says where, and the start screen lists both.
#[test]
fn a_file_changed_by_another_program_is_not_overwritten_but_saved_beside_it() {
    use volgspot::store::{load_session, paths};
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "s.volgspot.json");
    let (mut doc, _) = load_session(&path).unwrap();
    doc.intake.place = "Eerste versie".into();
    save_session(&path, &doc).unwrap();

    // Replaced by rename (a new file), as sync clients do.
    let theirs = volgspot::tui::EXAMPLE.replacen("\"round\": 1", "\"round\": 2", 1);
    let tmp = dir.path().join("sync-tmp");
    std::fs::write(&tmp, &theirs).unwrap();
    std::fs::rename(&tmp, &path).unwrap();

    doc.intake.place = "Onze versie".into();
    let copy = match save_session(&path, &doc) {
        Err(SaveError::Conflict { copy }) => copy,
        other => panic!("overwritten without a word: {other:?}"),
    };
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "theirs is gone"
    );
    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("s.conflict-") && name.ends_with(".volgspot.json"),
        "{name}"
    );
    assert_eq!(load_session(&copy).unwrap().0.intake.place, "Onze versie");
    // Later saves go to the same copy; theirs still stays.
    doc.intake.place = "Nog later".into();
    assert_eq!(
        save_session(&path, &doc),
        Err(SaveError::Conflict { copy: copy.clone() })
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(load_session(&copy).unwrap().0.intake.place, "Nog later");
    // The start screen offers both.
    let listed: Vec<_> = volgspot::tui::scan_sessions(dir.path())
        .into_iter()
        .map(|e| e.path)
        .collect();
    assert!(
        listed.contains(&path) && listed.contains(&copy),
        "{listed:?}"
    );
    assert!(!paths::backup_path(&copy).exists());

    // The header says where this version went; nothing is retried or lost on quitting.
    let mut app = demo_app(Lang::Nl);
    let s = app.session_mut().unwrap();
    s.generation = 1;
    s.requested_generation = 1;
    s.on_saved(1, Err(SaveError::Conflict { copy: copy.clone() }));
    assert!(!s.unsaved(), "the copy holds the work");
    let screen = text(&render(&app, 300, 24));
    let header = screen.lines().next().unwrap();
    assert!(
        header.contains("een ander programma heeft het bestand gewijzigd")
            && header.contains(&name),
        "{header}"
    );
}

#[test]
fn a_file_rewritten_in_place_by_another_program_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::example_session(dir.path(), "s.volgspot.json");
    let (doc, _) = volgspot::store::load_session(&path).unwrap();
    let theirs = format!("{}\n", volgspot::tui::EXAMPLE);
    std::fs::write(&path, &theirs).unwrap();
    assert!(matches!(
        save_session(&path, &doc),
        Err(SaveError::Conflict { .. })
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
}

/// The quit warning names the last moment the file was saved, not when the session was
/// created.
#[test]
fn the_quit_warning_after_a_failed_save_says_since_the_last_save_to_disk() {
    let dir = tempfile::tempdir().unwrap();
    // A folder at the session's name: the save fails, its time is readable.
    let path = dir.path().join("s.volgspot.json");
    std::fs::create_dir(&path).unwrap();
    let last_save = std::time::UNIX_EPOCH + Duration::from_secs(1_795_165_687); // 2026-11-20 09:08:07 UTC
    std::fs::File::open(&path)
        .unwrap()
        .set_modified(last_save)
        .unwrap();
    let mut app = demo_app(Lang::Nl);
    let mut rt = Runtime::new(dir.path().to_path_buf());
    {
        let s = app.session_mut().unwrap();
        s.path = path.clone();
        s.doc.intake.pact_name = "Alleen in het geheugen".into();
        s.generation = 1;
    }
    app.handle_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL))
        .into_iter()
        .for_each(|e| apply(&mut app, &mut rt, e));
    match &app.overlay {
        Some(Overlay::ConfirmQuit(msg)) => {
            assert!(
                msg.contains("Wijzigingen sinds 09:08:07 gaan verloren"),
                "{msg}"
            )
        }
        _ => panic!("no warning before quitting"),
    }
}
