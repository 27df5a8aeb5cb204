//! The Word report (`--format docx`): made from the Markdown report, so the same content
//! in the same order; a valid package (every part well-formed XML, every relationship
//! pointing at a part or a link, the drawings as PNG), A4. The golden file is a readable
//! dump of `word/document.xml`, not the zip's bytes. Where LibreOffice (`soffice`) is
//! installed, the document is also converted to PDF.

use crate::common;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use std::collections::BTreeMap;
use std::io::Read;
use volgspot::export::{self, Format};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::*;
use volgspot::store;

fn example() -> Session {
    store::parse_session(volgspot::tui::EXAMPLE).unwrap().0
}

fn docx(s: &Session, lang: Lang, public: bool) -> Vec<u8> {
    let report = export::build(s, &Method::builtin(lang), lang, public);
    export::bytes(&report, Format::Docx).unwrap()
}

fn markdown(s: &Session, lang: Lang, public: bool) -> String {
    let report = export::build(s, &Method::builtin(lang), lang, public);
    export::render(&report, Format::Markdown).unwrap()
}

/// The package's parts by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        parts.insert(f.name().to_string(), data);
    }
    parts
}

/// Parses a part fully; panics on malformed XML. Returns (element name, attributes) of
/// every start or empty element, in order.
fn elements(name: &str, xml: &[u8]) -> Vec<(String, BTreeMap<String, String>)> {
    let text = std::str::from_utf8(xml).unwrap_or_else(|e| panic!("{name}: not UTF-8: {e}"));
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                        (
                            a.key.as_ref().to_string(),
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .unwrap_or_else(|err| panic!("{name}: bad value: {err}"))
                                .into_owned(),
                        )
                    })
                    .collect();
                out.push((e.name().as_ref().to_string(), attrs));
            }
            Ok(Event::GeneralRef(r)) => {
                let r = r.xml10_content();
                assert!(
                    r.starts_with('#') || ["amp", "lt", "gt", "quot", "apos"].contains(&&*r),
                    "{name}: unknown entity &{r};"
                );
            }
            Ok(_) => {}
            Err(e) => panic!("{name}: malformed XML at {}: {e}", reader.buffer_position()),
        }
    }
    out
}

/// `word/document.xml` as readable lines: one per paragraph, with its style, list
/// numbering, **bold**, *italic*, [links](rId), breaks (⏎), images and table rows.
fn dump(xml: &[u8]) -> String {
    let text = std::str::from_utf8(xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = String::new();
    let mut line = String::new();
    let mut prefix = String::new();
    let (mut bold, mut italic, mut in_text) = (false, false, false);
    let mut cells: Option<Vec<String>> = None;
    let mut num = (String::new(), String::new());
    // The text of consecutive runs that look the same: ((bold, italic), text).
    let mut run: ((bool, bool), String) = ((false, false), String::new());
    let flush = |line: &mut String, run: &mut ((bool, bool), String)| {
        let t = std::mem::take(&mut run.1);
        match run.0 {
            _ if t.is_empty() => {}
            (true, true) => line.push_str(&format!("***{t}***")),
            (true, false) => line.push_str(&format!("**{t}**")),
            (false, true) => line.push_str(&format!("*{t}*")),
            _ => line.push_str(&t),
        }
    };
    let attr = |e: &quick_xml::events::BytesStart, key: &str| {
        e.attributes()
            .filter_map(Result::ok)
            .find(|a| a.key.as_ref() == key)
            .map(|a| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned()
            })
            .unwrap_or_default()
    };
    loop {
        let event = reader.read_event().unwrap();
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:p" => {
                    line.clear();
                    prefix.clear();
                    num = (String::new(), String::new());
                }
                "w:pStyle" => prefix = format!("[{}] ", attr(e, "w:val")),
                "w:numId" => num.0 = attr(e, "w:val"),
                "w:ilvl" => num.1 = attr(e, "w:val"),
                "w:r" => (bold, italic) = (false, false),
                "w:b" => bold = attr(e, "w:val") != "false",
                "w:i" => italic = attr(e, "w:val") != "false",
                "w:t" => in_text = matches!(event, Event::Start(_)),
                "w:br" => {
                    flush(&mut line, &mut run);
                    line.push_str(" ⏎ ");
                }
                "w:hyperlink" => {
                    flush(&mut line, &mut run);
                    line.push('[');
                }
                "wp:extent" => {
                    line.push_str(&format!("[image {}x{} EMU]", attr(e, "cx"), attr(e, "cy")))
                }
                "w:tbl" => out.push_str("[table]\n"),
                "w:tr" => cells = Some(Vec::new()),
                "w:jc" if attr(e, "w:val") == "center" => prefix.push_str("[center] "),
                _ => {}
            },
            Event::Text(_) | Event::GeneralRef(_) if in_text => {
                let t = match &event {
                    Event::Text(t) => t.xml10_content().into_owned(),
                    Event::GeneralRef(r) => match &*r.xml10_content() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => format!("&{other};"),
                    },
                    _ => unreachable!(),
                };
                // Runs of the same look are joined (Word splits text into runs freely).
                if run.0 != (bold, italic) {
                    flush(&mut line, &mut run);
                    run.0 = (bold, italic);
                }
                run.1.push_str(&t);
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:hyperlink" => {
                    flush(&mut line, &mut run);
                    line.push_str("](link)");
                }
                "w:p" => {
                    flush(&mut line, &mut run);
                    let list = match num.0.as_str() {
                        "" => String::new(),
                        "1" => format!("{}- ", "  ".repeat(num.1.parse().unwrap_or(0))),
                        n => format!("{}#{n}. ", "  ".repeat(num.1.parse().unwrap_or(0))),
                    };
                    let para = format!("{prefix}{list}{line}");
                    match &mut cells {
                        Some(c) => c.push(para),
                        None => {
                            out.push_str(para.trim_end());
                            out.push('\n');
                        }
                    }
                }
                "w:tr" => {
                    if let Some(c) = cells.take() {
                        out.push_str(&format!("| {} |\n", c.join(" | ")));
                    }
                }
                "w:tbl" => out.push_str("[/table]\n"),
                _ => {}
            },
            _ => {}
        }
    }
    out
}

