//! The Rapport screen (report composer): the public report of another pact (seed 003,
//! `tests/fixtures/seed-003-public-report.md`) rebuilt through the screen's own keys
//! from an empty session and exported as the publieksversie, compared section by
//! section; what the preview marks as left out; undo; snapshots.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;
use time::macros::datetime;
use volgspot::app::{App, SaveState, Screen, SessionView, View};
use volgspot::export::{self, Format};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::*;

const SEED: &str = include_str!("../fixtures/seed-003-public-report.md");
const PACT: &str = "Zorg- en Welzijnspact Midden- en Zuid- Gelderland";

/// The app as a facilitator drives it, counting every key and every paste.
struct Driver {
    app: App,
    actions: usize,
}

impl Driver {
    fn key(&mut self, code: KeyCode) {
        self.key_mod(code, KeyModifiers::NONE);
    }

    fn key_mod(&mut self, code: KeyCode, mods: KeyModifiers) {
        self.actions += 1;
        self.app.handle_event(Event::Key(KeyEvent::new(code, mods)));
    }

    fn keys(&mut self, code: KeyCode, n: usize) {
        for _ in 0..n {
            self.key(code);
        }
    }

    /// Text pasted (bracketed paste: one action), as from the old document.
    fn paste(&mut self, text: &str) {
        self.actions += 1;
        self.app.handle_event(Event::Paste(text.to_string()));
    }

    fn doc(&self) -> &Session {
        &self.app.session().unwrap().doc
    }

    /// Adds a block of kind `k` (the add menu's position) after the selected one.
    fn add(&mut self, k: usize) {
        self.key(KeyCode::Char('a'));
        self.keys(KeyCode::Down, k);
        self.key(KeyCode::Enter);
    }

    fn paragraph(&mut self, text: &str) {
        self.add(0);
        self.paste(text);
        self.key(KeyCode::Esc);
    }

    fn heading(&mut self, text: &str) {
        self.add(2);
        self.paste(text);
        self.key(KeyCode::Esc);
    }

    /// A typed list with its lead-in sentence.
    fn list(&mut self, lead: &str, items: &str, numbered: bool) {
        self.add(if numbered { 4 } else { 3 });
        if !lead.is_empty() {
            self.paste(lead);
        }
        self.key(KeyCode::Enter);
        self.paste(items);
        self.key(KeyCode::Esc);
    }

    /// The pact's own question for the section (empty: none).
    fn question(&mut self, q: &str) {
        self.key(KeyCode::Char('k'));
        // Ctrl-J clears the field to its start (the method's question is prefilled).
        self.key_mod(KeyCode::Char('j'), KeyModifiers::CONTROL);
        if !q.is_empty() {
            self.paste(q);
        }
        self.key(KeyCode::Enter);
    }

    fn next_section(&mut self) {
        self.key(KeyCode::Tab);
    }
}

/// The fixture's sections: heading → paragraphs (blank-line separated chunks).
fn seed_sections() -> Vec<(String, Vec<String>)> {
    let body = &SEED[SEED.find("-->").unwrap()..];
    let body = &body[body.find("## ").unwrap()..];
    body.split("\n## ")
        .map(|s| {
            let s = s.trim_start_matches("## ");
            let (head, rest) = s.split_once('\n').unwrap();
            let chunks = rest
                .split("\n\n")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect();
            (head.trim().to_string(), chunks)
        })
        .collect()
}

/// The export's sections by heading (without "## "), up to the methodiek.
fn export_sections(md: &str) -> Vec<(String, String)> {
    md.split("\n## ")
        .skip(1)
        .map(|s| {
            let (head, rest) = s.split_once('\n').unwrap_or((s, ""));
            (head.trim().to_string(), rest.to_string())
        })
        .collect()
}

/// Text without Markdown markup (escapes, emphasis, quote and heading marks, the
/// drawing markers) and with single spaces: what a reader reads.
fn normalise(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("<!--"))
        .map(|l| l.trim_start().trim_start_matches('>'))
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '\\' | '*' | '^' | '#'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the session knows before the report is written: the interview with the
/// approved quote and the intentions agreed in the focus group (recorded on the
/// Interviews and Samenwerkingswiel screens, not on the Rapport screen).
fn empty_session_with_what_the_meeting_recorded(quote: &str, intentions: &[String]) -> Session {
    let now = datetime!(2017-07-05 10:00 UTC);
    let mut s = Session::new(PACT, 1, now);
    s.intake.session_date = "2017-07-05".into();
    s.intake.meeting = "Focusgroep".into();
    let mut note = Note {
        id: Id::new(),
        text: quote.into(),
        area: "hoe".into(),
        kind: NoteKind::Citaat,
        public: true,
        ..Note::default()
    };
    note.set_approval(Approval::Akkoord, now);
    s.interviews.push(Arc::new(Interview {
        id: Id::new(),
        interviewee: "Tjerry Verhoeven".into(),
        role: "projectmanager WZW".into(),
        consent: Consent {
            quotes_public: true,
            with_name: true,
            coarse: false,
        },
        notes: vec![note],
        ..Interview::default()
    }));
    for text in intentions {
        s.intentions.push(Intention {
            id: Id::new(),
            text: text.clone(),
            public: true,
            ..Intention::default()
        });
    }
    s
}

fn app_on(doc: Session, lang: Lang) -> App {
    let mut view = SessionView::new(doc, "zwp.volgspot.json".into());
    view.save = SaveState::Saved(datetime!(2017-07-05 12:00 UTC));
    App::new(
        lang,
        Method::builtin(lang),
        View::Session(Box::new(view)),
        datetime!(2017-07-05 12:00 UTC),
    )
}

fn items(chunk: &str) -> String {
    chunk.to_string()
}

