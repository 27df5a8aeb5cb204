//! Privacy audit of every projected surface (issue 18): the presenter view (F4) and the
//! room's window, on every screen and in every state the facilitator can reach with the
//! keyboard, with the privacy switch (F8) off. A session full of distinctive names and
//! non-public texts is walked screen by screen; none of them may reach the wall, nor may
//! the facilitator's own views (checklist, look-ahead, conflict details).

use crate::common;
use common::ui::key;

use common::ui::{demo_app, render, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;
use volgspot::app::{App, SessionView, View};
use volgspot::i18n::Lang;
use volgspot::model::NoteConflict;
use volgspot::room::RoomState;
use volgspot::ui::room::Contact;

/// What must never be projected without F8, and the facilitator's own views.
const SECRETS: &[&str] = &[
    "Zwaantje",
    "Geheimnaam",
    "Bartholomeus",
    "Verzwegen",
    "Contactpersoon",
    "Onzichtbaar",
    "PRIVENOTITIE",
    "CONFLICTVERSIE",
    "CONCEPTREGEL",
    "ACTIVITEITINTERN",
    "KERNPUNTINTERN",
    "DRIEHOEKINTERN",
    "MOTIVATIEINTERN",
    "VOORNEMENINTERN",
    // The facilitator's own views.
    "Wat ontbreekt nog",
    "Vooruitkijken:",
    "Look ahead:",
    "for you only",
    "What is still missing",
    "Internal document",
    "alleen voor u",
    "rapportage (intern)",
    "Intern document",
];

fn secret_session(lang: Lang) -> App {
    let mut app = demo_app(lang);
    let View::Session(s) = &mut app.view else {
        unreachable!()
    };
    let doc = &mut s.doc;
    for (n, iv) in doc.interviews.iter_mut().enumerate() {
        let iv = Arc::make_mut(iv);
        iv.interviewee = ["Zwaantje Geheimnaam", "Bartholomeus Verzwegen"][n % 2].into();
        iv.draft = "CONCEPTREGEL in wording".into();
        for (k, note) in iv.notes.iter_mut().enumerate() {
            if !note.public {
                note.text = format!("PRIVENOTITIE {n}.{k} over Zwaantje");
            }
        }
        if let Some(note) = iv.notes.first_mut() {
            note.conflict = Some(NoteConflict::from("CONFLICTVERSIE van de interviewer"));
        }
    }
    for p in &mut doc.intake.partners {
        p.contact = "Contactpersoon Onzichtbaar".into();
    }
    for d in &mut doc.intake.documents {
        d.key_points = "KERNPUNTINTERN".into();
    }
    for a in doc.wheel.activities.values_mut() {
        a.note = "ACTIVITEITINTERN".into();
    }
    doc.wheel.placement.motivation = "MOTIVATIEINTERN".into();
    doc.wheel.placement.public = false;
    // One item of every corner and question not public.
    let mut seen = std::collections::BTreeSet::new();
    for it in &mut doc.triangle.items {
        if seen.insert(it.place.clone()) {
            it.title = "DRIEHOEKINTERN".into();
            it.public = false;
        }
    }
    let mut hidden = doc.intentions[0].clone();
    hidden.id = volgspot::model::Id("verborgen-voornemen".into());
    hidden.text = "VOORNEMENINTERN".into();
    hidden.owner = "Zwaantje Geheimnaam".into();
    hidden.public = false;
    doc.intentions.insert(1, hidden);
    app
}

fn assert_clean(t: &str, what: &str) {
    for s in SECRETS {
        assert!(!t.contains(s), "{what}: '{s}' is projected\n{t}");
    }
}

/// The room's window as it follows this facilitator: its own copy of the session, the
/// state the facilitator's window publishes.
fn room_view(app: &App, w: u16, h: u16) -> String {
    let s = app.session().unwrap();
    let mut room = demo_app(app.lang);
    room.view = View::Session(Box::new(SessionView::new(s.doc.clone(), s.path.clone())));
    RoomState::of(app, s).apply(&mut room);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| volgspot::ui::room::draw(f, &room, room.session().unwrap(), &Contact::Following))
        .unwrap();
    text(&term)
}

