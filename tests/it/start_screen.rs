//! The start screen as a facilitator with many pacts uses it: sessions grouped by pact
//! (newest pact first, its rounds under it), a search typed straight away, file names
//! on request, and the portfolio (Overzicht) of all pacts as a view with an export.

use crate::common;

use common::ui::{render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use time::macros::datetime;
use volgspot::app::start::{PortfolioView, StartEntry, StartState};
use volgspot::app::{App, Effect, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::store::folder::Header;

const DIR: &str = "/srv/volgspot/sessies";

fn entry(pact: &str, round: u8, date: &str, place: &str, saved_day: u8) -> StartEntry {
    let file = format!(
        "{}-ronde{round}-{date}.volgspot.json",
        volgspot::store::paths::slug(pact)
    );
    StartEntry {
        path: Path::new(DIR).join(file),
        summary: Ok(Header {
            id: format!("{pact}-{round}"),
            pact_name: pact.into(),
            round,
            session_date: date.into(),
            place: place.into(),
            updated: datetime!(2026-03-01 09:30 UTC) + time::Duration::days(saved_day.into()),
        }),
        recovery: None,
    }
}

fn folder() -> Vec<StartEntry> {
    vec![
        entry("Zorgpact Rivierenland", 1, "2025-03-12", "Tiel", 1),
        entry("Zorgpact Rivierenland", 2, "2025-10-08", "Tiel", 40),
        entry("Zorgpact Rivierenland", 3, "2026-03-11", "Culemborg", 200),
        entry("Zorgpact IJsselland", 1, "2025-04-02", "Zwolle", 3),
        entry("Zorgpact IJsselland", 2, "2025-11-19", "Kampen", 250),
        entry("Zorgpact Twente", 1, "2026-02-05", "Enschede", 100),
    ]
}

fn app_with(st: StartState) -> App {
    App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        View::Start(st),
        datetime!(2026-11-26 14:05:00 +1),
    )
}

fn start_app() -> App {
    app_with(StartState::new(PathBuf::from(DIR), folder()))
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    app.handle_key(KeyEvent::new(code, mods))
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

#[test]
fn sessions_are_grouped_by_pact_newest_pact_first_rounds_newest_first() {
    let app = start_app();
    for (w, h) in [(80, 24), (120, 40)] {
        let t = text(&render(&app, w, h));
        insta::assert_snapshot!(format!("grouped_{w}x{h}"), t);
        // IJsselland was saved last: its heading comes first, round 2 above round 1.
        let ijssel = t.find("Zorgpact IJsselland · 2 sessies").unwrap();
        let rivier = t.find("Zorgpact Rivierenland · 3 sessies").unwrap();
        let twente = t.find("Zorgpact Twente · 1 sessie").unwrap();
        assert!(ijssel < rivier && rivier < twente, "{t}");
        let r3 = t.find("Culemborg").unwrap();
        let r1 = t.find("2025-03-12").unwrap();
        assert!(rivier < r3 && r3 < r1, "{t}");
        assert!(
            t.contains("Typ om te zoeken op pact, plaats of datum"),
            "{t}"
        );
    }
}

#[test]
fn the_start_screen_in_english() {
    let mut app = start_app();
    app.lang = Lang::En;
    app.t = Lang::En.strings();
    let t = text(&render(&app, 80, 24));
    insta::assert_snapshot!("grouped_en_80x24", t);
    assert!(t.contains("Zorgpact Rivierenland · 3 sessions"), "{t}");
    assert!(t.contains("Type to search by pact, place or date"), "{t}");
    assert!(t.contains("Ctrl-F files"), "{t}");
}

#[test]
fn typing_searches_shows_what_is_searched_and_enter_opens_the_first_match() {
    let mut app = start_app();
    typed(&mut app, "tiel");
    for (w, h) in [(80, 24), (120, 40)] {
        let t = text(&render(&app, w, h));
        insta::assert_snapshot!(format!("search_{w}x{h}"), t);
        assert!(
            t.contains("Zoeken: tiel▏  2 van 6 sessies · Esc wist"),
            "{t}"
        );
        assert!(!t.contains("IJsselland") && !t.contains("Culemborg"), "{t}");
    }
    // The first match (round 2 of Rivierenland) is selected: Enter opens it.
    let effects = key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(
        effects,
        vec![Effect::Open(Path::new(DIR).join(
            "zorgpact-rivierenland-ronde2-2025-10-08.volgspot.json"
        ))]
    );
    // A date narrows it further; nothing found says so; Esc clears.
    typed(&mut app, " 2025-03");
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("1 van 6 sessies"), "{t}");
    typed(&mut app, "x");
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Geen sessie gevonden voor deze zoekterm"), "{t}");
    assert!(
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE) == vec![Effect::Create],
        "nothing found: Enter is on '+ Nieuwe sessie', which is shown selected"
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Typ om te zoeken"), "{t}");
    assert!(t.contains("Zorgpact Twente"), "{t}");
}

#[test]
fn file_names_on_request_and_the_key_is_in_the_footer() {
    let mut app = start_app();
    let t = text(&render(&app, 120, 40));
    assert!(!t.contains("ronde1-2025-03-12.volgspot.json"), "{t}");
    assert!(t.contains("Ctrl-F bestanden"), "{t}");
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    let t = text(&render(&app, 120, 40));
    insta::assert_snapshot!("files_120x40", t);
    assert!(
        t.contains("zorgpact-rivierenland-ronde1-2025-03-12.volgspot.json"),
        "{t}"
    );
    assert!(t.contains("Bestand"), "{t}");
    // At 80 columns the file names get the room of the last save, and fit whole.
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("zorgpact-rivierenland-ronde1-2025-03-12.volgspot.json"),
        "{t}"
    );
    // The search does not take the command key as a letter.
    let View::Start(st) = &app.view else { panic!() };
    assert_eq!(st.query, "");
}

