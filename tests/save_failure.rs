//! Saving that fails (disk full, a folder that is gone or read-only), at the level of
//! the app and the runtime, so it is proven also where the pty test cannot make a folder
//! read-only (root without `chattr`): the header says why, saving keeps retrying, the
//! text stays in memory, and Ctrl-Q warns before quitting.

mod common;

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
