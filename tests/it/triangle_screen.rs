//! The Analyse-driehoek screen as the room sees it: editing view, drawn view and the
//! analysekader table at 80×24, 120×40 and 200×60, plus what a facilitator notices.

use crate::common;
use common::ui::key;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::triangle::View as TriView;
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn on_triangle(lang: Lang) -> App {
    let mut app = demo_app(lang);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Triangle;
    }
    app
}

fn set_view(app: &mut App, v: TriView) {
    if let View::Session(s) = &mut app.view {
        s.triangle.view = v;
    }
}

#[test]
fn snapshots_of_the_three_views_at_three_sizes() {
    for (v, name) in [
        (TriView::Edit, "edit"),
        (TriView::Drawn, "drawn"),
        (TriView::Kader, "kader"),
    ] {
        let mut app = on_triangle(Lang::Nl);
        set_view(&mut app, v);
        for (w, h) in SIZES {
            let term = render(&app, w, h);
            insta::assert_snapshot!(format!("triangle_{name}_nl_{w}x{h}"), term.backend());
        }
    }
}

#[test]
fn the_drawn_view_shows_each_corner_its_top_item_and_the_questions() {
    let mut app = on_triangle(Lang::Nl);
    set_view(&mut app, TriView::Drawn);
    for (w, h) in SIZES {
        let t = text(&render(&app, w, h));
        for needle in [
            "Vraagstukken / Ambities / Doelen",
            "Projecten en activiteiten",
            "Beoogde resultaten",
            "6● Voldoende zorgprofessionals",
            "5● Leerwerkplekken",
            "5● 20% meer",
            "Welke succes- en",
        ] {
            assert!(t.contains(needle), "{w}x{h}: '{needle}' missing:\n{t}");
        }
        // The triangle itself is drawn (Braille dots).
        assert!(
            t.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
            "{t}"
        );
    }
    // At 80×24 not every item fits: it says so.
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("meer"), "{t}");
}

#[test]
fn english_is_complete_in_every_view() {
    let mut app = on_triangle(Lang::En);
    for v in [TriView::Edit, TriView::Drawn, TriView::Kader] {
        set_view(&mut app, v);
        let t = text(&render(&app, 120, 40));
        assert!(t.contains("Drawing") && t.contains("Analysis frame"), "{t}");
    }
    set_view(&mut app, TriView::Drawn);
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("Projects and activities"), "{t}");
}

#[test]
fn evidence_shows_role_and_organisation_never_the_name() {
    let mut app = on_triangle(Lang::Nl);
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("1 uit interviews"), "{t}");
    key(&mut app, KeyCode::Char('n'));
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("bestuurlijk trekker, Zorggroep De Linde"), "{t}");
    assert!(!t.contains("Marieke"), "{t}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('e'));
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("[x] bestuurlijk trekker"), "{t}");
    assert!(!t.contains("Jeroen") && !t.contains("Marieke"), "{t}");
}

#[test]
fn the_kader_table_suggests_from_the_triangle_and_takes_it_with_o() {
    let mut app = on_triangle(Lang::Nl);
    set_view(&mut app, TriView::Kader);
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("Wat is de strategie?"), "{t}");
    assert!(t.contains("Voorstel uit de driehoek"), "{t}");
    key(&mut app, KeyCode::Down); // beoogd resultaat: empty, suggested from resultaten
    key(&mut app, KeyCode::Char('o'));
    if let View::Session(s) = &app.view {
        assert!(s.doc.triangle.kader["resultaat"].starts_with("20% meer studenten"));
    }
    // Enter on an empty row starts from the proposal; what is typed is kept.
    key(&mut app, KeyCode::Down); // strategie
    key(&mut app, KeyCode::Enter);
    for c in " in 2027".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("Antwoord") && t.contains("jaarplan in 2027"),
        "{t}"
    );
    key(&mut app, KeyCode::Esc);
    if let View::Session(s) = &app.view {
        assert_eq!(
            s.doc.triangle.kader["strategie"],
            "Per ambitie één kartrekker en een jaarplan in 2027"
        );
    }
    // And undo takes the whole edit back.
    key(&mut app, KeyCode::Char('u'));
    if let View::Session(s) = &app.view {
        assert!(!s.doc.triangle.kader.contains_key("strategie"));
    }
}

#[test]
fn help_fits_every_key_at_80x24() {
    let mut app = on_triangle(Lang::Nl);
    key(&mut app, KeyCode::Char('?'));
    let t = text(&render(&app, 80, 24));
    for needle in [
        "nieuw item",
        "notities lezen",
        "item schuiven",
        "Ctrl-Q",
        "Esc sluit",
    ] {
        assert!(t.contains(needle), "'{needle}' missing:\n{t}");
    }
    assert!(!t.contains("… +"), "{t}");
}