#[test]
fn the_public_report_of_seed_003_is_rebuilt_through_the_rapport_screen() {
    let seed = seed_sections();
    let names: Vec<&str> = seed.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        names,
        [
            "Waar werkt de regio aan?",
            "1. HET WAAROM",
            "2. HET WAT",
            "3. HET HOE",
            "4. HET PROCES: Succesfactoren en belemmeringen",
            "5. DE VOORTGANG",
        ]
    );
    let c = |s: usize, i: usize| seed[s].1[i].clone();
    // The quote: "Tjerry Verhoeven, projectmanager WZW:\n “…”." — the words after the
    // attribution are the note.
    let quote = c(3, 3).split_once(":\n").unwrap().1.trim().to_string();
    let intentions: Vec<String> = c(5, 3)
        .lines()
        .map(|l| l.trim_start_matches("- ").to_string())
        .collect();
    assert_eq!(c(5, 2), "Voor het vervolg wordt:");
    let doc = empty_session_with_what_the_meeting_recorded(&quote, &intentions);
    let mut d = Driver {
        app: app_on(doc, Lang::Nl),
        actions: 0,
    };

    // To the Rapport screen.
    d.keys(KeyCode::PageDown, 5);
    assert_eq!(d.app.session().unwrap().screen, Screen::Report);
    // Waar werkt de regio aan? A sub-heading and the portrait as a typed list; the
    // closing sentence is the report's own ("Dit document geeft …").
    d.heading(&c(0, 0));
    d.list("", &items(&c(0, 1)), false);
    assert!(
        d.doc().composition.is_some(),
        "the first change stores the draft"
    );
    // 1. HET WAAROM: the pact's question, one paragraph.
    d.next_section();
    d.question(&c(1, 0));
    d.paragraph(&c(1, 1));
    // 2. HET WAT: two lists, each with its lead-in sentence; the first numbered.
    d.next_section();
    d.question(&c(2, 0));
    d.list(&c(2, 1), &c(2, 2), true);
    d.list(&c(2, 3), &c(2, 4), false);
    // 3. HET HOE: two paragraphs; the approved quote is in the first draft already
    // (a quote block, drawn from the interview: the name and words are the note's).
    d.next_section();
    d.question(&c(3, 0));
    d.paragraph(&c(3, 1));
    d.paragraph(&c(3, 2));
    // 4. HET PROCES: no question in the original.
    d.next_section();
    d.question("");
    d.paragraph(&c(4, 0));
    d.paragraph(&c(4, 1));
    // 5. DE VOORTGANG: the question, a paragraph; the intentions are drawn from the
    // session, under the report's "Voor het vervolg wordt:".
    d.next_section();
    d.question(&c(5, 0));
    d.paragraph(&c(5, 1));

    let s = d.doc().clone();
    let method = Method::builtin(Lang::Nl);
    let report = export::build(&s, &method, Lang::Nl, true);
    let md = export::render(&report, Format::Markdown).unwrap();
    let out = export_sections(&md);
    let mut cannot = Vec::new();
    for (head, chunks) in &seed {
        let Some((_, body)) = out.iter().find(|(h, _)| h == head) else {
            panic!("no section {head} in\n{md}");
        };
        let want = normalise(&chunks.join("\n\n"));
        let got = normalise(body);
        if want != got {
            cannot.push(head.clone());
        }
        assert_eq!(got, want, "section {head}:\n{body}");
    }
    // The same report as HTML and Word: every section there too, the quote's speaker
    // and the sub-heading as such.
    let html = export::render(&report, Format::Html).unwrap();
    assert!(html.contains("<h3>Focusgroep Zorg- en Welzijnspact Midden- en Zuid- Gelderland</h3>"));
    assert!(html.contains("Tjerry Verhoeven, projectmanager WZW:"));
    let docx = export::bytes(&report, Format::Docx).unwrap();
    assert!(docx.starts_with(b"PK"), "a Word file is a zip");
    // The sections come in the original's order.
    let order: Vec<usize> = seed
        .iter()
        .map(|(h, _)| md.find(&format!("## {h}\n")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    println!(
        "seed 003 rebuilt through the Rapport screen in {} composer actions (keys and pastes, \
         5 of them PageDown to the screen); sentences that cannot be made: {}",
        d.actions,
        if cannot.is_empty() {
            "none".to_string()
        } else {
            cannot.join(", ")
        }
    );
    assert!(cannot.is_empty());
    // Every step is one undo: the last paragraph goes with one Ctrl-Z.
    let before = d.doc().composition.clone();
    d.key_mod(KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert_ne!(d.doc().composition, before);
    let voortgang = d
        .doc()
        .composition
        .as_ref()
        .unwrap()
        .section("voortgang")
        .unwrap();
    assert!(
        !voortgang
            .blocks
            .iter()
            .any(|b| b.kind.text().starts_with("Brede (kennisdelings)"))
    );
}

fn on_report(mut app: App) -> App {
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Report;
    }
    app
}

fn press(app: &mut App, code: KeyCode) {
    let mods = if code == KeyCode::BackTab {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    app.handle_key(KeyEvent::new(code, mods));
}

#[test]
fn the_preview_marks_a_quote_without_approval_and_a_hidden_block() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let iv = Arc::make_mut(&mut doc.interviews[0]);
    iv.notes[0].set_approval(Approval::NietGevraagd, datetime!(2017-07-05 10:00 UTC));
    let mut app = on_report(app_on(doc, Lang::Nl));
    // Section 3 (HET HOE) has the quote in its first draft.
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let t = text(&render(&app, 120, 40));
    // The block list names it, with why.
    assert!(
        t.contains("❝ [geen akkoord] projectmanager WZW — “Samen"),
        "{t}"
    );
    assert!(t.contains("⊘ citaat — geen akkoord"), "{t}");
    // The internal version shows it, with its approval.
    press(&mut app, KeyCode::Char('v'));
    let t = text(&render(&app, 120, 40));
    assert!(
        t.contains("Interne versie") && t.contains("Samen sterker"),
        "{t}"
    );
    // A hidden paragraph is marked in the public preview, and left out of the export.
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("Een alinea die nog niet af is.".into()));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('h'));
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("⊘ alinea — verborgen"), "{t}");
    let s = &app.session().unwrap().doc;
    let md = export::render(
        &export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true),
        Format::Markdown,
    )
    .unwrap();
    assert!(!md.contains("nog niet af") && !md.contains('⊘'), "{md}");
    // Undo names the step.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    let note = app.session().unwrap().undo_note.clone().unwrap();
    assert_eq!(note, "Ongedaan: alinea verborgen in HET HOE");
}

#[test]
fn a_quote_is_added_from_the_interviews_and_follows_its_note() {
    let doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let mut app = on_report(app_on(doc, Lang::Nl));
    // In section 1: add, Down ×6 to "Citaat…", Enter, Enter on the only quote.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('a'));
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Welk citaat?") && t.contains("[akkoord]"), "{t}");
    press(&mut app, KeyCode::Enter);
    let md = |app: &App| {
        let s = &app.session().unwrap().doc;
        export::render(
            &export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true),
            Format::Markdown,
        )
        .unwrap()
    };
    let waarom = md(&app);
    let sec = &waarom[waarom.find("## 1.").unwrap()..waarom.find("## 2.").unwrap()];
    assert!(
        sec.contains("Tjerry Verhoeven, projectmanager WZW:"),
        "{sec}"
    );
    assert!(sec.contains("> “Samen sterker.”"), "{sec}");
    // The words change after approval: the quote leaves the publieksversie.
    if let View::Session(s) = &mut app.view {
        Arc::make_mut(&mut s.doc.interviews[0]).notes[0].text = "“Samen sterk.”".into();
    }
    assert!(!md(&app).contains("Samen sterk"));
}

