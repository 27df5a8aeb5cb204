//! The session loader must turn any bytes into a session or a LoadProblem: never panic,
//! never overflow the stack, never hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = volgspot::store::parse_session(text);
    }
});
