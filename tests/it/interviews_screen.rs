//! The Interviews screen in-process: list, detail with fast capture, synthesis; keys as
//! a user presses them, snapshots at 80×24 and 160×48.

use crate::common;
use common::ui::{chars, key};

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::{App, Screen, View};
use volgspot::i18n::Lang;

fn on_interviews(lang: Lang) -> App {
    let mut app = demo_app(lang);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Interviews;
    }
    app
}

fn notes_of(app: &App, i: usize) -> Vec<volgspot::model::Note> {
    app.session().unwrap().doc.interviews[i].notes.clone()
}

#[test]
fn list_detail_and_synthesis_snapshots() {
    for lang in [Lang::Nl, Lang::En] {
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = on_interviews(lang);
            insta::assert_snapshot!(format!("list_{code}_{w}x{h}"), render(&app, w, h).backend());
            key(&mut app, KeyCode::Enter);
            key(&mut app, KeyCode::Up); // from the capture line to the notes
            insta::assert_snapshot!(
                format!("detail_{code}_{w}x{h}"),
                render(&app, w, h).backend()
            );
            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Char('s'));
            insta::assert_snapshot!(
                format!("synthesis_{code}_{w}x{h}"),
                render(&app, w, h).backend()
            );
        }
    }
}

#[test]
fn list_shows_name_and_detail_shows_name_but_synthesis_only_role_and_organisation() {
    let mut app = on_interviews(Lang::Nl);
    // Names are hidden until the facilitator turns them on (privacy switch, F8).
    let t = text(&render(&app, 80, 24));
    assert!(!t.contains("Marieke de Vries"), "{t}");
    key(&mut app, KeyCode::F(8));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Marieke de Vries"), "{t}");
    key(&mut app, KeyCode::Enter);
    assert!(text(&render(&app, 80, 24)).contains("Marieke de Vries"));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('s'));
    let t = text(&render(&app, 160, 48));
    assert!(t.contains("Synthese: 7 notities uit 2 interviews"), "{t}");
    assert!(t.contains("bestuurlijk trekker, Zorggroep De Linde"), "{t}");
    assert!(!t.contains("Marieke"), "{t}");
    assert!(t.contains("HET HOE (2)"), "{t}");
}

#[test]
fn fast_capture_stores_with_the_last_area_and_keys_recode() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter); // open Marieke: the cursor is on the capture line
    let before = notes_of(&app, 0).len();
    // `?` and digits are text on the capture line.
    chars(&mut app, "Wie trekt? 3 partijen");
    key(&mut app, KeyCode::Enter);
    let notes = notes_of(&app, 0);
    assert_eq!(notes.len(), before + 1);
    let last = notes.last().unwrap();
    assert_eq!(last.text, "Wie trekt? 3 partijen");
    // The demo's last note is VOORTGANG: the new note takes that area.
    assert_eq!(last.area, "voortgang");
    // To the notes: 2 = HET WAT, k = next kind, p = public.
    key(&mut app, KeyCode::Up);
    chars(&mut app, "2kp");
    let last = notes_of(&app, 0).last().unwrap().clone();
    assert_eq!(last.area, "wat");
    assert_eq!(last.kind, volgspot::model::NoteKind::Succesfactor);
    assert!(last.public);
    // The next capture gets HET WAT, the last used area.
    key(&mut app, KeyCode::Char('n'));
    chars(&mut app, "nog een");
    key(&mut app, KeyCode::Enter);
    assert_eq!(notes_of(&app, 0).last().unwrap().area, "wat");
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("nog een"), "{t}");
}

#[test]
fn deleting_a_note_and_an_interview_can_be_undone() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up);
    let before = notes_of(&app, 0);
    key(&mut app, KeyCode::Char('d'));
    assert_eq!(notes_of(&app, 0).len(), before.len() - 1);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(notes_of(&app, 0), before);
    key(&mut app, KeyCode::Esc);
    // D on an interview with notes asks first, saying what goes with it.
    let n = app.session().unwrap().doc.interviews[0].notes.len();
    key(&mut app, KeyCode::Char('d'));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains(&format!("met {n} notities")), "{t}");
    assert!(t.contains("J = verwijderen"), "{t}");
    assert_eq!(app.session().unwrap().doc.interviews.len(), 2, "not yet");
    // Any other key keeps it.
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(app.session().unwrap().doc.interviews.len(), 2);
    assert!(!text(&render(&app, 80, 24)).contains("J = verwijderen"));
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.session().unwrap().doc.interviews.len(), 1);
    assert!(
        text(&render(&app, 80, 24)).contains("Verwijderd: bestuurlijk trekker, Zorggroep De Linde")
    );
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.session().unwrap().doc.interviews[0].notes, before);
}

#[test]
fn synthesis_filters_and_search() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('k'));
    key(&mut app, KeyCode::Char('k')); // citaat
    let t = text(&render(&app, 160, 48));
    assert!(t.contains("Synthese: 2 notities"), "{t}");
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "gemeente");
    key(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 160, 48));
    // Singular where it is one.
    assert!(t.contains("Synthese: 1 notitie uit 2 interviews"), "{t}");
    assert!(!t.contains("1 notities"), "{t}");
    assert!(t.contains("Zonder de gemeente"), "{t}");
}

