//! What the one undo says, as the facilitator reads it in the footer: it names the thing
//! and the change ("Ongedaan: status van voornemen ‘…’"), never a key's label; a step
//! that changed nothing is not there to undo; with nothing left it says so.

use crate::common;
use common::ui::{chars, demo_app, key, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;

fn on(screen: Screen, lang: Lang) -> App {
    let mut app = demo_app(lang);
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
    app
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn shift(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::SHIFT));
}

fn screen(app: &App) -> String {
    text(&render(app, 100, 30))
}

fn first_intention(app: &App) -> String {
    app.session().unwrap().doc.intentions[0].text.clone()
}

#[test]
fn undoing_on_the_intentions_names_the_intention_and_the_change() {
    let mut app = on(Screen::Wheel, Lang::Nl);
    key(&mut app, KeyCode::Char('i'));
    let it = first_intention(&app);
    let short: String = it.chars().take(12).collect();
    key(&mut app, KeyCode::Char('s')); // what became of it
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Ongedaan: status van voornemen ‘"), "{s}");
    assert!(s.contains(&short), "names the intention: {s}");
    assert!(!s.contains("wat werd ervan"), "not the key's label: {s}");

    shift(&mut app, KeyCode::Down);
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Ongedaan: voornemen ‘"), "{s}");
    assert!(s.contains("verplaatst"), "{s}");
    assert!(!s.contains("omhoog / omlaag"), "{s}");

    key(&mut app, KeyCode::Char('o')); // public / internal
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("gemaakt"), "says public or internal: {s}");
    assert!(!s.contains("openbaar/intern"), "{s}");

    // Typing in the form is named by the intention, not "typen".
    key(&mut app, KeyCode::Enter);
    chars(&mut app, " erbij");
    key(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Ongedaan: voornemen ‘"), "{s}");
    assert!(s.contains("bewerkt"), "{s}");
    assert_eq!(first_intention(&app), it, "the typing is undone");
}

#[test]
fn english_names_the_deleted_intention() {
    let mut app = on(Screen::Wheel, Lang::En);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Delete);
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Undone: intention ‘"), "{s}");
    assert!(s.contains("deleted"), "{s}");
}

#[test]
fn undoing_a_move_in_the_triangle_names_the_item_and_where_it_went() {
    let mut app = on(Screen::Triangle, Lang::Nl);
    let doc = &app.session().unwrap().doc;
    let places = volgspot::app::triangle::places(&app.method);
    let first = &doc
        .triangle
        .items
        .iter()
        .find(|i| i.place == places[0].id)
        .expect("demo has an item in the first corner")
        .title
        .clone();
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('2'));
    let s = screen(&app);
    assert!(s.contains("Verplaatst. Ctrl-Z maakt het ongedaan."), "{s}");
    ctrl(&mut app, 'z');
    let s = screen(&app);
    let short: String = first.chars().take(12).collect();
    assert!(s.contains("Ongedaan: ‘"), "{s}");
    assert!(s.contains(&short), "{s}");
    assert!(
        s.contains(&format!(
            "verplaatst naar {}",
            places[1].name.chars().take(10).collect::<String>()
        )),
        "{s}"
    );
    assert!(!s.contains("hoek/vraag 1–6"), "not the key's label: {s}");
}

#[test]
fn an_intention_added_and_dropped_at_once_leaves_nothing_to_undo() {
    let mut app = on(Screen::Wheel, Lang::Nl);
    key(&mut app, KeyCode::Char('i'));
    let before = app.session().unwrap().doc.intentions.clone();
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Niets meer om ongedaan te maken"), "{s}");
    assert!(!s.contains("Ongedaan: voornemen toegevoegd"), "{s}");
    assert_eq!(app.session().unwrap().doc.intentions, before);
    key(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'y');
    assert!(screen(&app).contains("Niets meer om opnieuw te doen"));
}

