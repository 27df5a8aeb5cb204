//! The shared components where they are new: the one picker where the facilitator
//! imports interview files and moves a triangle item (the same keys as the evidence
//! lists: ↑/↓, Space, Enter, `/` search, Esc; the keys in the footer; the search
//! narrowing what is shown), and the intentions on the one list editor.

use crate::common;

use common::ui::{chars, demo_app, key, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::interviews::FileInfo;
use volgspot::app::{App, Ctx, Effect, Outcome, Screen, View};
use volgspot::i18n::Lang;

fn info(who: &str, role: &str, by: &str, notes: usize) -> Option<FileInfo> {
    Some(FileInfo {
        interviewee: who.into(),
        source: role.into(),
        interviewer: by.into(),
        date: "2026-11-28".into(),
        notes,
        pact: "Zorgpact Rivierenland-West".into(),
        round: Some(1),
        newer: None,
    })
}

/// The Interviews screen with the import picker open on three files of this pact.
fn importing() -> (App, Vec<std::path::PathBuf>) {
    let mut app = demo_app(Lang::Nl);
    let files: Vec<std::path::PathBuf> = vec![
        "/tmp/sessies/2026-11-28-a.interview.json".into(),
        "/tmp/sessies/2026-11-28-b.interview.json".into(),
        "/tmp/sessies/2026-11-28-c.interview.json".into(),
    ];
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Interviews;
        s.interviews.open_picker_with(
            &s.doc,
            "/tmp/sessies".into(),
            files.clone(),
            vec![
                info("Karin", "beleidsadviseur, Gemeente X", "L. Smit", 3),
                info("Piet", "huisarts", "J. Bakker", 7),
                info("Anna", "wijkverpleegkundige", "L. Smit", 2),
            ],
        );
    }
    (app, files)
}

/// Enter, handed to the screen directly, to see what the runtime is asked to import.
fn enter(app: &mut App) -> Outcome {
    let show_names = app.show_names;
    let s = app.session_mut().unwrap();
    let mut doc = s.doc.clone();
    let method = volgspot::method::Method::builtin(Lang::Nl);
    let ctx = Ctx {
        method: &method,
        t: Lang::Nl.strings(),
        now: time::OffsetDateTime::UNIX_EPOCH,
        show_names,
    };
    s.interviews.handle_key(
        &mut doc,
        KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        &ctx,
    )
}

#[test]
fn the_import_picker_search_narrows_the_files_and_space_ticks_the_one_found() {
    let (mut app, files) = importing();
    let t = text(&render(&app, 120, 30));
    for row in ["Gemeente X", "huisarts", "wijkverpleegkundige"] {
        assert!(t.contains(row), "{t}");
    }
    // The footer names the picker's keys.
    let footer = t.lines().last().unwrap().to_string();
    for k in ["␣ aanvinken", "Enter importeren", "/ zoeken", "Esc sluiten"] {
        assert!(footer.contains(k), "{k}: {footer}");
    }
    // `/` and part of a role: only that file is left.
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "huisarts");
    let t = text(&render(&app, 120, 30));
    assert!(t.contains("Zoeken: huisarts"), "{t}");
    assert!(t.contains("[ ] huisarts · 2026-11-28 · J. Bakker"), "{t}");
    assert!(
        !t.contains("Gemeente X") && !t.contains("wijkverpleegkundige"),
        "{t}"
    );
    // Esc ends the search; Space ticks the file still under the cursor.
    key(&mut app, KeyCode::Esc);
    let t = text(&render(&app, 120, 30));
    assert!(
        t.contains("Gemeente X") && t.contains("wijkverpleegkundige"),
        "{t}"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    let t = text(&render(&app, 120, 30));
    assert!(t.contains("[x] huisarts"), "{t}");
    // Enter imports the ticked file (not the one under the cursor).
    key(&mut app, KeyCode::Down);
    assert_eq!(
        enter(&mut app),
        Outcome::Effect(Effect::ImportInterviews(vec![files[1].clone()]))
    );
}

/// An interviewer's name is on screen, so the search finds it; the interviewee's name is
/// hidden until F8, so the search never finds it (narrowing would give it away).
#[test]
fn the_import_search_finds_what_is_shown_and_never_a_hidden_name() {
    let (mut app, files) = importing();
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "smit");
    let t = text(&render(&app, 120, 30));
    assert!(
        t.contains("Gemeente X") && t.contains("wijkverpleegkundige"),
        "{t}"
    );
    assert!(!t.contains("huisarts"), "{t}");
    // Enter while searching imports the row under the cursor.
    key(&mut app, KeyCode::Down);
    assert_eq!(
        enter(&mut app),
        Outcome::Effect(Effect::ImportInterviews(vec![files[2].clone()]))
    );
    let (mut app, _) = importing();
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "Piet");
    let t = text(&render(&app, 120, 30));
    assert!(t.contains("Niets gevonden voor 'Piet'"), "{t}");
    assert!(!t.contains("huisarts"), "{t}");
}

