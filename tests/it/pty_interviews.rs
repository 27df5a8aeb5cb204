//! Offline interviewer mode end to end: the real binary in a pseudo-terminal, a SIGKILL,
//! reopening, `volgspot import`, and the notes in the session's synthesis view.

use crate::common;

use common::{BIN, Term, session_file};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn interview_file(dir: &Path) -> PathBuf {
    let files = volgspot::store::interview_files(dir);
    assert_eq!(files.len(), 1, "expected one interview file: {files:?}");
    files[0].clone()
}

#[test]
fn interviewer_notes_survive_a_kill_and_import_into_the_synthesis() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(
        dir.path(),
        &[
            "interview",
            "--pact",
            "Pact Oost",
            "--interviewer",
            "L. Smit",
        ],
        80,
        24,
    );
    // The name comes first; the file is named after it.
    term.wait_for("Wie interview je?");
    term.type_text("Anna de Wit");
    term.send("\r");
    term.wait_for("bestand 20");
    term.send("\x1b"); // details done: to the capture line
    term.wait_for("Nieuw · HET WAAROM");
    term.type_text("Eerste notitie over het waarom");
    term.send("\r");
    term.type_text("Tweede notitie, ook waarom");
    term.send("\r");
    term.send("\x1bOQ"); // F2: new notes go to the next area
    term.wait_for("Nieuw · HET WAT");
    term.type_text("Derde notitie over het wat");
    term.send("\r");
    term.wait_for("Notities (3)");
    // A line typed but not stored yet survives too.
    term.type_text("Half getypt");
    std::thread::sleep(Duration::from_millis(800));
    term.wait_for("opgeslagen");
    term.kill9();

    let path = interview_file(dir.path());
    let (file, _) = volgspot::store::load_interview_file(&path).expect("file loads after kill");
    let areas: Vec<&str> = file
        .interview
        .notes
        .iter()
        .map(|n| n.area.as_str())
        .collect();
    assert_eq!(areas, ["waarom", "waarom", "wat"]);
    assert_eq!(file.pact, "Pact Oost");
    assert_eq!(file.interview.interviewer, "L. Smit");
    assert_eq!(file.interview.draft, "Half getypt");

    // Reopen: everything is there.
    let mut again = Term::spawn(dir.path(), &["interview", path.to_str().unwrap()], 80, 24);
    again.wait_for("Anna de Wit");
    again.wait_for("Notities (3)");
    again.wait_for("Derde notitie");
    again.wait_for("Half getypt");
    again.ctrl_q();
    // On the way out it says where the file is, to send it on.
    again.wait_for("Het interview staat in");
    again.wait_for("anna-de-wit.interview.json");
    assert!(again.wait_exit());

    // A session to import into.
    let mut make = Term::spawn(dir.path(), &["new", "--pact", "Pact Oost"], 80, 24);
    make.wait_for("Pact Oost · ronde 1");
    make.ctrl_q();
    assert!(make.wait_exit());
    let session = session_file(dir.path());

    let import = |args: &[&str]| {
        std::process::Command::new(BIN)
            .arg("import")
            .args(args)
            .env("VOLGSPOT_DIR", dir.path())
            .env_remove("VOLGSPOT_LANG")
            .output()
            .unwrap()
    };
    let s = session.to_str().unwrap();
    let f = path.to_str().unwrap();
    let out = import(&[s, f]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Anna de Wit: nieuw interview, 3 notities"),
        "{stdout}"
    );
    // The same file again changes nothing.
    let out = import(&[s, f]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Anna de Wit: niets nieuw"), "{stdout}");

    // In the TUI: the synthesis shows the notes, grouped by area.
    let mut tui = Term::spawn(dir.path(), &["open", s], 80, 24);
    tui.wait_for("Pact Oost");
    tui.page_down();
    tui.wait_for("2/6 Interviews");
    // Names are hidden on the projected screen until F8.
    tui.wait_for("(naam verborgen, F8)");
    tui.send("\x1b[19~"); // F8
    tui.wait_for("Anna de Wit");
    tui.send("s");
    tui.wait_for("Synthese: 3 notities uit 1 interview");
    tui.wait_for("HET WAAROM (2)");
    tui.wait_for("HET WAT (1)");
    tui.wait_for("Derde notitie over het wat");

    // While the session is open, the CLI refuses.
    let out = import(&[s, f]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("al geopend door"));

    // The import action of the screen lists the file and merges it (nothing new now).
    tui.send("\x1b");
    tui.send("i");
    // The row says whose, by whom, how many notes and for which pact.
    tui.wait_for("Anna de Wit · ");
    tui.wait_for("3 notities · Pact Oost");
    tui.send("\r");
    tui.wait_for("niets nieuw");
    tui.send("\x1b");
    tui.ctrl_q();
    assert!(tui.wait_exit());
}

