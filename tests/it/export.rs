//! The post-session report: golden files of the example session, a leak test for the
//! publieksversie, well-formed self-contained HTML, CSV that survives a spreadsheet,
//! and the `volgspot export` command.

use crate::common;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use time::macros::datetime;
use volgspot::export::{self, Format, Gap};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::*;
use volgspot::store;

const BIN: &str = env!("CARGO_BIN_EXE_volgspot");

fn example() -> Session {
    store::parse_session(volgspot::tui::EXAMPLE).unwrap().0
}

fn render(s: &Session, lang: Lang, public: bool, format: Format) -> String {
    let report = export::build(s, &Method::builtin(lang), lang, public);
    export::render(&report, format).unwrap()
}

#[test]
fn golden_reports_of_the_example_session() {
    let s = example();
    for (name, lang, public, format) in [
        ("intern_nl_md", Lang::Nl, false, Format::Markdown),
        ("publiek_nl_md", Lang::Nl, true, Format::Markdown),
        ("intern_nl_html", Lang::Nl, false, Format::Html),
        ("publiek_nl_html", Lang::Nl, true, Format::Html),
        ("publiek_en_md", Lang::En, true, Format::Markdown),
        ("publiek_nl_csv", Lang::Nl, true, Format::Csv),
    ] {
        insta::assert_snapshot!(name, render(&s, lang, public, format));
    }
}

#[test]
fn output_is_deterministic() {
    let s = example();
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        assert_eq!(
            render(&s, Lang::Nl, false, format),
            render(&s, Lang::Nl, false, format)
        );
    }
}

#[test]
fn the_public_version_follows_the_seed_report_in_order() {
    let md = render(&example(), Lang::Nl, true, Format::Markdown);
    let order = [
        "# Volgspot 1: Zorgpact Rivierenland-West",
        "26 november 2026 · Stuurgroep",
        "## Waar werkt de regio aan?",
        "## 1. HET WAAROM",
        "## 2. HET WAT",
        "## 3. HET HOE",
        "Marieke de Vries, bestuurlijk trekker, Zorggroep De Linde:",
        "## 4. HET PROCES: Succesfactoren en belemmeringen",
        "zit in de fase van richten van de inzet",
        "## 5. DE VOORTGANG",
        "Voor het vervolg wordt:",
        "een gezamenlijke leerlijn zorg en technologie uitgewerkt (kartrekker: ROC Rivierenland",
        "## Over de methodiek van de Volgspot",
    ];
    let mut at = 0;
    for part in order {
        let found = md[at..]
            .find(part)
            .unwrap_or_else(|| panic!("'{part}' missing or out of order:\n{md}"));
        at += found + part.len();
    }
}

