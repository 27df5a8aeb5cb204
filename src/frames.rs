//! Frames to the terminal. ratatui renders each frame into a buffer as before; this
//! writes only the cells that differ from what the terminal shows, in one `write`.
//!
//! Why not `Terminal::draw`: at 200×60 its comparison of the new frame with the last one
//! (`Cell == Cell` for each of the 12 000 cells, each after a Unicode width computation)
//! cost as many instructions as drawing the frame, and it wrote a frame in two or three
//! system calls (the cursor is hidden with a flush of its own). Here equal cells are
//! recognised by their colours and their bytes, the width is looked at only where it
//! matters (a changed cell, or an unchanged one wider than one column), and the escape
//! sequences are the same ones ratatui's crossterm backend writes, collected first and
//! written at once.
//!
//! The terminal keeps doing the rest: it notices a new size (and clears the screen then),
//! and it gives the `Frame` the screens draw into. Nothing in volgspot places the
//! terminal's cursor (a text field draws its own), so it stays hidden, as before.

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::crossterm::cursor::Hide;
use ratatui::crossterm::queue;
use ratatui::style::{Color, Modifier};
use ratatui::{Frame, Terminal};
use std::io::{self, Write};

/// What the terminal shows, and the bytes of the next frame.
pub struct FrameWriter {
    /// The last frame written (empty cells after a clear or at the start).
    shown: Buffer,
    /// The frame's escape sequences (written by ratatui's crossterm backend).
    bytes: Vec<u8>,
    started: bool,
}

impl Default for FrameWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl FrameWriter {
    pub fn new() -> Self {
        FrameWriter {
            shown: Buffer::default(),
            bytes: Vec::with_capacity(64 * 1024),
            started: false,
        }
    }

    /// Draws one frame: `render` fills the terminal's buffer, the cells that changed go
    /// out in one write.
    pub fn draw<W: Write>(
        &mut self,
        terminal: &mut Terminal<CrosstermBackend<W>>,
        render: impl FnOnce(&mut Frame),
    ) -> io::Result<()> {
        if !self.started {
            // The terminal then also shows the cursor again when it is dropped.
            terminal.hide_cursor()?;
            self.started = true;
        }
        // A new size: the terminal clears the screen and resizes its buffers.
        terminal.autoresize()?;
        let mut frame = terminal.get_frame();
        // Text blocks the last frame drew may be copied into this one (`ui::widgets::cache`).
        crate::ui::widgets::cache::next_frame();
        render(&mut frame);
        let next = terminal.current_buffer_mut();
        if next.area != self.shown.area {
            // Resized (the screen was cleared) or the first frame: nothing is shown.
            self.shown = Buffer::empty(next.area);
        }
        self.bytes.clear();
        // ratatui's crossterm backend, writing into memory: the same escape sequences.
        CrosstermBackend::new(&mut self.bytes).draw(Diff::new(&self.shown, next))?;
        queue!(self.bytes, Hide)?;
        // The new frame is what the terminal shows now.
        std::mem::swap(next, &mut self.shown);
        let out = terminal.backend_mut();
        out.write_all(&self.bytes)?;
        Write::flush(out)?;
        // Once the frame is out: the buffer it replaces is emptied for the next frame to
        // draw into (half a megabyte at 200×60, not worth making the key wait for).
        terminal.current_buffer_mut().reset();
        Ok(())
    }

    /// After something else wrote to the screen (or cleared it): the next frame is
    /// written whole.
    pub fn invalidate(&mut self) {
        self.shown = Buffer::default();
    }
}

/// The cells of `next` to write over `prev`: exactly what ratatui's `Buffer::diff`
/// gives (wide characters, skipped cells, emoji with a variation selector), faster.
pub struct Diff<'p, 'n> {
    prev: &'p [Cell],
    next: &'n [Cell],
    x0: u16,
    y0: u16,
    width: usize,
    len: usize,
    pos: usize,
    trailing: Option<Trailing>,
}

struct Trailing {
    next_index: usize,
    end: usize,
    force: bool,
}

/// Modifiers that show on a blank cell (ratatui's list).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