/// With F8 the facilitator sees the interviewees' names, so the search finds them: `/`
/// and a name narrows to that file, and Enter imports the file the screen shows.
#[test]
fn with_names_shown_the_import_search_finds_an_interviewee_by_name() {
    let (mut app, files) = importing();
    key(&mut app, KeyCode::F(8));
    assert!(app.show_names);
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "anna");
    let t = text(&render(&app, 120, 30));
    assert!(t.contains("Anna"), "{t}");
    assert!(!t.contains("Karin") && !t.contains("Piet"), "{t}");
    assert!(!t.contains("Niets gevonden"), "{t}");
    assert_eq!(
        enter(&mut app),
        Outcome::Effect(Effect::ImportInterviews(vec![files[2].clone()]))
    );
    // F8 off again: the same name is hidden, and the search no longer finds it.
    let (mut app, _) = importing();
    key(&mut app, KeyCode::F(8));
    key(&mut app, KeyCode::F(8));
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "anna");
    let t = text(&render(&app, 120, 30));
    assert!(t.contains("Niets gevonden voor 'anna'"), "{t}");
}

fn on_triangle() -> App {
    let mut app = demo_app(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Triangle;
    }
    app
}

fn selected_place(app: &App) -> String {
    let s = app.session().unwrap();
    let i = s.triangle.selected_index(&s.doc, &app.method).unwrap();
    s.doc.triangle.items[i].place.clone()
}

/// The move menu is the one picker: its keys in the footer, `/` finds a corner or
/// question by a word of it, Enter moves the item there, Esc leaves it where it was.
#[test]
fn the_move_menu_searches_and_enter_moves_the_item_there() {
    let mut app = on_triangle();
    let before = selected_place(&app);
    key(&mut app, KeyCode::Char('m'));
    let t = text(&render(&app, 120, 30));
    assert!(t.contains("Verplaatsen naar…"), "{t}");
    assert!(t.contains("(hier nu)"), "{t}");
    let footer = t.lines().last().unwrap().to_string();
    for k in [
        "Enter kiezen",
        "/ zoeken",
        "Esc annuleren",
        "1 naar hoek/vraag",
    ] {
        assert!(footer.contains(k), "{k}: {footer}");
    }
    // Esc: nothing moved.
    key(&mut app, KeyCode::Esc);
    assert_eq!(selected_place(&app), before);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "faalfactoren");
    let t = text(&render(&app, 120, 30));
    assert!(
        t.contains("5 Welke succes- en faalfactoren zien we?"),
        "{t}"
    );
    assert!(
        !t.contains("(hier nu)"),
        "the other places are not shown: {t}"
    );
    let s = app.session().unwrap();
    let i = s.triangle.selected_index(&s.doc, &app.method).unwrap();
    let id = s.doc.triangle.items[i].id.clone();
    let count_before = s.doc.triangle.items.len();
    key(&mut app, KeyCode::Enter);
    let s = app.session().unwrap();
    let it = s.doc.triangle.items.iter().find(|it| it.id == id).unwrap();
    assert_eq!(it.place, app.method.triangle.questions[1].id);
    assert_ne!(it.place, before);
    assert_eq!(
        s.doc.triangle.items.len(),
        count_before,
        "moved, not copied"
    );
    let t = text(&render(&app, 120, 30));
    assert!(!t.contains("Verplaatsen naar…"), "the menu closed: {t}");
}

/// The intentions are a list like every other: Shift-↑ moves the selected one up,
/// Delete takes it out, Ctrl-Z brings it back where it was, selected (Enter opens that
/// one), and says what it undid.
#[test]
fn intentions_move_delete_and_undo_keep_the_selection_on_the_row() {
    let mut app = demo_app(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Wheel;
    }
    key(&mut app, KeyCode::Char('i'));
    let texts = |app: &App| -> Vec<String> {
        let s = app.session().unwrap();
        s.doc.intentions.iter().map(|i| i.text.clone()).collect()
    };
    let before = texts(&app);
    assert!(before.len() >= 2, "the demo has intentions");
    key(&mut app, KeyCode::Down);
    app.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT));
    let moved = texts(&app);
    assert_eq!(moved[0], before[1]);
    assert_eq!(moved[1], before[0]);
    // The moved one is still selected: Delete takes it out.
    key(&mut app, KeyCode::Delete);
    assert_eq!(texts(&app), before[..1].to_vec());
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(texts(&app), moved);
    let t = text(&render(&app, 120, 30));
    assert!(
        t.contains("Ongedaan: voornemen ‘een gesprekspartner"),
        "{t}"
    );
    assert!(t.contains("verwijderd"), "{t}");
    // Enter opens the intention put back.
    key(&mut app, KeyCode::Enter);
    let s = app.session().unwrap();
    assert!(s.typing(), "the form is open");
    match &s.wheel.mode.0 {
        volgspot::app::wheel::Mode::Form(form) => assert_eq!(form.id, s.doc.intentions[0].id),
        _ => panic!("the intention's form is open"),
    }
}

/// The footer lists only keys that do something: T (other pacts' files) only when there
/// are such files.
#[test]
fn the_import_footer_offers_t_only_when_there_are_other_pacts_files() {
    let (app, _) = importing();
    let t = text(&render(&app, 120, 30));
    let footer = t.lines().last().unwrap();
    assert!(!footer.contains("T andere pacten"), "{footer}");
    let mut app = demo_app(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Interviews;
        let mut other = info("Piet", "huisarts", "J. Bakker", 7);
        if let Some(i) = &mut other {
            i.pact = "Zorgpact Elders".into();
        }
        s.interviews.open_picker_with(
            &s.doc,
            "/tmp/sessies".into(),
            vec!["/tmp/sessies/2026-11-28-a.interview.json".into()],
            vec![other],
        );
    }
    let t = text(&render(&app, 120, 30));
    let footer = t.lines().last().unwrap();
    assert!(footer.contains("T andere pacten"), "{footer}");
}