#[test]
fn help_lists_the_capture_and_coding_keys() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('?'));
    let t = text(&render(&app, 160, 48));
    for want in [
        "gebied (1–5)",
        "soort",
        "goedkeuring citaat",
        "hoek driehoek",
        "fase wiel",
        "focusgebied",
        // Undo of a note's coding is the app-wide one (it used to be the editor's own).
        "Ctrl-Z ongedaan maken",
    ] {
        assert!(t.contains(want), "{want}: {t}");
    }
}

#[test]
fn a_conflict_shows_both_versions_and_either_can_be_kept_and_undone() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter); // Jeroen: his first note has a conflict
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("⚠ versie uit het interviewbestand: Zorgtechnologie"),
        "{t}"
    );
    // The keys that settle it are in the footer, first.
    let footer = t.lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("X ") && footer.contains("R "), "{footer}");
    key(&mut app, KeyCode::Down);
    let t = text(&render(&app, 80, 24));
    let footer = t.lines().last().unwrap_or_default().to_string();
    assert!(
        !footer.contains("X "),
        "only on a note with a conflict: {footer}"
    );
    key(&mut app, KeyCode::Up);
    let orig = notes_of(&app, 1)[0].clone();
    let other = orig.conflict.as_ref().and_then(|c| c.text.clone()).unwrap();
    // X keeps the other version.
    key(&mut app, KeyCode::Char('x'));
    let n = notes_of(&app, 1)[0].clone();
    assert_eq!(n.text, other);
    assert_eq!(n.conflict, None);
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(notes_of(&app, 1)[0], orig);
    // R keeps this one.
    key(&mut app, KeyCode::Char('r'));
    let n = notes_of(&app, 1)[0].clone();
    assert_eq!((n.text.as_str(), n.conflict), (orig.text.as_str(), None));
    key(&mut app, KeyCode::Char('u'));
    // C keeps both, as two notes.
    key(&mut app, KeyCode::Char('c'));
    let notes = notes_of(&app, 1);
    assert_eq!(notes[0].text, orig.text);
    assert_eq!(notes[1].text, other);
    assert!(!notes[0].has_conflict() && !notes[1].has_conflict());
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(notes_of(&app, 1)[0], orig);
    assert!(
        notes_of(&app, 1).iter().all(|n| n.text != other),
        "the twin is gone"
    );
}

#[test]
fn interviewer_mode_asks_for_the_name_first() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use volgspot::interviewer::draw;

    let dir = tempfile::tempdir().unwrap();
    let mut iv = common::ui::interviewer(dir.path());
    for (w, h) in [(80, 24), (160, 48)] {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| draw(f, &iv)).unwrap();
        let t = text(&term);
        assert!(t.contains("Wie interview je?"), "{t}");
        // The empty note list does not invite typing a note while the name is asked.
        assert!(t.contains("Eerst de naam hierboven"), "{t}");
        assert!(!t.contains("typ hieronder"), "{t}");
        insta::assert_snapshot!(format!("interviewer_nl_{w}x{h}"), term.backend());
    }
    // No file until the name is known and the name field is left.
    for c in "Anna".chars() {
        iv.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(iv.path.is_none());
    iv.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let path = iv.path.clone().expect("file created");
    assert!(
        path.to_string_lossy().ends_with("-anna.interview.json"),
        "{path:?}"
    );
    assert!(path.is_file());
}

#[test]
fn editing_a_note_saves_as_you_type_esc_restores_and_undo_brings_back() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up);
    let orig = notes_of(&app, 0).last().unwrap().text.clone();
    key(&mut app, KeyCode::Char('e'));
    chars(&mut app, " extra");
    // In the document already (so autosave keeps it), before Enter.
    assert_eq!(
        notes_of(&app, 0).last().unwrap().text,
        format!("{orig} extra")
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(notes_of(&app, 0).last().unwrap().text, orig);
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "!");
    key(&mut app, KeyCode::Enter);
    assert_eq!(notes_of(&app, 0).last().unwrap().text, format!("{orig}!"));
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(notes_of(&app, 0).last().unwrap().text, orig);
}

#[test]
fn help_of_the_notes_list_fits_at_80x24() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('?'));
    let t = text(&render(&app, 80, 24));
    // The last entries of the list and the close hint are visible.
    assert!(t.contains("volgend agendablok"), "{t}");
    assert!(t.contains("Esc sluit dit venster"), "{t}");
    insta::assert_snapshot!("help_notes_nl_80x24", t);
}