#[test]
fn with_nothing_left_the_last_undo_message_gives_way() {
    let mut app = on(Screen::Wheel, Lang::En);
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Char('s'));
    ctrl(&mut app, 'z');
    assert!(screen(&app).contains("Undone: status of intention"));
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Nothing left to undo"), "{s}");
    key(&mut app, KeyCode::Esc);
    let s = screen(&app);
    assert!(!s.contains("Undone:"), "the old message is gone: {s}");
}

#[test]
fn undoing_on_the_intake_lists_names_the_row() {
    let mut app = on(Screen::Intake, Lang::Nl);
    key(&mut app, KeyCode::F(2)); // Partners
    let partner = app.session().unwrap().doc.intake.partners[0]
        .organisation
        .clone();
    let short: String = partner.chars().take(12).collect();
    key(&mut app, KeyCode::Char('d'));
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Ongedaan: partner ‘"), "{s}");
    assert!(s.contains(&short) && s.contains("verwijderd"), "{s}");
    // The agenda: a block made longer.
    for _ in 0..3 {
        key(&mut app, KeyCode::F(2));
    }
    key(&mut app, KeyCode::Char('+'));
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Ongedaan: duur van agendablok ‘"), "{s}");
}

#[test]
fn undoing_a_deleted_interview_names_it_by_role_not_by_name() {
    let mut app = on(Screen::Interviews, Lang::Nl);
    let name = app.session().unwrap().doc.interviews[0].interviewee.clone();
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('j'));
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(
        s.contains("Ongedaan: interview ‘bestuurlijk trekker, Zorggroep")
            && s.contains("verwijderd"),
        "{s}"
    );
    assert!(!s.contains(&name), "{s}");
}

fn intake(app: &App) -> volgspot::model::Intake {
    app.session().unwrap().doc.intake.clone()
}

#[test]
fn undoing_typing_in_the_intake_details_names_the_field() {
    let mut app = on(Screen::Intake, Lang::Nl);
    let was = intake(&app);
    chars(&mut app, " Noord");
    // Enter moves on to the next field: what is typed there is a step of its own.
    for _ in 0..4 {
        key(&mut app, KeyCode::Enter);
    }
    chars(&mut app, " centrum");
    key(&mut app, KeyCode::F(2)); // out of the form, to the partners
    assert!(intake(&app).place.ends_with(" centrum"));
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Ongedaan: Plaats gewijzigd"), "{s}");
    assert!(!s.contains("typen"), "{s}");
    assert_eq!(intake(&app).place, was.place, "the place is undone");
    assert!(
        intake(&app).pact_name.ends_with(" Noord"),
        "the pact name not yet"
    );
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Ongedaan: Naam van het pact gewijzigd"), "{s}");
    assert_eq!(intake(&app).pact_name, was.pact_name);
}

#[test]
fn english_names_the_details_field_undone() {
    let mut app = on(Screen::Intake, Lang::En);
    chars(&mut app, " North");
    key(&mut app, KeyCode::F(2));
    ctrl(&mut app, 'z');
    let s = screen(&app);
    assert!(s.contains("Undone: Pact name changed"), "{s}");
    assert!(!s.contains("typing"), "{s}");
}

#[test]
fn undoing_typing_in_the_first_observations_names_the_area() {
    for (lang, said) in [
        (Lang::Nl, "Ongedaan: eerste observaties bij ‘"),
        (Lang::En, "Undone: first observations on ‘"),
    ] {
        let mut app = on(Screen::Intake, lang);
        for _ in 0..3 {
            key(&mut app, KeyCode::F(2)); // Details → Partners → Documents → Observations
        }
        let was = intake(&app).observations;
        chars(&mut app, "Veel overleg");
        shift(&mut app, KeyCode::F(2)); // back to the documents
        assert_ne!(intake(&app).observations, was);
        ctrl(&mut app, 'z');
        let s = screen(&app);
        assert!(s.contains(said), "{s}");
        assert!(s.contains("gewijzigd") || s.contains("changed"), "{s}");
        assert_eq!(intake(&app).observations, was, "the typing is undone");
    }
}
