//! The recovery offer as drawn: the start list marks the session, and the offer shows
//! both moments of last change, at the smallest supported size, in both languages.

use crate::common;

use common::ui::{render, text};
use time::macros::datetime;
use volgspot::app::{App, Overlay, StartEntry, StartState, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::store::recovery::{CopyKind, Recovery};

fn app(lang: Lang, offer: bool) -> App {
    let session =
        std::path::PathBuf::from("/sessies/zorgpact-noord-ronde1-2026-11-22.volgspot.json");
    let recovery = Recovery {
        session: session.clone(),
        copy: session.with_extension("json.noodkopie"),
        kind: CopyKind::Emergency,
        session_updated: Some(datetime!(2026-11-22 14:01:50 +1)),
        copy_updated: datetime!(2026-11-22 14:02:11 +1),
    };
    let mut start = StartState::new(
        "/sessies".into(),
        vec![StartEntry {
            path: session,
            summary: Ok(volgspot::store::folder::Header {
                id: "noord".into(),
                pact_name: "Zorgpact Noord".into(),
                round: 1,
                session_date: "2026-11-22".into(),
                place: String::new(),
                updated: datetime!(2026-11-22 14:01:50 +1),
            }),
            recovery: Some(recovery.clone()),
        }],
    );
    start.selected = 2;
    let mut app = App::new(
        lang,
        Method::builtin(lang),
        View::Start(start),
        datetime!(2026-11-22 14:05 +1),
    );
    if offer {
        app.overlay = Some(Overlay::Recover(recovery));
    }
    app
}

#[test]
fn the_start_list_marks_a_session_with_a_newer_copy() {
    let screen = text(&render(&app(Lang::Nl, false), 80, 24));
    assert!(screen.contains("⚠ nieuwere noodkopie"), "{screen}");
}

#[test]
fn the_offer_shows_both_moments_and_the_keys_at_80x24() {
    for (lang, name) in [
        (Lang::Nl, "recover_nl_80x24"),
        (Lang::En, "recover_en_80x24"),
    ] {
        let screen = text(&render(&app(lang, true), 80, 24));
        let flat = screen
            .replace('║', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains("14:01:50") && flat.contains("14:02:11"),
            "{screen}"
        );
        let keys = flat.to_lowercase();
        assert!(
            keys.contains("h / r = ") && keys.contains(" o = ") && keys.contains("esc = "),
            "{screen}"
        );
        insta::assert_snapshot!(name, screen);
    }
}