#[test]
fn the_checklist_judges_the_composed_report_and_jumps_to_its_section() {
    // The example's DE VOORTGANG has public intentions: not empty.
    let app = demo_app(Lang::Nl);
    let s = &app.session().unwrap().doc;
    let gaps = export::gaps(s, &app.method);
    assert!(
        !gaps
            .iter()
            .any(|g| matches!(g, export::Gap::EmptySection(n) if n == "DE VOORTGANG")),
        "{gaps:?}"
    );
    // An empty session: every section is empty, Enter goes to the Rapport screen on it.
    let mut app = app_on(
        Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC)),
        Lang::Nl,
    );
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Summary;
    }
    // NoRegionDescription, then section 1, 2: Tab twice to HET WAT.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    let s = app.session().unwrap();
    assert_eq!(s.screen, Screen::Report);
    assert_eq!(s.compose.area(&app.method), "wat");
}

#[test]
fn a_session_composed_survives_save_and_load() {
    let mut doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let method = Method::builtin(Lang::Nl);
    let mut comp = export::compose::first_draft(&doc, &method);
    comp.section_mut("waarom").question = Some("Wat is het vraagstuk van ZWP?".into());
    doc.composition = Some(comp);
    let json = serde_json::to_string_pretty(&doc).unwrap();
    let (back, _) = volgspot::store::parse_session(&json).unwrap();
    assert_eq!(back.composition, doc.composition);
    // A schema-4 file without a composition loads with none: the report is the draft.
    let old = json.replace(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        "\"schema_version\": 4",
    );
    let old: serde_json::Value = serde_json::from_str(&old).unwrap();
    let mut old = old;
    old.as_object_mut().unwrap().remove("composition");
    let (back, _) = volgspot::store::parse_session(&old.to_string()).unwrap();
    assert!(back.composition.is_none());
}

#[test]
fn rapport_screen_snapshots() {
    for (lang, code) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let mut app = on_report(demo_app(lang));
        press(&mut app, KeyCode::Tab);
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("rapport_{code}_{w}x{h}"), text(&render(&app, w, h)));
        }
    }
    // The add menu, at the small size.
    let mut app = on_report(demo_app(Lang::Nl));
    press(&mut app, KeyCode::Char('a'));
    insta::assert_snapshot!("rapport_add_nl_80x24", text(&render(&app, 80, 24)));
}

#[test]
fn help_lists_every_key_of_the_rapport_screen_at_80x24() {
    let mut app = on_report(demo_app(Lang::Nl));
    press(&mut app, KeyCode::Char('?'));
    let t = text(&render(&app, 80, 24));
    for label in [
        "blok toevoegen",
        "blok bewerken",
        "blok verplaatsen",
        "verbergen/tonen",
        "openbaar aan/uit",
        "blok verwijderen",
        "publiek / intern",
        "vraag van het pact",
    ] {
        assert!(t.contains(label), "{label}:\n{t}");
    }
}

#[test]
fn a_quote_whose_note_was_deleted_is_left_out_and_says_so() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let method = Method::builtin(Lang::Nl);
    doc.composition = Some(export::compose::first_draft(&doc, &method));
    Arc::make_mut(&mut doc.interviews[0]).notes.clear();
    let mut report = export::build(&doc, &method, Lang::Nl, true);
    let hoe = report.sections.iter().find(|s| s.id == "hoe").unwrap();
    assert!(
        hoe.blocks
            .iter()
            .any(|b| b.kind == "omitted" && b.reason == "quote_missing")
    );
    report.preview = true;
    let md = export::render_preview(&report).unwrap();
    assert!(
        md.contains("⊘ citaat — de notitie bestaat niet meer"),
        "{md}"
    );
}

#[test]
fn a_drawn_list_keeps_its_default_lead_in_until_another_is_typed() {
    let mut app = on_report(demo_app(Lang::Nl));
    let md = |app: &App| {
        let s = &app.session().unwrap().doc;
        export::render(
            &export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true),
            Format::Markdown,
        )
        .unwrap()
    };
    // DE VOORTGANG: its last block is the intentions, drawn from the session.
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("›▸ ⟵ Samenwerkingswiel › voornemens"), "{t}");
    press(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("Voor het vervolg wordt:"), "prefilled:\n{t}");
    press(&mut app, KeyCode::Enter);
    assert!(md(&app).contains("Voor het vervolg wordt:"));
    press(&mut app, KeyCode::Enter);
    app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    app.handle_event(Event::Paste("Wat we gaan doen:".into()));
    press(&mut app, KeyCode::Enter);
    let out = md(&app);
    assert!(
        out.contains("Wat we gaan doen:\n\n- een gezamenlijke leerlijn")
            && !out.contains("Voor het vervolg wordt:"),
        "{out}"
    );
}

#[test]
fn control_characters_typed_into_a_block_never_reach_the_terminal_raw() {
    let mut app = on_report(demo_app(Lang::Nl));
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("Alinea \u{1b}[31mrood\u{7}".into()));
    press(&mut app, KeyCode::Esc);
    let t = text(&render(&app, 120, 40));
    assert!(!t.contains('\u{1b}') && !t.contains('\u{7}'), "{t}");
    assert!(t.contains("␛[31mrood"), "{t}");
    let s = &app.session().unwrap().doc;
    let md = export::render(
        &export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true),
        Format::Markdown,
    )
    .unwrap();
    assert!(
        !md.contains('\u{1b}') && md.contains("Alinea \\[31mrood"),
        "{md}"
    );
}

#[test]
fn the_stored_first_draft_exports_exactly_what_the_session_without_one_does() {
    let app = demo_app(Lang::Nl);
    let s = app.session().unwrap().doc.clone();
    assert!(s.composition.is_none());
    let mut composed = s.clone();
    for lang in [Lang::Nl, Lang::En] {
        let method = Method::builtin(lang);
        composed.composition = Some(export::compose::first_draft(&s, &method));
        for public in [false, true] {
            for format in [Format::Markdown, Format::Html] {
                let a = export::render(&export::build(&s, &method, lang, public), format).unwrap();
                let b = export::render(&export::build(&composed, &method, lang, public), format)
                    .unwrap();
                assert_eq!(a, b, "{lang:?} public={public} {format:?}");
            }
        }
    }
}

#[test]
fn a_drawn_list_follows_its_source_after_composing() {
    let mut app = on_report(demo_app(Lang::Nl));
    // Any change stores the draft: hide and show the first block of the region.
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('h'));
    let View::Session(s) = &mut app.view else {
        unreachable!()
    };
    assert!(s.doc.composition.is_some());
    // The triangle item is renamed on the Analyse-driehoek after the report was composed.
    let item = s
        .doc
        .triangle
        .items
        .iter_mut()
        .find(|i| i.title == "Leerlijn zorg en technologie")
        .unwrap();
    item.title = "Leerlijn zorg, welzijn en technologie".into();
    let md = export::render(
        &export::build(&s.doc, &Method::builtin(Lang::Nl), Lang::Nl, true),
        Format::Markdown,
    )
    .unwrap();
    let wat = &md[md.find("## 2. HET WAT").unwrap()..md.find("## 3.").unwrap()];
    assert!(
        wat.contains("- Leerlijn zorg, welzijn en technologie\n"),
        "{wat}"
    );
}