#[test]
fn import_into_the_open_session_reports_and_warns_about_another_pact() {
    use volgspot::model::interview_file::InterviewFile;
    let mut app = on_interviews(Lang::Nl);
    let now = app.now;
    let s = app.session_mut().unwrap();
    let iv = volgspot::model::Interview {
        interviewee: "Kees".into(),
        notes: vec![volgspot::model::Note {
            text: "Een nieuwe notitie".into(),
            area: "hoe".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let file = InterviewFile::new("Zorgpact Elders", iv, now);
    let lines = s.import_interviews(
        vec![
            ("kees.interview.json".into(), Ok(file.clone())),
            (
                "kapot.interview.json".into(),
                Err(damaged("kapot.interview.json")),
            ),
        ],
        Lang::Nl.strings(),
        now,
        true,
    );
    let all = lines.join("\n");
    assert!(
        all.contains("Let op: Kees is een interview voor pact 'Zorgpact Elders'"),
        "{all}"
    );
    assert!(all.contains("Kees: nieuw interview, 1 notitie"), "{all}");
    assert!(!all.contains("1 notities"), "{all}");
    assert!(
        all.contains("kapot.interview.json: niet geïmporteerd: ") && all.contains("beschadigd"),
        "{all}"
    );
    assert!(s.unsaved(), "the import is autosaved");
    assert_eq!(s.doc.interviews.len(), 3);
}

#[test]
fn quitting_the_interviewer_on_the_name_field_keeps_the_name() {
    use volgspot::interviewer::Interviewer;
    use volgspot::method::Method;
    let dir = tempfile::tempdir().unwrap();
    let mut iv = Interviewer::new(
        Lang::Nl.strings(),
        Method::builtin(Lang::Nl),
        dir.path().to_path_buf(),
        "",
        "",
    );
    for c in "Bea".chars() {
        iv.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    assert!(iv.path.is_none());
    iv.handle_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
    assert!(iv.should_quit);
    let path = iv.path.clone().expect("a file on quit");
    let (f, _) = volgspot::store::load_interview_file(&path).unwrap();
    assert_eq!(f.interview.interviewee, "Bea");
}

fn press(iv: &mut volgspot::interviewer::Interviewer, code: KeyCode) {
    iv.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_iv(iv: &mut volgspot::interviewer::Interviewer, s: &str) {
    for c in s.chars() {
        press(iv, KeyCode::Char(c));
    }
}

fn draw_iv(iv: &volgspot::interviewer::Interviewer, w: u16, h: u16) -> String {
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    term.draw(|f| volgspot::interviewer::draw(f, iv)).unwrap();
    text(&term)
}

/// As the interviewer mode's run loop does once a save is on disk.
fn saved(iv: &mut volgspot::interviewer::Interviewer) {
    let path = iv.path.clone().expect("a file");
    volgspot::store::save_doc(&path, &iv.doc).unwrap();
    iv.saved_generation = iv.generation;
}

#[test]
fn interviewer_esc_cannot_skip_the_name_and_the_file_follows_a_new_name() {
    use volgspot::app::interview_edit::Focus;
    use volgspot::interviewer::Interviewer;
    use volgspot::method::Method;
    let dir = tempfile::tempdir().unwrap();
    let mut iv = common::ui::interviewer(dir.path());
    // Esc (and Enter) on the empty name: refused, and the screen says why.
    press(&mut iv, KeyCode::Esc);
    press(&mut iv, KeyCode::Enter);
    assert_eq!((iv.editor.focus, iv.editor.field), (Focus::Fields, 0));
    let t = draw_iv(&iv, 80, 24);
    assert!(t.contains("Eerst de naam"), "{t}");
    // What is typed next is the name, not a note.
    type_iv(&mut iv, "Kees");
    press(&mut iv, KeyCode::Esc);
    assert_eq!(iv.doc.interview.interviewee, "Kees");
    assert!(iv.doc.interview.notes.is_empty());
    let first = iv.path.clone().expect("file named after the name");
    assert!(
        first.ends_with("2026-11-22-kees.interview.json"),
        "{first:?}"
    );
    type_iv(&mut iv, "Een notitie");
    press(&mut iv, KeyCode::Enter);
    saved(&mut iv);
    assert!(!iv.needs_rename());

    // The name is corrected later: while it is typed the file stays put, afterwards
    // (everything saved) it follows the name; lock and backup go along.
    press(&mut iv, KeyCode::Up);
    press(&mut iv, KeyCode::Char('g'));
    for _ in 0..4 {
        press(&mut iv, KeyCode::Backspace);
    }
    type_iv(&mut iv, "Anna de Wit");
    assert!(!iv.needs_rename(), "no rename per keystroke");
    press(&mut iv, KeyCode::Esc);
    assert!(iv.needs_rename());
    // Not while a save is outstanding: the saver writes by path.
    iv.follow_name().unwrap();
    assert_eq!(iv.path.as_deref(), Some(first.as_path()));
    saved(&mut iv);
    iv.follow_name().unwrap();
    let now = iv.path.clone().unwrap();
    assert!(
        now.ends_with("2026-11-22-anna-de-wit.interview.json"),
        "{now:?}"
    );
    assert!(!first.exists(), "the old name is gone");
    let (f, _) = volgspot::store::load_interview_file(&now).unwrap();
    assert_eq!(f.interview.interviewee, "Anna de Wit");
    assert_eq!(f.interview.notes.len(), 1);
    // The new file is locked by us: a second interviewer cannot open it.
    assert!(Interviewer::open(Lang::Nl.strings(), Method::builtin(Lang::Nl), &now).is_err());
    assert!(draw_iv(&iv, 120, 24).contains("2026-11-22-anna-de-wit.interview.json"));
    let files = volgspot::store::interview_files(dir.path());
    assert_eq!(files, std::slice::from_ref(&now));
    // A file reopened under a name of its own keeps it: only a name set here moves it.
    drop(iv);
    let own = dir.path().join("handmatig.interview.json");
    std::fs::rename(&now, &own).unwrap();
    let mut again = Interviewer::open(Lang::Nl.strings(), Method::builtin(Lang::Nl), &own).unwrap();
    assert!(!again.needs_rename());
    again.follow_name().unwrap();
    assert_eq!(again.path.as_deref(), Some(own.as_path()));
}

#[test]
fn a_session_file_given_as_interview_file_is_named_as_such() {
    use volgspot::interviewer::Interviewer;
    use volgspot::method::Method;
    let load_for_import = |p: &std::path::Path, t: &volgspot::i18n::Strings| {
        volgspot::store::load_for_import(p).map_err(|e| t.import_error(&e))
    };
    let dir = tempfile::tempdir().unwrap();
    let by_name = dir.path().join("pact.volgspot.json");
    let by_content = dir.path().join("vreemd.interview.json");
    for p in [&by_name, &by_content] {
        std::fs::write(p, volgspot::tui::EXAMPLE).unwrap();
    }
    for p in [&by_name, &by_content] {
        let e = load_for_import(p, Lang::Nl.strings()).unwrap_err();
        assert!(
            e.contains("dit is een sessiebestand, geen interviewbestand"),
            "{e}"
        );
        assert!(!e.contains("nieuwere"), "{e}");
        let e = load_for_import(p, Lang::En.strings()).unwrap_err();
        assert!(
            e.contains("this is a session file, not an interview file"),
            "{e}"
        );
        let Err(e) = Interviewer::open(Lang::Nl.strings(), Method::builtin(Lang::Nl), p) else {
            panic!("a session opened as interview");
        };
        let e = e.message(Lang::Nl.strings());
        assert!(e.contains("sessiebestand"), "{e}");
    }
    // The session's lock was never taken.
    assert!(volgspot::store::lock::acquire(&by_name).is_ok());
}

#[test]
fn approval_only_on_quotes_and_visible_at_80x24() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up); // notes: the last one (a succesfactor)
    let before = notes_of(&app, 0);
    key(&mut app, KeyCode::Char('a'));
    assert_eq!(notes_of(&app, 0), before, "no approval on a non-quote");
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("alleen bij een citaat"), "{t}");
    // The quote: approval cycles, and public and approval lead the detail line.
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    assert_eq!(notes_of(&app, 0)[1].kind, volgspot::model::NoteKind::Citaat);
    key(&mut app, KeyCode::Char('a'));
    assert_ne!(notes_of(&app, 0)[1].approval, before[1].approval);
    let t = text(&render(&app, 80, 24));
    let name = Lang::Nl
        .strings()
        .interviews
        .approval_name(notes_of(&app, 0)[1].approval);
    assert!(
        t.contains(&format!("openbaar · goedkeuring: {name}")),
        "{t}"
    );
    assert!(!t.contains("akkoord: akkoord"), "{t}");
}

#[test]
fn a_new_interview_left_empty_is_dropped_and_can_come_back() {
    let mut app = on_interviews(Lang::Nl);
    let n = app.session().unwrap().doc.interviews.len();
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(app.session().unwrap().doc.interviews.len(), n + 1);
    // One Esc on the form: nothing was typed, so the interview goes again.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.session().unwrap().doc.interviews.len(), n);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Leeg interview weggelaten"), "{t}");
    assert!(!t.contains("(naam)"), "{t}");
    key(&mut app, KeyCode::Char('u'));
    assert_eq!(app.session().unwrap().doc.interviews.len(), n + 1);
    // With a name it stays.
    key(&mut app, KeyCode::Char('n'));
    chars(&mut app, "Kees");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.session().unwrap().doc.interviews.len(), n + 2);
}

#[test]
fn the_footer_names_esc_once() {
    // The details form: Esc finishes the form; "Esc terug" would be a second Esc.
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Char('n'));
    for (w, h) in [(80, 24), (160, 48)] {
        let t = text(&render(&app, w, h));
        let footer = t.lines().last().unwrap();
        assert_eq!(footer.matches("Esc").count(), 1, "{footer}");
        assert!(footer.contains("Esc klaar"), "{footer}");
    }
}

