//! The drawn collaboration wheel: a ring of N segments in order, clockwise from the
//! top, numbered inside, named outside. N comes from the method, so another phase
//! model draws without code changes.

use crate::ui::theme::Theme;
use ratatui::prelude::*;
use ratatui::symbols::Marker;
use ratatui::widgets::Paragraph;
use ratatui::widgets::canvas::{Canvas, Circle, Line as CLine, Points};
use std::f64::consts::TAU;
use unicode_width::UnicodeWidthStr;

pub struct Segment {
    pub label: String,
    /// Short marks drawn inside the segment, e.g. the partner kinds placed here.
    pub marks: String,
    /// The pact's current phase: filled.
    pub current: bool,
    /// Under the cursor: its name is marked.
    pub selected: bool,
}

pub struct Drawing<'a> {
    pub segments: Vec<Segment>,
    /// Text in the hub (the cycle count); a shorter one when the hub is small.
    pub center: String,
    pub center_short: String,
    pub theme: &'a Theme,
}

/// Where each segment starts and ends, in radians clockwise from the top.
pub fn segment_angles(n: usize) -> Vec<(f64, f64)> {
    let step = TAU / n.max(1) as f64;
    (0..n)
        .map(|i| (i as f64 * step, (i + 1) as f64 * step))
        .collect()
}

pub use super::text::wrap_words as wrap;

fn take_width(s: &str, width: usize) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() > width {
            break;
        }
        out.push(c);
    }
    out
}