#[test]
fn an_approved_quote_the_composed_report_does_not_use_is_on_the_checklist() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let method = Method::builtin(Lang::Nl);
    let unused = |d: &Session| {
        export::gaps(d, &method)
            .into_iter()
            .any(|g| g == export::Gap::QuotesNotInReport(1))
    };
    assert!(!unused(&doc), "the first draft takes every quote");
    doc.composition = Some(export::compose::first_draft(&doc, &method));
    assert!(!unused(&doc));
    // Deleted from the report (D on its block): the checklist says so, Enter goes to
    // the Rapport screen.
    for s in &mut doc.composition.as_mut().unwrap().sections {
        s.blocks
            .retain(|b| !matches!(b.kind, volgspot::model::compose::BlockKind::Quote { .. }));
    }
    assert!(unused(&doc));
    assert_eq!(
        volgspot::app::summary::gap_screen(&export::Gap::QuotesNotInReport(1)),
        Screen::Report
    );
}

/// Review finding: a quote block whose note became an observatie (`k` on the Interviews
/// screen, or a re-import) was published without approval, under the previous quote's
/// speaker. It is left out of both versions, and the block list says why.
#[test]
fn a_quote_whose_note_is_no_longer_a_quote_is_left_out_of_both_versions() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let iv = Arc::make_mut(&mut doc.interviews[0]);
    iv.notes[0].set_approval(Approval::NietGevraagd, datetime!(2017-07-05 10:00 UTC));
    iv.notes[0].kind = NoteKind::Observatie;
    let method = Method::builtin(Lang::Nl);
    // The quote was added while it was one.
    let mut comp = export::compose::first_draft(&doc, &method);
    comp.section_mut("hoe")
        .blocks
        .push(compose::Block::new(compose::BlockKind::Quote {
            note: doc.interviews[0].notes[0].id.clone(),
        }));
    doc.composition = Some(comp);
    for public in [true, false] {
        let report = export::build(&doc, &method, Lang::Nl, public);
        let md = export::render(&report, Format::Markdown).unwrap();
        assert!(!md.contains("> “Samen sterker.”"), "{md}");
        let hoe = report.sections.iter().find(|s| s.id == "hoe").unwrap();
        assert!(
            hoe.blocks
                .iter()
                .any(|b| b.kind == "omitted" && b.reason == "quote_not_quote"),
            "{public}"
        );
    }
    let mut app = on_report(app_on(doc, Lang::Nl));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let t = text(&render(&app, 120, 40));
    assert!(
        t.contains("❝ [geen citaat meer] projectmanager WZW — “Samen"),
        "{t}"
    );
    assert!(t.contains("⊘ citaat — geen citaat meer"), "{t}");
    assert!(
        !t.contains("wacht op akkoord") && !t.contains("(geen akkoord)"),
        "{t}"
    );
}

/// Review finding: a quote withheld by an open import conflict said "geen akkoord".
#[test]
fn a_quote_withheld_by_an_import_conflict_says_so() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    Arc::make_mut(&mut doc.interviews[0])
        .fields_conflict
        .insert("role".into(), serde_json::json!("wethouder"));
    let mut report = export::build(&doc, &Method::builtin(Lang::Nl), Lang::Nl, true);
    let hoe = report.sections.iter().find(|s| s.id == "hoe").unwrap();
    assert!(
        hoe.blocks
            .iter()
            .any(|b| b.kind == "omitted" && b.reason == "quote_conflict"),
        "{:?}",
        hoe.blocks.iter().map(|b| b.reason).collect::<Vec<_>>()
    );
    report.preview = true;
    let md = export::render_preview(&report).unwrap();
    assert!(md.contains("⊘ citaat — open importconflict"), "{md}");
    let mut app = on_report(app_on(doc, Lang::Nl));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let t = text(&render(&app, 120, 40));
    assert!(
        t.contains("❝ [open importconflict] projectmanager WZW"),
        "{t}"
    );
}

/// Review finding: keys that change nothing turned the first draft into a stored
/// composition (no undo step), after which the report stopped following the session.
#[test]
fn keys_that_change_nothing_leave_the_first_draft_following_the_session() {
    let doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let mut app = on_report(app_on(doc, Lang::Nl));
    let shift = |app: &mut App, code| app.handle_key(KeyEvent::new(code, KeyModifiers::SHIFT));
    let none = |app: &App| app.session().unwrap().doc.composition.is_none();
    // The region: the drawn portrait, then the triangle drawing.
    shift(&mut app, KeyCode::Up);
    assert!(none(&app), "move up on the first block");
    press(&mut app, KeyCode::Down);
    shift(&mut app, KeyCode::Down);
    assert!(none(&app), "move down on the last block");
    press(&mut app, KeyCode::Char('n'));
    assert!(none(&app), "`n` on a drawing");
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Enter);
    assert!(none(&app), "the question confirmed unchanged");
    // A section the same way.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Enter);
    shift(&mut app, KeyCode::Up);
    assert!(none(&app), "in section 1");

    // A quote approved later still reaches the report.
    if let View::Session(s) = &mut app.view {
        let mut n = s.doc.interviews[0].notes[0].clone();
        n.id = Id::new();
        n.text = "“Later goedgekeurd.”".into();
        n.set_approval(Approval::Akkoord, datetime!(2017-07-06 10:00 UTC));
        Arc::make_mut(&mut s.doc.interviews[0]).notes.push(n);
    }
    let s = &app.session().unwrap().doc;
    let md = export::render(
        &export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true),
        Format::Markdown,
    )
    .unwrap();
    assert!(md.contains("> “Later goedgekeurd.”"), "{md}");
    // A real move does store the composition.
    let mut app = app;
    shift(&mut app, KeyCode::Down);
    assert!(!none(&app), "{}", text(&render(&app, 120, 40)));
}

/// Review finding: an attention area added to the method after composing had no
/// section in the report: it gets its first-draft section.
#[test]
fn an_area_added_to_the_method_after_composing_gets_its_first_draft_section() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let method = Method::builtin(Lang::Nl);
    doc.composition = Some(export::compose::first_draft(&doc, &method));
    let mut wider = method.clone();
    let mut extra = wider.areas.last().unwrap().clone();
    extra.id = "extra".into();
    extra.name = "HET EXTRA".into();
    extra.report_title = None;
    extra.report = Default::default();
    wider.areas.push(extra);
    doc.intake.observations.insert(
        "extra".into(),
        "Een observatie over het extra gebied.".into(),
    );
    let md = export::render(
        &export::build(&doc, &wider, Lang::Nl, true),
        Format::Markdown,
    )
    .unwrap();
    let sec = &md[md.find("HET EXTRA").expect(&md)..];
    assert!(
        sec.contains("Een observatie over het extra gebied."),
        "{md}"
    );
}