/// The import message is on the projected screen: with names hidden (the default) it
/// names an interview by role and organisation, and a broken file by its date only.
#[test]
fn the_import_message_hides_names_unless_f8() {
    use volgspot::model::interview_file::InterviewFile;
    let mut app = on_interviews(Lang::Nl);
    let now = app.now;
    let s = app.session_mut().unwrap();
    let iv = volgspot::model::Interview {
        interviewee: "Karin de Wit".into(),
        role: "wethouder".into(),
        organisation: "Gemeente Elders".into(),
        notes: vec![volgspot::model::Note {
            text: "Een notitie".into(),
            area: "hoe".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let file = InterviewFile::new("Zorgpact Elders", iv, now);
    let lines = s.import_interviews(
        vec![
            ("2026-11-22-karin-de-wit.interview.json".into(), Ok(file)),
            (
                "2026-11-20-jan-jansen.interview.json".into(),
                Err(damaged("2026-11-20-jan-jansen.interview.json")),
            ),
        ],
        Lang::Nl.strings(),
        now,
        false,
    );
    let all = lines.join("\n");
    assert!(!all.contains("Karin") && !all.contains("karin"), "{all}");
    assert!(!all.contains("jansen"), "{all}");
    assert!(
        all.contains("wethouder, Gemeente Elders: nieuw interview"),
        "{all}"
    );
    assert!(
        all.contains("Let op: wethouder, Gemeente Elders is een interview"),
        "{all}"
    );
    assert!(
        all.contains("2026-11-20 (naam verborgen, F8): niet geïmporteerd"),
        "{all}"
    );
}

/// An empty import picker is not a dead end: it says where the files go and how to
/// import them from elsewhere.
#[test]
fn an_empty_import_picker_says_what_to_do() {
    let mut app = on_interviews(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        // What the runtime does on I when the session's folder has no interview files.
        s.interviews.open_picker("/tmp/sessies".into(), Vec::new());
    }
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Geen interviewbestanden"), "{t}");
    assert!(t.contains("Kopieer ze naar de map hierboven"), "{t}");
    assert!(t.contains("volgspot import"), "{t}");
}

/// Interview files are named after the interviewee: the picker (on the projected screen)
/// shows only their dates until F8.
#[test]
fn the_import_picker_hides_names_in_file_names() {
    let mut app = on_interviews(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.interviews.open_picker(
            "/tmp/sessies".into(),
            vec!["/tmp/sessies/2026-11-22-karin-de-wit.interview.json".into()],
        );
    }
    let t = text(&render(&app, 80, 24));
    assert!(!t.contains("karin"), "{t}");
    assert!(t.contains("2026-11-22 (naam verborgen, F8)"), "{t}");
    key(&mut app, KeyCode::F(8));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("2026-11-22-karin-de-wit.interview.json"), "{t}");
}

/// With no interviews yet, the hint says how to add or import them, whole at 80 columns.
#[test]
fn the_empty_list_hint_is_whole_at_80_columns() {
    let mut app = on_interviews(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        s.doc.interviews.clear();
    }
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("I = importeren uit"), "{t}");
    assert!(t.contains("interviewbestanden."), "{t}");
}

/// An interview without an interviewer's name shows no empty "·  ·" in its details.
#[test]
fn empty_details_leave_no_gaps_in_the_interview_header() {
    let mut app = on_interviews(Lang::Nl);
    if let View::Session(s) = &mut app.view {
        std::sync::Arc::make_mut(&mut s.doc.interviews[0])
            .interviewer
            .clear();
    }
    key(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Citaten:"), "{t}");
    assert!(!t.contains("·  ·"), "{t}");
}

#[test]
fn editing_the_words_of_an_approved_quote_makes_it_changed_after_approval_and_not_public() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter); // Marieke: her second note is an approved quote
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    let quote = notes_of(&app, 0)[1].clone();
    assert!(quote.approved_as_is(), "{quote:?}");
    let public = |app: &App| {
        let s = app.session().unwrap();
        volgspot::export::render(
            &volgspot::export::build(&s.doc, &app.method, Lang::Nl, true),
            volgspot::export::Format::Markdown,
        )
        .unwrap()
    };
    let words = quote
        .text
        .trim_matches(|c| c == '“' || c == '”')
        .to_string();
    assert!(public(&app).contains(&words));
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::End);
    chars(&mut app, " En snel.");
    key(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 100, 30));
    assert!(t.contains("goedkeuring: gewijzigd na akkoord"), "{t}");
    assert!(!public(&app).contains(&words), "words nobody approved");
    let gaps = volgspot::export::gaps(&app.session().unwrap().doc, &app.method);
    assert!(
        gaps.contains(&volgspot::export::Gap::QuotesChangedAfterApproval(1)),
        "{gaps:?}"
    );
    // Asked again and approved (A cycles: geweigerd, niet gevraagd, akkoord): public again,
    // with the new words.
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('a'));
    }
    let n = notes_of(&app, 0)[1].clone();
    assert!(n.approved_as_is(), "{n:?}");
    assert!(public(&app).contains("En snel."));
}

