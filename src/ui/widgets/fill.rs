//! A style laid over an area, as `Buffer::set_style` (and so `Block::default().style(..)`)
//! does, a row at a time: the whole-screen background of the themes is painted on every
//! frame, and ratatui's per-cell indexing made that ~50 instructions a cell (600 000 a
//! frame at 200×60).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Lays `style` over `area` (clipped to the buffer): its colours replace the cells',
/// its modifiers are added and removed; the symbols stay.
pub fn style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = buf.area.intersection(area);
    if area.is_empty() {
        return;
    }
    let (bx, by, bw) = (
        buf.area.x as usize,
        buf.area.y as usize,
        buf.area.width as usize,
    );
    for y in area.top()..area.bottom() {
        let start = (y as usize - by) * bw + (area.x as usize - bx);
        let row = &mut buf.content[start..start + area.width as usize];
        if let Some(c) = style.fg {
            row.iter_mut().for_each(|cell| cell.fg = c);
        }
        if let Some(c) = style.bg {
            row.iter_mut().for_each(|cell| cell.bg = c);
        }
        if let Some(c) = style.underline_color {
            row.iter_mut().for_each(|cell| cell.underline_color = c);
        }
        if !style.add_modifier.is_empty() || !style.sub_modifier.is_empty() {
            for cell in row {
                cell.modifier.insert(style.add_modifier);
                cell.modifier.remove(style.sub_modifier);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::widgets::{Block, Widget};

    /// The same cells as a `Block` with that style, over any part of the screen.
    #[test]
    fn as_a_styled_block() {
        let styles = [
            Style::new().bg(Color::Rgb(10, 20, 30)).fg(Color::White),
            Style::new()
                .add_modifier(Modifier::BOLD)
                .remove_modifier(Modifier::ITALIC),
            Style::new().underline_color(Color::Red),
            Style::default(),
        ];
        let area = Rect::new(3, 2, 20, 7);
        let parts = [
            area,
            Rect::new(5, 3, 4, 2),
            Rect::new(0, 0, 10, 10),
            Rect::new(20, 8, 10, 10),
            Rect::new(4, 4, 0, 3),
        ];
        for s in styles {
            for part in parts {
                let mut base = Buffer::with_lines(["x"; 7]);
                base.resize(area);
                base.set_string(4, 3, "hé あ", Style::new().italic().fg(Color::Blue));
                let mut ours = base.clone();
                style(&mut ours, part, s);
                Block::default()
                    .style(s)
                    .render(part.intersection(area), &mut base);
                assert_eq!(ours, base, "{s:?} over {part:?}");
            }
        }
    }
}
