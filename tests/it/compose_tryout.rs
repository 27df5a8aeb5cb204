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

fn blocks(app: &App) -> usize {
    let s = app.session().unwrap();
    volgspot::app::compose::section_of(&s.doc, &Method::builtin(Lang::Nl), "regio")
        .blocks
        .len()
}

/// Tryout: E, then D to close the export popup, also deleted the selected paragraph;
/// on Interviews, D after an import's message deleted a whole interview. A key that
/// closes a popup only closes it; the footer says how while it is open.
#[test]
fn a_key_that_closes_a_popup_does_nothing_behind_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_report(demo_app(Lang::Nl));
    if let View::Session(s) = &mut app.view {
        s.path = dir.path().join("rivierenland.volgspot.json");
    }
    let n = blocks(&app);
    assert!(n > 0);
    key(&mut app, KeyCode::Char('e'));
    volgspot::tui::export_reports(&mut app);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Esc sluit dit venster"), "{t}");
    let footer = t.lines().nth(23).unwrap();
    assert!(
        footer.contains("Esc") && footer.contains("sluit"),
        "{footer}"
    );
    assert!(!footer.contains("verwijder"), "{footer}");
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(blocks(&app), n, "D behind the popup deleted a block");
    let t = text(&render(&app, 80, 24));
    assert!(!t.contains("Esc sluit dit venster"), "{t}");
    // Now the popup is gone, D does what it says.
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(blocks(&app), n - 1);
    // Ctrl-Z behind the popup is not an undo either.
    key(&mut app, KeyCode::Char('e'));
    volgspot::tui::export_reports(&mut app);
    ctrl(&mut app, 'z');
    assert_eq!(blocks(&app), n - 1);
    // An app-wide key closes it and goes on: to the screen before.
    key(&mut app, KeyCode::Char('e'));
    volgspot::tui::export_reports(&mut app);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.session().unwrap().screen, Screen::Summary);

    // Interviews: an import's message ("… niets nieuw"), then D.
    let mut app = demo_app(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Interviews;
    }
    let count = |app: &App| app.session().unwrap().doc.interviews.len();
    let n = count(&app);
    app.overlay = Some(volgspot::app::Overlay::Message(
        "gesprek.json: niets nieuw".into(),
    ));
    let t = text(&render(&app, 80, 24));
    assert!(t.lines().nth(23).unwrap().contains("Esc"), "{t}");
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(count(&app), n, "D behind the message deleted an interview");
    assert!(app.overlay.is_none());
    // A message closed by Ctrl-Q still quits.
    app.overlay = Some(volgspot::app::Overlay::Message("x".into()));
    assert!(
        ctrl(&mut app, 'q')
            .iter()
            .any(|e| matches!(e, Effect::SaveAndQuit))
    );
}

fn type_paragraph(app: &mut App, text: &str) {
    key(app, KeyCode::Char('a'));
    key(app, KeyCode::Enter);
    app.handle_event(ratatui::crossterm::event::Event::Paste(text.into()));
    key(app, KeyCode::Esc);
}

fn report_of(app: &App) -> volgspot::export::Report {
    let doc = &app.session().unwrap().doc;
    export::build(doc, &Method::builtin(Lang::Nl), Lang::Nl, false)
}