pub fn draw(frame: &mut Frame, area: Rect, d: &Drawing) {
    let n = d.segments.len();
    if n == 0 || area.width < 10 || area.height < 5 {
        return;
    }
    let theme = d.theme;
    // Canvas units: one column wide, half a row high, so a circle looks round.
    let w = area.width as f64;
    let h2 = 2.0 * area.height as f64;
    let (cx, cy) = (w / 2.0, h2 / 2.0);
    let r_out = (w * 0.3).min(h2 * 0.43);
    let r_in = r_out * 0.5;
    let angles = segment_angles(n);
    let at = |r: f64, a: f64| (cx + r * a.sin(), cy + r * a.cos());

    // Every braille dot inside the current segment, to fill it.
    let mut fill: Vec<(f64, f64)> = Vec::new();
    let mut sparse: Vec<(f64, f64)> = Vec::new();
    for (i, seg) in d.segments.iter().enumerate() {
        if !seg.current && !seg.selected {
            continue;
        }
        let (a0, a1) = angles[i];
        let mut y = cy - r_out;
        while y <= cy + r_out {
            let mut x = cx - r_out;
            while x <= cx + r_out {
                let (dx, dy) = (x - cx, y - cy);
                let r = (dx * dx + dy * dy).sqrt();
                let a = dx.atan2(dy).rem_euclid(TAU);
                if r > r_in + 0.5 && r < r_out - 0.5 && a > a0 && a < a1 {
                    if seg.current {
                        fill.push((x, y));
                    } else if ((x * 2.0) as i64 + (y * 2.0) as i64) % 4 == 0 {
                        sparse.push((x, y));
                    }
                }
                x += 0.5;
            }
            y += 0.5;
        }
    }

    let hub_w = (2.0 * r_in) as usize;
    let center = if d.center.width() + 2 <= hub_w {
        d.center.clone()
    } else {
        d.center_short.clone()
    };
    let fill_color = theme.selected.bg.unwrap_or(Color::Yellow);
    let ring_color = theme.label.fg.unwrap_or(Color::White);
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        // The canvas paints every cell: with the theme's background, never the terminal's.
        .background_color(theme.background.bg.unwrap_or(Color::Reset))
        .x_bounds([0.0, w])
        .y_bounds([0.0, h2])
        .paint(|ctx| {
            ctx.draw(&Points {
                coords: &sparse,
                color: Color::Gray,
            });
            ctx.draw(&Points {
                coords: &fill,
                color: fill_color,
            });
            ctx.draw(&Circle {
                x: cx,
                y: cy,
                radius: r_out,
                color: ring_color,
            });
            ctx.draw(&Circle {
                x: cx,
                y: cy,
                radius: r_in,
                color: ring_color,
            });
            if n > 1 {
                for &(a0, _) in &angles {
                    let (x1, y1) = at(r_in, a0);
                    let (x2, y2) = at(r_out, a0);
                    ctx.draw(&CLine {
                        x1,
                        y1,
                        x2,
                        y2,
                        color: ring_color,
                    });
                }
            }
            ctx.layer();
            for (i, seg) in d.segments.iter().enumerate() {
                let (a0, a1) = angles[i];
                let mid = (a0 + a1) / 2.0;
                let (x, y) = at((r_in + r_out) / 2.0, mid);
                let style = if seg.current {
                    theme.selected
                } else {
                    theme.label
                };
                let num = (i + 1).to_string();
                ctx.print(x - num.width() as f64 / 2.0, y, Span::styled(num, style));
                if !seg.marks.is_empty() {
                    ctx.print(
                        x - seg.marks.width() as f64 / 2.0,
                        y - 2.0,
                        Span::styled(seg.marks.clone(), style),
                    );
                }
            }
            ctx.print(
                cx - center.width() as f64 / 2.0,
                cy,
                Span::styled(center.clone(), theme.label),
            );
        });
    frame.render_widget(canvas, area);

    // Names outside the ring, each towards its segment, wrapped to the room there.
    for (i, seg) in d.segments.iter().enumerate() {
        let (a0, a1) = angles[i];
        let mid = (a0 + a1) / 2.0;
        let (ax, ay) = at(r_out * 1.06 + 1.0, mid);
        let col = area.x as f64 + ax;
        let row = area.y as f64 + (h2 - ay) / 2.0;
        let (s, c) = (mid.sin(), mid.cos());
        let (x0, x1, align) = if s.abs() < 0.3 {
            let half = (w / 2.0).min(r_out * 1.6);
            (
                area.x as f64 + cx - half,
                area.x as f64 + cx + half,
                Alignment::Center,
            )
        } else if s > 0.0 {
            (col + 1.0, area.right() as f64, Alignment::Left)
        } else {
            (area.x as f64, col - 1.0, Alignment::Right)
        };
        let x0 = x0.max(area.x as f64).floor() as u16;
        let x1 = x1.min(area.right() as f64).floor() as u16;
        if x1 <= x0 + 2 {
            continue;
        }
        let width = x1 - x0;
        let prefix = if seg.selected { "▶ " } else { "" };
        let text = format!("{prefix}{}. {}", i + 1, seg.label);
        let mut lines = wrap(&text, width as usize);
        // Up to three rows, next to the anchor row (above it for the top half, below
        // for the bottom half), moved inside the area when it would stick out.
        let row_i = row.round().clamp(area.y as f64, (area.bottom() - 1) as f64) as u16;
        let room = 3.min(area.height) as usize;
        if lines.len() > room {
            lines.truncate(room);
            if let Some(last) = lines.last_mut() {
                let cut = take_width(last, (width as usize).saturating_sub(1));
                *last = format!("{cut}…");
            }
        }
        let hgt = lines.len() as u16;
        let y0 = if c.abs() < 0.3 || c < 0.0 {
            row_i
        } else {
            (row_i + 1).saturating_sub(hgt)
        };
        let y0 = y0.clamp(area.y, area.bottom() - hgt);
        let style = if seg.current {
            theme.selected
        } else if seg.selected {
            theme.label.add_modifier(Modifier::UNDERLINED)
        } else {
            theme.text
        };
        let text: Vec<Line> = lines.into_iter().map(|l| Line::styled(l, style)).collect();
        frame.render_widget(
            Paragraph::new(text).alignment(align),
            Rect::new(x0, y0, width, hgt),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn angles_cover_the_circle_in_order() {
        let a = segment_angles(5);
        assert_eq!(a.len(), 5);
        assert_eq!(a[0].0, 0.0);
        assert!((a[4].1 - TAU).abs() < 1e-9);
    }

    #[test]
    fn wrap_keeps_words_and_splits_long_ones() {
        assert_eq!(
            wrap("Richten van de inzet", 10),
            vec!["Richten", "van de", "inzet"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }
}
