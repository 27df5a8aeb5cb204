//! Round 2 builds on round 1: made from it (start screen or `volgspot new --from`), it
//! carries partners, triangle and intentions, the intentions are followed up, and the
//! report compares with round 1 even when round 1's file is gone.

use crate::common;

use common::Term;
use std::path::{Path, PathBuf};
use volgspot::model::{Intention, Partner, PartnerKind, Session, TriangleItem};

fn round_one(dir: &Path) -> PathBuf {
    let now = time::macros::datetime!(2026-03-02 10:00 UTC);
    let mut s = Session::new("Zorgpact Rondeland", 1, now);
    s.intake.session_date = "2026-03-02".into();
    s.intake.region_description = "Een regio met veel vergrijzing.".into();
    s.intake.partners.push(Partner {
        organisation: "ROC Rondeland".into(),
        kind: PartnerKind::Onderwijs,
        ..Partner::default()
    });
    s.triangle.items.push(TriangleItem {
        place: "projecten".into(),
        title: "Leerwerkplaats ouderenzorg".into(),
        public: true,
        votes: 3,
        ..TriangleItem::default()
    });
    s.wheel.placement.phase = Some("kaderen".into());
    for (text, owner) in [
        ("Gezamenlijk stagebureau", "Gemeente Rondeland"),
        ("Scholingsfonds", "Zorggroep Rondeland"),
    ] {
        s.intentions.push(Intention {
            text: text.into(),
            owner: owner.into(),
            public: true,
            ..Intention::default()
        });
    }
    let path = dir.join("zorgpact-rondeland-ronde1-2026-03-02.volgspot.json");
    volgspot::store::write_new(&path, &s).unwrap();
    path
}

fn round_two_file(dir: &Path) -> PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.to_string_lossy();
            n.contains("-ronde2-") && n.ends_with(".volgspot.json")
        })
        .collect();
    assert_eq!(files.len(), 1, "one round-2 session expected: {files:?}");
    files[0].clone()
}

