//! At 80×24 (issue 18): what used to be cut or run together is read whole. The
//! Interviews presenter headers break over two lines instead of being cut; the wheel's
//! labels keep a blank row above the footer; the wheel's intentions line keeps its key
//! on the line; a long deleted text gives way to the way back (U); the interview's
//! footer names the way back (Esc).

use crate::common;
use common::ui::key;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;

fn on(screen: Screen, lang: Lang) -> App {
    let mut app = demo_app(lang);
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
    app
}

#[test]
fn presenter_interview_headers_break_instead_of_being_cut() {
    for (lang, parts) in [
        (
            Lang::Nl,
            &[
                "succes-",
                "factor",
                "belem-",
                "mering",
                "citaat",
                "verbeter-",
                "idee",
                "obser-",
                "vatie",
            ][..],
        ),
        (
            Lang::En,
            &[
                "success",
                "factor",
                "obstacle",
                "quote",
                "improve-",
                "ment idea",
                "obser-",
                "vation",
            ][..],
        ),
    ] {
        let mut app = on(Screen::Interviews, lang);
        app.presenter = true;
        let t = text(&render(&app, 80, 24));
        for p in parts {
            assert!(t.contains(p), "{lang:?} '{p}'\n{t}");
        }
        assert!(!t.contains("succesfac "), "{t}");
        insta::assert_snapshot!(format!("presenter_interviews_{lang:?}_80x24"), t);
    }
}

#[test]
fn the_wheel_labels_keep_a_blank_row_before_the_footer() {
    for lang in [Lang::Nl, Lang::En] {
        let mut app = on(Screen::Wheel, lang);
        app.presenter = true;
        let t = text(&render(&app, 80, 24));
        let lines: Vec<&str> = t.lines().collect();
        let footer = lines
            .iter()
            .rposition(|l| l.contains("F4 "))
            .unwrap_or_else(|| panic!("no footer\n{t}"));
        assert!(lines[footer - 1].trim().is_empty(), "{lang:?}\n{t}");
        insta::assert_snapshot!(format!("presenter_wheel_{lang:?}_80x24"), t);
        // The normal view: a blank row between the drawing and the placement lines.
        app.presenter = false;
        let t = text(&render(&app, 80, 24));
        let lines: Vec<&str> = t.lines().collect();
        let now = lines
            .iter()
            .position(|l| l.contains("Fase nu") || l.contains("Phase now"))
            .unwrap();
        assert!(lines[now - 1].trim().is_empty(), "{lang:?}\n{t}");
    }
}

#[test]
fn the_wheels_intentions_line_keeps_its_key_on_one_line() {
    let app = on(Screen::Wheel, Lang::Nl);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("I voornemens: 2 (1 zonder kartrekker)"), "{t}");
    insta::assert_snapshot!("wheel_nl_80x24", t);
    let app = on(Screen::Wheel, Lang::En);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("I intentions: 2 (1 without an owner)"), "{t}");
}

#[test]
fn a_long_deleted_text_gives_way_to_the_way_back() {
    // An intention with a long text, deleted on the intentions panel.
    let mut app = on(Screen::Wheel, Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.doc.intentions[0].text = "een gezamenlijke leerlijn zorg en technologie uitgewerkt \
            met alle partners uit zorg, welzijn, onderwijs en de drie gemeenten samen"
            .into();
    }
    key(&mut app, KeyCode::Char('i'));
    key(&mut app, KeyCode::Delete);
    let t = text(&render(&app, 80, 24));
    let line = t
        .lines()
        .find(|l| l.contains("Verwijderd:"))
        .unwrap_or_else(|| panic!("{t}"));
    assert!(line.trim_end().ends_with("Ctrl-Z zet het terug"), "{t}");
    insta::assert_snapshot!("wheel_deleted_intention_80x24", t);
    // An interview of someone with a long role and organisation, deleted from the list.
    let mut app = on(Screen::Interviews, Lang::Nl);
    if let View::Session(s) = &mut app.view {
        let iv = Arc::make_mut(&mut s.doc.interviews[0]);
        iv.role = "programmamanager arbeidsmarkt en opleidingen".into();
        iv.organisation = "Werkgeversvereniging Zorg en Welzijn Rivierenland".into();
    }
    key(&mut app, KeyCode::Delete);
    key(&mut app, KeyCode::Char('j'));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Ctrl-Z zet het terug."), "{t}");
    insta::assert_snapshot!("interview_deleted_80x24", t);
}

#[test]
fn an_opened_interview_names_the_way_back_at_80_columns() {
    for (lang, back) in [(Lang::Nl, "Esc terug"), (Lang::En, "Esc back")] {
        let mut app = on(Screen::Interviews, lang);
        // Opened: typing a new note; the way to the notes and the way back both show.
        key(&mut app, KeyCode::Enter);
        let t = text(&render(&app, 80, 24));
        let footer = t.lines().last().unwrap().to_string();
        for want in [back, "↑ ", "F2 ", "Ctrl-Q"] {
            assert!(footer.contains(want), "{lang:?} '{want}': {footer}");
        }
        insta::assert_snapshot!(format!("interview_capture_{lang:?}_80x24"), t);
        // On the notes.
        key(&mut app, KeyCode::Up);
        let t = text(&render(&app, 80, 24));
        let footer = t.lines().last().unwrap();
        for want in [back, "N ", "Ctrl-Q"] {
            assert!(footer.contains(want), "{lang:?} '{want}': {footer}");
        }
    }
}
