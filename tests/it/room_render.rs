//! The presenter view (F4) and the room's window render the publieksversie as the
//! previews do (issues 17/18): typed `*cursief*` in italics, `**vet**` bold, escapes
//! resolved, lists with bullets and a hanging indent; and the room follows the Rapport's
//! selected section as it follows the Samenvatting's.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use time::macros::datetime;
use volgspot::app::{App, SaveState, Screen, SessionView, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::Session;
use volgspot::ui::room::Contact;

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn on(app: &mut App, screen: Screen) {
    if let View::Session(s) = &mut app.view {
        s.screen = screen;
    }
}

fn room(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| volgspot::ui::room::draw(f, app, app.session().unwrap(), &Contact::Following))
        .unwrap();
    term
}

/// The first cell of `needle` on screen.
fn find(term: &Terminal<TestBackend>, needle: &str) -> (u16, u16) {
    let buf = term.backend().buffer();
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        for x in 0..row.len() {
            if row[x..]
                .iter()
                .take(needle.chars().count())
                .copied()
                .collect::<String>()
                == needle
            {
                return (x as u16, y);
            }
        }
    }
    panic!("'{needle}' not on screen:\n{}", text(term));
}

fn empty_app() -> App {
    let doc = Session::new("Pact", 1, datetime!(2017-07-05 10:00 UTC));
    let mut view = SessionView::new(doc, "p.volgspot.json".into());
    view.save = SaveState::Saved(datetime!(2017-07-05 12:00 UTC));
    App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        View::Session(Box::new(view)),
        datetime!(2017-07-05 12:00 UTC),
    )
}

/// The same typed markup reads the same in the room and in F4 as in the preview: italics,
/// bold, a typed star and backslashes as typed, never the Markdown's own marks.
#[test]
fn the_room_and_f4_render_typed_markup_as_the_preview_does() {
    let mut app = empty_app();
    on(&mut app, Screen::Report);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste(
        "Eerst *cursief* dan **vet**, 5 \\* 3 en \\niet\\ rauw.".into(),
    ));
    press(&mut app, KeyCode::Esc);
    let mut f4 = empty_app();
    std::mem::swap(&mut f4, &mut app);
    let mut terms = Vec::new();
    for (w, h) in [(80, 24), (240, 63)] {
        terms.push(room(&f4, w, h));
    }
    // The sentence as the Rapport's preview shows it.
    let preview = text(&render(&f4, 200, 50));
    let at = preview.find("Eerst cursief").expect(&preview);
    let end = at + preview[at..].find("rauw.").expect(&preview) + "rauw.".len();
    let sentence = preview[at..end].to_string();
    assert!(sentence.contains("\\niet\\ rauw."), "{sentence}");
    press(&mut f4, KeyCode::F(4));
    assert!(f4.presenter);
    for (w, h) in [(80, 24), (240, 63)] {
        terms.push(render(&f4, w, h));
    }
    for term in &terms {
        let t = text(term);
        assert!(!t.contains("*cursief*") && !t.contains("**vet**"), "{t}");
        // Typed backslashes and stars as the preview reads them.
        assert!(t.contains(&sentence), "{sentence}\n{t}");
        let buf = term.backend().buffer();
        let at = find(term, "cursief");
        assert!(buf[at].modifier.contains(Modifier::ITALIC), "{:?}", buf[at]);
        let at = find(term, "vet,");
        assert!(buf[at].modifier.contains(Modifier::BOLD), "{:?}", buf[at]);
        assert!(!buf[(at.0 + 3, at.1)].modifier.contains(Modifier::BOLD));
        let at = find(term, "dan");
        assert!(!buf[at].modifier.contains(Modifier::ITALIC | Modifier::BOLD));
    }
}

/// A list reads with its bullets and a hanging indent in the room, as in the preview:
/// no `- ` of the Markdown, and nothing that says what the publieksversie leaves out.
#[test]
fn the_room_shows_lists_with_bullets_and_no_facilitator_notes() {
    let mut app = demo_app(Lang::Nl);
    on(&mut app, Screen::Report);
    for (w, h) in [(80, 24), (240, 63)] {
        let t = text(&room(&app, w, h));
        assert!(t.contains("  • "), "{t}");
        assert!(!t.lines().any(|l| l.trim_start().starts_with("- ")), "{t}");
        assert!(!t.contains('⊘'), "{t}");
        // A wrapped item goes on under its text, not under its bullet.
        let lines: Vec<&str> = t.lines().collect();
        let i = lines.iter().position(|l| l.starts_with("  • ")).unwrap();
        if w == 80 && !lines[i + 1].trim().is_empty() && !lines[i + 1].contains('•') {
            assert!(lines[i + 1].starts_with("    "), "{t}");
        }
    }
}

/// The heading of the Rapport's `n`th attention area in the publieksversie.
fn area_heading(app: &App, n: usize) -> String {
    let s = app.session().unwrap();
    let md = s
        .summary
        .public_preview(s, &app.method, app.lang, app.t, app.show_names);
    let at = md.find(&format!("\n## {n}. ")).unwrap();
    volgspot::ui::markdown::heading_text(md[at + 1..].lines().next().unwrap())
}

/// On the Rapport, Tab to another section: the room and F4 go there too, also through
/// the state file the room's window reads.
#[test]
fn the_room_follows_the_rapports_section() {
    let mut app = demo_app(Lang::Nl);
    on(&mut app, Screen::Report);
    let first = area_heading(&app, 1);
    let third = area_heading(&app, 3);
    let t = text(&room(&app, 80, 24));
    assert!(!t.contains(&third), "{t}");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.session().unwrap().compose.section, 3);
    let t = text(&room(&app, 80, 24));
    assert!(t.contains(&third) && !t.contains(&first), "{t}");
    // The room's window: its own app, told by the state file.
    let state = volgspot::room::RoomState::of(&app, app.session().unwrap());
    let mut zaal = demo_app(Lang::Nl);
    state.apply(&mut zaal);
    for (w, h) in [(80, 24), (240, 63)] {
        let t = text(&room(&zaal, w, h));
        assert!(t.contains(&third) || w == 240, "{t}");
        assert!(!t.contains(&first), "{t}");
    }
    // F4 in the facilitator's window.
    press(&mut app, KeyCode::F(4));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains(&third) && !t.contains(&first), "{t}");
}

/// Help (`?`) lists the blank keys where they work: on a screen outside a text field,
/// and in presenter view, once.
#[test]
fn help_lists_the_blank_keys() {
    let mut app = demo_app(Lang::Nl);
    on(&mut app, Screen::Summary);
    press(&mut app, KeyCode::Char('?'));
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("zaalscherm zwart / terug"), "{t}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(4));
    press(&mut app, KeyCode::Char('?'));
    let t = text(&render(&app, 120, 40));
    assert_eq!(t.matches("zaalscherm zwart / terug").count(), 1, "{t}");
}