fn export_internal(session: &Path) -> String {
    let out = common::run(["export", session.to_str().unwrap(), "-o", "/dev/stdout"]);
    common::assert_success(&out);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn round_two_from_the_start_screen_carries_round_one_and_its_report_follows_up_without_round_one_on_disk()
 {
    let dir = tempfile::tempdir().unwrap();
    let r1 = round_one(dir.path());
    let mut term = Term::spawn(dir.path(), &[], 100, 30);
    term.wait_for("Zorgpact Rondeland");
    // New session, example, then (under the pact's heading) the round-1 session: select
    // it and make its next round (Ctrl-R: letters go to the search).
    term.send("\x1b[B");
    term.send("\x1b[B");
    term.send("\x12");
    term.wait_for("Zorgpact Rondeland · ronde 2");
    // The partners came along (Intake, partners part).
    term.send("\x1b[12~"); // F2
    term.wait_for("ROC Rondeland");
    term.page_down();
    term.page_down();
    term.wait_for("Leerwerkplaats ouderenzorg");
    // Selected, the carried item says where it comes from.
    term.send("\t");
    term.send("\x1b[B");
    term.wait_for("uit ronde 1");
    term.page_down();
    term.wait_for("4/6 Samenwerkingswiel");
    term.wait_for("Vergeleken met ronde 1");
    term.send("i");
    term.wait_for("Gezamenlijk stagebureau");
    term.wait_for("uit ronde 1: nog na te gaan");
    // The first is done, the second still running, with a note.
    term.send("s");
    term.wait_for("uit ronde 1: gedaan");
    term.send("\x1b[B");
    term.send("ss");
    term.wait_for("uit ronde 1: loopt");
    term.send("n"); // N: the note (O is public on every list)
    term.type_text("wacht op de begroting");
    term.send("\r");
    term.wait_for("loopt — wacht op de begroting");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    term.ctrl_q();
    assert!(term.wait_exit());

    let r2 = round_two_file(dir.path());
    let (doc, _) = volgspot::store::load_session(&r2).unwrap();
    assert_eq!(doc.intake.round, 2);
    assert_eq!(doc.intake.partners[0].organisation, "ROC Rondeland");
    assert_eq!(doc.triangle.items[0].carried_from, Some(1));
    assert_eq!(doc.intentions.len(), 2);

    // Round 1's file moved away: the comparison is still there, naming its baseline.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(&r1, elsewhere.path().join("weg.volgspot.json")).unwrap();
    let md = export_internal(&r2);
    assert!(
        md.contains("Vergeleken met ronde 1 (2026-03-02; zorgpact-rondeland-ronde1-2026-03-02.volgspot.json)"),
        "{md}"
    );
    assert!(
        md.contains("Gezamenlijk stagebureau (kartrekker: Gemeente Rondeland): **gedaan**"),
        "{md}"
    );
    assert!(
        md.contains(
            "Scholingsfonds (kartrekker: Zorggroep Rondeland): **loopt** — wacht op de begroting"
        ),
        "{md}"
    );
    assert!(md.contains("gedaan: 1, loopt: 1"), "{md}");
    // The CSV says it in the intention's type column.
    let out = common::run([
        "export",
        r2.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        "/dev/stdout",
    ]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains("\"voornemen\",\"\",\"loopt\",\"Scholingsfonds\""),
        "{csv}"
    );
    // The publieksversie's DE VOORTGANG draws on what became of them.
    let out = common::run([
        "export",
        r2.to_str().unwrap(),
        "--public",
        "-o",
        "/dev/stdout",
    ]);
    let public = String::from_utf8(out.stdout).unwrap();
    assert!(
        public.contains("Wat werd er van de voornemens uit ronde 1:"),
        "{public}"
    );
    assert!(
        public.contains("Gezamenlijk stagebureau: **gedaan**"),
        "{public}"
    );
}

#[test]
fn new_from_a_file_makes_the_next_round_and_a_second_round_one_in_the_folder_does_not_change_its_baseline()
 {
    let dir = tempfile::tempdir().unwrap();
    let r1 = round_one(dir.path());
    let mut term = Term::spawn(
        dir.path(),
        &["new", "--from", r1.to_str().unwrap()],
        100,
        30,
    );
    term.wait_for("Zorgpact Rondeland · ronde 2");
    std::thread::sleep(std::time::Duration::from_millis(300));
    term.ctrl_q();
    assert!(term.wait_exit());
    let r2 = round_two_file(dir.path());
    // Another round-1 session of the same pact, saved later, with another phase.
    let mut other = Session::new("Zorgpact Rondeland", 1, time::OffsetDateTime::now_utc());
    other.wheel.placement.phase = Some("bestendigen".into());
    volgspot::store::write_new(&dir.path().join("later-ronde1.volgspot.json"), &other).unwrap();
    let md = export_internal(&r2);
    assert!(
        md.contains("Vergelijking met ronde 1: Kaderen van de uitdaging"),
        "{md}"
    );
    assert!(
        !md.contains("Vergelijking met ronde 1: Bestendigen"),
        "{md}"
    );
}

#[test]
fn there_is_no_round_after_round_three() {
    let dir = tempfile::tempdir().unwrap();
    let s = Session::new("Zorgpact Drie", 3, time::OffsetDateTime::now_utc());
    let r3 = dir.path().join("drie.volgspot.json");
    volgspot::store::write_new(&r3, &s).unwrap();
    let out = std::process::Command::new(common::BIN)
        .args(["new", "--from", r3.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Ronde 3 is de laatste ronde"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_second_round_two_of_one_pact_is_refused_and_the_existing_one_named() {
    let dir = tempfile::tempdir().unwrap();
    let r1 = Session::new("Zorgpact Twee", 1, time::OffsetDateTime::now_utc());
    let r1_path = dir.path().join("twee-r1.volgspot.json");
    volgspot::store::write_new(&r1_path, &r1).unwrap();
    let r2 = Session::new("Zorgpact Twee", 2, time::OffsetDateTime::now_utc());
    volgspot::store::write_new(&dir.path().join("twee-r2.volgspot.json"), &r2).unwrap();
    let out = std::process::Command::new(common::BIN)
        .args(["new", "--from", r1_path.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .env_remove("VOLGSPOT_LANG")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("Ronde 2 van dit pact bestaat al"), "{err}");
    assert!(err.contains("twee-r2.volgspot.json"), "{err}");
    let sessions = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".volgspot.json")
        })
        .count();
    assert_eq!(sessions, 2, "no third session was made");
}

#[test]
fn a_new_session_switched_to_round_two_is_saved_as_round_two_not_as_round_one_dash_two() {
    let dir = tempfile::tempdir().unwrap();
    // The date the app names files with (its local clock).
    volgspot::clock::init_local_offset();
    let today = volgspot::clock::now().date().to_string();
    let r1 = Session::new("Zorgpact Twee", 1, time::OffsetDateTime::now_utc());
    volgspot::store::write_new(
        &dir.path()
            .join(format!("zorgpact-twee-ronde1-{today}.volgspot.json")),
        &r1,
    )
    .unwrap();
    let mut term = Term::spawn(dir.path(), &["new"], 80, 24);
    term.wait_for("1/6 Intake");
    term.type_text("Zorgpact Twee");
    term.send("\t"); // to the round field
    // Named after the pact while still round 1 (next to round 1's file: "-2").
    let first = dir
        .path()
        .join(format!("zorgpact-twee-ronde1-{today}-2.volgspot.json"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !first.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "never named after the pact"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    term.send("\x7f2");
    term.send("\t");
    term.wait_for("Zorgpact Twee · ronde 2");
    let want = dir
        .path()
        .join(format!("zorgpact-twee-ronde2-{today}.volgspot.json"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !want.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "not renamed: {:?}",
            std::fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .collect::<Vec<_>>()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    term.ctrl_q();
    assert!(term.wait_exit());
    let (s, _) = volgspot::store::load_session(&want).unwrap();
    assert_eq!(s.intake.round, 2);
}

#[test]
fn a_schema_three_session_still_opens_and_gains_nothing_it_did_not_have() {
    let text = include_str!("../../sessions/voorbeeld.volgspot.json").replacen(
        "\"schema_version\": 5,",
        "\"schema_version\": 3,",
        1,
    );
    let (s, migrated) = volgspot::store::parse_session(&text).unwrap();
    assert!(migrated);
    assert_eq!(s.schema_version, volgspot::model::SCHEMA_VERSION);
    assert!(s.baseline.is_none());
    assert!(
        s.intentions
            .iter()
            .all(|i| i.outcome.is_none() && i.carried_from.is_none())
    );
}
