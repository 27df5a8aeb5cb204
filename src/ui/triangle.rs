//! The Analyse-driehoek screen: editing view (corners and guiding questions as lists),
//! the drawn triangle, and the analysekader table. A top line names the three views.

use super::room::{Part, RoomView};
use super::theme::Theme;
use super::widgets::lines::Lines;
use super::widgets::text::cut;
use super::widgets::triangle::{self as drawn, Drawing, Label, item_lines, wrap};
use crate::app::triangle::{
    Mode, NoteIndex, State, Status, Target, View, all_notes, find_item, focus_choices, is_projects,
    linked_notes, places, shown, suggestion,
};
use crate::app::{App, SessionView};
use crate::i18n::fill;
use crate::i18n::triangle::Strings as T;
use crate::model::{Innovation, Session, TriangleItem};
use crate::sanitize::visible_line;
use ratatui::prelude::*;
use ratatui::widgets::{BorderType, Borders, Paragraph};
use std::cell::OnceCell;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t.triangle;
    let st = &s.triangle;
    let [top, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    tabs(frame, top, t, st, theme);
    match st.view {
        View::Edit => edit_view(frame, body, app, s, theme),
        View::Drawn => drawn_view(frame, body, app, &s.doc, theme),
        View::Kader => kader_view(frame, body, app, s, theme),
    }
    match &st.mode {
        Mode::FocusPick(picker) => focus_popup(frame, body, app, s, Some(picker), theme),
        Mode::EvidencePick(picker) => evidence_popup(frame, body, app, s, picker, theme),
        Mode::Notes { scroll } => notes_popup(frame, body, app, s, *scroll, theme),
        Mode::MovePick(picker) => move_popup(frame, body, app, s, picker, theme),
        Mode::Typing {
            target: Target::NewFocus,
            ..
        } => focus_popup(frame, body, app, s, None, theme),
        _ => {}
    }
}

fn status_text(t: &T, s: Status) -> &'static str {
    match s {
        Status::Deleted => t.s_deleted,
        Status::SortedNoReorder => t.s_sorted_no_reorder,
        Status::OnlyProjects => t.s_only_projects,
        Status::NoNotes => t.s_no_notes,
        Status::NoItem => t.s_no_item,
        Status::Moved => t.s_moved,
    }
}

fn tabs(frame: &mut Frame, area: Rect, t: &T, st: &State, theme: &Theme) {
    let views = [
        (View::Edit, t.view_edit),
        (View::Drawn, t.view_drawn),
        (View::Kader, t.view_kader),
    ];
    let all_w: usize = views.iter().map(|(_, n)| n.chars().count() + 3).sum();
    let extra_w = st
        .status
        .map_or(0, |m| status_text(t, m).chars().count() + 1)
        + if st.sort_by_votes && st.view == View::Edit {
            t.sorted.chars().count() + 3
        } else {
            0
        };
    // A message must be read whole: when it does not fit beside the three view names,
    // only the current view's name stays.
    let only_current = all_w + extra_w > area.width as usize;
    let mut spans = Vec::new();
    for (v, name) in views {
        if only_current && v != st.view {
            continue;
        }
        let style = if v == st.view {
            theme.selected
        } else {
            theme.dim
        };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::raw(" "));
    }
    if st.sort_by_votes && st.view == View::Edit {
        spans.push(Span::styled(format!("· {} ", t.sorted), theme.label));
    }
    if let Some(msg) = st.status {
        spans.push(Span::styled(format!(" {}", status_text(t, msg)), theme.ok));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn innovation_name(t: &T, i: Innovation) -> &'static str {
    match i {
        Innovation::Technologisch => t.tech,
        Innovation::SociaalOrganisatorisch => t.social,
    }
}

