//! The Intake screen: a form, label left and value right, scrolled so the focused
//! field is always in view.

use super::theme::Theme;
use crate::app::intake::FIELDS;
use crate::app::{App, SessionView};
use crate::i18n::fill;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

struct Row {
    field: usize,
    height: u16,
}

fn wrapped_lines(text: &str, width: u16) -> u16 {
    let w = width.max(1) as usize;
    text.split('\n')
        .map(|l| (UnicodeWidthStr::width(l).max(1)).div_ceil(w) as u16)
        .sum()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let label_w = (area.width / 3).clamp(14, 30);
    let value_w = area.width.saturating_sub(label_w + 1);
    let form = &s.intake;
    let max_multi = (area.height / 3).max(3);

    let round_focus = app
        .method
        .round(s.doc.intake.round)
        .map(|r| fill(t.round_focus, &[&r.number.to_string(), &r.focus]));

    let rows: Vec<Row> = FIELDS
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let text = form.text(i);
            let mut h = if spec.multiline {
                wrapped_lines(&text, value_w).clamp(2, max_multi)
            } else {
                wrapped_lines(&text, value_w).clamp(1, 2)
            };
            if let Some(p) = form.problems[i] {
                h += wrapped_lines(t.problem(p), value_w);
            }
            if i == 1
                && let Some(f) = &round_focus
            {
                h += wrapped_lines(f, value_w);
            }
            Row {
                field: i,
                height: h,
            }
        })
        .collect();

    // Scroll: the first row shown is the lowest one that still keeps focus in view.
    let mut first = 0;
    loop {
        let used: u16 = rows[first..=form.focus.max(first)]
            .iter()
            .map(|r| r.height + 1)
            .sum();
        if used <= area.height || first >= form.focus {
            break;
        }
        first += 1;
    }

    let mut y = area.y;
    for row in &rows[first..] {
        if y >= area.bottom() {
            break;
        }
        let h = row.height.min(area.bottom() - y);
        let i = row.field;
        let spec = &FIELDS[i];
        let focused = i == form.focus;
        let label_area = Rect::new(area.x, y, label_w, h);
        let value_area = Rect::new(area.x + label_w + 1, y, value_w, h);
        let label_style = if focused {
            theme.label_focus
        } else {
            theme.label
        };
        frame.render_widget(
            Paragraph::new((spec.label)(t))
                .style(label_style)
                .wrap(Wrap { trim: true }),
            label_area,
        );
        let mut extra: Vec<Line> = Vec::new();
        if let Some(p) = form.problems[i] {
            extra.push(Line::styled(format!("⚠ {}", t.problem(p)), theme.problem));
        }
        if i == 1
            && let Some(f) = &round_focus
        {
            extra.push(Line::styled(f.clone(), theme.dim));
        }
        let extra_h: u16 = extra
            .iter()
            .map(|l| wrapped_lines(&l.to_string(), value_w))
            .sum::<u16>()
            .min(h.saturating_sub(1));
        let text_area = Rect::new(value_area.x, y, value_w, h - extra_h);
        if focused {
            frame.render_widget(&form.editors[i], text_area);
        } else {
            frame.render_widget(
                Paragraph::new(form.text(i))
                    .style(theme.text)
                    .wrap(Wrap { trim: false }),
                text_area,
            );
        }
        if extra_h > 0 {
            frame.render_widget(
                Paragraph::new(extra).wrap(Wrap { trim: true }),
                Rect::new(value_area.x, y + h - extra_h, value_w, extra_h),
            );
        }
        y += h + 1;
    }
}