/// The facilitator's state now, seen in the room and, after F4, in presenter view.
fn check(app: &mut App, what: &str) {
    assert!(!app.show_names);
    for (w, h) in [(80, 24), (200, 60)] {
        assert_clean(&room_view(app, w, h), &format!("room {w}x{h}: {what}"));
    }
    let was = app.presenter;
    if !was {
        key(app, KeyCode::F(4));
    }
    assert!(app.presenter, "{what}: F4 did not open presenter view");
    for (w, h) in [(80, 24), (200, 60)] {
        assert_clean(&text(&render(app, w, h)), &format!("F4 {w}x{h}: {what}"));
    }
    // The popups once per group of states (the first, named "… 0"): they are the same
    // in every state of a screen.
    if !what.ends_with(" 0") {
        if !was {
            key(app, KeyCode::F(4));
        }
        return;
    }
    // The keys that work in presenter view (remote, help, look-ahead) change nothing.
    for k in [KeyCode::Char('?'), KeyCode::F(3), KeyCode::Char('b')] {
        key(app, k);
        assert_clean(
            &text(&render(app, 120, 40)),
            &format!("F4 then {k:?}: {what}"),
        );
        key(app, KeyCode::Esc);
        if app.blank {
            key(app, KeyCode::Char('b'));
        }
    }
    if !was {
        key(app, KeyCode::F(4));
    }
}

fn on(app: &mut App, screen: volgspot::app::Screen) {
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
}

/// Every screen × every state reachable with a few keys × (room, F4), names off.
#[test]
fn nothing_private_reaches_the_wall_on_any_screen_without_f8() {
    use volgspot::app::Screen;
    for lang in [Lang::Nl, Lang::En] {
        let mut app = secret_session(lang);
        // Sanity: the facilitator's own window does hold the secrets.
        on(&mut app, Screen::Interviews);
        key(&mut app, KeyCode::Enter);
        app.show_names = true;
        let own = text(&render(&app, 200, 60));
        assert!(own.contains("PRIVENOTITIE"), "{own}");
        assert!(own.contains("Zwaantje"), "{own}");
        app.show_names = false;
        key(&mut app, KeyCode::Esc);

        // Intake: every part, every row.
        on(&mut app, Screen::Intake);
        for part in 0..6 {
            for _ in 0..8 {
                check(&mut app, &format!("Intake part {part}"));
                key(&mut app, KeyCode::Down);
            }
            key(&mut app, KeyCode::F(2));
        }
        // Interviews: the list, each interview opened and every note selected, the
        // synthesis scrolled.
        on(&mut app, Screen::Interviews);
        for n in 0..2 {
            check(&mut app, &format!("Interviews list {n}"));
            key(&mut app, KeyCode::Enter);
            key(&mut app, KeyCode::Up);
            for k in 0..6 {
                check(&mut app, &format!("Interview {n} note {k}"));
                key(&mut app, KeyCode::Up);
            }
            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Char('s'));
        for k in 0..10 {
            check(&mut app, &format!("Synthesis {k}"));
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Esc);
        // Triangle: every corner and question, every item, both views.
        on(&mut app, Screen::Triangle);
        for place in 0..7 {
            for k in 0..5 {
                check(&mut app, &format!("Triangle place {place} item {k}"));
                key(&mut app, KeyCode::Down);
            }
            key(&mut app, KeyCode::Tab);
        }
        key(&mut app, KeyCode::Char('v'));
        check(&mut app, "Triangle drawn 0");
        // Wheel: every phase and activity, the intentions, the list view.
        on(&mut app, Screen::Wheel);
        for k in 0..26 {
            check(&mut app, &format!("Wheel row {k}"));
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Char('i'));
        for k in 0..4 {
            check(&mut app, &format!("Intention {k}"));
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('v'));
        check(&mut app, "Wheel list 0");
        // Samenvatting: the internal version on the facilitator's side, scrolled through.
        on(&mut app, Screen::Summary);
        for k in 0..20 {
            check(&mut app, &format!("Summary step {k}"));
            for _ in 0..20 {
                key(&mut app, KeyCode::Down);
            }
        }
        key(&mut app, KeyCode::Char('p'));
        check(&mut app, "Summary public 0");
        // Presenter view, walked with the remote's keys from the first screen.
        on(&mut app, Screen::Intake);
        key(&mut app, KeyCode::F(4));
        for n in 0..6 {
            check(&mut app, &format!("F4 PageDown {n}"));
            key(&mut app, KeyCode::PageDown);
        }
    }
}
