//! Blocks of text drawn in the last frame, kept as cells: a panel whose text, styles and
//! size did not change is copied into the new frame instead of laid out again.
//!
//! Why: a keystroke changes one text field, but every frame drew the whole screen again,
//! and much of a frame's work was laying out text that had not changed (word wrapping
//! with grapheme segmentation in ratatui's `Paragraph`: at 200×60, 1.2 of the 2.8 million
//! instructions of a keystroke on the intake form), or styling whole areas only to draw
//! a frame around them (ratatui's `Block`, 0.6 million on the triangle).
//!
//! Exact by construction: a block is reused only when everything its cells depend on is
//! equal: the text with its styles and the widget's settings (compared in full, not only
//! by hash), the area's width and height, and the cells under it (all one and the same
//! cell, as on a screen's background; a block drawn over anything else is not kept).
//! Where the area lies does not matter: both widgets write inside their area only.
//! Blocks not used in the previous frame are forgotten at the start of the next
//! ([`next_frame`], called once per frame by the frame writer), so only what stayed on
//! screen from one frame to the next is reused, and memory stays bounded.
//!
//! Not cached: [`super::lines::Lines`] (the note lists), which writes only its text's
//! cells, faster than checking its whole area would be.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// At most this many cells are kept (about 10 MB), whatever the frames hold.
const MAX_CELLS: usize = 200_000;

/// What a block's cells are made of, owned.
#[derive(PartialEq)]
enum Inputs {
    Paragraph {
        text: Text<'static>,
        style: Style,
        wrap: Option<Wrap>,
        alignment: Alignment,
    },
    Border(Borders, BorderType, Style),
}

/// The same, borrowed from the widget being drawn.
enum Borrowed<'b, 'a> {
    Paragraph {
        text: &'b Text<'a>,
        style: Style,
        wrap: Option<Wrap>,
        alignment: Alignment,
    },
    Border(Borders, BorderType, Style),
}

impl Borrowed<'_, '_> {
    fn hash_into(&self, h: &mut DefaultHasher) {
        match self {
            Borrowed::Paragraph {
                text,
                style,
                wrap,
                alignment,
            } => {
                0u8.hash(h);
                text.hash(h);
                style.hash(h);
                wrap.hash(h);
                alignment.hash(h);
            }
            Borrowed::Border(b, t, s) => {
                2u8.hash(h);
                b.hash(h);
                t.hash(h);
                s.hash(h);
            }
        }
    }

    fn equals(&self, owned: &Inputs) -> bool {
        match (self, owned) {
            (
                Borrowed::Paragraph {
                    text,
                    style,
                    wrap,
                    alignment,
                },
                Inputs::Paragraph {
                    text: t,
                    style: s,
                    wrap: w,
                    alignment: a,
                },
            ) => style == s && wrap == w && alignment == a && same_text(text, t),
            (Borrowed::Border(b, t, s), Inputs::Border(b2, t2, s2)) => {
                b == b2 && t == t2 && s == s2
            }
            _ => false,
        }
    }

    fn to_owned(&self) -> Inputs {
        match self {
            Borrowed::Paragraph {
                text,
                style,
                wrap,
                alignment,
            } => Inputs::Paragraph {
                text: Text {
                    alignment: text.alignment,
                    style: text.style,
                    lines: text.lines.iter().map(owned_line).collect(),
                },
                style: *style,
                wrap: *wrap,
                alignment: *alignment,
            },
            Borrowed::Border(b, t, s) => Inputs::Border(*b, *t, *s),
        }
    }
}

fn same_text(a: &Text, b: &Text<'static>) -> bool {
    a.alignment == b.alignment && a.style == b.style && same_lines(&a.lines, &b.lines)
}

fn same_lines(a: &[Line], b: &[Line<'static>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.style == y.style
                && x.alignment == y.alignment
                && x.spans.len() == y.spans.len()
                && x.spans
                    .iter()
                    .zip(&y.spans)
                    .all(|(s, t)| s.style == t.style && s.content == t.content)
        })
}

fn owned_line(l: &Line) -> Line<'static> {
    Line {
        style: l.style,
        alignment: l.alignment,
        spans: l
            .spans
            .iter()
            .map(|s| Span {
                style: s.style,
                content: Cow::Owned(s.content.to_string()),
            })
            .collect(),
    }
}

struct Entry {
    inputs: Inputs,
    width: u16,
    height: u16,
    under: Cell,
    /// The cells that differ from `under`, as runs: (row, column, first cell, length),
    /// relative to the area; the other cells stay as they are.
    runs: Vec<(u16, u16, usize, usize)>,
    cells: Vec<Cell>,
    used: u64,
}