/// The lines of one list item in the editing view: votes and title, and a note of its
/// interview evidence.
fn list_item<'a>(
    app: &App,
    doc: &'a Session,
    index: &OnceCell<NoteIndex<'a>>,
    it: &TriangleItem,
    width: usize,
) -> Vec<String> {
    let t = app.t.triangle;
    let title = if it.title.trim().is_empty() {
        "…".to_string()
    } else {
        it.title.clone()
    };
    let mut lines = item_lines(it.votes, &title, width);
    let mut notes: Vec<String> = Vec::new();
    // Wide boxes (a large screen) have room for the tags; narrow ones show them in the
    // strip below for the selected item only.
    if width >= 50 {
        if let Some(n) = it.carried_from {
            notes.push(fill(app.t.rounds.carried, &[&n.to_string()]));
        }
        notes.extend(it.focus_areas.iter().cloned());
        if is_projects(&app.method, &it.place) {
            notes.extend(it.innovation.map(|i| innovation_name(t, i).to_string()));
            if !it.owner.trim().is_empty() {
                notes.push(format!("{}: {}", t.owner, it.owner.trim()));
            }
        }
    }
    // The index of note ids is built once per frame, and only when an item that is
    // shown has evidence (500 items × 10 000 notes scanned per item took 20 ms).
    let n = if it.evidence.is_empty() {
        0
    } else {
        index.get_or_init(|| NoteIndex::new(doc)).evidence_count(it)
    };
    if n > 0 {
        notes.push(fill(t.from_interviews, &[&n.to_string()]));
    }
    if !notes.is_empty() {
        let indent = item_lines(it.votes, "x", width)[0].chars().count() - 1;
        lines.extend(
            wrap(&notes.join(" · "), width.saturating_sub(indent))
                .into_iter()
                .map(|l| format!("{}{l}", " ".repeat(indent))),
        );
    }
    lines
}

/// A scrolled list of multi-line entries that keeps `selected` in view and says how many
/// are above ("↑ 2 hoger") and below ("+3 meer").
fn scrolled<'a>(
    entries: Vec<Vec<Line<'a>>>,
    selected: Option<usize>,
    height: usize,
    t: &T,
    theme: &Theme,
) -> Vec<Line<'a>> {
    if height == 0 {
        return Vec::new();
    }
    let total: usize = entries.iter().map(Vec::len).sum();
    if total <= height {
        return entries.into_iter().flatten().collect();
    }
    let sel = selected.unwrap_or(0).min(entries.len().saturating_sub(1));
    // The first entry shown: the latest that still shows the selected one whole.
    let mut first = 0;
    loop {
        let markers = usize::from(first > 0) + 1;
        let used: usize = entries[first..=sel.max(first)].iter().map(Vec::len).sum();
        if used + markers <= height || first >= sel {
            break;
        }
        first += 1;
    }
    let mut out = Vec::new();
    if first > 0 {
        out.push(Line::styled(
            fill(t.above, &[&first.to_string()]),
            theme.dim,
        ));
    }
    let mut shown_to = first;
    for (i, e) in entries.iter().enumerate().skip(first) {
        let left_after = entries.len() - i - 1;
        let room = height - out.len();
        if e.len() + usize::from(left_after > 0) > room {
            if i == sel && room > 1 {
                // The selected entry is taller than the room: show its start.
                out.extend(e.iter().take(room - 1).cloned());
                shown_to = i + 1;
            }
            break;
        }
        out.extend(e.iter().cloned());
        shown_to = i + 1;
    }
    let rest = entries.len() - shown_to;
    if rest > 0 {
        out.push(Line::styled(fill(t.more, &[&rest.to_string()]), theme.dim));
    }
    out
}