fn kees_file(now: time::OffsetDateTime) -> volgspot::model::interview_file::InterviewFile {
    let iv = volgspot::model::Interview {
        interviewee: "Kees".into(),
        notes: vec![volgspot::model::Note {
            text: "Een nieuwe notitie".into(),
            area: "hoe".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    volgspot::model::interview_file::InterviewFile::new("Zorgpact Rivierenland-West", iv, now)
}

#[test]
fn an_import_is_undone_in_one_step() {
    let mut app = on_interviews(Lang::Nl);
    let now = app.now;
    let before = app.session().unwrap().doc.interviews.clone();
    let s = app.session_mut().unwrap();
    s.import_interviews(
        vec![("kees.interview.json".into(), Ok(kees_file(now)))],
        Lang::Nl.strings(),
        now,
        true,
    );
    assert_eq!(
        app.session().unwrap().doc.interviews.len(),
        before.len() + 1
    );
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(app.session().unwrap().doc.interviews, before);
}

#[test]
fn bringing_back_a_deleted_interview_after_a_reimport_never_gives_two_interviews_one_id() {
    let mut app = on_interviews(Lang::Nl);
    let now = app.now;
    let file = kees_file(now);
    let import = |app: &mut App, f: &volgspot::model::interview_file::InterviewFile| {
        app.session_mut()
            .unwrap()
            .import_interviews(
                vec![("kees.interview.json".into(), Ok(f.clone()))],
                Lang::Nl.strings(),
                now,
                true,
            )
            .join("\n")
    };
    import(&mut app, &file);
    // Kees is the last interview: delete him. The unchanged file does not bring him back.
    for _ in 0..5 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Delete);
    key(&mut app, KeyCode::Char('j'));
    let said = import(&mut app, &file);
    assert!(said.contains("blijft verwijderd"), "{said}");
    assert!(
        app.session()
            .unwrap()
            .doc
            .interviews
            .iter()
            .all(|i| i.interviewee != "Kees")
    );
    // The interviewer changed the file since: he is back, marked; then U restores the
    // deleted copy too.
    let mut later = file.clone();
    later.updated += time::Duration::hours(1);
    later.interview.notes[0].text.push_str(" (aangevuld)");
    let said = import(&mut app, &later);
    assert!(said.contains("elke notitie gemarkeerd met ⚠"), "{said}");
    key(&mut app, KeyCode::Char('u'));
    let doc = &app.session().unwrap().doc;
    let kees: Vec<_> = doc
        .interviews
        .iter()
        .filter(|i| i.interviewee == "Kees")
        .collect();
    assert_eq!(kees.len(), 2, "both copies kept");
    assert_ne!(kees[0].id, kees[1].id);
    assert_ne!(kees[0].notes[0].id, kees[1].notes[0].id);
}

/// Two files of one day are told apart without names (interviewer, notes, pact, round),
/// and a file for another pact or round is imported only when the facilitator says so.
#[test]
fn picker_rows_differ_with_names_hidden_and_another_pacts_file_asks_first() {
    use volgspot::app::interviews::FileInfo;
    use volgspot::app::{Effect, Outcome};
    let mut app = on_interviews(Lang::Nl);
    let info = |who: &str, by: &str, notes: usize, pact: &str, round: Option<u8>| {
        Some(FileInfo {
            interviewee: who.into(),
            source: if who == "Karin" {
                "beleidsadviseur, Gemeente X".into()
            } else {
                String::new()
            },
            interviewer: by.into(),
            date: "2026-11-28".into(),
            notes,
            pact: pact.into(),
            round,
            newer: None,
        })
    };
    // Listed in file-name order, the other pact's file first.
    let files: Vec<std::path::PathBuf> = vec![
        "/tmp/sessies/2026-11-28-elders.interview.json".into(),
        "/tmp/sessies/2026-11-28-karin.interview.json".into(),
    ];
    if let View::Session(s) = &mut app.view {
        s.interviews.open_picker_with(
            &s.doc,
            "/tmp/sessies".into(),
            files.clone(),
            vec![
                info("Piet", "J. Bakker", 7, "Zorgpact Elders", Some(2)),
                info("Karin", "L. Smit", 3, "Zorgpact Rivierenland-West", Some(1)),
            ],
        );
    }
    // This pact's file is offered; the other pact's is not, but counted, with its key.
    let t = text(&render(&app, 140, 30));
    assert!(!t.contains("Karin") && !t.contains("Piet"), "{t}");
    assert!(
        t.contains("[ ] beleidsadviseur, Gemeente X · 2026-11-28 · L. Smit · 3 notities · Zorgpact Rivierenland-West · ronde 1"),
        "{t}"
    );
    assert!(!t.contains("J. Bakker"), "{t}");
    assert!(
        t.contains("Bestanden van andere pacten of rondes: 1 — T toont ze"),
        "{t}"
    );
    assert!(
        t.contains("T andere pacten"),
        "the footer names the key: {t}"
    );
    // T: under a heading of their own, after this pact's, marked ⚠.
    key(&mut app, KeyCode::Char('t'));
    let t = text(&render(&app, 140, 30));
    let own = t.find("L. Smit").unwrap();
    let heading = t
        .find("Van andere pacten of rondes (⚠: Enter vraagt eerst) — T verbergt ze")
        .unwrap_or_else(|| panic!("{t}"));
    let other = t
        .find("[ ] ⚠ Zorgpact Elders · ronde 2 · 2026-11-28 · J. Bakker · 7 notities")
        .unwrap_or_else(|| panic!("{t}"));
    assert!(own < heading && heading < other, "{t}");
    // Enter on the other pact's file asks first; Esc goes back without importing.
    key(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 120, 30));
    assert!(t.contains("van een ander pact of een andere ronde"), "{t}");
    key(&mut app, KeyCode::Esc);
    let s = app.session_mut().unwrap();
    assert!(s.interviews.picker.is_some(), "still choosing");
    // Enter, and Enter again: now it is imported.
    let ctx_key = |app: &mut App| {
        let show_names = app.show_names;
        let s = app.session_mut().unwrap();
        let mut doc = s.doc.clone();
        let ctx = volgspot::app::Ctx {
            method: &volgspot::method::Method::builtin(Lang::Nl),
            t: Lang::Nl.strings(),
            now: time::OffsetDateTime::UNIX_EPOCH,
            show_names,
        };
        s.interviews.handle_key(
            &mut doc,
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            &ctx,
        )
    };
    assert_eq!(ctx_key(&mut app), Outcome::Handled);
    assert_eq!(
        ctx_key(&mut app),
        Outcome::Effect(Effect::ImportInterviews(vec![files[0].clone()]))
    );
}

#[test]
fn g_shows_no_name_while_names_are_hidden() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('g'));
    let t = text(&render(&app, 100, 30));
    assert!(!t.contains("Marieke"), "{t}");
    assert!(t.contains("(naam verborgen, F8)"), "{t}");
    key(&mut app, KeyCode::F(8));
    let t = text(&render(&app, 100, 30));
    assert!(t.contains("Marieke de Vries"), "{t}");
}

