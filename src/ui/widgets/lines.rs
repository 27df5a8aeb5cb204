//! `Lines`: left-aligned lines of text, cut at the area's right edge — what an unwrapped
//! `Paragraph` draws, for the lists the facilitator types next to (interview notes,
//! synthesis, triangle boxes).
//!
//! Why not `Paragraph`: it segments every character into graphemes twice (once to lay the
//! line out, once to draw it) and restyles the whole area first; on a 200×60 screen full of
//! notes that was over half the time of a keystroke. Here runs of characters
//! that are always one cell wide and never join their neighbours (ASCII, the Latin-1 and
//! Latin Extended-A letters of Dutch, the usual quotes and dashes) is written cell by cell;
//! anything else (emoji, combining accents, wide or control characters) is written
//! grapheme by grapheme as `Paragraph` does, so the result is the same cell for cell
//! (tested below).

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct Lines<'a>(pub Vec<Line<'a>>);

impl<'a> From<Vec<Line<'a>>> for Lines<'a> {
    fn from(lines: Vec<Line<'a>>) -> Self {
        Lines(lines)
    }
}

/// A cell holding the printable ASCII character `c` (and no style), made once.
fn ascii_cell(c: char) -> Option<&'static Cell> {
    static CELLS: std::sync::LazyLock<Vec<Cell>> = std::sync::LazyLock::new(|| {
        (' '..='~')
            .map(|c| {
                let mut cell = Cell::EMPTY;
                cell.set_char(c);
                cell
            })
            .collect()
    });
    let i = (c as usize).checked_sub(' ' as usize)?;
    CELLS.get(i)
}

/// One cell wide, its own grapheme whatever comes before or after it.
fn simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{17F}' | '\u{2010}'..='\u{2027}')
}

impl Widget for Lines<'_> {
    /// Not through the block cache (`cache`): these lines write only the cells of their
    /// text, fast; checking the whole area for the cache cost more than that.
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_direct(area, buf);
    }
}

/// Lines borrowed (kept from an earlier frame), drawn as [`Lines`] draws its own.
pub struct LinesRef<'r, 'a>(pub &'r [Line<'a>]);

impl Widget for LinesRef<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render_lines(self.0, area, buf);
    }
}

impl Lines<'_> {
    fn render_direct(&self, area: Rect, buf: &mut Buffer) {
        render_lines(&self.0, area, buf);
    }
}

fn render_lines(lines: &[Line], area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let mut x = area.x;
        for span in &line.spans {
            let style = line.style.patch(span.style);
            match put_span(buf, area, x, y, &span.content, style) {
                Some(next) => x = next,
                // Like a Paragraph: the first grapheme that does not fit ends the line.
                None => break,
            }
        }
    }
}