impl<'p, 'n> Diff<'p, 'n> {
    /// # Panics
    /// When the buffers differ in x, y or width (as `Buffer::diff`).
    pub fn new(prev: &'p Buffer, next: &'n Buffer) -> Self {
        assert!(
            prev.area.x == next.area.x
                && prev.area.y == next.area.y
                && prev.area.width == next.area.width,
            "buffer areas must have the same x, y and width"
        );
        let height = prev.area.height.min(next.area.height) as usize;
        let width = prev.area.width as usize;
        Diff {
            prev: &prev.content,
            next: &next.content,
            x0: prev.area.x,
            y0: prev.area.y,
            width,
            len: (width * height)
                .min(prev.content.len())
                .min(next.content.len()),
            pos: 0,
            trailing: None,
        }
    }

    fn at(&self, i: usize) -> (u16, u16) {
        let w = self.width.max(1);
        ((i % w) as u16 + self.x0, (i / w) as u16 + self.y0)
    }
}

#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// The cell's width in columns (`Cell::cell_width`), without the Unicode tables for a
/// symbol of one byte.
fn width(cell: &Cell) -> usize {
    if let CellDiffOption::ForcedWidth(w) = cell.diff_option {
        return w.get() as usize;
    }
    let s = cell.symbol();
    if s.len() == 1 {
        1
    } else {
        s.cell_width() as usize
    }
}

/// From `from` on, the first cell that is not a plain one-column cell equal to the one
/// shown (no skip flag, no diff option, the same colours, modifiers and one-byte
/// symbol): the cells before it are unchanged and one column wide, so the diff below
/// passes over them (what `same` and `width` say for them, in short).
#[allow(deprecated)]
fn unchanged_until(prev: &[Cell], next: &[Cell], from: usize) -> usize {
    let plain_same = |(c, p): (&Cell, &Cell)| {
        matches!(c.diff_option, CellDiffOption::None)
            && matches!(p.diff_option, CellDiffOption::None)
            && !c.skip
            && !p.skip
            && c.fg == p.fg
            && c.bg == p.bg
            && c.modifier == p.modifier
            && c.underline_color == p.underline_color
            && {
                let (x, y) = (c.symbol().as_bytes(), p.symbol().as_bytes());
                x.len() == 1 && y.len() == 1 && x[0] == y[0]
            }
    };
    let n = prev.len().min(next.len());
    if from >= n {
        return from;
    }
    next[from..n]
        .iter()
        .zip(&prev[from..n])
        .position(|pair| !plain_same(pair))
        .map_or(n, |k| from + k)
}

/// `a == b` for cells (a missing symbol equals a space), the cheap fields first.
#[allow(deprecated)]
fn same(a: &Cell, b: &Cell) -> bool {
    if a.fg != b.fg
        || a.bg != b.bg
        || a.modifier != b.modifier
        || a.underline_color != b.underline_color
        || a.skip != b.skip
        || a.diff_option != b.diff_option
    {
        return false;
    }
    let (x, y) = (a.symbol().as_bytes(), b.symbol().as_bytes());
    // Two cells without a symbol give the same static " ".
    x.len() == y.len() && (x.as_ptr() == y.as_ptr() || x.len() == 1 && x[0] == y[0] || x == y)
}

