//! Small text helpers: cut a line to a width with "…", wrap words to a width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns, ending in "…" when it was longer; line breaks become
/// spaces.
pub fn cut(text: &str, width: usize) -> String {
    let text = if text.contains('\n') {
        std::borrow::Cow::Owned(text.replace('\n', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    // No character is wider than its UTF-8 bytes: a short text fits without measuring.
    if text.len() <= width || UnicodeWidthStr::width(text.as_ref()) <= width {
        return text.into_owned();
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

/// How many lines `wrap(text, width)` gives, without building them: a list asks this
/// of many notes to know whether they fit whole.
pub fn wrap_count(text: &str, width: usize) -> usize {
    wrap_walk(text, width, None)
}

/// Word wrap to `width` columns (long words are split). Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_walk(text, width, Some(&mut lines));
    lines
}

/// The one walk behind `wrap` and `wrap_count`: counts the lines, and builds them only
/// when `out` is given.
fn wrap_walk(text: &str, width: usize, mut out: Option<&mut Vec<String>>) -> usize {
    fn end(line: &mut String, out: &mut Option<&mut Vec<String>>, count: &mut usize) {
        *count += 1;
        if let Some(out) = out {
            out.push(std::mem::take(line));
        }
    }
    let width = width.max(1);
    let keep = out.is_some();
    let mut count = 0;
    let mut line = String::new();
    for para in text.split('\n') {
        let mut w = 0;
        for word in para.split(' ') {
            let ww = UnicodeWidthStr::width(word);
            if w > 0 && w + 1 + ww > width {
                end(&mut line, &mut out, &mut count);
                w = 0;
            }
            if w > 0 {
                if keep {
                    line.push(' ');
                }
                w += 1;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if w + cw > width {
                    end(&mut line, &mut out, &mut count);
                    w = 0;
                }
                if keep {
                    line.push(c);
                }
                w += cw;
            }
        }
        end(&mut line, &mut out, &mut count);
    }
    count
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

    /// The first version of `cut` (it copied every text to replace line breaks): the one
    /// that copies only when there are line breaks must cut the same.
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
                "\t", "\r", "\u{FE0F}", "\u{200D}", "\u{1F3FD}", "\u{1F1F3}",
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
                "\t", "\r", "\u{FE0F}", "👍", "\u{200D}", "\u{1F3FD}", "\u{1F1F3}",
            ]), 0..30),
            width in 2usize..16,
        ) {
            let text = text.concat();
            proptest::prop_assert_eq!(wrap_words(&text, width), wrap_words_reference(&text, width));
        }
    }

    /// `wrap` as it was before it shared its walk with `wrap_count`: both must still
    /// give what it gave.
    fn wrap_reference(text: &str, width: usize) -> Vec<String> {
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

    proptest::proptest! {
        #[test]
        fn wrap_and_wrap_count_are_the_plain_wrap(
            text in proptest::collection::vec(proptest::sample::select(vec![
                "a", "bc", " ", "  ", "ë", "\n", "\u{301}", "中", "…", "woordenlange",
                "\t", "\r", "\u{FE0F}", "👍", "\u{200D}", "\u{1F3FD}", "\u{1F1F3}",
            ]), 0..30),
            width in 0usize..16,
        ) {
            let text = text.concat();
            let want = wrap_reference(&text, width);
            proptest::prop_assert_eq!(wrap_count(&text, width), want.len());
            proptest::prop_assert_eq!(wrap(&text, width), want);
        }
    }

    #[test]
    fn a_character_wider_than_the_line_gets_its_own_line() {
        assert_eq!(wrap_words("中文 a", 1), vec!["中", "文", "a"]);
    }
}
