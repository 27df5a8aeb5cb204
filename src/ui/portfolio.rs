//! The portfolio (Overzicht) on the start screen: all pacts of the folder, their rounds
//! and phases, the pacts per phase per half year, and the obstacles and success factors
//! across pacts. The same data as `volgspot overzicht` (`export::portfolio`); no
//! interviewee's name is in it.

use super::theme::Theme;
use crate::app::start::PortfolioView;
use crate::app::{App, StartState};
use crate::export::portfolio::{kind_word, pct_line, period_label};
use crate::i18n::fill;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Paragraph};

/// Text from session files: control, bidi and zero-width characters shown.
fn shown(s: &str) -> String {
    crate::sanitize::visible_line(s).into_owned()
}

/// `s` cut to `w` characters (with … when cut), or padded to `w`.
fn pad(s: &str, w: usize, right: bool) -> String {
    let n = s.chars().count();
    let s = if n > w {
        let mut c: String = s.chars().take(w.saturating_sub(1)).collect();
        c.push('…');
        c
    } else {
        s.to_string()
    };
    if right {
        format!("{s:>w$}")
    } else {
        format!("{s:<w$}")
    }
}

/// The body's lines for a width, wrapped to it: nothing is cut at the right edge.
pub fn lines(app: &App, p: &PortfolioView, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    logical_lines(app, p, width, theme)
        .into_iter()
        .flat_map(|l| wrap(l, width as usize))
        .collect()
}