/// Review finding: the preview's name masking replaced names in interview order after
/// the report was built: "Jan" before "Jan de Vries" left "‹naam: F8› de Vries", and a
/// name with an invisible character was not matched at all.
#[test]
fn the_preview_without_names_never_shows_part_of_a_surname() {
    for first in ["Jan", "Jan\u{200B}"] {
        let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
        Arc::make_mut(&mut doc.interviews[0]).interviewee = "Jan de\u{200B} Vries".into();
        let mut other = (*doc.interviews[0]).clone();
        other.id = Id::new();
        other.interviewee = first.into();
        other.notes.clear();
        doc.interviews.insert(0, Arc::new(other));
        let app = on_report(app_on(doc, Lang::Nl));
        let s = app.session().unwrap();
        let method = Method::builtin(Lang::Nl);
        let p = s.compose.preview(s, &method, Lang::Nl, false);
        assert!(p.contains("‹naam: F8›, projectmanager WZW:"), "{p}");
        assert!(!p.contains("Vries") && !p.contains("Jan"), "{p}");
        let p = s.compose.preview(s, &method, Lang::Nl, true);
        assert!(p.contains("Vries"), "{p}");
    }
}

/// Review finding: the follow-up list's default lead-in was prefilled with a literal
/// `{n}`, and kept so when stored.
#[test]
fn the_follow_up_lead_in_names_the_round_it_looks_back_on() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    doc.intake.round = 2;
    doc.intentions.push(Intention {
        id: Id::new(),
        text: "Een regionaal loket".into(),
        public: true,
        carried_from: Some(1),
        ..Intention::default()
    });
    let method = Method::builtin(Lang::Nl);
    let draft = export::compose::first_draft(&doc, &method);
    let (sec, at) = draft
        .sections
        .iter()
        .enumerate()
        .find_map(|(i, s)| {
            s.blocks
                .iter()
                .position(|b| {
                    matches!(
                        &b.kind,
                        compose::BlockKind::Drawn {
                            source: compose::Source::FollowUp,
                            ..
                        }
                    )
                })
                .map(|j| (i, j))
        })
        .unwrap();
    let mut app = on_report(app_on(doc, Lang::Nl));
    for _ in 0..sec {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 120, 40));
    assert!(
        t.contains("voornemens uit ronde 1:") && !t.contains("{n}"),
        "{t}"
    );
    // Typed with a word more: stored, and exported with the round filled in.
    press(&mut app, KeyCode::End);
    app.handle_event(Event::Paste(" (ronde {n})".into()));
    press(&mut app, KeyCode::Enter);
    let s = &app.session().unwrap().doc;
    assert!(s.composition.is_some());
    let md = export::render(
        &export::build(s, &method, Lang::Nl, false),
        Format::Markdown,
    )
    .unwrap();
    assert!(md.contains("voornemens uit ronde 1: (ronde 1)"), "{md}");
    assert!(!md.contains("{n}"), "{md}");
}

/// Review finding: the public report handed to (overridable) templates still held the
/// text of hidden and non-public blocks and of unapproved quotes.
#[test]
fn what_is_left_out_of_the_publieksversie_is_not_handed_to_the_templates() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Geheim citaat.”", &[]);
    let iv = Arc::make_mut(&mut doc.interviews[0]);
    iv.notes[0].set_approval(Approval::NietGevraagd, datetime!(2017-07-05 10:00 UTC));
    let method = Method::builtin(Lang::Nl);
    let mut comp = export::compose::first_draft(&doc, &method);
    let sec = comp.section_mut("waarom");
    let mut hidden = compose::Block::new(compose::BlockKind::Paragraph {
        text: "Verborgen alinea".into(),
    });
    hidden.hidden = true;
    let mut internal = compose::Block::new(compose::BlockKind::List {
        lead: "Intern lijstje:".into(),
        items: vec!["intern punt".into()],
        numbered: false,
    });
    internal.public = false;
    sec.blocks.push(hidden);
    sec.blocks.push(internal);
    doc.composition = Some(comp);
    let report = export::build(&doc, &method, Lang::Nl, true);
    let json = serde_json::to_string(&report.sections).unwrap();
    for secret in [
        "Verborgen alinea",
        "Intern lijstje",
        "intern punt",
        "Geheim citaat",
    ] {
        assert!(!json.contains(secret), "{secret}: {json}");
    }
    // Still said what was left out, and why.
    let left: Vec<(&str, &str)> = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == "omitted")
        .map(|b| (b.was, b.reason))
        .collect();
    for want in [
        ("paragraph", "hidden"),
        ("list", "not_public"),
        ("quote", "quote_no_approval"),
    ] {
        assert!(left.contains(&want), "{want:?} in {left:?}");
    }
}

/// Review finding: adding a text block and pressing Esc left an empty block behind.
#[test]
fn a_text_block_added_and_cancelled_leaves_nothing_behind() {
    let doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let mut app = on_report(app_on(doc, Lang::Nl));
    press(&mut app, KeyCode::Tab);
    let blocks = |app: &App| {
        let s = app.session().unwrap();
        volgspot::app::compose::section_of(&s.doc, &Method::builtin(Lang::Nl), "waarom")
            .blocks
            .len()
    };
    let n = blocks(&app);
    // A paragraph added and left with Esc before anything is typed; a heading
    // confirmed empty.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(blocks(&app), n);
    assert!(app.session().unwrap().doc.composition.is_none());
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(blocks(&app), n);
    assert!(app.session().unwrap().doc.composition.is_none());
    let t = text(&render(&app, 120, 40));
    assert!(!t.contains("⊘ alinea") && !t.contains("⊘ tussenkop"), "{t}");
    // Added and typed (Esc leaves the text box, keeping what was typed): one block,
    // one undo step.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("Een alinea.".into()));
    press(&mut app, KeyCode::Esc);
    assert_eq!(blocks(&app), n + 1);
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(blocks(&app), n);
    assert!(app.session().unwrap().doc.composition.is_none());
}

