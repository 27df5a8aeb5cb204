//! The start screen: new session, the example, and the sessions in the session folder.

use super::theme::Theme;
use crate::app::{App, StartState};
use crate::clock;
use crate::i18n::fill;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, TableState};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, st: &StartState, theme: &Theme) {
    let t = app.t;
    let [title, folder, list] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::styled(t.start_title, theme.label)),
        title,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            fill(t.start_folder, &[&st.dir.display().to_string()]),
            theme.dim,
        )),
        folder,
    );
    let mut rows = vec![
        Row::new(vec![t.start_new.to_string()]),
        Row::new(vec![t.start_demo.to_string()]),
    ];
    // Names from files of other laptops: control, bidi and zero-width characters shown.
    let shown = |s: &str| crate::sanitize::visible_line(s).into_owned();
    for e in &st.entries {
        rows.push(match &e.summary {
            Ok((pact, round, date, saved)) => match &e.recovery {
                None => Row::new(vec![
                    shown(pact),
                    round.to_string(),
                    shown(date),
                    clock::date_hm(*saved),
                ]),
                Some(r) => Row::new(vec![
                    shown(pact),
                    round.to_string(),
                    shown(date),
                    fill(t.start_newer_copy, &[t.copy_kind(r.kind)]),
                ])
                .style(theme.warn),
            },
            Err(_) if e.recovery.is_some() => Row::new(vec![
                e.path
                    .file_name()
                    .map(|n| shown(&n.to_string_lossy()))
                    .unwrap_or_default(),
                String::new(),
                String::new(),
                fill(
                    t.start_newer_copy,
                    &[e.recovery.as_ref().map_or("", |r| t.copy_kind(r.kind))],
                ),
            ])
            .style(theme.warn),
            Err(why) => Row::new(vec![
                e.path
                    .file_name()
                    .map(|n| shown(&n.to_string_lossy()))
                    .unwrap_or_default(),
                String::new(),
                String::new(),
                fill(t.unreadable, &[&t.load_problem_short(why)]),
            ])
            .style(theme.problem),
        });
    }
    let header =
        Row::new(vec![t.col_pact, t.col_round, t.col_date, t.col_saved]).style(theme.label);
    let table = Table::new(
        rows,
        [
            Constraint::Fill(3),
            Constraint::Length(6),
            Constraint::Length(11),
            Constraint::Fill(2),
        ],
    )
    .header(header)
    .style(theme.text)
    .row_highlight_style(theme.selected)
    .highlight_symbol("▶ ")
    .block(
        Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border),
    );
    let mut state = TableState::default().with_selected(Some(st.selected));
    let count = st.entries.len() + 2;
    frame.render_stateful_widget(table, list, &mut state);
    // Rows can be clicked: below the border line and the header row.
    let first_y = list.y + 2;
    let shown = (count - state.offset()).min(list.height.saturating_sub(2) as usize);
    app.click_list.set(Some(crate::app::ClickList {
        area: Rect::new(list.x, first_y, list.width, shown as u16),
        selected_y: first_y + (st.selected - state.offset()) as u16,
    }));
    if st.entries.is_empty() && list.height > 5 {
        let r = Rect::new(list.x + 2, list.y + 4, list.width.saturating_sub(2), 1);
        frame.render_widget(Paragraph::new(Line::styled(t.start_none, theme.dim)), r);
    }
}