#[test]
fn remote_keys_on_the_start_screen_neither_quit_nor_open() {
    let mut app = start_app();
    for code in [
        KeyCode::PageDown,
        KeyCode::F(5),
        KeyCode::Esc,
        KeyCode::PageUp,
    ] {
        assert_eq!(key(&mut app, code, KeyModifiers::NONE), Vec::new());
        assert_eq!(key(&mut app, code, KeyModifiers::SHIFT), Vec::new());
    }
    for c in ['.', 'b'] {
        assert_eq!(
            key(&mut app, KeyCode::Char(c), KeyModifiers::NONE),
            Vec::new()
        );
    }
    assert!(!app.should_quit);
    assert!(app.overlay.is_none());
}

/// A clicked row under a heading is the one selected (headings are not rows to open).
#[test]
fn a_click_selects_the_clicked_session() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = start_app();
    let t = text(&render(&app, 120, 40));
    let y = t.lines().position(|l| l.contains("Culemborg")).unwrap() as u16;
    app.handle_event(ratatui::crossterm::event::Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    let View::Start(st) = &app.view else { panic!() };
    assert_eq!(
        st.selected_entry().unwrap().path.file_name().unwrap(),
        "zorgpact-rivierenland-ronde3-2026-03-11.volgspot.json"
    );
}

fn portfolio_app() -> (App, Vec<String>) {
    let generated = volgspot::bench_data::portfolio(4, 3, 42);
    let interviewees: Vec<String> = generated
        .iter()
        .flat_map(|(_, s)| s.interviews.iter().map(|iv| iv.interviewee.clone()))
        .filter(|n| !n.trim().is_empty())
        .collect();
    let sessions: Vec<(PathBuf, volgspot::model::Session)> = generated
        .into_iter()
        .map(|(name, s)| (Path::new(DIR).join(name), s))
        .collect();
    let data = volgspot::export::portfolio::build(
        &sessions,
        Vec::new(),
        &Method::builtin(Lang::Nl),
        Lang::Nl,
    );
    let mut st = StartState::new(PathBuf::from(DIR), folder());
    st.portfolio = Some(Box::new(PortfolioView::new(data)));
    (app_with(st), interviewees)
}