/// Esc in the label, lead-in and question fields stores what was typed, as in the text
/// box and as the footer says ("Esc klaar met typen"); before, it silently threw the
/// typing away (and a new labelled paragraph with it).
#[test]
fn esc_in_a_one_line_field_keeps_what_was_typed() {
    let doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let mut d = Driver {
        app: app_on(doc, Lang::Nl),
        actions: 0,
    };
    d.keys(KeyCode::PageDown, 5);
    assert_eq!(d.app.session().unwrap().screen, Screen::Report);
    // A labelled paragraph: the label typed, then Esc.
    d.add(1);
    d.paste("Governance");
    d.key(KeyCode::Esc);
    // A typed list: only its lead-in, then Esc.
    d.add(3);
    d.paste("De partners noemen");
    d.key(KeyCode::Esc);
    // The next section's own question, then Esc.
    d.next_section();
    d.key(KeyCode::Char('k'));
    d.key_mod(KeyCode::Char('j'), KeyModifiers::CONTROL);
    d.paste("Wat is het vraagstuk van ZWP?");
    d.key(KeyCode::Esc);
    let method = Method::builtin(Lang::Nl);
    let report = export::build(d.doc(), &method, Lang::Nl, false);
    let md = export::render(&report, Format::Markdown).unwrap();
    for typed in ["Governance", "Wat is het vraagstuk van ZWP?"] {
        assert!(md.contains(typed), "'{typed}' lost:\n{md}");
    }
    // A list without items is left out of the export, but its lead-in is kept in the
    // session, ready for the items.
    let stored = serde_json::to_string(&d.doc().composition).unwrap();
    assert!(stored.contains("De partners noemen"), "{stored}");
}

/// Where `needle` (ASCII) starts on the screen, at or right of and below `from`.
fn find_cell(
    term: &ratatui::Terminal<ratatui::backend::TestBackend>,
    from: (u16, u16),
    needle: &str,
) -> (u16, u16) {
    let buf = term.backend().buffer();
    for y in from.1..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        for x in from.0 as usize..row.len() {
            if row[x..]
                .iter()
                .take(needle.len())
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

/// The Rapport preview's part of the screen as text, and its top left corner.
fn preview_part(term: &ratatui::Terminal<ratatui::backend::TestBackend>) -> (String, (u16, u16)) {
    let (x, y) = find_cell(term, (0, 0), "Publieksversie");
    let from = (x.saturating_sub(2), y + 1);
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in from.1..buf.area.height {
        for x in from.0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    (out, from)
}
/// Typed markup shows in the preview as md, html and docx render it: `*cursief*` in
/// italics without its stars, `**vet**` bold, a link as its text and target, and a
/// typed `# …`, `1. …` and backslash as typed, not as a heading or a list.
#[test]
fn the_preview_shows_typed_markup_as_the_export_renders_it() {
    use ratatui::style::Modifier;
    let doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let mut app = on_report(app_on(doc, Lang::Nl));
    press(&mut app, KeyCode::Tab);
    for typed in [
        "Eerst *cursief* dan **vet**, zie [site](https://x.nl) of map C:\\data.",
        "# niet een kop",
        "1. niet een lijst",
    ] {
        press(&mut app, KeyCode::Char('a'));
        press(&mut app, KeyCode::Enter);
        app.handle_event(Event::Paste(typed.into()));
        press(&mut app, KeyCode::Esc);
    }
    // What the export writes.
    let s = &app.session().unwrap().doc;
    let report = export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true);
    let md = export::render(&report, Format::Markdown).unwrap();
    let html = export::render(&report, Format::Html).unwrap();
    assert!(
        md.contains("Eerst *cursief* dan **vet**, zie [site](https://x.nl) of map C:\\\\data."),
        "{md}"
    );
    assert!(
        md.contains("\\# niet een kop") && md.contains("1\\. niet een lijst"),
        "{md}"
    );
    assert!(
        html.contains("<em>cursief</em>") && html.contains("<strong>vet</strong>"),
        "{html}"
    );
    assert!(
        html.contains("<p>1. niet een lijst</p>") && html.contains("<p># niet een kop</p>"),
        "{html}"
    );
    for (w, h) in [(120, 40), (80, 24)] {
        let term = render(&app, w, h);
        insta::assert_snapshot!(format!("rapport_markup_nl_{w}x{h}"), text(&term));
        let (t, from) = preview_part(&term);
        let find = |needle: &str| find_cell(&term, from, needle);
        assert!(!t.contains("*cursief*") && !t.contains("**vet**"), "{t}");
        assert!(t.contains("C:\\data.") && !t.contains("C:\\\\data"), "{t}");
        assert!(
            t.contains("site (https://x.nl)") && !t.contains("[site]"),
            "{t}"
        );
        let buf = term.backend().buffer();
        let at = find("cursief");
        assert!(buf[at].modifier.contains(Modifier::ITALIC), "{:?}", buf[at]);
        let at = find("vet,");
        assert!(buf[at].modifier.contains(Modifier::BOLD), "{:?}", buf[at]);
        assert!(
            !buf[(at.0 + 3, at.1)].modifier.contains(Modifier::BOLD),
            "the comma is not bold"
        );
        let plain = buf[find("dan")].style();
        assert!(plain.add_modifier.is_empty(), "{plain:?}");
        // At 80×24 the rest is a page further (Space).
        let mut terms = vec![term];
        if w == 80 {
            press(&mut app, KeyCode::Char(' '));
            terms.push(render(&app, w, h));
        }
        // The style of a needle's first cell and of its cell `dx` further.
        let styles = |needle: &str, dx: u16| {
            for term in &terms {
                let (t, from) = preview_part(term);
                if t.contains(needle) {
                    let (x, y) = find_cell(term, from, needle);
                    let buf = term.backend().buffer();
                    return (buf[(x, y)].style(), buf[(x + dx, y)].style());
                }
            }
            panic!("'{needle}' not in the preview");
        };
        // Paragraphs, styled as the text around them: not a heading, not a list.
        assert_eq!(styles("# niet een kop", 2), (plain, plain));
        assert_eq!(styles("1. niet een lijst", 3), (plain, plain));
    }
}

/// Items of a drawn list that the publieksversie leaves out are counted in the public
/// preview with why ("⊘ 1 punt uit deze lijst — niet openbaar"), never with their text;
/// the export and the presenter view (F4) say nothing of them.
#[test]
fn items_left_out_of_a_drawn_list_are_marked_in_the_public_preview() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    for (title, public) in [("Open ambitie", true), ("Geheime ambitie", false)] {
        doc.triangle.items.push(TriangleItem {
            id: Id::new(),
            place: "ambities".into(),
            title: title.into(),
            public,
            ..TriangleItem::default()
        });
    }
    for (text, public) in [
        ("Open voornemen", true),
        ("Geheim voornemen", false),
        ("Nog een geheim", false),
    ] {
        doc.intentions.push(Intention {
            id: Id::new(),
            text: text.into(),
            public,
            ..Intention::default()
        });
    }
    // A note of HET HOE marked public, but with an open import conflict.
    let iv = Arc::make_mut(&mut doc.interviews[0]);
    iv.notes.push(Note {
        id: Id::new(),
        text: "Betwiste observatie".into(),
        area: "hoe".into(),
        kind: NoteKind::Observatie,
        public: true,
        conflict: Some(NoteConflict {
            text: Some("Andere woorden".into()),
            ..NoteConflict::default()
        }),
        ..Note::default()
    });
    let mut app = on_report(app_on(doc, Lang::Nl));
    press(&mut app, KeyCode::Tab);
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("Open ambitie"), "{t}");
    assert!(t.contains("⊘ 1 punt uit deze lijst — niet openbaar"), "{t}");
    assert!(!t.contains("Geheime ambitie"), "{t}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let t = text(&render(&app, 120, 40));
    assert!(
        t.contains("⊘ 1 punt uit deze lijst — open importconflict"),
        "{t}"
    );
    assert!(!t.contains("Betwiste observatie"), "{t}");
    for _ in 0..2 {
        press(&mut app, KeyCode::Tab);
    }
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("Open voornemen"), "{t}");
    assert!(
        t.contains("⊘ 2 punten uit deze lijst — niet openbaar"),
        "{t}"
    );
    assert!(!t.contains("Geheim voornemen"), "{t}");
    // The internal version shows them, marked.
    press(&mut app, KeyCode::Char('v'));
    let t = text(&render(&app, 120, 40));
    assert!(
        t.contains("Geheim voornemen") && !t.contains("⊘ 2 punten"),
        "{t}"
    );
    press(&mut app, KeyCode::Char('v'));
    // Not in the export, not in the presenter view.
    let s = &app.session().unwrap().doc;
    let md = export::render(
        &export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true),
        Format::Markdown,
    )
    .unwrap();
    assert!(!md.contains('⊘') && !md.contains("Geheim"), "{md}");
    app.handle_key(KeyEvent::new(KeyCode::F(4), KeyModifiers::NONE));
    let t = text(&render(&app, 120, 40));
    assert!(
        !t.contains('⊘') && !t.contains("Geheim") && !t.contains("Betwiste"),
        "{t}"
    );
}