#[test]
fn english_exports_english_headings() {
    let md = render(&example(), Lang::En, true, Format::Markdown);
    assert!(md.contains("## What is the region working on?"), "{md}");
    assert!(md.contains("## About the Volgspot method"), "{md}");
    assert!(!md.contains("Waar werkt de regio aan?"), "{md}");
    let html = render(&example(), Lang::En, false, Format::Html);
    assert!(html.contains(r#"<html lang="en">"#));
}

#[test]
fn a_second_cycle_is_reported_as_in_the_seed() {
    let mut s = example();
    s.wheel.placement.cycle = 2;
    let md = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(
        md.contains("doorloopt daarmee voor de 2e keer de cirkel en zit nu (opnieuw) in de fase van richten van de inzet"),
        "{md}"
    );
    s.wheel.renames.insert("richten".into(), "Focus".into());
    let md = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(md.contains("in de fase van focus"), "{md}");
}

/// Strings that must never reach the publieksversie.
const SECRETS: &[&str] = &[
    "Henkie Geheimnaam",
    "Truus Zonderconsent",
    "GEHEIM-observatie",
    "GEHEIM-citaat-wacht",
    "GEHEIM-citaat-geweigerd",
    "GEHEIM-citaat-nietpubliek",
    "GEHEIM-citaat-geenconsent",
    "GEHEIM-belemmering",
    "GEHEIM-driehoek",
    "GEHEIM-itemeigenaar",
    "GEHEIM-itempartner",
    "GEHEIM-kader",
    "GEHEIM-motivatie",
    "GEHEIM-activiteit",
    "GEHEIM-voornemen",
    "GEHEIM-kartrekker",
    "GEHEIM-agendablok",
    "GEHEIM-Begeleider",
    "GEHEIM-Interviewer",
    "GEHEIM-contact",
    "GEHEIM-partnerrol",
    "GEHEIM-document",
    "GEHEIM-plaats",
];

/// What the public version must still show, so the test cannot pass by exporting nothing.
const PUBLISHED: &[&str] = &[
    "Publiek citaat van A",
    "beleidsadviseur, Gemeente Voorbeeld",
    "Publieke succesfactor van B",
    "Publiek driehoekitem",
    "Publiek voornemen",
];

fn note(text: &str, area: &str, kind: NoteKind, public: bool, approval: Approval) -> Note {
    let mut n = Note {
        id: Id::new(),
        text: text.into(),
        area: area.into(),
        kind,
        public,
        ..Note::default()
    };
    // Approved as written: the approval records these words.
    n.set_approval(approval, datetime!(2026-11-20 10:00 UTC));
    n
}

fn leaky_session() -> Session {
    let mut s = Session::new("Pact Lek", 2, datetime!(2026-11-26 14:00 +1));
    s.intake.region_description = "Een regio.".into();
    s.intake.place = "GEHEIM-plaats".into();
    s.intake.facilitators = "GEHEIM-Begeleider".into();
    s.intake.interviewers = "GEHEIM-Interviewer".into();
    s.intake.partners.push(Partner {
        organisation: "Gemeente Voorbeeld".into(),
        contact: "GEHEIM-contact".into(),
        role: "GEHEIM-partnerrol".into(),
        ..Partner::default()
    });
    s.intake.documents.push(Document {
        title: "GEHEIM-document".into(),
        ..Document::default()
    });
    use Approval::*;
    use NoteKind::*;
    s.interviews.push(std::sync::Arc::new(Interview {
        interviewee: "Henkie Geheimnaam".into(),
        organisation: "Gemeente Voorbeeld".into(),
        role: "beleidsadviseur".into(),
        interviewer: "GEHEIM-Interviewer".into(),
        consent: Consent {
            quotes_public: true,
            with_name: false,
            coarse: false,
        },
        notes: vec![
            note(
                "GEHEIM-observatie",
                "waarom",
                Observatie,
                false,
                NietGevraagd,
            ),
            note("Publiek citaat van A", "hoe", Citaat, true, Akkoord),
            note("GEHEIM-citaat-wacht", "hoe", Citaat, true, NietGevraagd),
            note("GEHEIM-citaat-geweigerd", "hoe", Citaat, true, Geweigerd),
            note("GEHEIM-citaat-nietpubliek", "hoe", Citaat, false, Akkoord),
            note("GEHEIM-belemmering", "proces", Belemmering, false, Akkoord),
        ],
        ..Interview::default()
    }));
    s.interviews.push(std::sync::Arc::new(Interview {
        interviewee: "Truus Zonderconsent".into(),
        organisation: "ROC Voorbeeld".into(),
        role: "directeur".into(),
        consent: Consent::default(),
        notes: vec![
            note("GEHEIM-citaat-geenconsent", "hoe", Citaat, true, Akkoord),
            note(
                "Publieke succesfactor van B",
                "proces",
                Succesfactor,
                true,
                NietGevraagd,
            ),
        ],
        ..Interview::default()
    }));
    s.triangle.items.push(TriangleItem {
        place: "ambities".into(),
        title: "GEHEIM-driehoek".into(),
        ..TriangleItem::default()
    });
    s.triangle.items.push(TriangleItem {
        place: "resultaten".into(),
        title: "Publiek driehoekitem".into(),
        owner: "GEHEIM-itemeigenaar".into(),
        partners: "GEHEIM-itempartner".into(),
        public: true,
        ..TriangleItem::default()
    });
    s.triangle
        .kader
        .insert("vraagstuk".into(), "GEHEIM-kader".into());
    s.wheel.placement = Placement {
        phase: Some("mobiliseren".into()),
        cycle: 2,
        motivation: "GEHEIM-motivatie".into(),
        public: false,
    };
    s.wheel.activities.insert(
        "uitvoeren".into(),
        ActivityState {
            status: ActivityStatus::Bezig,
            note: "GEHEIM-activiteit".into(),
            evidence: vec![],
        },
    );
    s.intentions.push(Intention {
        text: "GEHEIM-voornemen".into(),
        owner: "GEHEIM-kartrekker".into(),
        ..Intention::default()
    });
    s.intentions.push(Intention {
        text: "Publiek voornemen".into(),
        owner: "Gemeente Voorbeeld".into(),
        public: true,
        ..Intention::default()
    });
    s.agenda.blocks.push(AgendaBlock {
        title: "GEHEIM-agendablok".into(),
        minutes: 10,
        actual_seconds: 700,
        ..AgendaBlock::default()
    });
    s
}

#[test]
fn nothing_private_leaks_into_the_publieksversie() {
    let s = leaky_session();
    for lang in [Lang::Nl, Lang::En] {
        for format in [Format::Markdown, Format::Html, Format::Csv] {
            let public = render(&s, lang, true, format);
            for secret in SECRETS {
                assert!(
                    !public.contains(secret),
                    "{secret} leaked into the public {format:?} ({lang:?}):\n{public}"
                );
            }
            // The CSV holds notes and intentions only.
            for shown in PUBLISHED
                .iter()
                .filter(|p| format != Format::Csv || !p.contains("driehoek"))
            {
                assert!(
                    public.contains(shown),
                    "{shown} missing ({format:?}):\n{public}"
                );
            }
            // The internal report does carry them: the test data reaches the writers.
            let internal = render(&s, lang, false, format);
            for secret in [
                "Henkie Geheimnaam",
                "GEHEIM-citaat-wacht",
                "GEHEIM-voornemen",
            ] {
                assert!(
                    internal.contains(secret),
                    "{secret} missing internally ({format:?})"
                );
            }
        }
    }
    // No phase is shown when the placement is not public.
    let md = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(
        !md.contains("Mobiliseren") && !md.contains("mobiliseren"),
        "{md}"
    );
}

#[test]
fn a_quote_carries_the_name_only_with_consent() {
    let mut s = leaky_session();
    let md = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(md.contains("beleidsadviseur, Gemeente Voorbeeld:"), "{md}");
    std::sync::Arc::make_mut(&mut s.interviews[0])
        .consent
        .with_name = true;
    let md = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(
        md.contains("Henkie Geheimnaam, beleidsadviseur, Gemeente Voorbeeld:"),
        "{md}"
    );
}

fn check_well_formed(html: &str) {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(html);
    let mut depth: i64 = 0;
    let mut headings = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                depth += 1;
                let name = String::from_utf8_lossy(e.name().as_ref().as_bytes()).into_owned();
                if matches!(name.as_str(), "h1" | "h2" | "h3") {
                    headings.push(name);
                }
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at {}: {e}\n{}",
                reader.buffer_position(),
                &html[..(reader.buffer_position() as usize).min(html.len())]
            ),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    assert_eq!(headings.iter().filter(|h| *h == "h1").count(), 1);
    assert!(headings.iter().filter(|h| *h == "h2").count() >= 7);
}

#[test]
fn html_is_well_formed_self_contained_and_printable() {
    for s in [example(), leaky_session()] {
        for lang in [Lang::Nl, Lang::En] {
            for public in [false, true] {
                let html = render(&s, lang, public, Format::Html);
                check_well_formed(&html);
                for external in ["http", "src=", "<link", "@import", "url(", "<script"] {
                    assert!(!html.contains(external), "{external} in HTML");
                }
                assert!(html.contains("@media print") && html.contains("size: A4"));
                assert!(html.contains("<svg"), "figures are inline SVG");
            }
        }
    }
    let html = render(&example(), Lang::Nl, true, Format::Html);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{html}"
    );
}

