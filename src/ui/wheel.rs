//! The Samenwerkingswiel screen: the drawn wheel (or a list), the placement and where
//! the partner kinds differ, the earlier round beside today, and the intentions.

use super::room::{Part, RoomView};
use super::theme::Theme;
use super::widgets::wheel::{self as drawn, Drawing, Segment};
use crate::app::wheel::{
    EditTarget, FormField, KINDS, Mode, Panel, Row, State, WheelView, evidence_options, link_text,
    rows, status_index,
};
use crate::app::{App, SessionView};
use crate::i18n::{Strings, fill};
use crate::method::{activity_name, phase_name};
use crate::model::validate::parse_date;
use crate::model::{ActivityStatus, Wheel};
use crate::sanitize::visible_line;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Status marks: niet gestart, bezig, gereed, niet van toepassing.
pub(super) const MARKS: [&str; 4] = ["○", "◐", "●", "–"];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let st = &s.wheel;
    match st.panel {
        Panel::Wheel => wheel_panel(frame, area, app, s, theme),
        Panel::Intentions => intentions_panel(frame, area, app, s, theme),
    }
    match &st.mode.0 {
        Mode::Edit(target, field) => {
            let w = app.t.wheel;
            let title = match target {
                EditTarget::Motivation => w.edit_motivation.to_string(),
                EditTarget::Note(id) => {
                    fill(w.edit_note, &[&activity_name(&app.method, &s.doc, id)])
                }
                EditTarget::Rename(id) => {
                    let name = if app.method.phase(id).is_some() {
                        app.method
                            .phase(id)
                            .map(|p| p.name.clone())
                            .unwrap_or_default()
                    } else {
                        app.method
                            .activity(id)
                            .map(|(_, a)| a.name.clone())
                            .unwrap_or_else(|| id.clone())
                    };
                    fill(w.edit_rename, &[&name])
                }
                EditTarget::FollowUpNote(_) => app.t.rounds.follow_up_note_title.to_string(),
            };
            let hint = matches!(target, EditTarget::Rename(_)).then_some(w.rename_hint);
            let h = 5.min(area.height);
            let r = Rect::new(area.x, area.bottom() - h, area.width, h);
            let title = Span::styled(title, theme.label);
            let inner = super::widgets::popup::frame(frame, r, title, theme.label, theme);
            let [field_area, hint_area] = inner.layout(&Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
            ]));
            frame.render_widget(&field.area, field_area);
            if let Some(hint) = hint {
                frame.render_widget(Paragraph::new(Span::styled(hint, theme.dim)), hint_area);
            }
        }
        Mode::Pick(id, picker) => pick_popup(frame, area, app, s, id, picker, theme),
        _ => {}
    }
}

fn status_of(w: &Wheel, id: &str) -> ActivityStatus {
    w.activities.get(id).map(|a| a.status).unwrap_or_default()
}