/// The interview's own details changed on both sides: the list shows both values with
/// where the other comes from, and X takes the file's (R would keep the session's).
#[test]
fn details_changed_on_both_sides_show_both_values_and_x_takes_the_files() {
    let mut app = on_interviews(Lang::Nl);
    let now = app.now;
    let mut file = kees_file(now);
    file.interview.role = "trekker".into();
    let import = |app: &mut App, f: &volgspot::model::interview_file::InterviewFile| {
        app.session_mut().unwrap().import_interviews(
            vec![("2026-11-28-kees.interview.json".into(), Ok(f.clone()))],
            Lang::Nl.strings(),
            now,
            true,
        )
    };
    import(&mut app, &file);
    let k = app.session().unwrap().doc.interviews.len() - 1;
    std::sync::Arc::make_mut(&mut app.session_mut().unwrap().doc.interviews[k]).role =
        "voorzitter".into();
    file.interview.role = "projectleider".into();
    let lines = import(&mut app, &file).join("\n");
    assert!(
        lines.contains("gegevens aan beide kanten gewijzigd"),
        "{lines}"
    );
    for _ in 0..5 {
        key(&mut app, KeyCode::Down);
    }
    let t = text(&render(&app, 120, 30));
    assert!(
        t.contains("⚠ (naam verborgen, F8)") || t.contains("⚠ voorzitter"),
        "{t}"
    );
    assert!(
        t.contains("⚠ rol: in de sessie voorzitter, in het bestand projectleider (2026-11-28"),
        "{t}"
    );
    let footer = t.lines().last().unwrap_or_default().to_string();
    assert!(footer.contains("X ") && footer.contains("R "), "{footer}");
    key(&mut app, KeyCode::Char('x'));
    let iv = &app.session().unwrap().doc.interviews[k];
    assert_eq!(iv.role, "projectleider");
    assert!(iv.fields_conflict.is_empty());
}

