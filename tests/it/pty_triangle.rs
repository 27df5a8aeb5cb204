//! The triangle screen end to end: the real binary in a pseudo-terminal.

use crate::common;

use common::{Term, session_file};
use std::time::Duration;

const CORNERS: [[&str; 2]; 3] = [
    ["Meer stageplekken", "Minder uitval"],
    ["Wijkleerbedrijf", "Leerlijn techniek"],
    ["Vaste instroom", "Blije studenten"],
];

#[test]
fn add_vote_draw_quit_and_reopen_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(dir.path(), &["new", "--pact", "Driehoektest"], 80, 24);
    term.wait_for("1/6 Intake");
    term.page_down();
    term.page_down();
    term.wait_for("3/6 Analyse-driehoek");
    for (c, items) in CORNERS.iter().enumerate() {
        // Corner c is focused (Tab moves on). Two items each: a, type, Enter.
        for item in items {
            term.send("a");
            term.type_text(item);
            term.send("\r");
            term.wait_for(item);
        }
        // Vote: the second item gets three votes, so it is the corner's top item.
        term.send("+++");
        term.wait_for("3● ");
        if c < 2 {
            term.send("\t");
        }
    }
    // The drawn view shows the top item of each corner.
    term.send("v");
    term.wait_for("Tekening");
    for items in &CORNERS {
        term.wait_for(&format!("3● {}", items[1]));
    }
    term.ctrl_q();
    assert!(term.wait_exit());

    let path = session_file(dir.path());
    let mut again = Term::spawn(dir.path(), &["open", path.to_str().unwrap()], 80, 24);
    again.wait_for("Driehoektest");
    again.page_down();
    again.page_down();
    again.wait_for("3/6 Analyse-driehoek");
    for items in &CORNERS {
        for item in items {
            again.wait_for(item);
        }
    }
    again.send("v");
    for items in &CORNERS {
        again.wait_for(&format!("3● {}", items[1]));
    }
    std::thread::sleep(Duration::from_millis(100));
    again.ctrl_q();
    assert!(again.wait_exit());
}