/// The tester's path: Esc at the name prompt, then the name typed; later the name is
/// corrected and the file follows it.
#[test]
fn the_name_cannot_be_skipped_and_the_file_follows_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["interview"], 120, 24);
    term.wait_for("Wie interview je?");
    term.send("\x1b");
    term.wait_for("Eerst de naam");
    term.type_text("Kees");
    term.send("\r");
    term.wait_for("-kees.interview.json");
    term.send("\x1b");
    term.wait_for("Nieuw · HET WAAROM");
    term.type_text("Een observatie");
    term.send("\r");
    term.wait_for("Notities (1)");
    term.send("\x1b[A"); // to the notes
    term.send("g"); // the details form, at the name
    term.wait_for("Naam geïnterviewde");
    term.send("\x7f\x7f\x7f\x7f");
    term.type_text("Anna");
    term.send("\x1b");
    term.wait_for("-anna.interview.json");
    term.ctrl_q();
    assert!(term.wait_exit());
    let path = interview_file(dir.path());
    assert!(path.to_string_lossy().ends_with("-anna.interview.json"));
    let (f, _) = volgspot::store::load_interview_file(&path).unwrap();
    assert_eq!(f.interview.interviewee, "Anna");
    let notes: Vec<&str> = f.interview.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["Een observatie"]);
}

#[test]
fn a_session_file_opened_as_interview_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let session = common::example_session(dir.path(), "pact.volgspot.json");
    let out = std::process::Command::new(BIN)
        .args(["interview", session.to_str().unwrap()])
        .env("VOLGSPOT_DIR", dir.path())
        .env_remove("VOLGSPOT_LANG")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dit is een sessiebestand, geen interviewbestand"),
        "{err}"
    );
    assert!(!err.contains("nieuwere"), "{err}");
}

#[test]
fn importing_a_session_file_as_an_interview_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.volgspot.json");
    let (doc, _) = volgspot::store::parse_session(volgspot::tui::EXAMPLE).unwrap();
    volgspot::store::write_new(&path, &doc).unwrap();
    let p = path.to_str().unwrap();
    let out = std::process::Command::new(common::BIN)
        .args(["import", p, p])
        .env("VOLGSPOT_DIR", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sessiebestand"), "{err}");
    assert!(!err.contains("nieuwere"), "{err}");
}