#[derive(Default)]
struct Cache {
    frame: u64,
    cells: usize,
    entries: HashMap<u64, Entry>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
    /// Off inside [`without`].
    static ON: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    /// Blocks copied from the cache so far (for tests: the cache was used).
    static HITS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Note lists drawn from lines built in an earlier frame (see [`list_hit`]).
    static LIST_HITS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Whether drawings may reuse what earlier frames built (off inside [`without`]): the
/// block cache here, and the note lists kept per change (`ui::interviews`).
pub fn enabled() -> bool {
    ON.get()
}

/// A note list was drawn from lines kept from an earlier frame.
pub fn list_hit() {
    LIST_HITS.set(LIST_HITS.get() + 1);
}

/// How many note lists were drawn from kept lines on this thread so far.
pub fn list_hits() -> u64 {
    LIST_HITS.get()
}

/// Runs `f` with every block drawn anew (tests compare a frame with the cache and one
/// without).
pub fn without<R>(f: impl FnOnce() -> R) -> R {
    let was = ON.replace(false);
    let r = f();
    ON.set(was);
    r
}

/// How many blocks were copied from the cache on this thread so far.
pub fn hits() -> u64 {
    HITS.get()
}

/// A new frame begins: blocks the last frame did not use are forgotten.
pub fn next_frame() {
    CACHE.with_borrow_mut(|c| {
        c.frame += 1;
        let frame = c.frame;
        c.entries.retain(|_, e| e.used + 1 >= frame);
        c.cells = c.entries.values().map(|e| e.cells.len()).sum();
    });
}

/// Forgets every block (tests; a theme change needs nothing: styles are compared).
pub fn clear() {
    CACHE.with_borrow_mut(|c| {
        c.entries.clear();
        c.cells = 0;
    });
}

/// The one cell every cell of `parts` holds, if they are all the same (`Cell == Cell`,
/// the cheap fields first: this runs over every cached block's area in every frame).
fn uniform(buf: &Buffer, parts: &[Rect]) -> Option<Cell> {
    let first = buf.cell((parts[0].x, parts[0].y))?.clone();
    let sym = first.symbol().as_bytes();
    #[allow(deprecated)]
    let same = |c: &Cell| {
        c.fg == first.fg
            && c.bg == first.bg
            && c.modifier == first.modifier
            && c.underline_color == first.underline_color
            && c.diff_option == first.diff_option
            && c.skip == first.skip
            && {
                let s = c.symbol().as_bytes();
                s.len() == sym.len() && (s.len() == 1 && s[0] == sym[0] || s == sym)
            }
    };
    for part in parts {
        for y in part.top()..part.bottom() {
            let start = buf.index_of(part.x, y);
            let row = &buf.content[start..start + part.width as usize];
            if !row.iter().all(same) {
                return None;
            }
        }
    }
    Some(first)
}

/// Draws a block through the cache: `render` draws it when it is not there.
/// `edges`: the widget reads and writes only the edges of its area (a frame), not the
/// inside.
fn draw(
    buf: &mut Buffer,
    area: Rect,
    edges: bool,
    inputs: Borrowed,
    render: impl FnOnce(&mut Buffer),
) {
    let area = area.intersection(buf.area);
    if area.is_empty() || !ON.get() {
        render(buf);
        return;
    }
    let (b, r) = (area.bottom() - 1, area.right() - 1);
    let parts = if edges {
        vec![
            Rect::new(area.x, area.y, area.width, 1),
            Rect::new(area.x, b, area.width, 1),
            Rect::new(area.x, area.y, 1, area.height),
            Rect::new(r, area.y, 1, area.height),
        ]
    } else {
        vec![area]
    };
    let Some(under) = uniform(buf, &parts) else {
        render(buf);
        return;
    };
    let mut h = DefaultHasher::new();
    inputs.hash_into(&mut h);
    (area.width, area.height).hash(&mut h);
    let key = h.finish();
    let hit = CACHE.with_borrow_mut(|c| {
        let frame = c.frame;
        let Some(e) = c.entries.get_mut(&key) else {
            return false;
        };
        if e.width != area.width
            || e.height != area.height
            || e.under != under
            || !inputs.equals(&e.inputs)
        {
            return false;
        }
        e.used = frame;
        for &(r, x, from, len) in &e.runs {
            let start = buf.index_of(area.x + x, area.y + r);
            buf.content[start..start + len].clone_from_slice(&e.cells[from..from + len]);
        }
        true
    });
    if hit {
        HITS.set(HITS.get() + 1);
        return;
    }
    render(buf);
    let (mut runs, mut cells) = (Vec::new(), Vec::new());
    for part in &parts {
        let (px, w) = ((part.x - area.x) as usize, part.width as usize);
        for y in part.top()..part.bottom() {
            let start = buf.index_of(part.x, y);
            let row = &buf.content[start..start + w];
            let mut x = 0;
            while x < w {
                if row[x] == under {
                    x += 1;
                    continue;
                }
                let end = (x..w).find(|&e| row[e] == under).unwrap_or(w);
                runs.push(((y - area.y), (px + x) as u16, cells.len(), end - x));
                cells.extend_from_slice(&row[x..end]);
                x = end;
            }
        }
    }
    CACHE.with_borrow_mut(|c| {
        if c.cells + cells.len() > MAX_CELLS {
            c.entries.clear();
            c.cells = 0;
        }
        c.cells += cells.len();
        let entry = Entry {
            inputs: inputs.to_owned(),
            width: area.width,
            height: area.height,
            under,
            runs,
            cells,
            used: c.frame,
        };
        if let Some(old) = c.entries.insert(key, entry) {
            c.cells -= old.cells.len();
        }
    });
}

/// A `Paragraph` (text, style, wrapping, alignment) drawn through the cache: the same
/// cells as `Paragraph` with the same settings.
pub struct Para<'a> {
    text: Text<'a>,
    style: Style,
    wrap: Option<Wrap>,
    alignment: Alignment,
}