/// Checks what Word and LibreOffice check before they open a package without asking to
/// repair it; returns the parts.
fn check_package(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let parts = unzip(bytes);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(
            parts.contains_key(name),
            "{name} missing: {:?}",
            parts.keys()
        );
    }
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            elements(name, data);
            // Characters XML 1.0 does not allow (quick-xml does not check them).
            let text = String::from_utf8_lossy(data);
            let bad = text.chars().find(|&c| {
                (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                    || matches!(c, '\u{fffe}' | '\u{ffff}')
            });
            assert_eq!(bad, None, "{name}");
        }
    }
    // Every relationship the document uses is declared, and points at a part or a URL.
    let rels = elements(
        "word/_rels/document.xml.rels",
        &parts["word/_rels/document.xml.rels"],
    );
    let declared: BTreeMap<String, (String, String)> = rels
        .iter()
        .filter(|(n, _)| n == "Relationship")
        .map(|(_, a)| {
            (
                a["Id"].clone(),
                (
                    a["Target"].clone(),
                    a.get("TargetMode").cloned().unwrap_or_default(),
                ),
            )
        })
        .collect();
    for (_, attrs) in elements("word/document.xml", &parts["word/document.xml"]) {
        for (k, id) in &attrs {
            if k == "r:id" || k == "r:embed" {
                let (target, mode) = declared
                    .get(id)
                    .unwrap_or_else(|| panic!("relationship {id} is not declared"));
                if mode != "External" {
                    let part = format!("word/{target}");
                    assert!(parts.contains_key(&part), "{part} missing for {id}");
                    if part.ends_with(".png") {
                        assert!(parts[&part].starts_with(b"\x89PNG\r\n\x1a\n"), "{part}");
                    }
                }
            }
        }
    }
    // Unique ids for the drawings (Word repairs a document with duplicates).
    let doc = elements("word/document.xml", &parts["word/document.xml"]);
    let pr_ids: Vec<&String> = doc
        .iter()
        .filter(|(n, _)| n == "wp:docPr")
        .map(|(_, a)| &a["id"])
        .collect();
    let mut unique = pr_ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), pr_ids.len(), "drawing ids repeat: {pr_ids:?}");
    // A4.
    let size = doc
        .iter()
        .find(|(n, _)| n == "w:pgSz")
        .map(|(_, a)| (a["w:w"].clone(), a["w:h"].clone()));
    assert_eq!(size, Some(("11906".into(), "16838".into())));
    parts
}

