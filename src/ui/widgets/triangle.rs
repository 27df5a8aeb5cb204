//! The drawn analysis triangle: the triangle itself on a Canvas (Braille dots, with the
//! terminal's 1:2 cell shape accounted for so it stays equilateral), each corner
//! labelled with its name and its top items by votes, the guiding questions along the
//! sides. Labels are laid out here rather than printed on the canvas, so they wrap and
//! say "+N meer" instead of being cut off at the edge.

use crate::i18n::fill;
use crate::ui::theme::Theme;
use ratatui::prelude::*;
use ratatui::symbols::Marker;
use ratatui::widgets::Paragraph;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine};
use unicode_width::UnicodeWidthStr;

/// A label: a heading (corner name or guiding question) and its items, best first.
pub struct Label<'a> {
    pub heading: &'a str,
    /// (votes, title), already in the order to show.
    pub items: Vec<(i32, &'a str)>,
}

pub struct Drawing<'a> {
    /// Top, bottom-left, bottom-right.
    pub corners: [Label<'a>; 3],
    /// Guiding questions with the corners they join (indices into `corners`).
    pub sides: Vec<(usize, usize, Label<'a>)>,
    /// "+{} meer"
    pub more: &'a str,
}

pub use super::text::wrap_words as wrap;

/// One item as wrapped lines: "3● title" with the title's continuation indented.
pub fn item_lines(votes: i32, title: &str, width: usize) -> Vec<String> {
    let prefix = if votes > 0 {
        format!("{votes}● ")
    } else {
        "• ".to_string()
    };
    let indent = prefix.width();
    let body = wrap(title, width.saturating_sub(indent).max(1));
    body.into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{prefix}{l}")
            } else {
                format!("{}{l}", " ".repeat(indent))
            }
        })
        .collect()
}

/// A label's lines within `width` × `max_h`: the heading, then as many whole items as
/// fit, then "+N meer" for the rest.
pub fn label_lines<'a>(
    label: &Label,
    width: usize,
    max_h: usize,
    more: &str,
    theme: &Theme,
    heading_style: Style,
) -> Vec<Line<'a>> {
    let mut out: Vec<Line> = wrap(label.heading, width)
        .into_iter()
        .map(|l| Line::styled(l, heading_style))
        .collect();
    if out.len() > max_h {
        out.truncate(max_h);
        if let Some(last) = out.last_mut() {
            let mut s: String = last.to_string();
            while s.width() + 1 > width && s.pop().is_some() {}
            *last = Line::styled(format!("{s}…"), heading_style);
        }
        return out;
    }
    for (n, (votes, title)) in label.items.iter().enumerate() {
        let lines = item_lines(*votes, title, width);
        let left_after = label.items.len() - n - 1;
        let room = max_h - out.len();
        let need = lines.len() + usize::from(left_after > 0);
        if need > room {
            let rest = label.items.len() - n;
            if room == 0 {
                // Make room for the count: it matters more than the last item shown.
                out.pop();
            }
            out.push(Line::styled(fill(more, &[&rest.to_string()]), theme.dim));
            return out;
        }
        out.extend(lines.into_iter().map(|l| Line::styled(l, theme.text)));
    }
    out
}

fn needed(label: &Label, width: usize) -> usize {
    wrap(label.heading, width).len()
        + label
            .items
            .iter()
            .map(|(v, t)| item_lines(*v, t, width).len())
            .sum::<usize>()
}

fn put(frame: &mut Frame, r: Rect, lines: Vec<Line>, align: Alignment) {
    if r.width > 0 && r.height > 0 {
        frame.render_widget(Paragraph::new(lines).alignment(align), r);
    }
}

