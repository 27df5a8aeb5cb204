//! Samenvatting: the report preview (the exported Markdown, read as Word reads it, see
//! [`super::markdown`]) and the checklist of what the report still lacks. Narrow:
//! checklist above the preview; wide: beside it.

use super::theme::Theme;
use crate::app::summary::{gap_screen, gap_text};
use crate::app::{App, SessionView};
use crate::export::Gap;
use crate::i18n::fill;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wide enough to put the checklist beside the preview.
const SIDE_BY_SIDE: u16 = 120;
const SIDE_WIDTH: u16 = 44;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let st = &s.summary;
    let (markdown, gaps) = st.preview(s, &app.method, app.lang, app.t, app.show_names);
    let (preview, side) = if area.width >= SIDE_BY_SIDE {
        let [p, _, c] = area.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(SIDE_WIDTH),
        ]));
        (p, c)
    } else {
        let width = area.width.saturating_sub(1) as usize;
        let export_rows = export_rows(app, s, width, theme).len() as u16;
        let gap_rows = gap_rows(app, s, &gaps, width, usize::MAX, theme).len() as u16;
        // At most half the screen; the rest of the list is counted ("+2 meer").
        let rows = (gap_rows + export_rows).min(area.height / 2).max(2);
        let [c, p] = area.layout(&Layout::vertical([
            // + the title row and the bottom border.
            Constraint::Length(rows + 2),
            Constraint::Fill(1),
        ]));
        (p, c)
    };
    draw_checklist(frame, side, app, s, &gaps, theme);
    draw_preview(frame, preview, app, s, &markdown, theme);
}