fn edit_view(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t.triangle;
    let st = &s.triangle;
    let doc = &s.doc;
    let ps = places(&app.method);
    let index = OnceCell::new();
    let typing = st.typing();
    // The strip below takes what the selected item needs (within limits); the lists
    // get the rest.
    let strip_h = if typing {
        (area.height / 3).clamp(4, 10)
    } else {
        let need = item_facts(app, s, area.width as usize, theme).map_or(1, |l| l.len()) as u16 + 1;
        need.clamp(3, (area.height / 4).max(3))
    };
    let [lists, strip] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(strip_h),
    ]));
    let corners: Vec<usize> = (0..ps.len()).filter(|&i| ps[i].corner).collect();
    let questions: Vec<usize> = (0..ps.len()).filter(|&i| !ps[i].corner).collect();
    let rows: Vec<&Vec<usize>> = [&corners, &questions]
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect();
    let row_rects = lists.layout_vec(&Layout::vertical(
        rows.iter().map(|_| Constraint::Fill(1)).collect::<Vec<_>>(),
    ));
    let focused = st.place.min(ps.len().saturating_sub(1));
    for (row, rect) in rows.iter().zip(row_rects) {
        let cols = rect.layout_vec(&Layout::horizontal(
            row.iter().map(|_| Constraint::Fill(1)).collect::<Vec<_>>(),
        ));
        for (&p, r) in row.iter().zip(cols) {
            let place = &ps[p];
            let is_focus = p == focused;
            // Through the block cache: a frame is copied, not drawn over its whole area.
            let block = crate::ui::widgets::cache::Border {
                borders: Borders::ALL,
                border_type: if is_focus {
                    BorderType::Thick
                } else {
                    BorderType::Plain
                },
                style: if is_focus { theme.label } else { theme.border },
            };
            let inner = block.inner(r);
            frame.render_widget(block, r);
            let w = inner.width as usize;
            let idx = shown(&doc.triangle, &place.id, st.sort_by_votes);
            let head_style = if is_focus {
                theme.label_focus
            } else {
                theme.label
            };
            let count = format!(" ({})", idx.len());
            let mut head: Vec<Line> = wrap(&format!("{} {}{count}", p + 1, place.name), w)
                .into_iter()
                .map(|l| Line::styled(l, head_style))
                .collect();
            // The heading takes at most half the box, so items always show; a shortened
            // heading keeps its count.
            let max_head = (inner.height as usize / 2).max(1);
            if head.len() > max_head {
                head.truncate(max_head);
                if let Some(last) = head.last_mut() {
                    let mut txt = last.to_string();
                    let room = w.saturating_sub(count.chars().count() + 1);
                    while txt.chars().count() > room && txt.pop().is_some() {}
                    *last = Line::styled(format!("{}…{count}", txt.trim_end()), head_style);
                }
            }
            let list_h = (inner.height as usize).saturating_sub(head.len());
            let sel = if is_focus { Some(st.selected) } else { None };
            // More items than rows: the compact form below is certain, and it replaces
            // every full entry, so they are not formatted at all (500 items, 10 000
            // notes: this is most of a keystroke's time).
            let surely_compact = head.len() + idx.len() > inner.height as usize;
            let mut raw: Vec<Vec<String>> = if surely_compact {
                vec![Vec::new(); idx.len()]
            } else {
                idx.iter()
                    .map(|&i| list_item(app, doc, &index, &doc.triangle.items[i], w))
                    .collect()
            };
            // Too little room to show every item wrapped (80×24): a one-line heading and
            // one line per item, so a box shows several items instead of one or two; the
            // strip below has the selected item in full. Rows left over go to the
            // selected item's title.
            let full = if surely_compact {
                usize::MAX
            } else {
                head.len() + raw.iter().map(Vec::len).sum::<usize>()
            };
            let mut list_h = list_h;
            if !idx.is_empty() && full > inner.height as usize {
                let name = cut(
                    &format!("{} {}", p + 1, place.name),
                    w.saturating_sub(count.chars().count()),
                );
                head = vec![Line::styled(format!("{name}{count}"), head_style)];
                list_h = (inner.height as usize).saturating_sub(1);
                // With at least as many items as rows there are no spare rows: every
                // item is one line, so only those within a screen of the selected one can
                // show; the rest are not wrapped at all (500 items: most of a keystroke).
                let one_line_each = idx.len() >= list_h;
                let around = sel.unwrap_or(0).min(idx.len() - 1);
                let titles: Vec<Vec<String>> = idx
                    .iter()
                    .enumerate()
                    .map(|(n, &i)| {
                        if one_line_each && n.abs_diff(around) > list_h {
                            return vec![String::new()];
                        }
                        let it = &doc.triangle.items[i];
                        let title = if it.title.trim().is_empty() {
                            "…"
                        } else {
                            it.title.as_str()
                        };
                        item_lines(it.votes, title, w)
                    })
                    .collect();
                // Every item one line; spare rows to the selected item, then in order.
                let mut keeps = vec![1; idx.len()];
                let mut spare = list_h.saturating_sub(idx.len());
                let order = sel
                    .filter(|&s| s < idx.len())
                    .into_iter()
                    .chain((0..idx.len()).filter(|&n| Some(n) != sel));
                for n in order {
                    let extra = titles[n].len().saturating_sub(1).min(spare);
                    keeps[n] += extra;
                    spare -= extra;
                }
                for ((e, mut lines), keep) in raw.iter_mut().zip(titles).zip(keeps) {
                    if lines.len() > keep {
                        // The last kept line carries the rest of the title, cut with "…".
                        let rest: Vec<&str> = lines[keep - 1..].iter().map(|l| l.trim()).collect();
                        let indent = if keep == 1 {
                            String::new()
                        } else {
                            " ".repeat(lines[keep - 1].len() - lines[keep - 1].trim_start().len())
                        };
                        let last = cut(&format!("{indent}{}", rest.join(" ")), w);
                        lines.truncate(keep - 1);
                        lines.push(last);
                    }
                    *e = lines;
                }
            }
            let entries: Vec<Vec<Line>> = if idx.is_empty() {
                vec![
                    wrap(t.empty_place, w)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.dim))
                        .collect(),
                ]
            } else {
                raw.into_iter()
                    .enumerate()
                    .map(|(n, lines)| {
                        let is_sel = sel == Some(n);
                        let style = if is_sel { theme.selected } else { theme.text };
                        lines
                            .into_iter()
                            .map(|l| {
                                let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(
                                    l.as_str(),
                                ));
                                Line::styled(
                                    if is_sel {
                                        format!("{l}{}", " ".repeat(pad))
                                    } else {
                                        l
                                    },
                                    style,
                                )
                            })
                            .collect()
                    })
                    .collect()
            };
            let mut lines = head;
            lines.extend(scrolled(entries, sel, list_h, t, theme));
            frame.render_widget(Lines(lines), inner);
        }
    }
    strip_view(frame, strip, app, s, theme);
}

