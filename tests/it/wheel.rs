//! The Samenwerkingswiel screen: drawn and list views, intentions, a five-phase method,
//! the earlier round beside today.

use crate::common;

use common::ui::{demo_app, render, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use volgspot::app::wheel::Earlier;
use volgspot::app::{App, Screen, SessionView, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::{ActivityStatus, PartnerKind, Session};

fn on_wheel(lang: Lang) -> App {
    let mut app = demo_app(lang);
    if let View::Session(s) = &mut app.view {
        s.screen = Screen::Wheel;
    }
    app
}

fn view(app: &App) -> &SessionView {
    app.session().unwrap()
}

fn doc(app: &App) -> &Session {
    &view(app).doc
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::CONTROL));
}

fn typ(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

#[test]
fn drawn_list_and_intentions_views_at_80x24_and_200x60() {
    for lang in [Lang::Nl, Lang::En] {
        let code = if lang == Lang::Nl { "nl" } else { "en" };
        let mut app = on_wheel(lang);
        for name in ["drawn", "list", "intentions"] {
            if name == "list" {
                press(&mut app, KeyCode::Char('v'));
            }
            if name == "intentions" {
                press(&mut app, KeyCode::Char('i'));
            }
            for (w, h) in [(80, 24), (200, 60)] {
                let term = render(&app, w, h);
                let screen = text(&term);
                if lang == Lang::Nl {
                    match name {
                        "intentions" => {
                            assert!(screen.contains("geen kartrekker"), "{screen}");
                            assert!(screen.contains("Kartrekker: ROC Rivierenland"), "{screen}");
                        }
                        _ => {
                            assert!(screen.contains("Fase nu: Richten van de inzet"), "{screen}");
                            // The partner kinds differ: the facilitator must see it.
                            assert!(screen.contains("Partners zien verschillende"), "{screen}");
                            assert!(screen.contains("Onderwijs: Kaderen van de"), "{screen}");
                        }
                    }
                    if name == "drawn" {
                        for p in [
                            "1. Kaderen",
                            "2. Richten",
                            "3. Mobiliseren",
                            "4. Bestendigen",
                        ] {
                            assert!(screen.contains(p), "{p} missing:\n{screen}");
                        }
                    }
                }
                insta::assert_snapshot!(format!("wheel_{name}_{code}_{w}x{h}"), term.backend());
            }
        }
    }
}

#[test]
fn a_five_phase_method_file_draws_five_segments() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/method-5-phases.json");
    let method = Method::from_file(&path, &volgspot::app::Screen::ids()).expect("fixture loads");
    assert_eq!(method.wheel.phases.len(), 5);
    let mut app = on_wheel(Lang::Nl);
    app.method = method;
    // Move to the third phase and place the pact there.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(
        doc(&app).wheel.placement.phase.as_deref(),
        Some("uitproberen")
    );
    let names = [
        "Verkennen",
        "Ontwerpen",
        "Uitproberen",
        "Opschalen",
        "Verankeren",
    ];
    for (w, h) in [(80, 24), (200, 60)] {
        let term = render(&app, w, h);
        let screen = text(&term);
        for (i, n) in names.iter().enumerate() {
            assert!(
                screen.contains(&format!("{}. {n}", i + 1)),
                "{n}:\n{screen}"
            );
        }
        assert!(screen.contains("Fase nu: Uitproberen"), "{screen}");
        insta::assert_snapshot!(format!("wheel_five_phases_{w}x{h}"), term.backend());
    }
    press(&mut app, KeyCode::Char('v'));
    let screen = text(&render(&app, 80, 24));
    for n in names {
        assert!(screen.contains(n), "{n}:\n{screen}");
    }
    assert!(screen.contains("Pilots in de wijk"), "{screen}");
}

#[test]
fn the_earlier_round_is_shown_beside_today() {
    let mut app = on_wheel(Lang::Nl);
    let mut earlier = doc(&app).wheel.clone();
    earlier.placement.phase = Some("kaderen".into());
    earlier.activities.clear();
    earlier
        .activities
        .entry("bewustzijn".into())
        .or_default()
        .status = ActivityStatus::Bezig;
    if let View::Session(s) = &mut app.view {
        s.wheel.earlier = Some(Earlier {
            round: 1,
            wheel: earlier,
            label: String::new(),
        });
    }
    let screen = text(&render(&app, 200, 60));
    assert!(
        screen.contains("ronde 1: Kaderen van de uitdaging → nu: Richten van de inzet"),
        "{screen}"
    );
    // At 80×24 the same line, wrapped in its column.
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("ronde 1: Kaderen van de uitdaging →"),
        "{screen}"
    );
    assert!(screen.contains("nu: Richten van de inzet"), "{screen}");
    press(&mut app, KeyCode::Char('v'));
    let screen = text(&render(&app, 200, 60));
    assert!(screen.contains("gereed (r1: bezig)"), "{screen}");
}

#[test]
fn placing_per_kind_cycle_status_note_and_rename() {
    let mut app = on_wheel(Lang::Nl);
    press(&mut app, KeyCode::Right); // phase 2: Richten
    press(&mut app, KeyCode::Char('2')); // onderwijs moves to Richten too
    assert_eq!(
        doc(&app)
            .wheel
            .per_kind
            .get(&PartnerKind::Onderwijs)
            .map(String::as_str),
        Some("richten")
    );
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("zien dezelfde"), "{screen}");
    press(&mut app, KeyCode::Char('+'));
    assert!(text(&render(&app, 80, 24)).contains("2e keer rond"));
    press(&mut app, KeyCode::Down); // "pad", bezig in the example
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        doc(&app).wheel.activities["pad"].status,
        ActivityStatus::Gereed
    );
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "Routekaart? Vastgesteld.");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        doc(&app).wheel.activities["pad"].note,
        "Routekaart? Vastgesteld."
    );
    press(&mut app, KeyCode::Char('r'));
    typ(&mut app, "Route bepalen");
    press(&mut app, KeyCode::Esc);
    assert_eq!(doc(&app).wheel.renames["pad"], "Route bepalen");
    let screen = text(&render(&app, 200, 60));
    assert!(screen.contains("Route bepalen — gereed"), "{screen}");
    assert!(screen.contains("Routekaart? Vastgesteld."), "{screen}");
}

