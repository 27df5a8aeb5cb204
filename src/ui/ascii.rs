//! The ASCII fallback: terminals without Unicode drawing (the Linux console, a VT100 or
//! VT220, `TERM=dumb`, or anyone who sets `VOLGSPOT_ASCII=1`) get plain letters. Every
//! view is drawn as usual and then folded, cell by cell, to ASCII: box drawing becomes
//! `+ - |`, Braille dots and block shapes become `*` and `#`, accented letters lose their
//! accent (`ë` → `e`), quotes and dashes become their ASCII forms. One pass at the end of
//! a frame, so no screen (nor a screen added later) can forget it.

use ratatui::buffer::Buffer;

/// Whether the terminal lacks Unicode drawing: the Linux console, a VT100/VT220, a dumb
/// terminal, or the explicit switch `VOLGSPOT_ASCII=1` (`VOLGSPOT_ASCII=0` turns it off
/// on a console that can do more).
pub fn terminal() -> bool {
    detect(
        std::env::var("VOLGSPOT_ASCII").ok().as_deref(),
        std::env::var("TERM").ok().as_deref(),
    )
}

/// [`terminal`] as a pure function of the two variables.
pub fn detect(switch: Option<&str>, term: Option<&str>) -> bool {
    match switch.map(str::trim) {
        Some("") | None => {}
        Some("0") => return false,
        Some(_) => return true,
    }
    term.is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t == "linux" || t == "dumb" || t.starts_with("vt") || t == "ansi" || t == "cons25"
    })
}

/// Folds every cell of the buffer to printable ASCII.
pub fn fold(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let sym = cell.symbol();
        if sym.is_ascii() {
            continue;
        }
        let c = sym.chars().next().map(char_of).unwrap_or(' ');
        let mut tmp = [0u8; 4];
        cell.set_symbol(c.encode_utf8(&mut tmp));
    }
}