/// The bottom strip: the selected item in full, or the field being typed in.
fn strip_view(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t.triangle;
    let st = &s.triangle;
    let doc = &s.doc;
    let block = crate::ui::widgets::cache::Border {
        borders: Borders::TOP,
        border_type: BorderType::Plain,
        style: theme.border,
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    if let Mode::Typing {
        target,
        field,
        item,
        fresh,
        ..
    } = &st.mode
    {
        let place_name = item
            .as_ref()
            .and_then(|id| find_item(doc, id))
            .and_then(|it| places(&app.method).into_iter().find(|p| p.id == it.place))
            .map(|p| p.name)
            .unwrap_or_default();
        let label = match target {
            Target::Title if *fresh => fill(t.t_new, &[&place_name]),
            Target::Title => t.t_title.to_string(),
            Target::Detail => t.t_detail.to_string(),
            Target::Owner => t.t_owner.to_string(),
            Target::Partners => t.t_partners.to_string(),
            Target::NewFocus => t.t_new_focus.to_string(),
            Target::Kader(_) => t.t_kader.to_string(),
        };
        let label_lines = wrap(&label, w);
        let lh = (label_lines.len() as u16).min(inner.height.saturating_sub(1));
        frame.render_widget(
            Paragraph::new(
                label_lines
                    .into_iter()
                    .map(|l| Line::styled(l, theme.label_focus))
                    .collect::<Vec<_>>(),
            ),
            Rect::new(inner.x, inner.y, inner.width, lh),
        );
        frame.render_widget(
            &field.area,
            Rect::new(inner.x, inner.y + lh, inner.width, inner.height - lh),
        );
        return;
    }
    let Some(text_lines) = item_facts(app, s, inner.width as usize, theme) else {
        frame.render_widget(Paragraph::new(Line::styled(t.no_item, theme.dim)), inner);
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    let h = inner.height as usize;
    let total = text_lines.len();
    for (n, (l, style)) in text_lines.into_iter().enumerate() {
        if total > h && n + 1 == h {
            lines.push(Line::styled(
                fill(t.more, &[&(total - n).to_string()]),
                theme.dim,
            ));
            break;
        }
        lines.push(Line::styled(l, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The selected item in full, wrapped to `w`: votes and title, detail, tags, evidence.
fn item_facts(app: &App, s: &SessionView, w: usize, theme: &Theme) -> Option<Vec<(String, Style)>> {
    let t = app.t.triangle;
    let doc = &s.doc;
    let i = s.triangle.selected_index(doc, &app.method)?;
    let it = &doc.triangle.items[i];
    let votes = if it.votes == 1 {
        t.votes_one.to_string()
    } else {
        fill(t.votes, &[&it.votes.to_string()])
    };
    let head = format!("{votes} {}", it.title);
    let mut text_lines: Vec<(String, Style)> = wrap(&head, w)
        .into_iter()
        .map(|l| (l, theme.label))
        .collect();
    if !it.detail.trim().is_empty() {
        for l in wrap(&format!("{}: {}", t.detail, it.detail), w) {
            text_lines.push((l, theme.text));
        }
    }
    // Public first: it decides whether the item is in the publieksversie.
    let mut facts: Vec<String> = vec![if it.public { t.public } else { t.not_public }.to_string()];
    if let Some(n) = it.carried_from {
        facts.push(fill(app.t.rounds.carried, &[&n.to_string()]));
    }
    if !it.focus_areas.is_empty() {
        facts.push(format!("{}: {}", t.focus, it.focus_areas.join(", ")));
    }
    if is_projects(&app.method, &it.place) {
        if let Some(inn) = it.innovation {
            facts.push(format!("{}: {}", t.innovation, innovation_name(t, inn)));
        }
        if !it.owner.trim().is_empty() {
            facts.push(format!("{}: {}", t.owner, it.owner));
        }
        if !it.partners.trim().is_empty() {
            facts.push(format!("{}: {}", t.partners, it.partners));
        }
    }
    let n = crate::app::triangle::evidence_count(doc, it);
    if n > 0 {
        facts.push(fill(t.from_interviews, &[&n.to_string()]));
    }
    {
        for l in wrap(&facts.join(" · "), w) {
            text_lines.push((l, theme.ok));
        }
    }
    Some(text_lines)
}

pub fn drawn_view(frame: &mut Frame, area: Rect, app: &App, doc: &Session, theme: &Theme) {
    drawn(frame, area, app, doc, theme, false);
}

/// [`drawn_view`] for the room (presenter view): items marked not public left out.
pub fn drawn_view_public(frame: &mut Frame, area: Rect, app: &App, doc: &Session, theme: &Theme) {
    drawn(frame, area, app, doc, theme, true);
}

fn drawn(frame: &mut Frame, area: Rect, app: &App, doc: &Session, theme: &Theme, public: bool) {
    let t = app.t.triangle;
    let m = &app.method.triangle;
    let tri = &doc.triangle;
    if m.corners.len() != 3 {
        frame.render_widget(
            Paragraph::new(Line::styled(t.not_three_corners, theme.dim)),
            area,
        );
        return;
    }
    let items_of = |id: &str| -> Vec<(i32, &str)> {
        shown(tri, id, true)
            .into_iter()
            .filter(|&i| !public || tri.items[i].public)
            .map(|i| (tri.items[i].votes, tri.items[i].title.as_str()))
            .collect()
    };
    let corner = |n: usize| Label {
        heading: m.corners[n].name.as_str(),
        items: items_of(&m.corners[n].id),
    };
    let pos = |id: &str| m.corners.iter().position(|c| c.id == id);
    let sides = m
        .questions
        .iter()
        .filter_map(|q| {
            Some((
                pos(&q.from)?,
                pos(&q.to)?,
                Label {
                    heading: q.text.as_str(),
                    items: items_of(&q.id),
                },
            ))
        })
        .collect();
    let d = Drawing {
        corners: [corner(0), corner(1), corner(2)],
        sides,
        more: t.more,
    };
    drawn::render(frame, area, &d, theme);
}

fn kader_view(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t.triangle;
    let st = &s.triangle;
    let doc = &s.doc;
    let rows = &app.method.triangle.kader_rows;
    let typing = st.typing();
    let (table, strip) = if typing {
        let [a, b] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length((area.height / 3).clamp(4, 12)),
        ]));
        (a, Some(b))
    } else {
        (area, None)
    };
    let q_w = (table.width as usize * 35 / 100).clamp(16, 50);
    let a_w = (table.width as usize).saturating_sub(q_w + 3).max(1);
    let mut entries: Vec<Vec<Line>> = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let sel = n == st.kader_row;
        let q = wrap(&row.text, q_w);
        let (answer, style): (Vec<String>, Style) = match doc.triangle.kader.get(&row.id) {
            Some(a) if !a.trim().is_empty() => (wrap(a, a_w), theme.text),
            _ => {
                let sug = suggestion(&app.method, &doc.triangle, &row.id);
                if sug.is_empty() {
                    (wrap(t.empty_cell, a_w), theme.dim)
                } else {
                    let mut v = wrap(t.suggestion, a_w);
                    v.extend(wrap(&sug, a_w));
                    (v, theme.dim)
                }
            }
        };
        let h = q.len().max(answer.len());
        let q_style = if sel { theme.label_focus } else { theme.label };
        let mut lines = Vec::new();
        for k in 0..h {
            let ql = q.get(k).cloned().unwrap_or_default();
            let pad = q_w.saturating_sub(unicode_width::UnicodeWidthStr::width(ql.as_str()));
            let al = answer.get(k).cloned().unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("{ql}{}", " ".repeat(pad)), q_style),
                Span::styled(" │ ", theme.border),
                Span::styled(al, style),
            ]));
        }
        lines.push(Line::styled("─".repeat(table.width as usize), theme.border));
        entries.push(lines);
    }
    let header = Line::from(vec![
        Span::styled(
            format!("{:<q_w$}", t.col_question),
            theme.label.add_modifier(Modifier::UNDERLINED),
        ),
        Span::styled(" │ ", theme.border),
        Span::styled(t.col_answer, theme.label.add_modifier(Modifier::UNDERLINED)),
    ]);
    let mut lines = vec![header];
    lines.extend(scrolled(
        entries,
        Some(st.kader_row),
        (table.height as usize).saturating_sub(1),
        t,
        theme,
    ));
    frame.render_widget(Paragraph::new(lines), table);
    if let Some(strip) = strip {
        strip_view(frame, strip, app, s, theme);
    }
}