/// The quote picker and the ❝ rows say first whether the quote may be published
/// (akkoord, geen akkoord, gewijzigd na akkoord, geen toestemming, open importconflict),
/// so a long quote cut at 80 columns still shows it; the state is green only when the
/// publieksversie prints the quote.
#[test]
fn quote_rows_show_whether_the_quote_may_be_published() {
    use ratatui::style::Color;
    let long = "“Wat we samen hebben opgebouwd in de regio is meer dan een verzameling \
                projecten: het is een manier van werken die blijft.”";
    let mut doc = empty_session_with_what_the_meeting_recorded(long, &[]);
    let now = datetime!(2017-07-05 10:00 UTC);
    let base = doc.interviews[0].notes[0].clone();
    let quote = |text: &str, approval: Approval| {
        let mut n = Note {
            id: Id::new(),
            text: text.into(),
            ..base.clone()
        };
        n.set_approval(approval, now);
        n
    };
    let iv = Arc::make_mut(&mut doc.interviews[0]);
    iv.notes
        .push(quote("“Nog niet gevraagd.”", Approval::NietGevraagd));
    let mut changed = quote("“Eerst zo.”", Approval::Akkoord);
    changed.text = "“Later anders.”".into();
    iv.notes.push(changed);
    let mut conflict = quote("“Betwist.”", Approval::Akkoord);
    conflict.conflict = Some(NoteConflict {
        text: Some("“Anders.”".into()),
        ..NoteConflict::default()
    });
    iv.notes.push(conflict);
    let mut other = (*doc.interviews[0]).clone();
    other.id = Id::new();
    other.consent.quotes_public = false;
    other.notes = vec![quote("“Zonder toestemming.”", Approval::Akkoord)];
    doc.interviews.push(Arc::new(other));
    let mut app = on_report(app_on(doc, Lang::Nl));
    // HET HOE holds the five quotes in its first draft.
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    // The quotes follow the drawn lists: the last block selected shows them all.
    for _ in 0..12 {
        press(&mut app, KeyCode::Down);
    }
    let term = render(&app, 80, 24);
    let t = text(&term);
    for state in [
        "[akkoord] ",
        "[geen akkoord] ",
        "[gewijzigd na akkoord] ",
        "[open importconflict] ",
        "[geen toestemming] ",
    ] {
        assert!(
            t.lines().any(|l| l.contains(&format!("❝ {state}"))),
            "{state}\n{t}"
        );
    }
    // Green for the publishable one, the warning colour for the others.
    let colour = |needle: &str| {
        let buf = term.backend().buffer();
        for y in 0..buf.area.height {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            if let Some(i) = row.find(needle) {
                let x = row[..i].chars().count() as u16 + 3;
                return buf[(x, y)].fg;
            }
        }
        panic!("{needle}\n{t}")
    };
    let ok = colour("❝ [akkoord]");
    let waiting = colour("❝ [geen akkoord]");
    assert_ne!(ok, waiting);
    assert_ne!(ok, Color::Reset);
    // The picker: add a quote in section 1.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Char('a'));
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let t = text(&render(&app, 80, 24));
    assert!(t.contains("Welk citaat?"), "{t}");
    for state in ["[akkoord] ", "[geen akkoord] ", "[gewijzigd na akkoord] "] {
        assert!(t.contains(state), "{state}\n{t}");
    }
    insta::assert_snapshot!("rapport_quote_picker_nl_80x24", t);
}

/// Undo says which block it put back, and where: "Ongedaan: alinea verplaatst in HET
/// WAAROM", not "Ongedaan: typen"; in English too.
#[test]
fn undo_names_the_block_and_the_section() {
    let undo = |app: &mut App| {
        app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        app.session().unwrap().undo_note.clone().unwrap_or_default()
    };
    let doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let mut app = on_report(app_on(doc, Lang::Nl));
    press(&mut app, KeyCode::Tab);
    // Added and typed: one step.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("Een alinea.".into()));
    press(&mut app, KeyCode::Esc);
    // Edited.
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste(" Meer.".into()));
    press(&mut app, KeyCode::Esc);
    // Moved, made not public, the section's question.
    app.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('k'));
    app.handle_event(Event::Paste(" Echt?".into()));
    press(&mut app, KeyCode::Esc);
    for want in [
        "Ongedaan: vraag van HET WAAROM bewerkt",
        "Ongedaan: alinea niet openbaar gemaakt in HET WAAROM",
        "Ongedaan: alinea verplaatst in HET WAAROM",
        "Ongedaan: alinea bewerkt in HET WAAROM",
        "Ongedaan: alinea toegevoegd aan HET WAAROM",
    ] {
        assert_eq!(undo(&mut app), want);
    }
    assert!(app.session().unwrap().doc.composition.is_none());
    // A block added and cancelled is no step: undo has nothing of it to put back.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(undo(&mut app), "");
    // In English, the region's section, deleting a drawn list.
    let doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let mut app = on_report(app_on(doc, Lang::En));
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(
        undo(&mut app),
        "Undone: list from the session deleted from the region"
    );
}