/// Editing a note with a conflict into one merged text: the other version stays in view
/// while typing; R then keeps the merged text.
#[test]
fn a_merged_text_is_edited_with_the_other_version_in_view() {
    let mut app = on_interviews(Lang::Nl);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter); // Jeroen: his first note has a conflict
    for _ in 0..3 {
        key(&mut app, KeyCode::Up);
    }
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::End);
    chars(&mut app, "; wel in keuzedelen");
    let t = text(&render(&app, 100, 40));
    assert!(
        t.contains("⚠ versie uit het interviewbestand: Zorgtechnologie komt nog"),
        "{t}"
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('r'));
    let n = notes_of(&app, 1)[0].clone();
    assert!(n.text.ends_with("; wel in keuzedelen"), "{}", n.text);
    assert!(!n.has_conflict());
}

/// Two interviews with one id in a session (an older volgspot could leave them): opening
/// it gives the second a fresh id and says so, so selecting one person never opens the
/// other and a typed note lands where it is typed.
#[test]
fn opening_a_session_with_two_interviews_of_one_id_repairs_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dubbel.volgspot.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/session-v2.json")).unwrap();
    let mut copy = doc["interviews"][0].clone();
    copy["interviewee"] = serde_json::json!("Piet Onbekend");
    copy["notes"] = serde_json::json!([]);
    doc["interviews"].as_array_mut().unwrap().push(copy);
    std::fs::write(&path, serde_json::to_string(&doc).unwrap()).unwrap();
    let mut app = demo_app(Lang::Nl);
    let mut rt = volgspot::tui::Runtime::new(dir.path().to_path_buf());
    volgspot::tui::open_session(&mut app, &mut rt, &path).unwrap();
    let s = app.session_mut().unwrap();
    s.screen = Screen::Interviews;
    let ids: Vec<_> = s.doc.interviews.iter().map(|i| i.id.clone()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0] != ids[2] && ids[1] != ids[2], "{ids:?}");
    let t = text(&render(&app, 120, 30));
    assert!(
        t.contains("Twee interviews hadden hetzelfde id; (naam verborgen, F8) kreeg een nieuw id"),
        "{t}"
    );
    // Piet is the third: opening him and typing lands in his interview.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "Piets eigen woorden");
    key(&mut app, KeyCode::Enter);
    let doc = &app.session().unwrap().doc;
    assert_eq!(doc.interviews[2].interviewee, "Piet Onbekend");
    assert_eq!(doc.interviews[2].notes[0].text, "Piets eigen woorden");
    assert!(
        doc.interviews[0]
            .notes
            .iter()
            .all(|n| n.text != "Piets eigen woorden")
    );
    // Saved at once, repaired, on disk.
    let (on_disk, _) = volgspot::store::load_session(&path).unwrap();
    assert_ne!(on_disk.interviews[0].id, on_disk.interviews[2].id);
}