fn popup(frame: &mut Frame, area: Rect, title: String, theme: &Theme) -> Rect {
    let w = (area.width * 8 / 10).clamp(area.width.min(40), 100);
    let h = (area.height * 8 / 10).max(area.height.min(8));
    let r = area.centered(Constraint::Length(w), Constraint::Length(h));
    let inner = super::widgets::popup::frame(frame, r, None, theme.label, theme);
    let title_lines: Vec<Line> = wrap(&title, inner.width as usize)
        .into_iter()
        .take(2)
        .map(|l| Line::styled(l, theme.label_focus))
        .collect();
    let th = title_lines.len() as u16;
    frame.render_widget(
        Paragraph::new(title_lines),
        Rect::new(inner.x, inner.y, inner.width, th),
    );
    Rect::new(
        inner.x,
        inner.y + th,
        inner.width,
        inner.height.saturating_sub(th),
    )
}

fn selected_item<'a>(app: &App, s: &'a SessionView) -> Option<&'a TriangleItem> {
    s.triangle
        .selected_index(&s.doc, &app.method)
        .map(|i| &s.doc.triangle.items[i])
}

/// The focus-area picker; `None` while a new area is typed (the list shows, no cursor).
fn focus_popup(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    picker: Option<&crate::app::picker::Picker>,
    theme: &Theme,
) {
    let t = app.t.triangle;
    let Some(it) = selected_item(app, s) else {
        return;
    };
    let rows: Vec<(String, bool)> =
        crate::app::triangle::focus_rows(&app.method, &s.doc.triangle, app.t)
            .into_iter()
            .zip(focus_choices(&app.method, &s.doc.triangle))
            .map(|(row, f)| (row, it.focus_areas.contains(&f)))
            .collect();
    // While a new focus area is typed, the strip below shows the field: leave it free.
    let area = if s.triangle.typing() && picker.is_none() {
        Rect::new(
            area.x,
            area.y,
            area.width,
            area.height.saturating_sub((area.height / 3).clamp(4, 10)),
        )
    } else {
        area
    };
    let r = popup(frame, area, fill(t.focus_title, &[&it.title]), theme);
    let no_cursor = crate::app::picker::Picker::default().at(usize::MAX);
    super::widgets::picker::draw(frame, r, picker.unwrap_or(&no_cursor), &rows, app.t, theme);
}

