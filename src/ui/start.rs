//! The start screen: new session, the example, and the sessions in the session folder,
//! grouped by pact (a heading per pact, its rounds under it), with the search typed so
//! far and, on request, the file names.

use super::theme::Theme;
use crate::app::start::Row as StartRow;
use crate::app::{App, StartState};
use crate::clock;
use crate::i18n::fill;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, st: &StartState, theme: &Theme) {
    let t = app.t;
    let ts = t.start;
    let [title, folder, search, list] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
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
    // Names from files of other laptops: control, bidi and zero-width characters shown.
    let shown = |s: &str| crate::sanitize::visible_line(s).into_owned();
    let visible = st.visible();
    let search_line = if st.query.is_empty() {
        Line::styled(ts.search_hint, theme.dim)
    } else {
        Line::styled(
            fill(
                ts.searching,
                &[
                    &shown(&st.query),
                    // Sessions: files that cannot be read are not counted as such.
                    &visible
                        .iter()
                        .filter(|&&i| st.entries[i].summary.is_ok())
                        .count()
                        .to_string(),
                    &st.entries
                        .iter()
                        .filter(|e| e.summary.is_ok())
                        .count()
                        .to_string(),
                ],
            ),
            theme.label,
        )
    };
    frame.render_widget(Paragraph::new(search_line), search);

    let file_of = |i: usize| shown(&st.entries[i].file_name());
    let rows_of = st.rows();
    // Columns: round, date, place (or file), last saved; the list's "▶ " comes first.
    let inner_w = list.width.saturating_sub(2) as usize;
    // The last column as wide as its widest value ("⚠ nieuwere reservekopie").
    let warnings = visible
        .iter()
        .filter_map(|&i| st.entries[i].recovery.as_ref())
        .map(|r| {
            fill(t.start_newer_copy, &[t.copy_kind(r.kind)])
                .chars()
                .count()
                + 1
        })
        .max();
    // With file names on a narrow screen the file names get the room of the last save
    // (unless a session has a newer copy to warn about).
    let saved_w = if st.show_files && inner_w < 110 && warnings.is_none() {
        0
    } else {
        warnings
            .into_iter()
            .chain([18, t.col_saved.chars().count() + 1])
            .max()
            .unwrap_or(18)
    };
    // Closer together only where file names need the room.
    let (mut round_w, mut date_w) = if saved_w == 0 { (10, 11) } else { (12, 12) };
    // File names whole: when the longest does not fit beside the date, the date gives
    // way (it is in the file name).
    if st.show_files {
        let longest = visible
            .iter()
            .map(|&i| file_of(i).chars().count() + 1)
            .max()
            .unwrap_or(0);
        if longest > inner_w.saturating_sub(round_w + date_w + saved_w) {
            date_w = 0;
        }
        // Then the round (also in the file name), keeping the indent under the pact.
        if longest > inner_w.saturating_sub(round_w + saved_w) {
            round_w = 2;
        }
    }
    let third_w = inner_w.saturating_sub(round_w + date_w + saved_w).max(8);
    let columns = |a: &str, b: &str, c: &str, d: &str| {
        let last = if saved_w == 0 {
            String::new()
        } else {
            pad(d, saved_w)
        };
        let a = if round_w <= 2 { "" } else { a };
        format!(
            "{}{}{}{last}",
            pad(a, round_w),
            pad(b, date_w),
            pad(c, third_w),
        )
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border);
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let [header, body] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    // Only the rows that fit are built (a folder may hold thousands): a window that
    // keeps the selected row in view.
    let selected_row = rows_of
        .iter()
        .enumerate()
        .filter(|(_, r)| !matches!(r, StartRow::Heading(..)))
        .nth(st.selected)
        .map_or(0, |(k, _)| k);
    let height = body.height as usize;
    let first = selected_row.saturating_sub(height.saturating_sub(1));
    let mut items: Vec<ListItem> = Vec::with_capacity(height);
    for r in rows_of.iter().skip(first).take(height) {
        let item = match r {
            StartRow::New => ListItem::new(t.start_new),
            StartRow::Demo => ListItem::new(t.start_demo),
            StartRow::Heading(name, n, total) => {
                let name = match name {
                    None => ts.unreadable_heading.to_string(),
                    Some(n) if n.is_empty() => ts.no_name.to_string(),
                    Some(n) => shown(n),
                };
                let heading = if n != total {
                    fill(ts.sessions_of, &[&name, &n.to_string(), &total.to_string()])
                } else if *n == 1 {
                    fill(ts.session_one, &[&name])
                } else {
                    fill(ts.sessions, &[&name, &n.to_string()])
                };
                ListItem::new(heading).style(theme.label.add_modifier(Modifier::BOLD))
            }
            StartRow::Entry(i) => {
                let e = &st.entries[*i];
                let third = |place: &str| {
                    if st.show_files {
                        file_of(*i)
                    } else {
                        shown(place)
                    }
                };
                match &e.summary {
                    Ok(h) => {
                        let round = format!("  {}", fill(ts.round_row, &[&h.round.to_string()]));
                        let (saved, style) = match &e.recovery {
                            None => (clock::date_hm(h.updated), theme.text),
                            Some(r) => {
                                (fill(t.start_newer_copy, &[t.copy_kind(r.kind)]), theme.warn)
                            }
                        };
                        ListItem::new(columns(
                            &round,
                            &shown(&h.session_date),
                            &third(&h.place),
                            &saved,
                        ))
                        .style(style)
                    }
                    Err(why) => {
                        let (what, style) = match &e.recovery {
                            Some(r) => {
                                (fill(t.start_newer_copy, &[t.copy_kind(r.kind)]), theme.warn)
                            }
                            None => (
                                fill(t.unreadable, &[&t.load_problem_short(why)]),
                                theme.problem,
                            ),
                        };
                        ListItem::new(format!("  {} · {what}", file_of(*i))).style(style)
                    }
                }
            }
        };
        items.push(item);
    }
    let third = if st.show_files {
        ts.col_file
    } else {
        ts.col_place
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("  {}", columns(t.col_round, t.col_date, third, t.col_saved)),
            theme.label,
        )),
        header,
    );
    let shown_rows = items.len();
    let widget = List::new(items)
        .style(theme.text)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = ListState::default().with_selected(Some(selected_row - first));
    frame.render_stateful_widget(widget, body, &mut state);
    // Rows can be clicked; a click selects the session on that row (see
    // `StartState::click`: headings do not count).
    let first_y = body.y;
    let selected_y = first_y + (selected_row - first) as u16;
    app.click_list.set(Some(crate::app::ClickList {
        area: Rect::new(body.x, first_y, body.width, shown_rows as u16),
        selected_y,
    }));
    if body.height > 4 {
        let note = if st.entries.is_empty() {
            Some(t.start_none)
        } else if visible.is_empty() {
            Some(ts.no_match)
        } else {
            None
        };
        if let Some(note) = note {
            let r = Rect::new(body.x + 2, body.y + 3, body.width.saturating_sub(2), 1);
            frame.render_widget(Paragraph::new(Line::styled(note, theme.dim)), r);
        }
    }
}

/// `s` in `w` columns: cut with … (and a space before the next column) when longer,
/// padded when shorter.
fn pad(s: &str, w: usize) -> String {
    if w == 0 {
        String::new()
    } else if s.chars().count() > w {
        let mut c: String = s.chars().take(w.saturating_sub(2)).collect();
        c.push('…');
        format!("{c:<w$}")
    } else {
        format!("{s:<w$}")
    }
}