impl<'a> Para<'a> {
    pub fn new<T: Into<Text<'a>>>(text: T) -> Self {
        Para {
            text: text.into(),
            style: Style::default(),
            wrap: None,
            alignment: Alignment::Left,
        }
    }

    pub fn style<S: Into<Style>>(mut self, style: S) -> Self {
        self.style = style.into();
        self
    }

    pub fn wrap(mut self, wrap: Wrap) -> Self {
        self.wrap = Some(wrap);
        self
    }

    pub fn alignment(mut self, alignment: Alignment) -> Self {
        self.alignment = alignment;
        self
    }

    fn paragraph(text: Text<'a>, style: Style, wrap: Option<Wrap>, a: Alignment) -> Paragraph<'a> {
        let p = Paragraph::new(text).style(style).alignment(a);
        match wrap {
            Some(w) => p.wrap(w),
            None => p,
        }
    }
}

impl Widget for Para<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Para {
            text,
            style,
            wrap,
            alignment,
        } = self;
        let inputs = Borrowed::Paragraph {
            text: &text,
            style,
            wrap,
            alignment,
        };
        draw(buf, area, false, inputs, |buf| {
            Para::paragraph(text.clone(), style, wrap, alignment).render(area, buf)
        });
    }
}

/// A frame without title or fill (`Block::default().borders(..).border_type(..)
/// .border_style(..)`), drawn through the cache: its inside is left as it is.
pub struct Border {
    pub borders: Borders,
    pub border_type: BorderType,
    pub style: Style,
}

impl Border {
    /// The area inside the frame (as `Block::inner`).
    pub fn inner(&self, area: Rect) -> Rect {
        self.block().inner(area)
    }

    fn block(&self) -> Block<'static> {
        Block::default()
            .borders(self.borders)
            .border_type(self.border_type)
            .border_style(self.style)
    }
}