fn evidence_popup(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    picker: &crate::app::picker::Picker,
    theme: &Theme,
) {
    let t = app.t.triangle;
    let Some(it) = selected_item(app, s) else {
        return;
    };
    let doc = &s.doc;
    let rows: Vec<(String, bool)> = crate::app::triangle::evidence_rows(doc)
        .into_iter()
        .zip(all_notes(doc))
        .map(|(row, (iv, n))| (row, it.evidence.contains(&doc.interviews[iv].notes[n].id)))
        .collect();
    let r = popup(frame, area, fill(t.evidence_title, &[&it.title]), theme);
    super::widgets::picker::draw(frame, r, picker, &rows, app.t, theme);
}

fn notes_popup(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    scroll: usize,
    theme: &Theme,
) {
    let t = app.t.triangle;
    let Some(it) = selected_item(app, s) else {
        return;
    };
    let doc = &s.doc;
    let linked = linked_notes(doc, it);
    let count = fill(t.from_interviews, &[&linked.len().to_string()]);
    let r = popup(
        frame,
        area,
        fill(t.notes_title, &[&count, &it.title]),
        theme,
    );
    let w = r.width as usize;
    let entries: Vec<Vec<Line>> = linked
        .iter()
        .map(|&(iv, n)| {
            let mut v: Vec<Line> = wrap(
                &format!("• {}", crate::app::triangle::note_row(doc, iv, n)),
                w,
            )
            .into_iter()
            .map(|l| Line::styled(l, theme.text))
            .collect();
            v.push(Line::from(""));
            v
        })
        .collect();
    let sel = scroll.min(entries.len().saturating_sub(1));
    frame.render_widget(
        Paragraph::new(scrolled(entries, Some(sel), r.height as usize, t, theme)),
        r,
    );
}

