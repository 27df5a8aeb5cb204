//! Interview import: an interview file arriving from another laptop is untrusted. This
//! fuzzes the same parse `volgspot import` uses (versioned, with migrations).
#![no_main]

use libfuzzer_sys::fuzz_target;
use volgspot::model::interview_file::{self, InterviewFile};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = volgspot::store::load::parse_versioned::<InterviewFile>(
            text,
            interview_file::INTERVIEW_SCHEMA_VERSION,
            interview_file::migrate,
        );
    }
});