/// The interviewer lists the interviews on this laptop and reopens one by the
/// interviewee's name; a name that is not there gets the list instead.
#[test]
fn interviews_on_this_laptop_are_listed_and_reopened_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, who: &str, notes: usize| {
        let iv = volgspot::model::Interview {
            interviewee: who.into(),
            date: "2026-11-28".into(),
            notes: (0..notes)
                .map(|k| volgspot::model::Note {
                    text: format!("notitie {k} van {who}"),
                    area: "hoe".into(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let mut f = volgspot::model::interview_file::InterviewFile::new(
            "Pact Oost",
            iv,
            time::OffsetDateTime::UNIX_EPOCH,
        );
        f.round = Some(2);
        volgspot::store::write_new(&dir.path().join(name), &f).unwrap();
    };
    write("2026-11-28-anna-de-wit.interview.json", "Anna de Wit", 3);
    write("2026-11-28-kees.interview.json", "Kees", 1);
    let run = |args: &[&str]| {
        std::process::Command::new(BIN)
            .args(args)
            .env("VOLGSPOT_DIR", dir.path())
            .env_remove("VOLGSPOT_LANG")
            .output()
            .unwrap()
    };
    let out = run(&["interview", "--list"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains(
            "2026-11-28 · Anna de Wit · 3 notities · Pact Oost · ronde 2 · 2026-11-28-anna-de-wit.interview.json"
        ),
        "{listed}"
    );
    assert!(listed.contains("Kees · 1 notitie"), "{listed}");
    let out = run(&["interview", "Piet"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Geen interview met de naam 'Piet'"), "{err}");
    assert!(err.contains("Anna de Wit · 3 notities"), "{err}");
    // By name, in any case: the interview opens with its notes.
    let mut term = Term::spawn(dir.path(), &["interview", "anna de wit"], 80, 24);
    term.wait_for("Notities (3)");
    term.wait_for("notitie 2 van Anna de Wit");
    term.ctrl_q();
    assert!(term.wait_exit());
}

/// Typing the name of an interview that is already on this laptop asks first, instead
/// of silently starting a hidden second file.
#[test]
fn typing_an_existing_name_again_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let iv = volgspot::model::Interview {
        interviewee: "Kees".into(),
        date: "2026-11-20".into(),
        ..Default::default()
    };
    let f = volgspot::model::interview_file::InterviewFile::new(
        "Pact Oost",
        iv,
        time::OffsetDateTime::UNIX_EPOCH,
    );
    let existing = dir.path().join("2026-11-20-kees.interview.json");
    volgspot::store::write_new(&existing, &f).unwrap();
    let mut term = Term::spawn(dir.path(), &["interview"], 120, 24);
    term.wait_for("Wie interview je?");
    term.type_text("Kees");
    term.send("\r");
    term.wait_for("Er is al een interview met Kees");
    term.wait_for("2026-11-20-kees.interview.json");
    // Esc: another name.
    term.send("\x1b");
    term.type_text(" Jansen");
    term.send("\r");
    term.wait_for("-kees-jansen.interview.json");
    term.ctrl_q();
    assert!(term.wait_exit());
    let files = volgspot::store::interview_files(dir.path());
    assert_eq!(files.len(), 2, "{files:?}");
    let (old, _) = volgspot::store::load_interview_file(&existing).unwrap();
    assert_eq!(old.interview.interviewee, "Kees");
}

/// A paragraph pasted into the capture line keeps every line: without bracketed paste
/// (bare line feeds, each line a note) and with it (one note, lines joined).
#[test]
fn a_pasted_paragraph_keeps_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["interview"], 100, 30);
    term.wait_for("Wie interview je?");
    term.type_text("Kees");
    term.send("\r");
    term.wait_for("-kees.interview.json");
    term.send("\x1b");
    term.wait_for("Nieuw · HET WAAROM");
    term.send("regel een\nregel twee\nregel drie\r");
    term.wait_for("Notities (3)");
    term.send("\x1b[200~alinea een\nalinea twee\nalinea drie\x1b[201~");
    term.wait_for("alinea een alinea twee alinea drie");
    term.send("\r");
    term.wait_for("Notities (4)");
    term.ctrl_q();
    assert!(term.wait_exit());
    let (f, _) = volgspot::store::load_interview_file(&interview_file(dir.path())).unwrap();
    let notes: Vec<&str> = f.interview.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes,
        [
            "regel een",
            "regel twee",
            "regel drie",
            "alinea een alinea twee alinea drie"
        ]
    );
}

/// When a sync client replaces the interview file while it is open, the notes go to a
/// copy beside it, and on the way out the interviewer is told to send that copy.
#[test]
fn after_another_program_changed_the_file_the_exit_message_names_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["interview"], 200, 30);
    term.wait_for("Wie interview je?");
    term.type_text("Kees");
    term.send("\r");
    term.wait_for("-kees.interview.json");
    term.send("\x1b");
    term.type_text("Eerste notitie");
    term.send("\r");
    term.wait_for("Notities (1)");
    std::thread::sleep(Duration::from_millis(1500));
    term.wait_for("opgeslagen");
    // Another program puts its own version in place (a new file, as sync clients do).
    let path = interview_file(dir.path());
    let (mut theirs, _) = volgspot::store::load_interview_file(&path).unwrap();
    theirs.interview.notes[0].text = "Hun versie".into();
    let tmp = dir.path().join("sync.tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(&theirs).unwrap()).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    term.type_text("Tweede notitie na de wijziging");
    term.send("\r");
    term.wait_for("Notities (2)");
    term.wait_for(".conflict-");
    term.ctrl_q();
    term.wait_for("Een ander programma heeft");
    assert!(term.wait_exit());
    // Their version is untouched; ours is in the copy the message names.
    let (kept, _) = volgspot::store::load_interview_file(&path).unwrap();
    assert_eq!(kept.interview.notes[0].text, "Hun versie");
    let copy = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".conflict-"))
        .expect("a conflict copy");
    let name = copy.file_name().unwrap().to_string_lossy().to_string();
    let screen = term.screen().replace('\n', "");
    assert!(screen.contains(&name[..20]), "{screen}");
    let text = std::fs::read_to_string(&copy).unwrap();
    assert!(text.contains("Tweede notitie na de wijziging"));
}

