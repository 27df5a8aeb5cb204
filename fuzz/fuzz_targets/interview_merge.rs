//! Interview import and merge: any interview file the parser accepts merges into the
//! example session without a panic, twice (a re-import), and the merged session still
//! serialises, loads back equal, and writes a report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use volgspot::model::interview_file::{self, InterviewFile};
use volgspot::model::merge;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((file, _)) = volgspot::store::load::parse_versioned::<InterviewFile>(
        text,
        interview_file::INTERVIEW_SCHEMA_VERSION,
        interview_file::migrate,
    ) else {
        return;
    };
    let (mut session, _) = volgspot::store::parse_session(volgspot::tui::EXAMPLE).unwrap();
    merge::merge_file(&mut session, &file);
    merge::merge_file(&mut session, &file);
    let json = volgspot::store::to_json(&session);
    let back = volgspot::store::parse_session(std::str::from_utf8(&json).unwrap());
    assert!(back.is_ok_and(|(s, _)| s == session), "a merged session did not load back");
    let lang = volgspot::i18n::Lang::Nl;
    let report =
        volgspot::export::build(&session, &volgspot::method::Method::builtin(lang), lang, false);
    let _ = volgspot::export::render(&report, volgspot::export::Format::Markdown);
});