/// Tryout: a single newline in a paragraph was lost in Markdown, Word and the preview
/// (a soft break) and kept in HTML. README: a single newline stays a line break.
#[test]
fn a_line_break_in_a_paragraph_stays_in_every_format() {
    let mut app = on_report(demo_app(Lang::Nl));
    type_paragraph(&mut app, "Eerste regel\nTweede regel");
    type_paragraph(&mut app, "- item\n- tweede");
    let report = report_of(&app);
    let md = export::render(&report, Format::Markdown).unwrap();
    assert!(md.contains("Eerste regel\\\n  Tweede regel"), "{md}");
    assert!(md.contains("\\- item\\\n  \\- tweede"), "{md}");
    let html = export::render(&report, Format::Html).unwrap();
    assert!(html.contains("Eerste regel<br"), "{html}");
    // Word: a break (w:br) between the two lines.
    let bytes = export::bytes(&report, Format::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    for (a, b) in [("Eerste regel", "Tweede regel"), ("item", "tweede")] {
        let from = xml.find(a).unwrap();
        let to = from + xml[from..].find(b).unwrap();
        assert!(xml[from..to].contains("<w:br"), "{}", &xml[from..to]);
    }
    // The preview: the second line starts its own row.
    let t = text(&render(&app, 160, 60));
    for line in ["Eerste regel", "- item"] {
        assert!(t.lines().any(|l| l.trim_end().ends_with(line)), "{t}");
    }
}

/// Tryout: `\*niet\*` showed as `\niet\` in italics, `2*3*4` as 234 with an italic 3.
#[test]
fn a_typed_backslash_and_intraword_asterisks_show_as_typed() {
    let mut app = on_report(demo_app(Lang::Nl));
    type_paragraph(&mut app, "Dit is \\*niet\\* cursief; 2*3*4 is een som.");
    let t = text(&render(&app, 160, 60));
    assert!(
        t.contains("Dit is *niet* cursief; 2*3*4 is een som."),
        "{t}"
    );
    let html = export::render(&report_of(&app), Format::Html).unwrap();
    assert!(
        html.contains("Dit is *niet* cursief; 2*3*4 is een som."),
        "{html}"
    );
}

/// Tryout: typed `- ` went but typed `1. ` and `2) ` stayed; README says bullets and
/// numbers are dropped (the list writes its own). "1.5 fte" and "-3%" are text.
#[test]
fn typed_numbers_before_list_items_go_as_bullets_do() {
    let mut app = on_report(demo_app(Lang::Nl));
    key(&mut app, KeyCode::Char('a'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "Wat er staat:");
    key(&mut app, KeyCode::Enter);
    for (n, line) in ["1. eerste", "2) tweede", "- derde", "1.5 fte", "-3% minder"]
        .iter()
        .enumerate()
    {
        if n > 0 {
            key(&mut app, KeyCode::Enter);
        }
        chars(&mut app, line);
    }
    key(&mut app, KeyCode::Esc);
    let md = export::render(&report_of(&app), Format::Markdown).unwrap();
    for item in [
        "- eerste",
        "- tweede",
        "- derde",
        "- 1.5 fte",
        "- \\-3% minder",
    ] {
        assert!(md.contains(&format!("{item}\n")), "{item:?}\n{md}");
    }
    assert!(
        !md.contains("1\\. eerste") && !md.contains("2\\) tweede"),
        "{md}"
    );
}

/// Tryout: the add menu numbers its kinds 1.–0., but digits, Home and End did nothing;
/// the preview scrolled only forward.
#[test]
fn the_add_menu_takes_its_numbers_and_the_preview_scrolls_back() {
    let mut app = on_report(demo_app(Lang::Nl));
    key(&mut app, KeyCode::Char('a'));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("3. "), "{t}");
    // 3: a sub-heading, at once, open for typing.
    key(&mut app, KeyCode::Char('3'));
    assert!(app.session().unwrap().typing());
    chars(&mut app, "Gewenst resultaat");
    key(&mut app, KeyCode::Esc);
    assert!(exported(&app).contains("### Gewenst resultaat"));
    // End and Home in the menu: the last kind (0.), then the first.
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "Een alinea.");
    key(&mut app, KeyCode::Esc);
    assert!(exported(&app).contains("Een alinea."));
    // The preview: Space forward, Backspace back, End to the end, Home to the top.
    let scroll = |app: &App| app.session().unwrap().compose.scroll;
    render(&app, 80, 24);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    let forward = scroll(&app);
    assert!(forward > 0);
    let page = text(&render(&app, 80, 24));
    key(&mut app, KeyCode::Backspace);
    assert!(scroll(&app) < forward);
    assert_ne!(text(&render(&app, 80, 24)), page);
    key(&mut app, KeyCode::End);
    let max = app.session().unwrap().compose.max_scroll.get();
    assert_eq!(scroll(&app), max);
    key(&mut app, KeyCode::Home);
    assert_eq!(scroll(&app), 0);
}

/// Tryout: at 80x24 the Rapport's footer showed neither Tab (section) nor E (export).
#[test]
fn the_rapport_footer_at_80x24_shows_section_and_export() {
    for (lang, words) in [
        (Lang::Nl, ["Tab onderdeel", "E export"]),
        (Lang::En, ["Tab section", "E export"]),
    ] {
        let app = on_report(demo_app(lang));
        let t = text(&render(&app, 80, 24));
        let footer = t.lines().nth(23).unwrap();
        for w in words {
            assert!(footer.contains(w), "{w:?}: {footer}");
        }
    }
}

/// Review: an editor left open while the Rapport moved to another section (a jump from
/// the Samenvatting's checklist) wrote its text into whatever block sat at its position
/// there. Leaving the screen now stores and closes it: nothing typed is lost, and a key
/// after coming back is not typing into a block any more.
#[test]
fn leaving_the_rapport_while_typing_stores_the_block_and_closes_the_editor() {
    let mut app = on_report(demo_app(Lang::Nl));
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "Half af");
    assert!(app.session().unwrap().typing());
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.session().unwrap().screen, Screen::Summary);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.session().unwrap().screen, Screen::Report);
    assert!(
        !app.session().unwrap().typing(),
        "the editor is still open after leaving the screen"
    );
    assert!(exported(&app).contains("Half af"), "{}", exported(&app));
}