#[test]
fn typed_markup_is_escaped_in_html() {
    let mut s = example();
    s.intake.pact_name = "Pact <b>&amp; \"zo\"</b>".into();
    s.intake.session_date = "<script>".into();
    let html = render(&s, Lang::Nl, false, Format::Html);
    assert!(
        !html.contains("<b>") && !html.contains("<script>"),
        "{html}"
    );
    check_well_formed(&html);
}

#[test]
fn csv_round_trips_accents_quotes_and_line_breaks() {
    let mut s = example();
    let text = "Coördinatie \"samen\" met ë,\nen een tweede regel";
    std::sync::Arc::make_mut(&mut s.interviews[0]).notes[0].text = text.into();
    s.intentions[0].text = "Ideeën delen; \"één\" loket".into();
    let csv_text = render(&s, Lang::Nl, false, Format::Csv);
    assert!(csv_text.starts_with('\u{feff}'), "BOM for spreadsheets");
    let body = csv_text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(&headers[3], "tekst");
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    assert!(rows.iter().any(|r| &r[3] == text), "{csv_text}");
    assert!(rows.iter().any(|r| &r[3] == "Ideeën delen; \"één\" loket"));
    // One row per note and per intention.
    assert_eq!(rows.len(), s.note_count() + s.intentions.len());
}