#[test]
fn typing_a_new_item_an_own_focus_area_and_moving_it() {
    let mut app = on_triangle(Lang::Nl);
    key(&mut app, KeyCode::Tab); // the projects corner
    key(&mut app, KeyCode::Char('a'));
    for c in "Nieuwe praktijkroute".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("Nieuw item in «Projecten en activiteiten»"),
        "{t}"
    );
    assert!(t.contains("• Nieuwe praktijkroute"), "{t}");
    key(&mut app, KeyCode::Enter);
    // A focus area of the region's own: added in the app and tagged at once.
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('n'));
    for c in "Wijkzorg".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("[x] Wijkzorg (eigen)"), "{t}");
    key(&mut app, KeyCode::Esc);
    // Projects get an innovation kind and an owner.
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Char('k'));
    for c in "ROC".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 120, 40));
    assert!(
        t.contains("Focus: Wijkzorg · Innovatie: technologisch · Trekker: ROC"),
        "{t}"
    );
    // Move it to the results corner with the picker.
    key(&mut app, KeyCode::Char('m'));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("2 Projecten en activiteiten (hier nu)"), "{t}");
    key(&mut app, KeyCode::Char('3'));
    if let View::Session(s) = &app.view {
        let it = s.doc.triangle.items.last().unwrap();
        assert_eq!(
            (it.place.as_str(), it.title.as_str()),
            ("resultaten", "Nieuwe praktijkroute")
        );
        assert_eq!(
            s.doc.triangle.own_focus_areas,
            ["Wijkgericht werken", "Wijkzorg"]
        );
    }
}

/// The titles in the focused place, in their arrangement.
fn titles_here(app: &App) -> Vec<String> {
    let s = app.session().unwrap();
    let place = s.triangle.place_id(&app.method).unwrap();
    s.doc
        .triangle
        .items
        .iter()
        .filter(|i| i.place == place)
        .map(|i| i.title.clone())
        .collect()
}

/// The triangle has no undo of its own any more: the app-wide one takes back an add with
/// its title as one step, a delete, and redoes.
#[test]
fn add_type_enter_then_delete_and_undo_brings_it_back() {
    let mut app = on_triangle(Lang::Nl);
    let before = titles_here(&app);
    key(&mut app, KeyCode::Char('a'));
    assert!(app.session().unwrap().typing());
    for c in "Meer stages".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    // Every letter is in the session already (autosave).
    assert!(titles_here(&app).contains(&"Meer stages".to_string()));
    key(&mut app, KeyCode::Enter);
    assert!(!app.session().unwrap().typing());
    key(&mut app, KeyCode::Delete);
    assert_eq!(titles_here(&app), before);
    key(&mut app, KeyCode::Char('u'));
    assert!(titles_here(&app).contains(&"Meer stages".to_string()));
    let s = text(&render(&app, 100, 30));
    assert!(s.contains("Ongedaan: ‘Meer stages’ verwijderd uit"), "{s}");
    // Undo once more takes back the add itself; redo restores it.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(titles_here(&app), before);
    app.handle_key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL));
    assert!(titles_here(&app).contains(&"Meer stages".to_string()));
}

#[test]
fn move_to_another_corner_with_the_picker_and_undo() {
    let mut app = on_triangle(Lang::Nl);
    let before = titles_here(&app);
    key(&mut app, KeyCode::Char('m'));
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(titles_here(&app).len() + 1, before.len());
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(titles_here(&app), before);
}

fn first_item_public(app: &App) -> bool {
    let s = app.session().unwrap();
    let i = s.triangle.selected_index(&s.doc, &app.method).unwrap();
    s.doc.triangle.items[i].public
}

#[test]
fn o_makes_an_item_public_shown_in_the_strip_and_undoable() {
    let mut app = on_triangle(Lang::Nl);
    let was = first_item_public(&app);
    // The strip's facts line starts with it: "openbaar · …" or "niet openbaar · …".
    let strip_says = |app: &App, public: bool| {
        let t = text(&render(app, 80, 24));
        let want = if public {
            "openbaar ·"
        } else {
            "niet openbaar ·"
        };
        assert!(
            t.lines().any(|l| l.trim_start().starts_with(want)),
            "{want}:\n{t}"
        );
    };
    strip_says(&app, was);
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(first_item_public(&app), !was);
    strip_says(&app, !was);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(first_item_public(&app), was);
    // And the key is in help.
    key(&mut app, KeyCode::Char('?'));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("openbaar aan/uit"), "{t}");
    // The English strip says it too.
    let app = on_triangle(Lang::En);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("public"), "{t}");
}

#[test]
fn at_80x24_every_box_shows_its_items_and_messages_are_whole() {
    let mut app = on_triangle(Lang::Nl);
    let t = text(&render(&app, 80, 24));
    // The demo has 4 + 3 + 3 items in the corners and 1 + 2 + 1 at the questions: all
    // show, nothing is left over as "+N meer".
    for needle in [
        "6● Voldoende",
        "4● Zorgtechnologie",
        "3● Leven lang leren",
        "2● Gemeenten als",
        "5● Leerwerkplekken",
        "4● Leerlijn zorg",
        "2● Scholingsfonds",
        "5● 20% meer",
        "3● Elke zorgopleiding",
        "1● Een gedeelde",
        "3● Per ambitie",
        "2● Succes: korte",
        "4● Faalfactor",
        "2● De eerste projecten",
    ] {
        assert!(t.contains(needle), "'{needle}' missing:\n{t}");
    }
    assert!((1..9).all(|n| !t.contains(&format!("+{n} meer"))), "{t}");
    // A refusal is read whole, not cut off after the view names.
    key(&mut app, KeyCode::Char('i')); // innovation on an ambition: refused
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Alleen bij items in de projectenhoek."), "{t}");
    let app_en = {
        let mut a = on_triangle(Lang::En);
        key(&mut a, KeyCode::Char('k'));
        a
    };
    let t = text(&render(&app_en, 80, 24));
    assert!(t.contains("Only for items in the projects corner."), "{t}");
}