#[test]
fn the_portfolio_view_shows_pacts_rounds_phases_and_counts_without_names() {
    let (mut app, interviewees) = portfolio_app();
    assert!(!interviewees.is_empty());
    for (w, h) in [(80, 24), (120, 40)] {
        let t = text(&render(&app, w, h));
        insta::assert_snapshot!(format!("portfolio_{w}x{h}"), t);
        assert!(t.contains("Overzicht van de pacten · 4 pacten"), "{t}");
        assert!(t.contains("Zorgpact Regio 01"), "{t}");
        assert!(t.contains("E exporteren"), "{t}");
    }
    // Scrolled through to the end: counts and themes, never a name.
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&text(&render(&app, 120, 40)));
        key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    }
    assert!(
        seen.contains("Aantal pacten per fase per periode"),
        "{seen}"
    );
    assert!(seen.contains("Totaal"), "{seen}");
    assert!(seen.contains("Belemmeringen en succesfactoren"), "{seen}");
    // Scrolled to the end, one step up shows one line more at the top at once.
    let end = text(&render(&app, 120, 40));
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    assert_ne!(
        text(&render(&app, 120, 40)),
        end,
        "Up did nothing after the end"
    );
    for n in &interviewees {
        assert!(!seen.contains(n.as_str()), "{n} appears");
    }
    // A remote's keys: nothing but scrolling (and Esc, back to the list).
    for code in [
        KeyCode::F(5),
        KeyCode::Char('b'),
        KeyCode::Char('.'),
        KeyCode::PageUp,
    ] {
        assert_eq!(key(&mut app, code, KeyModifiers::NONE), Vec::new());
    }
    assert!(!app.should_quit && app.overlay.is_none());
    // Esc goes back to the list, E asks the runtime to write.
    assert_eq!(
        key(&mut app, KeyCode::Char('e'), KeyModifiers::NONE),
        vec![Effect::ExportPortfolio]
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Volgspot — kies een sessie"), "{t}");
}

/// Ctrl-O on a real folder: read, shown; E writes md, html and csv in the folder and
/// says where; none of them names an interviewee.
#[test]
fn the_portfolio_opens_from_the_folder_and_exports_where_it_says() {
    let dir = tempfile::tempdir().unwrap();
    for (name, s) in volgspot::bench_data::portfolio(3, 2, 7) {
        volgspot::store::write_new(&dir.path().join(name), &s).unwrap();
    }
    let mut app = App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        volgspot::tui::start_view(dir.path()),
        datetime!(2026-11-26 14:05:00 +1),
    );
    let mut rt = volgspot::tui::Runtime::new(dir.path().to_path_buf());
    let effects = key(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(effects, vec![Effect::OpenPortfolio]);
    volgspot::tui::apply(&mut app, &mut rt, Effect::OpenPortfolio);
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("Overzicht van de pacten · 3 pacten"), "{t}");
    for e in key(&mut app, KeyCode::Char('e'), KeyModifiers::NONE) {
        volgspot::tui::apply(&mut app, &mut rt, e);
    }
    let t = text(&render(&app, 200, 40));
    assert!(
        t.contains(&format!(
            "Overzicht geschreven in {}: overzicht.md, overzicht.html, overzicht.csv",
            dir.path().display()
        )),
        "{t}"
    );
    for ext in ["md", "html", "csv"] {
        let p = dir.path().join(format!("overzicht.{ext}"));
        let body = std::fs::read_to_string(&p).unwrap();
        assert!(!body.contains("Geïnterviewde"), "{ext}: {body}");
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// An empty folder: Ctrl-O says there is nothing to overview (no empty view).
#[test]
fn the_portfolio_of_an_empty_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        volgspot::tui::start_view(dir.path()),
        datetime!(2026-11-26 14:05:00 +1),
    );
    let mut rt = volgspot::tui::Runtime::new(dir.path().to_path_buf());
    volgspot::tui::apply(&mut app, &mut rt, Effect::OpenPortfolio);
    let t = text(&render(&app, 100, 30));
    assert!(t.contains("er is nog niets te overzien"), "{t}");
}