#[test]
fn the_checklist_names_what_is_missing() {
    let s = example();
    let gaps = export::gaps(&s, &Method::builtin(Lang::Nl));
    assert!(gaps.contains(&Gap::IntentionsWithoutOwner(1)), "{gaps:?}");
    assert!(!gaps.contains(&Gap::NoPhase));
    let mut empty = Session::new("", 1, datetime!(2026-11-26 14:00 +1));
    empty.interviews.push(std::sync::Arc::new(Interview {
        notes: vec![note(
            "x",
            "hoe",
            NoteKind::Citaat,
            true,
            Approval::NietGevraagd,
        )],
        ..Interview::default()
    }));
    let gaps = export::gaps(&empty, &Method::builtin(Lang::Nl));
    for g in [
        Gap::NoPactName,
        Gap::NoRegionDescription,
        Gap::EmptySection("HET HOE".into()),
        Gap::QuotesAwaitingApproval(1),
        Gap::NoPhase,
        Gap::NoIntentions,
    ] {
        assert!(gaps.contains(&g), "{g:?} not in {gaps:?}");
    }
}

#[test]
fn the_export_command_writes_a_private_file_and_prints_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let session = common::example_session(dir.path(), "rivierenland.volgspot.json");
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .env_remove("VOLGSPOT_LANG")
            .env("VOLGSPOT_DIR", dir.path())
            .output()
            .unwrap()
    };
    let out = run(&["export", session.to_str().unwrap()]);
    common::assert_success(&out);
    let expected = dir.path().join("rivierenland.intern.md");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        expected.display().to_string()
    );
    let md = std::fs::read_to_string(&expected).unwrap();
    assert!(md.contains("Marieke de Vries") && md.contains("## Interne bijlagen"));
    let mode = std::fs::metadata(&expected).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    let out = run(&[
        "export",
        session.to_str().unwrap(),
        "--public",
        "--format",
        "html",
    ]);
    assert!(out.status.success());
    let html = std::fs::read_to_string(dir.path().join("rivierenland.publiek.html")).unwrap();
    assert!(html.contains("<h2>Waar werkt de regio aan?</h2>"));
    assert!(!html.contains("Jeroen Bakker"));

    let target = dir.path().join("report.csv");
    let out = run(&[
        "--lang",
        "en",
        "export",
        session.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        target.display().to_string()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("\"attention area\"")
    );

    let out = run(&["export", session.to_str().unwrap(), "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "export",
        dir.path().join("missing.volgspot.json").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat niet"));
}

#[test]
fn wording_can_be_changed_without_recompiling() {
    let dir = tempfile::tempdir().unwrap();
    let session = common::example_session(dir.path(), "x.volgspot.json");
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("methodiek.nl.md"), "Onze eigen uitleg.").unwrap();
    let out = Command::new(BIN)
        .args(["export", session.to_str().unwrap(), "--public"])
        .env_remove("VOLGSPOT_LANG")
        .env("VOLGSPOT_TEMPLATES", &templates)
        .output()
        .unwrap();
    common::assert_success(&out);
    let md = std::fs::read_to_string(dir.path().join("x.publiek.md")).unwrap();
    assert!(
        md.ends_with("## Over de methodiek van de Volgspot\n\nOnze eigen uitleg.\n"),
        "{md}"
    );
}

/// The section of a Markdown report from `start` up to the next heading of level 2.
fn section<'a>(md: &'a str, start: &str) -> &'a str {
    let at = md
        .find(start)
        .unwrap_or_else(|| panic!("{start} missing:\n{md}"));
    let rest = &md[at + start.len()..];
    &md[at..at + start.len() + rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn partners_documents_and_the_team_are_reported() {
    let s = example();
    let public = render(&s, Lang::Nl, true, Format::Markdown);
    let region = section(&public, "## Waar werkt de regio aan?");
    assert!(
        region.contains(
            "- Het pact wordt gedragen door partners uit zorg en welzijn (Zorggroep De Linde en \
             Thuiszorg Rivierenland), onderwijs (ROC Rivierenland en Hogeschool Waal en Linge), \
             overheid (Gemeente Lingewaard-West) en andere organisaties (Werkgeversvereniging \
             Zorg Rivierenland)."
        ),
        "{region}"
    );
    // Contacts, roles, documents and the team stay internal.
    for private in [
        "M. de Vries",
        "Jaarplan 2026",
        "R. de Boer",
        "L. Smit",
        "focusgroep",
    ] {
        assert!(!public.contains(private), "{private} in public:\n{public}");
    }
    let en = render(&s, Lang::En, true, Format::Markdown);
    assert!(
        en.contains("partners from care and welfare (Zorggroep De Linde and Thuiszorg"),
        "{en}"
    );

    let md = render(&s, Lang::Nl, false, Format::Markdown);
    assert!(
        md.contains("Begeleiding: R. de Boer · Interviewers: L. Smit"),
        "{md}"
    );
    let partners = section(&md, "### Partners");
    assert!(
        partners.contains("| Organisatie | Soort | Rol | Contact |")
            && partners.contains("| ROC Rivierenland | Onderwijs | trekker | J. Bakker |")
            && partners.contains(
                "| Werkgeversvereniging Zorg Rivierenland | Anders | deelnemer | K. Visser |"
            ),
        "{partners}"
    );
    assert!(
        md.contains("| Titel | Soort | Datum | Kernpunten |")
            && md.contains(
                "| Jaarplan 2026 | Plan | 2026-01-15 | Leerwerkplekken in de wijk; zorgtechnologie. |"
            ),
        "{md}"
    );
    let html = render(&s, Lang::Nl, false, Format::Html);
    for part in [
        "<h3>Partners</h3>",
        "<td>Hogeschool Waal en Linge</td><td>Onderwijs</td><td>focusgroep</td><td>A. Jansen</td>",
        "<h3>Bestudeerde documenten</h3>",
        "<td>Pacttekst Zorgpact Rivierenland-West</td><td>Pact</td><td>2025-05-12</td>",
        "Begeleiding: R. de Boer · Interviewers: L. Smit",
    ] {
        assert!(html.contains(part), "{part} missing:\n{html}");
    }
}

#[test]
fn an_empty_partners_row_of_the_analysekader_falls_back_to_the_intake() {
    let mut s = example();
    let md = render(&s, Lang::Nl, false, Format::Markdown);
    assert!(
        md.contains(
            "| Wie zijn de partners? | Zorggroep De Linde, Thuiszorg Rivierenland, ROC Rivierenland, \
             Hogeschool Waal en Linge, Gemeente Lingewaard-West, Werkgeversvereniging Zorg \
             Rivierenland (uit de intake) |"
        ),
        "{md}"
    );
    // A typed answer wins.
    s.triangle
        .kader
        .insert("partners".into(), "ROC en zorg".into());
    let md = render(&s, Lang::Nl, false, Format::Markdown);
    assert!(
        md.contains("| Wie zijn de partners? | ROC en zorg |"),
        "{md}"
    );
}

#[test]
fn triangle_items_and_interview_notes_are_kept_apart_alike_in_every_section() {
    let mut s = example();
    // A private item in section 1, where the suffix used to be missing.
    s.triangle.items[0].public = false;
    let md = render(&s, Lang::Nl, false, Format::Markdown);
    // Every triangle item in sections 1-5 carries its votes (and "niet publiek" when so).
    for start in [
        "## 1. HET WAAROM",
        "## 2. HET WAT",
        "## 3. HET HOE",
        "## 4. HET PROCES",
        "## 5. DE VOORTGANG",
    ] {
        let sec = section(&md, start);
        // Items are list entries without a speaker (notes say who, after " — *").
        // (The intentions after "Voor het vervolg wordt:" are no triangle items.)
        let items: Vec<&str> = sec
            .split("Voor het vervolg wordt:")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| l.starts_with("- ") && !l.contains(" — *"))
            .collect();
        assert!(!items.is_empty(), "{sec}");
        for l in items {
            assert!(l.contains(" stem") && l.ends_with(')'), "{l}");
        }
    }
    let waarom = section(&md, "## 1. HET WAAROM");
    let title = s.triangle.items[0].title.clone();
    assert!(
        waarom
            .lines()
            .any(|l| l.contains(&title) && l.contains("; niet publiek)")),
        "{waarom}"
    );
    // In section 2 the improvement idea comes under its own label, not in the list of
    // desired results.
    let wat = section(&md, "## 2. HET WAT");
    let result = wat.find("Gewenst resultaat:").unwrap();
    let label = wat.find("Uit de interviews:").expect(wat);
    let note = wat.find("- Maak een gezamenlijke leerlijn").unwrap();
    assert!(result < label && label < note, "{wat}");
    assert!(
        !wat[result..label].contains("Maak een gezamenlijke"),
        "{wat}"
    );
    // The same in HTML and in the public version.
    let html = render(&s, Lang::Nl, false, Format::Html);
    assert!(html.contains("<p>Uit de interviews:</p>"), "{html}");
    let public = render(&s, Lang::Nl, true, Format::Markdown);
    let wat = section(&public, "## 2. HET WAT");
    assert!(
        wat.find("Uit de interviews:").unwrap() < wat.find("- Maak een gezamenlijke").unwrap(),
        "{wat}"
    );
}

