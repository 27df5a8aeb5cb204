//! User text in the Markdown report is text, never markup: every character Markdown or
//! pandoc would read as markup is backslash-escaped (pandoc accepts a backslash before any
//! ASCII punctuation), so a note `<script>`, `[x](javascript:…)`, `# kop` or `| a | b |`
//! shows as typed after `pandoc report.md`. Empty lines are dropped and each line's
//! leading white space trimmed, so a user text never ends a list item, opens a code block
//! or starts a heading, table, list, quote, fenced block or raw-HTML block.
//!
//! Every string of the report is escaped as the report is handed to the template (see
//! [`super::convert`]); the small inline markup users may type (bold, italic, http(s)
//! and mailto links, a paragraph break) is kept by [`super::inline`], which escapes the
//! text around it with these rules. The template's wording is trusted and left as it is.

/// Escaped everywhere: emphasis, code, links, images, raw HTML and entities, tables,
/// headings, strikeout/sub/superscript, math, citations, footnotes, line blocks.
fn always(c: char) -> bool {
    matches!(
        c,
        '\\' | '`'
            | '*'
            | '['
            | ']'
            | '<'
            | '>'
            | '|'
            | '#'
            | '~'
            | '^'
            | '$'
            | '@'
            | '&'
            | '{'
            | '}'
    )
}

/// Escaped at the start of a line: list markers, setext and table rules, definition
/// lists, fenced divs, grid tables, example and parenthesised lists.
fn at_line_start(c: char) -> bool {
    matches!(c, '-' | '+' | '=' | ':' | '(' | '%')
}

/// One line of user text, escaped. `_` is escaped where it could open or close emphasis
/// (next to a non-letter); between letters, as in `in_uitvoering`, it stays.
fn escape_line(line: &str, out: &mut String) {
    escape_piece(line.trim(), true, out);
}

/// A piece of user text as Markdown text: the rules of [`escape`] for one line, the
/// line-start ones only when the piece starts a line (`line_start`). Used by
/// [`super::inline`] for the text between markup; a newline in the piece starts a line.
pub fn escape_piece(piece: &str, line_start: bool, out: &mut String) {
    for (n, line) in piece.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        escape_one(line, line_start || n > 0, out);
    }
}

fn escape_one(line: &str, line_start: bool, out: &mut String) {
    // An ordered-list marker ("1.", "iv)", "B.", "#."): escape its final dot or bracket.
    // A tab ends the marker too (it becomes a space below).
    let first = line.split([' ', '\t']).next().unwrap_or("");
    // pandoc reads one capital and a dot as a list marker only before two spaces, so
    // initials ("R. de Boer") stay as they are.
    let initial = first.len() == 2
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && first.ends_with('.')
        && !line[2..].starts_with("  ");
    let marker_end = (line_start
        && first.len() >= 2
        && !initial
        && first.ends_with(['.', ')'])
        && first[..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric()))
    .then(|| first.len() - 1);
    let chars: Vec<char> = line.chars().collect();
    let mut byte = 0;
    for (i, &c) in chars.iter().enumerate() {
        let word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let escape = always(c)
            || (i == 0 && line_start && at_line_start(c))
            || Some(byte) == marker_end
            || (c == '_' && !(word(i.checked_sub(1)) && word(Some(i + 1))));
        if escape {
            out.push('\\');
        }
        // A tab would indent the rest into a code block; a space does not.
        out.push(if c == '\t' { ' ' } else { c });
        byte += c.len_utf8();
    }
}

/// Whether [`escape`] would change `text`: most notes are one plain line and are passed
/// on as they are (the Markdown report escapes every string of the report).
pub(super) fn unchanged(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let first_word = text.split([' ', '\t']).next().unwrap_or("");
    !at_line_start(first)
        && !first.is_control()
        && !first_word.ends_with(['.', ')'])
        && text.trim() == text
        && !text
            .chars()
            .any(|c| always(c) || matches!(c, '_' | '\t' | '\n' | '\r'))
}