/// The golden file's text: paragraph ids and link ids numbered per run are left out.
fn golden_dump(bytes: &[u8]) -> String {
    let parts = check_package(bytes);
    dump(&parts["word/document.xml"])
}

#[test]
fn golden_word_reports_of_the_example_session() {
    let s = example();
    for (name, lang, public) in [
        ("docx_intern_nl", Lang::Nl, false),
        ("docx_publiek_nl", Lang::Nl, true),
    ] {
        insta::assert_snapshot!(name, golden_dump(&docx(&s, lang, public)));
    }
}

#[test]
fn the_word_report_holds_the_markdown_headings_in_order_and_both_drawings() {
    let s = example();
    for public in [false, true] {
        let md = markdown(&s, Lang::Nl, public);
        let dumped = golden_dump(&docx(&s, Lang::Nl, public));
        let md_headings: Vec<String> = md
            .lines()
            .filter(|l| l.starts_with('#'))
            .map(|l| l.trim_start_matches('#').trim().replace('\\', ""))
            .collect();
        let docx_headings: Vec<String> = dumped
            .lines()
            .filter_map(|l| l.strip_prefix("[Heading"))
            .map(|l| l[3..].replace("[center] ", "").trim().to_string())
            .collect();
        assert_eq!(md_headings, docx_headings);
        // The triangle after the framework sentence, the wheel in its section.
        assert_eq!(dumped.matches("[image ").count(), 2, "{dumped}");
        assert!(md.contains("<!-- volgspot:drawing triangle -->"));
        assert!(md.contains("<!-- volgspot:drawing wheel -->"));
    }
}

fn with_note(text: &str) -> Session {
    let mut s = example();
    let iv = std::sync::Arc::make_mut(&mut s.interviews[0]);
    let mut n = iv.notes[0].clone();
    n.id = Id::new();
    n.text = text.into();
    n.kind = NoteKind::Observatie;
    n.public = true;
    iv.notes.push(n);
    s
}

#[test]
fn typed_markup_reaches_word_as_bold_italic_and_links_and_nothing_else() {
    let s = with_note(
        "**Governance:** de _regio_ [leest mee](https://example.org/a?b=1&c=2)\n\nTweede alinea <b>x</b> [kwaad](javascript:alert(1))",
    );
    let bytes = docx(&s, Lang::Nl, false);
    let parts = check_package(&bytes);
    let dumped = dump(&parts["word/document.xml"]);
    assert!(
        dumped.contains("**Governance:** de *regio* [leest mee](link)"),
        "{dumped}"
    );
    // The paragraph break: a second paragraph in the same list item.
    assert!(
        dumped.contains("\nTweede alinea <b>x</b> [kwaad](javascript:alert(1))"),
        "{dumped}"
    );
    let rels = String::from_utf8(parts["word/_rels/document.xml.rels"].clone()).unwrap();
    assert!(
        rels.contains("Target=\"https://example.org/a?b=1&amp;c=2\" TargetMode=\"External\""),
        "{rels}"
    );
    assert!(!rels.contains("javascript"), "{rels}");
}

#[test]
fn hostile_text_keeps_the_package_valid() {
    let s = with_note("<w:p>\"'&amp;]]><!-- x --> \u{1}\u{7f}\u{202e}\u{fffe}\u{ffff} `*` \\");
    let bytes = docx(&s, Lang::Nl, false);
    let parts = check_package(&bytes);
    let dumped = dump(&parts["word/document.xml"]);
    assert!(dumped.contains("<w:p>\"'&amp;]]><!-- x -->"), "{dumped}");
}

#[test]
fn the_export_command_writes_word_named_after_the_session_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = example();
    s.intake.session_date = "12-11-2026".into();
    let path = dir.path().join("pact-ronde1-2026-10-01.volgspot.json");
    store::write_new(&path, &s).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volgspot"))
        .args(["export", "--public", "--format", "docx"])
        .arg(&path)
        .env_remove("VOLGSPOT_LANG")
        .env("VOLGSPOT_DIR", dir.path())
        .output()
        .unwrap();
    common::assert_success(&out);
    let want = dir.path().join("pact-ronde1-2026-11-12.publiek.docx");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        want.display().to_string()
    );
    check_package(&std::fs::read(&want).unwrap());
}