/// A folder of many sessions: paging down keeps the selected session on screen, and
/// it is the one Enter opens.
#[test]
fn paging_through_many_sessions_keeps_the_selection_in_view() {
    let entries: Vec<StartEntry> = (0..60)
        .map(|i| {
            entry(
                &format!("Zorgpact {i:02}"),
                1,
                "2025-03-12",
                "Tiel",
                i as u8,
            )
        })
        .collect();
    let mut app = app_with(StartState::new(PathBuf::from(DIR), entries));
    for _ in 0..5 {
        key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    }
    let t = text(&render(&app, 80, 24));
    let line = t
        .lines()
        .find(|l| l.starts_with(" ▶   ronde 1"))
        .unwrap_or_else(|| panic!("no selected session on screen:\n{t}"));
    assert!(line.contains("2025-03-12"), "{t}");
    let View::Start(st) = &app.view else { panic!() };
    let name = st
        .selected_entry()
        .unwrap()
        .summary
        .as_ref()
        .unwrap()
        .pact_name
        .clone();
    // Its heading is just above it.
    let above = t
        .lines()
        .take_while(|l| !l.starts_with(" ▶   ronde 1"))
        .last()
        .unwrap();
    assert!(above.contains(&name), "{above} / {name}\n{t}");
}

/// F1 lists every key of the start screen, also those the footer has no room for.
#[test]
fn help_lists_every_start_key_at_80x24() {
    let mut app = start_app();
    key(&mut app, KeyCode::F(1), KeyModifiers::NONE);
    let t = text(&render(&app, 80, 24));
    for k in ["Ctrl-R", "Ctrl-O", "Ctrl-F", "Esc", "Backspace", "PgDn"] {
        assert!(t.contains(k), "{k} missing:\n{t}");
    }
    // F1 again closes it; nothing was typed into the search.
    key(&mut app, KeyCode::F(1), KeyModifiers::NONE);
    assert!(app.overlay.is_none());
    let View::Start(st) = &app.view else { panic!() };
    assert_eq!(st.query, "");
}

/// The overview's long lines wrap (the pacts naming an obstacle, at 80 and 120 columns),
/// End goes to the last line, and the lines are made once per width, not per frame.
#[test]
fn the_overview_wraps_long_lines_ends_with_end_and_builds_its_lines_once_per_width() {
    let (mut app, _) = portfolio_app();
    let long: Vec<String> = [
        "Zorgpact Noord",
        "Zorgpact Rivierenland-West",
        "Zorgpact Súdwest-Fryslân",
        "Zorgpact IJsselland en Vechtdal",
        "Zorgpact Midden-Gelderland",
    ]
    .map(String::from)
    .to_vec();
    if let View::Start(st) = &mut app.view {
        let p = st.portfolio.as_mut().unwrap();
        p.data.themes.truncate(1);
        p.data.themes[0].items = vec![volgspot::export::portfolio::ThemeItem {
            text: "Geen gedeeld beeld van de wachtlijsten".into(),
            pacts: long.clone(),
        }];
    }
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        // Fresh lines for this width.
        if let View::Start(st) = &app.view {
            *st.portfolio.as_ref().unwrap().lines.borrow_mut() = None;
        }
        key(&mut app, KeyCode::End, KeyModifiers::NONE);
        let _ = render(&app, w, h);
        key(&mut app, KeyCode::End, KeyModifiers::NONE);
        let screen = text(&render(&app, w, h));
        // The whole list is on screen, word by word (wrapped, not cut).
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        for pact in &long {
            let words = pact.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&words), "{pact} missing at {w}:\n{screen}");
        }
        // No line of the obstacles is cut (the count table's phase names may be).
        let themes = screen.split("Belemmeringen en").nth(1).unwrap_or_default();
        assert!(!themes.contains('…'), "cut at {w}:\n{screen}");
        // The folder line above says whole that no names are in it.
        assert!(flat.contains("staan er niet in"), "{screen}");
        // End showed the last line: PageDown moves no further.
        key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
        assert_eq!(text(&render(&app, w, h)), screen);
        // A second frame at the same width reuses the lines made for the first.
        let View::Start(st) = &app.view else { panic!() };
        let p = st.portfolio.as_ref().unwrap();
        let first = p.lines.borrow().as_ref().map(|(_, l)| l.clone()).unwrap();
        let _ = render(&app, w, h);
        let again = p.lines.borrow().as_ref().map(|(_, l)| l.clone()).unwrap();
        assert!(std::rc::Rc::ptr_eq(&first, &again), "rebuilt per frame");
        key(&mut app, KeyCode::Home, KeyModifiers::NONE);
    }
    // Help names Home and End for what they do, not as "pagina".
    key(&mut app, KeyCode::F(1), KeyModifiers::NONE);
    let help = text(&render(&app, 120, 40));
    assert!(
        help.contains("naar het begin") && help.contains("naar het eind"),
        "{help}"
    );
}