fn move_popup(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    s: &SessionView,
    picker: &crate::app::picker::Picker,
    theme: &Theme,
) {
    use super::widgets::picker::{Row, draw_rows};
    let t = app.t.triangle;
    let Some(it) = selected_item(app, s) else {
        return;
    };
    let r = popup(frame, area, fill(t.move_title, &[&it.title]), theme);
    let rows: Vec<Row> = crate::app::triangle::move_rows(&app.method, &it.place, app.t)
        .into_iter()
        .map(|text| Row {
            text,
            ..Row::default()
        })
        .collect();
    draw_rows(frame, r, picker, &rows, &[], app.t, theme);
}

/// The triangle: drawn for the facilitator and the beamer.
pub const DRAWING: super::ScreenDrawing = super::ScreenDrawing {
    screen: crate::app::Screen::Triangle,
    draw,
    presenter,
    room,
};

/// The room sees the facilitator's corner with its public items, and the other corners
/// with their counts.
fn room(app: &App, s: &SessionView, theme: &Theme) -> RoomView {
    RoomView::parts(triangle_parts(app, s, theme))
}

fn triangle_parts(app: &App, s: &SessionView, theme: &Theme) -> Vec<Part> {
    let t = app.t;
    let places = crate::app::triangle::places(&app.method);
    let current = s.triangle.place.min(places.len().saturating_sub(1));
    let mut out = Vec::new();
    let Some(place) = places.get(current) else {
        return out;
    };
    out.push(Part::plain(true, place.name.clone()));
    // Only what is public: an item marked not public stays on the facilitator's side
    // (selected there, nothing is highlighted here).
    let shown = crate::app::triangle::shown(&s.doc.triangle, &place.id, false);
    let public = |i: &usize| s.doc.triangle.items[*i].public;
    for (n, &i) in shown.iter().enumerate().filter(|(_, i)| public(i)) {
        let it = &s.doc.triangle.items[i];
        out.push(Part::big(
            n == s.triangle.selected,
            visible_line(&it.title).into_owned(),
            "",
        ));
    }
    if !shown.iter().any(public) {
        out.push(Part::Line(Line::styled(t.room.no_items, theme.dim)));
    }
    // The other corners and questions, with how many items each has.
    out.push(Part::Line(Line::from("")));
    let others: Vec<String> = places
        .iter()
        .enumerate()
        .filter(|(n, _)| *n != current)
        .map(|(_, p)| {
            let count = crate::app::triangle::shown(&s.doc.triangle, &p.id, false)
                .into_iter()
                .filter(public)
                .count();
            format!("{} ({count})", p.name)
        })
        .collect();
    out.push(Part::Line(Line::styled(others.join(" · "), theme.dim)));
    out
}

/// The beamer shows the triangle drawn, public items only.
fn presenter(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    drawn_view_public(frame, area, app, &s.doc, theme)
}