/// User text as Markdown text. Line breaks stay (the caller joins lines as it needs: a
/// hard break inside a list item, "; " in a table cell); empty lines are dropped.
pub fn escape(text: &str) -> String {
    if unchanged(text) {
        return text.to_string();
    }
    // Controls are dropped from exports anyway; dropped here first, so none can hide a
    // list marker or indentation from the escaping ("\u{1}- x" would become "- x").
    let clean = crate::sanitize::for_export(text);
    let text: &str = &clean;
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        escape_line(line, &mut out);
    }
    out
}

/// Escaped user text that may hold several lines, as one list item or paragraph: the
/// lines joined by hard line breaks (a backslash at the end of the line), the next line
/// indented so it stays inside the item. White space inside a line is collapsed.
pub fn item_lines(text: &str) -> String {
    join_lines(text, "\\\n  ", "\n\n  ")
}

/// The same for a quote (`> …`): its later lines and paragraphs stay in the quote.
pub fn quote_lines(text: &str) -> String {
    join_lines(text, "\\\n> ", "\n>\n> ")
}

/// Lines joined by `line`, paragraphs (an empty line between, see [`super::inline`]) by
/// `paragraph`; white space inside a line collapsed.
fn join_lines(text: &str, line: &str, paragraph: &str) -> String {
    // One line: its words, single spaces (no copy when it already is).
    if !text.contains('\n') {
        return super::render::oneline(text.to_string());
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut gap = false;
    for l in text.lines() {
        let mut words = l.split_whitespace().peekable();
        if words.peek().is_none() {
            gap = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if gap { paragraph } else { line });
        }
        gap = false;
        for (n, w) in words.enumerate() {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(
            escape("a *b* `c` _d_ e|f"),
            "a \\*b\\* \\`c\\` \\_d\\_ e\\|f"
        );
        assert_eq!(escape("Pact\n# Kop"), "Pact\n\\# Kop");
        assert_eq!(
            escape("- lijst\n+ ook\n=== \n1. een\niv) vier"),
            "\\- lijst\n\\+ ook\n\\===\n1\\. een\niv\\) vier"
        );
        assert_eq!(
            escape("    code\n\n\nna lege regels"),
            "code\nna lege regels"
        );
        assert_eq!(escape("in_uitvoering"), "in_uitvoering");
        assert_eq!(escape("R. de Boer"), "R. de Boer");
        assert_eq!(escape("B.  twee spaties"), "B\\.  twee spaties");
        assert_eq!(escape("Gewone tekst, 12.5 uur."), "Gewone tekst, 12.5 uur.");
        // A tab after the number, or a control character before a marker, is no way round.
        assert_eq!(escape("1.\tEen"), "1\\. Een");
        assert_eq!(escape("\u{1}- x"), "\\- x");
        assert_eq!(escape("\u{1}1. x"), "1\\. x");
        assert_eq!(escape("\u{1}    code"), "code");
    }

    #[test]
    fn item_lines_keep_their_breaks_inside_the_item() {
        assert_eq!(item_lines("een\n  twee  drie"), "een\\\n  twee drie");
        assert_eq!(item_lines("een\n\ntwee"), "een\n\n  twee");
        assert_eq!(quote_lines("een\ntwee\n\ndrie"), "een\\\n> twee\n>\n> drie");
    }

    proptest::proptest! {
        #[test]
        fn the_shortcuts_give_what_the_full_escape_gives(
            s in "[ a-zA-Z0-9._)(\\-+=:%*#|_\t\n\r\u{a0}é]{0,24}"
        ) {
            // `escape` with its shortcut against the line-by-line escape alone.
            let mut full = String::new();
            let clean = crate::sanitize::for_export(&s);
            for line in clean.lines().filter(|l| !l.trim().is_empty()) {
                if !full.is_empty() {
                    full.push('\n');
                }
                escape_line(line, &mut full);
            }
            proptest::prop_assert_eq!(escape(&s), full);
            // Without empty lines (paragraph breaks), lines joined by hard breaks.
            if !s.lines().any(|l| l.trim().is_empty()) {
                let joined = s
                    .lines()
                    .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\\\n  ");
                proptest::prop_assert_eq!(item_lines(&s), joined);
            }
        }
    }
}