fn wheel_panel(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let st = &s.wheel;
    let m = &app.method;
    if m.wheel.phases.is_empty() {
        return;
    }
    let row = st.row(m).unwrap_or(Row::Phase(0));
    let wide = area.width >= 120;
    match (st.view, wide) {
        (WheelView::Drawn, false) => {
            // Small screen: the wheel on top, below it the placement (left) and the
            // selected phase (right), one line per item so the difference stays in view.
            let wheel_h = (area.height / 2).max(8).min(area.height);
            let [top, bottom] = area.layout(&Layout::vertical([
                Constraint::Length(wheel_h),
                Constraint::Fill(1),
            ]));
            draw_wheel(frame, top, app, s, row, theme);
            let [l, r] = bottom
                .layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).spacing(2));
            let lw = l.width as usize;
            // Phase now and the earlier round first, then the kinds, then the rest.
            let mut place = placement_lines(app, s, theme);
            let mut left = vec![place.remove(0)];
            left.extend(earlier_lines(app, s, theme));
            left.extend(kind_lines(app, s, theme, Some(lw)));
            left.extend(place);
            paragraph(frame, l, left, app.t, theme);
            let mut right = phase_lines(app, s, row, theme, Some(r.width as usize));
            right.extend(activity_detail(app, s, row, theme));
            right.push(intention_summary(app, s, theme));
            paragraph(frame, r, right, app.t, theme);
        }
        (view, _) => {
            let [main, side] = area.layout(
                &Layout::horizontal([Constraint::Percentage(58), Constraint::Fill(1)]).spacing(2),
            );
            let mut lines = placement_lines(app, s, theme);
            lines.extend(earlier_lines(app, s, theme));
            lines.push(Line::from(""));
            let compact = (side.width < 50).then_some(side.width as usize);
            lines.extend(kind_lines(app, s, theme, compact));
            lines.push(Line::from(""));
            if view == WheelView::Drawn {
                draw_wheel(frame, main, app, s, row, theme);
                lines.extend(phase_lines(app, s, row, theme, None));
            } else {
                list_view(frame, main, app, s, theme);
            }
            lines.extend(activity_detail(app, s, row, theme));
            lines.push(Line::from(""));
            lines.push(intention_summary(app, s, theme));
            paragraph(frame, side, lines, app.t, theme);
        }
    }
}

pub fn draw_wheel(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    row: Row,
    theme: &Theme,
) {
    // A blank row under the drawing: the bottom labels never run into what follows
    // (the footer, the placement lines).
    let area = if area.height >= 10 {
        Rect {
            height: area.height - 1,
            ..area
        }
    } else {
        area
    };
    let m = &app.method;
    let w = &s.doc.wheel;
    let t = app.t.wheel;
    let segments = m
        .wheel
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let marks: Vec<&str> = KINDS
                .iter()
                .enumerate()
                .filter(|(_, k)| w.per_kind.get(k) == Some(&p.id))
                .map(|(k, _)| t.kind_marks[k])
                .collect();
            Segment {
                label: phase_name(m, &s.doc, &p.id),
                marks: marks.join(" "),
                current: w.placement.phase.as_deref() == Some(p.id.as_str()),
                selected: row.phase() == i,
            }
        })
        .collect();
    let cycle = w.placement.cycle.max(1).to_string();
    drawn::draw(
        frame,
        area,
        &Drawing {
            segments,
            center: fill(t.cycle, &[&cycle]),
            center_short: fill(t.cycle_short, &[&cycle]),
            theme,
        },
    );
}