/// At 80×24 the picker shows what its ⚠ is about (the other file's pact and round), the
/// question after Enter is whole, and a damaged file looks damaged.
#[test]
fn at_80_columns_the_picker_shows_the_other_pact_and_round_and_a_damaged_file() {
    use volgspot::app::interviews::FileInfo;
    let mut app = on_interviews(Lang::Nl);
    let files: Vec<std::path::PathBuf> = vec![
        "/tmp/sessies/2026-11-28-elders.interview.json".into(),
        "/tmp/sessies/2026-11-29-kapot.interview.json".into(),
    ];
    if let View::Session(s) = &mut app.view {
        s.interviews.open_picker_with(
            &s.doc,
            "/tmp/sessies".into(),
            files,
            vec![
                Some(FileInfo {
                    interviewee: "Piet".into(),
                    source: "wijkverpleegkundige bij Zorggroep Rivierenland-Noord".into(),
                    interviewer: "J. Bakker-van den Heuvel".into(),
                    date: "2026-11-28".into(),
                    notes: 7,
                    pact: "Zorgpact Elders".into(),
                    round: Some(2),
                    newer: None,
                }),
                None,
            ],
        );
    }
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("✗ beschadigd bestand: 2026-11-29"), "{t}");
    key(&mut app, KeyCode::Char('t'));
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("[ ] ⚠ Zorgpact Elders · ronde 2 ·"), "{t}");
    // Down to the other pact's file, Enter: the question, whole.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 80, 24));
    assert!(
        t.contains("⚠ Gekozen: van een ander pact of een andere ronde."),
        "{t}"
    );
    assert!(
        t.contains("Enter: toch importeren · andere toets: terug"),
        "{t}"
    );
}

/// An interview file that could not be read ("beschadigd": damaged), as an import meets it.
fn damaged(path: &str) -> volgspot::store::ImportError {
    volgspot::store::ImportError::Load(volgspot::store::LoadError {
        path: path.into(),
        problem: volgspot::store::LoadProblem::Io("beschadigd".into()),
    })
}

/// Deleting an interview whose notes the report quotes says how many quotes go with it.
#[test]
fn deleting_an_interview_quoted_in_the_report_says_so_first() {
    use volgspot::model::compose::{Block, BlockKind, ComposedSection, Composition};
    let mut app = on_interviews(Lang::En);
    if let View::Session(s) = &mut app.view {
        let note = s.doc.interviews[0].notes[0].id.clone();
        s.doc.composition = Some(Composition {
            sections: vec![ComposedSection {
                area: "regio".into(),
                question: None,
                blocks: vec![Block {
                    id: volgspot::model::Id::new(),
                    hidden: false,
                    public: true,
                    kind: BlockKind::Quote { note },
                }],
            }],
        });
    }
    let n = app.session().unwrap().doc.interviews[0].notes.len();
    key(&mut app, KeyCode::Char('d'));
    let t = text(&render(&app, 100, 30))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        t.contains(&format!(
            "with its {n} notes, 1 of them quoted in the report?"
        )),
        "{t}"
    );
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(app.session().unwrap().doc.interviews.len(), 1);
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(
        app.session().unwrap().doc.interviews.len(),
        2,
        "Ctrl-Z brings it back"
    );
}

/// Review: the "delete this interview?" question stayed armed when an app-wide key
/// (another screen, F-keys) took the next key, so a J pressed much later deleted it.
#[test]
fn an_app_wide_key_answers_the_delete_question_with_keep() {
    let mut app = on_interviews(Lang::Nl);
    let n = app.session().unwrap().doc.interviews.len();
    key(&mut app, KeyCode::Char('d'));
    assert!(text(&render(&app, 100, 30)).contains("verwijderen"));
    key(&mut app, KeyCode::PageDown);
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.session().unwrap().doc.interviews.len(),
        n,
        "a J after leaving the screen deleted the interview"
    );
}
