//! One sanitiser for text that leaves the program.
//!
//! Session and interview files come from other people's laptops; their text must not
//! steer the terminal it is shown in (escape sequences that set the title, write the
//! clipboard or answer a device query into the shell) nor hide or reorder what is shown
//! (bidi overrides, zero-width characters). Two uses:
//!
//! - [`visible`], for the terminal (CLI messages, errors, TUI cells): control, bidi and
//!   zero-width characters are shown as visible stand-ins (`␛`, `␇`, `\u{202e}`), never
//!   written raw. Newlines and tabs stay (callers that lay out cells split lines first).
//! - [`for_export`], for report files (Markdown, HTML, CSV, Word): C0 and C1 control
//!   characters are dropped, except newline and tab; bidi and zero-width characters are
//!   shown visibly as the terminal shows them (`\u{202e}`), so a report never reorders or
//!   hides text and reads the same as the screen.

use std::borrow::Cow;

/// Bidi embedding, override and isolate controls, and the marks that reorder text.
fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that take no room and show nothing (and so can hide text).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}'
    )
}

/// C0 (except newline and tab), DEL and C1 controls.
fn is_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}'
}

fn needs_visible(c: char) -> bool {
    is_control(c) || is_bidi(c) || is_invisible(c)
}

/// Text for the terminal: every control, bidi and zero-width character shown visibly.
/// Borrowed (no copy) when there is nothing to change, which is nearly always.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_visible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            // C0 controls as the Unicode control pictures: ESC as ␛, BEL as ␇, CR as ␍.
            '\0'..='\u{1f}' if c != '\n' && c != '\t' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�'));
            }
            '\u{7f}' => out.push('␡'),
            c if needs_visible(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`visible`] for one line of a cell: newlines and tabs become spaces as well.
pub fn visible_line(s: &str) -> Cow<'_, str> {
    let v = visible(s);
    if v.contains(['\n', '\t']) {
        Cow::Owned(v.replace(['\n', '\t'], " "))
    } else {
        v
    }
}

/// Text for a report file: C0 and C1 control characters dropped, except newline and tab;
/// bidi and zero-width characters shown visibly (`\u{202e}`, as [`visible`] does).
pub fn for_export(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_visible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) {
            continue;
        }
        if is_bidi(c) || is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_shows_escapes_and_bidi_visibly() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a␛]0;x␇b");
        assert_eq!(visible("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(visible("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(visible("a\u{200b}b"), "a\\u{200b}b");
        assert_eq!(visible("regel\nregel\tTab"), "regel\nregel\tTab");
        assert!(matches!(visible("Coöperatie “één”"), Cow::Borrowed(_)));
        assert_eq!(visible_line("a\nb\tc"), "a b c");
    }

    #[test]
    fn exports_drop_controls_but_keep_newlines_and_tabs() {
        assert_eq!(
            for_export("a\u{1b}[2Jb\u{7}\0c\u{9b}d\r\n\te"),
            "a[2Jbcd\n\te"
        );
        // Bidi and zero-width characters: shown visibly, as on the terminal.
        assert_eq!(for_export("geen\u{202e}control"), "geen\\u{202e}control");
        assert_eq!(
            for_export("a\u{200b}b\u{2066}c\u{2069}d\u{200e}e\u{200f}f"),
            "a\\u{200b}b\\u{2066}c\\u{2069}d\\u{200e}e\\u{200f}f"
        );
        assert!(matches!(for_export("Coöperatie “één”"), Cow::Borrowed(_)));
    }
}