/// All phases and activities with their status, scrolled to keep the cursor in view.
fn list_view(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let m = &app.method;
    let st = &s.wheel;
    let w = &s.doc.wheel;
    let t = app.t.wheel;
    let all = rows(m);
    let cursor = st.cursor.min(all.len().saturating_sub(1));
    let height = area.height as usize;
    let first = cursor.saturating_sub(height.saturating_sub(2));
    let width = area.width as usize;
    let mut lines = Vec::new();
    for (i, r) in all.iter().enumerate().skip(first) {
        if lines.len() + 1 >= height && i + 1 < all.len() {
            let rest = all.len() - i;
            lines.push(Line::styled(fill(t.more, &[&rest.to_string()]), theme.dim));
            break;
        }
        let selected = i == cursor;
        let mut line = match *r {
            Row::Phase(p) => {
                let id = &m.wheel.phases[p].id;
                let current = w.placement.phase.as_deref() == Some(id.as_str());
                let marks: Vec<&str> = KINDS
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| w.per_kind.get(k) == Some(id))
                    .map(|(k, _)| t.kind_marks[k])
                    .collect();
                let mut spans = vec![Span::styled(
                    format!("{}. {}", p + 1, phase_name(m, &s.doc, id)),
                    if current { theme.selected } else { theme.label },
                )];
                if current {
                    spans.push(Span::styled(format!(" ◀ {}", t.now), theme.label));
                }
                if !marks.is_empty() {
                    spans.push(Span::styled(
                        format!("  [{}]", marks.join(" ")),
                        theme.label,
                    ));
                }
                Line::from(spans)
            }
            Row::Activity(p, a) => {
                let id = &m.wheel.phases[p].activities[a].id;
                let status = status_of(w, id);
                let mut spans = vec![Span::styled(
                    format!("   {} ", MARKS[status_index(status)]),
                    theme.label,
                )];
                let mut tail = format!("  {}", t.status[status_index(status)]);
                if let Some(e) = &st.earlier {
                    let was = status_of(&e.wheel, id);
                    tail.push_str(&format!(
                        " ({})",
                        fill(
                            t.earlier_was,
                            &[&e.round.to_string(), t.status[status_index(was)]]
                        )
                    ));
                }
                let room = width.saturating_sub(5 + tail.width());
                spans.push(Span::styled(
                    ellipsize(&activity_name(m, &s.doc, id), room),
                    theme.text,
                ));
                spans.push(Span::styled(tail, theme.dim));
                Line::from(spans)
            }
        };
        if selected {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn ellipsize(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + 2 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn placement_lines(app: &App, s: &SessionView, theme: &Theme) -> Vec<Line<'static>> {
    let t = app.t.wheel;
    let m = &app.method;
    let w = &s.doc.wheel;
    let now = match &w.placement.phase {
        Some(id) => Span::styled(phase_name(m, &s.doc, id), theme.selected),
        None => Span::styled(t.not_placed, theme.dim),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", t.phase_now), theme.label),
            now,
        ]),
        Line::styled(
            fill(t.cycle, &[&w.placement.cycle.max(1).to_string()]),
            theme.label,
        ),
    ];
    if w.placement.motivation.trim().is_empty() {
        lines.push(Line::styled(t.no_motivation, theme.dim));
    } else {
        lines.push(Line::styled(w.placement.motivation.clone(), theme.text));
    }
    lines
}

/// The earlier round beside today: "ronde 1: Kaderen → nu: Richten", and the counts.
fn earlier_lines(app: &App, s: &SessionView, theme: &Theme) -> Vec<Line<'static>> {
    let t = app.t.wheel;
    let m = &app.method;
    let w = &s.doc.wheel;
    let mut lines = Vec::new();
    if let Some(e) = &s.wheel.earlier {
        let round = e.round.to_string();
        let name = |p: &Option<String>| match p {
            Some(id) => phase_name(m, &s.doc, id),
            None => t.not_placed.to_string(),
        };
        lines.push(Line::styled(
            format!(
                "↺ {}",
                fill(
                    t.earlier,
                    &[
                        &round,
                        &name(&e.wheel.placement.phase),
                        &name(&w.placement.phase)
                    ]
                )
            ),
            theme.ok,
        ));
        if !e.label.is_empty() {
            lines.push(Line::styled(
                crate::sanitize::visible_line(&e.label).into_owned(),
                theme.dim,
            ));
        }
        let count = |w: &Wheel, st: ActivityStatus| {
            m.wheel
                .phases
                .iter()
                .flat_map(|p| &p.activities)
                .filter(|a| status_of(w, &a.id) == st)
                .count()
                .to_string()
        };
        lines.push(Line::styled(
            fill(
                t.earlier_counts,
                &[
                    &round,
                    &count(&e.wheel, ActivityStatus::Gereed),
                    &count(&e.wheel, ActivityStatus::Bezig),
                    &count(w, ActivityStatus::Gereed),
                    &count(w, ActivityStatus::Bezig),
                ],
            ),
            theme.dim,
        ));
    }
    lines
}

