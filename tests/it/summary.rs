//! The Samenvatting screen: preview, intern/publiek switch, checklist jumps, export.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Effect, Screen, View};
use volgspot::i18n::Lang;

fn on_summary(lang: Lang) -> App {
    let mut app = demo_app(lang);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Summary;
    }
    app
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let mods = if code == KeyCode::BackTab {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    app.handle_key(KeyEvent::new(code, mods))
}

fn screen(app: &App) -> Screen {
    app.session().unwrap().screen
}

#[test]
fn summary_screen_snapshots() {
    for lang in [Lang::Nl, Lang::En] {
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        let mut app = on_summary(lang);
        for (w, h) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(
                format!("summary_intern_{code}_{w}x{h}"),
                text(&render(&app, w, h))
            );
        }
        key(&mut app, KeyCode::Char('p'));
        for (w, h) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(
                format!("summary_publiek_{code}_{w}x{h}"),
                text(&render(&app, w, h))
            );
        }
    }
}

#[test]
fn p_switches_between_intern_and_publiek() {
    let mut app = on_summary(Lang::Nl);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Voorbeeld: rapportage (intern)"), "{t}");
    key(&mut app, KeyCode::Char('p'));
    let t = text(&render(&app, 160, 48));
    assert!(t.contains("Voorbeeld: publieksversie"), "{t}");
    // The refused quote of the internal report is not in the public preview.
    for _ in 0..40 {
        key(&mut app, KeyCode::Char(' '));
    }
    key(&mut app, KeyCode::Home);
    let full = app.session().unwrap();
    let (md, _) = full
        .summary
        .preview(full, &app.method, app.lang, app.t, app.show_names);
    assert!(!md.contains("Zonder de gemeente aan tafel"), "{md}");
}

#[test]
fn the_checklist_jumps_to_the_screen_that_fixes_it() {
    let mut app = on_summary(Lang::Nl);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("1 voornemen zonder kartrekker"), "{t}");
    // The first item is an empty area: fixed on the Interviews screen.
    assert!(key(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(screen(&app), Screen::Interviews);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Summary;
    }
    // Tab to "voornemen zonder kartrekker" (the last item) and jump: the wheel screen.
    key(&mut app, KeyCode::BackTab);
    let t = text(&render(&app, 160, 48));
    assert!(t.contains("Enter: naar Samenwerkingswiel"), "{t}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Wheel);
    // Straight into the intentions list, where the kartrekker is filled in.
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("geen kartrekker"), "{t}");
    assert_eq!(
        app.session().unwrap().wheel.panel,
        volgspot::app::wheel::Panel::Intentions
    );
}

#[test]
fn scrolling_stops_at_the_end() {
    let mut app = on_summary(Lang::Nl);
    render(&app, 80, 24);
    key(&mut app, KeyCode::End);
    let end = app.session().unwrap().summary.scroll;
    assert!(end > 0);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(app.session().unwrap().summary.scroll, end);
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("Volgspot rondt") || t.contains("nagesprek"),
        "{t}"
    );
    key(&mut app, KeyCode::Home);
    assert_eq!(app.session().unwrap().summary.scroll, 0);
}

#[test]
fn the_preview_follows_edits_but_is_built_once_per_change() {
    let mut app = on_summary(Lang::Nl);
    render(&app, 80, 24);
    let s = app.session().unwrap();
    let (a, _) = s
        .summary
        .preview(s, &app.method, app.lang, app.t, app.show_names);
    let (b, _) = s
        .summary
        .preview(s, &app.method, app.lang, app.t, app.show_names);
    assert!(std::rc::Rc::ptr_eq(&a, &b), "same generation: cached");
    if let View::Session(s) = &mut app.view {
        s.doc.intake.pact_name = "Zorgpact Nieuw".into();
        s.generation += 1;
    }
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Volgspot 1: Zorgpact Nieuw"), "{t}");
}

#[test]
fn export_writes_both_versions_next_to_the_session_and_shows_the_paths() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_summary(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.path = dir.path().join("rivierenland.volgspot.json");
    }
    let effects = key(&mut app, KeyCode::Char('e'));
    assert_eq!(effects, vec![Effect::Export]);
    volgspot::tui::export_reports(&mut app);
    for name in [
        "rivierenland.intern.md",
        "rivierenland.intern.html",
        "rivierenland.intern.docx",
        "rivierenland.publiek.md",
        "rivierenland.publiek.html",
        "rivierenland.publiek.docx",
    ] {
        assert!(dir.path().join(name).is_file(), "{name}");
    }
    // Word files are zip packages.
    let docx = std::fs::read(dir.path().join("rivierenland.publiek.docx")).unwrap();
    assert!(docx.starts_with(b"PK\x03\x04"));
    let t = text(&render(&app, 160, 48));
    assert!(t.contains("Geschreven in"), "{t}");
    assert!(t.contains("rivierenland.publiek.html"), "{t}");
    insta::assert_snapshot!(
        "summary_after_export_nl_80x24",
        text(&render(&app, 80, 24)).replace(&dir.path().display().to_string(), "<dir>")
    );
}

#[test]
fn pressing_e_in_the_real_app_writes_the_reports() {
    use common::Term;
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["demo"], 80, 24);
    term.wait_for("Zorgpact Rivierenland-West");
    for _ in 0..4 {
        term.page_down();
    }
    term.wait_for("Wat ontbreekt nog");
    term.send("e");
    term.wait_for("Geschreven in");
    let demo = dir.path().join("demo");
    for name in ["voorbeeld.intern.md", "voorbeeld.publiek.html"] {
        assert!(demo.join(name).is_file(), "{name}");
    }
    term.ctrl_q();
    assert!(term.wait_exit());
}