#[test]
fn libreoffice_converts_the_word_report_to_pdf() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|b| {
        std::process::Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        println!("skipped: soffice (LibreOffice) is not installed on this machine");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rapport.docx");
    std::fs::write(&file, docx(&example(), Lang::Nl, false)).unwrap();
    let out = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .output()
        .unwrap();
    let pdf = dir.path().join("rapport.pdf");
    assert!(
        pdf.exists(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 10_000,
        "{}",
        bytes.len()
    );
}

const MARKED: &str = "**Governance:** de _regio_ [leest mee](https://example.org/?a=1&b=2)";

/// Markup typed in every kind of field: the same bold, italic and link in the Markdown,
/// the HTML and Word, and each file still valid (HTML well-formed, Markdown with no raw
/// HTML or other links, the Word package checked).
#[test]
fn markup_typed_anywhere_renders_alike_in_markdown_html_and_word() {
    let mut s = with_note(MARKED);
    s.intake.pact_name = format!("Pact {MARKED}");
    s.intake.region_description = format!("{MARKED}\n\nTweede alinea");
    s.intake.ambition.text = MARKED.into();
    s.intake.partners[0].organisation = format!("Zorg & _Welzijn_ {MARKED}");
    // A `|` in a table cell's link: still one cell, still the link.
    s.intake.partners[0].role = "[rol|taak](https://x.example/a|b)".into();
    s.wheel.placement.motivation = MARKED.into();
    for it in &mut s.triangle.items {
        it.title = format!("{} {MARKED}", it.title);
        it.detail = MARKED.into();
    }
    for i in &mut s.intentions {
        i.text = format!("{MARKED}\n\nen verder");
        i.owner = MARKED.into();
    }
    let iv = std::sync::Arc::make_mut(&mut s.interviews[0]);
    for n in &mut iv.notes {
        n.text = format!("{MARKED}\n\n*tweede* alinea");
    }
    for public in [false, true] {
        let md = markdown(&s, Lang::Nl, public);
        assert!(
            md.contains("**Governance:** de *regio* [leest mee](https://example.org/?a=1&b=2)"),
            "{md}"
        );
        for (event, _) in
            pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES)
                .into_offset_iter()
        {
            match event {
                pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                    assert!(h.trim().starts_with("<!-- volgspot:drawing "), "{h}")
                }
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                    assert!(
                        ["https://example.org/?a=1&b=2", "https://x.example/a|b"]
                            .contains(&&*dest_url),
                        "{dest_url}"
                    )
                }
                _ => {}
            }
        }
        let report = export::build(&s, &Method::builtin(Lang::Nl), Lang::Nl, public);
        let html = export::render(&report, Format::Html).unwrap();
        assert!(
            html.contains("<strong>Governance:</strong> de <em>regio</em> <a href=\"https://example.org/?a=1&amp;b=2\">leest mee</a>"),
            "{html}"
        );
        // The window title shows the text without tags.
        assert!(
            html.contains("<title>Volgspot 1: Pact Governance: de regio leest mee"),
            "{html}"
        );
        // A paragraph break inside an item: two line breaks in HTML, as before.
        assert!(html.contains("<br/><br/>en verder"), "{html}");
        // Well-formed XHTML: every element closed, nothing stray.
        let mut reader = quick_xml::Reader::from_str(&html);
        reader.config_mut().check_end_names = true;
        let mut depth = 0i64;
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(Event::Start(_)) => depth += 1,
                Ok(Event::End(_)) => depth -= 1,
                Ok(_) => {}
                Err(e) => panic!("HTML not well-formed at {}: {e}", reader.buffer_position()),
            }
        }
        assert_eq!(depth, 0);
        let parts = check_package(&docx(&s, Lang::Nl, public));
        let dumped = dump(&parts["word/document.xml"]);
        assert!(
            dumped.contains("**Governance:** de *regio* [leest mee](link)"),
            "{dumped}"
        );
        if !public {
            assert!(dumped.contains(" | [rol|taak](link) | "), "{dumped}");
            assert!(
                html.contains("<a href=\"https://x.example/a|b\">rol|taak</a>"),
                "{html}"
            );
        }
    }
}

