//! The one picker's drawing (`app::picker`): the search line while searching, then the
//! rows the search matches, one line each (`[x]` or `[ ]` where rows are ticked), a
//! heading where a group of rows starts, the cursor's row highlighted and kept in view,
//! and the host's closing lines (a count, a question) below.

use crate::app::picker::Picker;
use crate::i18n::{Strings, fill};
use crate::ui::theme::Theme;
use crate::ui::widgets::text::cut;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

/// One row of a picker as drawn.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// What the row says (and the search looks in).
    pub text: String,
    /// Ticked or not, where rows are ticked (`None`: a list to choose one row from).
    pub ticked: Option<bool>,
    /// Drawn as a problem (a damaged file).
    pub problem: bool,
    /// The heading of the row's group, shown above the first row of the group shown.
    pub heading: Option<String>,
}

impl Row {
    pub fn ticked(text: String, on: bool) -> Row {
        Row {
            text,
            ticked: Some(on),
            ..Row::default()
        }
    }
}

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
    let rows: Vec<Row> = rows
        .iter()
        .map(|(text, on)| Row::ticked(text.clone(), *on))
        .collect();
    draw_rows(frame, area, picker, &rows, &[], t, theme);
}

/// What the search looks in, row by row.
fn search_texts(rows: &[Row]) -> Vec<String> {
    rows.iter().map(|r| r.text.clone()).collect()
}

/// The lines a picker takes with these rows (search line, headings, `tail`), for a
/// popup sized to its content.
pub fn height(picker: &Picker, rows: &[Row], tail: usize) -> usize {
    let shown = picker.shown(&search_texts(rows));
    let mut heading = None;
    let headings = shown
        .iter()
        .filter(|&&i| {
            let h = &rows[i].heading;
            let new = h.is_some() && *h != heading;
            heading = h.clone();
            new
        })
        .count();
    usize::from(picker.search.is_some()) + shown.len().max(1) + headings + tail
}

/// Draws `rows` into `area`, with `tail` (the host's lines: a count, a question) at the
/// bottom, always in view.
pub fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    picker: &Picker,
    rows: &[Row],
    tail: &[Line],
    t: &Strings,
    theme: &Theme,
) {
    let width = area.width as usize;
    let mut top: Vec<Line> = Vec::new();
    if let Some(field) = &picker.search {
        top.push(Line::from(vec![
            Span::styled(t.pick_search, theme.label),
            Span::styled(format!("{}▏", field.text()), theme.text),
        ]));
    }
    let shown = picker.shown(&search_texts(rows));
    let height = area.height as usize;
    if shown.is_empty() {
        // Nothing matches the search (or there is nothing at all and the host says
        // nothing about it).
        if picker.search.is_some() || tail.is_empty() {
            top.push(Line::styled(
                fill(t.pick_no_match, &[&picker.query()]),
                theme.dim,
            ));
        }
        top.extend(tail.iter().cloned());
        frame.render_widget(Paragraph::new(top).wrap(Wrap { trim: true }), area);
        return;
    }
    let highlight = picker.cursor != usize::MAX;
    let cur = if highlight {
        picker.cursor.min(shown.len() - 1)
    } else {
        0
    };
    // Every shown row's line, with a heading line where its group starts; which line
    // is the cursor's.
    let mut body: Vec<(Line, Option<usize>)> = Vec::new();
    let mut heading = None;
    let mut cursor_line = 0;
    for (k, &i) in shown.iter().enumerate() {
        let row = &rows[i];
        if row.heading.is_some() && row.heading != heading {
            let h = row.heading.clone().unwrap_or_default();
            body.push((Line::styled(cut(&h, width), theme.label), None));
        }
        heading = row.heading.clone();
        let mark = match row.ticked {
            Some(true) => "[x] ",
            Some(false) => "[ ] ",
            None => "",
        };
        let style = if k == cur && highlight {
            cursor_line = body.len();
            theme.selected
        } else if row.problem {
            theme.problem
        } else {
            theme.text
        };
        body.push((
            Line::styled(cut(&format!("{mark}{}", row.text), width), style),
            Some(k),
        ));
    }
    // Keep the cursor's row in view, with a "+N more" line when rows follow.
    let room = height.saturating_sub(top.len() + tail.len()).max(1);
    // (never scrolled further than the last row needs).
    let first = cursor_line
        .saturating_sub(room.saturating_sub(2))
        .min(body.len().saturating_sub(room));
    let mut lines = top;
    for (n, (line, _)) in body.iter().enumerate().skip(first) {
        let used = n - first;
        if used == room {
            break;
        }
        if used + 1 == room && n + 1 < body.len() && n > cursor_line {
            let k = body[n..]
                .iter()
                .find_map(|(_, k)| *k)
                .unwrap_or(shown.len());
            lines.push(Line::styled(
                fill(t.pick_more, &[&(shown.len() - k).to_string()]),
                theme.dim,
            ));
            break;
        }
        lines.push(line.clone());
    }
    lines.extend(tail.iter().cloned());
    frame.render_widget(Paragraph::new(lines), area);
}