/// One character's ASCII stand-in (always exactly one printable character).
pub fn char_of(c: char) -> char {
    if c.is_ascii() {
        return if c.is_ascii_control() { ' ' } else { c };
    }
    match c {
        // Braille: the drawn triangle and wheel, one dot per cell.
        '\u{2800}' => ' ',
        '\u{2801}'..='\u{28FF}' => '*',
        // Box drawing: lines and corners.
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '╴' | '╶' | '╸' | '╺' | '╼' | '╾' => {
            '-'
        }
        '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '╵' | '╷' | '╹' | '╻' | '╽' | '╿' => {
            '|'
        }
        '╱' => '/',
        '╲' => '\\',
        '╳' => 'X',
        '\u{2500}'..='\u{257F}' => '+',
        // Shades, blocks, quadrants, sextants: solid shapes.
        '░' => '.',
        '▒' => ':',
        '\u{2580}'..='\u{259F}' | '\u{1FB00}'..='\u{1FB3B}' => '#',
        // Geometric shapes and arrows that mark things.
        '●' | '◆' | '■' | '▪' | '•' | '◉' | '★' | '⬤' => '*',
        '○' | '◇' | '□' | '▫' | '◦' | '☆' | '◯' => 'o',
        // Half done (the wheel's "bezig").
        '◐' | '◑' | '◒' | '◓' => '+',
        '▲' | '△' | '↑' | '⇧' | '▴' => '^',
        '▼' | '▽' | '↓' | '⇩' | '▾' => 'v',
        '▶' | '▷' | '►' | '→' | '⇒' | '▸' | '❯' | '›' | '»' => '>',
        '◀' | '◁' | '◄' | '←' | '⇐' | '◂' | '❮' | '‹' | '«' => '<',
        '↔' | '⇄' | '⇅' | '↕' => '=',
        '✓' | '✔' | '☑' => 'v',
        '✗' | '✘' | '☒' | '×' => 'x',
        // Warnings and "not" signs: never a letter that reads as part of a name.
        '⚠' | '❗' | '❕' | '‼' => '!',
        '⊘' | '∅' | '⦸' | '🛇' => '/',
        '❝' | '❞' | '〝' | '〞' => '"',
        '❛' | '❜' => '\'',
        // The control pictures (`sanitize::visible` shows ESC as ␛, BEL as ␇): one cell
        // each, so no room for caret notation (`^[`): `?`, never a letter like `E` that
        // reads as part of a name.
        '\u{2400}'..='\u{2426}' => '?',
        '·' | '…' | '⋯' => '.',
        '—' | '–' | '‒' | '―' | '−' => '-',
        '“' | '”' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '\u{00A0}' | '\u{2000}'..='\u{200B}' | '\u{202F}' => ' ',
        _ => match deunicode::deunicode_char(c).and_then(|s| s.chars().next()) {
            Some(a) if a.is_ascii_graphic() => a,
            _ => '?',
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_follows_term_and_the_switch() {
        assert!(detect(None, Some("linux")));
        assert!(detect(None, Some("vt220")));
        assert!(detect(None, Some("vt100")));
        assert!(!detect(None, Some("xterm-256color")));
        assert!(!detect(None, None));
        assert!(detect(Some("1"), Some("xterm-256color")));
        assert!(!detect(Some("0"), Some("linux")));
        assert!(!detect(Some(""), Some("xterm")));
    }

    #[test]
    fn every_character_folds_to_one_printable_ascii_character() {
        for c in "─│┌┐└┘├┤╭╮╯╰═║╔╗⠁⣿█▌▀▄▐▘▗🬀·—“”‘’…éëïöüÉÈçñßæ⏱Σ✓→←↑↓●○◆▶コ😀".chars()
        {
            let a = char_of(c);
            assert!(a.is_ascii_graphic(), "{c} → {a:?}");
        }
        assert_eq!(char_of('ë'), 'e');
        assert_eq!(char_of('─'), '-');
        assert_eq!(char_of('│'), '|');
        assert_eq!(char_of('┌'), '+');
        assert_eq!(char_of('“'), '"');
        assert_eq!(char_of('\u{2800}'), ' ');
    }

    #[test]
    fn signs_fold_to_signs_not_to_letters() {
        // deunicode guesses `w`, `E`, `B` for these: they would read as part of a name.
        assert_eq!(char_of('⚠'), '!');
        assert_eq!(char_of('␛'), '?');
        assert_eq!(char_of('␇'), '?');
        assert_eq!(char_of('␡'), '?');
        for (c, a) in [
            ('✓', 'v'),
            ('✗', 'x'),
            ('◀', '<'),
            ('▶', '>'),
            ('●', '*'),
            ('○', 'o'),
            ('❝', '"'),
            ('⊘', '/'),
            ('“', '"'),
            ('”', '"'),
            ('—', '-'),
            ('…', '.'),
        ] {
            assert_eq!(char_of(c), a, "{c}");
        }
        // No control picture becomes a letter.
        for c in '\u{2400}'..='\u{2426}' {
            assert!(!char_of(c).is_ascii_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn a_warning_line_with_an_escape_in_a_name_folds_readably() {
        use ratatui::layout::Rect;
        use ratatui::style::Style;
        let line = format!(
            "⚠ Namen zichtbaar: {}",
            crate::sanitize::visible("Jan\u{1b}Smit\u{7}")
        );
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
        buf.set_string(0, 0, &line, Style::new());
        fold(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(text.trim_end(), "! Namen zichtbaar: Jan?Smit?");
    }

    #[test]
    fn a_folded_buffer_holds_only_ascii() {
        use ratatui::layout::Rect;
        use ratatui::style::Style;
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "┌ideeën⠿コ█", Style::new());
        fold(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.is_ascii(), "{text}");
        // コ is transliterated (ko), its second cell left blank.
        assert!(text.starts_with("+ideeen*k #"), "{text}");
    }
}