/// Per-kind placements; with `compact` (a width) one line each and no heading.
fn kind_lines(
    app: &App,
    s: &SessionView,
    theme: &Theme,
    compact: Option<usize>,
) -> Vec<Line<'static>> {
    let t = app.t.wheel;
    let m = &app.method;
    let w = &s.doc.wheel;
    let mut lines = Vec::new();
    if compact.is_none() {
        lines.push(Line::styled(t.per_kind, theme.label));
    }
    let placed: Vec<&String> = KINDS.iter().filter_map(|k| w.per_kind.get(k)).collect();
    let mut distinct: Vec<&String> = placed.clone();
    distinct.extend(w.placement.phase.as_ref());
    distinct.sort();
    distinct.dedup();
    let differ = !placed.is_empty() && distinct.len() > 1;
    for (i, k) in KINDS.iter().enumerate() {
        let (value, style) = match w.per_kind.get(k) {
            Some(id) => {
                let off = differ && w.placement.phase.as_ref() != Some(id);
                (
                    phase_name(m, &s.doc, id),
                    if off { theme.warn } else { theme.text },
                )
            }
            None => (t.kind_not_placed.to_string(), theme.dim),
        };
        let head = format!("{} {}: ", t.kind_marks[i], t.kinds[i]);
        let value = match compact {
            Some(width) => ellipsize(&value, width.saturating_sub(head.width())),
            None => value,
        };
        lines.push(Line::from(vec![
            Span::styled(head, theme.label),
            Span::styled(value, style),
        ]));
    }
    if differ {
        lines.push(Line::styled(format!("⚠ {}", t.differ), theme.problem));
    } else if !placed.is_empty() {
        lines.push(Line::styled(t.agree, theme.ok));
    }
    lines
}

/// The selected phase and its activities (drawn view); with `compact` (a width) one
/// line per activity.
fn phase_lines(
    app: &App,
    s: &SessionView,
    row: Row,
    theme: &Theme,
    compact: Option<usize>,
) -> Vec<Line<'static>> {
    let t = app.t.wheel;
    let m = &app.method;
    let w = &s.doc.wheel;
    let p = row.phase();
    let phase = &m.wheel.phases[p];
    let done = phase
        .activities
        .iter()
        .filter(|a| status_of(w, &a.id) == ActivityStatus::Gereed)
        .count();
    let head = format!(
        "{}. {} — {}",
        p + 1,
        phase_name(m, &s.doc, &phase.id),
        fill(
            t.progress,
            &[&done.to_string(), &phase.activities.len().to_string()]
        )
    );
    let head_style = if row == Row::Phase(p) {
        theme.selected
    } else {
        theme.label
    };
    let mut lines = vec![Line::styled(head, head_style)];
    for (a, act) in phase.activities.iter().enumerate() {
        let status = status_of(w, &act.id);
        let mut text = format!(
            "{} {} — {}",
            MARKS[status_index(status)],
            activity_name(m, &s.doc, &act.id),
            t.status[status_index(status)]
        );
        if let Some(e) = &s.wheel.earlier {
            let was = status_of(&e.wheel, &act.id);
            text.push_str(&format!(
                " ({})",
                fill(
                    t.earlier_was,
                    &[&e.round.to_string(), t.status[status_index(was)]]
                )
            ));
        }
        let style = if row == Row::Activity(p, a) {
            theme.selected
        } else {
            theme.text
        };
        let text = match compact {
            Some(width) => ellipsize(&text, width),
            None => text,
        };
        lines.push(Line::styled(text, style));
    }
    lines
}

/// Note and evidence of the selected activity.
fn activity_detail(app: &App, s: &SessionView, row: Row, theme: &Theme) -> Vec<Line<'static>> {
    let Row::Activity(p, a) = row else {
        return Vec::new();
    };
    let t = app.t.wheel;
    let m = &app.method;
    let id = &m.wheel.phases[p].activities[a].id;
    let state = s.doc.wheel.activities.get(id);
    let mut lines = Vec::new();
    if s.wheel.view == WheelView::List {
        lines.push(Line::styled(activity_name(m, &s.doc, id), theme.label));
    }
    if let Some(note) = state.map(|st| st.note.trim()).filter(|n| !n.is_empty()) {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", t.note), theme.label),
            Span::styled(note.to_string(), theme.text),
        ]));
    }
    let linked = state.map(|st| st.evidence.as_slice()).unwrap_or_default();
    if linked.is_empty() {
        lines.push(Line::styled(t.no_evidence, theme.dim));
    } else {
        lines.push(Line::styled(format!("{}:", t.evidence), theme.label));
        let options = evidence_options(&s.doc, app.t);
        for e in linked {
            let text = options
                .iter()
                .find(|o| &o.id == e)
                .map(|o| format!("• {}: {}", o.source, o.text))
                .unwrap_or_else(|| format!("• {e}"));
            lines.push(Line::styled(text, theme.text));
        }
    }
    lines
}