/// Writes `text` from column `x` of row `y`; returns the column after it, or `None` when
/// the line is full. Runs of simple characters are written cell by cell. A stretch with
/// other characters is split into graphemes as ratatui does, together with the simple
/// character on either side of it (a combining accent joins the letter before it, a
/// prepended mark the letter after); two simple characters next to each other never join.
fn put_span(
    buf: &mut Buffer,
    area: Rect,
    mut x: u16,
    y: u16,
    text: &str,
    style: Style,
) -> Option<u16> {
    let row = buf.index_of(area.x, y);
    let mut chars = text.char_indices().peekable();
    while let Some((from, c)) = chars.next() {
        // A simple character that cannot join a neighbour: the next one is simple too.
        let alone = |c: char, next: Option<&(usize, char)>| {
            simple(c) && next.is_none_or(|&(_, n)| simple(n))
        };
        if alone(c, chars.peek()) {
            if x >= area.right() {
                return None;
            }
            let cell = &mut buf.content[row + (x - area.x) as usize];
            if let Some(ascii) = ascii_cell(c) {
                // A copy of a ready cell: `set_char` builds the symbol on the stack byte
                // by byte and reads it back whole, which stalls the processor on every
                // cell of a screen full of notes. The cell keeps what it had (a
                // background) under the new style, as with `set_char`.
                let under = cell.style();
                #[allow(deprecated)] // kept as set: ratatui still honours the old flag
                let (diff, skip) = (cell.diff_option, cell.skip);
                cell.clone_from(ascii);
                cell.set_style(under.patch(style));
                cell.diff_option = diff;
                #[allow(deprecated)]
                {
                    cell.skip = skip;
                }
            } else {
                cell.set_char(c).set_style(style);
            }
            x += 1;
            continue;
        }
        // The slow stretch ends with the first lone simple character after it.
        let mut to = text.len();
        while let Some((at, c)) = chars.next() {
            if alone(c, chars.peek()) {
                to = at + c.len_utf8();
                break;
            }
        }
        // What `Paragraph` does with each grapheme (control characters dropped, one
        // wider than the whole area skipped, zero-width ones not drawn).
        let part = Span::raw(&text[from..to]);
        for g in part.styled_graphemes(style) {
            let w = g.symbol.cell_width();
            if w > area.width {
                continue;
            }
            if x + w > area.right() {
                return None;
            }
            if w == 0 {
                continue;
            }
            buf[(x, y)].set_symbol(g.symbol).set_style(g.style);
            x += w;
        }
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::Paragraph;

    /// The same cells as an unwrapped Paragraph, for text a session may hold.
    #[test]
    fn draws_what_a_paragraph_draws() {
        let samples = [
            "Gewone notitie over de zorg",
            "Coördinatie, één loket; ‘citaat’ – “zo” …",
            "emoji 👍 en 中文 breed",
            "breed 中文中文中文中文中文中文中文中文中文中文中文中文",
            "e\u{301} combinerend accent en\tTab",
            "cafe\u{301} combinerend accent",
            "nul\u{200B}breedte en CR\r\nLF",
            "zachte\u{AD}hyphen en ⚠ teken ● ◐",
            "● publiek · a\u{301}b 👍🏽x 🇳🇱 e\u{301}\u{301} \u{600}1 \u{1100}\u{1161}k",
            "",
            "een regel die veel langer is dan het vlak waarin hij komt te staan, zodat hij wordt afgekapt",
        ];
        let bold = Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD);
        for width in [1u16, 7, 20, 41] {
            let lines: Vec<Line> = samples
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if i % 2 == 0 {
                        Line::styled(*s, bold)
                    } else {
                        Line::from(vec![
                            Span::raw("› "),
                            Span::styled(*s, bold),
                            Span::raw(" · x"),
                        ])
                    }
                })
                .collect();
            let area = Rect::new(2, 1, width, samples.len() as u16 - 1);
            let full = Rect::new(0, 0, width + 4, samples.len() as u16 + 1);
            // Cells under the text that are not written keep what was there.
            let under = Buffer::filled(full, Cell::new("x").set_bg(Color::Blue).clone());
            let mut want = under.clone();
            Paragraph::new(lines.clone()).render(area, &mut want);
            let mut got = under;
            Lines(lines).render(area, &mut got);
            assert_eq!(got, want, "width {width}");
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// Any mix of simple and tricky characters, cut anywhere: the same cells.
        #[test]
        fn any_text_draws_like_a_paragraph(
            texts in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "a", "Z", " ", "ë", "é", "©", "…", "–", "\u{301}", "\u{200D}", "\u{AD}", "👍",
                    "\u{1F3FD}", "🇳", "🇱", "中", "\t", "\r", "\n", "\u{600}", "\u{1100}",
                    "\u{1161}", "\u{FE0F}", "\u{200B}", "⚠", "●",
                ]), 0..30).prop_map(|v| v.concat()),
                1..4,
            ),
            width in 1u16..25,
        ) {
            let lines: Vec<Line> = texts.iter().map(|t| Line::from(vec![Span::raw(t.as_str()), Span::raw("·x")])).collect();
            let area = Rect::new(1, 0, width, 4);
            let under = Buffer::filled(Rect::new(0, 0, width + 2, 4), Cell::new("x").set_bg(Color::Blue).clone());
            let mut want = under.clone();
            Paragraph::new(lines.clone()).render(area, &mut want);
            let mut got = under;
            Lines(lines).render(area, &mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }
}