/// At 80×24: long file names whole after Ctrl-F, the overview's key stays in the footer
/// with a session selected, and only the selected row has the ▶.
#[test]
fn at_80_columns_file_names_are_whole_ctrl_o_stays_and_one_row_is_marked() {
    let mut entries = folder();
    entries.push(entry(
        "Zorgpact Súdwest-Fryslân en Waddeneilanden",
        1,
        "2026-03-14",
        "Sneek",
        255,
    ));
    let e = entries.last_mut().unwrap();
    e.path = Path::new(DIR)
        .join("zorgpact-sudwest-fryslan-waddeneilanden-ronde1-2026-03-14-2.volgspot.json");
    let mut app = app_with(StartState::new(PathBuf::from(DIR), entries));
    let t = text(&render(&app, 80, 24));
    assert_eq!(t.matches('▶').count(), 1, "{t}");
    // A session selected: Ctrl-R joins the footer, Ctrl-O stays.
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Ctrl-R"), "{t}");
    assert!(t.contains("Ctrl-O overzicht"), "{t}");
    assert_eq!(t.matches('▶').count(), 1, "{t}");
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("zorgpact-sudwest-fryslan-waddeneilanden-ronde1-2026-03-14-2.volgspot.json"),
        "{t}"
    );
}

/// E where one file cannot be written: says which were written and which not.
#[test]
fn a_partial_overview_export_names_what_was_written_and_what_failed() {
    let dir = tempfile::tempdir().unwrap();
    for (name, s) in volgspot::bench_data::portfolio(2, 1, 7) {
        volgspot::store::write_new(&dir.path().join(name), &s).unwrap();
    }
    // In the way of the CSV: a folder of that name.
    std::fs::create_dir(dir.path().join("overzicht.csv")).unwrap();
    let mut app = App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        volgspot::tui::start_view(dir.path()),
        datetime!(2026-11-26 14:05:00 +1),
    );
    let mut rt = volgspot::tui::Runtime::new(dir.path().to_path_buf());
    volgspot::tui::apply(&mut app, &mut rt, Effect::OpenPortfolio);
    for e in key(&mut app, KeyCode::Char('e'), KeyModifiers::NONE) {
        volgspot::tui::apply(&mut app, &mut rt, e);
    }
    let t = text(&render(&app, 200, 40));
    assert!(
        t.contains(&format!(
            "Overzicht geschreven in {}: overzicht.md, overzicht.html",
            dir.path().display()
        )),
        "{t}"
    );
    assert!(
        t.contains("Niet geschreven: ") && t.contains("overzicht.csv"),
        "{t}"
    );
    assert!(dir.path().join("overzicht.html").is_file());
}

/// A file that cannot be read is not counted as a session in the search line.
#[test]
fn unreadable_files_are_not_counted_as_sessions() {
    let mut entries = folder();
    entries.push(StartEntry {
        path: Path::new(DIR).join("kapot-ronde1.volgspot.json"),
        summary: Err(volgspot::store::LoadProblem::Empty),
        recovery: None,
    });
    let mut app = app_with(StartState::new(PathBuf::from(DIR), entries));
    typed(&mut app, "ronde");
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("6 van 6 sessies"), "{t}");
}
