//! The Rapport composer after the tryout of main: nothing typed is lost on Ctrl-Q, a
//! popup's key never reaches the screen behind it, line breaks and escapes as typed.

use crate::common;

use common::ui::{chars, demo_app, key, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Effect, Screen, View};
use volgspot::export::{self, Format};
use volgspot::i18n::Lang;
use volgspot::method::Method;

fn on_report(mut app: App) -> App {
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Report;
    }
    app
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The session's own publieksversie (what is saved is what is exported).
fn exported(app: &App) -> String {
    let doc = &app.session().unwrap().doc;
    let report = export::build(doc, &Method::builtin(Lang::Nl), Lang::Nl, false);
    export::render(&report, Format::Markdown).unwrap()
}

fn generation(app: &App) -> u64 {
    app.session().unwrap().generation
}

/// Tryout: Ctrl-Q while typing a Rapport block threw the block away; nothing typed
/// reached the session until Esc, so a crash lost the paragraph too.
#[test]
fn ctrl_q_while_typing_a_rapport_block_keeps_what_was_typed() {
    // A new paragraph: in the session as it is typed (autosave keeps it), and on Ctrl-Q.
    let mut app = on_report(demo_app(Lang::Nl));
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter);
    let g = generation(&app);
    chars(&mut app, "Nog niet af");
    assert!(generation(&app) > g, "typing did not reach the session");
    assert!(exported(&app).contains("Nog niet af"));
    let effects = ctrl(&mut app, 'q');
    assert!(
        effects.iter().any(|e| matches!(e, Effect::SaveAndQuit)),
        "{effects:?}"
    );
    assert!(exported(&app).contains("Nog niet af"), "{}", exported(&app));

    // An existing block edited (Enter), typed into, Ctrl-Q.
    let mut app = on_report(demo_app(Lang::Nl));
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "Eerste zin.");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::End);
    chars(&mut app, " Tweede zin");
    ctrl(&mut app, 'q');
    assert!(exported(&app).contains("Eerste zin. Tweede zin"));

    // A block added, typed and emptied again: nothing left behind on Ctrl-Q.
    let mut app = on_report(demo_app(Lang::Nl));
    let before = exported(&app);
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "x");
    key(&mut app, KeyCode::Backspace);
    ctrl(&mut app, 'q');
    assert_eq!(exported(&app), before);
    let t = text(&render(&app, 100, 30));
    assert!(!t.contains("⊘ alinea"), "{t}");
}