#[test]
fn multi_line_cells_of_a_markdown_table_keep_their_lines_apart() {
    let mut s = example();
    s.triangle.kader.insert(
        "resultaat".into(),
        "Meer studenten blijven\nEen module zorgtechnologie.\nEen | monitor".into(),
    );
    let md = render(&s, Lang::Nl, false, Format::Markdown);
    assert!(
        md.contains(
            "| Wat is het beoogd resultaat (transitie)? | Meer studenten blijven; Een module \
             zorgtechnologie. Een \\| monitor |"
        ),
        "{md}"
    );
    // Every table row is one line with the header's number of cells.
    for l in md.lines().filter(|l| l.starts_with("| Wat ")) {
        assert_eq!(l.matches(" | ").count(), 1, "{l}");
    }
}

#[test]
fn unresolved_import_conflicts_are_flagged() {
    let mut s = example();
    for iv in &mut s.interviews {
        for n in &mut std::sync::Arc::make_mut(iv).notes {
            n.conflict = None;
        }
    }
    let method = Method::builtin(Lang::Nl);
    let none = export::gaps(&s, &method);
    assert!(
        !none.iter().any(|g| matches!(g, Gap::NotesWithConflict(_))),
        "{none:?}"
    );
    std::sync::Arc::make_mut(&mut s.interviews[0]).notes[0].conflict =
        Some("De andere versie van de notitie".into());
    std::sync::Arc::make_mut(&mut s.interviews[1]).notes[0].conflict =
        Some("Nog een andere versie".into());
    assert!(export::gaps(&s, &method).contains(&Gap::NotesWithConflict(2)));
    let text = s.interviews[0].notes[0].text.clone();
    let md = render(&s, Lang::Nl, false, Format::Markdown);
    let line = md
        .lines()
        .find(|l| l.contains(&text))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(
        line.starts_with("- ⚠ ")
            && line.contains("andere versie: “De andere versie van de notitie”"),
        "{line}"
    );
    let html = render(&s, Lang::Nl, false, Format::Html);
    assert!(html.contains("De andere versie van de notitie"));
    check_well_formed(&html);
    // The public version shows neither the mark nor the other version.
    let public = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(
        !public.contains('⚠') && !public.contains("andere versie"),
        "{public}"
    );
}