pub fn render(frame: &mut Frame, area: Rect, d: &Drawing, theme: &Theme) {
    if area.width < 20 || area.height < 8 {
        return;
    }
    let w = area.width as usize;
    // Corner labels get about a third each; the guiding question between them keeps at
    // least 16 columns, so a narrow window wraps corner names rather than the question.
    let corner_w = ((w * 32 / 100).clamp(26, 60) as u16).min(area.width.saturating_sub(18) / 2);
    let top_w = (w * 6 / 10).clamp(24, 100) as u16;
    let mid_w = area.width.saturating_sub(2 * corner_w + 2);

    // Heights: labels take what they need, within limits that leave the triangle a
    // third of the height.
    let h = area.height as usize;
    let min_tri = (h / 3).max(5);
    let top_need = needed(&d.corners[0], top_w as usize).max(1);
    let top_h = top_need.min((h - min_tri) * 4 / 10).max(2);
    let bottom_side = d
        .sides
        .iter()
        .find(|(a, b, _)| (*a == 1 && *b == 2) || (*a == 2 && *b == 1))
        .map(|(_, _, l)| needed(l, mid_w as usize))
        .unwrap_or(0);
    let bottom_need = needed(&d.corners[1], corner_w as usize)
        .max(needed(&d.corners[2], corner_w as usize))
        .max(bottom_side);
    let bottom_h = bottom_need.min(h - min_tri - top_h).max(2);
    let band_h = (h - top_h - bottom_h) as u16;
    let band_y = area.y + top_h as u16;

    // The triangle in cells. A cell is about twice as tall as wide, so an equilateral
    // triangle of `rows` rows is 2·rows/√3 cells wide on each side of the middle.
    let rows = band_h.saturating_sub(1) as f64;
    let max_half = (area.width.saturating_sub(corner_w) as f64 / 2.0).max(4.0);
    let mut half = 2.0 * rows / 3f64.sqrt();
    let mut tri_rows = rows;
    if half > max_half {
        half = max_half;
        tri_rows = half * 3f64.sqrt() / 2.0;
    }
    let cx = area.x as f64 + area.width as f64 / 2.0;
    let base_row = (band_y + band_h - 1) as f64;
    let apex_row = base_row - tri_rows.round();

    // Canvas over the band: x in cells, y in rows (upwards), so the shape is as computed.
    let band = Rect::new(area.x, band_y, area.width, band_h);
    let to_canvas = |x: f64, row: f64| (x - area.x as f64, (band_y + band_h) as f64 - row - 0.5);
    let (ax, ay) = to_canvas(cx, apex_row);
    let (lx, ly) = to_canvas(cx - half, base_row);
    let (rx, ry) = to_canvas(cx + half, base_row);
    let color = theme.label.fg.unwrap_or(Color::White);
    frame.render_widget(
        Canvas::default()
            .marker(Marker::Braille)
            // The canvas paints every cell: with the theme's background, never the terminal's.
            .background_color(theme.background.bg.unwrap_or(Color::Reset))
            .x_bounds([0.0, area.width as f64])
            .y_bounds([0.0, band_h as f64])
            .paint(move |ctx| {
                ctx.draw(&CanvasLine::new(ax, ay, lx, ly, color));
                ctx.draw(&CanvasLine::new(lx, ly, rx, ry, color));
                ctx.draw(&CanvasLine::new(rx, ry, ax, ay, color));
            }),
        band,
    );

    // Corner labels: the top one just above the apex, the others under the base corners.
    let top_y = (apex_row as u16).saturating_sub(top_h as u16).max(area.y);
    let top_rect = Rect::new(
        area.x + (area.width - top_w) / 2,
        top_y,
        top_w,
        (apex_row as u16).saturating_sub(top_y).max(1),
    );
    let heading = theme.label_focus;
    put(
        frame,
        top_rect,
        label_lines(
            &d.corners[0],
            top_w as usize,
            top_rect.height as usize,
            d.more,
            theme,
            heading,
        ),
        Alignment::Center,
    );
    let bottom_y = band_y + band_h;
    let bottom_rows = area.bottom().saturating_sub(bottom_y);
    let left = Rect::new(area.x, bottom_y, corner_w, bottom_rows);
    let right = Rect::new(area.right() - corner_w, bottom_y, corner_w, bottom_rows);
    for (i, r) in [(1, left), (2, right)] {
        put(
            frame,
            r,
            label_lines(
                &d.corners[i],
                r.width as usize,
                r.height as usize,
                d.more,
                theme,
                heading,
            ),
            Alignment::Left,
        );
    }

    // Guiding questions: the one between the base corners under the base, the others
    // beside their side of the triangle, as near its middle as they fit.
    let q_style = theme.label.add_modifier(Modifier::ITALIC);
    for (a, b, label) in &d.sides {
        let pair = (*a.min(b), *a.max(b));
        match pair {
            (1, 2) => {
                let r = Rect::new(area.x + corner_w + 1, bottom_y, mid_w, bottom_rows);
                put(
                    frame,
                    r,
                    label_lines(
                        label,
                        r.width as usize,
                        r.height as usize,
                        d.more,
                        theme,
                        q_style,
                    ),
                    Alignment::Center,
                );
            }
            (0, 1) | (0, 2) => {
                let left_side = pair == (0, 1);
                let r = side_rect(area, cx, half, apex_row, base_row, left_side, label);
                put(
                    frame,
                    r,
                    label_lines(
                        label,
                        r.width as usize,
                        r.height as usize,
                        d.more,
                        theme,
                        q_style,
                    ),
                    if left_side {
                        Alignment::Right
                    } else {
                        Alignment::Left
                    },
                );
            }
            _ => {}
        }
    }
}