/// A box with far more items than rows (a large session): the selected item stays in view
/// as the selection moves down, with "↑ N hoger" above and "+N meer" below, at 80×24 and
/// 200×60; items a screen away are not drawn.
#[test]
fn a_long_box_scrolls_with_the_selection() {
    let mut app = on_triangle(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        let place = volgspot::app::triangle::places(&app.method)[0].id.clone();
        s.doc.triangle.items.retain(|i| i.place != place);
        for n in 1..=80 {
            s.doc.triangle.items.push(volgspot::model::TriangleItem {
                id: volgspot::model::Id::new(),
                place: place.clone(),
                title: format!("Punt {n:02} van een lange lijst"),
                ..Default::default()
            });
        }
        s.triangle.place = 0;
        s.triangle.selected = 0;
    }
    for (w, h) in [(80, 24), (200, 60)] {
        let t = text(&render(&app, w, h));
        assert!(t.contains("Punt 01"), "{t}");
        assert!(!t.contains("Punt 80"), "{t}");
        assert!(t.contains("meer"), "{t}");
    }
    for _ in 0..59 {
        key(&mut app, KeyCode::Down);
    }
    for (w, h) in [(80, 24), (200, 60)] {
        let t = text(&render(&app, w, h));
        assert!(
            t.contains("Punt 60"),
            "selected item not in view at {w}×{h}:\n{t}"
        );
        assert!(
            t.contains("Punt 59"),
            "the item above it not in view at {w}×{h}:\n{t}"
        );
        assert!(t.contains("hoger"), "{t}");
        assert!(t.contains("meer"), "{t}");
        assert!(!t.contains("Punt 01"), "{t}");
    }
    // A big screen fills the box with the items before the selected one.
    let t = text(&render(&app, 200, 60));
    for n in 41..=60 {
        assert!(
            t.contains(&format!("Punt {n} van een lange lijst")),
            "{n}:\n{t}"
        );
    }
}

/// One vote is "1 stem", not "1 stemmen".
#[test]
fn one_vote_is_singular() {
    let mut app = on_triangle(Lang::Nl);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("1 stem Een gedeelde arbeidsmarktmonitor"), "{t}");
    assert!(!t.contains("1 stemmen"), "{t}");
}

#[test]
fn the_evidence_picker_searches_and_ticks_the_note_found() {
    let mut app = on_triangle(Lang::Nl);
    key(&mut app, KeyCode::Char('e'));
    let item = |app: &App| {
        let s = app.session().unwrap();
        let i = s.triangle.selected_index(&s.doc, &app.method).unwrap();
        s.doc.triangle.items[i].evidence.clone()
    };
    let before = item(&app);
    // The note to find: one not yet ticked, by a word of its own.
    let rows = volgspot::app::triangle::evidence_rows(&app.session().unwrap().doc);
    let word = rows
        .iter()
        .flat_map(|r| r.split(": ").nth(1).unwrap_or("").split(' '))
        .find(|w| w.len() > 7 && rows.iter().filter(|r| r.contains(*w)).count() == 1)
        .expect("a word in one note only")
        .to_string();
    key(&mut app, KeyCode::Char('/'));
    for c in word.chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let t = text(&render(&app, 120, 40));
    assert!(t.contains(&format!("Zoeken: {word}")), "{t}");
    let shown: Vec<&str> = t
        .lines()
        .filter(|l| l.contains("[ ]") || l.contains("[x]"))
        .collect();
    assert_eq!(shown.len(), 1, "only the note with '{word}': {t}");
    let was_ticked = shown[0].contains("[x]");
    key(&mut app, KeyCode::Enter);
    let now = item(&app);
    assert_eq!(
        now.len() + usize::from(was_ticked) * 2,
        before.len() + 1,
        "toggled"
    );
    let t = text(&render(&app, 120, 40));
    let mark = if was_ticked { "[ ]" } else { "[x]" };
    assert!(t.contains(&format!("{mark} ")), "{t}");
    // Esc ends the search, a second Esc closes the picker.
    key(&mut app, KeyCode::Esc);
    let t = text(&render(&app, 120, 40));
    assert!(!t.contains("Zoeken:"), "{t}");
    key(&mut app, KeyCode::Esc);
    let t = text(&render(&app, 120, 40));
    assert!(!t.contains("[x]") && !t.contains("[ ]"), "{t}");
}