#[test]
fn evidence_shows_role_and_organisation_not_the_name() {
    let mut app = on_wheel(Lang::Nl);
    press(&mut app, KeyCode::Down); // "bewustzijn", linked in the example
    press(&mut app, KeyCode::Char('e'));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Onderbouwing bij"), "{screen}");
    assert!(
        screen.contains("[x] bestuurlijk trekker, Zorggroep De Linde"),
        "{screen}"
    );
    assert!(!screen.contains("Marieke"), "{screen}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(doc(&app).wheel.activities["bewustzijn"].evidence.len(), 2);
    press(&mut app, KeyCode::Esc);
    let screen = text(&render(&app, 200, 60));
    assert!(screen.contains("Onderbouwing:"), "{screen}");
    assert!(!screen.contains("Marieke"), "{screen}");
}

#[test]
fn intentions_add_edit_delete_undo_and_reorder() {
    let mut app = on_wheel(Lang::Nl);
    press(&mut app, KeyCode::Char('i'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('a'));
    assert!(view(&app).typing());
    typ(&mut app, "een monitor opgezet");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Gemeente Lingewaard-West");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "31-02-2027");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Geen geldige datum"), "{screen}");
    // Read whole at 80 columns: it says what to type.
    assert!(screen.contains("22-11-2026."), "{screen}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // link: first phase
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char(' ')); // not public
    press(&mut app, KeyCode::Esc);
    let list = &doc(&app).intentions;
    assert_eq!(list.len(), 3);
    let it = &list[2];
    assert_eq!(it.text, "een monitor opgezet");
    assert_eq!(it.owner, "Gemeente Lingewaard-West");
    assert_eq!(it.due, "31-02-2027", "kept as typed");
    assert_eq!(it.link.as_deref(), Some("kaderen"));
    assert!(!it.public);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("geen geldige datum: 31-02-2027"),
        "{screen}"
    );
    assert!(
        screen.contains("fase: Kaderen van de uitdaging"),
        "{screen}"
    );
    // Reorder: to the top.
    ctrl(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('<'));
    assert_eq!(doc(&app).intentions[0].text, "een monitor opgezet");
    // Delete and undo.
    press(&mut app, KeyCode::Delete);
    assert_eq!(doc(&app).intentions.len(), 2);
    assert!(text(&render(&app, 80, 24)).contains("Ctrl-Z zet het terug"));
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(doc(&app).intentions.len(), 3);
    assert_eq!(doc(&app).intentions[0].text, "een monitor opgezet");
    // An intention added and left empty is not kept.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(doc(&app).intentions.len(), 3);
    // Back to the wheel.
    press(&mut app, KeyCode::Esc);
    assert!(text(&render(&app, 80, 24)).contains("Fase nu"));
}

#[test]
fn help_lists_the_wheel_keys() {
    let mut app = on_wheel(Lang::Nl);
    press(&mut app, KeyCode::Char('?'));
    let screen = text(&render(&app, 200, 60));
    for k in [
        "plaats pact",
        "voornemens",
        "wiel/lijst",
        "onderbouwing koppelen",
        "eigen naam",
    ] {
        assert!(screen.contains(k), "{k}:\n{screen}");
    }
}

#[test]
fn help_fits_a_projected_80x24_screen_in_every_mode() {
    let mut app = on_wheel(Lang::Nl);
    let check = |app: &mut App, last: &str| {
        app.handle_key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE));
        let screen = text(&render(app, 80, 24));
        // The last key of the list and the closing hint are both visible.
        assert!(screen.contains(last), "{last}:\n{screen}");
        assert!(screen.contains("Esc sluit dit venster"), "{screen}");
        press(app, KeyCode::Esc);
    };
    check(&mut app, "volgend agendablok");
    press(&mut app, KeyCode::Char('i'));
    check(&mut app, "terug naar het wiel");
    press(&mut app, KeyCode::Enter);
    check(&mut app, "opnieuw (in het veld)");
}

#[test]
fn an_intentions_note_shows_before_its_status_and_rows_wrap_under_the_text() {
    let mut app = on_wheel(Lang::Nl);
    press(&mut app, KeyCode::Char('i'));
    // A fresh intention with a long text and no status yet.
    press(&mut app, KeyCode::Char('a'));
    typ(
        &mut app,
        "Richten van de inzet op de wijken waar de tekorten aan zorgprofessionals het grootst zijn",
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    typ(&mut app, "notitie X");
    press(&mut app, KeyCode::Esc);
    let n = 1 + doc(&app)
        .intentions
        .iter()
        .position(|i| i.text.starts_with("Richten van de inzet"))
        .unwrap();
    let it = &doc(&app).intentions[n - 1];
    assert!(it.outcome.is_none() && it.carried_from.is_none());
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("notitie X"), "{screen}");
    let lines: Vec<&str> = screen.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.contains(&format!("{n}. Richten van de")))
        .unwrap_or_else(|| panic!("the row is shown:\n{screen}"));
    let col = lines[first].find("Richten").unwrap();
    // The text's next line starts under the text, not under the number.
    let next = lines[first + 1];
    assert!(
        next[..col].trim_start_matches('│').trim().is_empty() && !next[col..].starts_with(' '),
        "continuation not indented under the text:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}