/// Room beside a sloping side, between the side and the screen edge, chosen so the
/// label is as near the side's middle as its wrapped height allows.
fn side_rect(
    area: Rect,
    cx: f64,
    half: f64,
    apex_row: f64,
    base_row: f64,
    left: bool,
    label: &Label,
) -> Rect {
    let top = apex_row as u16;
    let bottom = base_row as u16; // exclusive: the base row belongs to the base
    let span = (base_row - apex_row).max(1.0);
    let width_at = |row: u16| -> u16 {
        let off = half * (row as f64 - apex_row) / span;
        let gap = if left {
            cx - off - area.x as f64
        } else {
            area.right() as f64 - (cx + off)
        };
        (gap - 3.0).max(0.0) as u16
    };
    let mid = (apex_row + base_row) / 2.0;
    let mut best: Option<(f64, Rect)> = None;
    for y in top..bottom {
        for h in 1..=(bottom - y) {
            // The side slopes outward going down: the last row has the least room.
            let wdt = width_at(y + h - 1);
            if wdt < 8 {
                break;
            }
            let need = needed(label, wdt as usize) as u16;
            if need > h && y + h < bottom {
                continue;
            }
            // Whole labels beat cut ones; then nearness to the middle.
            let cut = if need > h { 1000.0 } else { 0.0 };
            let score = (y as f64 + h as f64 / 2.0 - mid).abs() + cut;
            let x = if left { area.x } else { area.right() - wdt };
            let r = Rect::new(x, y, wdt, h);
            if best.is_none_or(|(s, _)| score < s) {
                best = Some((score, r));
            }
            break;
        }
    }
    best.map(|(_, r)| r).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_character() {
        let text = "Leerwerkplekken in de wijk uitbreiden met Onafgebrokenwoordenslinger";
        let lines = wrap(text, 12);
        assert!(lines.iter().all(|l| l.width() <= 12));
        let joined: String = lines.concat();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn labels_say_how_many_did_not_fit() {
        let theme = crate::ui::theme::Theme::dark();
        let label = Label {
            heading: "Hoek",
            items: vec![(3, "een"), (2, "twee"), (1, "drie"), (0, "vier")],
        };
        let lines = label_lines(&label, 20, 3, "+{} meer", theme, theme.label);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["Hoek", "3● een", "+3 meer"]);
    }
}
