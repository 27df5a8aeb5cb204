//! `volgspot --help` speaks the UI language: Dutch by default, English with `--lang en`
//! or `VOLGSPOT_LANG=en`, for the commands too.

use std::process::Command;

fn help(args: &[&str], lang_env: Option<&str>) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_volgspot"));
    cmd.args(args).env_remove("VOLGSPOT_LANG");
    if let Some(l) = lang_env {
        cmd.env("VOLGSPOT_LANG", l);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_is_dutch_by_default_and_english_when_asked() {
    let nl = help(&["--help"], None);
    assert!(nl.contains("Maak een nieuwe sessie en open die."), "{nl}");
    assert!(nl.contains("Taal van de schermen"), "{nl}");
    let en = help(&["--lang", "en", "--help"], None);
    assert!(en.contains("Create a new session and open it"), "{en}");
    assert!(!en.contains("Maak een nieuwe sessie"), "{en}");
    let en = help(&["interview", "--help"], Some("en"));
    assert!(en.contains("Your name, stored with the interview"), "{en}");
    let nl = help(&["--lang=nl", "interview", "--help"], Some("en"));
    assert!(
        nl.contains("Je eigen naam, bewaard bij het interview."),
        "{nl}"
    );
}