#[test]
fn counts_of_one_are_singular() {
    let s = example();
    for (lang, public) in [(Lang::Nl, false), (Lang::Nl, true), (Lang::En, false)] {
        let md = render(&s, lang, public, Format::Markdown);
        for wrong in [
            "1 stemmen",
            "1 notities",
            "1 citaten",
            "1 interviews",
            "1 votes",
            "1 notes",
            "1 quotes",
        ] {
            assert!(!md.contains(wrong), "{wrong} ({lang:?}):\n{md}");
        }
    }
    let md = render(&s, Lang::Nl, false, Format::Markdown);
    assert!(
        md.contains("Een gedeelde arbeidsmarktmonitor (1 stem)"),
        "{md}"
    );
    assert!(md.contains("onderbouwd door 1 notitie\n"), "{md}");
    assert!(md.contains("onderbouwd door 2 notities"), "{md}");
    let en = render(&s, Lang::En, false, Format::Markdown);
    assert!(
        en.contains("(1 vote)") && en.contains("supported by 1 note\n"),
        "{en}"
    );
    // The checklist too.
    let t = Lang::Nl.strings();
    for (gap, text) in [
        (Gap::NotesWithConflict(1), "1 notitie met een conflict (⚠)"),
        (Gap::NotesWithConflict(3), "3 notities met een conflict (⚠)"),
        (Gap::QuotesAwaitingApproval(1), "1 citaat wacht op akkoord"),
        (
            Gap::IntentionsWithoutOwner(1),
            "1 voornemen zonder kartrekker",
        ),
    ] {
        assert_eq!(volgspot::app::summary::gap_text(&gap, t), text);
    }
    let t = Lang::En.strings();
    assert_eq!(
        volgspot::app::summary::gap_text(&Gap::NotesWithConflict(1), t),
        "1 note with a conflict (⚠)"
    );
}

