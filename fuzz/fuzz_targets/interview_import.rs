//! Interview import: an interview document arriving from another laptop is untrusted.
//! Until interview files have their own loader this fuzzes the shared versioned parser
//! with the interview type (no migrations yet).
#![no_main]

use libfuzzer_sys::fuzz_target;
use volgspot::model::{Interview, SCHEMA_VERSION};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ =
            volgspot::store::load::parse_versioned::<Interview>(text, SCHEMA_VERSION, |_, _| {});
    }
});
