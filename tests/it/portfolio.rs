//! `volgspot overzicht`: all pacts of a folder at once, counts of pacts per phase per
//! half year as a progress report counts them, and never an interviewee's name.

use crate::common;

use std::path::Path;
use std::sync::Arc;
use time::OffsetDateTime;
use volgspot::export::portfolio;
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::{Interview, Note, NoteKind, Session};

fn session(pact: &str, round: u8, date: &str, phase: Option<&str>, saved: i64) -> Session {
    let at = OffsetDateTime::from_unix_timestamp(1_700_000_000 + saved).unwrap();
    let mut s = Session::new(pact, round, at);
    s.intake.session_date = date.into();
    s.wheel.placement.phase = phase.map(String::from);
    s
}

fn write(dir: &Path, name: &str, s: &Session) {
    volgspot::store::write_new(&dir.join(name), s).unwrap();
}

#[test]
fn pacts_per_phase_per_half_year_match_a_hand_count() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a1.volgspot.json",
        &session("Pact A", 1, "2025-03-10", Some("kaderen"), 0),
    );
    write(
        d,
        "a2.volgspot.json",
        &session("Pact A", 2, "2025-11-01", Some("richten"), 1),
    );
    write(
        d,
        "b1.volgspot.json",
        &session("Pact B", 1, "2025-04-01", Some("richten"), 2),
    );
    write(
        d,
        "c1.volgspot.json",
        &session("pact c", 1, "2025-09-01", None, 3),
    );
    // Two round-1 sessions of pact D: the one saved last counts.
    write(
        d,
        "d1-old.volgspot.json",
        &session("Pact D", 1, "2026-02-01", Some("bestendigen"), 4),
    );
    write(
        d,
        "d1.volgspot.json",
        &session("Pact D", 1, "2026-02-01", Some("mobiliseren"), 5),
    );
    std::fs::write(d.join("kapot.volgspot.json"), "{").unwrap();

    let method = Method::builtin(Lang::Nl);
    let (sessions, unreadable) = portfolio::read_folder(d);
    let p = portfolio::build(&sessions, unreadable, &method, Lang::Nl);
    assert_eq!(p.pacts.len(), 4);
    assert_eq!(p.unreadable, vec!["kapot.volgspot.json".to_string()]);
    let rows: Vec<(&str, Vec<usize>)> = p
        .counts
        .iter()
        .map(|r| (r.id.as_str(), r.counts.clone()))
        .collect();
    // By hand: jan–jun 2025, jul–dec 2025, jan–jun 2026.
    assert_eq!(
        rows,
        vec![
            ("kaderen", vec![1, 0, 0]),
            ("richten", vec![1, 2, 2]),
            ("mobiliseren", vec![0, 0, 1]),
            ("bestendigen", vec![0, 0, 0]),
            ("-", vec![0, 1, 1]),
            ("0", vec![2, 1, 0]),
        ]
    );
    assert_eq!(p.totals, vec![4, 4, 4]);

    // The HTML's second chart: each pact's phase per period, read across. Pact A went
    // from phase 1 (jan–jun 2025) to phase 2 (jul–dec 2025); C is not placed.
    let html = portfolio::html(&p, Lang::Nl);
    assert_eq!(html.matches("<svg").count(), 2, "{html}");
    let chart = &html[html.find("Fase per pact over de tijd").expect("pact chart")..];
    for cell in [
        "<title>Pact A · Fase 1 · Kaderen van de uitdaging</title>",
        "<title>Pact A · Fase 2 · Richten van de inzet</title>",
        "<title>Pact D · Fase 3 · Mobiliseren van de uitvoering</title>",
        "<title>pact c · Fase – · Nog niet geplaatst</title>",
    ] {
        assert!(chart.contains(cell), "{cell} not in {chart}");
    }
    let a1 = chart.find("Pact A · Fase 1").unwrap();
    let a2 = chart.find("Pact A · Fase 2").unwrap();
    assert!(a1 < a2, "round 1 left of round 2");

    // The CSV says the same, through the binary.
    let out = common::run([
        "overzicht",
        d.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        "/dev/stdout",
    ]);
    common::assert_success(&out);
    let csv = String::from_utf8(out.stdout).unwrap();
    // One table with one header: every row as wide as the header, the part in column 1.
    let mut reader = ::csv::ReaderBuilder::new().has_headers(true).from_reader(
        // After the table the binary names the file written.
        csv.trim_start_matches('\u{feff}')
            .trim_end()
            .trim_end_matches("/dev/stdout")
            .as_bytes(),
    );
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "Onderdeel");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (part, phase, period, count) = (
        col("Onderdeel"),
        col("Fase"),
        col("Periode"),
        col("Aantal pacten"),
    );
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|r| r.len() == header.len()), "{csv}");
    let counted = |ph: &str, per: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| {
                &r[part] == "Aantal pacten per fase per periode"
                    && &r[phase] == ph
                    && &r[period] == per
            })
            .map(|r| r[count].to_string())
            .collect()
    };
    assert_eq!(
        counted("Richten van de inzet", "jan–jun 2025"),
        ["1"],
        "{csv}"
    );
    assert_eq!(
        counted("Richten van de inzet", "jul–dec 2025"),
        ["2"],
        "{csv}"
    );
    assert_eq!(
        counted("Richten van de inzet", "jan–jun 2026"),
        ["2"],
        "{csv}"
    );
}

