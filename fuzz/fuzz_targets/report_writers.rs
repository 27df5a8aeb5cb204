//! The report writers on any session the loader accepts: never panic (Word included), and the Markdown,
//! HTML and CSV they write never carry a raw control character (only newline and tab;
//! in the CSV also the CRLF that ends each row).
#![no_main]

use libfuzzer_sys::fuzz_target;
use volgspot::export::{self, Format};
use volgspot::i18n::Lang;
use volgspot::method::Method;

fn check(text: &str, format: Format) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let crlf = c == '\r' && format == Format::Csv && chars.peek() == Some(&'\n');
        assert!(
            !c.is_control() || c == '\n' || c == '\t' || crlf,
            "raw control character U+{:04X} in {format:?}",
            c as u32
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((session, _)) = volgspot::store::parse_session(text) else {
        return;
    };
    for lang in [Lang::Nl, Lang::En] {
        let method = Method::builtin(lang);
        for public in [false, true] {
            let report = export::build(&session, &method, lang, public);
            for format in [Format::Markdown, Format::Html, Format::Csv] {
                if let Ok(out) = export::render(&report, format) {
                    check(&out, format);
                }
            }
            // Word, made from the Markdown: never a panic.
            let _ = export::bytes(&report, Format::Docx);
        }
    }
});
