//! Small text helpers: cut a line to a width with "…", wrap words to a width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns, ending in "…" when it was longer; line breaks become
/// spaces.
pub fn cut(text: &str, width: usize) -> String {
    // One pass: `fits` is the byte length that fits with room for "…"; stop as soon as
    // the text is known to be too wide (a long note is not measured to its end).
    let mut w = 0;
    let mut fits = 0;
    let mut too_wide = false;
    for (at, c) in text.char_indices() {
        let cw = if c == '\n' { 1 } else { c.width().unwrap_or(0) };
        if w + cw < width {
            fits = at + c.len_utf8();
        }
        w += cw;
        if w > width {
            too_wide = true;
            break;
        }
    }
    let mut out = if too_wide {
        let mut s = String::with_capacity(fits + 3);
        s.push_str(&text[..fits]);
        s.push('…');
        s
    } else {
        text.to_string()
    };
    if out.contains('\n') {
        out = out.replace('\n', " ");
    }
    out
}

/// Word wrap to `width` columns (long words are split). Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for word in para.split(' ') {
            let ww = UnicodeWidthStr::width(word);
            if w > 0 && w + 1 + ww > width {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            if w > 0 {
                line.push(' ');
                w += 1;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if w + cw > width {
                    lines.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push(c);
                w += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// Word-wraps `text` to `width` columns; words longer than a line are split (a character
/// wider than the whole line gets a line of its own).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut lw = 0;
        for mut word in para.split_whitespace() {
            loop {
                let ww = word.width();
                let sep = usize::from(lw > 0);
                if lw + sep + ww <= width {
                    if sep == 1 {
                        line.push(' ');
                    }
                    line.push_str(word);
                    lw += sep + ww;
                    break;
                }
                if lw > 0 {
                    out.push(std::mem::take(&mut line));
                    lw = 0;
                    continue;
                }
                // A word wider than the line: cut it after the longest part that fits.
                let mut end = 0;
                for (at, c) in word.char_indices() {
                    let next = at + c.len_utf8();
                    if end > 0 && word[..next].width() > width {
                        break;
                    }
                    end = next;
                }
                out.push(word[..end].to_string());
                word = &word[end..];
                if word.is_empty() {
                    break;
                }
            }
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_and_wrap() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
        assert_eq!(wrap("een twee drie", 8), vec!["een twee", "drie"]);
        assert_eq!(wrap("", 8), vec![""]);
    }

    /// The plain way to cut (measure the whole text, then copy what fits): `cut` must
    /// give the same, only without reading a long note to its end.
    fn cut_reference(text: &str, width: usize) -> String {
        let text = text.replace('\n', " ");
        if UnicodeWidthStr::width(text.as_str()) <= width {
            return text;
        }
        let mut out = String::new();
        let mut w = 0;
        for c in text.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw + 1 > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.push('…');
        out
    }

    proptest::proptest! {
        #[test]
        fn cut_is_the_plain_cut(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "a", " ", "ë", "\n", "\u{301}", "中", "👍", "\u{200B}", "…",
            ]), 0..20),
            width in 0usize..12,
        ) {
            let text = text.concat();
            proptest::prop_assert_eq!(cut(&text, width), cut_reference(&text, width));
        }
    }

    /// The first, plain version of `wrap_words` (it re-measured the line for every
    /// word): the fast one must wrap the same.
    fn wrap_words_reference(text: &str, width: usize) -> Vec<String> {
        let width = width.max(1);
        let mut out = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let mut word = word.to_string();
                loop {
                    let lw = line.width();
                    let ww = word.width();
                    let sep = usize::from(lw > 0);
                    if lw + sep + ww <= width {
                        if sep == 1 {
                            line.push(' ');
                        }
                        line.push_str(&word);
                        break;
                    }
                    if lw > 0 {
                        out.push(std::mem::take(&mut line));
                        continue;
                    }
                    // A word wider than the line: cut it.
                    let mut head = String::new();
                    let mut rest = String::new();
                    for c in word.chars() {
                        if rest.is_empty() && (head.clone() + &c.to_string()).width() <= width {
                            head.push(c);
                        } else {
                            rest.push(c);
                        }
                    }
                    out.push(head);
                    word = rest;
                    if word.is_empty() {
                        break;
                    }
                }
            }
            out.push(line);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn wrap_words_is_the_plain_wrap(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "a", "bc", " ", "  ", "ë", "\n", "\u{301}", "中", "…", "woordenlange",
            ]), 0..30),
            width in 2usize..16,
        ) {
            let text = text.concat();
            proptest::prop_assert_eq!(wrap_words(&text, width), wrap_words_reference(&text, width));
        }
    }

    #[test]
    fn a_character_wider_than_the_line_gets_its_own_line() {
        assert_eq!(wrap_words("中文 a", 1), vec!["中", "文", "a"]);
    }
}
