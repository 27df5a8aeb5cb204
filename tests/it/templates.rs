//! A region's own report texts (`VOLGSPOT_TEMPLATES=DIR`): a file in DIR replaces the
//! built-in one of the same name, and a file that cannot be used stops the export with an
//! error naming it (never silently the built-in text instead).

use crate::common;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_volgspot");

fn export(dir: &Path, templates: &Path, format: &str) -> std::process::Output {
    let session = dir.join("pact.volgspot.json");
    std::fs::write(&session, volgspot::tui::EXAMPLE).unwrap();
    Command::new(BIN)
        .args(["export", "--public", "--format", format])
        .arg(&session)
        .env_remove("VOLGSPOT_LANG")
        .env("VOLGSPOT_DIR", dir)
        .env("VOLGSPOT_TEMPLATES", templates)
        .output()
        .unwrap()
}

#[test]
fn a_regions_methodiek_text_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("regio");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("methodiek.nl.md"),
        "### Onze aanpak\n\nDe regio Rivierenland werkt met **eigen** woorden.",
    )
    .unwrap();
    for format in ["md", "html", "docx"] {
        let out = export(dir.path(), &templates, format);
        common::assert_success(&out);
    }
    let md = std::fs::read_to_string(dir.path().join("pact.publiek.md")).unwrap();
    assert!(
        md.contains("De regio Rivierenland werkt met **eigen** woorden."),
        "{md}"
    );
    let html = std::fs::read_to_string(dir.path().join("pact.publiek.html")).unwrap();
    assert!(html.contains("Onze aanpak"), "{html}");
}

#[test]
fn a_bad_override_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("regio");
    std::fs::create_dir(&templates).unwrap();

    // A wording file with a template mistake.
    let words = templates.join("words.nl");
    std::fs::write(&words, "{% set region_heading = \"Regio\" %}\n{% if %}\n").unwrap();
    for format in ["md", "html", "docx"] {
        let out = export(dir.path(), &templates, format);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{format}: {err}");
        assert!(
            err.contains(&words.display().to_string()),
            "{format}: {err}"
        );
        assert!(err.contains("syntax error"), "{format}: {err}");
    }
    std::fs::remove_file(&words).unwrap();

    // A methodiek text that is not UTF-8.
    let methodiek = templates.join("methodiek.nl.md");
    std::fs::write(&methodiek, b"Methodiek \xff\xfe").unwrap();
    let out = export(dir.path(), &templates, "md");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains(&methodiek.display().to_string()), "{err}");
    assert!(!dir.path().join("pact.publiek.md").exists());
}
