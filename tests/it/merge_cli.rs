//! What was said reaches the report unchanged and under the right name, through the
//! command line: `volgspot import` then `volgspot export --public`, as a user runs them.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_volgspot");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("VOLGSPOT_LANG")
        .env("VOLGSPOT_DIR", dir)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The example session in a fresh folder.
fn example(dir: &Path) -> PathBuf {
    let session = dir.join("voorbeeld.volgspot.json");
    std::fs::write(&session, volgspot::tui::EXAMPLE).unwrap();
    session
}

fn example_json() -> Value {
    serde_json::from_str(volgspot::tui::EXAMPLE).unwrap()
}

/// The example as volgspot wrote it before approvals were bound to their words and
/// merge bases were kept as values (schema 2).
fn v2_json() -> Value {
    serde_json::from_str(include_str!("../fixtures/session-v2.json")).unwrap()
}

fn write(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

/// An interview file as the interviewer mode of an older volgspot wrote it (version 1:
/// approvals were not yet bound to their words).
fn interview_file(id: &str, name: &str, notes: Value) -> Value {
    json!({
        "schema_version": 1,
        "pact": "Zorgpact Rivierenland-West",
        "updated": "2026-11-20T10:00:00Z",
        "interview": {
            "id": id,
            "interviewee": name,
            "organisation": "",
            "role": "",
            "date": "2026-11-20",
            "interviewer": "L. Smit",
            "consent": {"quotes_public": true, "with_name": true},
            "notes": notes,
        }
    })
}

fn quote(id: &str, text: &str) -> Value {
    json!({
        "id": id, "text": text, "area": "hoe", "kind": "citaat",
        "public": true, "approval": "akkoord"
    })
}

fn export_public(dir: &Path, session: &Path) -> (String, Output) {
    let out_path = dir.join("publiek.md");
    let out = run(
        dir,
        &[
            "export",
            session.to_str().unwrap(),
            "--public",
            "--format",
            "md",
            "-o",
            out_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    (std::fs::read_to_string(out_path).unwrap(), out)
}

/// The attribution line printed above a quote in the Markdown publieksversie.
fn speaker_of(md: &str, quote: &str) -> Option<String> {
    let lines: Vec<&str> = md.lines().collect();
    let at = lines.iter().position(|l| l.contains(quote))?;
    lines[..at]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.to_string())
}

#[test]
fn a_quote_never_appears_under_another_speakers_name_when_a_file_reuses_an_interview_id() {
    let dir = tempfile::tempdir().unwrap();
    let session = example(dir.path());
    let first = example_json()["interviews"][0].clone();
    assert_eq!(first["interviewee"], "Marieke de Vries");
    // The interviewer copied last week's file to start Piet's: same interview id.
    let said = "Piet zegt: we moeten de stageplekken samen regelen.";
    let file = dir.path().join("2026-11-20-piet.interview.json");
    write(
        &file,
        &interview_file(
            first["id"].as_str().unwrap(),
            "Piet Onbekend",
            json!([quote("piet-1", said)]),
        ),
    );
    let out = run(
        dir.path(),
        &["import", session.to_str().unwrap(), file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said_by_import = stdout(&out);
    assert!(
        said_by_import.contains("geïmporteerd als nieuw interview"),
        "{said_by_import}"
    );
    let (md, _) = export_public(dir.path(), &session);
    let speaker = speaker_of(&md, said).expect("Piet's approved quote is published");
    assert!(speaker.contains("Piet Onbekend"), "{speaker}");
    assert!(!speaker.contains("Marieke"), "{speaker}");
    // Marieke's own interview is untouched.
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    let ivs = doc["interviews"].as_array().unwrap();
    assert_eq!(ivs[0]["interviewee"], "Marieke de Vries");
    let texts = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| n["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(texts(&ivs[0]["notes"]), texts(&first["notes"]));
    assert_eq!(
        ivs.len(),
        example_json()["interviews"].as_array().unwrap().len() + 1
    );
    // Importing again changes nothing.
    let before = std::fs::read_to_string(&session).unwrap();
    let out = run(
        dir.path(),
        &["import", session.to_str().unwrap(), file.to_str().unwrap()],
    );
    assert!(stdout(&out).contains("niets nieuw"), "{}", stdout(&out));
    assert_eq!(std::fs::read_to_string(&session).unwrap(), before);
}

#[test]
fn two_interviews_with_one_id_in_a_session_stay_two_people_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("dubbel.volgspot.json");
    // Written by an older volgspot (the undo of a re-import could do this).
    let mut doc = v2_json();
    let mut copy = doc["interviews"][0].clone();
    copy["interviewee"] = json!("Piet Onbekend");
    let said = "Wat Piet zei, en alleen Piet.";
    copy["notes"] = json!([quote("dubbel-1", said)]);
    doc["interviews"].as_array_mut().unwrap().push(copy);
    write(&session, &doc);
    let (md, out) = export_public(dir.path(), &session);
    assert!(
        stderr(&out).contains("Twee interviews hadden hetzelfde id"),
        "{}",
        stderr(&out)
    );
    let speaker = speaker_of(&md, said).expect("published");
    assert!(
        speaker.contains("Piet Onbekend") && !speaker.contains("Marieke"),
        "{speaker}"
    );
    // Importing into it repairs the ids for good and merges nothing into anyone.
    let empty = dir.path().join("leeg.interview.json");
    write(&empty, &interview_file("los", "Los", json!([])));
    let out = run(
        dir.path(),
        &["import", session.to_str().unwrap(), empty.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    let ids: Vec<&str> = doc["interviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

#[test]
fn duplicate_note_ids_in_an_interview_file_are_two_notes_and_a_reimport_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = example(dir.path());
    let file = dir.path().join("2026-11-21-ans.interview.json");
    let mut a = quote("zelfde", "Eerste notitie van Ans.");
    a["kind"] = json!("observatie");
    let mut b = quote("zelfde", "Tweede notitie van Ans.");
    b["kind"] = json!("observatie");
    write(&file, &interview_file("ans", "Ans Nieuw", json!([a, b])));
    let import = || {
        run(
            dir.path(),
            &["import", session.to_str().unwrap(), file.to_str().unwrap()],
        )
    };
    let first = stdout(&import());
    assert!(first.contains("hetzelfde id"), "{first}");
    let again = stdout(&import());
    assert!(again.contains("niets nieuw"), "{again}");
    assert!(!again.contains("gewijzigd: 1"), "{again}");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&session).unwrap()).unwrap();
    let ans = doc["interviews"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["interviewee"] == "Ans Nieuw")
        .unwrap();
    let texts: Vec<&str> = ans["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Eerste notitie van Ans.", "Tweede notitie van Ans."]
    );
}

#[test]
fn the_public_export_warns_about_and_leaves_out_a_public_note_with_an_open_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("conflict.volgspot.json");
    let mut doc = v2_json();
    let note = &mut doc["interviews"][0]["notes"][3];
    assert_eq!(note["public"], true);
    let words = note["text"].as_str().unwrap().to_string();
    write(&session, &doc);
    let (md, out) = export_public(dir.path(), &session);
    assert!(md.contains(&words), "public before the conflict");
    assert!(!stderr(&out).contains("conflict"), "{}", stderr(&out));
    doc["interviews"][0]["notes"][3]["conflict"] = json!("De versie van de interviewer.");
    write(&session, &doc);
    let (md, out) = export_public(dir.path(), &session);
    assert!(!md.contains(&words), "{md}");
    assert!(!md.contains("De versie van de interviewer."), "{md}");
    assert!(
        stderr(&out).contains("1 openbare notitie met een open importconflict"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_approval_from_an_older_file_holds_for_its_words_and_not_for_changed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("akkoord.volgspot.json");
    let doc = v2_json();
    let quote = doc["interviews"][0]["notes"][1].clone();
    assert_eq!(quote["approval"], "akkoord");
    let words = quote["text"]
        .as_str()
        .unwrap()
        .trim_matches(['“', '”'])
        .to_string();
    write(&session, &doc);
    // Version 2 bound nothing: the approval is taken to be for the words as they are.
    let (md, out) = export_public(dir.path(), &session);
    assert!(md.contains(&words), "{md}");
    assert!(
        !stderr(&out).contains("gewijzigd na akkoord"),
        "{}",
        stderr(&out)
    );
    // Version 3 records them: words changed since are not published.
    let (loaded, migrated) = volgspot::store::load_session(&session).unwrap();
    assert!(migrated);
    let mut v3 = serde_json::to_value(&loaded).unwrap();
    v3["interviews"][0]["notes"][1]["text"] = json!("Iets anders dan wat ze zei.");
    write(&session, &v3);
    let (md, out) = export_public(dir.path(), &session);
    assert!(!md.contains("Iets anders"), "{md}");
    assert!(
        stderr(&out).contains("1 citaat gewijzigd na akkoord")
            && !stderr(&out).contains("0 openbare"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn importing_another_rounds_file_asks_first_and_imports_only_with_anyway() {
    let dir = tempfile::tempdir().unwrap();
    let session = example(dir.path());
    let file = dir.path().join("2026-11-22-ans.interview.json");
    let mut f = interview_file("ans-r2", "Ans Ronde", json!([]));
    f["schema_version"] = json!(2);
    f["round"] = json!(2);
    f["interview"]["organisation"] = json!("ROC Rivierenland");
    write(&file, &f);
    let out = run(
        dir.path(),
        &["import", session.to_str().unwrap(), file.to_str().unwrap()],
    );
    assert!(
        stdout(&out)
            .contains("Let op: Ans Ronde is een interview voor ronde 2, deze sessie is ronde 1"),
        "{}",
        stdout(&out)
    );
    // Without a terminal to ask in, the file is not imported, and the way to do so is said.
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        err.contains("niet geïmporteerd") && err.contains("--anyway"),
        "{err}"
    );
    let text = std::fs::read_to_string(&session).unwrap();
    assert!(!text.contains("Ans Ronde"), "imported without asking");
    let out = run(
        dir.path(),
        &[
            "import",
            session.to_str().unwrap(),
            file.to_str().unwrap(),
            "--anyway",
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        std::fs::read_to_string(&session)
            .unwrap()
            .contains("Ans Ronde")
    );
}