fn intention_summary(app: &App, s: &SessionView, theme: &Theme) -> Line<'static> {
    let list = &s.doc.intentions;
    let missing = list.iter().filter(|i| i.owner.trim().is_empty()).count();
    let template = if missing > 0 {
        app.t.wheel.intentions_count
    } else {
        app.t.wheel.intentions_count_ok
    };
    Line::styled(
        fill(template, &[&list.len().to_string(), &missing.to_string()]),
        if missing > 0 {
            theme.problem
        } else {
            theme.label
        },
    )
}

/// Rows a line takes when wrapped to `width`.
fn rows_of(line: &Line, width: u16) -> usize {
    line.width().max(1).div_ceil(width.max(1) as usize)
}

/// Styled spans as lines of at most `width` columns, broken between words; the lines
/// after the first start `indent` columns in, under the text rather than under its
/// number. A word longer than a line is broken in it.
fn hang(spans: Vec<Span<'static>>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let indent = indent.min(width / 2);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    for span in spans {
        let style = span.style;
        // Words with the spaces before them, so the spacing of the text is kept.
        let mut rest = span.content.as_ref();
        while !rest.is_empty() {
            let start = rest.len() - rest.trim_start_matches(' ').len();
            let end = rest[start..].find(' ').map_or(rest.len(), |e| start + e);
            let (token, tail) = rest.split_at(end);
            rest = tail;
            let mut token = token.to_string();
            if width > 0 && used + token.width() > width && used > indent {
                out.push(Line::from(std::mem::take(&mut cur)));
                cur.push(Span::raw(" ".repeat(indent)));
                used = indent;
                token = token.trim_start_matches(' ').to_string();
            }
            // Too long for any line: broken by characters.
            let mut piece = String::new();
            for c in token.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if width > 0 && used + cw > width && used > indent {
                    cur.push(Span::styled(std::mem::take(&mut piece), style));
                    out.push(Line::from(std::mem::take(&mut cur)));
                    cur.push(Span::raw(" ".repeat(indent)));
                    used = indent;
                }
                piece.push(c);
                used += cw;
            }
            cur.push(Span::styled(piece, style));
        }
    }
    out.push(Line::from(cur));
    out
}

/// Renders lines, wrapped; what does not fit is counted ("+4 meer"), never cut silently.
fn paragraph(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, t: &Strings, theme: &Theme) {
    let height = area.height as usize;
    let total: usize = lines.iter().map(|l| rows_of(l, area.width)).sum();
    let mut out = Vec::new();
    if total <= height {
        out = lines;
    } else {
        let mut used = 0;
        let n = lines.len();
        for (i, l) in lines.into_iter().enumerate() {
            let r = rows_of(&l, area.width);
            if used + r + 1 > height {
                out.push(Line::styled(
                    fill(t.wheel.more, &[&(n - i).to_string()]),
                    theme.dim,
                ));
                break;
            }
            used += r;
            out.push(l);
        }
    }
    frame.render_widget(Paragraph::new(out).wrap(Wrap { trim: false }), area);
}

