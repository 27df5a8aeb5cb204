//! An editable list drawn as a table (partners, documents, agenda blocks). The cell
//! being edited shows its live text editor; problems appear under the table.

use crate::app::App;
use crate::app::list::{Column, ListEditor};
use crate::ui::theme::Theme;
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

pub fn draw<T: Clone + Default>(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    rows: &[T],
    cols: &[Column<T>],
    editor: &ListEditor<T>,
    theme: &Theme,
) {
    let (t, method) = (app.t, &app.method);
    let problem = editor
        .editing
        .as_ref()
        .and_then(|e| e.problem)
        .map(|p| t.problem(p));
    // While editing, the cell's live text field sits under the table with its label,
    // large and clear for the room; the problem (if any) under that.
    let edit_h = if editor.editing.is_some() { 2 } else { 0 };
    let [table_area, edit_area, msg_area] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(edit_h),
        Constraint::Length(if problem.is_some() { 2 } else { 0 }),
    ]));
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(t.intake.empty_list, theme.dim)).wrap(Wrap { trim: true }),
            table_area,
        );
        return;
    }
    let widths: Vec<Constraint> = cols.iter().map(|c| Constraint::Fill(c.width)).collect();
    let header = Row::new(cols.iter().map(|c| Cell::from((c.label)(t)))).style(theme.label);
    let body = rows.iter().enumerate().map(|(i, r)| {
        Row::new(cols.iter().enumerate().map(|(ci, c)| {
            let editing = editor
                .editing
                .as_ref()
                .filter(|e| i == editor.selected && e.col == ci);
            // Text from another laptop's file: control, bidi and zero-width characters
            // shown visibly, never passed to the terminal.
            let text = crate::sanitize::visible_line(&c.show(r, t, method)).into_owned();
            match editing {
                Some(_) => Cell::from(text).style(theme.label_focus),
                None => Cell::from(text),
            }
        }))
    });
    let table = Table::new(body, widths)
        .header(header)
        .style(theme.text)
        .column_spacing(2)
        .row_highlight_style(if editor.editing.is_some() {
            Style::default().add_modifier(Modifier::BOLD)
        } else {
            theme.selected
        })
        .highlight_symbol("▶ ");
    let selected = editor.selected.min(rows.len() - 1);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, table_area, &mut state);
    // Rows can be clicked (below the header row).
    let first_y = table_area.y + 1;
    let shown = (rows.len() - state.offset()).min(table_area.height.saturating_sub(1) as usize);
    app.click_list.set(Some(crate::app::ClickList {
        area: Rect::new(table_area.x, first_y, table_area.width, shown as u16),
        selected_y: first_y + (selected - state.offset()) as u16,
    }));
    if let Some(ed) = &editor.editing {
        let label = format!("{}: ", (cols[ed.col].label)(t));
        let w = (label.chars().count() as u16).min(edit_area.width / 2);
        let [l, v] = edit_area
            .rows()
            .nth(1)
            .unwrap_or(edit_area)
            .layout(&Layout::horizontal([
                Constraint::Length(w),
                Constraint::Fill(1),
            ]));
        frame.render_widget(Paragraph::new(label).style(theme.label), l);
        match &ed.field {
            Some(f) => frame.render_widget(&f.area, v),
            None => frame.render_widget(
                Paragraph::new(format!(
                    "◀ {} ▶",
                    cols[ed.col].show(&rows[editor.selected.min(rows.len() - 1)], t, method)
                ))
                .style(theme.selected),
                v,
            ),
        }
    }
    if let Some(p) = problem {
        frame.render_widget(
            Paragraph::new(Line::styled(format!("⚠ {p}"), theme.problem)).wrap(Wrap { trim: true }),
            msg_area,
        );
    }
}
