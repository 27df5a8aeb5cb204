//! The one picker's drawing (`app::picker`): the search line while searching, then the
//! rows the search matches, each `[x]` or `[ ]`, one line each, the cursor's row
//! highlighted and kept in view.

use crate::app::picker::Picker;
use crate::i18n::{Strings, fill};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::cut;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws `rows` (text, ticked) into `area` (inside a popup frame). A cursor of
/// `usize::MAX` highlights no row (the list shows while a field has the keys).
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    picker: &Picker,
    rows: &[(String, bool)],
    t: &Strings,
    theme: &Theme,
) {
    let width = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    if let Some(field) = &picker.search {
        lines.push(Line::from(vec![
            Span::styled(t.pick_search, theme.label),
            Span::styled(format!("{}▏", field.text()), theme.text),
        ]));
    }
    let texts: Vec<String> = rows.iter().map(|(r, _)| r.clone()).collect();
    let shown = picker.shown(&texts);
    if shown.is_empty() {
        lines.push(Line::styled(
            fill(t.pick_no_match, &[&picker.query()]),
            theme.dim,
        ));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
        return;
    }
    let room = (area.height as usize).saturating_sub(lines.len()).max(1);
    let highlight = picker.cursor != usize::MAX;
    let cur = if highlight {
        picker.cursor.min(shown.len() - 1)
    } else {
        0
    };
    // Keep the cursor's row in view, with a "+N more" line when rows follow.
    let first = cur.saturating_sub(room.saturating_sub(2));
    for (k, &i) in shown.iter().enumerate().skip(first) {
        if lines.len() + 1 >= area.height as usize && k + 1 < shown.len() && k > cur {
            lines.push(Line::styled(
                fill(t.pick_more, &[&(shown.len() - k).to_string()]),
                theme.dim,
            ));
            break;
        }
        let (text, on) = &rows[i];
        let mark = if *on { "[x]" } else { "[ ]" };
        let style = if k == cur && highlight {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(cut(&format!("{mark} {text}"), width), style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