#[test]
fn the_overview_of_a_folder_can_be_written_for_word_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.volgspot.json"), volgspot::tui::EXAMPLE).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_volgspot"))
        .args(["overzicht", "--format", "docx"])
        .arg(dir.path())
        .env_remove("VOLGSPOT_LANG")
        .output()
        .unwrap();
    common::assert_success(&out);
    let parts = check_package(&std::fs::read(dir.path().join("overzicht.docx")).unwrap());
    let dumped = dump(&parts["word/document.xml"]);
    assert!(dumped.contains("Zorgpact Rivierenland-West"), "{dumped}");
    assert!(dumped.contains("[table]"), "{dumped}");
}

/// Review findings: a note that starts like a link reference definition over two lines
/// vanished; an autolink's URL got a stray `\` before `&`; a typed backslash was lost.
/// In every format the words arrive as typed.
#[test]
fn reference_like_labels_autolinks_and_backslashes_arrive_in_every_format() {
    let mut s = example();
    let iv = std::sync::Arc::make_mut(&mut s.interviews[0]);
    let template = iv.notes[0].clone();
    for text in [
        "[Aanvulling van\nde wethouder]: bijlage",
        "zie <https://a.nl/?x=1&y=2>",
        "pad C:\\map\\*x*",
    ] {
        iv.notes.push(Note {
            id: Id::new(),
            text: text.into(),
            kind: NoteKind::Observatie,
            public: true,
            ..template.clone()
        });
    }
    let md = markdown(&s, Lang::Nl, true);
    assert!(
        md.contains("\\[Aanvulling van") && md.contains("de wethouder\\]: bijlage"),
        "{md}"
    );
    assert!(md.contains("(https://a.nl/?x=1&y=2)"), "{md}");
    // `\*` is CommonMark's escape of `*` (a literal asterisk); other backslashes stay.
    assert!(md.contains("pad C:\\\\map\\*x\\*"), "{md}");
    let report = export::build(&s, &Method::builtin(Lang::Nl), Lang::Nl, true);
    let html = export::render(&report, Format::Html).unwrap();
    assert!(html.contains("[Aanvulling van"), "{html}");
    assert!(
        html.contains("href=\"https://a.nl/?x=1&amp;y=2\""),
        "{html}"
    );
    assert!(!html.contains("1\\&amp;y"), "{html}");
    assert!(html.contains("pad C:\\map*x*"), "{html}");
    let parts = check_package(&docx(&s, Lang::Nl, true));
    let xml = String::from_utf8(parts["word/document.xml"].clone()).unwrap();
    assert!(
        xml.contains("Aanvulling van")
            && xml.contains(">de wethouder<")
            && xml.contains(">]: bijlage<"),
        "{xml}"
    );
    assert!(
        xml.contains(">https://a.nl/?x=1<") && xml.contains(">&amp;y=2<"),
        "{xml}"
    );
    let rels = String::from_utf8(parts["word/_rels/document.xml.rels"].clone()).unwrap();
    assert!(rels.contains("https://a.nl/?x=1&amp;y=2\""), "{rels}");
    assert!(
        xml.contains(">pad C:<") && xml.contains(">\\map<") && xml.contains(">*<"),
        "{xml}"
    );
}

/// A list's lead-in ("Projecten en activiteiten:") is a line of text in all three
/// formats; the HTML made it a heading while Markdown and Word did not.
#[test]
fn list_lead_ins_are_plain_lines_in_markdown_html_and_word() {
    let s = example();
    for public in [false, true] {
        let md = markdown(&s, Lang::Nl, public);
        let report = export::build(&s, &Method::builtin(Lang::Nl), Lang::Nl, public);
        let html = export::render(&report, Format::Html).unwrap();
        let dumped = golden_dump(&docx(&s, Lang::Nl, public));
        for lead in [
            "Focusgebieden:",
            "Projecten en activiteiten:",
            "Gewenst resultaat:",
            "Voor het vervolg wordt:",
        ] {
            assert!(md.lines().any(|l| l == lead), "{lead}\n{md}");
            assert!(html.contains(&format!("<p>{lead}</p>")), "{lead}\n{html}");
            assert!(
                !html.contains(&format!("<h3>{}</h3>", lead.trim_end_matches(':'))),
                "{lead}"
            );
            assert!(dumped.lines().any(|l| l == lead), "{lead}\n{dumped}");
        }
    }
}
