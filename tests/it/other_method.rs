//! A region's own method definition whose ids all differ from the built-in one drives
//! every screen and both reports exactly as the built-in one does: nothing in the code or
//! the templates knows an area, corner, question, phase or activity by its id.

use crate::common;

use common::ui::{render, text};
use serde_json::Value;
use time::macros::datetime;
use volgspot::app::{App, SaveState, Screen, SessionView, View};
use volgspot::export::{self, Format};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::model::Session;
use volgspot::store;

const METHOD: &str = include_str!("../../assets/method.nl.json");

/// Every id of the built-in method.
fn ids(m: &Method) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(m.areas.iter().map(|a| a.id.clone()));
    out.extend(m.triangle.corners.iter().map(|c| c.id.clone()));
    out.extend(m.triangle.questions.iter().map(|q| q.id.clone()));
    out.extend(m.triangle.kader_rows.iter().map(|r| r.id.clone()));
    for p in &m.wheel.phases {
        out.push(p.id.clone());
        out.extend(p.activities.iter().map(|a| a.id.clone()));
    }
    out
}

/// The name an id gets in the region's own method.
fn other(id: &str) -> String {
    format!("regio-{id}")
}

/// Every id (a string value, or a key of a map keyed by id) given another name; the
/// words the format itself uses (field names, `from_field: "partners"`) stay.
fn rename(v: &mut Value, ids: &[String], key: &str) {
    match v {
        Value::String(s) if key != "from_field" && ids.contains(s) => *s = other(s),
        Value::Array(items) => items.iter_mut().for_each(|x| rename(x, ids, key)),
        Value::Object(map) => {
            let by_id = matches!(key, "observations" | "kader" | "activities" | "renames");
            let old = std::mem::take(map);
            for (k, mut x) in old {
                rename(&mut x, ids, &k);
                let k = if by_id && ids.contains(&k) {
                    other(&k)
                } else {
                    k
                };
                map.insert(k, x);
            }
        }
        _ => {}
    }
}

fn renamed(json: &str, ids: &[String]) -> String {
    let mut v: Value = serde_json::from_str(json).unwrap();
    rename(&mut v, ids, "");
    v.to_string()
}

fn both() -> ((Method, Session), (Method, Session)) {
    let builtin = Method::builtin(Lang::Nl);
    let ids = ids(&builtin);
    let (doc, _) = store::parse_session(volgspot::tui::EXAMPLE).unwrap();
    let own: Method = serde_json::from_str(&renamed(METHOD, &ids)).unwrap();
    let (own_doc, _) = store::parse_session(&renamed(volgspot::tui::EXAMPLE, &ids)).unwrap();
    ((builtin, doc), (own, own_doc))
}

fn app(method: Method, doc: Session, screen: Screen) -> App {
    let mut view = SessionView::new(doc, "voorbeeld.volgspot.json".into());
    view.save = SaveState::Saved(datetime!(2026-11-26 14:03:05 +1));
    view.screen = screen;
    App::new(
        Lang::Nl,
        method,
        View::Session(Box::new(view)),
        datetime!(2026-11-26 14:05:00 +1),
    )
}

#[test]
fn the_own_method_shares_no_id_and_passes_the_check() {
    let ((builtin, _), (own, _)) = both();
    assert_eq!(own.check(&volgspot::app::Screen::ids()), Ok(()));
    let own_ids = ids(&own);
    for id in ids(&builtin) {
        assert!(!own_ids.contains(&id), "{id} is still there");
    }
}

#[test]
fn both_reports_read_the_same_with_other_ids() {
    let ((builtin, doc), (own, own_doc)) = both();
    for public in [false, true] {
        let a = export::build(&doc, &builtin, Lang::Nl, public);
        let b = export::build(&own_doc, &own, Lang::Nl, public);
        let md = |r| export::render(r, Format::Markdown).unwrap();
        assert_eq!(md(&a), md(&b), "Markdown, public: {public}");
        // The HTML names each section by its area id (an anchor); the rest is the same.
        let html = |r| export::render(r, Format::Html).unwrap();
        assert_eq!(
            html(&a),
            html(&b).replace("id=\"regio-", "id=\""),
            "HTML, public: {public}"
        );
    }
}

#[test]
fn every_screen_looks_the_same_with_other_ids() {
    for screen in Screen::ALL {
        let ((builtin, doc), (own, own_doc)) = both();
        let a = text(&render(&app(builtin, doc, screen), 120, 40));
        let b = text(&render(&app(own, own_doc, screen), 120, 40));
        assert_eq!(a, b, "{screen:?}");
    }
}
