//! A form: label left, value right, scrolled so the focused row is always in view.
//! The focused row shows its live text editor; the others their text, wrapped.

use crate::ui::theme::Theme;
use crate::ui::widgets::cache::Para;
use ratatui::prelude::*;
use ratatui::widgets::Wrap;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

pub struct FormRow<'a> {
    pub label: String,
    pub text: String,
    /// The editor, on the focused row only.
    pub editor: Option<&'a TextArea<'static>>,
    pub multiline: bool,
    /// Lines under the value: problems (already styled), hints.
    pub extra: Vec<Line<'a>>,
}

pub fn wrapped_lines(text: &str, width: u16) -> u16 {
    let w = width.max(1) as usize;
    text.split('\n')
        .map(|l| (UnicodeWidthStr::width(l).max(1)).div_ceil(w) as u16)
        .sum()
}

pub fn draw(frame: &mut Frame, area: Rect, rows: &[FormRow], focus: usize, theme: &Theme) {
    if rows.is_empty() || area.height == 0 {
        return;
    }
    let label_w = (area.width / 3).clamp(14, 30);
    let value_w = area.width.saturating_sub(label_w + 1);
    let max_multi = (area.height / 3).max(3);
    let heights: Vec<(u16, u16)> = rows
        .iter()
        .map(|r| {
            let text_h = if r.multiline {
                wrapped_lines(&r.text, value_w).clamp(2, max_multi)
            } else {
                wrapped_lines(&r.text, value_w).clamp(1, 2)
            };
            let extra_h: u16 = r
                .extra
                .iter()
                .map(|l| wrapped_lines(&l.to_string(), value_w))
                .sum();
            (text_h, extra_h)
        })
        .collect();
    let focus = focus.min(rows.len() - 1);
    // The first row shown is the lowest one that still keeps the focused row in view.
    let mut first = 0;
    while first < focus {
        let used: u16 = heights[first..=focus].iter().map(|(a, b)| a + b + 1).sum();
        if used <= area.height {
            break;
        }
        first += 1;
    }
    let mut y = area.y;
    for (i, row) in rows.iter().enumerate().skip(first) {
        if y >= area.bottom() {
            break;
        }
        let (text_h, extra_h) = heights[i];
        let h = (text_h + extra_h).min(area.bottom() - y);
        let label_style = if i == focus {
            theme.label_focus
        } else {
            theme.label
        };
        frame.render_widget(
            Para::new(row.label.as_str())
                .style(label_style)
                .wrap(Wrap { trim: true }),
            Rect::new(area.x, y, label_w, h),
        );
        let value_x = area.x + label_w + 1;
        let text_h = text_h.min(h);
        let text_area = Rect::new(value_x, y, value_w, text_h);
        match row.editor {
            Some(ed) => frame.render_widget(ed, text_area),
            None => frame.render_widget(
                Para::new(row.text.as_str())
                    .style(theme.text)
                    .wrap(Wrap { trim: false }),
                text_area,
            ),
        }
        let extra_h = h - text_h;
        if extra_h > 0 {
            frame.render_widget(
                Para::new(row.extra.clone()).wrap(Wrap { trim: true }),
                Rect::new(value_x, y + text_h, value_w, extra_h),
            );
        }
        y += h + 1;
    }
}