#[test]
fn a_phase_model_of_the_regions_own_is_counted_in_its_own_phases() {
    let method = Method::from_file(
        Path::new("tests/fixtures/method-5-phases.json"),
        &volgspot::app::Screen::ids(),
    )
    .unwrap();
    let ids: Vec<String> = method.wheel.phases.iter().map(|p| p.id.clone()).collect();
    let sessions = vec![(
        "x.volgspot.json".into(),
        session("Pact X", 1, "2026-05-01", Some(&ids[4]), 0),
    )];
    let p = portfolio::build(&sessions, Vec::new(), &method, Lang::Nl);
    assert_eq!(p.counts.len(), 5 + 2);
    assert_eq!(p.counts[4].counts, vec![1]);
}

#[test]
fn obstacles_are_grouped_by_focus_and_attention_area_with_the_pacts_naming_them_but_never_who_said_it()
 {
    let mk = |pact: &str, who: &str| {
        let mut s = session(pact, 1, "2026-03-01", Some("richten"), 0);
        s.interviews.push(Arc::new(Interview {
            interviewee: who.into(),
            role: "wethouder".into(),
            notes: vec![Note {
                text: "Te weinig  stageplekken".into(),
                kind: NoteKind::Belemmering,
                area: "hoe".into(),
                focus_areas: vec!["Leren in de praktijk".into()],
                ..Note::default()
            }],
            ..Interview::default()
        }));
        s
    };
    let sessions = vec![
        ("a.volgspot.json".into(), mk("Pact A", "Anneke Geheim")),
        ("b.volgspot.json".into(), mk("Pact B", "Bert Geheim")),
    ];
    let p = portfolio::build(&sessions, Vec::new(), &Method::builtin(Lang::Nl), Lang::Nl);
    assert_eq!(p.themes.len(), 1);
    let g = &p.themes[0];
    assert_eq!(
        (g.focus.as_str(), g.area.as_str()),
        ("Leren in de praktijk", "HET HOE")
    );
    assert_eq!(g.items[0].text, "Te weinig stageplekken");
    assert_eq!(g.items[0].pacts, vec!["Pact A", "Pact B"]);
    for f in [
        volgspot::export::Format::Markdown,
        volgspot::export::Format::Html,
        volgspot::export::Format::Csv,
    ] {
        let text = portfolio::render(&p, Lang::Nl, f);
        assert!(text.contains("stageplekken"));
        assert!(
            !text.contains("Geheim") && !text.contains("wethouder"),
            "{text}"
        );
    }
}