#[test]
fn an_unknown_format_is_refused_in_the_ui_language() {
    assert!(Format::parse("pdf").is_none());
    let nl = export::format_error(Lang::Nl, "pdf");
    assert_eq!(
        nl,
        "--format: onbekend formaat 'pdf'; kies md, html, docx of csv"
    );
    let en = export::format_error(Lang::En, "pdf");
    assert_eq!(
        en,
        "--format: unknown format 'pdf'; choose md, html, docx or csv"
    );
}

#[test]
fn the_internal_report_compares_with_the_earlier_round_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (now, _) = volgspot::store::parse_session(volgspot::tui::EXAMPLE).unwrap();
    let mut earlier = now.clone();
    earlier.id = volgspot::model::Id::new();
    earlier.intake.round = 1;
    earlier.wheel.placement.phase = Some("kaderen".into());
    earlier.wheel.activities.clear();
    let mut now = now;
    now.intake.round = 2;
    let now_path = dir.path().join("nu.volgspot.json");
    volgspot::store::write_new(&dir.path().join("eerder.volgspot.json"), &earlier).unwrap();
    volgspot::store::write_new(&now_path, &now).unwrap();
    let out_path = dir.path().join("intern.md");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volgspot"))
        .args([
            "export",
            now_path.to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap(),
        ])
        .env("VOLGSPOT_DIR", dir.path())
        .output()
        .unwrap();
    common::assert_success(&out);
    let md = std::fs::read_to_string(&out_path).unwrap();
    assert!(
        md.contains(
            "Vergelijking met ronde 1: Kaderen van de uitdaging → nu: Richten van de inzet"
        ),
        "{md}"
    );
    assert!(md.contains("(r1: niet gestart)"), "{md}");
    // The public version does not carry it.
    let out = common::run([
        "export",
        now_path.to_str().unwrap(),
        "--public",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(
        !std::fs::read_to_string(&out_path)
            .unwrap()
            .contains("Vergelijking met ronde")
    );
}

/// A speaker who declined to be named but is the only one with their role and
/// organisation is still identifiable: the checklist says so, and the coarser label
/// (kind of organisation only) fixes it.
#[test]
fn an_attribution_that_points_at_one_person_is_flagged_and_can_be_made_coarser() {
    let mut s = leaky_session();
    let method = Method::builtin(Lang::Nl);
    assert!(
        export::gaps(&s, &method).contains(&Gap::AttributionIdentifies(1)),
        "{:?}",
        export::gaps(&s, &method)
    );
    let md = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(md.contains("beleidsadviseur, Gemeente Voorbeeld:"), "{md}");
    let iv = std::sync::Arc::make_mut(&mut s.interviews[0]);
    iv.kind = PartnerKind::Overheid;
    iv.consent.coarse = true;
    let md = render(&s, Lang::Nl, true, Format::Markdown);
    assert!(!md.contains("beleidsadviseur"), "{md}");
    assert!(md.contains("een geïnterviewde (overheid):"), "{md}");
    assert!(md.contains("Publiek citaat van A"), "{md}");
    assert!(
        !export::gaps(&s, &method)
            .iter()
            .any(|g| matches!(g, Gap::AttributionIdentifies(_))),
    );
}

/// The internal report and the CSV say which quotes were changed after approval, not
/// "akkoord".
#[test]
fn the_internal_report_and_csv_name_a_quote_changed_after_approval() {
    let mut s = example();
    std::sync::Arc::make_mut(&mut s.interviews[0]).notes[1]
        .text
        .push_str(" Echt waar.");
    let md = render(&s, Lang::Nl, false, Format::Markdown);
    let line = md.lines().find(|l| l.contains("Echt waar.")).unwrap();
    assert!(line.contains("gewijzigd na akkoord"), "{line}");
    let csv = render(&s, Lang::En, false, Format::Csv);
    let line = csv.lines().find(|l| l.contains("Echt waar.")).unwrap();
    assert!(line.contains("changed after approval"), "{line}");
}