fn pick_popup(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    id: &str,
    picker: &crate::app::picker::Picker,
    theme: &Theme,
) {
    let t = app.t.wheel;
    let r = area.inner(Margin::new(2, 1));
    let title = Span::styled(
        fill(t.evidence_title, &[&activity_name(&app.method, &s.doc, id)]),
        theme.label,
    );
    let inner = super::widgets::popup::frame(frame, r, title, theme.label, theme);
    let options = evidence_options(&s.doc, app.t);
    if options.is_empty() {
        frame.render_widget(
            Paragraph::new(t.evidence_none)
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let linked = s
        .doc
        .wheel
        .activities
        .get(id)
        .map(|a| a.evidence.clone())
        .unwrap_or_default();
    let rows: Vec<(String, bool)> = crate::app::wheel::evidence_rows(&options)
        .into_iter()
        .zip(&options)
        .map(|(row, o)| (row, linked.contains(&o.id)))
        .collect();
    super::widgets::picker::draw(frame, inner, picker, &rows, app.t, theme);
}

fn intentions_panel(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let st: &State = &s.wheel;
    if let Mode::Form(form) = &st.mode.0 {
        return form_view(frame, area, app, s, form, theme);
    }
    let t = app.t.wheel;
    let list = &s.doc.intentions;
    let mut lines = vec![
        Line::styled(t.intentions_title, theme.label),
        Line::from(""),
    ];
    if list.is_empty() {
        lines.push(Line::styled(t.intentions_none, theme.dim));
    }
    let cur = st.intentions.current(list.len());
    // Each intention takes a text line and a details line; scroll to keep the cursor.
    let per = 2usize;
    let room = (area.height as usize).saturating_sub(4) / per;
    let first = cur.saturating_sub(room.saturating_sub(1));
    let shown_end = (first + room.max(1)).min(list.len());
    if first > 0 {
        lines.push(Line::styled(fill(t.more, &[&first.to_string()]), theme.dim));
    }
    for (i, it) in list.iter().enumerate().take(shown_end).skip(first) {
        let text = if it.text.trim().is_empty() {
            "…"
        } else {
            it.text.as_str()
        };
        let style = if i == cur { theme.selected } else { theme.text };
        let number = format!("{}. ", i + 1);
        let indent = number.width();
        lines.extend(hang(
            vec![Span::styled(format!("{number}{text}"), style)],
            area.width as usize,
            indent,
        ));
        let mut details = vec![Span::raw("   ")];
        if it.owner.trim().is_empty() {
            details.push(Span::styled(t.no_owner, theme.warn));
        } else {
            details.push(Span::styled(
                format!("{}: {}", t.f_owner, it.owner),
                theme.label,
            ));
        }
        if !it.due.trim().is_empty() {
            match parse_date(&it.due) {
                Ok(_) => details.push(Span::styled(
                    format!(" · {}", fill(t.due_label, &[&it.due])),
                    theme.text,
                )),
                Err(_) => details.push(Span::styled(
                    format!(" · {}", fill(t.bad_due, &[&it.due])),
                    theme.problem,
                )),
            }
        }
        if it.link.is_some() {
            details.push(Span::styled(
                format!(" · {}", link_text(&app.method, &s.doc, app.t, &it.link)),
                theme.dim,
            ));
        }
        details.push(Span::styled(
            format!(" · {}", if it.public { t.public_yes } else { t.public_no }),
            theme.dim,
        ));
        // Carried from an earlier round (or followed up): what became of it.
        if it.carried_from.is_some() || it.outcome.is_some() {
            let r = app.t.rounds;
            let mut text = String::from(" · ");
            if let Some(n) = it.carried_from {
                text.push_str(&fill(r.carried, &[&n.to_string()]));
                text.push_str(": ");
            }
            text.push_str(r.follow_up(it.outcome));
            if !it.outcome_note.trim().is_empty() {
                text.push_str(" — ");
                text.push_str(it.outcome_note.trim());
            }
            let style = if it.outcome.is_some() {
                theme.ok
            } else {
                theme.warn
            };
            details.push(Span::styled(text, style));
        } else if !it.outcome_note.trim().is_empty() {
            // A note (N) shows before any status is set.
            details.push(Span::styled(
                format!(" · {}", it.outcome_note.trim()),
                theme.text,
            ));
        }
        lines.extend(hang(details, area.width as usize, indent));
    }
    if shown_end < list.len() {
        lines.push(Line::styled(
            fill(t.more, &[&(list.len() - shown_end).to_string()]),
            theme.dim,
        ));
    }
    if let Some(text) = &st.deleted_note {
        // The deleted text gives way, so the way back (U) is always read whole.
        let room = (area.width as usize).saturating_sub(fill(t.deleted, &[""]).width());
        lines.push(Line::from(""));
        lines.push(Line::styled(
            fill(t.deleted, &[&ellipsize(text, room.max(8))]),
            theme.dim,
        ));
    }
    paragraph(frame, area, lines, app.t, theme);
}

fn form_view(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    form: &crate::app::wheel::Form,
    theme: &Theme,
) {
    let t = app.t.wheel;
    let list = &s.doc.intentions;
    let Some(idx) = list.iter().position(|i| i.id == form.id) else {
        return;
    };
    let it = &list[idx];
    let title = fill(
        t.form_title,
        &[&(idx + 1).to_string(), &list.len().to_string()],
    );
    frame.render_widget(
        Paragraph::new(Span::styled(title, theme.label)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let label_w = (area.width / 3).clamp(14, 26);
    let value_w = area.width.saturating_sub(label_w + 1);
    let mut y = area.y + 2;
    for f in FormField::ALL {
        if y >= area.bottom() {
            break;
        }
        let focused = form.focus == f;
        let (label, text_h) = match f {
            FormField::Text => (t.f_text, 3),
            FormField::Owner => (t.f_owner, 1),
            FormField::Due => (t.f_due, 1),
            FormField::Link => (t.f_link, 1),
            FormField::Public => (t.f_public, 1),
        };
        let problem = (f == FormField::Due && parse_date(&it.due).is_err())
            .then(|| format!("⚠ {}", app.t.p_not_a_date));
        // The message wraps: at 80 columns it must be read whole (it says what to type).
        let problem_h = problem.as_deref().map_or(0, |p| {
            super::widgets::text::wrap_count(p, value_w as usize) as u16
        });
        let h = (text_h + problem_h).min(area.bottom() - y);
        let label_style = if focused {
            theme.label_focus
        } else {
            theme.label
        };
        frame.render_widget(
            Paragraph::new(label)
                .style(label_style)
                .wrap(Wrap { trim: true }),
            Rect::new(area.x, y, label_w, h),
        );
        let value = Rect::new(area.x + label_w + 1, y, value_w, h);
        let field = match f {
            FormField::Text => Some(&form.text),
            FormField::Owner => Some(&form.owner),
            FormField::Due => Some(&form.due),
            _ => None,
        };
        match field {
            Some(fl) if focused => {
                frame.render_widget(&fl.area, Rect::new(value.x, y, value_w, text_h.min(h)))
            }
            Some(fl) => {
                let text = fl.text();
                let (text, style) = if f == FormField::Owner && text.trim().is_empty() {
                    (t.no_owner.to_string(), theme.warn)
                } else {
                    (text, theme.text)
                };
                frame.render_widget(
                    Paragraph::new(text).style(style).wrap(Wrap { trim: false }),
                    Rect::new(value.x, y, value_w, text_h.min(h)),
                )
            }
            None => {
                let text = if f == FormField::Link {
                    format!("◀ {} ▶", link_text(&app.method, &s.doc, app.t, &it.link))
                } else {
                    let mark = if it.public { "[x]" } else { "[ ]" };
                    format!(
                        "{mark} {}",
                        if it.public { t.public_yes } else { t.public_no }
                    )
                };
                let style = if focused { theme.selected } else { theme.text };
                frame.render_widget(Paragraph::new(Span::styled(text, style)), value);
            }
        }
        if let Some(p) = problem
            && h > text_h
        {
            frame.render_widget(
                Paragraph::new(Span::styled(p, theme.problem)).wrap(Wrap { trim: true }),
                Rect::new(value.x, y + text_h, value_w, h - text_h),
            );
        }
        y += h + 1;
    }
}

/// The wheel: drawn for the facilitator and the beamer.
pub const DRAWING: super::ScreenDrawing = super::ScreenDrawing {
    screen: crate::app::Screen::Wheel,
    draw,
    presenter,
    room,
};

/// The room sees the phases (the pact's marked), the selected phase's activities with
/// their status, or the public intentions with their kartrekkers.
fn room(app: &App, s: &SessionView, theme: &Theme) -> RoomView {
    RoomView::parts(wheel_parts(app, s, theme))
}

fn wheel_parts(app: &App, s: &SessionView, theme: &Theme) -> Vec<Part> {
    let doc = &s.doc;
    let mut out = Vec::new();
    if s.wheel.panel == crate::app::wheel::Panel::Intentions {
        // Public intentions only; one marked not public stays with the facilitator.
        for (n, it) in doc
            .intentions
            .iter()
            .enumerate()
            .filter(|(_, it)| it.public)
        {
            // The kartrekker in the same big letters, or plainly that there is none.
            let owner = if it.owner.trim().is_empty() {
                app.t.wheel.no_owner.to_string()
            } else {
                format!("{}: {}", app.t.wheel.f_owner, visible_line(it.owner.trim()))
            };
            let text = format!("{} ({owner})", visible_line(it.text.trim()));
            out.push(Part::big(n == s.wheel.intentions.selected, text, ""));
        }
        if out.is_empty() {
            out.push(Part::Line(Line::styled(app.t.room.no_items, theme.dim)));
        }
        return out;
    }
    use crate::app::wheel::Row;
    let current = doc.wheel.placement.phase.as_deref();
    // The facilitator's selection: a phase, or one of its activities. That phase's
    // activities are listed under it with their status, the selected one big.
    let selected = s.wheel.row(&app.method);
    let t = app.t.wheel;
    for (n, p) in app.method.wheel.phases.iter().enumerate() {
        let here = current == Some(p.id.as_str());
        let name = crate::method::phase_name(&app.method, doc, &p.id);
        let tail = if here {
            format!("  ◀ {}", t.now)
        } else {
            String::new()
        };
        out.push(Part::big(
            here,
            format!("{}. {}", n + 1, visible_line(&name)),
            tail,
        ));
        if selected.map(|r| r.phase()) != Some(n) {
            continue;
        }
        for (a, act) in p.activities.iter().enumerate() {
            let status = doc
                .wheel
                .activities
                .get(&act.id)
                .map(|x| x.status)
                .unwrap_or_default();
            let i = crate::app::wheel::status_index(status);
            let name =
                visible_line(&crate::method::activity_name(&app.method, doc, &act.id)).into_owned();
            let mark = MARKS[i];
            if selected == Some(Row::Activity(n, a)) {
                out.push(Part::big(true, name, format!("  {mark} {}", t.status[i])));
            } else {
                out.push(Part::Line(Line::from(vec![
                    Span::styled(format!("     {mark} "), theme.label),
                    Span::styled(name, theme.text),
                    Span::styled(format!("  {}", t.status[i]), theme.dim),
                ])));
            }
        }
    }
    if !doc.wheel.placement.motivation.trim().is_empty() && doc.wheel.placement.public {
        out.push(Part::Line(Line::from("")));
        out.push(Part::Line(Line::styled(
            visible_line(&doc.wheel.placement.motivation).into_owned(),
            theme.text,
        )));
    }
    out
}

/// The beamer shows the wheel drawn, the selected phase marked.
fn presenter(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let row = s
        .wheel
        .row(&app.method)
        .unwrap_or(crate::app::wheel::Row::Phase(0));
    draw_wheel(frame, area, app, s, row, theme)
}