/// The body's lines as made once per width (see `PortfolioView::lines`).
pub fn cached(
    app: &App,
    p: &PortfolioView,
    width: u16,
    theme: &Theme,
) -> std::rc::Rc<[Line<'static>]> {
    if let Some((w, l)) = &*p.lines.borrow()
        && *w == width
    {
        return l.clone();
    }
    let l: std::rc::Rc<[Line<'static>]> = lines(app, p, width, theme).into();
    *p.lines.borrow_mut() = Some((width, l.clone()));
    l
}

/// One line (of one style) as lines of at most `width` columns, broken between words;
/// the lines after the first are indented two more than the first, so a list item's
/// continuation stays under its text. A word longer than the line is broken in it.
fn wrap(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if width == 0 || text.width() <= width {
        return vec![line];
    }
    let style = line.spans.first().map(|s| s.style).unwrap_or_default();
    let lead = text.len() - text.trim_start().len();
    let indent = " ".repeat((lead + 2).min(width / 2));
    let mut out: Vec<String> = Vec::new();
    let mut cur = text[..lead].to_string();
    let mut cur_w = cur.width();
    let mut empty = true;
    for word in text[lead..].split(' ').filter(|w| !w.is_empty()) {
        let ww = word.width();
        let gap = usize::from(!empty);
        if !empty && cur_w + gap + ww > width {
            out.push(std::mem::replace(&mut cur, indent.clone()));
            cur_w = indent.len();
            empty = true;
        }
        if !empty {
            cur.push(' ');
            cur_w += 1;
        }
        // A word wider than the room left: broken by characters.
        for c in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if cur_w + cw > width && cur_w > indent.len().min(cur_w) {
                out.push(std::mem::replace(&mut cur, indent.clone()));
                cur_w = indent.len();
            }
            cur.push(c);
            cur_w += cw;
        }
        empty = false;
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.into_iter().map(|s| Line::styled(s, style)).collect()
}

fn logical_lines(app: &App, p: &PortfolioView, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let t = app.t.portfolio;
    let ts = app.t.start;
    let d = &p.data;
    let mut out: Vec<Line<'static>> = Vec::new();
    out.push(Line::styled(t.pacts_heading.to_string(), theme.label));
    for pact in &d.pacts {
        out.push(Line::styled(
            format!("{} ", shown(&pact.name)),
            theme.label.add_modifier(Modifier::BOLD),
        ));
        for r in &pact.rounds {
            let phase = if r.phase.is_empty() {
                t.not_placed.to_string()
            } else {
                shown(&r.phase)
            };
            let date = if r.date.is_empty() {
                t.dash.to_string()
            } else {
                shown(&r.date)
            };
            let head = format!(
                "  {} · {date} · {}: {phase}",
                fill(ts.round_row, &[&r.round.to_string()]),
                t.phase,
            );
            let intentions = fill(
                ts.intentions,
                &[
                    &r.done.to_string(),
                    &r.open.to_string(),
                    &r.without_owner.to_string(),
                ],
            );
            let style = if r.without_owner > 0 {
                theme.warn
            } else {
                theme.text
            };
            // One line when it fits, else the intentions under it.
            if head.chars().count() + intentions.chars().count() + 3 <= width as usize {
                out.push(Line::styled(format!("{head} · {intentions}"), style));
            } else {
                out.push(Line::styled(head, theme.text));
                out.push(Line::styled(format!("      {intentions}"), style));
            }
            if !r.per_kind.is_empty() {
                out.push(Line::styled(
                    format!(
                        "      {}",
                        fill(ts.per_kind, &[&shown(&pct_line(app.lang, r))])
                    ),
                    theme.dim,
                ));
            }
        }
    }
    out.push(Line::default());
    out.push(Line::styled(t.counts_heading.to_string(), theme.label));
    // Phase names, then as many periods as fit, the newest kept.
    let names: Vec<String> = d
        .counts
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if i + 2 < d.counts.len() {
                format!("{} {}: {}", t.phase_word, i + 1, shown(&row.name))
            } else {
                shown(&row.name)
            }
        })
        .collect();
    let name_w = names
        .iter()
        .map(|n| n.chars().count())
        .chain([t.total.chars().count(), t.phase.chars().count()])
        .max()
        .unwrap_or(8)
        .min(30);
    let labels: Vec<String> = d.periods.iter().map(|x| period_label(t, *x)).collect();
    let col_w = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(4)
        .max(4)
        + 2;
    let room = (width as usize).saturating_sub(name_w + 2) / col_w;
    let first = labels.len().saturating_sub(room.max(1));
    let mut head = format!("  {}", pad(t.phase, name_w, false));
    if first > 0 {
        head = format!("  {}", pad(&format!("{} …", t.phase), name_w, false));
    }
    for l in &labels[first..] {
        head.push_str(&pad(l, col_w, true));
    }
    out.push(Line::styled(head, theme.dim));
    for (row, name) in d.counts.iter().zip(&names) {
        let mut line = format!("  {}", pad(name, name_w, false));
        for c in &row.counts[first..] {
            line.push_str(&pad(&c.to_string(), col_w, true));
        }
        out.push(Line::styled(line, theme.text));
    }
    let mut line = format!("  {}", pad(t.total, name_w, false));
    for c in &d.totals[first..] {
        line.push_str(&pad(&c.to_string(), col_w, true));
    }
    out.push(Line::styled(line, theme.label));
    out.push(Line::default());
    out.push(Line::styled(t.themes_heading.to_string(), theme.label));
    if d.themes.is_empty() {
        out.push(Line::styled(format!("  {}", t.nothing), theme.dim));
    }
    for g in &d.themes {
        out.push(Line::styled(
            format!(
                "  {} · {} · {}",
                shown(&g.focus),
                shown(&g.area),
                kind_word(t, g.kind)
            ),
            theme.label,
        ));
        for it in &g.items {
            out.push(Line::styled(
                format!(
                    "    - {} — {}",
                    shown(&it.text),
                    shown(&it.pacts.join(", "))
                ),
                theme.text,
            ));
        }
    }
    if !d.unreadable.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(
            format!("{}: {}", t.unreadable, shown(&d.unreadable.join(", "))),
            theme.problem,
        ));
    }
    out
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    st: &StartState,
    p: &PortfolioView,
    theme: &Theme,
) {
    let t = app.t;
    let folder_line = fill(
        t.start.portfolio_folder,
        &[&shown(&st.dir.display().to_string())],
    );
    // The folder line wraps (it says that no names are in it: that must be read whole).
    let rows_of = |s: &str| {
        use unicode_width::UnicodeWidthStr;
        (s.width().max(1)).div_ceil(area.width.max(1) as usize) as u16
    };
    let folder_rows = rows_of(&folder_line).min(3);
    let [title, folder, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(
            folder_rows
                + p.written
                    .as_ref()
                    .map_or(0, |(_, failed)| 2 + 2 * failed.len() as u16),
        ),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::styled(
            fill(
                t.portfolio.intro_short,
                &[t.portfolio.title, &p.data.pacts.len().to_string()],
            ),
            theme.label,
        )),
        title,
    );
    let mut head = vec![Line::styled(folder_line, theme.dim)];
    match &p.written {
        None => {}
        Some((paths, failed)) => {
            if !paths.is_empty() {
                // The folder once, then the file names: whole even at 80 columns.
                let (dir, names) = super::widgets::folder_and_names(paths);
                let names: Vec<String> = names.iter().map(|n| shown(n)).collect();
                head.push(Line::styled(
                    fill(t.start.written, &[&shown(&dir), &names.join(", ")]),
                    theme.label,
                ));
            }
            for e in failed {
                head.push(Line::styled(
                    fill(t.start.write_failed, &[&shown(e)]),
                    theme.problem,
                ));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(head).wrap(ratatui::widgets::Wrap { trim: true }),
        folder,
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let all = cached(app, p, inner.width, theme);
    // Scrolled no further than the last screenful; only the lines on screen are copied.
    let max = all.len().saturating_sub(inner.height as usize);
    p.max_scroll.set(max);
    let first = p.scroll.min(max);
    let shown_lines: Vec<Line> = all[first..]
        .iter()
        .take(inner.height as usize)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(shown_lines), inner);
}