/// Cells drawn as a text cursor (reversed) in the text fields: not in the header and
/// footer rows, nor in a row that starts reversed (a field's name, the theme's focus).
fn cursors(term: &ratatui::Terminal<ratatui::backend::TestBackend>) -> usize {
    use ratatui::style::Modifier;
    let buf = term.backend().buffer();
    let reversed = |x: u16, y: u16| buf[(x, y)].modifier.contains(Modifier::REVERSED);
    (1..buf.area.height - 1)
        .filter(|&y| !reversed(0, y) && !reversed(1, y))
        .map(|y| (2..buf.area.width).filter(|&x| reversed(x, y)).count())
        .sum()
}

/// Tryout: a labelled paragraph being edited showed a cursor in the label and one in
/// the text.
#[test]
fn a_labelled_paragraph_being_edited_shows_one_cursor() {
    let doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let mut app = on_report(app_on(doc, Lang::Nl));
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("Governance".into()));
    assert_eq!(cursors(&render(&app, 80, 24)), 1);
    // Enter: on to the text; the label keeps its words, without a cursor.
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("De stuurgroep besluit.".into()));
    let term = render(&app, 80, 24);
    assert_eq!(cursors(&term), 1, "{}", text(&term));
    let t = text(&term);
    assert!(
        t.contains("Governance") && t.contains("De stuurgroep besluit."),
        "{t}"
    );
    insta::assert_snapshot!("rapport_labelled_edit_nl_80x24", t);
}

/// Tryout: lines pasted from a document into a typed list kept their "1. " (and the
/// list wrote its own number before it).
#[test]
fn list_markers_pasted_into_a_typed_list_are_left_out() {
    let doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let mut app = on_report(app_on(doc, Lang::Nl));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('a'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste("We gaan:".into()));
    press(&mut app, KeyCode::Enter);
    app.handle_event(Event::Paste(
        "1. Een leerlijn\n2) Een monitor\n- 1.5 fte extra".into(),
    ));
    press(&mut app, KeyCode::Esc);
    let s = &app.session().unwrap().doc;
    let md = export::render(
        &export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, true),
        Format::Markdown,
    )
    .unwrap();
    assert!(
        md.contains("We gaan:\n\n1. Een leerlijn\n2. Een monitor\n3. 1.5 fte extra\n"),
        "{md}"
    );
}

/// Tryout: the section's own question (K) scrolled a long question on one row; it
/// wraps, so all of it can be read while typing.
#[test]
fn a_long_section_question_wraps_while_it_is_typed() {
    let doc = Session::new(PACT, 1, datetime!(2017-07-05 10:00 UTC));
    let mut app = on_report(app_on(doc, Lang::Nl));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('k'));
    app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    let question = "Wat is het overstijgende vraagstuk van het Zorg- en Welzijnspact \
                    Midden- en Zuid-Gelderland, en waarom is juist nu samenwerking nodig?";
    app.handle_event(Event::Paste(question.into()));
    let term = render(&app, 80, 24);
    let t = text(&term);
    let shown: Vec<&str> = t.split_whitespace().collect();
    for word in [
        "overstijgende",
        "Welzijnspact",
        "Zuid-Gelderland,",
        "samenwerking",
        "nodig?",
    ] {
        assert!(shown.contains(&word), "{word}\n{t}");
    }
    assert_eq!(cursors(&term), 1, "{t}");
    insta::assert_snapshot!("rapport_question_edit_nl_80x24", t);
}

/// Tryout: after E the message (folder and files) was cut to the left pane; it shows
/// in full in a popup, which the next key closes.
#[test]
fn the_export_message_shows_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_report(demo_app(Lang::Nl));
    if let View::Session(s) = &mut app.view {
        s.path = dir
            .path()
            .join("rivierenland-ronde1-2026-10-01.volgspot.json");
    }
    press(&mut app, KeyCode::Char('e'));
    volgspot::tui::export_reports(&mut app);
    let t = text(&render(&app, 80, 24));
    let joined: String = t.split_whitespace().collect::<Vec<_>>().join("");
    for name in [
        "intern.md",
        "intern.html",
        "intern.docx",
        "publiek.md",
        "publiek.html",
        "publiek.docx",
    ] {
        let file = format!("rivierenland-ronde1-2026-11-26.{name}");
        assert!(joined.contains(&file), "{file}\n{t}");
    }
    let folder: String = dir.path().display().to_string();
    assert!(joined.contains(&folder.replace(' ', "")), "{folder}\n{t}");
    // Esc closes it and does nothing else.
    press(&mut app, KeyCode::Esc);
    let t = text(&render(&app, 80, 24));
    assert!(!t.contains("Esc sluit dit venster"), "{t}");
    assert_eq!(app.session().unwrap().screen, Screen::Report);
    // A key of the whole app (to the screen before and back) closes it too.
    press(&mut app, KeyCode::Char('e'));
    volgspot::tui::export_reports(&mut app);
    assert!(text(&render(&app, 80, 24)).contains("Esc sluit dit venster"));
    press(&mut app, KeyCode::PageUp);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.session().unwrap().screen, Screen::Report);
    let t = text(&render(&app, 80, 24));
    assert!(!t.contains("Esc sluit dit venster"), "{t}");
}

/// Tryout: a quote imported as `approval: akkoord` without the approved words showed
/// "[gewijzigd na akkoord]", which it never was. It says what it is and, as before,
/// waits (which words were approved is unknown).
#[test]
fn a_quote_approved_without_recorded_words_says_so() {
    let mut doc = empty_session_with_what_the_meeting_recorded("“Samen sterker.”", &[]);
    let iv = Arc::make_mut(&mut doc.interviews[0]);
    iv.notes[0].approval = Approval::Akkoord;
    iv.notes[0].approved = None;
    let mut app = on_report(app_on(doc, Lang::Nl));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let t = text(&render(&app, 120, 40));
    assert!(t.contains("❝ [akkoord, tekst niet vastgelegd]"), "{t}");
    assert!(
        t.contains("⊘ citaat — akkoord, tekst niet vastgelegd"),
        "{t}"
    );
    assert!(!t.contains("gewijzigd na akkoord"), "{t}");
    let report = export::build(
        &app.session().unwrap().doc,
        &Method::builtin(Lang::Nl),
        Lang::Nl,
        true,
    );
    let md = export::render(&report, Format::Markdown).unwrap();
    assert!(!md.contains("Samen sterker"), "{md}");
}