fn draw_checklist(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    gaps: &[Gap],
    theme: &Theme,
) {
    let t = app.t.summary;
    let block = Block::new()
        .borders(Borders::BOTTOM | Borders::LEFT)
        .border_style(theme.border)
        .title(Span::styled(format!(" {} ", t.checklist), theme.label));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let export_lines = export_rows(app, s, width, theme);
    let room = (inner.height as usize)
        .saturating_sub(export_lines.len())
        .max(1);
    let mut lines = gap_rows(app, s, gaps, width, room, theme);
    lines.truncate(room);
    lines.extend(export_lines);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The checklist, wrapped, the selected item highlighted with where Enter goes; what
/// does not fit is counted ("+2 meer").
fn gap_rows(
    app: &App,
    s: &SessionView,
    gaps: &[Gap],
    width: usize,
    room: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let t = app.t.summary;
    if gaps.is_empty() {
        return wrap(t.complete, width, 0)
            .into_iter()
            .map(|r| Line::styled(r, theme.ok))
            .collect();
    }
    let selected = s.summary.selected.min(gaps.len() - 1);
    let items: Vec<Vec<Line<'static>>> = gaps
        .iter()
        .enumerate()
        .map(|(i, gap)| {
            let text = format!("• {}", gap_text(gap, app.t));
            if i != selected {
                return wrap(&text, width, 2)
                    .into_iter()
                    .map(|r| Line::styled(r, theme.text))
                    .collect();
            }
            let hint = fill(t.goes_to, &[gap_screen(gap).title(app.t)]);
            // Beside the item when it fits, else on the rows under it.
            if text.width() + 2 + hint.width() <= width {
                return vec![Line::from(vec![
                    Span::styled(text, theme.selected),
                    Span::styled(format!("  {hint}"), theme.dim),
                ])];
            }
            let mut rows: Vec<Line<'static>> = wrap(&text, width, 2)
                .into_iter()
                .map(|r| Line::styled(r, theme.selected))
                .collect();
            rows.extend(
                wrap(&hint, width.saturating_sub(2), 0)
                    .into_iter()
                    .map(|r| Line::styled(format!("  {r}"), theme.dim)),
            );
            rows
        })
        .collect();
    let total: usize = items.iter().map(Vec::len).sum();
    if total <= room {
        return items.into_iter().flatten().collect();
    }
    // Too many: start where the selected item still fits, keep a row for "+N meer".
    let budget = room.saturating_sub(1);
    let mut first = 0;
    while first < selected && items[first..=selected].iter().map(Vec::len).sum::<usize>() > budget {
        first += 1;
    }
    let mut out = Vec::new();
    let mut shown = 0;
    for item in &items[first..] {
        if out.len() + item.len() > budget {
            break;
        }
        out.extend(item.iter().cloned());
        shown += 1;
    }
    let hidden = gaps.len() - shown;
    out.push(Line::styled(
        fill(t.more, &[&hidden.to_string()]),
        theme.dim,
    ));
    out
}

/// After an export: the folder and the files written, or why it failed.
fn export_rows(app: &App, s: &SessionView, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let t = app.t.summary;
    match &s.summary.exported {
        None => Vec::new(),
        Some(Err(e)) => wrap(&fill(t.export_failed, &[e]), width, 0)
            .into_iter()
            .map(|r| Line::styled(r, theme.problem))
            .collect(),
        Some(Ok(paths)) => {
            let (dir, names) = super::widgets::folder_and_names(paths);
            let mut rows = vec![Line::styled(
                clip_left(&format!("{} {dir}", t.exported), width),
                theme.ok,
            )];
            rows.extend(
                wrap(&names.join("  "), width, 0)
                    .into_iter()
                    .map(|r| Line::styled(r, theme.text)),
            );
            // What the publieksversie just written leaves out, and why.
            let (conflicts, changed) = crate::export::report::withheld_counts(&s.doc);
            if let Some(msg) = t.withheld_text(conflicts, changed) {
                rows.extend(
                    wrap(&msg, width, 0)
                        .into_iter()
                        .map(|r| Line::styled(r, theme.problem)),
                );
            }
            rows
        }
    }
}

/// Long paths lose their start, not their file name.
fn clip_left(text: &str, width: usize) -> String {
    if text.width() <= width || width < 2 {
        return text.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.reverse();
    format!("…{}", out.into_iter().collect::<String>())
}

fn draw_preview(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    markdown: &std::rc::Rc<str>,
    theme: &Theme,
) {
    let t = app.t.summary;
    let st = &s.summary;
    let [title, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let width = body.width.max(1) as usize;
    let rendered = super::markdown::rows_cached(markdown, 0, width, theme);
    let (rows, headings) = (&rendered.0, &rendered.1);
    let height = body.height as usize;
    let max = rows.len().saturating_sub(height);
    st.page_rows.set(height);
    st.max_scroll.set(max);
    let scroll = st.scroll.min(max);
    // Where the room's window follows: the section at the top and the rows into it.
    *st.top.borrow_mut() = headings
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (start, _))| *start <= scroll)
        .map(|(index, (start, heading))| crate::app::summary::Section {
            index,
            heading: heading.clone(),
            rows: scroll - start,
            public: st.public,
        });
    let name = if st.public {
        t.preview_public
    } else {
        t.preview_internal
    };
    let pos = fill(
        t.position,
        &[&(scroll + 1).to_string(), &rows.len().max(1).to_string()],
    );
    let pad = (title.width as usize).saturating_sub(name.width() + pos.width() + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(name, theme.label_focus),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(pos, theme.dim),
        ])),
        title,
    );
    let visible: Vec<Line> = rows.iter().skip(scroll).take(height).cloned().collect();
    frame.render_widget(Paragraph::new(visible), body);
}

/// A Markdown heading's text as it reads: `## Analyse\-driehoek` → `Analyse-driehoek`.
pub fn heading_text(line: &str) -> String {
    super::markdown::heading_text(line)
}

/// Word wrap by display width; words longer than a row are cut.
fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 4);
    let mut rows = Vec::new();
    let mut row = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.width();
        let sep = usize::from(used > 0);
        if used + sep + w > width && used > 0 {
            rows.push(std::mem::take(&mut row));
            row.push_str(&" ".repeat(indent));
            used = indent;
        } else if sep == 1 {
            row.push(' ');
            used += 1;
        }
        if used + w > width {
            // A very long word: cut it by width.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width {
                    rows.push(std::mem::take(&mut row));
                    row.push_str(&" ".repeat(indent));
                    used = indent;
                }
                row.push(c);
                used += cw;
            }
        } else {
            row.push_str(word);
            used += w;
        }
    }
    rows.push(row);
    rows
}

/// The summary: drawn for the facilitator and, as the publieksversie, for the beamer.
pub const DRAWING: super::ScreenDrawing = super::ScreenDrawing {
    screen: crate::app::Screen::Summary,
    draw,
    presenter: super::room::public_summary,
    room: super::room::publieksversie,
};