impl<'n> Iterator for Diff<'_, 'n> {
    type Item = (u16, u16, &'n Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let len = self.len;
        let next = self.next;
        if let Some(t) = &mut self.trailing {
            while t.next_index < t.end {
                let j = t.next_index;
                let w = next[j].cell_width().max(1) as usize;
                t.next_index += w;
                t.end = t.end.max(t.next_index).min(len);
                if !is_skip(&next[j]) && (t.force || self.prev[j].symbol() != next[j].symbol()) {
                    let (x, y) = self.at(j);
                    return Some((x, y, &next[j]));
                }
            }
            self.pos = t.end;
            self.trailing = None;
        }
        while self.pos < len {
            // Most cells are unchanged: the run of them is passed over first, in a loop
            // of its own.
            self.pos = unchanged_until(&self.prev[..len], &next[..len], self.pos);
            if self.pos >= len {
                break;
            }
            let i = self.pos;
            self.pos += 1;
            let current = &next[i];
            let previous = &self.prev[i];
            match current.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(current) => {}
                CellDiffOption::ForcedWidth(w) => {
                    self.pos = self.pos.saturating_add(w.get().saturating_sub(1) as usize);
                    if current != previous {
                        let (x, y) = self.at(i);
                        return Some((x, y, current));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let unchanged = matches!(current.diff_option, CellDiffOption::None)
                        && same(current, previous);
                    if unchanged {
                        self.pos += width(current).saturating_sub(1);
                        continue;
                    }
                    let cell_width = width(current);
                    let previous_width = width(previous);
                    let vs16 = cell_width > 1 && current.symbol().contains('\u{FE0F}');
                    if vs16 {
                        self.trailing = Some(Trailing {
                            next_index: i + 1,
                            end: (i + cell_width).min(len),
                            force: false,
                        });
                    } else if cell_width > 1 {
                        self.pos += cell_width - 1;
                    } else if previous_width > cell_width
                        && (previous.bg != Color::Reset
                            || previous.modifier.intersects(VISIBLE_ON_BLANK))
                    {
                        self.trailing = Some(Trailing {
                            next_index: i + 1,
                            end: (i + previous_width).min(len),
                            force: true,
                        });
                    }
                    let (x, y) = self.at(i);
                    return Some((x, y, current));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    const SYMBOLS: &[&str] = &[
        " ",
        "a",
        "b",
        "é",
        "あ",
        "コ",
        "😀",
        "❤\u{FE0F}",
        "ｶﾞ",
        "│",
        "",
    ];

    fn cell() -> impl Strategy<Value = (usize, u8, u8, bool, u8)> {
        (0..SYMBOLS.len(), 0u8..3, 0u8..3, any::<bool>(), 0u8..8)
    }

    fn buffer(width: u16, cells: &[(usize, u8, u8, bool, u8)]) -> Buffer {
        let height = (cells.len() as u16).div_ceil(width);
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        for (i, &(sym, fg, bg, reversed, extra)) in cells.iter().enumerate() {
            let c = &mut buf.content[i];
            if sym != 0 || extra == 1 {
                c.set_symbol(SYMBOLS[sym]);
            }
            c.fg = [Color::Reset, Color::Red, Color::Indexed(42)][fg as usize];
            c.bg = [Color::Reset, Color::Blue, Color::Rgb(1, 2, 3)][bg as usize];
            if reversed {
                c.set_style(Style::new().reversed());
            }
            c.diff_option = match extra {
                2 => CellDiffOption::Skip,
                3 => CellDiffOption::AlwaysUpdate,
                4 => CellDiffOption::ForcedWidth(2.try_into().unwrap()),
                _ => CellDiffOption::None,
            };
        }
        // Well-formed, as ratatui's writers leave a buffer: a wide character fits on its
        // row and the cells it covers are blank (ratatui's own diff assumes this).
        let w = width as usize;
        let mut i = 0;
        while i < buf.content.len() {
            let cw = buf.content[i].cell_width().max(1) as usize;
            if cw > 1 && (i % w) + cw > w {
                buf.content[i].set_symbol(" ");
                buf.content[i].diff_option = CellDiffOption::None;
            } else if cw > 1 {
                for k in 1..cw {
                    if let Some(c) = buf.content.get_mut(i + k) {
                        c.reset();
                    }
                }
                i += cw - 1;
            }
            i += 1;
        }
        buf
    }

    proptest! {
        /// The same cells as ratatui's own diff, in the same order.
        #[test]
        fn same_updates_as_ratatui(
            width in 1u16..9,
            prev in proptest::collection::vec(cell(), 1..60),
            next in proptest::collection::vec(cell(), 1..60),
        ) {
            let n = prev.len().min(next.len());
            let (a, b) = (buffer(width, &prev[..n]), buffer(width, &next[..n]));
            let ours: Vec<_> = Diff::new(&a, &b).collect();
            prop_assert_eq!(ours, a.diff(&b));
        }
    }

    #[test]
    fn a_changed_letter_is_the_only_update() {
        let a = Buffer::with_lines(["hallo wereld", "tweede regel"]);
        let mut b = a.clone();
        b.content[13].set_symbol("T");
        let d: Vec<_> = Diff::new(&a, &b)
            .map(|(x, y, c)| (x, y, c.symbol()))
            .collect();
        assert_eq!(d, vec![(1, 1, "T")]);
    }
}