/// The import picker offers this pact's interview files; another pact's are counted and
/// shown only on T, under their own heading, and still ask a second Enter.
#[test]
fn the_import_picker_keeps_other_pacts_files_apart() {
    let dir = tempfile::tempdir().unwrap();
    let now = time::macros::datetime!(2026-11-28 10:00 UTC);
    let mut s = volgspot::model::Session::new("Pact Oost", 1, now);
    s.intake.session_date = "2026-11-28".into();
    let session = dir.path().join("pact-oost-ronde1-2026-11-28.volgspot.json");
    volgspot::store::write_new(&session, &s).unwrap();
    let write = |name: &str, pact: &str, by: &str| {
        let iv = volgspot::model::Interview {
            interviewee: "Iemand".into(),
            interviewer: by.into(),
            date: "2026-11-28".into(),
            ..Default::default()
        };
        let f = volgspot::model::interview_file::InterviewFile::new(pact, iv, now);
        volgspot::store::write_new(&dir.path().join(name), &f).unwrap();
    };
    // In file-name order the other pacts' files come first.
    write("2026-11-28-a.interview.json", "Pact West", "A. Westerling");
    write("2026-11-28-b.interview.json", "Pact Zuid", "B. Zuidema");
    write("2026-11-28-c.interview.json", "Pact Oost", "C. Oosterhuis");
    let mut term = Term::spawn(dir.path(), &["open", session.to_str().unwrap()], 120, 30);
    term.wait_for("Pact Oost · ronde 1");
    term.page_down();
    term.wait_for("2/6 Interviews");
    term.send("i");
    term.wait_for("C. Oosterhuis");
    term.wait_for("Bestanden van andere pacten of rondes: 2 — T toont ze");
    let screen = term.screen();
    assert!(
        !screen.contains("Westerling") && !screen.contains("Zuidema"),
        "{screen}"
    );
    // This pact's file is the one selected: Enter would import it without asking.
    term.send("t");
    term.wait_for("Van andere pacten of rondes");
    // Its pact and round first, where the ⚠ is.
    term.wait_for("2026-11-28 · A. Westerling");
    assert!(term.screen().contains("[ ] ⚠ "), "{}", term.screen());
    let screen = term.screen();
    let own = screen.find("C. Oosterhuis").unwrap();
    let other = screen.find("A. Westerling").unwrap();
    assert!(own < other, "{screen}");
    // Enter on another pact's file asks first.
    term.send("\r");
    term.wait_for("van een ander pact of een andere ronde");
    term.send("\x1b");
    term.send("\x1b");
    term.ctrl_q();
    assert!(term.wait_exit());
}

/// A file made by a newer volgspot is called that in the import picker, not damaged; a
/// cut-off file is damaged. With names hidden (F8 off) neither the rows nor the message
/// after Enter show the file name, which carries the interviewee's name.
#[test]
fn the_import_picker_tells_a_newer_file_from_a_damaged_one_without_names() {
    let dir = tempfile::tempdir().unwrap();
    let now = time::macros::datetime!(2026-11-28 10:00 UTC);
    let mut s = volgspot::model::Session::new("Pact Oost", 1, now);
    s.intake.session_date = "2026-11-28".into();
    let session = dir.path().join("pact-oost-ronde1-2026-11-28.volgspot.json");
    volgspot::store::write_new(&session, &s).unwrap();
    let iv = volgspot::model::Interview {
        interviewee: "Zeeman".into(),
        interviewer: "C. Oosterhuis".into(),
        date: "2026-11-22".into(),
        ..Default::default()
    };
    let f = volgspot::model::interview_file::InterviewFile::new("Pact Oost", iv, now);
    let newer = dir.path().join("2026-11-22-zeeman.interview.json");
    volgspot::store::write_new(&newer, &f).unwrap();
    let text = std::fs::read_to_string(&newer).unwrap();
    let version = format!(
        "\"schema_version\": {}",
        volgspot::model::interview_file::INTERVIEW_SCHEMA_VERSION
    );
    assert!(text.contains(&version), "{text}");
    std::fs::write(&newer, text.replace(&version, "\"schema_version\": 9")).unwrap();
    std::fs::write(
        dir.path().join("2026-11-22-broken.interview.json"),
        &text[..text.len() / 2],
    )
    .unwrap();
    let mut term = Term::spawn(dir.path(), &["open", session.to_str().unwrap()], 100, 30);
    term.wait_for("Pact Oost · ronde 1");
    term.page_down();
    term.wait_for("2/6 Interviews");
    term.send("i");
    term.wait_for("✗ gemaakt met een nieuwere volgspot: 2026-11-22");
    term.wait_for("✗ beschadigd bestand: 2026-11-22");
    let screen = term.screen();
    assert!(
        !screen.contains("zeeman") && !screen.contains("broken"),
        "{screen}"
    );
    // The newer file (the second row in name order), Enter: why, without its name.
    term.send("\x1b[B");
    term.send("\r");
    term.wait_for("nieuwere volgspot (schemaversie 9");
    let screen = term.screen();
    assert!(
        !screen.contains("zeeman") && !screen.contains("Zeeman") && !screen.contains("broken"),
        "{screen}"
    );
    term.send("\x1b");
    term.ctrl_q();
    assert!(term.wait_exit());
}