/// The whole preview as the screen shows it (a tall terminal).
fn whole_preview(app: &App, w: u16) -> String {
    text(&render(app, w, 500))
}

#[test]
fn the_preview_shows_tables_as_columns_not_markdown() {
    let app = on_summary(Lang::Nl);
    for w in [80, 160] {
        let t = whole_preview(&app, w);
        assert!(
            !t.contains("| Blok |") && !t.contains("|---") && !t.contains("--:|"),
            "{t}"
        );
        // The agenda: columns lined up, numbers right-aligned under their heading.
        let rows: Vec<&str> = t.lines().filter(|l| l.contains("Opening")).collect();
        let head = t
            .lines()
            .find(|l| l.contains("Blok") && l.contains("Gepland (min)"));
        let (Some(head), [row]) = (head, rows.as_slice()) else {
            panic!("agenda table missing:\n{t}");
        };
        let end_of = |l: &str, part: &str| l.find(part).map(|i| i + part.len());
        assert_eq!(
            end_of(head, "Gepland (min)"),
            end_of(row, "10"),
            "{head}\n{row}"
        );
        assert!(t.contains("Totaal") && !t.contains("**Totaal**"), "{t}");
        // A wrapped cell continues under its own column.
        let kader = t
            .lines()
            .find(|l| l.contains("Wat is het vraagstuk?"))
            .unwrap();
        assert!(kader.contains("Te weinig"), "{kader}");
    }
    // Too narrow for columns: one "Kop: waarde" item per row.
    let t = whole_preview(&app, 80);
    assert!(
        t.contains("• Organisatie: ROC Rivierenland · Soort: Onderwijs · Rol: trekker"),
        "{t}"
    );
}

#[test]
fn hidden_names_are_not_doubled_in_the_preview() {
    let app = on_summary(Lang::Nl);
    assert!(!app.show_names, "the demo projects with names hidden");
    let s = app.session().unwrap();
    let (md, _) = s
        .summary
        .preview(s, &app.method, app.lang, app.t, app.show_names);
    assert!(!md.contains("Marieke de Vries"), "{md}");
    assert!(
        md.contains("— *bestuurlijk trekker, Zorggroep De Linde* (niet publiek)")
            && !md.contains("Zorggroep De Linde, bestuurlijk trekker"),
        "{md}"
    );
}

#[test]
fn a_note_with_a_conflict_is_listed_and_jumps_to_the_interviews() {
    use volgspot::app::summary::gap_screen;
    use volgspot::export::Gap;
    assert_eq!(gap_screen(&Gap::NotesWithConflict(2)), Screen::Interviews);
    let mut app = on_summary(Lang::Nl);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("• 1 notitie met een conflict (⚠)"), "{t}");
    // It is the first item (HET PROCES is no longer called empty: its triangle items
    // and the wheel sentence are public), so it is selected: jump.
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("1 notitie met een conflict (⚠)  Enter: naar Interviews"),
        "{t}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Interviews);
}

#[test]
fn i_opens_the_intentions_list_from_the_summary() {
    let mut app = on_summary(Lang::Nl);
    key(&mut app, KeyCode::Char('i'));
    assert_eq!(screen(&app), Screen::Wheel);
    assert_eq!(
        app.session().unwrap().wheel.panel,
        volgspot::app::wheel::Panel::Intentions
    );
}

/// A voornemen whose "uiterlijk" is not a date ("1 maart") is kept as typed, and the
/// checklist says so and leads to the intentions list.
#[test]
fn the_checklist_lists_intentions_whose_date_is_not_a_date() {
    let mut app = on_summary(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.doc.intentions[0].due = "1 maart".into();
    }
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("1 voornemen met een datum die geen datum is"),
        "{t}"
    );
    // The last item now; Shift-Tab selects it, Enter goes to the intentions.
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Wheel);
    assert_eq!(
        app.session().unwrap().wheel.panel,
        volgspot::app::wheel::Panel::Intentions
    );
}

/// E says what the publieksversie it wrote leaves out: a public note with an open
/// import conflict, and a quote changed after approval.
#[test]
fn export_on_the_screen_warns_about_what_the_public_version_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_summary(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.path = dir.path().join("rivierenland.volgspot.json");
        // Jeroen's first note has an open conflict; it is marked public now.
        std::sync::Arc::make_mut(&mut s.doc.interviews[1]).notes[0].public = true;
        // Marieke's approved quote gets other words.
        std::sync::Arc::make_mut(&mut s.doc.interviews[0]).notes[1]
            .text
            .push_str(" Echt.");
    }
    key(&mut app, KeyCode::Char('e'));
    volgspot::tui::export_reports(&mut app);
    let t = text(&render(&app, 160, 48));
    // Wrapped in the checklist column: the parts, each on its own.
    let column: Vec<&str> = t
        .lines()
        .filter_map(|l| l.rsplit_once('│').map(|(_, r)| r))
        .collect();
    let flat: String = column
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for part in [
        "Let op: de publieksversie laat weg: 1 openbare",
        "importconflict (⚠) en 1 citaat gewijzigd na akkoord",
    ] {
        assert!(flat.contains(part), "{part}: {t}");
    }
    let public = std::fs::read_to_string(dir.path().join("rivierenland.publiek.md")).unwrap();
    assert!(!public.contains("Echt."), "{public}");
    assert!(
        !public.contains("Zorgtechnologie komt nog nauwelijks"),
        "{public}"
    );
}