impl Widget for Border {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inputs = Borrowed::Border(self.borders, self.border_type, self.style);
        // A frame without a style of its own changes nothing inside (`Block` lays its
        // empty style over the inside: no change), so only its edges are looked at.
        draw(buf, area, true, inputs, |buf| {
            self.block().render(area, buf)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};

    const WORDS: &[&str] = &[
        "de",
        "samenwerking",
        "wijk",
        "é",
        "ë",
        "コ",
        "😀",
        "\u{301}",
        "  ",
        "a-b",
        "\t",
        "—",
    ];

    fn text() -> impl Strategy<Value = Vec<Vec<(usize, u8)>>> {
        proptest::collection::vec(
            proptest::collection::vec((0..WORDS.len(), 0u8..3), 0..12),
            0..5,
        )
    }

    fn make(lines: &[Vec<(usize, u8)>]) -> Text<'static> {
        let styles = [
            Style::default(),
            Style::new().fg(Color::Red),
            Style::new().add_modifier(Modifier::BOLD).bg(Color::Blue),
        ];
        Text::from(
            lines
                .iter()
                .map(|l| {
                    Line::from(
                        l.iter()
                            .map(|&(w, s)| {
                                Span::styled(format!("{} ", WORDS[w]), styles[s as usize])
                            })
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>(),
        )
    }

    fn background(area: Rect, bg: u8) -> Buffer {
        let mut b = Buffer::empty(area);
        crate::ui::widgets::fill::style(&mut b, area, Style::new().bg(Color::Indexed(bg)));
        b
    }

    proptest! {
        /// Drawn twice (the second time from the cache), at another place and on another
        /// frame: the same cells as `Paragraph` each time.
        #[test]
        fn same_cells_as_paragraph(
            lines in text(),
            w in 1u16..30,
            h in 1u16..8,
            trim in any::<bool>(),
            wrap in any::<bool>(),
            center in any::<bool>(),
            bg in 0u8..2,
        ) {
            clear();
            let t = make(&lines);
            let screen = Rect::new(0, 0, 40, 12);
            let align = if center { Alignment::Center } else { Alignment::Left };
            for (frame, (x, y)) in [(0, (0u16, 0u16)), (1, (3, 2)), (2, (3, 2))] {
                next_frame();
                let area = Rect::new(x, y, w, h);
                let mut expected = background(screen, bg);
                let mut p = Paragraph::new(t.clone()).style(Style::new().fg(Color::Green)).alignment(align);
                if wrap {
                    p = p.wrap(Wrap { trim });
                }
                p.render(area, &mut expected);
                let mut ours = background(screen, bg);
                let mut q = Para::new(t.clone()).style(Style::new().fg(Color::Green)).alignment(align);
                if wrap {
                    q = q.wrap(Wrap { trim });
                }
                q.render(area, &mut ours);
                prop_assert_eq!(&ours, &expected, "frame {}", frame);
            }
        }
    }

    #[test]
    fn a_changed_word_or_background_is_drawn_anew() {
        clear();
        let area = Rect::new(0, 0, 20, 2);
        let draw = |text: &str, bg: u8| {
            next_frame();
            let mut b = background(area, bg);
            Para::new(text.to_string())
                .wrap(Wrap { trim: true })
                .render(area, &mut b);
            b
        };
        let first = draw("hallo wereld", 0);
        assert_eq!(draw("hallo wereld", 0), first);
        let changed = draw("hallo wereld!", 0);
        assert_eq!(changed.content[12].symbol(), "!");
        let other_bg = draw("hallo wereld!", 1);
        assert_eq!(other_bg.content[0].bg, Color::Indexed(1));
        // On a background that is not one cell everywhere, it is drawn, not copied.
        next_frame();
        let mut b = background(area, 0);
        b.content[5].set_symbol("x");
        Para::new("ab").render(area, &mut b);
        assert_eq!(b.content[5].symbol(), "x");
        assert_eq!(b.content[0].symbol(), "a");
    }

    proptest! {
        /// The same cells as the `Block` it stands for, also from the cache.
        #[test]
        fn border_same_cells_as_block(
            w in 1u16..12,
            h in 1u16..8,
            sides in 0u8..16,
            thick in any::<bool>(),
            bg in 0u8..2,
        ) {
            clear();
            let screen = Rect::new(0, 0, 16, 10);
            let b = || Border {
                borders: Borders::from_bits_truncate(sides),
                border_type: if thick { BorderType::Thick } else { BorderType::Plain },
                style: Style::new().fg(Color::Yellow),
            };
            for (x, y) in [(0u16, 0u16), (2, 1), (2, 1)] {
                next_frame();
                let area = Rect::new(x, y, w, h);
                // Something already drawn inside the frame (it stays).
                let inside = |buf: &mut Buffer| {
                    if w > 2 && h > 2 {
                        buf[(x + 1, y + 1)].set_symbol("x").fg = Color::Red;
                    }
                };
                let mut expected = background(screen, bg);
                inside(&mut expected);
                b().block().render(area, &mut expected);
                let mut ours = background(screen, bg);
                inside(&mut ours);
                b().render(area, &mut ours);
                prop_assert_eq!(&ours, &expected);
                prop_assert_eq!(b().inner(area), b().block().inner(area));
            }
        }
    }

    #[test]
    fn blocks_not_in_the_last_frame_are_forgotten() {
        clear();
        let area = Rect::new(0, 0, 10, 1);
        for text in ["a", "b", "a"] {
            next_frame();
            let mut b = background(area, 0);
            Para::new(text).render(area, &mut b);
        }
        CACHE.with_borrow(|c| assert_eq!(c.entries.len(), 2, "a (now) and b (last frame)"));
        next_frame();
        next_frame();
        CACHE.with_borrow(|c| assert!(c.entries.is_empty()));
    }
}