#[test]
fn the_generated_programme_of_thirty_pacts_counts_every_pact_each_period_and_names_no_interviewee()
{
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("programma");
    let out = common::run(["bench-data", "--portfolio", "-o", folder.to_str().unwrap()]);
    common::assert_success(&out);
    let (sessions, _) = portfolio::read_folder(&folder);
    assert_eq!(sessions.len(), 90);
    let p = portfolio::build(&sessions, Vec::new(), &Method::builtin(Lang::Nl), Lang::Nl);
    assert_eq!(p.pacts.len(), 30);
    assert!(p.totals.iter().all(|t| *t == 30), "{:?}", p.totals);
    // A hand count of the last period: each pact's latest session, its phase.
    let last = *p.periods.last().unwrap();
    let mut latest: std::collections::BTreeMap<String, (String, String)> = Default::default();
    for (_, s) in &sessions {
        let e = latest
            .entry(s.intake.pact_name.clone())
            .or_insert((String::new(), String::new()));
        if s.intake.session_date > e.0 {
            *e = (
                s.intake.session_date.clone(),
                s.wheel.placement.phase.clone().unwrap_or_default(),
            );
        }
    }
    for row in &p.counts[..4] {
        let hand = latest.values().filter(|(_, ph)| *ph == row.id).count();
        assert_eq!(
            row.counts[p.periods.len() - 1],
            hand,
            "{} in {last:?}",
            row.id
        );
    }
    let names: Vec<String> = sessions
        .iter()
        .flat_map(|(_, s)| s.interviews.iter().map(|iv| iv.interviewee.clone()))
        .collect();
    assert!(names.len() > 300);
    for format in ["md", "html", "csv"] {
        let out = common::run(["portfolio", folder.to_str().unwrap(), "--format", format]);
        common::assert_success(&out);
        let path = folder.join(format!("overzicht.{format}"));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            path.display().to_string()
        );
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Zorgpact Regio 30"));
        // Every generated name starts so; a sample of them in full, too.
        assert!(!text.contains("Geïnterviewde"), "{format}");
        for n in names.iter().step_by(50) {
            assert!(!text.contains(n.as_str()), "{n} in {format}");
        }
        if format == "html" {
            assert!(
                text.contains("<svg") && !text.contains("http"),
                "self-contained"
            );
        }
    }
}

#[test]
fn hostile_pact_names_and_notes_stay_text_in_every_format() {
    let mut s = session(
        "<script>x</script>|# Pact\u{1b}[31m\u{202e}",
        1,
        "2026-03-01",
        None,
        0,
    );
    s.interviews.push(Arc::new(Interview {
        notes: vec![Note {
            text: "=HYPERLINK(\"http://x\")".into(),
            kind: NoteKind::Succesfactor,
            ..Note::default()
        }],
        ..Interview::default()
    }));
    let p = portfolio::build(
        &[("h.volgspot.json".into(), s)],
        Vec::new(),
        &Method::builtin(Lang::Nl),
        Lang::Nl,
    );
    let md = portfolio::render(&p, Lang::Nl, volgspot::export::Format::Markdown);
    let html = portfolio::render(&p, Lang::Nl, volgspot::export::Format::Html);
    let csv = portfolio::render(&p, Lang::Nl, volgspot::export::Format::Csv);
    for text in [&md, &html, &csv] {
        // As in the reports: control characters dropped (bidi marks are text there).
        assert!(!text.contains('\u{1b}'), "{text}");
    }
    assert!(
        !md.contains("<script>") && md.contains("\\<script\\>"),
        "{md}"
    );
    assert!(
        !html.contains("<script>") && html.contains("&lt;script&gt;"),
        "{html}"
    );
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
}
